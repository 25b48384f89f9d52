package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/synth"
)

// TestTrainTrust: the judge learned from the committed OEIS sample (closed
// forms and formulas only) loads, says what it was trained on, and leaves
// out the tasks of --exclude; bad flags are usage errors.
func TestTrainTrust(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "trust.json")
	code, stdout, errs := runCLI("train", "trust", "--tasks", oeisTasks, "--search", "0", "--quiet", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := synth.ParseTrust(b)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Tasks != 40 || tr.TrainedOn != "train40.json" || !strings.Contains(stdout, "judge on 40 tasks") {
		t.Fatalf("judge on %d tasks of %q; output %s", tr.Tasks, tr.TrainedOn, stdout)
	}
	code, _, errs = runCLI("train", "trust", "--tasks", oeisTasks, "--search", "0", "--quiet", "--out", out, "--exclude", oeisTasks)
	if code != 1 || !strings.Contains(errs, "40 tasks") {
		t.Fatalf("every task excluded: exit %d, %s", code, errs)
	}
	for _, bad := range [][]string{
		{"train", "trust"},
		{"train", "trust", "--tasks", filepath.Join(dir, "missing.json")},
		{"train", "trust", "--tasks", oeisTasks, "--search-every", "0"},
		{"train", "trust", "--tasks", oeisTasks, "--exclude", filepath.Join(dir, "missing.json")},
	} {
		if code, _, errs := runCLI(bad...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", bad, code, errs)
		}
	}
}
