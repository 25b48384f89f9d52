package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/results"
)

const oeisTasks = "../../testdata/oeis/train40.json"

func readTasksRecord(t *testing.T, path string) results.Tasks {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r results.Tasks
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEvalTasksShardsMerge: three shards of the committed OEIS tasks,
// merged, give the same tasks and totals as the whole file in one run
// (the guesser answers, so it is fast); overlapping or foreign shards are
// refused.
func TestEvalTasksShardsMerge(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.json")
	if _, errOut, code := cli("eval", "tasks", oeisTasks, "--system", "guess", "--out", whole); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var parts []string
	for _, k := range []string{"1", "2", "3"} {
		p := filepath.Join(dir, "shard"+k+".json")
		if _, errOut, code := cli("eval", "tasks", oeisTasks, "--system", "guess", "--shard", k+"/3", "--out", p); code != 0 {
			t.Fatalf("shard %s: exit %d: %s", k, code, errOut)
		}
		parts = append(parts, p)
	}
	merged := filepath.Join(dir, "merged.json")
	if _, errOut, code := cli(append([]string{"eval", "merge", merged}, parts...)...); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errOut)
	}
	w, m := readTasksRecord(t, whole), readTasksRecord(t, merged)
	if !w.Complete || !m.Complete || w.Totals.Total != 40 || !m.Totals.Sum() {
		t.Fatalf("whole complete %v, merged complete %v, totals %+v", w.Complete, m.Complete, m.Totals)
	}
	for i := range w.Tasks {
		a, b := w.Tasks[i], m.Tasks[i]
		if a.Name != b.Name || a.Outcome != b.Outcome || a.Program != b.Program {
			t.Fatalf("task %d: whole %s %s, merged %s %s", i, a.Name, a.Outcome, b.Name, b.Outcome)
		}
	}
	w.Totals.Seconds, m.Totals.Seconds = 0, 0
	if w.Totals != m.Totals {
		t.Fatalf("totals: whole %+v, merged %+v", w.Totals, m.Totals)
	}
	if first := readTasksRecord(t, parts[0]); first.Complete || len(first.Tasks) != 14 {
		t.Fatalf("shard 1/3 of 40: complete %v with %d tasks, want 14 and not complete", first.Complete, len(first.Tasks))
	}

	other := filepath.Join(dir, "other.json")
	os.WriteFile(other, []byte(strings.Replace(string(mustRead(t, parts[1])), `"file_sha256": "`, `"file_sha256": "0`, 1)), 0o644)
	for _, tc := range []struct {
		name, wantErr string
		ins           []string
	}{
		{"overlap", "both hold shard 1/3", []string{parts[0], parts[0]}},
		{"other file", "another task file", []string{parts[0], other}},
		{"different split", "split the file in 3", []string{parts[0], whole}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := cli(append([]string{"eval", "merge", filepath.Join(dir, "x.json")}, tc.ins...)...)
			if code != 2 || !strings.Contains(errOut, tc.wantErr) {
				t.Fatalf("exit %d, stderr %q, want 2 and %q", code, errOut, tc.wantErr)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEvalTasksBadInput: a malformed task file exits 2 naming the record.
func TestEvalTasksBadInput(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`[{"name": "A1", "offset": 0, "examples": [{"inputs": [0], "output": 1}], "checks": [{"inputs": [1], "output": 2}]},
{"name": "A2", "offset": 0, "examples": [{"inputs": [0], "output": "x"}], "checks": []}]`), 0o644)
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"bad record", []string{"eval", "tasks", bad, "--system", "guess"}, "record 1 (A2)"},
		{"missing file", []string{"eval", "tasks", bad + ".none", "--system", "guess"}, "no such file"},
		{"bad shard", []string{"eval", "tasks", bad, "--shard", "4/3"}, `shard "4/3"`},
		{"bad system", []string{"eval", "tasks", bad, "--system", "oracle"}, "want irsynth or guess"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := cli(tc.args...)
			if code != 2 || !strings.Contains(errOut, tc.wantErr) {
				t.Fatalf("exit %d, stderr %q, want 2 and %q", code, errOut, tc.wantErr)
			}
		})
	}
}
