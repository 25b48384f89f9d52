// Package expr is the expression machinery behind lib/synth's search:
// expression trees over operands, locals and the IR's constants, their
// emission as IR opcodes, a fast postfix evaluator, and a bottom-up
// enumerator that keeps one expression per behaviour (observational
// equivalence) on a set of probe environments, cheapest first.
package expr

import (
	"math"

	"github.com/irsynth/irsynth/lib/ir"
)

// Variables: 0..3 are the operands (SLOT_k), 4..7 the locals (LOCAL_GET_k).
const (
	NumVars   = 8
	LocalBase = 4
)

// Env is the value of every variable.
type Env [NumVars]int32

// Kind of an expression node.
type Kind uint8

const (
	Const Kind = iota // Val
	Var               // Val is the variable index
	Bin               // Op applied to A and B
	Ite               // if C then A else B (a value IF)
)

// Node is one expression node; children are indices into the same Arena.
type Node struct {
	Kind    Kind
	Op      ir.Op
	Val     int32
	A, B, C int32
	Size    int32 // IR opcodes the expression emits
}

// Arena holds expression trees; an expression is an index into it.
type Arena struct {
	Nodes []Node
}

// Add appends n and returns its index, computing its size.
func (a *Arena) Add(n Node) int32 {
	switch n.Kind {
	case Const, Var:
		n.Size = 1
	case Bin:
		n.Size = a.Nodes[n.A].Size + a.Nodes[n.B].Size + 1
	case Ite:
		n.Size = a.Nodes[n.C].Size + a.Nodes[n.A].Size + a.Nodes[n.B].Size + 3
	}
	a.Nodes = append(a.Nodes, n)
	return int32(len(a.Nodes) - 1)
}

// Emit appends the IR opcodes of expression e to dst.
func (a *Arena) Emit(dst []ir.Op, e int32) []ir.Op {
	n := &a.Nodes[e]
	switch n.Kind {
	case Const:
		return append(dst, ConstOp(n.Val))
	case Var:
		if n.Val < LocalBase {
			return append(dst, ir.OpSlot0+ir.Op(n.Val))
		}
		return append(dst, ir.OpLocalGet0+ir.Op(n.Val-LocalBase))
	case Bin:
		dst = a.Emit(dst, n.A)
		dst = a.Emit(dst, n.B)
		return append(dst, n.Op)
	default:
		dst = a.Emit(dst, n.C)
		dst = append(dst, ir.OpIfBegin)
		dst = a.Emit(dst, n.A)
		dst = append(dst, ir.OpElse)
		dst = a.Emit(dst, n.B)
		return append(dst, ir.OpIfEnd)
	}
}

// ConstOp is the opcode pushing v, one of the IR's constants 0, 1, 2, 10.
func ConstOp(v int32) ir.Op {
	switch v {
	case 0:
		return ir.OpConst0
	case 1:
		return ir.OpConst1
	case 2:
		return ir.OpConst2
	}
	return ir.OpConst10
}

// Consts are the IR's constants.
var Consts = []int32{0, 1, 2, 10}

// Apply computes a binary opcode with WASM's i32 semantics; ok is false on a
// trap.
func Apply(op ir.Op, x, y int32) (int32, bool) {
	switch op {
	case ir.OpI32Add:
		return x + y, true
	case ir.OpI32Sub:
		return x - y, true
	case ir.OpI32Mul:
		return x * y, true
	case ir.OpI32DivS:
		if y == 0 || (x == math.MinInt32 && y == -1) {
			return 0, false
		}
		return x / y, true
	case ir.OpI32RemS:
		if y == 0 {
			return 0, false
		}
		if y == -1 {
			return 0, true
		}
		return x % y, true
	case ir.OpI32Eq:
		return b2i(x == y), true
	case ir.OpI32Ne:
		return b2i(x != y), true
	case ir.OpI32LtS:
		return b2i(x < y), true
	case ir.OpI32GtS:
		return b2i(x > y), true
	case ir.OpI32LeS:
		return b2i(x <= y), true
	case ir.OpI32GeS:
		return b2i(x >= y), true
	}
	return 0, false
}

func b2i(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// Eval evaluates e on env by walking the tree; ok is false on a trap.
func (a *Arena) Eval(e int32, env *Env) (int32, bool) {
	n := &a.Nodes[e]
	switch n.Kind {
	case Const:
		return n.Val, true
	case Var:
		return env[n.Val], true
	case Bin:
		x, ok := a.Eval(n.A, env)
		if !ok {
			return 0, false
		}
		y, ok := a.Eval(n.B, env)
		if !ok {
			return 0, false
		}
		return Apply(n.Op, x, y)
	default:
		c, ok := a.Eval(n.C, env)
		if !ok {
			return 0, false
		}
		if c != 0 {
			return a.Eval(n.A, env)
		}
		return a.Eval(n.B, env)
	}
}

// Uses reports whether e reads variable v.
func (a *Arena) Uses(e int32, v int32) bool {
	n := &a.Nodes[e]
	switch n.Kind {
	case Const:
		return false
	case Var:
		return n.Val == v
	case Bin:
		return a.Uses(n.A, v) || a.Uses(n.B, v)
	default:
		return a.Uses(n.C, v) || a.Uses(n.A, v) || a.Uses(n.B, v)
	}
}
