package wasmrt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/ir"
)

func newRuntime(t testing.TB, cfg Config) *Runtime {
	t.Helper()
	r, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(context.Background()) })
	return r
}

// TestAssembler checks the test assembler itself against wabt.
func TestAssembler(t *testing.T) {
	for name, m := range map[string]rawModule{"collatz": collatzRaw, "spin": spinRaw, "div": divRaw} {
		t.Run(name, func(t *testing.T) { wasmValidate(t, m.bytes()) })
	}
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	m, err := r.Load(ctx, "collatz", collatzRaw.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if m.Arity() != 1 || m.Name() != "collatz" {
		t.Fatalf("Arity() = %d, Name() = %q", m.Arity(), m.Name())
	}
	for _, n := range []int32{1, 2, 3, 7, 27, 97, 871, 70382, 95638, -5, 0} {
		got, err := m.Call(ctx, n)
		if err != nil || got != CollatzSteps(n) {
			t.Errorf("collatz(%d) = %d, %v; native Go says %d", n, got, err, CollatzSteps(n))
		}
	}
	if _, err := m.Call(ctx); !errors.Is(err, ErrArgs) {
		t.Errorf("Call() with no operand: %v, want ErrArgs", err)
	}
	if _, err := m.Call(ctx, 1, 2); !errors.Is(err, ErrArgs) {
		t.Errorf("Call(1, 2): %v, want ErrArgs", err)
	}
}

func TestLoadFuel(t *testing.T) {
	ctx := context.Background()
	// collatz(27) takes 111 loop iterations.
	for _, tc := range []struct {
		fuel int64
		want error
	}{{110, ErrFuelExhausted}, {111, nil}, {112, nil}} {
		r := newRuntime(t, Config{Fuel: tc.fuel})
		m, err := r.Load(ctx, "collatz", collatzRaw.bytes())
		if err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second call must start with full fuel again
			got, err := m.Call(ctx, 27)
			if !errors.Is(err, tc.want) || (err == nil && got != 111) {
				t.Errorf("fuel %d: collatz(27) = %d, %v; want 111, %v", tc.fuel, got, err, tc.want)
			}
			if tc.want != nil && !errors.Is(err, ir.ErrFuelExhausted) {
				t.Errorf("fuel %d: %v does not match ir.ErrFuelExhausted", tc.fuel, err)
			}
		}
	}
}

func TestLoadTrap(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	m, err := r.Load(ctx, "div", divRaw.bytes())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		a, b   int32
		want   int32
		reason error
	}{
		{"plain", 7, 2, 3, nil},
		{"negative truncates toward zero", -7, 2, -3, nil},
		{"divide by zero", 7, 0, 0, ir.ErrDivideByZero},
		{"INT_MIN / -1", -1 << 31, -1, 0, ir.ErrIntegerOverflow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := m.Call(ctx, tc.a, tc.b)
			if tc.reason == nil {
				if err != nil || got != tc.want {
					t.Fatalf("%d / %d = %d, %v; want %d", tc.a, tc.b, got, err, tc.want)
				}
				return
			}
			var te *TrapError
			if !errors.As(err, &te) || te.Reason != tc.reason {
				t.Fatalf("%d / %d: error %v, want a *TrapError with reason %v", tc.a, tc.b, err, tc.reason)
			}
			if !errors.Is(err, ErrTrap) || !errors.Is(err, ir.ErrTrap) || !errors.Is(err, tc.reason) {
				t.Fatalf("%v must match ErrTrap, ir.ErrTrap and %v", err, tc.reason)
			}
			if errors.Is(err, ErrFuelExhausted) {
				t.Fatalf("%v must not match ErrFuelExhausted", err)
			}
		})
	}
}

// TestLoadTimeout: a raw loop that never reads "fuel" is stopped by the
// wall-clock limit; wazero closes that instance and the Module replaces it.
func TestLoadTimeout(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Timeout: 50 * time.Millisecond})
	m, err := r.Load(ctx, "spin", spinRaw.bytes())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := m.Call(ctx, 0); !errors.Is(err, ErrTimeout) {
			t.Fatalf("spin(0): %v, want ErrTimeout", err)
		}
		if got, err := m.Call(ctx, 42); err != nil || got != 42 {
			t.Fatalf("spin(42) after a timeout = %d, %v; want 42", got, err)
		}
	}
}

func TestLoadBadModule(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{})
	tests := []struct {
		name string
		wasm []byte
	}{
		{"not wasm", []byte("hello")},
		{"empty", nil},
		{"no run export", rawModule{params: 1, results: 1, export: "main", body: []byte{opLocalGet, 0}}.bytes()},
		{"no result", rawModule{params: 1, results: 0, body: nil}.bytes()},
		{"two results", rawModule{params: 1, results: 2, body: []byte{opLocalGet, 0, opLocalGet, 0}}.bytes()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := r.Load(ctx, tc.name, tc.wasm); !errors.Is(err, ErrBadModule) {
				t.Fatalf("Load: %v, want ErrBadModule", err)
			}
		})
	}
}

// wasmValidate runs wabt's wasm-validate on bin and checks that the module
// round-trips through wasm2wat and wat2wasm: the text of the rebuilt module
// is the text of the original. Without wabt the test is skipped, except on
// CI (CI=true), where a missing tool is a failure.
func wasmValidate(t *testing.T, bin []byte) {
	t.Helper()
	for _, tool := range []string{"wasm-validate", "wasm2wat", "wat2wasm"} {
		if _, err := exec.LookPath(tool); err != nil {
			testenv.Missing(t, "%s not found (install wabt: scripts/setup.sh)", tool)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "m.wasm")
	if err := os.WriteFile(path, bin, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("wasm-validate", path).CombinedOutput(); err != nil {
		t.Fatalf("wasm-validate: %v\n%s", err, out)
	}
	wat, err := exec.Command("wasm2wat", path).Output()
	if err != nil {
		t.Fatalf("wasm2wat: %v", err)
	}
	watPath, back := filepath.Join(dir, "m.wat"), filepath.Join(dir, "back.wasm")
	if err := os.WriteFile(watPath, wat, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("wat2wasm", watPath, "-o", back).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm of wasm2wat's output: %v\n%s\n%s", err, out, wat)
	}
	wat2, err := exec.Command("wasm2wat", back).Output()
	if err != nil {
		t.Fatalf("wasm2wat (second pass): %v", err)
	}
	if string(wat) != string(wat2) {
		t.Fatalf("WAT changed in the round trip:\n%s\n---\n%s", wat, wat2)
	}
}

// wat assembles WebAssembly text with wabt's wat2wasm.
func wat(t *testing.T, src string) []byte {
	t.Helper()
	if _, err := exec.LookPath("wat2wasm"); err != nil {
		testenv.Missing(t, "wat2wasm not found (install wabt: scripts/setup.sh)")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "m.wat"), filepath.Join(dir, "m.wasm")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("wat2wasm", in, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	bin, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestMemoryCap: a loaded module's memory.grow past MaxMemoryPages returns
// -1 (as the WebAssembly spec says a refused grow does) and leaves memory as
// it was, growing within the cap works, and a module that declares more
// memory than the cap is refused with ErrBadModule. Without the cap, the
// first module grew to 4 GiB (resident) in one call.
func TestMemoryCap(t *testing.T) {
	ctx := context.Background()
	r := newRuntime(t, Config{Timeout: 10 * time.Second})
	// run(n) grows memory by n pages and returns what memory.grow gave
	// (the old size, or -1) times 100000 plus the size after.
	grow := wat(t, `(module (memory 1)
  (func (export "run") (param $n i32) (result i32)
    (i32.add (i32.mul (memory.grow (local.get $n)) (i32.const 100000)) (memory.size))))`)
	for _, tc := range []struct{ n, want int32 }{
		{65535, -100000 + 1},          // to 4 GiB: refused
		{MaxMemoryPages, -100000 + 1}, // one page past the cap: refused
		{MaxMemoryPages - 1, 1*100000 + MaxMemoryPages},
	} {
		// A new Module each, so that each starts from one page.
		m, err := r.Load(ctx, "grow", grow)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := m.Call(ctx, tc.n); err != nil || got != tc.want {
			t.Errorf("grow(%d) = %d, %v; want %d", tc.n, got, err, tc.want)
		}
	}
	big := wat(t, fmt.Sprintf(`(module (memory %d)
  (func (export "run") (param $n i32) (result i32) (memory.size)))`, MaxMemoryPages+1))
	if _, err := r.Load(ctx, "big", big); !errors.Is(err, ErrBadModule) {
		t.Errorf("a module declaring %d pages: %v, want ErrBadModule", MaxMemoryPages+1, err)
	}
}
