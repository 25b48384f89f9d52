package ir_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/ir"
)

// wabt returns the path of a wabt tool; on CI a missing tool is a failure.
func wabt(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		testenv.Missing(t, "%s not installed (scripts/setup.sh installs Debian's wabt)", tool)
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
	v, _, err := wazeroRunFuel(t, wasm, args)
	return v, err
}

// wazeroRunFuel is wazeroRun that also returns the fuel global after a call
// that returned: the fuel left.
func wazeroRunFuel(t testing.TB, wasm []byte, args []int32) (int32, int64, error) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	call := instantiate(t, rt, wasm)
	return call(args, -1)
}

// instantiate makes one instance of wasm and returns a function calling
// "run" on it, with the fuel global first set to fuel when fuel ≥ 0.
func instantiate(t testing.TB, rt wazero.Runtime, wasm []byte) func(args []int32, fuel int64) (int32, int64, error) {
	ctx := context.Background()
	mod, err := rt.InstantiateWithConfig(ctx, wasm, wazero.NewModuleConfig().WithName(""))
	if err != nil {
		t.Fatalf("wazero rejects the module: %v", err)
	}
	run := mod.ExportedFunction(ir.ExportRun)
	g := mod.ExportedGlobal(ir.ExportFuel).(api.MutableGlobal)
	return func(args []int32, fuel int64) (int32, int64, error) {
		if fuel >= 0 {
			g.Set(api.EncodeI32(int32(fuel)))
		}
		params := make([]uint64, len(args))
		for i, a := range args {
			params[i] = api.EncodeI32(a)
		}
		res, err := run.Call(ctx, params...)
		left := int64(api.DecodeI32(g.Get()))
		if err != nil {
			if left == -1 {
				return 0, left, ir.ErrFuelExhausted
			}
			return 0, left, err
		}
		return api.DecodeI32(res[0]), left, nil
	}
}

// TestFuelUsedEqual: on every library program, over its conformance inputs
// and known values, the compiled module leaves in its fuel global exactly
// the fuel the interpreter says the run used, and both return the same
// value. A second pass with a budget of half the largest use makes some
// runs stop, and they must stop on the same inputs.
func TestFuelUsedEqual(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	for _, s := range ir.Library() {
		wasm, err := ir.Compile(s.Program, ir.CompileOptions{})
		if err != nil {
			t.Fatal(err)
		}
		call := instantiate(t, rt, wasm)
		e, err := ir.Prepare(s.Program)
		if err != nil {
			t.Fatal(err)
		}
		inputs := s.Inputs(300, 7)
		for _, c := range s.Known {
			inputs = append(inputs, c.Args)
		}
		most := int64(0)
		for _, in := range inputs {
			want, used, werr := e.RunFuel(in, ir.DefaultFuel)
			got, left, gerr := call(in, ir.DefaultFuel)
			if werr != nil || gerr != nil || got != want || ir.DefaultFuel-left != used {
				t.Fatalf("%s%v: interpreter %d, used %d, %v; wazero %d, used %d, %v",
					s.Name, in, want, used, werr, got, ir.DefaultFuel-left, gerr)
			}
			most = max(most, used)
		}
		if most == 0 {
			continue // no loop
		}
		budget, stopped := most/2, 0
		for _, in := range inputs {
			want, used, werr := e.RunFuel(in, budget)
			got, left, gerr := call(in, budget)
			switch {
			case werr != nil:
				stopped++
				if !errors.Is(werr, ir.ErrFuelExhausted) || !errors.Is(gerr, ir.ErrFuelExhausted) || left != -1 {
					t.Fatalf("%s%v fuel %d: interpreter %v; wazero %v, fuel global %d", s.Name, in, budget, werr, gerr, left)
				}
			case gerr != nil || got != want || budget-left != used:
				t.Fatalf("%s%v fuel %d: interpreter %d, used %d; wazero %d, used %d, %v", s.Name, in, budget, want, used, got, budget-left, gerr)
			}
		}
		if stopped == 0 {
			t.Errorf("%s: no run stopped with half the largest fuel use, %d", s.Name, budget)
		}
	}
}

// TestWATMapsEveryOpcode: every IR opcode of every library program, and of
// programs the compiler folds, appears in the WAT's comments, alone or in a
// range ("15-17 CONST_2 CONST_1 I32_ADD").
func TestWATMapsEveryOpcode(t *testing.T) {
	progs := []ir.Program{}
	for _, s := range ir.Library() {
		progs = append(progs, s.Program)
	}
	for _, p := range peepholePrograms {
		progs = append(progs, ir.MustParse("peephole", p))
	}
	for _, p := range progs {
		wat, err := ir.WAT(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := watCovers(p, wat); err != nil {
			t.Errorf("%v\n%s", err, wat)
		}
	}
}

var watComment = regexp.MustCompile(`;; (\d+)(?:-(\d+))? (.*)$`)

// watCovers checks that every opcode of p is named, at its index, in a
// comment of wat.
func watCovers(p ir.Program, wat string) error {
	seen := make([]bool, len(p.Ops))
	for _, line := range strings.Split(wat, "\n") {
		m := watComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		a, _ := strconv.Atoi(m[1])
		b := a
		if m[2] != "" {
			b, _ = strconv.Atoi(m[2])
		}
		names := strings.Fields(m[3])
		if len(names) != b-a+1 || a < 0 || b >= len(p.Ops) {
			return fmt.Errorf("%s: comment %q does not name opcodes %d..%d", p, m[0], a, b)
		}
		for i := a; i <= b; i++ {
			if names[i-a] != p.Ops[i].String() {
				return fmt.Errorf("%s: comment %q says op %d is %s, it is %s", p, m[0], i, names[i-a], p.Ops[i])
			}
			seen[i] = true
		}
	}
	for i, ok := range seen {
		if !ok {
			return fmt.Errorf("%s: op %d %s has no WAT", p, i, p.Ops[i])
		}
	}
	return nil
}

// peepholePrograms exercise each folding and peephole rule of the compiler.
var peepholePrograms = []string{
	"START SLOT_0 CONST_2 CONST_1 I32_ADD I32_MUL END",                                   // 2+1 folds to 3
	"START SLOT_0 CONST_0 I32_ADD CONST_0 I32_SUB CONST_1 I32_MUL CONST_1 I32_DIV_S END", // identities
	"START SLOT_0 CONST_0 I32_EQ END",                                                    // eqz
	"START SLOT_0 CONST_0 I32_NE IF_BEGIN CONST_1 ELSE CONST_2 IF_END END",               // ne 0 as condition
	"START SLOT_0 CONST_2 I32_REM_S IF_BEGIN CONST_1 ELSE CONST_2 IF_END END",            // rem 2 as condition
	"START SLOT_0 CONST_2 I32_REM_S CONST_0 I32_EQ END",                                  // rem 2 against 0
	"START SLOT_0 CONST_2 I32_REM_S CONST_0 I32_NE END",
	"START SLOT_0 CONST_2 CONST_2 I32_MUL I32_DIV_S END",                                                                      // x / 4
	"START SLOT_0 CONST_2 CONST_2 I32_MUL I32_REM_S END",                                                                      // x rem 4
	"START SLOT_0 CONST_10 CONST_10 I32_MUL CONST_10 I32_MUL CONST_2 CONST_2 I32_MUL CONST_2 I32_MUL I32_DIV_S I32_DIV_S END", // x / (1000/8)
	"START SLOT_0 CONST_10 I32_MUL CONST_2 I32_DIV_S SLOT_0 CONST_1 I32_SUB CONST_2 I32_REM_S I32_ADD END",                    // halving through scratch
	"START SLOT_0 LOCAL_SET_0 LOCAL_GET_0 LOCAL_GET_0 I32_MUL END",                                                            // set+get is tee
	"START SLOT_0 CONST_2 CONST_10 I32_MUL CONST_2 CONST_2 I32_MUL I32_MUL CONST_2 I32_MUL I32_DIV_S CONST_2 I32_LT_S END",
	"START CONST_1 LOCAL_SET_0 LOOP_BEGIN LOCAL_GET_0 CONST_2 I32_MUL LOCAL_TEE_0 SLOT_0 I32_LT_S CONST_0 I32_NE BR_IF LOOP_END LOCAL_GET_0 END",
	"START SLOT_0 CONST_1 I32_LT_S IF_BEGIN CONST_0 RETURN IF_END LOOP_BEGIN SLOT_0 CONST_2 I32_REM_S BR_IF LOOP_END SLOT_0 END",
	// 15-18: halving a local known even (an IF arm on its parity) is one shift ...
	"START SLOT_0 CONST_2 I32_REM_S IF_BEGIN SLOT_0 ELSE SLOT_0 CONST_2 I32_DIV_S IF_END END",
	"START SLOT_0 LOCAL_SET_0 LOCAL_GET_0 CONST_2 I32_REM_S CONST_0 I32_EQ IF_BEGIN LOCAL_GET_0 CONST_2 I32_DIV_S ELSE CONST_1 IF_END END",
	// ... but not after a write to it, nor inside a loop whose back edge follows a write.
	"START SLOT_0 LOCAL_SET_0 LOCAL_GET_0 CONST_2 I32_REM_S IF_BEGIN CONST_0 ELSE SLOT_0 CONST_1 I32_ADD LOCAL_SET_0 LOCAL_GET_0 CONST_2 I32_DIV_S IF_END END",
	"START SLOT_0 LOCAL_SET_0 LOCAL_GET_0 CONST_2 I32_REM_S IF_BEGIN CONST_0 ELSE LOOP_BEGIN LOCAL_GET_0 CONST_2 I32_DIV_S CONST_1 I32_SUB LOCAL_TEE_0 CONST_0 I32_LT_S BR_IF LOOP_END CONST_1 IF_END END",
}

// TestPeepholesExact: each folded or rewritten program computes what the
// interpreter computes, on the edges of the i32 range and around zero, and
// the rewrites took place (the WAT lacks what they remove).
func TestPeepholesExact(t *testing.T) {
	ctx := context.Background()
	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	xs := []int32{math.MinInt32, math.MinInt32 + 1, -1001, -1000, -125, -9, -8, -7, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 7, 8, 9, 125, 1000, 1001, math.MaxInt32 - 1, math.MaxInt32}
	for _, text := range peepholePrograms {
		p := ir.MustParse("peephole", text)
		wasm, err := ir.Compile(p, ir.CompileOptions{Fuel: 5000})
		if err != nil {
			t.Fatal(err)
		}
		call := instantiate(t, rt, wasm)
		e, _ := ir.Prepare(p)
		for _, x := range xs {
			want, used, werr := e.RunFuel([]int32{x}, 5000)
			got, left, gerr := call([]int32{x}, 5000)
			if (werr == nil) != (gerr == nil) || got != want || (werr == nil && 5000-left != used) ||
				(werr != nil && !errors.Is(gerr, werr) && !(errors.Is(werr, ir.ErrTrap) && gerr != nil)) {
				t.Errorf("%s on %d: interpreter %d, used %d, %v; wazero %d, used %d, %v", text, x, want, used, werr, got, 5000-left, gerr)
			}
		}
	}
	for _, tc := range []struct{ text, want, absent string }{
		{peepholePrograms[0], "i32.const 3", "i32.add"},
		{peepholePrograms[1], "local.get 0", "i32.const"},
		{peepholePrograms[2], "i32.eqz", "i32.eq\n"},
		{peepholePrograms[3], "if (result i32)", "i32.ne"},
		{peepholePrograms[4], "i32.and", "i32.rem_s"},
		{peepholePrograms[7], "i32.shr_s", "i32.div_s"},
		{peepholePrograms[11], "local.tee", "local.set"},
		{peepholePrograms[15], "i32.shr_s", "i32.shr_u"},
		{peepholePrograms[16], "i32.shr_s", "i32.shr_u"},
		{peepholePrograms[17], "i32.shr_u", "i32.div_s"},
		{peepholePrograms[18], "i32.shr_u", "i32.div_s"},
	} {
		wat, _ := ir.WAT(ir.MustParse("p", tc.text))
		wat, _, _ = strings.Cut(wat, "(global") // the function alone
		if !strings.Contains(wat, tc.want) || strings.Contains(wat, tc.absent) {
			t.Errorf("%s: WAT should have %q and not %q:\n%s", tc.text, tc.want, tc.absent, wat)
		}
	}
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
	}{{130, 10, nil}, {129, 10, ir.ErrFuelExhausted}, {1, 0, nil}} { // 10 entries into a 13-opcode body
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
