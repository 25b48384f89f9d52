package synth

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// Mask is ir's incremental Checker with a length limit: Allowed reports
// which next opcodes keep the prefix completable into a valid program of at
// most MaxLen opcodes (START and END included). A decoder that only ever
// picks an allowed opcode, and stops at END, emits a program that
// ir.Validate accepts.
//
// The mask is exact: it allows an opcode precisely when some completion of
// the longer prefix within the limit validates. The rules themselves live
// in ir.Checker; the mask adds only the limit.
type Mask struct {
	c      *ir.Checker
	maxLen int
}

// NewMask starts a program with the given arity (slots SLOT_0..SLOT_{arity-1}
// are allowed) and maximum length; START is already emitted.
func NewMask(arity, maxLen int) (*Mask, error) {
	if arity < 0 || arity > ir.NumSlots {
		return nil, fmt.Errorf("%w: arity %d, must be 0..%d", ErrMask, arity, ir.NumSlots)
	}
	if maxLen < 3 || maxLen > ir.MaxLength {
		return nil, fmt.Errorf("%w: max length %d, must be 3..%d", ErrMask, maxLen, ir.MaxLength)
	}
	c, err := ir.NewChecker(arity)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMask, err)
	}
	return &Mask{c: c, maxLen: maxLen}, nil
}

// Len is the number of opcodes emitted so far, START included.
func (m *Mask) Len() int { return m.c.Len() }

// Done reports whether END has been emitted.
func (m *Mask) Done() bool { return m.c.Done() }

// Allowed reports whether op may come next.
func (m *Mask) Allowed(op ir.Op) bool {
	cost, ok := m.c.CostAfter(op)
	return ok && m.c.Len()+1+cost <= m.maxLen
}

// AllowedSet fills dst (len ir.NumOps) with the allowed next opcodes and
// returns how many there are.
func (m *Mask) AllowedSet(dst []bool) int {
	k := 0
	for i := range dst {
		dst[i] = m.Allowed(ir.Op(i))
		if dst[i] {
			k++
		}
	}
	return k
}

// Push emits op, which must be allowed.
func (m *Mask) Push(op ir.Op) error {
	if !m.Allowed(op) {
		return fmt.Errorf("%w: %s at op %d", ErrMaskRejects, op, m.c.Len())
	}
	return m.c.Push(op)
}
