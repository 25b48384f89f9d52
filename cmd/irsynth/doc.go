// Command irsynth is the command line of irsynth: it lists, shows and runs
// IR programs, answers the study's Collatz question, and runs every phase
// of the reproduction. Run `irsynth help` for the list of commands.
//
// Each command lives in its own file and registers itself from init(), so
// adding one never touches main.go; cli.go holds the conventions every
// command follows (flags, help, exit status). Exit status: 0 success, 1 a run-time
// failure, 2 a usage error or bad input (always one line on stderr).
//
// Rules that are not one command's: cli.go (flags, help, exit status, the
// input size limit), train_state.go (how training keeps a finished model
// safe), encoder.go (the --encoder flag), train.go (phaseFile: which record
// each model writes). What a phase computes lives in the library (lib/...),
// never here.
package main
