package enum

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
)

// ErrTooBig: a term needs more locals or opcodes than the IR has.
var ErrTooBig = errors.New("enum: term does not fit the IR")

// scope is where a body's variables live: x and y in locals (y < 0: y is
// 0, compr's body) and the first local free for nested loops.
type scope struct {
	x, y, base int
	top        bool // no body: x and y are not bound
}

// Lower compiles closed term id to an IR program body (START ... END).
// Each combinator becomes a structured loop over locals it owns: loop
// takes three (x, y, the count), loop2 three (x, y, the count), compr two
// (x, the count), while two (x, the steps), while2 two (x, y), digsum and digrev three; a body's nested
// loops use the locals above its own.
// Children evaluated before a loop starts leave their values on the stack,
// so they may reuse the loop's locals.
func Lower(t *Terms, id int32, arity int) ([]ir.Op, error) {
	l := lowerer{t: t}
	ops := []ir.Op{ir.OpStart}
	ops, err := l.lower(ops, id, scope{top: true})
	if err != nil {
		return nil, err
	}
	ops = append(ops, ir.OpEnd)
	if len(ops) > ir.MaxLength {
		return nil, fmt.Errorf("%w: %d opcodes", ErrTooBig, len(ops))
	}
	return ops, nil
}

type lowerer struct{ t *Terms }

var binOps = map[Op]ir.Op{OpAdd: ir.OpI32Add, OpSub: ir.OpI32Sub, OpMul: ir.OpI32Mul, OpDiv: ir.OpI32DivS, OpMod: ir.OpI32RemS, OpLe: ir.OpI32LeS}

func (l *lowerer) lower(ops []ir.Op, id int32, sc scope) ([]ir.Op, error) {
	n := &l.t.nodes[id]
	get, set, tee := ir.LocalGet, ir.LocalSet, ir.LocalTee
	need := func(k int) error {
		if sc.base+k > ir.NumLocals {
			return fmt.Errorf("%w: loops nested too deep for %d locals", ErrTooBig, ir.NumLocals)
		}
		return nil
	}
	var err error
	switch n.op {
	case OpZero:
		return append(ops, ir.OpConst0), nil
	case OpOne:
		return append(ops, ir.OpConst1), nil
	case OpTwo:
		return append(ops, ir.OpConst2), nil
	case OpTen:
		return append(ops, ir.OpConst10), nil
	case OpN0, OpN1, OpN2, OpN3:
		return append(ops, ir.OpSlot0+ir.Op(n.op-OpN0)), nil
	case OpConst:
		return append(ops, ir.AppendConst(nil, n.kids[0])...), nil
	case OpX:
		if sc.top {
			return nil, fmt.Errorf("enum: x outside a loop body")
		}
		return append(ops, get(sc.x)), nil
	case OpY:
		if sc.top {
			return nil, fmt.Errorf("enum: y outside a loop body")
		}
		if sc.y < 0 {
			return append(ops, ir.OpConst0), nil
		}
		return append(ops, get(sc.y)), nil
	case OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe:
		if ops, err = l.lower(ops, n.kids[0], sc); err != nil {
			return nil, err
		}
		if ops, err = l.lower(ops, n.kids[1], sc); err != nil {
			return nil, err
		}
		return append(ops, binOps[n.op]), nil
	case OpCond:
		if ops, err = l.lower(ops, n.kids[0], sc); err != nil {
			return nil, err
		}
		ops = append(ops, ir.OpConst0, ir.OpI32LeS, ir.OpIfBegin)
		if ops, err = l.lower(ops, n.kids[1], sc); err != nil {
			return nil, err
		}
		ops = append(ops, ir.OpElse)
		if ops, err = l.lower(ops, n.kids[2], sc); err != nil {
			return nil, err
		}
		return append(ops, ir.OpIfEnd), nil
	case OpLoop:
		if err := need(3); err != nil {
			return nil, err
		}
		x, y, c := sc.base, sc.base+1, sc.base+2
		if ops, err = l.lower(ops, n.kids[1], sc); err != nil { // a
			return nil, err
		}
		if ops, err = l.lower(ops, n.kids[2], sc); err != nil { // b
			return nil, err
		}
		ops = append(ops, set(x), set(c), ir.OpConst1, set(y),
			get(y), get(c), ir.OpI32LeS, ir.OpIfBegin, ir.OpLoopBegin)
		if ops, err = l.lower(ops, n.kids[0], scope{x: x, y: y, base: sc.base + 3}); err != nil {
			return nil, err
		}
		return append(ops, set(x),
			get(y), ir.OpConst1, ir.OpI32Add, tee(y), get(c), ir.OpI32LeS, ir.OpBrIf,
			ir.OpLoopEnd, ir.OpIfEnd, get(x)), nil
	case OpLoop2:
		if err := need(3); err != nil {
			return nil, err
		}
		x, y, c := sc.base, sc.base+1, sc.base+2
		for _, k := range n.kids[2:5] { // a b c
			if ops, err = l.lower(ops, k, sc); err != nil {
				return nil, err
			}
		}
		ops = append(ops, set(y), set(x), set(c),
			ir.OpConst0, get(c), ir.OpI32LtS, ir.OpIfBegin, ir.OpLoopBegin)
		body := scope{x: x, y: y, base: sc.base + 3}
		if ops, err = l.lower(ops, n.kids[0], body); err != nil {
			return nil, err
		}
		if ops, err = l.lower(ops, n.kids[1], body); err != nil {
			return nil, err
		}
		return append(ops, set(y), set(x),
			get(c), ir.OpConst1, ir.OpI32Sub, tee(c), ir.OpConst0, ir.OpI32GtS, ir.OpBrIf,
			ir.OpLoopEnd, ir.OpIfEnd, get(x)), nil
	case OpCompr:
		if err := need(2); err != nil {
			return nil, err
		}
		x, k := sc.base, sc.base+1
		if ops, err = l.lower(ops, n.kids[1], sc); err != nil { // a
			return nil, err
		}
		ops = append(ops, set(k), ir.OpConst0, ir.OpConst1, ir.OpI32Sub, set(x),
			ir.OpLoopBegin, get(x), ir.OpConst1, ir.OpI32Add, set(x))
		if ops, err = l.lower(ops, n.kids[0], scope{x: x, y: -1, base: sc.base + 2}); err != nil {
			return nil, err
		}
		return append(ops, ir.OpConst0, ir.OpI32LeS, ir.OpIfBegin,
			get(k), ir.OpConst1, ir.OpI32Sub, set(k), ir.OpIfEnd,
			get(k), ir.OpConst0, ir.OpI32GeS, ir.OpBrIf, ir.OpLoopEnd, get(x)), nil
	case OpDigSum, OpDigRev:
		if err := need(3); err != nil {
			return nil, err
		}
		v, r, b := sc.base, sc.base+1, sc.base+2
		for _, k := range n.kids[:2] {
			if ops, err = l.lower(ops, k, sc); err != nil {
				return nil, err
			}
		}
		ops = append(ops, set(b), set(v), ir.OpConst0, set(r),
			ir.OpLoopBegin,
			get(v), ir.OpIfBegin,
			get(r))
		if n.op == OpDigRev {
			ops = append(ops, get(b), ir.OpI32Mul)
		}
		return append(ops, get(v), get(b), ir.OpI32RemS, ir.OpI32Add, set(r),
			get(v), get(b), ir.OpI32DivS, set(v), ir.OpBr,
			ir.OpIfEnd,
			ir.OpLoopEnd, get(r)), nil
	case OpWhile:
		if err := need(2); err != nil {
			return nil, err
		}
		x, k := sc.base, sc.base+1
		if ops, err = l.lower(ops, n.kids[2], sc); err != nil { // a
			return nil, err
		}
		ops = append(ops, set(x), ir.OpConst0, set(k), ir.OpLoopBegin)
		body := scope{x: x, y: k, base: sc.base + 2}
		if ops, err = l.lower(ops, n.kids[1], body); err != nil { // c
			return nil, err
		}
		ops = append(ops, ir.OpConst0, ir.OpI32GtS, ir.OpIfBegin)
		if ops, err = l.lower(ops, n.kids[0], body); err != nil { // f
			return nil, err
		}
		return append(ops, set(x), get(k), ir.OpConst1, ir.OpI32Add, set(k), ir.OpBr,
			ir.OpIfEnd, ir.OpLoopEnd, get(k)), nil
	case OpWhile2:
		if err := need(2); err != nil {
			return nil, err
		}
		x, y := sc.base, sc.base+1
		for _, k := range n.kids[2:4] { // a b
			if ops, err = l.lower(ops, k, sc); err != nil {
				return nil, err
			}
		}
		ops = append(ops, set(y), set(x), ir.OpLoopBegin, get(y), ir.OpConst0, ir.OpI32GtS, ir.OpIfBegin)
		body := scope{x: x, y: y, base: sc.base + 2}
		for _, k := range n.kids[:2] { // f g
			if ops, err = l.lower(ops, k, body); err != nil {
				return nil, err
			}
		}
		return append(ops, set(y), set(x), ir.OpBr, ir.OpIfEnd, ir.OpLoopEnd, get(x)), nil
	}
	return nil, fmt.Errorf("enum: unknown production %d", n.op)
}
