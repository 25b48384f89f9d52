package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

// TestOutRefusedUpFront: an --out that cannot take the record exits
// before any work, naming it, for every command that writes one at the
// end: 2 for a directory or a device, 1 for a path under a regular file
// (the file system refuses, as when writing fails).
func TestOutRefusedUpFront(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	os.WriteFile(file, []byte("x"), 0o644)
	spec := filepath.Join(dir, "spec.json")
	os.WriteFile(spec, []byte(`[{"name": "id", "text": "", "examples": [{"inputs": [1], "output": 1}]}]`), 0o644)
	for _, bad := range []struct {
		path, want string
		code       int
	}{
		{dir, "is a directory", 2},
		{os.DevNull, "is not a regular file", 2},
		{filepath.Join(file, "x.json"), "cannot make the directory of " + filepath.Join(file, "x.json"), 1},
	} {
		for _, args := range [][]string{
			{"synth", "--spec", spec, "--out", bad.path},
			{"eval", "tasks", oeisTasks, "--system", "guess", "--out", bad.path},
			{"eval", "merge", bad.path, oeisTasks},
			{"train", "synth", "--tasks", oeisTasks, "--out", bad.path},
			{"train", "trust", "--tasks", oeisTasks, "--out", bad.path},
		} {
			out, errOut, code := cli(args...)
			if code != bad.code || !strings.Contains(errOut, bad.want) || out != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d and %q", args, code, out, errOut, bad.code, bad.want)
			}
		}
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode().IsRegular() {
		t.Errorf("%s was replaced: %v %v", os.DevNull, st.Mode(), err)
	}
}

// TestStaleTempsSwept: the temporary files a write killed mid-way leaves
// next to an --out (".NAME.tmp-*") are removed by the next run once older
// than staleAfter; a fresh one (a write in progress) and other files stay.
func TestStaleTempsSwept(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r[1].json") // a glob character in the name
	old := time.Now().Add(-2 * staleAfter)
	files := map[string]bool{ // name → still there after
		".r[1].json.tmp-123": false, ".r[1].json.tmp-456": true, ".other.json.tmp-1": true, "r[1].json": true,
	}
	for name, keep := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o644)
		if name != ".r[1].json.tmp-456" || !keep {
			os.Chtimes(p, old, old)
		}
	}
	if _, err := checkOut(out); err != nil {
		t.Fatal(err)
	}
	for name, keep := range files {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != keep {
			t.Errorf("%s: there %v, want %v", name, err == nil, keep)
		}
	}
}

// TestOutSurvivesKill9 kills real `irsynth synth --spec --out` and
// `irsynth eval tasks --out` processes with SIGKILL mid-run and checks that
// the finished file they would replace is untouched (eval tasks keeps the
// tasks done so far in FILE.partial, a whole record), and that a run that
// finishes writes a complete new file.
func TestOutSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs searches (about 20 s); skipped with -short")
	}
	dir := t.TempDir()
	bin := buildIrsynth(t)
	old := []byte("[\"the finished file of an earlier run\"]\n")
	// Outputs no small program gives: the search takes its whole budget.
	hard := `{"name": "hard%d", "text": "", "examples": [{"inputs": [1], "output": 9173}, {"inputs": [2], "output": -40211}, {"inputs": [3], "output": 5}, {"inputs": [4], "output": 777001}, {"inputs": [5], "output": -3}]}`
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	t.Run("synth --spec --out", func(t *testing.T) {
		spec := filepath.Join(dir, "spec.json")
		os.WriteFile(spec, []byte("["+fmt.Sprintf(hard, 1)+", "+fmt.Sprintf(hard, 2)+"]"), 0o644)
		out := filepath.Join(dir, "synth.json")
		os.WriteFile(out, old, 0o644)
		cmd := exec.CommandContext(ctx, bin, "synth", "--spec", spec, "--out", out, "--budget", "30s", "--unguided")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(1500 * time.Millisecond) // searching the first task
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if got, _ := os.ReadFile(out); !bytes.Equal(got, old) {
			t.Fatalf("after kill -9 the old file holds %q", got)
		}

		os.WriteFile(spec, []byte(`[{"name": "double", "text": "", "examples": [{"inputs": [1], "output": 2}, {"inputs": [5], "output": 10}, {"inputs": [7], "output": 14}]}]`), 0o644)
		if msg, err := exec.CommandContext(ctx, bin, "synth", "--spec", spec, "--out", out, "--budget", "10s").CombinedOutput(); err != nil || !strings.Contains(string(msg), "wrote 1 records to "+out) {
			t.Fatalf("finished run: %v %s", err, msg)
		}
		var rs []synth.Result
		data, _ := os.ReadFile(out)
		if err := json.Unmarshal(data, &rs); err != nil || len(rs) != 1 || rs[0].Status != synth.StatusSolved {
			t.Fatalf("the new file: %v %s", err, data)
		}
	})

	t.Run("eval tasks --out", func(t *testing.T) {
		// Ten tasks solved at once (a(n) = n), then one that takes its
		// whole budget: kill -9 once the checkpoint of the ten is written.
		var recs []string
		for i := range 10 {
			recs = append(recs, fmt.Sprintf(`{"name": "id%d", "text": "a(n) = n.", "offset": 0, "examples": [{"inputs": [0], "output": 0}, {"inputs": [1], "output": 1}, {"inputs": [2], "output": 2}, {"inputs": [3], "output": 3}], "checks": [{"inputs": [4], "output": 4}]}`, i))
		}
		recs = append(recs, strings.Replace(fmt.Sprintf(hard, 3), `"text": ""`, `"text": "", "offset": 1, "checks": [{"inputs": [6], "output": 1}]`, 1))
		tasks := filepath.Join(dir, "tasks.json")
		os.WriteFile(tasks, []byte("["+strings.Join(recs, ",\n")+"]"), 0o644)
		out := filepath.Join(dir, "tasks-out.json")
		os.WriteFile(out, old, 0o644)
		cmd := exec.CommandContext(ctx, bin, "eval", "tasks", tasks, "--out", out, "--budget", "60s", "--workers", "1")
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stderr)
		for sc.Scan() && !strings.HasPrefix(sc.Text(), "[10/11]") {
		}
		partial := out + ".partial"
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			if _, err := os.Stat(partial); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("no checkpoint after the tenth task")
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if got, _ := os.ReadFile(out); !bytes.Equal(got, old) {
			t.Fatalf("after kill -9 the old file holds %q", got)
		}
		var p results.Tasks
		data, _ := os.ReadFile(partial)
		if err := json.Unmarshal(data, &p); err != nil || p.Complete || len(p.Tasks) != 10 {
			t.Fatalf("the checkpoint: %v, complete %v, %d tasks\n%s", err, p.Complete, len(p.Tasks), data)
		}
		for _, r := range p.Tasks {
			if r.Outcome != "solved" {
				t.Errorf("checkpointed %s: %s", r.Name, r.Outcome)
			}
		}
	})
}
