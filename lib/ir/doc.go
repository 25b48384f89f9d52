// Package ir is irsynth's small opcode language: the codebook, programs and
// their text form, a validator, a compiler to WebAssembly, a reference
// interpreter and a WAT printer.
//
// # Overview
//
// A program is a flat sequence of opcodes with no immediates, so a neural
// model can emit it one token at a time:
//
//	START
//	CONST_0 LOCAL_SET_0
//	SLOT_0 LOCAL_SET_1
//	...
//	LOCAL_GET_0
//	END
//
// Operands arrive as SLOT_0..SLOT_3, which compile to the parameters of the
// exported WASM function "run": a program is compiled once and called with
// many inputs (CompileConst keeps the study's form, operands baked in).
// Eight locals, i32 arithmetic and comparisons, structured loops and ifs,
// an early RETURN and a memory of MemWords i32 words (MEM_LOAD, MEM_STORE:
// tables such as power-series coefficients or earlier terms) complete the
// set; see Ops and Info for the codebook.
//
// # Invariants
//
//   - Validate runs before any WASM is built, and every program it accepts
//     compiles to a module that WASM validation accepts (checked against
//     wabt's wasm-validate and by fuzzing).
//   - The interpreter (Interpret, Prepare/Run) has exactly WASM's i32
//     semantics: wrap-around arithmetic, traps on division by zero and on
//     INT_MIN / -1 and on a memory address outside 0..MemWords-1. Memory is
//     all zero when a run starts, in the interpreter and in a compiled
//     module (which zeroes its page on entry, so a reused instance does not
//     leak one call's table into the next). Compiled modules and the
//     interpreter agree value for value and error for error.
//   - Trace records a run step by step (opcode, stack, locals, fuel left,
//     branch or loop edge taken, the word a store wrote) through the interpreter's own loop, so a
//     trace ends with exactly the value, error and fuel of Interpret.
//   - Fuel measures work: every entry into a loop body costs the number of
//     opcodes that belong to the loop (LoopCosts), in the interpreter and in
//     the compiled module alike, so a run executes at most its length plus
//     its fuel in opcodes; a run that runs out stops with ErrFuelExhausted
//     instead of hanging, at the same point in both.
//   - The stack and block rules live in one place, Checker: Validate runs
//     it over a whole program, and a decoder or a search runs it one opcode
//     at a time (Push, Allowed, CloseCost, Completion), so a prefix it
//     accepts can always be completed into a program Validate accepts.
//   - Errors: validation failures are *ValidationError naming the opcode
//     index, the opcode and the rule (match the rule with errors.Is); run-time
//     traps are *TrapError (errors.Is(err, ErrTrap)). Nothing panics across
//     the package boundary except MustParse, by its name.
//
// # Where the rules live
//
// One file holds each rule; nothing else in irsynth re-derives it.
//
//	opcode.go    the codebook: every opcode, its stack effect and WASM encoding
//	check.go     the stack and block rules (Checker), incremental
//	validate.go  whole-program validation over Checker, and the fuel cost of each loop (LoopCosts)
//	interp.go    the semantics: i32 arithmetic, traps, fuel (the reference interpreter)
//	compile.go   IR → WebAssembly, the fuel and stop checks a module makes (StopEvery)
//	peephole.go  the compiler's rewrites (constant folding, identities), which keep the semantics
//	text.go      the text form: Tokens, Parse, Format
//	library.go   the program library, each with its native Go reference and known values
//	inputs.go    how operands are drawn for a program (Spec.Inputs, Draw)
//	trace.go     step-by-step runs; wat.go the WAT printer; errors.go every error
//
// # Library
//
// Library returns the program library: the reference study's eleven
// programs, corrected where the study failed (collatz_length(1) = 0,
// fibonacci, gcd, is_prime), and the programs irsynth adds, each with a
// native Go reference, meaningful operand ranges and known values. The
// subpackage irtest holds the conformance suite every executor must pass.
package ir
