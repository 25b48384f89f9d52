package results_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/results"
)

func TestWriteReadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := results.Phase1{Working: 29, Total: 29, Collatz: results.CollatzBench{N: 3, CountGT100: 1, Top10: []results.NumberLength{{Number: 27, Length: 111}}}}
	if err := results.Write(dir, results.Phase1File, want); err != nil {
		t.Fatal(err)
	}
	var got results.Phase1
	if err := results.Read(dir, results.Phase1File, &got); err != nil {
		t.Fatal(err)
	}
	if got.Working != 29 || got.Collatz.Top10[0].Length != 111 {
		t.Fatalf("got %+v", got)
	}
	// No temporary file is left beside the record.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("directory holds %d entries, want only the record", len(entries))
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	var v results.Phase3
	if err := results.Read(dir, results.Phase3File, &v); !errors.Is(err, results.ErrNotFound) {
		t.Fatalf("missing file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, results.Phase3File), []byte(`{"train_class_acc": "high"`), 0o644)
	err := results.Read(dir, results.Phase3File, &v)
	if err == nil || !strings.Contains(err.Error(), results.Phase3File) || !strings.Contains(err.Error(), "malformed JSON") {
		t.Fatalf("malformed file: %v", err)
	}
}

func TestWriteKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	results.Write(dir, "x.json", map[string]int{"a": 1})
	if err := results.Write(dir, "x.json", func() {}); err == nil {
		t.Fatal("encoding a func must fail")
	}
	data, _ := os.ReadFile(filepath.Join(dir, "x.json"))
	if !strings.Contains(string(data), `"a": 1`) {
		t.Fatalf("old record lost: %s", data)
	}
}
