package formula

// Requests over one operand, read when nothing else is (lead_one.go; the
// request in askedForm's words):
//
//   - a fraction of n, rounded: "half of n, rounded up", "a third of n
//     rounded down" (unrounded, "half of n" says nothing at odd n: no
//     reading);
//   - the multiples of a constant next to n: "the next multiple of 5 after
//     n", "the smallest multiple of 7 greater than n", "the previous
//     multiple of 3 before n", "the largest multiple of 4 less than n"
//     (asked2.go reads the ones that may equal n);
//   - rounding to the nearest ten, hundred, thousand or multiple of m:
//     "n rounded to the nearest ten", "round n to the nearest multiple of
//     4"; with m even, halves up and halves down are both offered (the
//     examples say which, if they show a tie);
//   - the floor of a logarithm as people ask it: "the position of the
//     highest set bit of n", "floor of log base 3 of n" (n >= 1);
//   - the least divisor above 1: "the smallest divisor of n greater than
//     1", "the least factor of n other than 1" (the least prime factor,
//     n >= 2).
//
// Each is one formula, checked like the names' own (c.add) and far from
// the examples (readAsked's farCheck).

import (
	"regexp"
	"strconv"
)

var leadOneForms = []struct {
	re   *regexp.Regexp
	make func(m []string) *node
	// ties, when set, is a second reading offered beside make's (nil:
	// none): the words leave a case open and the examples choose
	ties func(m []string) *node
}{
	{regexp.MustCompile(`^(half|a third|one third|a quarter|one quarter|a fourth|one fourth|a fifth|one fifth|a tenth|one tenth) of n,? rounded (up|down)$`), func(m []string) *node {
		d := map[string]string{"half": "2", "a third": "3", "one third": "3", "a quarter": "4", "one quarter": "4", "a fourth": "4", "one fourth": "4", "a fifth": "5", "one fifth": "5", "a tenth": "10", "one tenth": "10"}[m[1]]
		if m[2] == "up" {
			return must(parseN("ceiling(n/" + d + ")"))
		}
		return must(parseN("floor(n/" + d + ")"))
	}, nil},
	{regexp.MustCompile(`^(?:next|following|first) multiple of (\d+) (?:after|above|past|greater than|bigger than|larger than|exceeding) n$|^(?:smallest|least|first) multiple of (\d+) (?:that is |which is )?(?:greater|larger|bigger|more) than n$`), func(m []string) *node {
		return askedMultiple(m[1]+m[2], "M*(floor(n/M) + 1)")
	}, nil},
	{regexp.MustCompile(`^(?:previous|preceding|last) multiple of (\d+) (?:before|below|under|less than|smaller than) n$|^(?:largest|greatest|biggest) multiple of (\d+) (?:that is |which is )?(?:less|smaller|lower) than n$`), func(m []string) *node {
		return askedMultiple(m[1]+m[2], "M*(ceiling(n/M) - 1)")
	}, nil},
	{regexp.MustCompile(`^(?:n rounded|round n|n rounded off|round off n) to the (?:nearest|closest) (ten|hundred|thousand|multiple of (\d+))$`), func(m []string) *node {
		// halves up: floor((2n + M) / 2M) multiples of M
		return askedMultiple(nearestMultiple(m), "M*floor((2*n + M)/(2*M))")
	}, func(m []string) *node {
		// halves down, where there are halves (M even)
		mult := nearestMultiple(m)
		if v, err := strconv.ParseInt(mult, 10, 64); err != nil || v%2 != 0 {
			return nil
		}
		return askedMultiple(mult, "M*ceiling((2*n - M)/(2*M))")
	}},
	{regexp.MustCompile(`^(?:position|index) of the (?:highest|most significant|leading|top|largest) (?:set |1 |one )?bit (?:of|in) n$|^(?:floor of (?:the )?|integer part of (?:the )?|floored )?(?:log|logarithm) (?:base |to (?:the )?base |in base )(\d+) of n(?:,? rounded down)?$`), func(m []string) *node {
		b := int64(2)
		if m[1] != "" {
			v, err := strconv.ParseInt(m[1], 10, 64)
			if err != nil || v < 2 || v > 1<<16 {
				return nil
			}
			b = v
		}
		n := vr("n")
		return and(gt(n, num(0)), bin(kSub, call("ndigits", n, num(b)), num(1)))
	}, nil},
	{regexp.MustCompile(`^(?:smallest|least|lowest) (?:divisor|factor) of n (?:(?:that is )?(?:greater|bigger|larger|more) than 1|other than 1|above 1|except 1|besides 1|that is not 1)$`), func([]string) *node {
		n := vr("n")
		return and(gt(n, num(1)), call("lpf", n))
	}, nil},
}

// readLeadOne reads text by leadOneForms when nothing else did.
func (c *collector) readLeadOne(text string) {
	if len(c.out) > 0 {
		return
	}
	s := askedForm(text)
	if s == "" {
		return
	}
	for _, f := range leadOneForms {
		if m := f.re.FindStringSubmatch(s); m != nil {
			if x := f.make(m); x != nil {
				c.add(text, x)
				if f.ties != nil {
					if y := f.ties(m); y != nil {
						c.add(text, y)
					}
				}
			}
			return
		}
	}
}

// nearestMultiple is the multiple a rounding form's match names: "ten",
// "hundred", "thousand" or "multiple of M".
func nearestMultiple(m []string) string {
	if mult, ok := map[string]string{"ten": "10", "hundred": "100", "thousand": "1000"}[m[1]]; ok {
		return mult
	}
	return m[2]
}
