package results_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/results"
)

func TestReadFileRefusesSpecialFilesWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, results.Phase1File)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, path string
		want       error
		wantText   string
	}{
		{"fifo", fifo, results.ErrNotRegular, "named pipe"},
		{"device", "/dev/zero", results.ErrNotRegular, "character device"},
		{"directory", dir, results.ErrNotRegular, "directory"},
		{"missing", filepath.Join(dir, "nope.json"), os.ErrNotExist, "no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { _, err := results.ReadFile(tc.path, 1<<20); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.wantText) {
					t.Fatalf("ReadFile(%s) = %v, want %v naming %q", tc.path, err, tc.want, tc.wantText)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("ReadFile(%s) blocked", tc.path)
			}
		})
	}
	// Read names the broken record file.
	var p1 results.Phase1
	err := results.Read(dir, results.Phase1File, &p1)
	var fe *results.FileError
	if !errors.As(err, &fe) || fe.Name != results.Phase1File || !errors.Is(err, results.ErrNotRegular) {
		t.Fatalf("Read of a FIFO: %v", err)
	}
}

func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big")
	os.WriteFile(p, make([]byte, 1001), 0o644)
	if _, err := results.ReadFile(p, 1000); !errors.Is(err, results.ErrTooLarge) || !strings.Contains(err.Error(), "1001 bytes") {
		t.Fatalf("over the limit: %v", err)
	}
	if b, err := results.ReadFile(p, 1001); err != nil || len(b) != 1001 {
		t.Fatalf("at the limit: %d bytes, %v", len(b), err)
	}
}

func TestReadValidates(t *testing.T) {
	cases := []struct {
		name, file, given, wantText string
	}{
		{"truncated", results.Phase3File, `{"train_class_acc": 0.5`, "malformed JSON"},
		{"NaN literal", results.Phase3File, `{"train_class_acc": NaN}`, "malformed JSON"},
		{"overflow", results.Phase3File, `{"history": [{"epoch": 1, "loss": 1e999}]}`, "malformed JSON"},
		{"rate over 1", results.Phase3File, `{"test_exec_acc": 2}`, "test_exec_acc = 2, want a fraction in [0, 1]"},
		{"ragged confusion", results.Phase3File, `{"confusion": {"labels": ["a","b","c"], "matrix": [[1,2],[3]]}}`, "confusion: 3 labels but 2 rows"},
		{"epochs out of order", results.Phase3File, `{"history": [{"epoch": 2}]}`, "history[0].epoch = 2, want 1"},
		{"collatz shapes", results.Phase1File, `{"collatz": {"numbers": [1,2,3], "lengths": [1]}}`, "collatz: 3 numbers but 1 lengths"},
		{"negative length", results.Phase4File, `{"generated_lengths": [-5], "target_lengths": [3]}`, "generated_lengths[0] = -5"},
		{"length shapes", results.Phase4File, `{"generated_lengths": [1, 2], "target_lengths": [3]}`, "2 generated lengths but 1 target lengths"},
		{"solved over total", results.Phase5File, `{"solved": 3, "total": 2}`, "solved = 3"},
		{"bad rate in a split", results.Phase2File, `{"splits": [{"extraction_accuracy": -0.1}]}`, "splits[0].extraction_accuracy"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.given), 0o644)
			var v any
			switch tc.file {
			case results.Phase1File:
				v = &results.Phase1{}
			case results.Phase2File:
				v = &results.Phase2{}
			case results.Phase3File:
				v = &results.Phase3{}
			case results.Phase4File:
				v = &results.Phase4{}
			case results.Phase5File:
				v = &results.Phase5{}
			}
			err := results.Read(dir, tc.file, v)
			var fe *results.FileError
			if !errors.As(err, &fe) || fe.Name != tc.file || !strings.Contains(err.Error(), tc.wantText) {
				t.Fatalf("Read: %v, want a FileError on %s naming %q", err, tc.file, tc.wantText)
			}
		})
	}
}

func TestFiniteCatchesNaNInGoRecords(t *testing.T) {
	nan := 0.0
	nan /= nan
	p := results.Phase3{History: []results.Epoch{{Epoch: 1, Loss: nan}}}
	if err := p.Validate(); err == nil || !strings.Contains(err.Error(), "history[0].loss = NaN, want a finite number") {
		t.Fatalf("Validate: %v", err)
	}
}

func TestCommitAndRecover(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "model.ckpt"), filepath.Join(dir, "record.json")
	os.WriteFile(a, []byte("old model"), 0o644)
	os.WriteFile(b, []byte("old record"), 0o644)
	sa, sb := filepath.Join(dir, ".model.ckpt.tmp-commit"), filepath.Join(dir, ".record.json.tmp-commit")
	os.WriteFile(sa, []byte("new model"), 0o644)
	os.WriteFile(sb, []byte("new record"), 0o644)
	journal := filepath.Join(dir, "commit.json")
	moves := []results.Move{{From: sa, To: a}, {From: sb, To: b}}

	// Interrupted after the journal and the first rename: Recover
	// finishes the second.
	if err := results.WriteFile(journal, []byte(`[{"from":"`+sa+`","to":"`+a+`"},{"from":"`+sb+`","to":"`+b+`"}]`)); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(sa, a); err != nil {
		t.Fatal(err)
	}
	if done, err := results.Recover(journal); !done || err != nil {
		t.Fatalf("Recover = %v, %v", done, err)
	}
	for p, want := range map[string]string{a: "new model", b: "new record"} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Fatalf("%s = %q, want %q", p, got, want)
		}
	}
	if done, err := results.Recover(journal); done || err != nil {
		t.Fatalf("second Recover = %v, %v; want nothing to do", done, err)
	}

	// A whole Commit.
	os.WriteFile(sa, []byte("newer model"), 0o644)
	os.WriteFile(sb, []byte("newer record"), 0o644)
	if err := results.Commit(journal, moves); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(b); string(got) != "newer record" {
		t.Fatalf("record = %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("%d entries left, want the two files", len(entries))
	}
	// A Commit whose staged file is missing changes nothing.
	if err := results.Commit(journal, moves); err == nil {
		t.Fatal("Commit with missing staged files succeeded")
	}
	if got, _ := os.ReadFile(a); string(got) != "newer model" {
		t.Fatalf("model = %q", got)
	}
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{".a.json.tmp-1", ".a.json.tmp-2", ".b.json.tmp-3", "a.json"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	rm, err := results.CleanStale(dir, "a.json")
	if err != nil || len(rm) != 2 {
		t.Fatalf("CleanStale = %v, %v", rm, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("%d entries left, want a.json and b's temp file", len(entries))
	}
}

func TestReadInputReadsStreamsUpToTheLimit(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "prog.ir")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() { // a user piping a program in
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.WriteString("START END")
			f.Close()
		}
	}()
	if b, err := results.ReadInput(fifo, 1<<20); err != nil || string(b) != "START END" {
		t.Fatalf("ReadInput(FIFO) = %q, %v; want the piped text", b, err)
	}
	cases := []struct {
		name, path string
		want       error
		wantText   string
	}{
		{"endless stream", "/dev/zero", results.ErrTooLarge, "/dev/zero is over the 1 MiB limit"},
		{"directory", dir, results.ErrNotRegular, "directory"},
		{"missing", filepath.Join(dir, "nope.ir"), os.ErrNotExist, "no such file"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := results.ReadInput(tc.path, 1<<20); !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.wantText) {
				t.Fatalf("ReadInput(%s) = %v, want %v naming %q", tc.path, err, tc.want, tc.wantText)
			}
		})
	}
}
