// Package wasmrt runs the WebAssembly modules that lib/ir compiles, on
// wazero's optimizing compiler engine.
//
// # Overview
//
// A Runtime compiles a program once (IR → WASM bytes → machine code) into a
// Module, which is then called many times, from many goroutines at once:
//
//	rt, err := wasmrt.New(ctx, wasmrt.Config{})          // zero value: ir.DefaultFuel, 1 s per call
//	defer rt.Close(ctx)
//	m, err := rt.Compile(ctx, prog)                       // ir.Compile + wazero compile
//	v, err := m.Call(ctx, 27)                             // one call
//	res := m.Batch(ctx, [][]int32{{1}, {2}, {3}})         // spread over all cores
//
// Run is a one-shot convenience for a single call.
//
// # Invariants
//
//   - All Runtimes share one in-memory wazero compilation cache, and the
//     package keeps the most recently compiled modules alive in it, so
//     compiling a program a second time (even in a new Runtime) skips
//     machine-code generation.
//   - Every call starts with the Runtime's fuel (ir's units: the opcodes a
//     loop body holds, charged on every entry) in the module's exported
//     "fuel" global, and with a wall-clock limit
//     (Config.Timeout, or the caller's context deadline if earlier).
//     Exceeding either ends the call with ErrFuelExhausted or ErrTimeout;
//     the Runtime, the Module and the caller carry on.
//   - Every instance's linear memory is capped at MaxMemoryPages (64 MiB):
//     memory.grow past it returns -1, and a module declaring more is refused
//     (ErrBadModule).
//   - Errors are typed: *TrapError (with the trap's Reason, e.g.
//     ir.ErrDivideByZero), ErrFuelExhausted (which errors.Is also matches
//     against ir.ErrFuelExhausted), ErrTimeout, ErrArgs. No panic escapes
//     the package.
//   - A Module keeps a pool of instances; a call borrows one, so concurrent
//     calls never share WASM state. One of them, the hot instance, is tried
//     first and claimed with a single compare-and-swap, which also
//     publishes the call to the watchdog; a call that returns allocates
//     nothing. An instance whose state is in doubt (it panicked, or wazero
//     closed it) is discarded and replaced.
//
// # Where the rules live
//
//	runtime.go   Config and its defaults (fuel, time limit), New, Compile
//	module.go    Module and Call, the entry of every call
//	instance.go  an instance (one per concurrent call), a call on it: begin and end (which claim the hot one), kill
//	watchdog.go  the wall-clock limit of calls on the fast engine
//	cache.go     the shared compilation cache (KeepCompiled)
//	batch.go     Batch; run.go the one-shot Run; errors.go every error
//	phase1.go    phase 1's record: the Collatz benchmark and its native Go loop (CollatzSteps)
//
// # Time limits
//
// Fuel is the primary budget: it bounds every call of an IR module, whatever
// else happens. The wall-clock limit is enforced in one of two ways.
//
// By default, IR modules (Compile, CompileConst) run on wazero's compiler
// without cancellation checks, so their loops run at full speed. A watchdog
// goroutine, ticking a tenth of the timeout, times each call from when it
// first sees it (so a call itself reads no clock and writes no deadline),
// and stops a call that runs past its limit through the module's
// globals: it sets the ExportStop global, which lib/ir's modules read once
// per ir.StopEvery units of fuel (tens of microseconds at most) and never
// write, so the program traps soon after. (For a hand-made module without
// that global it keeps setting the fuel global to 0 instead, which stops
// all but the tightest loops of modules that keep fuel in that global.) Caveat: Go cannot preempt a goroutine that is running
// WASM machine code, so a garbage collection that starts during a long call
// waits for that call, and so does the watchdog; fuel then ends the call.
//
// With Config.Preemptible, and always for raw modules (Load), calls run on a
// second wazero engine configured with WithCloseOnContextDone: the generated
// code returns to Go at every loop iteration to check for cancellation, the
// per-call context carries the deadline, and wazero closes an instance whose
// context expires (the Module replaces it). That holds under any load and
// never delays the collector, at the price of much slower calls (tens of
// times on collatz_length(27); BenchmarkPreemptible measures it and README's
// speed table has the figures): an exit to Go in every loop iteration and a
// goroutine per call. RATIONALE.md says why.
package wasmrt
