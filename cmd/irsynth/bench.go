package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func init() {
	register(command{
		Name:    "bench",
		Usage:   "irsynth bench collatz [flags]",
		Summary: "the study's question: how many of N numbers have a Collatz length over 100, with each step timed",
		Run:     bench,
	})
}

func bench(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", stdout, stderr)
	n := fs.Int("n", wasmrt.CollatzN, "how many numbers to draw")
	seed := fs.Int64("seed", wasmrt.CollatzSeed, "seed of the number generator")
	list := fs.String("numbers", "", "comma-separated numbers to use instead of drawing them")
	asJSON := fs.json()
	if len(args) > 0 && isHelp(args[0]) {
		args = append([]string{"collatz"}, args...)
	}
	if len(args) == 0 || args[0] != "collatz" {
		return usageError(stderr, "bench", "the only benchmark is 'collatz': irsynth bench collatz [flags] (see 'irsynth help bench')")
	}
	if code, done := fs.parse(args[1:], 0); done {
		return code
	}
	var numbers []int32
	if *list != "" {
		var err error
		if numbers, err = parseNumbers(*list); err != nil {
			return usageError(stderr, "bench", "--numbers: %v", err)
		}
	} else {
		var err error
		if numbers, err = wasmrt.CollatzNumbers(*n, *seed); err != nil {
			return usageError(stderr, "bench", "--n: %v", err)
		}
	}
	res, err := wasmrt.CollatzBench(context.Background(), numbers)
	if err != nil {
		return failure(stderr, "bench", err)
	}
	if *list == "" {
		res.Seed = *seed
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		if err := enc.Encode(res); err != nil {
			return failure(stderr, "bench", err)
		}
		return 0
	}
	printCollatz(stdout, res, *list == "")
	return 0
}

// parseNumbers reads "a,b,c": positive 32-bit integers.
func parseNumbers(s string) ([]int32, error) {
	var out []int32
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		v, err := strconv.ParseInt(f, 10, 32)
		if err != nil || v < 1 {
			return nil, fmt.Errorf("%q is not a positive 32-bit integer", f)
		}
		out = append(out, int32(v))
	}
	return out, nil
}

func ms(ns int64) string { return fmt.Sprintf("%.3f ms", float64(ns)/1e6) }

func printCollatz(w io.Writer, r results.CollatzBench, drawn bool) {
	how := "given"
	if drawn {
		how = fmt.Sprintf("drawn in [1, %d], seed %d", wasmrt.CollatzMax, r.Seed)
	}
	fmt.Fprintf(w, "Collatz length > %d: %d of %d numbers (%s)\n", r.Threshold, r.CountGT100, r.N, how)
	fmt.Fprintf(w, "total iterations: %d\n", r.TotalIterations)
	fmt.Fprintln(w, "top ten:")
	for _, t := range r.Top10 {
		fmt.Fprintf(w, "  %7d  %4d\n", t.Number, t.Length)
	}
	fmt.Fprintln(w, "time of each step, one run:")
	step := func(name, value, note string) {
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("  %-38s %10s  %s", name, value, note), " "))
	}
	step("compile (IR -> WASM -> machine code)", ms(r.CompileNs), "")
	step("instantiate", ms(r.InstantiateNs), "")
	step(fmt.Sprintf("%d calls", r.N), ms(r.RunNs), "")
	step("native Go loop, same numbers", ms(r.NativeNs), fmt.Sprintf("(calls / native: %.1fx)", float64(r.RunNs)/float64(max(r.NativeNs, 1))))
	step("whole pipeline, new runtime", ms(r.TotalNs), fmt.Sprintf("(study: %.2f ms)", results.Study.CollatzMillis))
	step("again, warm compilation cache", ms(r.WarmTotalNs), "")
	step("study's form: one module per number", ms(r.ConstNs), "")
}
