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
