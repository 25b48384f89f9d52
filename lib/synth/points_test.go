package synth

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestPointCandidatesOnLibrary: on every one-operand library program's
// held-out task (several draws of examples), a lone small recurrence
// through the examples is right on 1000 fresh inputs against the native
// reference, and tribonacci's (a run 0, 0, 1, 1 and one value far on) is
// found.
func TestPointCandidatesOnLibrary(t *testing.T) {
	answered := map[string]bool{}
	for _, spec := range ir.Library() {
		if spec.Arity != 1 {
			continue
		}
		for seed := uint64(0); seed < 8; seed++ {
			task := HeldOutTask(spec, seed)
			cs := pointCandidates(task)
			t.Logf("%s seed %d: %d candidates", spec.Name, seed, len(cs))
			if len(cs) != 1 {
				continue
			}
			answered[spec.Name] = true
			p := ir.Program{Name: spec.Name, Arity: 1, Ops: cs[0].ops}
			if got := Judge(p, spec, 1000, 7); got != 1 {
				t.Errorf("%s seed %d: %s (%s) right on %.3f of fresh inputs", spec.Name, seed, cs[0].formula, cs[0].method, got)
			}
		}
	}
	if !answered["tribonacci"] {
		t.Errorf("tribonacci's held-out task got no lone recurrence")
	}
	t.Logf("answered: %v", answered)
}
