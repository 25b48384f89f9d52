package formula

// Divisibility by every member of a set, and a plural verb after one
// subject (cond2_each.go):
//
//	k is divisible by the numbers from 1 to 10      lcm(1..10) | k
//	d(k) is divisible by every prime factor of k    rad(k) | d(k)
//	S is divisible by all divisors of T             T | S
//	2*60*n/(60+n) are integers                      the one quotient is an integer

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// "S is (not) divisible by the numbers from a to b", "by all integers 1..b"
	reCond2DivRange = regexp.MustCompile(`^(.+?) is (not )?divisible by (?:all |each |every one )?(?:of )?(?:the )?(?:numbers|integers|positive integers) (?:from )?(\d+) ?(?:to|through|\.\.) ?(\d+)$`)
	// "S is (not) divisible by every prime factor of T", "by all divisors of T"
	reCond2DivEach = regexp.MustCompile(`^(.+?) is (not )?divisible by (?:every|each|all|all the|all of the|each of the) (prime factors?|prime divisors?|divisors?|positive divisors?) of (.+)$`)
	// "E are integers", "E are both integers": one subject, a plural verb
	reCond2AreInts = regexp.MustCompile(`^(.+?) are (?:both |all )?integers$`)
)

// cond2Each reads the conditions above, or nil.
func (r predReader) cond2Each(s string) *node {
	if m := reCond2DivRange.FindStringSubmatch(s); m != nil {
		a, err1 := strconv.ParseInt(m[3], 10, 32)
		b, err2 := strconv.ParseInt(m[4], 10, 32)
		if err1 != nil || err2 != nil || a < 1 || b < a || b > 40 {
			return nil
		}
		l := int64(1)
		for k := a; k <= b; k++ {
			l = l / gcdSmall(l, k) * k
			if l > 1<<31-1 {
				return nil
			}
		}
		return negIf(r.divides(strconv.FormatInt(l, 10), m[1]), m[2] != "")
	}
	if m := reCond2DivEach.FindStringSubmatch(s); m != nil {
		x, ok1 := r.term(m[1])
		y, ok2 := r.term(m[4])
		if !ok1 || !ok2 {
			return nil
		}
		d := y // every divisor of T divides S exactly when T does
		if strings.HasPrefix(m[3], "prime") {
			d = call("rad", y) // every prime factor: their product
		}
		return negIf(and(gt(y, num(0)), eq(bin(kMod, x, d), num(0))), m[2] != "")
	}
	if m := reCond2AreInts.FindStringSubmatch(s); m != nil {
		if len(splitTop(m[1], []string{" and ", ", "})) > 1 {
			return nil // several subjects: pred.go's join
		}
		return r.is(m[1], "an integer")
	}
	return nil
}

func negIf(x *node, neg bool) *node {
	if x == nil || !neg {
		return x
	}
	return not(x)
}

func gcdSmall(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
