package formula

// Why a text gives no candidate: the measure test's -oeis.why records,
// for each formula a reader found, the stage that refused it (it could
// not be normalized or lowered, or its program disagreed with the exact
// evaluator, and where), and for a text no reader took, where the parse
// of its "a(n) = ..." stopped. Off (nil) everywhere else.

import (
	"fmt"
	"math"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// whyLog collects why the formulas of one text were refused.
type whyLog struct {
	notes []string // "stage: detail", in the order they happened
}

// note records why a reading was refused, when the collector keeps a log.
func (c *collector) note(stage, detail string) {
	if c.why != nil {
		c.why.notes = append(c.why.notes, stage+": "+detail)
	}
}

// refusal is why ops (lowered with error err) does not compute x, noted;
// "" if it does.
func (c *collector) refusal(x *node, ops []ir.Op, err error) string {
	if err != nil {
		c.note("lower", err.Error())
		return "lower: " + err.Error()
	}
	why := agreesWhy(x, ops, c.lists)
	if why != "" {
		c.note("refused", why)
	}
	return why
}

// seededWhy is Seeded, with why its readings were refused.
func seededWhy(text string, x0 int64, ys []int64) (cs []Candidate, notes []string) {
	c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, seed: &seedTerms{x0: x0, ys: ys}, why: &whyLog{}}
	defer func() {
		if r := recover(); r != nil { // Seeded gives nothing
			cs, notes = nil, []string{fmt.Sprintf("panic: %v", r)}
		}
	}()
	if len(text) <= maxText {
		c.read(text)
		c.shifted()
		c.shiftedStart()
	}
	return c.out, c.why.notes
}

// wrongAt says how the program differs from the formula at n.
func (s *scan) wrongAt(n int64) string {
	v := evaluator{steps: scanSteps}
	r, err := v.eval(s.x, n)
	if err != nil || !r.IsInt() {
		return fmt.Sprintf("mismatch at n=%d", n)
	}
	got, _, err := s.e.RunFuel([]int32{int32(n)}, ir.DefaultFuel)
	switch {
	case err != nil && strings.Contains(err.Error(), "fuel"):
		return fmt.Sprintf("fuel at n=%d", n)
	case err != nil:
		return fmt.Sprintf("trap at n=%d: %v", n, err)
	}
	return fmt.Sprintf("mismatch at n=%d (program %d, formula %s)", bucket(n), got, r.RatString())
}

// bucket rounds n for ranking: the exact n of a mismatch matters less
// than whether it is early or late.
func bucket(n int64) int64 {
	if n <= 12 {
		return n
	}
	return int64(math.Round(float64(n)/20)) * 20
}

// cutWhy says why a scan cut short (by s.cut) was refused, or "".
func (s *scan) cutWhy() string {
	if !s.enough() {
		return fmt.Sprintf("cut (%s) after %d values agreed", s.cut, s.agreed)
	}
	if why := s.finishesWhy(); why != "" {
		return "cut (" + s.cut + "): " + why
	}
	return ""
}

// enoughWhy is enough, saying why not.
func (s *scan) enoughWhy() string {
	if !s.enough() {
		return fmt.Sprintf("only %d values agreed", s.agreed)
	}
	return ""
}

// parseStop is where the parse of an "a(n) = ..." span of text stopped:
// the token a failure was at, with the token before it; "" if the text
// has no such span or it parsed.
func parseStop(text string) string {
	toks := surdTokens(text, lex(text))
	for i := 0; i+4 < len(toks); i++ {
		if !isA(toks[i:]) {
			continue
		}
		p := &parser{toks: toks, pos: i + 5, vars: []string{"n"}, lags: true, consts: textConsts(text)}
		if _, end, ok := parseWith(p); ok && boundary(toks, end) {
			continue
		} else if ok {
			return "ends before " + tokWord(toks[end])
		}
		at := min(p.far, len(toks)-1)
		prev := ""
		if at > 0 {
			prev = tokWord(toks[at-1]) + " "
		}
		return prev + "| " + tokWord(toks[at])
	}
	return ""
}

// tokWord is a token as the ranking shows it: numbers as #.
func tokWord(t token) string {
	switch t.k {
	case tEnd:
		return "<end>"
	case tNum:
		return "#"
	case tBad:
		return "<bad>"
	}
	return t.s
}
