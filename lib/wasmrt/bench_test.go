package wasmrt

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// benchPrograms are the programs the benchmarks run, by size of their loop.
var benchPrograms = []string{"max_of_two", "sum_1_to_n", "gcd", "collatz_length"}

// benchArgs are inputs that make each program do real work.
var benchArgs = map[string][]int32{
	"max_of_two": {3, 9}, "sum_1_to_n": {1000}, "gcd": {1071, 462}, "collatz_length": {27},
}

// collatzNumbers are n numbers drawn uniformly in [1, 100000] (seed 1): the
// study's question, on numbers of the same range.
func collatzNumbers(n int) []int32 {
	rng := rand.New(rand.NewPCG(1, 0))
	out := make([]int32, n)
	for i := range out {
		out[i] = 1 + rng.Int32N(100000)
	}
	return out
}

// fresh compiles p with a fuel budget nobody used before, so that the
// bytes, and hence the compilation cache key, are new: a cold compile.
var freshFuel = int64(1_000_000_000)

func freshConfig() Config {
	freshFuel++
	return Config{Fuel: freshFuel}
}

// BenchmarkCompile is IR → WASM → machine code with a cold cache.
func BenchmarkCompile(b *testing.B) {
	ctx := context.Background()
	for _, name := range benchPrograms {
		p := library(b, name).Program
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				r, err := New(ctx, freshConfig())
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Compile(ctx, p); err != nil {
					b.Fatal(err)
				}
				r.Close(ctx)
			}
		})
	}
}

// BenchmarkCompileWarm is the same with the program already in the shared
// cache (compiled by an earlier Runtime).
func BenchmarkCompileWarm(b *testing.B) {
	ctx := context.Background()
	for _, name := range benchPrograms {
		p := library(b, name).Program
		b.Run(name, func(b *testing.B) {
			r := newRuntime(b, Config{})
			compile(b, r, p)
			for b.Loop() {
				r2, err := New(ctx, Config{})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r2.Compile(ctx, p); err != nil {
					b.Fatal(err)
				}
				r2.Close(ctx)
			}
		})
	}
}

// BenchmarkCall is one call on a warm instance.
func BenchmarkCall(b *testing.B) {
	ctx := context.Background()
	for _, name := range benchPrograms {
		spec := library(b, name)
		args := benchArgs[name]
		b.Run(fmt.Sprint(name, "/", args), func(b *testing.B) {
			r := newRuntime(b, Config{})
			m := compile(b, r, spec.Program)
			if got, err := m.Call(ctx, args...); err != nil || got != spec.Ref(args) {
				b.Fatalf("%s%v = %d, %v", name, args, got, err)
			}
			for b.Loop() {
				m.Call(ctx, args...)
			}
		})
		b.Run(fmt.Sprint(name, "/", args, "/native"), func(b *testing.B) {
			for b.Loop() {
				spec.Ref(args)
			}
		})
	}
}

// BenchmarkBatch is collatz_length over n numbers on every core.
func BenchmarkBatch(b *testing.B) {
	ctx := context.Background()
	p := library(b, "collatz_length").Program
	for _, n := range []int{100, 10_000} {
		inputs := make([][]int32, n)
		for i, v := range collatzNumbers(n) {
			inputs[i] = []int32{v}
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			r := newRuntime(b, Config{})
			m := compile(b, r, p)
			m.Prewarm(ctx, r.workers)
			for b.Loop() {
				m.Batch(ctx, inputs)
			}
		})
	}
}

// BenchmarkCollatz100 answers the study's question (the Collatz length of
// 100 numbers; the study took 20.99 ms) from scratch in each iteration:
//
//	cold     new Runtime, compile with a cold cache, instantiate, 100 calls
//	warm     the same with the module in the shared cache
//	calls    the 100 calls alone, on a warm instance
//	native   the same loop in Go
//	const    the study's form: each number compiled (cold) into its own module
func BenchmarkCollatz100(b *testing.B) {
	ctx := context.Background()
	p := library(b, "collatz_length").Program
	nums := collatzNumbers(100)
	whole := func(b *testing.B, cfg func() Config) {
		for b.Loop() {
			r, err := New(ctx, cfg())
			if err != nil {
				b.Fatal(err)
			}
			m, err := r.Compile(ctx, p)
			if err != nil {
				b.Fatal(err)
			}
			if err := m.Prewarm(ctx, 1); err != nil {
				b.Fatal(err)
			}
			for _, n := range nums {
				if _, err := m.Call(ctx, n); err != nil {
					b.Fatal(err)
				}
			}
			r.Close(ctx)
		}
	}
	b.Run("cold", func(b *testing.B) { whole(b, freshConfig) })
	b.Run("warm", func(b *testing.B) {
		r := newRuntime(b, Config{})
		compile(b, r, p)
		whole(b, func() Config { return Config{} })
	})
	b.Run("calls", func(b *testing.B) {
		r := newRuntime(b, Config{})
		m := compile(b, r, p)
		for b.Loop() {
			for _, n := range nums {
				m.Call(ctx, n)
			}
		}
	})
	b.Run("native", func(b *testing.B) {
		var sink int32
		for b.Loop() {
			for _, n := range nums {
				sink += CollatzSteps(n)
			}
		}
		_ = sink
	})
	b.Run("const", func(b *testing.B) {
		for b.Loop() {
			r, err := New(ctx, freshConfig()) // new bytes: every module compiles cold
			if err != nil {
				b.Fatal(err)
			}
			for _, n := range nums {
				m, err := r.CompileConst(ctx, p, []int32{n})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := m.Call(ctx); err != nil {
					b.Fatal(err)
				}
				m.Close(ctx)
			}
			r.Close(ctx)
		}
	})
}

// BenchmarkColdPipeline is the whole way from program text to a first
// result with nothing cached, what a command-line run or a new program in
// the dashboard pays: parse and validate the text (ir.ParseProgram), a new
// Runtime, compile (IR → WASM → machine code, with bytes the compilation
// cache has never seen: a fuel budget no run used before), instantiate, and
// one call, collatz_length(27). Issue 12's target is under 1 ms.
func BenchmarkColdPipeline(b *testing.B) {
	ctx := context.Background()
	text := library(b, "collatz_length").Program.String()
	cpu0 := cpuTime()
	for b.Loop() {
		p, err := ir.ParseProgram("collatz_length", text)
		if err != nil {
			b.Fatal(err)
		}
		r, err := New(ctx, freshConfig())
		if err != nil {
			b.Fatal(err)
		}
		m, err := r.Compile(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		if got, err := m.Call(ctx, 27); err != nil || got != 111 {
			b.Fatalf("collatz_length(27) = %d, %v; want 111", got, err)
		}
		r.Close(ctx)
	}
	// CPU time (this process, all threads, wazero's included) beside wall
	// time: on the shared machine, wall time mostly measures the load.
	if cpu := cpuTime() - cpu0; cpu0 > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
	}
}

// BenchmarkPreemptible is one collatz_length call on each engine.
func BenchmarkPreemptible(b *testing.B) {
	ctx := context.Background()
	p := library(b, "collatz_length").Program
	for _, pre := range []bool{false, true} {
		b.Run(fmt.Sprint("preemptible=", pre), func(b *testing.B) {
			r := newRuntime(b, Config{Preemptible: pre})
			m := compile(b, r, p)
			for b.Loop() {
				m.Call(ctx, 27)
			}
		})
	}
}

// fuelHogs are the costliest loops per unit of fuel we know: each runs until
// its fuel is gone. "heavy" is issue 10's program (126 divisions, four
// opcodes each); the chains divide with two opcodes per division, by 1 with
// a 31-bit dividend, which keeps the hardware divider at its slowest; "spin"
// is the tightest loop.
var fuelHogs = []struct {
	name string
	ir   string
	args []int32
}{
	{"heavy", "START LOOP_BEGIN " + strings.Repeat("LOCAL_GET_0 SLOT_0 I32_DIV_S LOCAL_SET_0 ", 126) + "BR LOOP_END CONST_0 END", []int32{3, 0}},
	{"div_chain", "START SLOT_1 LOCAL_SET_0 LOOP_BEGIN LOCAL_GET_0 " + strings.Repeat("SLOT_0 I32_DIV_S ", 250) + "LOCAL_SET_0 BR LOOP_END CONST_0 END", []int32{1, math.MaxInt32}},
	{"rem_chain", "START SLOT_1 LOCAL_SET_0 LOOP_BEGIN LOCAL_GET_0 " + strings.Repeat("SLOT_1 I32_REM_S ", 250) + "LOCAL_SET_0 BR LOOP_END CONST_0 END", []int32{1, math.MaxInt32}},
	{"spin", "START LOOP_BEGIN BR LOOP_END CONST_0 END", nil},
}

// BenchmarkFuelUnit is what one unit of fuel costs on the costliest loops:
// each iteration is one call that runs until ir.DefaultFuel is spent, on
// wazero and on the interpreter. ns/unit is the figure RATIONALE.md quotes;
// ms/call is how long the default budget holds a core.
func BenchmarkFuelUnit(b *testing.B) {
	ctx := context.Background()
	for _, h := range fuelHogs {
		p := ir.MustParse(h.name, h.ir)
		p.Arity = len(h.args)
		e, err := ir.Prepare(p)
		if err != nil {
			b.Fatal(err)
		}
		_, used, err := e.RunFuel(h.args, ir.DefaultFuel)
		if !errors.Is(err, ir.ErrFuelExhausted) {
			b.Fatalf("%s: %v, want fuel exhaustion", h.name, err)
		}
		var cpu0 time.Duration
		report := func(b *testing.B) {
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(per/float64(used), "ns/unit")
			b.ReportMetric(per/1e6, "ms/call")
			if cpu := cpuTime() - cpu0; cpu0 > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(used), "cpu-ns/unit")
			}
		}
		b.Run(h.name+"/wazero", func(b *testing.B) {
			r := newRuntime(b, Config{Timeout: -1})
			m := compile(b, r, p)
			m.Call(ctx, h.args...)
			cpu0 = cpuTime()
			for b.Loop() {
				if _, err := m.Call(ctx, h.args...); !errors.Is(err, ErrFuelExhausted) {
					b.Fatal(err)
				}
			}
			report(b)
		})
		b.Run(h.name+"/interp", func(b *testing.B) {
			cpu0 = cpuTime()
			for b.Loop() {
				e.RunFuel(h.args, ir.DefaultFuel)
			}
			report(b)
		})
	}
}

// BenchmarkMemoryCall: what a program that uses memory pays per call for
// starting from zeroed memory (the module fills its 64 KiB page on entry),
// against the same work without memory.
func BenchmarkMemoryCall(b *testing.B) {
	ctx := context.Background()
	for _, tc := range []struct{ name, text string }{
		{"no-memory", "START SLOT_0 CONST_1 I32_ADD LOCAL_SET_0 LOCAL_GET_0 END"},
		{"memory", "START SLOT_0 SLOT_0 CONST_1 I32_ADD MEM_STORE SLOT_0 MEM_LOAD END"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			r := newRuntime(b, Config{})
			m := compile(b, r, ir.MustParse(tc.name, tc.text))
			if got, err := m.Call(ctx, 41); err != nil || got != 42 {
				b.Fatalf("%s(41) = %d, %v; want 42", tc.name, got, err)
			}
			for b.Loop() {
				m.Call(ctx, 41)
			}
		})
	}
}
