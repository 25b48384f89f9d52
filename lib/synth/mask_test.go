package synth

import (
	"math/rand/v2"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestMaskRandomRollouts: every program completed by picking uniformly among
// the allowed opcodes passes ir.Validate and respects the length limit.
func TestMaskRandomRollouts(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 1))
	allowed := make([]bool, ir.NumOps)
	for trial := 0; trial < 3000; trial++ {
		arity := rng.IntN(ir.NumSlots + 1)
		maxLen := 3 + rng.IntN(60)
		m, err := NewMask(arity, maxLen)
		if err != nil {
			t.Fatal(err)
		}
		ops := []ir.Op{ir.OpStart}
		for !m.Done() {
			k := m.AllowedSet(allowed)
			if k == 0 {
				t.Fatalf("dead end after %v (max %d)", ir.Format(ops), maxLen)
			}
			// uniform among the allowed opcodes; the length limit forces an end
			var pick ir.Op
			for {
				pick = ir.Op(rng.IntN(ir.NumOps))
				if allowed[pick] {
					break
				}
			}
			if err := m.Push(pick); err != nil {
				t.Fatal(err)
			}
			ops = append(ops, pick)
		}
		p := ir.Program{Name: "rollout", Arity: arity, Ops: ops}
		if err := ir.Validate(p); err != nil {
			t.Fatalf("masked rollout %q invalid: %v", p, err)
		}
		if len(ops) > maxLen {
			t.Fatalf("rollout of %d opcodes, limit %d", len(ops), maxLen)
		}
	}
}

// TestMaskAdmitsLibrary: the mask is exact on valid programs: every library
// program is admitted opcode by opcode at its own length.
func TestMaskAdmitsLibrary(t *testing.T) {
	for _, s := range ir.Library() {
		t.Run(s.Name, func(t *testing.T) {
			m, err := NewMask(s.Arity, len(s.Ops))
			if err != nil {
				t.Fatal(err)
			}
			for i, op := range s.Ops[1:] {
				if err := m.Push(op); err != nil {
					t.Fatalf("op %d: %v", i+1, err)
				}
			}
			if !m.Done() {
				t.Fatal("not done after END")
			}
		})
	}
}

// TestMaskRejects: the mask refuses what the validator refuses.
func TestMaskRejects(t *testing.T) {
	cases := []struct {
		name   string
		prefix string
		arity  int
		maxLen int
		reject ir.Op
	}{
		{"underflow", "", 1, 20, ir.OpI32Add},
		{"slot out of range", "", 1, 20, ir.OpSlot1},
		{"end with empty stack", "", 1, 20, ir.OpEnd},
		{"else outside if", "SLOT_0", 1, 20, ir.OpElse},
		{"br outside loop", "", 1, 20, ir.OpBr},
		{"no room to close the loop", "SLOT_0", 1, 4, ir.OpLoopBegin},
		{"loop end with a value", "LOOP_BEGIN SLOT_0", 1, 20, ir.OpLoopEnd},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewMask(tc.arity, tc.maxLen)
			if err != nil {
				t.Fatal(err)
			}
			if tc.prefix != "" {
				ops, err := ir.Parse(tc.prefix)
				if err != nil {
					t.Fatal(err)
				}
				for _, op := range ops {
					if err := m.Push(op); err != nil {
						t.Fatal(err)
					}
				}
			}
			if m.Allowed(tc.reject) {
				t.Fatalf("mask allows %s", tc.reject)
			}
		})
	}
}
