package enum

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// TestLoweringAgrees: random terms of the enumerator's language, lowered
// to IR, validate, and give the Go evaluator's value (or its trap, or run
// out of fuel with it) in the interpreter and on wazero, on random inputs;
// short of running out, the evaluator burns exactly the interpreter's fuel.
func TestLoweringAgrees(t *testing.T) {
	ctx := context.Background()
	const fuel = 200_000
	rt, err := wasmrt.New(ctx, wasmrt.Config{Fuel: fuel})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(ctx)
	rng := rand.New(rand.NewPCG(7, 9))
	terms := &Terms{}
	tried, compared, loops := 0, 0, 0
	// values compared per combinator the term uses: each must be tested
	byOp := map[Op]int{}
	for tried < 400 {
		arity := 1 + rng.IntN(3)
		id := Random(terms, rng, 3+rng.IntN(12), false, arity)
		ops, err := Lower(terms, id, arity)
		if errors.Is(err, ErrTooBig) {
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", terms.Format(id), err)
		}
		tried++
		p := ir.Program{Name: "t", Arity: arity, Ops: ops}
		if err := ir.Validate(p); err != nil {
			t.Fatalf("%s lowers to an invalid program %s: %v", terms.Format(id), p, err)
		}
		e, err := ir.Prepare(p)
		if err != nil {
			t.Fatal(err)
		}
		m, err := rt.Compile(ctx, p)
		if err != nil {
			t.Fatalf("%s: wazero: %v", terms.Format(id), err)
		}
		for k := 0; k < 6; k++ {
			in := make([]int32, arity)
			for i := range in {
				in[i] = int32(rng.IntN(41)) - 20
				if rng.IntN(10) == 0 {
					in[i] = int32(rng.Uint32())
				}
			}
			want, werr := terms.Eval(id, in, fuel)
			var n [4]int32
			copy(n[:], in)
			left := int64(fuel)
			terms.eval(id, env{n: &n}, &left)
			got, used, gerr := e.RunFuel(in, fuel)
			wz, zerr := m.Call(ctx, in...)
			switch {
			case errors.Is(werr, errFuel):
				// the evaluator counts fuel as the IR does: all three run out
				if !errors.Is(gerr, ir.ErrFuelExhausted) || zerr == nil {
					t.Fatalf("%s%v: evaluator out of fuel, interpreter %d %v, wazero %d %v", terms.Format(id), in, got, gerr, wz, zerr)
				}
				loops++
			case used != fuel-left:
				t.Fatalf("%s%v: evaluator used %d fuel, interpreter %d", terms.Format(id), in, fuel-left, used)
			case werr != nil:
				if gerr == nil || zerr == nil || errors.Is(gerr, ir.ErrFuelExhausted) {
					t.Fatalf("%s%v: evaluator traps, interpreter %d %v, wazero %d %v", terms.Format(id), in, got, gerr, wz, zerr)
				}
			default:
				if gerr != nil || got != want || zerr != nil || wz != want {
					t.Fatalf("%s%v = %d; interpreter %d %v, wazero %d %v\n%s", terms.Format(id), in, want, got, gerr, wz, zerr, p)
				}
				compared++
				for _, o := range terms.Prods(id) {
					if e, _ := builtinLoop(o); o.lambdas() > 0 || e > 0 {
						byOp[o]++
					}
				}
			}
		}
		m.Close(ctx)
	}
	t.Logf("%d terms, %d values compared, %d runs out of fuel", tried, compared, loops)
	if compared < 1000 {
		t.Fatalf("only %d values compared", compared)
	}
	for o := Op(0); o < NumOps; o++ {
		if e, _ := builtinLoop(o); (o.lambdas() > 0 || e > 0) && byOp[o] < 50 {
			t.Errorf("only %d values compared on terms using %s", byOp[o], o)
		}
	}
	t.Logf("values compared per combinator: %v", byOp)
}
