// Package dataset builds the natural-language requests that phases 2–4
// train and test on: 8–10 templates per library program in the reference
// study's style, operands drawn where the program's i32 result is
// meaningful, the expected answer from running the program, splits by
// program (the study's two, or any held-out list), JSON files, and operand
// extraction from text.
//
// # Invariants
//
//   - Generation is deterministic for a Split (its Seed included), and each
//     program's examples depend only on the seed and the program's name.
//   - Every example's Expected is what the program returns on its Operands
//     (reference interpreter), and the native reference agrees.
//   - Read rejects a file with a *RecordError naming the file and the record
//     for malformed JSON, unknown programs, wrong operand counts and answers
//     the program does not reproduce.
//
// # Where the rules live
//
// templates.go (the wordings of each program's requests), generate.go (how a
// split's examples are drawn), split.go (the study's splits and held-out
// programs), extract.go (reading operands out of a request), io.go (the file
// format and its checks), paraphrases.go (the requests no template words).
//
// # Example
//
//	ds, err := dataset.Generate(dataset.StudySplit()) // 800 train, 50 collatz_length test
//	ops, err := dataset.ExtractN("What is 1 + 2 + ... + 50?", 1) // [50]
package dataset
