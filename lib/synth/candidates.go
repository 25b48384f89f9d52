package synth

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/fit"
	"github.com/irsynth/irsynth/lib/synth/internal/formula"
)

// candidate is one program that reproduces every example of a task, from
// one of the synthesizer's sources:
//
//   - "fit": a closed form solved exactly from the terms of a sequence
//     (package fit: polynomial, period, linear recurrence);
//   - "formula": a formula read from the task's text (package formula)
//     that reproduces every example;
//   - "search": the cheapest term of the bottom-up enumeration (package enum).
//
// Trust scores candidates; Synthesize answers with the best one only when
// its score clears the trust threshold.
type candidate struct {
	source  string // fit, search
	method  string // poly2, linrec3+k, ... for fits; "search" for the enumerator
	formula string // for people: the closed form, the term
	ops     []ir.Op
	used    int // fit: terms that determine it
	surplus int // fit: terms beyond those it reproduces
	cost    int // search: the term's cost
	probe   []string
}

// probeCount is how many unseen inputs candidates are compared on.
const probeCount = 8

// isSequence reports whether t's examples are the terms of a sequence at
// consecutive indices from x0 (one operand), and returns them in order.
func isSequence(t Task) (x0 int64, ys []int64, ok bool) {
	if t.Arity() != 1 || len(t.Examples) < 3 {
		return 0, nil, false
	}
	ex, run := firstRun(t)
	if run < len(ex) {
		return 0, nil, false
	}
	if ex[0].Inputs[0] < 0 || ex[len(ex)-1].Inputs[0] > 1<<20 {
		return 0, nil, false
	}
	for _, e := range ex {
		ys = append(ys, int64(e.Output))
	}
	return int64(ex[0].Inputs[0]), ys, true
}

// firstRun returns t's examples sorted by their (first) input, and how
// many of them, from the first, are at consecutive inputs.
func firstRun(t Task) (ex []Example, run int) {
	ex = slices.Clone(t.Examples)
	slices.SortFunc(ex, func(a, b Example) int { return int(a.Inputs[0]) - int(b.Inputs[0]) })
	run = min(1, len(ex))
	for run < len(ex) && int64(ex[run].Inputs[0]) == int64(ex[run-1].Inputs[0])+1 {
		run++
	}
	return ex, run
}

// formulaCandidates are the formulas read from t's text that reproduce
// every example (a few milliseconds). For a sequence, a recurrence the
// text gives no start for starts from its first terms (formula.Seeded).
func formulaCandidates(t Task) []candidate {
	var out []candidate
	fs := formula.Candidates
	if x0, ys, ok := isSequence(t); ok {
		fs = func(text string, _ int) []formula.Candidate { return formula.Seeded(text, x0, ys) }
	}
	for _, f := range fs(t.Text, t.Arity()) {
		if check(ir.Program{Name: "formula", Arity: t.Arity(), Ops: f.Ops}, t) == nil {
			out = append(out, candidate{source: "formula", method: "formula", formula: f.Expr, ops: f.Ops})
		}
	}
	return out
}

// quickCandidates are the candidates found without a search: the
// formulas the text states and the closed forms of a sequence task
// (milliseconds).
func quickCandidates(t Task) []candidate {
	x0, ys, ok := isSequence(t)
	if !ok {
		return nil
	}
	out := formulaCandidates(t)
	for _, m := range fit.Sequence(x0, ys) {
		c := candidate{source: "fit", method: m.Method, formula: m.Formula, ops: m.Ops, used: m.Used, surplus: m.Surplus}
		if check(ir.Program{Name: "fit", Arity: 1, Ops: c.ops}, t) != nil {
			continue // cannot happen: fit checks its models; never trust it blindly
		}
		out = append(out, c)
	}
	probeAll(t, out)
	return out
}

// probeAll runs each candidate on the inputs after the task's last example.
func probeAll(t Task, cs []candidate) {
	if t.Arity() != 1 {
		return // sequences and one-operand requests only
	}
	last := int64(t.Examples[0].Inputs[0])
	for _, e := range t.Examples {
		last = max(last, int64(e.Inputs[0]))
	}
	for i := range cs {
		if cs[i].probe != nil {
			continue
		}
		e, err := ir.Prepare(ir.Program{Name: "probe", Arity: 1, Ops: cs[i].ops})
		cs[i].probe = make([]string, probeCount)
		for k := range cs[i].probe {
			if err != nil {
				cs[i].probe[k] = "!"
				continue
			}
			v, err := e.Run([]int32{clamp32(last + 1 + int64(k))}, RunFuel)
			if err != nil {
				cs[i].probe[k] = "!"
			} else {
				cs[i].probe[k] = strconv.Itoa(int(v))
			}
		}
	}
}

// agree reports whether a and b give the same values on the probes.
func agree(a, b candidate) bool { return slices.Equal(a.probe, b.probe) }

var (
	numberRE  = regexp.MustCompile(`-?\d+`)
	aNumberRE = regexp.MustCompile(`A\d{6}`)
)

// numbers are the integers written in s, A-numbers left out.
func numbers(s string) map[int64]bool {
	s = aNumberRE.ReplaceAllString(s, " ")
	out := map[int64]bool{}
	for _, w := range numberRE.FindAllString(s, -1) {
		if v, err := strconv.ParseInt(w, 10, 64); err == nil {
			out[v] = true
			out[-v] = true
		}
	}
	return out
}
