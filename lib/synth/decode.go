package synth

import (
	"github.com/irsynth/irsynth/lib/ir"
)

// DecoderMask adapts Mask to a token decoder whose vocabulary holds the
// opcode names (and special tokens such as PAD, BOS, EOS): it returns the
// function lib/models' DecodeOptions.Mask expects. Before START only START
// is allowed, after END only eos; in between, the opcodes Mask allows for a
// program of at most maxLen opcodes over any of the ir.NumSlots operands
// (the decoder's program takes as many operands as its highest SLOT). A
// prefix the mask did not produce (impossible under masked decoding) allows
// nothing, which ends the sequence.
func DecoderMask(vocab []string, eos string, maxLen int) func(i int, prefix []string) []bool {
	ids := make([]int, len(vocab)) // vocab index -> opcode, -1 for special tokens
	eosID := -1
	for i, t := range vocab {
		ids[i] = -1
		if op, ok := ir.LookupOp(t); ok {
			ids[i] = int(op)
		}
		if t == eos {
			eosID = i
		}
	}
	return func(_ int, prefix []string) []bool {
		allow := make([]bool, len(vocab))
		if len(prefix) == 0 {
			for i, op := range ids {
				allow[i] = op == int(ir.OpStart)
			}
			return allow
		}
		m, err := NewMask(ir.NumSlots, maxLen)
		if err != nil || prefix[0] != ir.OpStart.String() {
			return allow
		}
		for _, t := range prefix[1:] {
			op, ok := ir.LookupOp(t)
			if !ok || m.Push(op) != nil {
				return allow
			}
		}
		if m.Done() {
			if eosID >= 0 {
				allow[eosID] = true
			}
			return allow
		}
		for i, op := range ids {
			allow[i] = op >= 0 && m.Allowed(ir.Op(op))
		}
		return allow
	}
}
