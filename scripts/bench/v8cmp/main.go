// Command v8cmp answers "how fast is our compiled code?" in one run: the
// 100 Collatz calls of BenchmarkCollatz100 (the same numbers) on wazero
// (lib/wasmrt), the same loop in native Go, and the very same .wasm bytes on
// node's WebAssembly (V8, through scripts/bench/v8.mjs) beside a plain JS
// loop. It prints each time and the ratios wazero/native, V8/native and
// wazero/V8. Without node it says so and prints the Go half.
//
//	go run ./scripts/bench/v8cmp [--rounds 15] [--before OLD.wasm]
//
// --before also runs another build of collatz_length on V8 (for example
// one written by an older irsynth's `show collatz_length --wasm`), to
// compare compilers on the same engine.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/irsynth/irsynth/internal/cputime"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func main() {
	rounds := flag.Int("rounds", 15, "timed rounds per engine (medians are reported)")
	reps := flag.Int("reps", 200, "passes over the numbers per round")
	before := flag.String("before", "", "another collatz_length .wasm to time on V8 as well")
	script := flag.String("script", "scripts/bench/v8.mjs", "path of v8.mjs")
	flag.Parse()
	if *rounds < 1 || *reps < 1 {
		fmt.Fprintln(os.Stderr, "v8cmp: --rounds and --reps must be positive")
		os.Exit(2)
	}
	if err := run(*rounds, *reps, *before, *script); err != nil {
		fmt.Fprintln(os.Stderr, "v8cmp:", err)
		os.Exit(1)
	}
}

// numbers are BenchmarkCollatz100's: 100 draws in [1, 100000], PCG seed 1.
func numbers() []int32 {
	rng := rand.New(rand.NewPCG(1, 0))
	out := make([]int32, 100)
	for i := range out {
		out[i] = 1 + rng.Int32N(100000)
	}
	return out
}

// timing is the median time of one pass over the numbers.
type timing struct{ wall, cpu float64 } // ns

func cpuNow() time.Duration { return time.Duration(cputime.Seconds() * 1e9) }

func measure(rounds, reps int, pass func() int32) timing {
	for range 20 {
		pass()
	}
	var walls, cpus []float64
	var sink int32
	for range rounds {
		c0, t0 := cpuNow(), time.Now()
		for range reps {
			sink += pass()
		}
		walls = append(walls, float64(time.Since(t0).Nanoseconds())/float64(reps))
		cpus = append(cpus, float64((cpuNow()-c0).Nanoseconds())/float64(reps))
	}
	_ = sink
	return timing{median(walls), median(cpus)}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

type nodeOut struct {
	Node    string `json:"node"`
	Modules []struct {
		File string  `json:"file"`
		Wall float64 `json:"wall_ns"`
		CPU  float64 `json:"cpu_ns"`
	} `json:"modules"`
	JS struct {
		Wall float64 `json:"wall_ns"`
		CPU  float64 `json:"cpu_ns"`
	} `json:"js"`
}

func run(rounds, reps int, before, script string) error {
	ctx := context.Background()
	spec, _ := ir.LibraryProgram("collatz_length")
	nums := numbers()
	want := int32(0)
	for _, n := range nums {
		want += wasmrt.CollatzSteps(n)
	}
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		return err
	}
	defer rt.Close(ctx)
	m, err := rt.Compile(ctx, spec.Program)
	if err != nil {
		return err
	}
	wazeroPass := func() int32 {
		s := int32(0)
		for _, n := range nums {
			v, _ := m.Call(ctx, n)
			s += v
		}
		return s
	}
	if got := wazeroPass(); got != want {
		return fmt.Errorf("wazero gives a sum of %d, native Go %d", got, want)
	}
	nativePass := func() int32 {
		s := int32(0)
		for _, n := range nums {
			s += wasmrt.CollatzSteps(n)
		}
		return s
	}

	dir, err := os.MkdirTemp("", "v8cmp")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	wasmFile := filepath.Join(dir, "collatz_length.wasm")
	if err := os.WriteFile(wasmFile, m.WASM(), 0o644); err != nil {
		return err
	}
	modules := []string{wasmFile}
	if before != "" {
		modules = append(modules, before)
	}
	node, nodeErr := exec.LookPath("node")

	// Go and node alternate, half the rounds each time, so that a change
	// in the machine's load touches every engine alike.
	var wz, nat []timing
	var v8 []nodeOut
	for half := range 2 {
		r := rounds/2 + rounds%2*(1-half)
		wz = append(wz, measure(r, reps, wazeroPass))
		nat = append(nat, measure(r, reps, nativePass))
		if nodeErr != nil {
			continue
		}
		strs := make([]string, len(nums))
		for i, n := range nums {
			strs[i] = strconv.Itoa(int(n))
		}
		cmd := exec.Command(node, append([]string{script, "--numbers", strings.Join(strs, ","),
			"--rounds", strconv.Itoa(r), "--reps", strconv.Itoa(reps), "--fuel", strconv.Itoa(ir.DefaultFuel)}, modules...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return fmt.Errorf("node %s: %v\n%s", script, err, stderr.String())
		}
		var o nodeOut
		if err := json.Unmarshal(out, &o); err != nil {
			return fmt.Errorf("node %s printed %q: %v", script, out, err)
		}
		v8 = append(v8, o)
	}
	avg := func(ts []timing) timing {
		var t timing
		for _, x := range ts {
			t.wall += x.wall / float64(len(ts))
			t.cpu += x.cpu / float64(len(ts))
		}
		return t
	}
	w, n := avg(wz), avg(nat)
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("collatz_length on %d numbers (BenchmarkCollatz100's), %d rounds of %d passes, medians; %s; GOMAXPROCS %d; load %s",
		len(nums), rounds, reps, time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOMAXPROCS(0), strings.TrimSpace(string(load))+"\n")
	fmt.Printf("%-34s %12s %12s\n", "per 100 calls", "wall µs", "CPU µs")
	row := func(name string, t timing) { fmt.Printf("%-34s %12.2f %12.2f\n", name, t.wall/1e3, t.cpu/1e3) }
	row("wazero (lib/wasmrt Module.Call)", w)
	row("native Go loop", n)
	if nodeErr != nil {
		fmt.Println("V8: skipped, node is not on PATH")
		fmt.Printf("ratios (CPU): wazero/native %.2f\n", w.cpu/n.cpu)
		return nil
	}
	var js timing
	v8s := make([]timing, len(modules))
	for _, o := range v8 {
		js.wall += o.JS.Wall / float64(len(v8))
		js.cpu += o.JS.CPU / float64(len(v8))
		for i, mo := range o.Modules {
			v8s[i].wall += mo.Wall / float64(len(v8))
			v8s[i].cpu += mo.CPU / float64(len(v8))
		}
	}
	row("V8 "+v8[0].Node+" (same .wasm)", v8s[0])
	if before != "" {
		row("V8, --before module", v8s[1])
	}
	row("plain JS loop", js)
	fmt.Printf("ratios (CPU time): wazero/native %.2f   V8/native %.2f   wazero/V8 %.2f   V8/JS %.2f\n",
		w.cpu/n.cpu, v8s[0].cpu/n.cpu, w.cpu/v8s[0].cpu, v8s[0].cpu/js.cpu)
	fmt.Printf("ratios (wall):     wazero/native %.2f   V8/native %.2f   wazero/V8 %.2f   V8/JS %.2f\n",
		w.wall/n.wall, v8s[0].wall/n.wall, w.wall/v8s[0].wall, v8s[0].wall/js.wall)
	if before != "" {
		fmt.Printf("--before module on V8: V8/native %.2f (CPU), %.2f (wall)\n", v8s[1].cpu/n.cpu, v8s[1].wall/n.wall)
	}
	return nil
}
