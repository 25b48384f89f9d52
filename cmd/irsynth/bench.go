package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
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

// Collatz benchmark defaults. The study did not publish its 100 numbers,
// only their range (its top ten are all below 100,000) and its results, so
// the default draws N numbers uniformly in [1, collatzMax] with a seeded
// generator; --numbers checks any given list, such as the study's top ten.
const (
	collatzN         = 100
	collatzSeed      = 1
	collatzMax       = 100_000
	collatzThreshold = 100
)

func bench(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", stdout, stderr)
	n := fs.Int("n", collatzN, "how many numbers to draw")
	seed := fs.Int64("seed", collatzSeed, "seed of the number generator")
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
		if *n < 1 || *n > 10_000_000 {
			return usageError(stderr, "bench", "--n must be in 1..10000000, got %d", *n)
		}
		numbers = drawNumbers(*n, *seed)
	}
	res, err := collatzBench(numbers)
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

// drawNumbers draws n numbers uniformly in [1, collatzMax], deterministically
// for seed.
func drawNumbers(n int, seed int64) []int32 {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x636f6c6c61747a)) // "collatz"
	out := make([]int32, n)
	for i := range out {
		out[i] = 1 + rng.Int32N(collatzMax)
	}
	return out
}

// nativeCollatz is the native Go loop the WASM calls are compared with
// (written here, not taken from the library, so it checks the library too).
func nativeCollatz(n int32) int32 {
	var steps int32
	for n > 1 {
		if n%2 != 0 {
			n = 3*n + 1
		} else {
			n /= 2
		}
		steps++
	}
	return steps
}

// collatzBench answers the study's question on numbers, timing each step
// in one run: a new Runtime, compile (IR → WASM → machine code),
// instantiate, the calls, and a native Go loop over the same numbers. It
// then repeats the WASM pipeline once with a new Runtime, when the shared
// compilation cache is warm.
func collatzBench(numbers []int32) (results.CollatzBench, error) {
	ctx := context.Background()
	spec, ok := ir.LibraryProgram("collatz_length")
	if !ok {
		return results.CollatzBench{}, fmt.Errorf("collatz_length is not in the library")
	}
	res := results.CollatzBench{N: len(numbers), Numbers: numbers, Threshold: collatzThreshold}
	lengths := make([]int32, len(numbers))

	pipeline := func() (compile, instantiate, calls, total time.Duration, err error) {
		t0 := time.Now()
		rt, err := wasmrt.New(ctx, wasmrt.Config{})
		if err != nil {
			return
		}
		defer rt.Close(ctx)
		t1 := time.Now()
		m, err := rt.Compile(ctx, spec.Program)
		if err != nil {
			return
		}
		t2 := time.Now()
		if err = m.Prewarm(ctx, 1); err != nil {
			return
		}
		t3 := time.Now()
		for i, n := range numbers {
			if lengths[i], err = m.Call(ctx, n); err != nil {
				err = fmt.Errorf("collatz_length(%d): %w", n, err)
				return
			}
		}
		t4 := time.Now()
		return t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t4.Sub(t0), nil
	}
	compile, instantiate, calls, total, err := pipeline()
	if err != nil {
		return res, err
	}
	native := make([]int32, len(numbers))
	t0 := time.Now()
	for i, n := range numbers {
		native[i] = nativeCollatz(n)
	}
	nativeTime := time.Since(t0)
	_, _, warmCalls, warmTotal, err := pipeline()
	if err != nil {
		return res, err
	}
	constTime, err := collatzConst(ctx, spec.Program, numbers, native)
	if err != nil {
		return res, err
	}

	for i, n := range numbers {
		if lengths[i] != native[i] {
			return res, fmt.Errorf("collatz_length(%d): WASM says %d, native Go says %d", n, lengths[i], native[i])
		}
	}
	res.Lengths = lengths
	top := make([]results.NumberLength, len(numbers))
	for i, n := range numbers {
		top[i] = results.NumberLength{Number: n, Length: lengths[i]}
		res.TotalIterations += int64(lengths[i])
		if lengths[i] > collatzThreshold {
			res.CountGT100++
		}
	}
	sort.SliceStable(top, func(i, j int) bool {
		if top[i].Length != top[j].Length {
			return top[i].Length > top[j].Length
		}
		return top[i].Number < top[j].Number
	})
	res.Top10 = top[:min(10, len(top))]
	res.CompileNs = compile.Nanoseconds()
	res.InstantiateNs = instantiate.Nanoseconds()
	res.RunNs = calls.Nanoseconds()
	res.NativeNs = nativeTime.Nanoseconds()
	res.TotalNs = total.Nanoseconds()
	res.WarmTotalNs = warmTotal.Nanoseconds()
	res.WarmRunNs = warmCalls.Nanoseconds()
	res.ConstNs = constTime.Nanoseconds()
	return res, nil
}

// collatzConst times the study's form: one module per number, with the
// number baked in as a constant, each compiled, instantiated and called.
func collatzConst(ctx context.Context, p ir.Program, numbers, want []int32) (time.Duration, error) {
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		return 0, err
	}
	defer rt.Close(ctx)
	t0 := time.Now()
	for i, n := range numbers {
		m, err := rt.CompileConst(ctx, p, []int32{n})
		if err != nil {
			return 0, err
		}
		got, err := m.Call(ctx)
		m.Close(ctx)
		if err != nil {
			return 0, fmt.Errorf("collatz_length(%d), study's form: %w", n, err)
		}
		if got != want[i] {
			return 0, fmt.Errorf("collatz_length(%d), study's form: WASM says %d, native Go says %d", n, got, want[i])
		}
	}
	return time.Since(t0), nil
}

func ms(ns int64) string { return fmt.Sprintf("%.3f ms", float64(ns)/1e6) }

func printCollatz(w io.Writer, r results.CollatzBench, drawn bool) {
	how := "given"
	if drawn {
		how = fmt.Sprintf("drawn in [1, %d], seed %d", collatzMax, r.Seed)
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
