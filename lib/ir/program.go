package ir

// Program is an IR program: a name, the number of operands it reads
// (SLOT_0..SLOT_{Arity-1}, the compiled function's parameters) and its
// opcodes, START first and END last.
type Program struct {
	Name  string
	Arity int
	Ops   []Op
}

// NewProgram builds a program whose arity is inferred from the highest SLOT
// it reads, and validates it.
func NewProgram(name string, ops []Op) (Program, error) {
	p := Program{Name: name, Arity: InferArity(ops), Ops: ops}
	return p, Validate(p)
}

// InferArity is one more than the highest SLOT index in ops (0 when none).
func InferArity(ops []Op) int {
	n := 0
	for _, op := range ops {
		if Info(op).Category == CatSlot && int(op.Imm())+1 > n {
			n = int(op.Imm()) + 1
		}
	}
	return n
}

// Len is the number of opcodes, START and END included.
func (p Program) Len() int { return len(p.Ops) }

// String is the canonical one-line text form; Parse reads it back exactly.
func (p Program) String() string { return Format(p.Ops) }

// Equal reports whether two programs have the same opcodes and arity.
func (p Program) Equal(q Program) bool {
	if p.Arity != q.Arity || len(p.Ops) != len(q.Ops) {
		return false
	}
	for i := range p.Ops {
		if p.Ops[i] != q.Ops[i] {
			return false
		}
	}
	return true
}
