package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestSynthCommand(t *testing.T) {
	code, out, errs := runCLI("synth", "--examples", "(3, 7)→7, (7, 3)→7, (-1, -5)->-1, 120 -4 -> 120", "--text", "larger of a and b", "--budget", "10s")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var recs []map[string]any
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	if len(recs) != 1 || recs[0]["found"] != true || !strings.HasPrefix(recs[0]["program"].(string), "START ") {
		t.Fatalf("records %v", recs)
	}
	for _, k := range []string{"name", "program", "found", "seconds", "candidates"} {
		if _, ok := recs[0][k]; !ok {
			t.Errorf("record has no %q", k)
		}
	}
}

func TestSynthCommandSpec(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "tasks.json")
	// the name matches a library program: the search must not care
	os.WriteFile(spec, []byte(`[
 {"name": "max_of_two", "text": "Max of a and b", "examples": [{"inputs": [3, 7], "output": 7}, {"inputs": [7, 3], "output": 7}, {"inputs": [-1, -5], "output": -1}]},
 {"name": "hopeless", "examples": [{"inputs": [1], "output": 982451653}, {"inputs": [2], "output": -77}, {"inputs": [3], "output": 5}]}
]`), 0o644)
	code, out, errs := runCLI("synth", "--spec", spec, "--budget", "300ms", "--unguided")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var recs []map[string]any
	if err := json.Unmarshal([]byte(out), &recs); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0]["name"] != "max_of_two" || recs[1]["found"] != false {
		t.Fatalf("records %v", recs)
	}
	if _, ok := recs[1]["program"]; ok {
		t.Error("a task not found has a program")
	}
	if recs[1]["candidates"].(float64) <= 0 {
		t.Error("a task not found says nothing of what was tried")
	}
}

func TestSynthCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"name": "gcd", "examples": [{"inputs": [1, 2], "output": 1}, {"inputs": [3], "output": 3}]}]`), 0o644)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", nil, "give --examples or --spec"},
		{"malformed example", []string{"--examples", "27→x"}, `output "x"`},
		{"no arrow", []string{"--examples", "27 111"}, "no arrow"},
		{"both", []string{"--examples", "1→1", "--spec", bad}, "not both"},
		{"bad spec", []string{"--spec", bad}, "task gcd: examples[1].inputs"},
		{"missing spec", []string{"--spec", filepath.Join(dir, "none.json")}, "no such file"},
		{"bad budget", []string{"--examples", "1→1", "--budget", "-1s"}, "--budget"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(append([]string{"synth"}, tc.args...)...)
			if code != 2 || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Fatalf("exit %d, stderr %q; want 2 and one line containing %q", code, errs, tc.want)
			}
		})
	}
}

func TestEvalSynthCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCLI("eval-synth", "--programs", "max_of_two,is_even", "--budget", "5s", "--collatz-runs", "0", "--no-decoder", "--results", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// max_of_two is determined by its examples; is_even's five examples
	// leave room (it may come back ambiguous), but nothing may be wrong
	if !strings.Contains(out, "wrong 0 of 2 guided") || !regexp.MustCompile(`max_of_two +guided solved`).MatchString(out) {
		t.Fatalf("output %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "phase5_synthesis.json")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs = runCLI("eval-synth", "--programs", "nope", "--results", dir); code != 2 || !strings.Contains(errs, `"nope"`) {
		t.Fatalf("unknown program: exit %d %q", code, errs)
	}
}

// TestSynthAsk: --ask shows the distinguishing input and the candidates'
// outputs on stderr, reads the answer from stdin, adds it as an example
// and searches again; at EOF the answer stays ambiguous.
func TestSynthAsk(t *testing.T) {
	defer func(r io.Reader) { synthStdin = r }(synthStdin)
	args := []string{"synth", "--examples", "1→1, 2→2, 3→4", "--ask", "--unguided", "--no-wat", "--budget", "5s"}

	synthStdin = strings.NewReader("")
	code, out, errs := runCLI(args...)
	if code != 0 || !strings.Contains(errs, "what should") || !strings.Contains(out, `"status": "ambiguous"`) {
		t.Fatalf("EOF: exit %d, stdout %s, stderr %s", code, out, errs)
	}
	var first []struct {
		Ambiguity struct {
			Input []int32 `json:"input"`
		} `json:"ambiguity"`
	}
	if err := json.Unmarshal([]byte(out), &first); err != nil || len(first) != 1 || len(first[0].Ambiguity.Input) != 1 {
		t.Fatalf("output %s: %v", out, err)
	}
	n := first[0].Ambiguity.Input[0]
	// answer as a(n) = 2^(n-1) would, once; then EOF
	synthStdin = strings.NewReader(fmt.Sprintf("%d\n", int32(1)<<(n-1)))
	code, out, errs = runCLI(args...)
	if code != 0 || strings.Count(errs, "what should") < 1 {
		t.Fatalf("answer: exit %d, stdout %s, stderr %s", code, out, errs)
	}
	var second []struct {
		Status    string `json:"status"`
		Ambiguity *struct {
			Input []int32 `json:"input"`
		} `json:"ambiguity"`
	}
	if err := json.Unmarshal([]byte(out), &second); err != nil || len(second) != 1 {
		t.Fatalf("output %s: %v", out, err)
	}
	if second[0].Ambiguity != nil && second[0].Ambiguity.Input[0] == n {
		t.Fatalf("still ambiguous at %d after the answer: %s", n, out)
	}
}
