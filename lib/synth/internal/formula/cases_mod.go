package formula

// "mod" between terms of a sum (cases_mod.go): "a(n) = a(n-1) mod n +
// a(n-2) mod n", "a(n) = 3*a(floor(n/3)) + n mod 3". The parser reads mod
// as the loosest operator ("n^2 + 1 mod 7" is (n^2 + 1) mod 7, the usual
// reading in OEIS names); PARI and the names written from it bind it as
// tightly as *. Where a formula has a mod with a sum on either side, the
// tight reading is a second one, offered only beside the loose reading of
// the same span and only where the two differ at some n in 3..9, so the
// first terms decide between them.

import (
	"regexp"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// reModWord: "mod" between two terms (not "(mod m)", not "== r mod m").
var reModWord = regexp.MustCompile(`([\w)]) mod `)

// tightMods adds the tight readings of text's formulas.
func (c *collector) tightMods(text string) {
	if !reModWord.MatchString(text) || strings.Contains(text, "%") || strings.Contains(text, "==") || strings.Contains(strings.ToLower(text), "congruent") {
		return
	}
	rw := reModWord.ReplaceAllString(text, "$1 % ")
	sub := collector{seen: map[string]bool{}, lists: c.lists, seed: c.seed}
	sub.formulas(rw, surdTokens(rw, lex(rw)))
	sub.memRecurrences(rw)
	for _, y := range sub.out {
		if c.seen[y.Expr] {
			continue
		}
		loose := strings.ReplaceAll(y.Source, " % ", " mod ")
		differs := false
		for _, o := range c.out {
			if o.Source == loose && differAt(o.Ops, y.Ops, 3, 9) {
				differs = true
			}
		}
		if !differs || len(c.seen) >= maxFormulas {
			continue
		}
		c.seen[y.Expr] = true
		y.Source = loose
		c.out = append(c.out, y)
	}
}

// differAt reports whether programs a and b give different values (or
// one fails where the other does not) at some n in from..to.
func differAt(a, b []ir.Op, from, to int64) bool {
	ea, err1 := ir.Prepare(ir.Program{Arity: 1, Ops: a})
	eb, err2 := ir.Prepare(ir.Program{Arity: 1, Ops: b})
	if err1 != nil || err2 != nil {
		return false
	}
	for n := from; n <= to; n++ {
		x, errx := ea.Run([]int32{int32(n)}, ir.DefaultFuel)
		y, erry := eb.Run([]int32{int32(n)}, ir.DefaultFuel)
		if (errx == nil) != (erry == nil) || errx == nil && x != y {
			return true
		}
	}
	return false
}
