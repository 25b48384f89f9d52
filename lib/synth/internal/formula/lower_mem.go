package formula

import "github.com/irsynth/irsynth/lib/ir"

// Memory: readers whose programs keep a table (power-series coefficients,
// earlier terms of a recurrence, the limbs of a long number) address the
// IR's memory, ir.MemWords words that are zero when a run starts. An
// address outside it traps, which the exact evaluator's check refuses like
// any other trap.

// load pushes the word at the address addr pushes.
func (e *emitter) load(addr func()) {
	addr()
	e.emit(ir.OpMemLoad)
}

// store writes the value val pushes to the word at the address addr pushes.
func (e *emitter) store(addr, val func()) {
	addr()
	val()
	e.emit(ir.OpMemStore)
}

// zeroWords zeroes the words from the address in local p up to, not
// including, the one in local stop (p < stop: it stores at least once);
// p ends at stop.
func (e *emitter) zeroWords(p, stop int) {
	e.emit(ir.OpLoopBegin)
	e.get(p)
	e.emit(ir.OpConst0, ir.OpMemStore)
	e.get(p)
	e.emit(ir.OpConst1, ir.OpI32Add, ir.LocalTee(p))
	e.get(stop)
	e.emit(ir.OpI32LtS, ir.OpBrIf, ir.OpLoopEnd)
}
