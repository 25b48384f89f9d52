// Package results defines the JSON records every phase writes under the
// results directory, and reads and writes them atomically.
//
// It is the contract between the producers (cmd/irsynth, lib/models,
// lib/synth) and the readers (lib/plots, web/, the notebooks): readers only
// ever see these files, never a producer's private state.
//
//	results/phase1.json              Phase1: programs and the Collatz benchmark
//	results/phase2_dataset.json      Phase2: the natural-language dataset
//	results/phase3_classifier.json   Phase3: the program classifier
//	results/phase4_decoder.json      Phase4: the opcode decoder
//	results/phase5_synthesis.json    Phase5: structured decoding and search
//	results/eval_tasks.json          Tasks: the synthesizer on a task file (irsynth eval tasks)
//	results/eval_tasks_guess.json    Tasks: the guesser on the same file
//
// Write replaces a file atomically (temporary file, then rename), so a reader
// never sees half a record and an interrupted run loses nothing. Commit
// replaces several files together (a trained model and its record) through
// a journal that Recover finishes after a crash; CleanStale removes the
// temporary files an interrupted write left.
//
// Read never blocks and never trusts a file: ReadFile opens it with
// O_NONBLOCK and accepts only a regular file under a size limit (a FIFO
// named phase1.json gives ErrNotRegular at once), and every record is
// validated after decoding (finite numbers, rates in [0, 1], shapes that
// agree: the Validate methods). Anything wrong is a *FileError naming the
// file, so every page that shows the record can give the same message.
// ReadInput applies the same size rule to a file a user names as input (a
// program, a task file), which may also be a pipe.
//
// # Where the rules live
//
//	records.go   the shape of every phase record; validate.go their invariants
//	files.go     file names inside a results directory, Read and Write
//	read.go      what may be read and how much (ReadFile, ReadInput)
//	commit.go    replacing several files together, and recovery after a crash
//	study.go     the reference study's published numbers
package results
