package formula

// Trajectories named by the map that makes each term from the one before
// (phrase2): the map is a short list of steps, done in the order written,
// and the first term is the text's; the sequence is read as the
// recurrence a(n) = f(a(n-1)), a(0) or a(1) the start (the examples tell
// which).
//
//	Start with 14 and repeatedly reverse the digits and add 1 to get the next term.
//	Start with 1; repeatedly reverse the digits when the number is written in binary and add 2 to get the next term.
//	Add 4, then reverse the decimal digits; start with 10.
//	Define sequence S_m by: initial term = m, reverse digits and add 3 to get next term. Entry shows S_2.
//	Trajectory of 77 under the Reverse and Add! operation carried out in base 2.
//	3x - 1 sequence starting at 66.                     x/2 if x is even, else 3x - 1

import (
	"regexp"
	"strconv"
	"strings"
)

const ph2Op = `(?:reverse (?:the )?(?:decimal )?digits(?: when the number is written in (?:binary|base \d+))?|add \d+|multiply by \d+|subtract \d+)`

var (
	ph2Ops = `(` + ph2Op + `(?:(?:,? and then|,? then|,? and|,) ` + ph2Op + `)*)`
	// "Start with 14 and repeatedly OPS to get the next term."
	reP2IterStart = regexp.MustCompile(`^(?i:start) with (\d+)(?: and|;) repeatedly ` + ph2Ops + ` to get the next term\.?$`)
	// "Define sequence S_m by: initial term = m, OPS to get next term. Entry shows S_2."
	reP2IterDefine = regexp.MustCompile(`^Define sequence S_m by: initial term = m, ` + ph2Ops + ` to get (?:the )?next term\. Entry shows S_(\d+)\.`)
	// "Add 4, then reverse the decimal digits; start with 10."
	reP2IterOpsFirst = regexp.MustCompile(`^` + ph2Ops + `; start with (\d+)\.?$`)
	// "Trajectory of 77 under the Reverse and Add! operation carried out in base 2."
	reP2ReverseAdd = regexp.MustCompile(`^Trajectory of (\d+) under the Reverse and Add!? operation(?: carried out)?(?: in base (\d+))?\.?$`)
	// "3x - 1 sequence starting at 66.", "3x+1 sequence beginning at 27"
	reP2Collatz = regexp.MustCompile(`^(\d+)x ?([-+]) ?(\d+) sequence (?:starting|beginning) (?:at|with) (\d+)\.?$`)

	reP2OpSplit = regexp.MustCompile(`(?:,? and then|,? then|,? and|,) `)
	reP2OpBase  = regexp.MustCompile(`written in (binary|base (\d+))$`)
)

// phrase2Iter reads the text (its first sentence s, or all of it where
// the map and its start take two) as one of the trajectories above.
func (c *collector) phrase2Iter(s, text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	lower := strings.ToLower(text[:1]) + text[1:] // "Add 4, then ...": the steps' regexp is in lower case
	var ops, start, src string
	switch {
	case reP2IterStart.MatchString(text):
		m := reP2IterStart.FindStringSubmatch(text)
		ops, start, src = m[2], m[1], m[0]
	case reP2IterDefine.MatchString(text):
		m := reP2IterDefine.FindStringSubmatch(text)
		ops, start, src = m[1], m[2], m[0]
	case reP2IterOpsFirst.MatchString(lower):
		m := reP2IterOpsFirst.FindStringSubmatch(lower)
		ops, start, src = m[1], m[2], text[:len(m[0])]
	case reP2ReverseAdd.MatchString(s):
		m := reP2ReverseAdd.FindStringSubmatch(s)
		b := int64(10)
		if m[2] != "" {
			v, err := strconv.ParseInt(m[2], 10, 32)
			if err != nil || v < 2 || v > 36 {
				return true
			}
			b = v
		}
		x := vr("a1")
		c.ph2Trajectory(s, m[1], add(x, call("rev", x, num(b))))
		return true
	case reP2Collatz.MatchString(s):
		m := reP2Collatz.FindStringSubmatch(s)
		k, err1 := strconv.ParseInt(m[1], 10, 32)
		d, err2 := strconv.ParseInt(m[3], 10, 32)
		if err1 != nil || err2 != nil || k < 1 || k > 1000 || d > 1000 {
			return true
		}
		if m[2] == "-" {
			d = -d
		}
		x := vr("a1")
		even := eq(bin(kMod, x, num(2)), num(0))
		odd := eq(bin(kMod, x, num(2)), num(1))
		step := add(bin(kAnd, even, un(kFloor, bin(kDiv, x, num(2)))), bin(kAnd, odd, add(mul(num(k), x), num(d))))
		c.ph2Trajectory(s, m[4], step)
		return true
	default:
		return false
	}
	x := vr("a1")
	for _, op := range reP2OpSplit.Split(ops, -1) {
		op = strings.ToLower(strings.TrimSpace(op))
		f := strings.Fields(op)
		switch {
		case strings.HasPrefix(op, "reverse"):
			b := int64(10)
			if m := reP2OpBase.FindStringSubmatch(op); m != nil {
				b = 2
				if m[2] != "" {
					v, err := strconv.ParseInt(m[2], 10, 32)
					if err != nil || v < 2 || v > 36 {
						return true
					}
					b = v
				}
			}
			x = call("rev", x, num(b))
		case len(f) >= 2:
			v, err := strconv.ParseInt(f[len(f)-1], 10, 32)
			if err != nil {
				return true
			}
			switch f[0] {
			case "add":
				x = add(x, num(v))
			case "subtract":
				x = sub(x, num(v))
			case "multiply":
				x = mul(num(v), x)
			default:
				return true
			}
		default:
			return true
		}
	}
	c.ph2Trajectory(src, start, x)
	return true
}

// ph2Trajectory adds a(n) = step(a(n-1)) from the term start, at index 0
// and at index 1.
func (c *collector) ph2Trajectory(s, start string, step *node) {
	a0, err := strconv.ParseInt(start, 10, 32)
	if err != nil {
		return
	}
	for _, i0 := range []int64{0, 1} {
		c.add(s, &node{k: kRec, val: i0, vals: []int64{a0}, ord: 1, kids: []*node{vr("n"), cloneNode(step)}})
	}
}
