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
// Example-guided search: Synthesize enumerates, cheapest first, the terms
// of a small functional language in the style of Gauthier & Urban's QSynt
// (internal/enum): the operands, x and y (the variables a loop binds),
// 0 1 2 10, + - * div mod le, cond(a, b, c) = if a <= 0 then b else c,
// loop(f, a, b) (x := b; for y = 1..a: x := f(x, y)), loop2(f, g, a, b, c)
// (a two-variable recurrence), compr(f, a) (the a-th x >= 0 with
// f(x) <= 0), while(f, c, a) (the steps x := f(x) takes from a while
// c(x) > 0), while2(f, g, a, b) (x, y := a, b; while y > 0: x, y := f(x,
// y), g(x, y); x: Euclid's loop), digsum(a, b) (a's digit sum in base b),
// digrev(a, b) (a's digits reversed in base b) and the numbers the task's
// text writes as constant leaves (enum.TextConstants). Loops nest and
// follow one another as ordinary expressions.
// On one-operand tasks a steps search beside it (a third of the time)
// looks for while(f, c, n) alone, with one-variable step functions f
// (cond(g, a, b) of cheap terms included) built once and tried on the
// examples' orbits, far past the main search's level; such an answer is
// never called complete, so it is put as a question (ambiguous).
// The search is bottom-up with observational equivalence: one term per
// behaviour on the examples and a few inputs nobody gave; loop bodies are
// kept apart by their behaviour on probe points (x, y, operands); the
// candidates of one loop body are answered from one cached run of it. At
// an example too large for a candidate's fuel (an operand above 100 in
// absolute value) a loop's value is left unknown rather than the candidate dropped,
// and a candidate that fits the other examples is run there in full. Terms
// are evaluated directly with the IR's i32 semantics (wrapping, traps, fuel
// counted as LOOP_BEGIN counts it); every answer is lowered to structured
// IR loops over locals (LOCAL_*_0..7), re-checked in the interpreter and
// confirmed on wazero (lib/wasmrt).
//
// Honest answers: the search goes on a cost level past its first answer
// (two when the examples carry few bits for the answer's size) and
// compares the fitting programs it found on inputs the task did not give
// (the next indices of a sequence; otherwise values around and between the
// examples, every ordering of each example's operands, one operand set to
// zero, operands of two examples mixed, equal operands, and far values:
// anywhere in i32 and its ends). If they disagree, or the cheapest traps
// there, or its arithmetic wraps there (not only far) when it wraps on no
// example, or the budget ended before the next level was searched
// completely, the Status is ambiguous, with the input and each program's
// output; `irsynth synth --ask` asks the user and searches again. A
// program that wraps, traps or runs out of fuel on such inputs loses to a
// near-cost one that does none of these, but stays a rival where it gives
// a value without wrapping. When every example's output is -1, 0 or 1 the
// task is categorical: a value outside the examples' outputs rules a rival
// out, and makes the answer ambiguous, also on negative operands that no
// example shows (where rivals are otherwise not compared). On other tasks
// that sample a domain, an answer with under 3 bits of examples per unit
// of its cost (Result.Bits; a level holds some 2^3 times the programs of
// the one below) is a question too, rival or not (Unsure): five examples
// of "how many times does 2 divide n" carry 8.6 bits, and a cost-7 sum of
// binary digits fits them by chance.
//
// Sequences first (candidates.go, trust.go): for a sequence task (one
// operand, at least MinTrustTerms terms at consecutive indices) the
// formulas its text states (internal/formula) and the closed forms its
// terms admit (internal/fit: polynomials, periods, sparse and linear
// recurrences, lowered to IR loops) are candidates before any search; a
// learned judge (Trust, trained by TrainTrust on task files with checks;
// DefaultTrust is lib/synth/trust.json) scores each, and the best answers
// as solved only when its score clears the judge's threshold. Otherwise
// the search runs, its answer joins the candidates, and the best of all
// is solved or, under the threshold, ambiguous with the first input where
// the candidates disagree. For other tasks, a formula from the text that
// reproduces every example answers directly; examples that are a run of
// first terms and values further on may be answered by the one small
// linear recurrence through them all (points.go, fit.Points, which
// bounds the chance of a match by accident); else the search decides.
//
// Guidance: a Guide (a logistic regression per production over hashed words
// of the request and features of the examples) raises the cost of the
// productions it finds unlikely for the task; without one the search runs unguided (uniform
// costs), so the gain from guidance is measured. TrainGuide fits it on
// tasks the project makes itself (Dreams) and TrainSynth runs the
// search-verify-retrain loop; DefaultGuide is nil because, measured, the
// self-trained guide did not beat the unguided search.
//
// EvalSynth is the leave-one-out evaluation: each library program is
// synthesized from 5 examples (the guide never saw a library program) and
// an answer the search calls solved is judged on 1,000 fresh inputs
// against its native reference.
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
//     any library program's IR; the guide sees only the tasks it is
//     trained on.
//   - Every search has a time and a candidate budget; running out returns a
//     Result with Status not_found, why it stopped and what it tried.
//     Cancelling the context returns within about 100 ms.
//   - A program is reported only after the interpreter reproduces every
//     example with it, and (unless SkipConfirm) wazero does too.
//   - The judge decides solved or ambiguous only for sequence tasks like
//     those it learned on (ten terms); where it rules, a solved answer's
//     Confidence is at least its Threshold.
//   - Nothing panics across the package boundary.
package synth
