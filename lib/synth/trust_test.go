package synth

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// seqTask is the first terms of a(n) from n = x0, with later terms as checks.
func seqTask(name, text string, x0 int32, terms, checks int, a func(n int64) int64) (Task, Checks) {
	t := Task{Name: name, Text: text, Offset: int(x0)}
	c := Checks{Name: name, Offset: int(x0)}
	for i := int32(0); i < int32(terms+checks); i++ {
		n := x0 + i
		e := Example{Inputs: []int32{n}, Output: int32(a(int64(n)))}
		if int(i) < terms {
			t.Examples = append(t.Examples, e)
		} else {
			c.Cases = append(c.Cases, e)
		}
	}
	return t, c
}

// A sequence with a closed form the search cannot reach in its budget (a
// recurrence with large coefficients): the closed form answers, and it is
// right on forty later terms computed natively.
func TestSequenceClosedForm(t *testing.T) {
	rec := func(n int64) int64 { // a(n) = 7a(n-1) - 12a(n-2) + 5, a(0) = 3, a(1) = 4
		a, b := int64(3), int64(4)
		for ; n > 0; n-- {
			a, b = b, 7*b-12*a+5
		}
		return a
	}
	// (a text that states the recurrence would answer with it: formula.Seeded)
	task, checks := seqTask("rec", "A recurrence with large coefficients.", 0, 10, 6, rec)
	r, err := Synthesize(context.Background(), task, Options{Budget: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Found || r.Method != "linrec2+k" || !r.Confirmed {
		t.Fatalf("status %s method %q confirmed %v formula %q", r.Status, r.Method, r.Confirmed, r.Formula)
	}
	if !rightOn(r.IR().Ops, 1, checks) {
		t.Errorf("%s is wrong on later terms", r.Formula)
	}
	if r.Confidence <= 0 || r.Confidence > 1 {
		t.Errorf("confidence %v", r.Confidence)
	}
}

// The judge learns from checks which candidates to trust: on tasks whose
// texts say "steady" the first closed form is right; on tasks whose texts
// say "wobbly" the terms are a polynomial only at first. The judge trained
// on them trusts the first kind and not the second, on tasks it never saw.
func TestTrainTrustSeparates(t *testing.T) {
	var tasks []Task
	var checks []Checks
	for k := int64(1); k <= 40; k++ {
		steady := func(n int64) int64 { return k*n*n + 3*n - k }
		wobbly := func(n int64) int64 { // k*n + 1 for the first 12 terms, then a jump
			if n > 12 {
				return k*n + 1 + n*n
			}
			return k*n + 1
		}
		for _, s := range []struct {
			text string
			a    func(int64) int64
		}{{"steady growth", steady}, {"wobbly growth", wobbly}} {
			tk, c := seqTask(fmt.Sprintf("%s%d", s.text[:3], k), s.text, 1, 10, 20, s.a)
			tasks, checks = append(tasks, tk), append(checks, c)
		}
	}
	tr, err := TrainTrust(context.Background(), tasks[:60], checks[:60], TrustConfig{MaxWrong: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if tr.CVWrong > 0.01 || tr.CVSolved < 0.3 {
		t.Fatalf("held-out folds: %.2f solved, %.2f wrong", tr.CVSolved, tr.CVWrong)
	}
	for i, tk := range tasks[60:] {
		cs := quickCandidates(tk)
		j, s := tr.pick(tk, cs)
		if j < 0 {
			t.Fatalf("%s: no candidate", tk.Name)
		}
		trusted := s >= tr.Threshold
		right := rightOn(cs[j].ops, 1, checks[60+i])
		if trusted != right {
			t.Errorf("%s: trusted %v (score %.2f, threshold %.2f) but right %v", tk.Name, trusted, s, tr.Threshold, right)
		}
	}
}

// The shipped judge loads, and an untrusted closed form is offered as a
// question: the answer is ambiguous with the input after the examples.
func TestUntrustedIsAmbiguous(t *testing.T) {
	tr := DefaultTrust()
	if tr.Threshold <= 0 || tr.Threshold >= 1 || len(tr.Weights) == 0 {
		t.Fatalf("default trust: threshold %v, %d weights", tr.Threshold, len(tr.Weights))
	}
	never := &Trust{Bias: -20, Weights: map[string]float64{"": 0}, Threshold: 0.5}
	task, _ := seqTask("sq", "squares", 0, 10, 0, func(n int64) int64 { return n * n })
	r, err := Synthesize(context.Background(), task, Options{Budget: 300 * time.Millisecond, Trust: never, SkipConfirm: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusAmbiguous || r.Ambiguity == nil || r.Ambiguity.Input[0] != 10 {
		t.Fatalf("status %s ambiguity %+v", r.Status, r.Ambiguity)
	}
	if got, err := ir.Interpret(r.IR(), []int32{12}, RunFuel); err != nil || got != 144 {
		t.Errorf("the offered program gives %d, %v at 12", got, err)
	}
}

// A person's task with five scattered examples whose text states the
// formula: the formula is the answer, right on inputs far from the
// examples (checked against the formula computed natively).
func TestFormulaFromText(t *testing.T) {
	task := Task{Name: "f", Text: "a(n) = 3*n^2 + 12*n - 7", Examples: mustExamples(t, "4→89, 9→344, 1→8, 13→656, 6→173")}
	r, err := Synthesize(context.Background(), task, Options{Budget: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != StatusSolved || r.Method != "formula" {
		t.Fatalf("status %s method %q", r.Status, r.Method)
	}
	for _, n := range []int32{0, 2, 50, 1000, -30} {
		want := 3*n*n + 12*n - 7
		if got, err := ir.Interpret(r.IR(), []int32{n}, RunFuel); err != nil || got != want {
			t.Errorf("a(%d) = %d, %v; want %d", n, got, err, want)
		}
	}
}
