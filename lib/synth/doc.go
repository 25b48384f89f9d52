// Package synth builds programs the reference study could not: it turns a
// request (a sentence and a few input→output examples) into an IR program
// that reproduces the examples, and it constrains a token decoder so that
// everything it emits is a valid program.
//
// # Overview
//
// Structured decoding: Mask wraps ir.Checker (the validator's own rules,
// applied one opcode at a time) and says which next opcodes keep the prefix
// completable into a valid program within a length limit, using the
// checker's exact shortest completion. DecoderMask plugs it into lib/models'
// greedy decoder, so every decoded program passes ir.Validate.
//
// Example-guided search: Synthesize enumerates programs cheapest first
// under a cost model. The search (internal/search) is symbolic: a typed
// bottom-up enumeration of expressions over operands, locals and the IR's
// constants with observational equivalence (one expression per behaviour
// on probe inputs), plugged into a fixed, generic sketch grammar that
// belongs to no single program:
//
//   - a straight-line or value-IF expression of the operands;
//   - a while loop: one or two driver variables initialised from the
//     operands and updated (possibly by a value IF) until a condition
//     fails, then either an expression of the final drivers or up to three
//     accumulators folded over the drivers' trajectory;
//   - the same loop with one driver that moves by a fixed step (x±m, x*m,
//     x/m for the constants 1, 2, 10: counting, halving and digit loops),
//     searched as a family of its own so that its few drivers leave the
//     cost budget to the condition and the accumulators.
//
// The drivers' trajectory is simulated once per driver, every accumulator
// is a fold over it, and drivers with the same trajectories on every
// example are tried once. Candidates run in a tight expression evaluator;
// the winner is re-checked in the reference interpreter and confirmed on
// wazero (lib/wasmrt).
//
// Guidance: a Prior (a logistic regression per opcode over the request's
// words and features of the examples, DeepCoder-style) predicts which
// opcodes the program uses and reshapes the cost model; without a Prior
// the search runs unguided, so the gain from guidance is measured.
//
// EvalSynth is the leave-one-out evaluation: each library program is held
// out of the prior's training, synthesized from 5 examples and judged on
// 1,000 fresh inputs against its native reference.
//
// Task files: ReadTaskFile reads a file of sequence tasks (the dev300.json
// format) into the Tasks the search sees and the Checks only the judge
// sees; EvalTasks synthesizes each and judges the answer on its checks on
// wazero, EvalGuess does the same for a simple guesser (GuessSequence:
// polynomials, periods, linear recurrences), and Shard splits a file for a
// batch system.
//
// # Invariants
//
//   - The search sees only a task's text and examples, never its name or
//     any library program's IR; the prior sees only the programs it is
//     trained on.
//   - Every search has a time and a candidate budget; running out returns a
//     Result with Found false, why it stopped and what it tried.
//   - A program is reported only after the interpreter reproduces every
//     example with it, and (unless SkipConfirm) wazero does too.
//   - Nothing panics across the package boundary.
package synth
