// Package cputime reads the CPU time this process has used, the one home of
// that measurement for the records and benchmarks that report CPU seconds
// beside wall time (irsynth eval tasks, models.DecoderThroughput,
// scripts/bench/v8cmp).
package cputime
