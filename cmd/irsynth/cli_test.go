package main

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// brokenWriter fails every write, as stdout does when the disk is full or
// the pipe is closed.
type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// exitCases names, for every command, one usage error (exit 2) and one
// run-time error (exit 1). A new command must add itself here.
func exitCases(t *testing.T) map[string]struct {
	usage   []string
	runtime []string
	broken  bool // run the run-time case with a stdout that fails
} {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0") // an address in use
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	record := filepath.Join(t.TempDir(), "guess.json") // an eval-tasks record for eval-merge
	if code := run([]string{"eval-tasks", oeisTasks, "--system", "guess", "--out", record}, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("eval-tasks: exit %d", code)
	}
	return map[string]struct {
		usage   []string
		runtime []string
		broken  bool
	}{
		"programs":   {usage: []string{"programs", "x"}, runtime: []string{"programs"}, broken: true},
		"show":       {usage: []string{"show", "nope"}, runtime: []string{"show", "gcd", "--wat"}, broken: true},
		"run":        {usage: []string{"run", "gcd", "1"}, runtime: []string{"run", "--ir", "START SLOT_0 SLOT_1 I32_DIV_S END", "1", "0"}},
		"bench":      {usage: []string{"bench", "collatz", "--n", "0"}, runtime: []string{"bench", "collatz", "--numbers", "27", "--json"}, broken: true},
		"phase1":     {usage: []string{"phase1", "stray"}, runtime: []string{"phase1", "--n", "1", "--results", file}},
		"dataset":    {usage: []string{"dataset", "--per-program", "0"}, runtime: []string{"dataset", "--per-program", "1", "--test-per-program", "1", "--results", file}},
		"train":      {usage: []string{"train", "tagger"}, runtime: []string{"train", "classifier", "--quiet", "--results", file}},
		"eval":       {usage: []string{"eval", "classifier", "stray"}, runtime: []string{"eval", "decoder", "--results", empty}},
		"eval-synth": {usage: []string{"eval-synth", "--programs", "nope"}, runtime: []string{"eval-synth", "--programs", "sum_1_to_n", "--budget", "1s", "--no-unguided", "--no-decoder", "--collatz-runs", "0", "--quiet", "--results", file}},
		"eval-tasks": {usage: []string{"eval-tasks", oeisTasks, "--shard", "0/2"}, runtime: []string{"eval-tasks", oeisTasks, "--system", "guess", "--out", filepath.Join(file, "x.json")}},
		"train-synth": {usage: []string{"train-synth", "--tasks", oeisTasks, "--rounds", "0"}, runtime: []string{"train-synth", "--tasks", oeisTasks, "--sample", "1", "--rounds", "1",
			"--candidates", "1000", "--dreams", "10", "--quiet", "--out", filepath.Join(file, "g.json"), "--results", file}},
		"train-trust": {usage: []string{"train-trust", "--tasks", oeisTasks, "--max-wrong", "2"}, runtime: []string{"train-trust", "--tasks", oeisTasks,
			"--search", "0", "--quiet", "--out", filepath.Join(file, "t.json")}},
		"eval-merge": {usage: []string{"eval-merge", "out.json"}, runtime: []string{"eval-merge", filepath.Join(file, "x.json"), record}},
		"synth":      {usage: []string{"synth", "--budget", "0s", "--examples", "1→2"}, runtime: []string{"synth", "--examples", "1→2", "--budget", "2s", "--no-wat"}, broken: true},
		"ask":        {usage: []string{"ask", "--model", "tagger", "hi"}, runtime: []string{"ask", "--results", empty, "What is 7 factorial?"}},
		"serve":      {usage: []string{"serve", "--fuel", "x"}, runtime: []string{"serve", "--quiet", "--results", empty, "--addr", ln.Addr().String()}},
	}
}

// TestEveryCommandExitCodes: for every command, a usage error exits 2 and
// a run-time error exits 1, each with one line on stderr naming the command.
func TestEveryCommandExitCodes(t *testing.T) {
	cases := exitCases(t)
	for name := range commands {
		if _, ok := cases[name]; !ok {
			t.Errorf("command %q has no exit-code cases in exitCases", name)
		}
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if _, ok := commands[name]; !ok {
				t.Fatalf("no command %q", name)
			}
			check := func(args []string, stdout interface{ Write([]byte) (int, error) }, want int) {
				var e bytes.Buffer
				code := run(args, stdout, &e)
				if code != want {
					t.Fatalf("irsynth %q: exit %d, want %d; stderr %q", args, code, want, e.String())
				}
				if !strings.HasPrefix(e.String(), "irsynth "+name+": ") || strings.Count(e.String(), "\n") != 1 {
					t.Errorf("irsynth %q: stderr %q, want one line starting with %q", args, e.String(), "irsynth "+name+": ")
				}
			}
			check(c.usage, &bytes.Buffer{}, 2)
			if c.broken {
				check(c.runtime, brokenWriter{}, 1)
			} else {
				check(c.runtime, &bytes.Buffer{}, 1)
			}
		})
	}
}

// TestHelp: `irsynth CMD -h`, `--help` and `irsynth help CMD` print the same
// text on stdout and exit 0: the usage line, the summary, and every flag
// with its default.
func TestHelp(t *testing.T) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		want, stderr, code := cli("help", name)
		if code != 0 || stderr != "" {
			t.Errorf("help %s: exit %d, stderr %q", name, code, stderr)
		}
		if !strings.HasPrefix(want, "usage: irsynth "+name) || !strings.Contains(want, commands[name].Summary) {
			t.Errorf("help %s does not start with the usage and summary:\n%s", name, want)
		}
		for _, h := range []string{"-h", "--help", "-help"} {
			got, stderr, code := cli(name, h)
			if code != 0 || stderr != "" || got != want {
				t.Errorf("%s %s: exit %d, stderr %q, stdout\n%s\nwant\n%s", name, h, code, stderr, got, want)
			}
		}
	}
	// Flags and defaults as the commands define them (DESIGN.md's values).
	for _, tc := range []struct {
		cmd  string
		want []string
	}{
		{"run", []string{"-fuel int", "(default 2000000)", "-timeout duration", "(default 1s)", "-interp", "-ir string", "-file string"}},
		{"show", []string{"-wat", "-wasm", "-hex", "-ir string"}},
		{"bench", []string{"-n int", "(default 100)", "-seed int", "(default 1)", "-numbers string", "-json"}},
		{"serve", []string{"-addr string", `(default "127.0.0.1:8080")`, "-body-limit int", `(default 64)`, "-results string", `(default "results")`}},
		{"train", []string{"-epochs int", "20 for the classifier, 10 for the decoder", "-resume", "-split string", "-results string"}},
		{"eval-synth", []string{"-budget duration", "(default 1m0s)", "-workers int", "(default 1)"}},
		{"synth", []string{"-examples string", "-spec string", "-budget duration"}},
		{"dataset", []string{"-per-program int", "(default 200)", "-test-per-program int", "(default 50)"}},
	} {
		got, _, _ := cli("help", tc.cmd)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("help %s lacks %q:\n%s", tc.cmd, w, got)
			}
		}
	}
}

// TestTrainDefaultsPerModel: the zero --epochs and --split stand for each
// model's own defaults, so help can show both.
func TestTrainDefaultsPerModel(t *testing.T) {
	if defaultEpochs["classifier"] != 20 || defaultSplit["classifier"] != "study" || defaultSplit["decoder"] != "expanded" {
		t.Fatalf("defaults changed: %v %v", defaultEpochs, defaultSplit)
	}
	if _, stderr, code := cli("train", "classifier", "--epochs", "-1"); code != 2 || !strings.Contains(stderr, "--epochs") {
		t.Errorf("train --epochs -1: exit %d, %q", code, stderr)
	}
}
