package formula

import (
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Spilled locals: a formula whose loops nest past ir.NumLocals locals
// ("Sum_{k=1..n} Sum_{i=1..k} (-2)^valuation(i,2)", a triangle's cell that
// is a sum of sums) keeps its outermost locals in the IR's memory, words
// 0..spill-1, the least read ones (an inner loop runs many times for each
// pass of an outer one). A spilled local is read with CONST a, MEM_LOAD
// and written through the last register, the scratch: LOCAL_SET_7, CONST
// a, LOCAL_GET_7, MEM_STORE. The locals deeper than spill use the
// registers 0..6. Homes stay depths (alloc's stack), so a construct that
// names a home by its depth still frees what it took; a construct that
// writes a local opcode or touches memory itself (a table, a sieve) is
// refused in this mode (emit), so no program mixes the two.

// spillScratch is the register a write to a spilled local goes through.
const spillScratch = ir.NumLocals - 1

// spillTries are the numbers of spilled locals lowerWith tries, in order,
// where the plain lowering needs more than ir.NumLocals locals.
var spillTries = []int{2, 3, 4}

// allocSpill is alloc with e.spill locals in memory.
func (e *emitter) allocSpill() int {
	if e.next-e.spill >= spillScratch {
		e.fail("needs more than %d locals with %d in memory", ir.NumLocals, e.spill)
	}
	e.next++
	return e.next - 1
}

// emitLocal emits ops a home's read or write is made of (emit refuses
// local and memory opcodes from anywhere else in spill mode).
func (e *emitter) emitLocal(ops ...ir.Op) {
	e.spilling = true
	e.emit(ops...)
	e.spilling = false
}

// getSpill pushes home l in spill mode.
func (e *emitter) getSpill(l int) {
	switch {
	case l < 0:
		e.emit(ir.OpSlot0)
	case l < e.spill:
		e.konst(int64(l))
		e.emitLocal(ir.OpMemLoad)
	default:
		e.emitLocal(ir.LocalGet(l - e.spill))
	}
}

// setSpill pops into home l in spill mode.
func (e *emitter) setSpill(l int) {
	switch {
	case l < 0:
		e.fail("write to the operand")
	case l < e.spill:
		e.emitLocal(ir.LocalSet(spillScratch))
		e.konst(int64(l))
		e.emitLocal(ir.LocalGet(spillScratch), ir.OpMemStore)
	default:
		e.emitLocal(ir.LocalSet(l - e.spill))
	}
}

// tee writes the top of the stack to home l and leaves it there.
func (e *emitter) tee(l int) {
	if e.spill == 0 {
		e.emit(ir.LocalTee(l))
		return
	}
	e.set(l)
	e.get(l)
}

// spillGuard: in spill mode, a local or memory opcode not written by
// get, set or tee fails the lowering.
func (e *emitter) spillGuard(ops []ir.Op) {
	for _, op := range ops {
		if op == ir.OpMemLoad || op == ir.OpMemStore || op >= ir.OpLocalGet0 && op <= ir.OpLocalTee7 {
			e.fail("a local or memory opcode outside get and set in spill mode")
		}
	}
}

// lowerSpilled lowers x with the fewest spilled locals of spillTries
// that fit, lazy "and"s first; err is the plain lowering's where none
// does.
func lowerSpilled(x *node, exactBinomial bool, err error) ([]ir.Op, error) {
	if !strings.Contains(err.Error(), "locals") {
		return nil, err
	}
	for _, k := range spillTries {
		for _, lazy := range []bool{true, false} {
			e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, exactBinomial: exactBinomial, lazy: lazy, spill: k}
			if ops, err2 := e.program(x); err2 == nil {
				return ops, nil
			}
		}
	}
	return nil, err
}
