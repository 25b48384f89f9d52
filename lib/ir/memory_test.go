package ir_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"

	"github.com/irsynth/irsynth/lib/ir"
)

// partitionsIR counts the partitions of n with a table in memory:
// p[0] = 1; for k = 1..n, for i = k..n: p[i] += p[i-k]; result p[n].
const partitionsIR = `
START
CONST_0 CONST_1 MEM_STORE              # p[0] = 1
CONST_1 LOCAL_SET_0                    # k = 1
SLOT_0 CONST_1 I32_GE_S
IF_BEGIN
  LOOP_BEGIN
    LOCAL_GET_0 LOCAL_SET_1            # i = k
    LOOP_BEGIN
      LOCAL_GET_1
      LOCAL_GET_1 MEM_LOAD LOCAL_GET_1 LOCAL_GET_0 I32_SUB MEM_LOAD I32_ADD
      MEM_STORE                        # p[i] += p[i-k]
      LOCAL_GET_1 CONST_1 I32_ADD LOCAL_TEE_1
      SLOT_0 I32_LE_S BR_IF
    LOOP_END
    LOCAL_GET_0 CONST_1 I32_ADD LOCAL_TEE_0
    SLOT_0 I32_LE_S BR_IF
  LOOP_END
IF_END
SLOT_0 MEM_LOAD
END`

// partitions is the native reference.
func partitions(n int) int32 {
	p := make([]int32, n+1)
	p[0] = 1
	for k := 1; k <= n; k++ {
		for i := k; i <= n; i++ {
			p[i] += p[i-k]
		}
	}
	return p[n]
}

// oneInstance compiles p and returns its module and a call on one wazero
// instance of it, closed when the test ends.
func oneInstance(t *testing.T, p ir.Program) ([]byte, func(args []int32, fuel int64) (int32, int64, error)) {
	t.Helper()
	wasm, err := ir.Compile(p, ir.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rt := wazero.NewRuntime(context.Background())
	t.Cleanup(func() { rt.Close(context.Background()) })
	return wasm, instantiate(t, rt, wasm)
}

// TestMemoryAgrees: a program with a table in memory gives the native
// reference's values in the interpreter and on wazero, where one instance
// answers every call (so memory must start at zero each time, as in the
// interpreter), and its module passes wasm-validate and reassembles from
// its WAT to the same bytes.
func TestMemoryAgrees(t *testing.T) {
	p := ir.MustParse("partitions", partitionsIR)
	wasm, call := oneInstance(t, p)
	e, err := ir.Prepare(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{30, 5, 0, 1, 100, 7, 60, 2} {
		want := partitions(n)
		got, used, err := e.RunFuel([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || got != want {
			t.Errorf("interpreter p(%d) = %d, %v; want %d", n, got, err, want)
		}
		wgot, left, err := call([]int32{int32(n)}, ir.DefaultFuel)
		if err != nil || wgot != want {
			t.Errorf("wazero p(%d) = %d, %v; want %d", n, wgot, err, want)
		}
		if ir.DefaultFuel-left != used {
			t.Errorf("p(%d): wazero used %d fuel, the interpreter %d", n, ir.DefaultFuel-left, used)
		}
	}
	validate, wat2wasm := wabt(t, "wasm-validate"), wabt(t, "wat2wasm")
	dir := t.TempDir()
	f := filepath.Join(dir, "p.wasm")
	os.WriteFile(f, wasm, 0o644)
	if out, err := exec.Command(validate, f).CombinedOutput(); err != nil {
		t.Errorf("wasm-validate: %v\n%s", err, out)
	}
	wat, err := ir.WAT(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := watCovers(p, wat); err != nil {
		t.Error(err)
	}
	wf, of := filepath.Join(dir, "p.wat"), filepath.Join(dir, "p2.wasm")
	os.WriteFile(wf, []byte(wat), 0o644)
	if out, err := exec.Command(wat2wasm, wf, "-o", of).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm rejects our WAT: %v\n%s\n%s", err, out, wat)
	}
	if got, _ := os.ReadFile(of); !bytes.Equal(got, wasm) {
		t.Errorf("wat2wasm(WAT) differs from Compile")
	}
}

// TestMemoryStartsZero: a run that bumps a word and returns it gives 1
// every time, on one interpreter Exec and on one wazero instance.
func TestMemoryStartsZero(t *testing.T) {
	p := ir.MustParse("bump", "START SLOT_0 SLOT_0 MEM_LOAD CONST_1 I32_ADD MEM_STORE SLOT_0 MEM_LOAD END")
	_, call := oneInstance(t, p)
	for _, a := range []int32{7, 7, 0, ir.MemWords - 1, 7} {
		if got, err := ir.Interpret(p, []int32{a}, 0); err != nil || got != 1 {
			t.Errorf("interpreter(%d) = %d, %v; want 1", a, got, err)
		}
		if got, _, err := call([]int32{a}, -1); err != nil || got != 1 {
			t.Errorf("wazero(%d) = %d, %v; want 1", a, got, err)
		}
	}
}

// TestMemoryBounds: an address outside 0..MemWords-1 traps, on load and on
// store, in both engines; 4*a wrapping to a valid byte address (a = 2^30)
// must trap too.
func TestMemoryBounds(t *testing.T) {
	load := ir.MustParse("load", "START SLOT_0 MEM_LOAD END")
	store := ir.MustParse("store", "START SLOT_0 CONST_1 MEM_STORE CONST_0 END")
	for _, p := range []ir.Program{load, store} {
		wasm, err := ir.Compile(p, ir.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []int32{-1, ir.MemWords, 1 << 30, -1 << 31, 1<<30 + 1, ir.MemWords - 1, 0} {
			ok := a >= 0 && a < ir.MemWords
			_, ierr := ir.Interpret(p, []int32{a}, 0)
			_, werr := wazeroRun(t, wasm, []int32{a})
			if ok {
				if ierr != nil || werr != nil {
					t.Errorf("%s(%d): %v / %v, want no trap", p.Name, a, ierr, werr)
				}
				continue
			}
			var te *ir.TrapError
			if !errors.As(ierr, &te) || te.Reason != ir.ErrMemoryBounds || ir.Info(te.Op).Category != ir.CatMemory {
				t.Errorf("interpreter %s(%d): %v, want a memory bounds trap at the MEM opcode", p.Name, a, ierr)
			}
			if werr == nil || !strings.Contains(werr.Error(), ir.ErrMemoryBounds.Error()) {
				t.Errorf("wazero %s(%d): %v, want %q", p.Name, a, werr, ir.ErrMemoryBounds)
			}
		}
	}
}

// TestTraceShowsStores: a traced run reports each MEM_STORE's word and
// value, and replaying the stores gives the table the program read.
func TestTraceShowsStores(t *testing.T) {
	p := ir.MustParse("partitions", partitionsIR)
	tr, err := ir.Trace(p, []int32{6}, ir.DefaultFuel, 0)
	if err != nil || tr.Err != nil || tr.Cut {
		t.Fatalf("trace: %v %v cut=%v", err, tr.Err, tr.Cut)
	}
	mem := map[int32]int32{}
	stores := 0
	for _, s := range tr.Steps {
		if (s.Op == ir.OpMemStore) != (s.Store != nil) {
			t.Fatalf("step %d %s: store %v", s.Index, s.Name, s.Store)
		}
		if s.Store != nil {
			mem[s.Store.Addr] = s.Store.Value
			stores++
		}
	}
	for i := 0; i <= 6; i++ {
		if mem[int32(i)] != partitions(i) {
			t.Errorf("replayed word %d = %d, want p(%d) = %d", i, mem[int32(i)], i, partitions(i))
		}
	}
	if tr.Value != partitions(6) || stores != 1+21 {
		t.Errorf("value %d after %d stores, want %d after 22", tr.Value, stores, partitions(6))
	}
}
