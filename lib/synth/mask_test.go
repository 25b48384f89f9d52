package synth

import (
	"errors"
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

// FuzzMask: the mask allows an opcode exactly when some completion of the
// longer prefix within the length limit validates. "Allowed ⇒ completable"
// is checked by building the completion (ir.Checker.Completion) and running
// ir.Validate on it; "refused ⇒ not completable" by ir.Validate too: an
// opcode the rules refuse makes Validate fail at that opcode whatever
// follows, and one refused for length has no validating suffix within the
// limit (searched exhaustively when at most two opcodes of room remain).
func FuzzMask(f *testing.F) {
	for _, s := range ir.Library() {
		data := []byte{byte(s.Arity), byte(len(s.Ops))}
		for _, op := range s.Ops[1:] {
			data = append(data, byte(op))
		}
		f.Add(data)
	}
	f.Add([]byte{1, 6, byte(ir.OpSlot0), byte(ir.OpIfBegin), byte(ir.OpLoopBegin)})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 {
			return
		}
		arity := int(data[0]) % (ir.NumSlots + 1)
		maxLen := 3 + int(data[1])%62
		m, err := NewMask(arity, maxLen)
		if err != nil {
			t.Fatal(err)
		}
		prefix := []ir.Op{ir.OpStart}
		for _, b := range data[2:] {
			if m.Done() {
				break
			}
			for op := ir.Op(0); int(op) < ir.NumOps; op++ {
				checkMaskOp(t, m, prefix, arity, maxLen, op)
			}
			op := ir.Op(int(b) % ir.NumOps)
			if !m.Allowed(op) {
				continue
			}
			if err := m.Push(op); err != nil {
				t.Fatal(err)
			}
			prefix = append(prefix, op)
		}
	})
}

func checkMaskOp(t *testing.T, m *Mask, prefix []ir.Op, arity, maxLen int, op ir.Op) {
	t.Helper()
	longer := append(append([]ir.Op{}, prefix...), op)
	c, _ := ir.NewChecker(arity)
	for _, o := range longer[1:] {
		if perr := c.Push(o); perr != nil {
			// refused by the rules: Validate fails at op whatever follows
			if m.Allowed(op) {
				t.Fatalf("%s: mask allows %s, the checker refuses it: %v", ir.Format(prefix), op, perr)
			}
			err := ir.Validate(ir.Program{Arity: arity, Ops: append(longer, ir.OpEnd)})
			var ve *ir.ValidationError
			if op != ir.OpEnd && (!errors.As(err, &ve) || ve.Index != len(prefix)) {
				t.Fatalf("%s + %s: checker refuses it (%v) but Validate says %v", ir.Format(prefix), op, perr, err)
			}
			if op == ir.OpEnd && err == nil {
				t.Fatalf("%s + END validates but the checker refuses it", ir.Format(prefix))
			}
			return
		}
	}
	full := append(longer, c.Completion()...)
	completable := len(full) <= maxLen
	if completable {
		if err := ir.Validate(ir.Program{Arity: arity, Ops: full}); err != nil {
			t.Fatalf("completion %s invalid: %v", ir.Format(full), err)
		}
	}
	if m.Allowed(op) != completable {
		t.Fatalf("%s + %s (limit %d): mask says %v, completion %s", ir.Format(prefix), op, maxLen, m.Allowed(op), ir.Format(full))
	}
	if !completable && maxLen-len(longer) <= 2 {
		if s := suffixWithin(longer, arity, maxLen-len(longer)); s != nil {
			t.Fatalf("%s + %s: refused for length, but %s completes it within %d", ir.Format(prefix), op, ir.Format(s), maxLen)
		}
	}
}

// suffixWithin finds a validating suffix of at most room opcodes.
func suffixWithin(prefix []ir.Op, arity, room int) []ir.Op {
	if room <= 0 {
		if ir.Validate(ir.Program{Arity: arity, Ops: prefix}) == nil {
			return []ir.Op{}
		}
		return nil
	}
	if ir.Validate(ir.Program{Arity: arity, Ops: prefix}) == nil {
		return []ir.Op{}
	}
	for op := ir.Op(0); int(op) < ir.NumOps; op++ {
		if s := suffixWithin(append(append([]ir.Op{}, prefix...), op), arity, room-1); s != nil {
			return append([]ir.Op{op}, s...)
		}
	}
	return nil
}

// TestMaskDeep: the mask admits what the old copy of the rules refused:
// more than 16 nested blocks and a stack deeper than 62.
func TestMaskDeep(t *testing.T) {
	ops := []ir.Op{ir.OpStart}
	for i := 0; i < 20; i++ {
		ops = append(ops, ir.OpLoopBegin)
	}
	for i := 0; i < 20; i++ {
		ops = append(ops, ir.OpLoopEnd)
	}
	for i := 0; i < ir.MaxStack; i++ {
		ops = append(ops, ir.OpSlot0)
	}
	for i := 1; i < ir.MaxStack; i++ {
		ops = append(ops, ir.OpI32Add)
	}
	ops = append(ops, ir.OpEnd)
	if err := ir.Validate(ir.Program{Arity: 1, Ops: ops}); err != nil {
		t.Fatal(err)
	}
	m, err := NewMask(1, len(ops))
	if err != nil {
		t.Fatal(err)
	}
	for i, op := range ops[1:] {
		if err := m.Push(op); err != nil {
			t.Fatalf("op %d: %v", i+1, err)
		}
	}
}
