package ir_test

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestCheckerDeep: deep nesting and a full stack are valid programs; the
// checker admits them opcode by opcode and Validate agrees (the decoder's
// old mask stopped at 16 blocks and 62 values).
func TestCheckerDeep(t *testing.T) {
	cases := []struct {
		name string
		ops  []ir.Op
	}{
		{"40 nested loops", nest(40)},
		{"stack of 64", fullStack()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := ir.Validate(ir.Program{Arity: 1, Ops: tc.ops}); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			c, err := ir.NewChecker(1)
			if err != nil {
				t.Fatal(err)
			}
			for i, op := range tc.ops[1:] {
				if c.CloseCost() > len(tc.ops)-1-i {
					t.Fatalf("op %d: close cost %d, but the program ends in %d", i+1, c.CloseCost(), len(tc.ops)-1-i)
				}
				if err := c.Push(op); err != nil {
					t.Fatalf("op %d: %v", i+1, err)
				}
			}
			if !c.Done() || c.CloseCost() != 0 {
				t.Fatalf("done %v, close cost %d", c.Done(), c.CloseCost())
			}
		})
	}
}

func nest(k int) []ir.Op {
	ops := []ir.Op{ir.OpStart}
	for i := 0; i < k; i++ {
		ops = append(ops, ir.OpLoopBegin)
	}
	for i := 0; i < k; i++ {
		ops = append(ops, ir.OpLoopEnd)
	}
	return append(ops, ir.OpSlot0, ir.OpEnd)
}

func fullStack() []ir.Op {
	ops := []ir.Op{ir.OpStart}
	for i := 0; i < ir.MaxStack; i++ {
		ops = append(ops, ir.OpSlot0)
	}
	for i := 1; i < ir.MaxStack; i++ {
		ops = append(ops, ir.OpI32Add)
	}
	return append(ops, ir.OpEnd)
}

// TestCheckerAgreesWithValidate: on random opcode strings, Push accepts
// exactly the opcodes up to the one Validate names, and fails with the
// same rule there.
func TestCheckerAgreesWithValidate(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	for trial := 0; trial < 5000; trial++ {
		ops := []ir.Op{ir.OpStart}
		for k := rng.IntN(12); k > 0; k-- {
			ops = append(ops, ir.Op(rng.IntN(ir.NumOps-2)+2)) // END only last
		}
		ops = append(ops, ir.OpEnd)
		arity := rng.IntN(ir.NumSlots + 1)
		verrV := ir.Validate(ir.Program{Arity: arity, Ops: ops})
		c, _ := ir.NewChecker(arity)
		var errC error
		for _, op := range ops[1:] {
			if errC = c.Push(op); errC != nil {
				break
			}
		}
		var ve, vc *ir.ValidationError
		switch {
		case verrV == nil && errC == nil:
			if !c.Done() {
				t.Fatalf("%s: valid but the checker is not done", ir.Format(ops))
			}
		case errors.As(verrV, &ve) && errors.As(errC, &vc):
			if ve.Index != vc.Index || ve.Rule != vc.Rule {
				t.Fatalf("%s: Validate says %v, the checker %v", ir.Format(ops), verrV, errC)
			}
		default:
			t.Fatalf("%s: Validate says %v, the checker %v", ir.Format(ops), verrV, errC)
		}
	}
}

// TestCheckerCompletion: from random valid prefixes, Completion validates,
// has CloseCost opcodes, and no shorter completion exists (checked by
// brute force over every opcode string shorter than it, up to 2).
func TestCheckerCompletion(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 400; trial++ {
		arity := rng.IntN(ir.NumSlots + 1)
		c, _ := ir.NewChecker(arity)
		prefix := []ir.Op{ir.OpStart}
		for k := rng.IntN(16); k > 0; k-- {
			op := ir.Op(rng.IntN(ir.NumOps-2) + 2) // no START, no END
			if c.Push(op) == nil {
				prefix = append(prefix, op)
			}
		}
		tail := c.Completion()
		if len(tail) != c.CloseCost() {
			t.Fatalf("%s: completion %s but close cost %d", ir.Format(prefix), ir.Format(tail), c.CloseCost())
		}
		full := append(append([]ir.Op{}, prefix...), tail...)
		if err := ir.Validate(ir.Program{Arity: arity, Ops: full}); err != nil {
			t.Fatalf("%s + %s: %v", ir.Format(prefix), ir.Format(tail), err)
		}
		if len(tail) <= 3 {
			if s := shorterCompletion(prefix, arity, len(tail)); s != nil {
				t.Fatalf("%s: %s completes it in fewer than %d", ir.Format(prefix), ir.Format(s), len(tail))
			}
		}
	}
}

// shorterCompletion finds a suffix shorter than n that validates.
func shorterCompletion(prefix []ir.Op, arity, n int) []ir.Op {
	var try func(suffix []ir.Op) []ir.Op
	try = func(suffix []ir.Op) []ir.Op {
		if len(suffix)+1 >= n {
			return nil
		}
		for op := ir.Op(0); int(op) < ir.NumOps; op++ {
			s := append(append([]ir.Op{}, suffix...), op)
			full := append(append([]ir.Op{}, prefix...), s...)
			if ir.Validate(ir.Program{Arity: arity, Ops: full}) == nil {
				return s
			}
			if op != ir.OpEnd {
				if found := try(s); found != nil {
					return found
				}
			}
		}
		return nil
	}
	return try(nil)
}
