package main

import (
	"context"
	"fmt"
	"io"

	"github.com/irsynth/irsynth/lib/ir"
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
	n := fs.Int("n", collatzN, "how many numbers the Collatz benchmark draws")
	seed := fs.Int64("seed", collatzSeed, "seed of the Collatz benchmark's numbers")
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *n < 1 || *n > 10_000_000 {
		return usageError(stderr, "phase1", "--n must be in 1..10000000, got %d", *n)
	}
	// The benchmark first, while the compilation cache is still cold.
	bench, err := collatzBench(drawNumbers(*n, *seed))
	if err != nil {
		return failure(stderr, "phase1", err)
	}
	bench.Seed = *seed
	rec, err := checkLibrary()
	if err != nil {
		return failure(stderr, "phase1", err)
	}
	rec.Collatz = bench
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

// checkLibrary runs every library program's known cases on wazero.
func checkLibrary() (results.Phase1, error) {
	ctx := context.Background()
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		return results.Phase1{}, err
	}
	defer rt.Close(ctx)
	var rec results.Phase1
	for _, s := range ir.Library() {
		pc := results.ProgramCheck{Name: s.Name, Arity: s.Arity, Length: len(s.Ops), IR: s.Program.String(), InStudy: s.InStudy, OK: true}
		m, err := rt.Compile(ctx, s.Program)
		for _, c := range s.Known {
			kc := results.KnownCase{Args: c.Args, Want: c.Want}
			if err != nil {
				kc.Error = oneLine(err.Error())
			} else if got, cerr := m.Call(ctx, c.Args...); cerr != nil {
				kc.Error = oneLine(cerr.Error())
			} else {
				kc.Got, kc.OK = got, got == c.Want
			}
			pc.OK = pc.OK && kc.OK
			pc.Cases = append(pc.Cases, kc)
		}
		if len(s.Known) == 0 {
			pc.OK = false // a program with nothing to check is not counted as working
		}
		if pc.OK {
			rec.Working++
		}
		rec.Total++
		rec.Programs = append(rec.Programs, pc)
	}
	return rec, nil
}
