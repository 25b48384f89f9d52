package wasmrt

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// Phase 1 of the reproduction: every library program on wazero, and the
// study's Collatz question. The command line (irsynth phase1, irsynth bench
// collatz), notebook 02 and the records the dashboard reads all come from
// these functions.

// Collatz benchmark defaults. The study did not publish its 100 numbers,
// only their range (its top ten are all below 100,000) and its results, so
// the default draws CollatzN numbers uniformly in [1, CollatzMax] with a
// seeded generator; any list, such as the study's top ten, can be given
// to CollatzBench instead.
const (
	CollatzN         = 100
	CollatzSeed      = 1
	CollatzMax       = 100_000
	CollatzThreshold = 100
	MaxCollatzN      = 10_000_000
)

// Phase1 makes phase 1's record: the Collatz benchmark on n numbers drawn
// with seed (first, while the compilation cache is still cold), then every
// library program's known values.
func Phase1(ctx context.Context, n int, seed int64) (results.Phase1, error) {
	numbers, err := CollatzNumbers(n, seed)
	if err != nil {
		return results.Phase1{}, err
	}
	bench, err := CollatzBench(ctx, numbers)
	if err != nil {
		return results.Phase1{}, err
	}
	bench.Seed = seed
	rec, err := CheckLibrary(ctx)
	if err != nil {
		return results.Phase1{}, err
	}
	rec.Collatz = bench
	return rec, nil
}

// CollatzNumbers draws n numbers uniformly in [1, CollatzMax],
// deterministically for seed: the numbers `irsynth bench collatz --n N
// --seed S`, `irsynth phase1` and notebook 02 use. n must be in
// 1..MaxCollatzN.
func CollatzNumbers(n int, seed int64) ([]int32, error) {
	if n < 1 || n > MaxCollatzN {
		return nil, fmt.Errorf("%w: the Collatz benchmark draws 1..%d numbers, not %d", ErrConfig, MaxCollatzN, n)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x636f6c6c61747a)) // "collatz"
	out := make([]int32, n)
	for i := range out {
		out[i] = 1 + rng.Int32N(CollatzMax)
	}
	return out, nil
}

// CollatzSteps is the number of Collatz steps from n down to 1, in native
// Go: the reference every WASM run of collatz_length is checked against and
// timed beside (CollatzBench, BenchmarkCollatz100, scripts/bench/v8cmp). It
// is written here, not derived from the IR library, so it checks the
// library too.
func CollatzSteps(n int32) int32 {
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

// CollatzBench answers the study's question on numbers (phase 1's record
// of it), timing each step in one run: a new Runtime, compile (IR → WASM →
// machine code), instantiate, the calls, and a native Go loop over the same
// numbers. It then repeats the WASM pipeline once with a new Runtime, when
// the shared compilation cache is warm, and times the study's form (one
// module per number). Every length is checked against the native loop.
// The record's Seed is the caller's to fill.
func CollatzBench(ctx context.Context, numbers []int32) (results.CollatzBench, error) {
	if len(numbers) == 0 {
		return results.CollatzBench{}, fmt.Errorf("%w: no numbers to benchmark", ErrConfig)
	}
	spec, ok := ir.LibraryProgram("collatz_length")
	if !ok {
		return results.CollatzBench{}, errors.New("wasmrt: collatz_length is not in the library")
	}
	res := results.CollatzBench{N: len(numbers), Numbers: numbers, Threshold: CollatzThreshold}
	lengths := make([]int32, len(numbers))

	pipeline := func() (compile, instantiate, calls, total time.Duration, err error) {
		t0 := time.Now()
		rt, err := New(ctx, Config{})
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
		native[i] = CollatzSteps(n)
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
		if lengths[i] > CollatzThreshold {
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
	rt, err := New(ctx, Config{})
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

// CheckLibrary runs every library program's known cases on wazero: phase
// 1's record without its Collatz benchmark (Phase1 adds it).
func CheckLibrary(ctx context.Context) (results.Phase1, error) {
	rt, err := New(ctx, Config{})
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
				kc.Error = firstLine(err.Error())
			} else if got, cerr := m.Call(ctx, c.Args...); cerr != nil {
				kc.Error = firstLine(cerr.Error())
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

// firstLine keeps the first line of s: a wazero trap carries a WASM stack
// trace that a record has no use for.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}
