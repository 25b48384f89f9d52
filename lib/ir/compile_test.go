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
	"github.com/tetratelabs/wazero/api"

	"github.com/irsynth/irsynth/lib/ir"
)

// wabt returns the path of a wabt tool; on CI a missing tool is a failure.
func wabt(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not installed (scripts/setup.sh installs Debian's wabt)", tool)
		}
		t.Skipf("%s not installed; run scripts/setup.sh", tool)
	}
	return path
}

// TestCompiledModulesValidate runs every compiled library module, in both
// forms, through wabt's wasm-validate, and checks that the WAT printer's text
// assembles (wat2wasm) to exactly the compiler's bytes.
func TestCompiledModulesValidate(t *testing.T) {
	validate, wat2wasm := wabt(t, "wasm-validate"), wabt(t, "wat2wasm")
	dir := t.TempDir()
	for _, s := range ir.Library() {
		wasm, err := ir.Compile(s.Program, ir.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		konst, err := ir.CompileConst(s.Program, s.Known[0].Args, ir.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for form, bin := range map[string][]byte{"params": wasm, "const": konst} {
			f := filepath.Join(dir, s.Name+"."+form+".wasm")
			os.WriteFile(f, bin, 0o644)
			if out, err := exec.Command(validate, f).CombinedOutput(); err != nil {
				t.Errorf("%s (%s form): wasm-validate: %v\n%s", s.Name, form, err, out)
			}
		}
		wat, err := ir.WAT(s.Program)
		if err != nil {
			t.Fatal(err)
		}
		wf, of := filepath.Join(dir, s.Name+".wat"), filepath.Join(dir, s.Name+".from-wat.wasm")
		os.WriteFile(wf, []byte(wat), 0o644)
		if out, err := exec.Command(wat2wasm, wf, "-o", of).CombinedOutput(); err != nil {
			t.Fatalf("%s: wat2wasm rejects our WAT: %v\n%s\n%s", s.Name, err, out, wat)
		}
		if got, _ := os.ReadFile(of); !bytes.Equal(got, wasm) {
			t.Errorf("%s: wat2wasm(WAT) differs from Compile:\n% x\n% x", s.Name, got, wasm)
		}
	}
}

func TestWATListsIROpcodes(t *testing.T) {
	s, _ := ir.LibraryProgram("max_of_two")
	wat, err := ir.WAT(s.Program)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`(export "run" (func 0))`, "if (result i32)", ";; 3 I32_GT_S", "i32.gt_s"} {
		if !strings.Contains(wat, want) {
			t.Errorf("WAT lacks %q:\n%s", want, wat)
		}
	}
}

// wazeroRun compiles wasm with wazero and calls "run"; it reports fuel
// exhaustion the way the module signals it (fuel global = -1 after a trap).
func wazeroRun(t testing.TB, wasm []byte, args []int32) (int32, error) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	mod, err := rt.Instantiate(ctx, wasm)
	if err != nil {
		t.Fatalf("wazero rejects the module: %v", err)
	}
	params := make([]uint64, len(args))
	for i, a := range args {
		params[i] = api.EncodeI32(a)
	}
	res, err := mod.ExportedFunction(ir.ExportRun).Call(ctx, params...)
	if err != nil {
		if int32(mod.ExportedGlobal(ir.ExportFuel).Get()) == -1 {
			return 0, ir.ErrFuelExhausted
		}
		return 0, err
	}
	return api.DecodeI32(res[0]), nil
}

func TestCompileConstMatchesParams(t *testing.T) {
	for _, s := range ir.Library() {
		for _, c := range s.Known {
			wasm, err := ir.CompileConst(s.Program, c.Args, ir.CompileOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := wazeroRun(t, wasm, nil)
			if err != nil || got != c.Want {
				t.Errorf("%s%v (const form) = %d, %v; want %d", s.Name, c.Args, got, err, c.Want)
			}
		}
	}
}

func TestCompiledFuel(t *testing.T) {
	s, _ := ir.LibraryProgram("sum_1_to_n")
	for _, tc := range []struct {
		fuel    int64
		n       int32
		wantErr error
	}{{10, 10, nil}, {9, 10, ir.ErrFuelExhausted}, {1, 0, nil}} {
		wasm, err := ir.Compile(s.Program, ir.CompileOptions{Fuel: tc.fuel})
		if err != nil {
			t.Fatal(err)
		}
		_, err = wazeroRun(t, wasm, []int32{tc.n})
		if !errors.Is(err, tc.wantErr) && !(tc.wantErr == nil && err == nil) {
			t.Errorf("fuel %d, n %d: err %v, want %v", tc.fuel, tc.n, err, tc.wantErr)
		}
	}
	if _, err := ir.Compile(s.Program, ir.CompileOptions{Fuel: -1}); !errors.Is(err, ir.ErrFuel) {
		t.Errorf("negative fuel: %v", err)
	}
}

func TestCompileRejectsInvalid(t *testing.T) {
	_, err := ir.Compile(ir.Program{Name: "bad", Ops: []ir.Op{ir.OpStart, ir.OpI32Add, ir.OpEnd}}, ir.CompileOptions{})
	var ve *ir.ValidationError
	if !errors.As(err, &ve) || ve.Index != 1 || err.Error() != "compile bad: op 1 I32_ADD: stack underflow: needs 2, has 0" {
		t.Fatalf("err = %v", err)
	}
}

func BenchmarkCompile(b *testing.B) {
	for _, name := range []string{"collatz_length", "max_of_two"} {
		s, _ := ir.LibraryProgram(name)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ir.Compile(s.Program, ir.CompileOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Division and remainder by the constant 2 compile to shifts; they must stay
// exact for negatives and INT_MIN (Go's / and % truncate, as WASM's do).
func TestHalvingIsExact(t *testing.T) {
	div := ir.MustParse("div2", "START SLOT_0 CONST_2 I32_DIV_S END")
	rem := ir.MustParse("rem2", "START SLOT_0 CONST_2 I32_REM_S END")
	dw, _ := ir.Compile(div, ir.CompileOptions{})
	rw, _ := ir.Compile(rem, ir.CompileOptions{})
	dwat, _ := ir.WAT(div)
	rwat, _ := ir.WAT(rem)
	if strings.Contains(dwat, "div_s") || strings.Contains(rwat, "rem_s") {
		t.Fatalf("division by 2 still compiles to a divide")
	}
	for _, x := range []int32{-2147483648, -2147483647, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 2147483646, 2147483647} {
		if got, err := wazeroRun(t, dw, []int32{x}); err != nil || got != x/2 {
			t.Errorf("%d / 2 = %d, %v; want %d", x, got, err, x/2)
		}
		if got, err := wazeroRun(t, rw, []int32{x}); err != nil || got != x%2 {
			t.Errorf("%d rem 2 = %d, %v; want %d", x, got, err, x%2)
		}
	}
}

// TestEveryLocal: each of the NumLocals locals is a separate cell in the
// interpreter and on wazero, and LocalGet/Set/Tee name the right opcodes.
// The program stores n+i in local i, then sums local i times (i+1):
// sum (n+i)(i+1) over i < NumLocals, checked against that formula.
func TestEveryLocal(t *testing.T) {
	ops := []ir.Op{ir.OpStart}
	for i := 0; i < ir.NumLocals; i++ {
		ops = append(ops, ir.OpSlot0)
		for k := 0; k < i; k++ {
			ops = append(ops, ir.OpConst1, ir.OpI32Add)
		}
		if i%2 == 0 {
			ops = append(ops, ir.LocalSet(i))
		} else {
			ops = append(ops, ir.LocalTee(i), ir.LocalSet(i))
		}
	}
	ops = append(ops, ir.OpConst0)
	for i := 0; i < ir.NumLocals; i++ {
		for k := 0; k <= i; k++ {
			ops = append(ops, ir.LocalGet(i), ir.OpI32Add)
		}
	}
	ops = append(ops, ir.OpEnd)
	p, err := ir.NewProgram("locals", ops)
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := ir.Compile(p, ir.CompileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int32{0, 5, -17} {
		want := int32(0)
		for i := int32(0); i < ir.NumLocals; i++ {
			want += (n + i) * (i + 1)
		}
		got, err := ir.Interpret(p, []int32{n}, 0)
		if err != nil || got != want {
			t.Errorf("interpreter(%d) = %d, %v; want %d", n, got, err, want)
		}
		if got, err := wazeroRun(t, wasm, []int32{n}); err != nil || got != want {
			t.Errorf("wazero(%d) = %d, %v; want %d", n, got, err, want)
		}
	}
	for i := 0; i < ir.NumLocals; i++ {
		for _, op := range []ir.Op{ir.LocalGet(i), ir.LocalSet(i), ir.LocalTee(i)} {
			if ir.Info(op).Category != ir.CatLocal || int(op.Imm()) != i {
				t.Errorf("local %d: %s", i, op)
			}
		}
	}
}
