package main

import (
	"context"
	"fmt"
	"io"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func init() {
	register(command{
		Name:    "phase1",
		Usage:   "irsynth phase1 [flags]",
		Summary: "phase 1: check every library program's known values on wazero, run the Collatz benchmark, write phase1.json",
		Run:     phase1,
	})
}

func phase1(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("phase1", stdout, stderr)
	dir := fs.results()
	n := fs.Int("n", wasmrt.CollatzN, "how many numbers the Collatz benchmark draws")
	seed := fs.Int64("seed", wasmrt.CollatzSeed, "seed of the Collatz benchmark's numbers")
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if _, err := wasmrt.CollatzNumbers(*n, *seed); err != nil {
		return usageError(stderr, "phase1", "--n: %v", err)
	}
	rec, err := wasmrt.Phase1(context.Background(), *n, *seed)
	if err != nil {
		return failure(stderr, "phase1", err)
	}
	if err := results.Write(*dir, results.Phase1File, rec); err != nil {
		return failure(stderr, "phase1", err)
	}
	for _, p := range rec.Programs {
		mark := "ok"
		if !p.OK {
			mark = "FAILED"
		}
		fmt.Fprintf(stdout, "%-16s %-6s %d known values\n", p.Name, mark, len(p.Cases))
	}
	c := rec.Collatz
	fmt.Fprintf(stdout, "programs working on wazero: %d of %d (study: %d of %d)\n", rec.Working, rec.Total, results.Study.WorkingPrograms, results.Study.TotalPrograms)
	fmt.Fprintf(stdout, "Collatz: %d of %d numbers over %d, %d iterations, %s for the whole pipeline (study: %d, %d, %.2f ms)\n",
		c.CountGT100, c.N, c.Threshold, c.TotalIterations, ms(c.TotalNs), results.Study.CollatzCount, results.Study.CollatzIterations, results.Study.CollatzMillis)
	fmt.Fprintf(stdout, "wrote %s/%s\n", *dir, results.Phase1File)
	if rec.Working != rec.Total {
		fmt.Fprintf(stderr, "irsynth phase1: %d program(s) fail their known values\n", rec.Total-rec.Working)
		return 1
	}
	return 0
}
