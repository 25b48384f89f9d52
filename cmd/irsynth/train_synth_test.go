package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

// TestTrainSynth: a small self-training run on the committed OEIS sample
// writes a guide that loads and a record whose rounds add up; bad flags
// are usage errors.
func TestTrainSynth(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "guide.json")
	code, out, errs := runCLI("train", "synth", "--tasks", oeisTasks, "--sample", "4", "--rounds", "1",
		"--candidates", "20000", "--dreams", "100", "--quiet", "--out", ckpt, "--results", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "round 0 (unguided)") || !strings.Contains(out, "round 1 (guide on") {
		t.Fatalf("output %s", out)
	}
	if _, err := synth.LoadGuide(ckpt); err != nil {
		t.Fatal(err)
	}
	var rec results.SynthTraining
	if err := results.Read(dir, results.SynthTrainFile, &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Rounds) != 2 || rec.Rounds[0].Totals.Total != 4 || rec.Rounds[1].Train < 100 {
		t.Fatalf("record %+v", rec)
	}
	for _, bad := range [][]string{
		{"train", "synth"},
		{"train", "synth", "--tasks", filepath.Join(dir, "missing.json")},
		{"train", "synth", "--tasks", oeisTasks, "--rounds", "0"},
	} {
		if code, _, errs := runCLI(bad...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", bad, code, errs)
		}
	}
}
