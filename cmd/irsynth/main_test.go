package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// cli runs the command line in-process.
func cli(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

func TestCLI(t *testing.T) {
	progFile := filepath.Join(t.TempDir(), "double.ir")
	os.WriteFile(progFile, []byte("# doubles its operand\nSTART\n  SLOT_0 CONST_2 I32_MUL\nEND\n"), 0o644)
	badFile := filepath.Join(t.TempDir(), "bad.ir")
	os.WriteFile(badFile, []byte("START I32_ADD END"), 0o644)

	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string // the exact output, if wantExact
		wantExact  bool
		stdoutHas  []string
		stderrHas  []string
	}{
		{name: "no command", args: nil, wantCode: 2, stderrHas: []string{"missing command"}},
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: 2, stderrHas: []string{`unknown command "frobnicate"`}},
		{name: "help", args: []string{"help"}, stdoutHas: []string{"programs", "show", "run", "bench", "phase1"}},
		{name: "help run", args: []string{"help", "run"}, stdoutHas: []string{"usage: irsynth run"}},
		{name: "help unknown", args: []string{"help", "nope"}, wantCode: 2, stderrHas: []string{"unknown command"}},

		{name: "programs", args: []string{"programs"}, stdoutHas: []string{"NAME", "collatz_length", "is_prime", "tribonacci"}},
		{name: "programs extra arg", args: []string{"programs", "x"}, wantCode: 2, stderrHas: []string{"unexpected argument"}},

		{name: "run sum", args: []string{"run", "sum_1_to_n", "100"}, wantStdout: "5050\n", wantExact: true},
		{name: "run collatz 1", args: []string{"run", "collatz_length", "1"}, wantStdout: "0\n", wantExact: true},
		{name: "run collatz 27", args: []string{"run", "collatz_length", "27"}, wantStdout: "111\n", wantExact: true},
		{name: "run gcd", args: []string{"run", "gcd", "1071", "462"}, wantStdout: "21\n", wantExact: true},
		{name: "run negative operand", args: []string{"run", "abs_diff", "-5", "3"}, wantStdout: "8\n", wantExact: true},
		{name: "run --ir", args: []string{"run", "--ir", "START SLOT_0 SLOT_1 I32_SUB END", "-5", "3"}, wantStdout: "-8\n", wantExact: true},
		{name: "run --ir no operands", args: []string{"run", "--ir", "START CONST_10 CONST_2 I32_MUL END"}, wantStdout: "20\n", wantExact: true},
		{name: "run --file", args: []string{"run", "--file", progFile, "21"}, wantStdout: "42\n", wantExact: true},
		{name: "run --interp", args: []string{"run", "--interp", "factorial", "10"}, wantStdout: "3628800\n", wantExact: true},
		{name: "run flag after operands", args: []string{"run", "power", "2", "10", "--fuel", "1000"}, wantStdout: "1024\n", wantExact: true},

		{name: "run bad IR", args: []string{"run", "--ir", "START I32_ADD END"}, wantCode: 2, stderrHas: []string{"bad IR", "op 1 I32_ADD", "stack underflow"}},
		{name: "run unknown opcode", args: []string{"run", "--ir", "START FOO END"}, wantCode: 2, stderrHas: []string{"bad IR", "FOO"}},
		{name: "run bad file", args: []string{"run", "--file", badFile}, wantCode: 2, stderrHas: []string{"bad IR", "stack underflow"}},
		{name: "run missing file", args: []string{"run", "--file", "/nonexistent/x.ir"}, wantCode: 2, stderrHas: []string{"no such file"}},
		{name: "run too few operands", args: []string{"run", "gcd", "12"}, wantCode: 2, stderrHas: []string{"gcd takes 2 operand(s)", "got 1"}},
		{name: "run too many operands", args: []string{"run", "sum_1_to_n", "1", "2"}, wantCode: 2, stderrHas: []string{"takes 1 operand"}},
		{name: "run non-integer", args: []string{"run", "sum_1_to_n", "ten"}, wantCode: 2, stderrHas: []string{`"ten" is not a 32-bit integer`}},
		{name: "run out of range", args: []string{"run", "sum_1_to_n", "4294967296"}, wantCode: 2, stderrHas: []string{"not a 32-bit integer"}},
		{name: "run unknown program", args: []string{"run", "nope", "1"}, wantCode: 2, stderrHas: []string{`unknown program "nope"`}},
		{name: "run no program", args: []string{"run"}, wantCode: 2, stderrHas: []string{"missing program"}},
		{name: "run both sources", args: []string{"run", "--ir", "START CONST_0 END", "--file", progFile}, wantCode: 2, stderrHas: []string{"not both"}},
		{name: "run bad flag", args: []string{"run", "--bogus", "sum_1_to_n", "1"}, wantCode: 2, stderrHas: []string{"bogus"}},
		{name: "run divide by zero", args: []string{"run", "--ir", "START SLOT_0 SLOT_1 I32_DIV_S END", "1", "0"}, wantCode: 1, stderrHas: []string{"trap", "integer divide by zero"}},
		{name: "run fuel exhausted", args: []string{"run", "--fuel", "1000", "--ir", "START LOOP_BEGIN BR LOOP_END CONST_0 END"}, wantCode: 1, stderrHas: []string{"fuel exhausted"}},
		{name: "run interp fuel exhausted", args: []string{"run", "--interp", "--fuel", "1000", "--ir", "START LOOP_BEGIN BR LOOP_END CONST_0 END"}, wantCode: 1, stderrHas: []string{"fuel exhausted"}},
		{name: "run bad fuel", args: []string{"run", "--fuel", "0", "sum_1_to_n", "1"}, wantCode: 2, stderrHas: []string{"--fuel"}},

		{name: "show", args: []string{"show", "collatz_length"}, stdoutHas: []string{"# collatz_length: arity 1", "START", "  LOOP_BEGIN", "END"}},
		{name: "show --wat", args: []string{"show", "collatz_length", "--wat"}, stdoutHas: []string{"(module", `(export "run"`, `"fuel"`}},
		{name: "show --hex", args: []string{"show", "--hex", "max_of_two"}, stdoutHas: []string{"00000000  00 61 73 6d 01 00 00 00"}},
		{name: "show --ir", args: []string{"show", "--ir", "START SLOT_0 END"}, stdoutHas: []string{"arity 1, 3 opcodes"}},
		{name: "show two formats", args: []string{"show", "gcd", "--wat", "--hex"}, wantCode: 2, stderrHas: []string{"one of"}},
		{name: "show unknown", args: []string{"show", "nope"}, wantCode: 2, stderrHas: []string{"unknown program"}},
		{name: "show bad IR", args: []string{"show", "--ir", "START END"}, wantCode: 2, stderrHas: []string{"bad IR"}},

		{name: "bench no target", args: []string{"bench"}, wantCode: 2, stderrHas: []string{"collatz"}},
		{name: "bench bad numbers", args: []string{"bench", "collatz", "--numbers", "1,x"}, wantCode: 2, stderrHas: []string{`"x"`}},
		{name: "bench zero", args: []string{"bench", "collatz", "--numbers", "0"}, wantCode: 2, stderrHas: []string{"positive"}},
		{name: "bench bad n", args: []string{"bench", "collatz", "--n", "0"}, wantCode: 2, stderrHas: []string{"--n"}},
		{name: "bench text", args: []string{"bench", "collatz", "--numbers", "27,7,1"}, stdoutHas: []string{"1 of 3 numbers", "total iterations: 127", "27   111", "native Go loop"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := cli(tc.args...)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.wantCode, stdout, stderr)
			}
			if tc.wantExact && stdout != tc.wantStdout {
				t.Errorf("stdout %q, want %q", stdout, tc.wantStdout)
			}
			for _, s := range tc.stdoutHas {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tc.stderrHas {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q: %q", s, stderr)
				}
			}
			if code != 0 {
				if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "irsynth") {
					t.Errorf("an error must be one line starting with irsynth, got %q", stderr)
				}
				if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
					t.Errorf("stack trace on stderr: %q", stderr)
				}
			} else if stderr != "" {
				t.Errorf("stderr on success: %q", stderr)
			}
		})
	}
}

// TestRunMatchesInterpreter: `irsynth run` agrees with the reference
// interpreter on every library program's known values.
func TestRunMatchesKnownValues(t *testing.T) {
	for _, s := range ir.Library() {
		for _, c := range s.Known {
			args := []string{"run", s.Name}
			for _, a := range c.Args {
				args = append(args, itoa(a))
			}
			stdout, stderr, code := cli(args...)
			if code != 0 || stdout != itoa(c.Want)+"\n" {
				t.Errorf("irsynth %v: %q, %q, exit %d; want %d", args, stdout, stderr, code, c.Want)
			}
		}
	}
}

func itoa(v int32) string { return strconv.Itoa(int(v)) }

// TestBenchStudyTopTen checks the study's published top ten through the
// command line: lengths 249 ... 189, all ten over 100.
func TestBenchStudyTopTen(t *testing.T) {
	stdout, stderr, code := cli("bench", "collatz", "--numbers", "70382,95638,41523,95137,59218,33864,84253,42583,97321,48367", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got results.CollatzBench
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout)
	}
	want := []int32{249, 234, 225, 221, 210, 204, 195, 194, 190, 189}
	if got.CountGT100 != 10 || got.N != 10 || len(got.Lengths) != 10 {
		t.Fatalf("count_gt_100 = %d, n = %d, lengths %v", got.CountGT100, got.N, got.Lengths)
	}
	var total int64
	for i, w := range want {
		if got.Lengths[i] != w || got.Top10[i] != results.Study.CollatzTop10[i] {
			t.Errorf("number %d: length %d, top10 %v; study says %v", got.Numbers[i], got.Lengths[i], got.Top10[i], results.Study.CollatzTop10[i])
		}
		total += int64(w)
	}
	if got.TotalIterations != total {
		t.Errorf("total_iterations = %d, want %d", got.TotalIterations, total)
	}
	for name, ns := range map[string]int64{"compile_ns": got.CompileNs, "instantiate_ns": got.InstantiateNs, "run_ns": got.RunNs, "native_ns": got.NativeNs, "total_ns": got.TotalNs, "warm_total_ns": got.WarmTotalNs, "const_ns": got.ConstNs} {
		if ns <= 0 {
			t.Errorf("%s = %d, want a measured time", name, ns)
		}
	}
	// the keys the contract names
	var raw map[string]any
	json.Unmarshal([]byte(stdout), &raw)
	for _, k := range []string{"count_gt_100", "total_iterations", "numbers", "top10", "compile_ns", "instantiate_ns", "run_ns", "native_ns"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
}

// TestBenchDrawn: the default draws --n numbers in [1, 100000],
// deterministically for the seed; the count agrees with native Go.
func TestBenchDrawn(t *testing.T) {
	decode := func(args ...string) results.CollatzBench {
		stdout, stderr, code := cli(append([]string{"bench", "collatz", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var r results.CollatzBench
		if err := json.Unmarshal([]byte(stdout), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b, c := decode("--seed", "7"), decode("--seed", "7"), decode("--seed", "8", "--n", "50")
	if len(a.Numbers) != 100 || len(c.Numbers) != 50 || a.Seed != 7 {
		t.Fatalf("%d and %d numbers, seed %d", len(a.Numbers), len(c.Numbers), a.Seed)
	}
	if !equal(a.Numbers, b.Numbers) || equal(a.Numbers[:50], c.Numbers) {
		t.Fatalf("numbers not deterministic for the seed, or not different across seeds")
	}
	count, total := 0, int64(0)
	for _, n := range a.Numbers {
		if n < 1 || n > 100000 {
			t.Fatalf("number %d outside [1, 100000]", n)
		}
		l := nativeCollatz(n)
		total += int64(l)
		if l > 100 {
			count++
		}
	}
	if a.CountGT100 != count || a.TotalIterations != total {
		t.Fatalf("count %d, total %d; native Go says %d, %d", a.CountGT100, a.TotalIterations, count, total)
	}
}

func equal(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPhase1 writes phase1.json and reads it back.
func TestPhase1(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := cli("phase1", "--results", dir, "--n", "20")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, stderr, stdout)
	}
	var rec results.Phase1
	if err := results.Read(dir, results.Phase1File, &rec); err != nil {
		t.Fatal(err)
	}
	lib := ir.Library()
	if rec.Total != len(lib) || rec.Working != len(lib) || len(rec.Programs) != len(lib) {
		t.Fatalf("working %d of %d, %d programs; library has %d", rec.Working, rec.Total, len(rec.Programs), len(lib))
	}
	for i, p := range rec.Programs {
		if p.Name != lib[i].Name || p.IR != lib[i].Program.String() || len(p.Cases) != len(lib[i].Known) || !p.OK {
			t.Errorf("program %d: %+v", i, p)
		}
	}
	if rec.Collatz.N != 20 || len(rec.Collatz.Lengths) != 20 || rec.Collatz.TotalNs <= 0 {
		t.Errorf("collatz record: %+v", rec.Collatz)
	}
	if _, _, code := cli("phase1", "--n", "0"); code != 2 {
		t.Errorf("phase1 --n 0: exit %d, want 2", code)
	}
}

// TestShowRoundTrip: the listing `show` prints parses back to the same
// program, and --wasm writes exactly the module ir.Compile builds.
func TestShowRoundTrip(t *testing.T) {
	for _, s := range ir.Library() {
		stdout, stderr, code := cli("show", s.Name)
		if code != 0 {
			t.Fatalf("show %s: exit %d: %s", s.Name, code, stderr)
		}
		p, err := ir.ParseProgram(s.Name, stdout)
		if err != nil || !p.Equal(s.Program) {
			t.Errorf("show %s does not parse back to the program: %v\n%s", s.Name, err, stdout)
		}
		bin, _, code := cli("show", s.Name, "--wasm")
		want, err := ir.Compile(s.Program, ir.CompileOptions{})
		if code != 0 || err != nil || bin != string(want) {
			t.Errorf("show %s --wasm: exit %d, %d bytes; ir.Compile gives %d bytes (%v)", s.Name, code, len(bin), len(want), err)
		}
	}
}

// nativeCollatz is the tests' own Collatz length, independent of the
// library and of lib/wasmrt's benchmark.
func nativeCollatz(n int32) int32 {
	var steps int32
	for ; n > 1; steps++ {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
	}
	return steps
}
