package synth

import (
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestPriorLeaveOneOut: a prior trained without a program still reads the
// shape of its task from the words and examples: a loop for digit_sum, a
// value IF rather than a loop for max_of_two; and the held-out program is
// not among its training programs.
func TestPriorLeaveOneOut(t *testing.T) {
	cases := []struct {
		heldOut      string
		likely, less ir.Op
	}{
		{"digit_sum", ir.OpLoopBegin, ir.OpElse},
		{"max_of_two", ir.OpElse, ir.OpLoopBegin},
	}
	for _, tc := range cases {
		t.Run(tc.heldOut, func(t *testing.T) {
			p := PriorWithout(tc.heldOut)
			for _, name := range p.Programs {
				if name == tc.heldOut {
					t.Fatal("held-out program in the training set")
				}
			}
			spec, _ := ir.LibraryProgram(tc.heldOut)
			pr := p.Predict(HeldOutTask(spec, 0))
			if pr[tc.likely] <= pr[tc.less] || pr[tc.likely] < 0.5 {
				t.Fatalf("P(%s) = %.2f, P(%s) = %.2f", tc.likely, pr[tc.likely], tc.less, pr[tc.less])
			}
		})
	}
}
