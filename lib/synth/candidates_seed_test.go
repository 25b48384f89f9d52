package synth

import "testing"

// A sequence's recurrence whose text gives no start starts from the
// examples (formula.Seeded): the formula candidate is right on the
// terms after them, as a native reference computes them.
func TestFormulaCandidatesSeeded(t *testing.T) {
	ref := func(n int64) int64 { // a(n) = 3*a(n-1) - a(n-2) + n, a(1) = 1, a(2) = 4
		a, b := int64(1), int64(4)
		if n == 1 {
			return a
		}
		for i := int64(3); i <= n; i++ {
			a, b = b, 3*b-a+i
		}
		return b
	}
	task, checks := seqTask("seeded", "a(n) = 3*a(n-1) - a(n-2) + n.", 1, 10, 8, ref)
	found := false
	for _, c := range formulaCandidates(task) {
		if c.source != "formula" {
			t.Errorf("source %q", c.source)
		}
		if !rightOn(c.ops, 1, checks) {
			t.Errorf("%s is wrong on the checks", c.formula)
		}
		found = true
	}
	if !found {
		t.Fatal("no formula candidate")
	}
	// scattered examples are no sequence: nothing to start from
	task.Examples = append(task.Examples[:3:3], task.Examples[5:]...)
	if cs := formulaCandidates(task); len(cs) > 0 {
		t.Errorf("scattered examples: %s", cs[0].formula)
	}
}
