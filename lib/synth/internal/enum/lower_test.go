package enum

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// randomTerm builds a random term of about size nodes; open terms may use
// x and y. Bodies of combinators are open terms, so loops nest.
func randomTerm(t *Terms, rng *rand.Rand, size int, open bool, arity int) int32 {
	if size <= 1 {
		for {
			op := Op(rng.IntN(int(OpY) + 1))
			if (op == OpX || op == OpY) && !open {
				continue
			}
			if op >= OpN0 && op <= OpN3 && int(op-OpN0) >= arity {
				continue
			}
			return t.add(op, 1)
		}
	}
	ops := []Op{OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe, OpCond, OpLoop, OpLoop2, OpCompr}
	op := ops[rng.IntN(len(ops))]
	k := op.Arity()
	if size-1 < k {
		op, k = OpAdd, 2
	}
	kids := make([]int32, k)
	left := size - 1
	for i := range kids {
		share := max(1, left/(k-i))
		if i < k-1 {
			share = 1 + rng.IntN(max(1, left-(k-1-i)))
		} else {
			share = left
		}
		share = max(1, min(share, left-(k-1-i)))
		left -= share
		kids[i] = randomTerm(t, rng, share, open || i < op.lambdas(), arity)
	}
	return t.add(op, size, kids...)
}

// TestLoweringAgrees: random terms of the enumerator's language, lowered
// to IR, validate, and give the Go evaluator's value (or its trap, or run
// out of fuel with it) in the interpreter and on wazero, on random inputs.
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
	for tried < 400 {
		arity := 1 + rng.IntN(3)
		id := randomTerm(terms, rng, 3+rng.IntN(12), false, arity)
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
			got, gerr := e.Run(in, fuel)
			wz, zerr := m.Call(ctx, in...)
			switch {
			case errors.Is(werr, errFuel):
				// the evaluator counts fuel as the IR does: all three run out
				if !errors.Is(gerr, ir.ErrFuelExhausted) || zerr == nil {
					t.Fatalf("%s%v: evaluator out of fuel, interpreter %d %v, wazero %d %v", terms.Format(id), in, got, gerr, wz, zerr)
				}
				loops++
			case werr != nil:
				if gerr == nil || zerr == nil || errors.Is(gerr, ir.ErrFuelExhausted) {
					t.Fatalf("%s%v: evaluator traps, interpreter %d %v, wazero %d %v", terms.Format(id), in, got, gerr, wz, zerr)
				}
			default:
				if gerr != nil || got != want || zerr != nil || wz != want {
					t.Fatalf("%s%v = %d; interpreter %d %v, wazero %d %v\n%s", terms.Format(id), in, want, got, gerr, wz, zerr, p)
				}
				compared++
			}
		}
		m.Close(ctx)
	}
	t.Logf("%d terms, %d values compared, %d runs out of fuel", tried, compared, loops)
	if compared < 1000 {
		t.Fatalf("only %d values compared", compared)
	}
}
