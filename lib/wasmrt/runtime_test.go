package wasmrt

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/ir/irtest"
)

func library(t testing.TB, name string) ir.Spec {
	t.Helper()
	s, ok := ir.LibraryProgram(name)
	if !ok {
		t.Fatalf("no library program %q", name)
	}
	return s
}

func compile(t testing.TB, r *Runtime, p ir.Program) *Module {
	t.Helper()
	m, err := r.Compile(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// batchExecutor runs the conformance suite through Compile and Batch.
func batchExecutor(t *testing.T, cfg Config) irtest.Executor {
	r := newRuntime(t, cfg)
	return func(p ir.Program, inputs [][]int32) ([]int32, []error) {
		vals, errs := make([]int32, len(inputs)), make([]error, len(inputs))
		m, err := r.Compile(context.Background(), p)
		if err != nil {
			for i := range errs {
				errs[i] = err
			}
			return vals, errs
		}
		defer m.Close(context.Background())
		for i, res := range m.Batch(context.Background(), inputs) {
			vals[i], errs[i] = res.Value, res.Err
		}
		return vals, errs
	}
}

// TestConformance runs lib/ir's shared suite (every library program on 1,000+
// inputs against its native Go reference) through wazero.
func TestConformance(t *testing.T) {
	irtest.Run(t, batchExecutor(t, Config{}), 1000)
}

// TestConformanceErrors: traps and fuel exhaustion as the interpreter
// reports them.
func TestConformanceErrors(t *testing.T) {
	irtest.RunErrors(t, batchExecutor(t, Config{Fuel: 10_000}))
}

// TestAgreesWithInterpreter compares wazero and ir.Interpret outcome by
// outcome (value, or the same error class) on every library program, on its
// domain and outside it, with a fuel budget small enough that some runs
// exhaust it.
func TestAgreesWithInterpreter(t *testing.T) {
	const fuel = 300
	r := newRuntime(t, Config{Fuel: fuel})
	for _, spec := range ir.Library() {
		t.Run(spec.Name, func(t *testing.T) {
			inputs := spec.Inputs(300, 7)
			// Outside the domain too: the two must agree on traps and fuel.
			wide := make([]ir.Range, spec.Arity)
			for k := range wide {
				wide[k] = ir.Range{Min: math.MinInt32, Max: math.MaxInt32}
			}
			inputs = append(inputs, ir.Spec{Program: spec.Program, Domain: wide}.Inputs(200, 8)...)
			m := compile(t, r, spec.Program)
			res := m.Batch(context.Background(), inputs)
			bad := 0
			for i, in := range inputs {
				want, werr := ir.Interpret(spec.Program, in, fuel)
				if !sameOutcome(res[i].Value, res[i].Err, want, werr) {
					if bad++; bad <= 5 {
						t.Errorf("%s%v: wazero %d, %v; interpreter %d, %v", spec.Name, in, res[i].Value, res[i].Err, want, werr)
					}
				}
			}
		})
	}
}

// sameOutcome: equal values, or errors of the same class.
func sameOutcome(v int32, err error, want int32, werr error) bool {
	if err == nil || werr == nil {
		return err == nil && werr == nil && v == want
	}
	for _, class := range []error{ir.ErrFuelExhausted, ir.ErrDivideByZero, ir.ErrIntegerOverflow} {
		if errors.Is(werr, class) {
			return errors.Is(err, class)
		}
	}
	return false
}

// TestFuelBoundary: a call that uses k fuel (the interpreter's count:
// collatz_length(27) enters its 28-opcode loop body 111 times) succeeds
// with fuel k and stops with ErrFuelExhausted with fuel k-1, exactly as the
// interpreter.
func TestFuelBoundary(t *testing.T) {
	spec := library(t, "collatz_length")
	e, err := ir.Prepare(spec.Program)
	if err != nil {
		t.Fatal(err)
	}
	_, k, err := e.RunFuel([]int32{27}, ir.DefaultFuel)
	if err != nil || k != 111*28 {
		t.Fatalf("collatz_length(27) used %d fuel, %v; want 111 × 28", k, err)
	}
	for _, fuel := range []int64{k - 28, k - 1, k, k + 1} {
		r := newRuntime(t, Config{Fuel: fuel})
		m := compile(t, r, spec.Program)
		got, err := m.Call(context.Background(), 27)
		want, werr := ir.Interpret(spec.Program, []int32{27}, fuel)
		if !sameOutcome(got, err, want, werr) || (werr == nil) != (fuel >= k) {
			t.Errorf("fuel %d: wazero %d, %v; interpreter %d, %v", fuel, got, err, want, werr)
		}
		if werr != nil && !errors.Is(err, ErrFuelExhausted) {
			t.Errorf("fuel %d: %v does not match wasmrt.ErrFuelExhausted", fuel, err)
		}
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"zero value", Config{}, true},
		{"max fuel", Config{Fuel: math.MaxInt32}, true},
		{"fuel beyond i32", Config{Fuel: math.MaxInt32 + 1}, false},
		{"negative fuel", Config{Fuel: -1}, false},
		{"negative workers", Config{Workers: -1}, false},
		{"no timeout", Config{Timeout: -1}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := New(context.Background(), tc.cfg)
			if (err == nil) != tc.ok {
				t.Fatalf("New(%+v): %v", tc.cfg, err)
			}
			if err != nil {
				if !errors.Is(err, ErrConfig) {
					t.Fatalf("%v does not match ErrConfig", err)
				}
				return
			}
			defer r.Close(context.Background())
			if tc.cfg.Fuel == 0 && r.Fuel() != ir.DefaultFuel {
				t.Fatalf("Fuel() = %d, want ir.DefaultFuel", r.Fuel())
			}
			if tc.cfg.Timeout == 0 && r.Timeout() != DefaultTimeout {
				t.Fatalf("Timeout() = %v, want DefaultTimeout", r.Timeout())
			}
		})
	}
}

func TestCompileInvalid(t *testing.T) {
	r := newRuntime(t, Config{})
	_, err := r.Compile(context.Background(), ir.Program{Name: "bad", Ops: []ir.Op{ir.OpStart, ir.OpI32Add, ir.OpEnd}})
	var ve *ir.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, ir.ErrStackUnderflow) {
		t.Fatalf("Compile: %v, want an *ir.ValidationError for stack underflow", err)
	}
}

// quietGC finishes any garbage collection in progress and turns the
// collector off for the rest of the test. Go cannot preempt a goroutine
// running WASM machine code, so a collection that starts during a long call
// on the default engine waits for that call, and so does the watchdog (the
// documented caveat; TestPreemptible covers the engine without it). The
// tests of the watchdog keep the collector out of the way so that they test
// the watchdog.
func quietGC(t *testing.T) {
	runtime.GC()
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
}

// spin is a program that never ends by itself: the tightest loop there is.
var spin = ir.MustParse("spin", "START LOOP_BEGIN BR LOOP_END CONST_0 END")

// churn never ends either, with a loop body of a realistic size (a division
// and a few additions, like collatz_length).
var churn = ir.MustParse("churn", "START CONST_10 LOCAL_SET_0 LOOP_BEGIN LOCAL_GET_0 CONST_1 I32_ADD CONST_2 I32_DIV_S CONST_10 I32_ADD LOCAL_SET_0 BR LOOP_END CONST_0 END")

// TestTimeout: with fuel too large to matter, the wall-clock limit stops a
// runaway program, and the Module keeps working afterwards.
func TestTimeout(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: 30 * time.Millisecond})
	m := compile(t, r, churn)
	quietGC(t)
	for range 3 {
		start := time.Now()
		_, err := m.Call(ctx)
		if !errors.Is(err, ErrTimeout) {
			t.Fatalf("churn: %v after %v, want ErrTimeout", err, time.Since(start))
		}
		// The watchdog times a call from the tick it first sees it at:
		// the call must still have had its whole limit.
		if d := time.Since(start); d < 30*time.Millisecond {
			t.Fatalf("churn stopped after %v, before its limit of 30ms", d)
		}
		if errors.Is(err, ErrFuelExhausted) {
			t.Fatalf("%v must not match ErrFuelExhausted", err)
		}
	}
	sum := compile(t, r, library(t, "sum_1_to_n").Program)
	if got, err := sum.Call(ctx, 100); err != nil || got != 5050 {
		t.Fatalf("sum_1_to_n(100) after timeouts = %d, %v", got, err)
	}
	// The same module with a budget that ends first.
	r2 := newRuntime(t, Config{Fuel: 1000, Timeout: time.Minute})
	if _, err := compile(t, r2, churn).Call(ctx); !errors.Is(err, ErrFuelExhausted) {
		t.Fatalf("churn with fuel 1000: %v, want ErrFuelExhausted", err)
	}
}

// TestStopGlobal: a module that exports "stop" is stopped within a loop
// iteration of its deadline, even in the tightest loop, where draining the
// fuel global is not reliable. The modules are assembled by hand and run on
// the same engine as IR modules.
func TestStopGlobal(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: 20 * time.Millisecond})
	m, err := r.load(ctx, engineFuel, "tight_stop", tightStopRaw.bytes(), 0, true)
	if err != nil {
		t.Fatal(err)
	}
	quietGC(t)
	for range 5 {
		if _, err := m.Call(ctx); !errors.Is(err, ErrTimeout) {
			t.Fatalf("tight loop with stop: %v, want ErrTimeout", err)
		}
	}
	// stop is cleared before each call: a short call after a timeout runs.
	r2 := newRuntime(t, Config{Fuel: 50, Timeout: 20 * time.Millisecond})
	m2, err := r2.load(ctx, engineFuel, "tight_stop", tightStopRaw.bytes(), 0, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m2.Call(ctx); !errors.Is(err, ErrFuelExhausted) {
		t.Fatalf("tight loop with stop, fuel 50: %v, want ErrFuelExhausted", err)
	}
}

// TestTimeoutTightLoop: the tightest IR loop is stopped by the wall-clock
// limit, because lib/ir's modules export "stop" (see ExportStop).
func TestTimeoutTightLoop(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: 20 * time.Millisecond})
	m := compile(t, r, spin)
	if err := m.Prewarm(ctx, 1); err != nil {
		t.Fatal(err)
	}
	in, _ := m.get(ctx)
	hasStop := in.stop != nil
	m.put(ctx, in, true)
	if !hasStop {
		t.Fatalf("ir.Compile's modules do not export %q: a loop of a few cycles is stopped by fuel, not reliably by the clock", ExportStop)
	}
	quietGC(t)
	for range 3 {
		if _, err := m.Call(ctx); !errors.Is(err, ErrTimeout) {
			t.Fatalf("spin: %v, want ErrTimeout", err)
		}
	}
}

// TestPreemptible: on the preemptible engine the tightest loop is stopped
// by the clock even while the garbage collector runs, and the instance that
// wazero closed is replaced.
func TestPreemptible(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: 20 * time.Millisecond, Preemptible: true})
	m := compile(t, r, spin)
	stopGC := make(chan struct{})
	defer close(stopGC)
	go func() {
		for {
			select {
			case <-stopGC:
				return
			default:
				runtime.GC()
			}
		}
	}()
	for range 3 {
		if _, err := m.Call(ctx); !errors.Is(err, ErrTimeout) {
			t.Fatalf("spin: %v, want ErrTimeout", err)
		}
	}
	sum := compile(t, r, library(t, "sum_1_to_n").Program)
	if got, err := sum.Call(ctx, 10); err != nil || got != 55 {
		t.Fatalf("sum_1_to_n(10) = %d, %v", got, err)
	}
	if _, err := compile(t, r, library(t, "gcd").Program).Call(ctx, 12); !errors.Is(err, ErrArgs) {
		t.Fatalf("gcd(12): %v, want ErrArgs", err)
	}
}

// TestContext: the caller's context stops a call too.
func TestContext(t *testing.T) {
	quietGC(t)
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: -1})
	m := compile(t, r, churn)

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := m.Call(ctx); !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("deadline: %v, want ErrTimeout and context.DeadlineExceeded", err)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	if _, err := m.Call(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancel: %v, want context.Canceled", err)
	}
	if _, err := m.Call(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("already canceled: %v, want context.Canceled", err)
	}
}

// TestConcurrent calls one Module from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Timeout: 10 * time.Second})
	spec := library(t, "collatz_length")
	m := compile(t, r, spec.Program)
	div := compile(t, r, ir.MustParse("div", "START SLOT_0 SLOT_1 I32_DIV_S END"))
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Go(func() {
			for i := range 200 {
				n := int32(1 + g*1000 + i)
				got, err := m.Call(ctx, n)
				if err != nil || got != spec.Ref([]int32{n}) {
					errs <- fmt.Errorf("collatz(%d) = %d, %v", n, got, err)
					return
				}
				if _, err := div.Call(ctx, n, int32(i%2)); (i%2 == 0) != errors.Is(err, ir.ErrDivideByZero) {
					errs <- fmt.Errorf("div(%d, %d): %v", n, i%2, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestBatch(t *testing.T) {
	ctx := context.Background()
	spec := library(t, "gcd")
	for _, workers := range []int{1, 2, 7} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			r := newRuntime(t, Config{Workers: workers, Fuel: 1000})
			m := compile(t, r, spec.Program)
			inputs := spec.Inputs(500, 3)
			inputs = append(inputs, []int32{1}, nil, []int32{1, 2, 3}) // wrong arity
			res := m.Batch(ctx, inputs)
			if len(res) != len(inputs) {
				t.Fatalf("%d results for %d inputs", len(res), len(inputs))
			}
			for i, in := range inputs {
				if len(in) != 2 {
					if !errors.Is(res[i].Err, ErrArgs) {
						t.Errorf("input %v: %v, want ErrArgs", in, res[i].Err)
					}
					continue
				}
				want, werr := ir.Interpret(spec.Program, in, 1000)
				if !sameOutcome(res[i].Value, res[i].Err, want, werr) {
					t.Errorf("gcd%v: %d, %v; interpreter %d, %v", in, res[i].Value, res[i].Err, want, werr)
				}
			}
			if got := m.Batch(ctx, nil); len(got) != 0 {
				t.Errorf("Batch(nil) = %v", got)
			}
		})
	}
}

func TestCompileConst(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	for _, spec := range ir.Library() {
		for _, c := range spec.Known {
			m, err := r.CompileConst(ctx, spec.Program, c.Args)
			if err != nil {
				t.Fatalf("%s%v: %v", spec.Name, c.Args, err)
			}
			if m.Arity() != 0 {
				t.Fatalf("%s: const module arity %d", spec.Name, m.Arity())
			}
			if got, err := m.Call(ctx); err != nil || got != c.Want {
				t.Errorf("%s%v (const) = %d, %v; want %d", spec.Name, c.Args, got, err, c.Want)
			}
			m.Close(ctx)
		}
	}
}

func TestClosed(t *testing.T) {
	ctx := context.Background()
	r, err := New(ctx, Config{})
	if err != nil {
		t.Fatal(err)
	}
	m := compile(t, r, library(t, "factorial").Program)
	if got, err := m.Call(ctx, 5); err != nil || got != 120 {
		t.Fatalf("factorial(5) = %d, %v", got, err)
	}
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Call(ctx, 5); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: %v, want ErrClosed", err)
	}
	if _, err := r.Compile(ctx, library(t, "factorial").Program); !errors.Is(err, ErrClosed) {
		t.Errorf("Compile after Close: %v, want ErrClosed", err)
	}
	if err := r.Close(ctx); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestCloseStopsCalls: closing the Runtime stops a call in flight.
func TestCloseStopsCalls(t *testing.T) {
	ctx := context.Background()
	quietGC(t)
	r, err := New(ctx, Config{Fuel: math.MaxInt32, Timeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	m := compile(t, r, churn)
	done := make(chan error)
	go func() { _, err := m.Call(ctx); done <- err }()
	time.Sleep(20 * time.Millisecond)
	r.Close(ctx)
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("call stopped by Close: %v, want ErrClosed", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the call")
	}
}

// TestCallAllocatesNothing: a call that returns allocates nothing, on the
// hot instance and on a pooled one (while the hot one is busy), so calls
// in a loop never start a garbage collection.
func TestCallAllocatesNothing(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	m := compile(t, r, library(t, "collatz_length").Program)
	if _, err := m.Call(ctx, 27); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(100, func() { m.Call(ctx, 27) }); n != 0 {
		t.Errorf("hot instance: %v allocations per call, want 0", n)
	}
	hot := m.hot.Load()
	gen, ok := hot.begin() // busy: calls go to the pool
	if !ok {
		t.Fatal("the hot instance is not idle between calls")
	}
	m.Call(ctx, 27)
	if n := testing.AllocsPerRun(100, func() { m.Call(ctx, 27) }); n != 0 {
		t.Errorf("pooled instance: %v allocations per call, want 0", n)
	}
	hot.end(gen, false)
}

// TestCloseClosesHotInstance: Module.Close closes the idle hot instance,
// and the busy one once its call (stopped with ErrClosed) ends; a call on
// the closed Module gets ErrClosed.
func TestCloseClosesHotInstance(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Fuel: math.MaxInt32, Timeout: time.Minute})
	m := compile(t, r, library(t, "collatz_length").Program)
	if _, err := m.Call(ctx, 27); err != nil {
		t.Fatal(err)
	}
	hot := m.hot.Load()
	if err := m.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if hot == nil || !hot.mod.IsClosed() {
		t.Error("idle: the hot instance is still open after Close")
	}
	if _, err := m.Call(ctx, 27); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: %v, want ErrClosed", err)
	}

	quietGC(t)
	m = compile(t, r, churn)
	if err := m.Prewarm(ctx, 1); err != nil { // the instance put back is the hot one
		t.Fatal(err)
	}
	hot = m.hot.Load()
	done := make(chan error)
	go func() { _, err := m.Call(ctx); done <- err }()
	for hot.state.Load()&stateRunning == 0 {
		time.Sleep(time.Millisecond)
	}
	if err := m.Close(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("busy: call stopped by Close: %v, want ErrClosed", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("busy: Close did not stop the call")
	}
	if !hot.mod.IsClosed() {
		t.Error("busy: the hot instance is still open after its call ended on a closed Module")
	}
}

// TestCloseWhileCalling: Module.Close while 8 goroutines call it (on the
// hot instance and the pool) leaves no instance open and none behind; the
// calls return results or ErrClosed. Run with -race.
func TestCloseWhileCalling(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	spec := library(t, "collatz_length")
	for round := range 20 {
		m := compile(t, r, spec.Program)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for i := range int32(100) {
					got, err := m.Call(ctx, 27+i)
					if errors.Is(err, ErrClosed) {
						return
					}
					if err != nil || got != spec.Ref([]int32{27 + i}) {
						t.Errorf("collatz(%d) = %d, %v", 27+i, got, err)
						return
					}
				}
			})
		}
		if round%2 == 0 {
			m.Close(ctx) // during the calls
		}
		wg.Wait()
		m.Close(ctx)
		m.mu.Lock()
		for in := range m.all {
			t.Errorf("round %d: an instance (closed: %v) is left after Close", round, in.mod.IsClosed())
		}
		m.mu.Unlock()
		if m.hot.Load() != nil {
			t.Errorf("round %d: a hot instance is left after Close", round)
		}
	}
}

// TestPanicRecovered: a panic inside a call becomes ErrInternal and the
// instance is dropped, instead of crashing the caller.
func TestPanicRecovered(t *testing.T) {
	r := newRuntime(t, Config{})
	m := compile(t, r, library(t, "factorial").Program)
	broken := &instance{stack: make([]uint64, 1)} // no wazero function: calling it panics
	_, err, ok := m.callOn(context.Background(), broken, []int32{5})
	if !errors.Is(err, ErrInternal) || ok {
		t.Fatalf("callOn(broken) = %v, keep=%v; want ErrInternal and the instance dropped", err, ok)
	}
}

func TestRun(t *testing.T) {
	got, err := Run(context.Background(), library(t, "power").Program, 2, 10)
	if err != nil || got != 1024 {
		t.Fatalf("Run(power, 2, 10) = %d, %v", got, err)
	}
	if _, err := Run(context.Background(), library(t, "power").Program, 2); !errors.Is(err, ErrArgs) {
		t.Fatalf("Run(power, 2): %v, want ErrArgs", err)
	}
}

// TestSharedCache: a module compiled by one Runtime stays in the shared
// cache after that Runtime closes.
func TestSharedCache(t *testing.T) {
	ctx := context.Background()
	p := library(t, "tribonacci").Program
	r1 := newRuntime(t, Config{Fuel: 12345})
	compile(t, r1, p)
	r1.Close(ctx)
	bin, err := ir.Compile(p, ir.CompileOptions{Fuel: 12345})
	if err != nil {
		t.Fatal(err)
	}
	c := caches[engineFuel]
	c.mu.Lock()
	_, kept := c.byKey[sha256Sum(bin)]
	n := c.order.Len()
	c.mu.Unlock()
	if !kept || n > KeepCompiled {
		t.Fatalf("module kept: %v, cache holds %d (limit %d)", kept, n, KeepCompiled)
	}
}

// TestLibraryModulesValidate: every library program compiles to a module
// that wabt's wasm-validate accepts and that round-trips through wasm2wat,
// in both forms.
func TestLibraryModulesValidate(t *testing.T) {
	for _, spec := range ir.Library() {
		t.Run(spec.Name, func(t *testing.T) {
			bin, err := ir.Compile(spec.Program, ir.CompileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			wasmValidate(t, bin)
			args := make([]int32, spec.Arity)
			for k, d := range spec.Domain {
				args[k] = d.Min
			}
			cbin, err := ir.CompileConst(spec.Program, args, ir.CompileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			wasmValidate(t, cbin)
		})
	}
}

// TestCompiledCodeReleased: a closed Runtime releases its compiled code.
// wazero keeps compiled code in the shared cache until every user closes
// it, and closing a wazero Runtime does not; before Runtime.Close closed its
// Modules' code, every program ever compiled stayed in memory (about 2 KB of
// heap each, and a longer list for wazero to keep sorted on every compile).
func TestCompiledCodeReleased(t *testing.T) {
	ctx := context.Background()
	p := library(t, "collatz_length").Program
	compileFresh := func(n int) {
		for range n {
			r, err := New(ctx, freshConfig()) // new bytes each time
			if err != nil {
				t.Fatal(err)
			}
			compile(t, r, p)
			r.Close(ctx)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	compileFresh(KeepCompiled + 100) // the keeper is full from here on
	before := heap()
	compileFresh(600)
	after := heap()
	// Leaking, 600 programs held about 1.2 MB; released, the heap stays put
	// (the limit leaves room for the collector's noise).
	if after > before+600<<10 {
		t.Fatalf("heap grew from %d to %d KB over 600 compiles in closed Runtimes", before>>10, after>>10)
	}
}

// WASM is the binary the Module runs: ir.Compile's output with the
// Runtime's fuel, and a copy the caller may change.
func TestModuleWASM(t *testing.T) {
	ctx := context.Background()
	rt, err := New(ctx, Config{Fuel: 1234})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close(ctx)
	s := library(t, "gcd")
	m, err := rt.Compile(ctx, s.Program)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ir.Compile(s.Program, ir.CompileOptions{Fuel: 1234})
	got := m.WASM()
	if string(got) != string(want) {
		t.Fatalf("WASM() differs from ir.Compile with the runtime's fuel")
	}
	got[0] = 0xff
	if m.WASM()[0] != 0x00 {
		t.Fatal("WASM() returned the Module's own slice")
	}
}

// liveInstances is the number of instances the Module holds open.
func liveInstances(m *Module) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.all)
}

// TestBatchReusesPrewarmed: a Batch after Prewarm(n) with n workers runs
// on the n prewarmed instances (the first of which is the hot one) and
// makes none of its own; a Batch after a Call reuses the Call's instance.
// The results are checked against the program's native reference.
func TestBatchReusesPrewarmed(t *testing.T) {
	ctx := context.Background()
	spec := library(t, "collatz_length")
	inputs := make([][]int32, 64)
	for i := range inputs {
		inputs[i] = []int32{int32(i + 1)}
	}
	check := func(t *testing.T, out []Result) {
		t.Helper()
		for i, r := range out {
			if want := spec.Ref(inputs[i]); r.Err != nil || r.Value != want {
				t.Fatalf("input %v: %d, %v; reference %d", inputs[i], r.Value, r.Err, want)
			}
		}
	}
	for _, workers := range []int{1, 2, 4} {
		r := newRuntime(t, Config{Workers: workers})
		m := compile(t, r, spec.Program)
		if err := m.Prewarm(ctx, workers); err != nil {
			t.Fatal(err)
		}
		if n := liveInstances(m); n != workers {
			t.Fatalf("workers %d: Prewarm made %d instances", workers, n)
		}
		for round := range 3 {
			check(t, m.Batch(ctx, inputs))
			if n := liveInstances(m); n != workers {
				t.Errorf("workers %d, batch %d: %d instances live, want the %d prewarmed", workers, round, n, workers)
			}
			if m.hot.Load() == nil {
				t.Errorf("workers %d, batch %d: no hot instance after the batch", workers, round)
			}
		}
	}
	r := newRuntime(t, Config{Workers: 1})
	m := compile(t, r, spec.Program)
	if _, err := m.Call(ctx, 27); err != nil {
		t.Fatal(err)
	}
	check(t, m.Batch(ctx, inputs))
	if _, err := m.Call(ctx, 27); err != nil {
		t.Fatal(err)
	}
	if n := liveInstances(m); n != 1 {
		t.Errorf("Call, Batch, Call on one worker: %d instances, want 1", n)
	}
}
