package wasmrt

import (
	"context"
	"errors"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestErrArgsMatchesInterpreter: a wrong operand count is one error for
// both executors (ir.ErrArgs), and never ir.ErrArity, which is about a
// program's declared arity.
func TestErrArgsMatchesInterpreter(t *testing.T) {
	p := ir.MustParse("add", "START SLOT_0 SLOT_1 I32_ADD END")
	_, werr := Run(context.Background(), p, 1)
	_, ierr := ir.Interpret(p, []int32{1}, ir.DefaultFuel)
	for name, err := range map[string]error{"wasmrt": werr, "interpreter": ierr} {
		if !errors.Is(err, ir.ErrArgs) || errors.Is(err, ir.ErrArity) {
			t.Errorf("%s: %v: want ir.ErrArgs and not ir.ErrArity", name, err)
		}
	}
	if !errors.Is(werr, ErrArgs) {
		t.Errorf("wasmrt: %v, want ErrArgs", werr)
	}
}
