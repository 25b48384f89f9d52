package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/results"
)

// buildIrsynth builds this command into a temporary folder, for the tests
// that kill a real process, and returns the binary's path.
func buildIrsynth(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "irsynth")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestTrainSurvivesKill9 kills a real `irsynth train classifier` process
// with SIGKILL after two epochs and checks that the finished model and its
// record are untouched, that the progress went to the resume file, that the
// next start cleans the temporary files up, and that --resume continues
// the interrupted run.
func TestTrainSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and trains twice (about 15 s); skipped with -short")
	}
	dir := t.TempDir()
	bin := buildIrsynth(t)
	if code, _, errs := runCLI("dataset", "--results", dir, "--per-program", "40", "--test-per-program", "5"); code != 0 {
		t.Fatalf("dataset: %s", errs)
	}
	// A finished 2-epoch model and its record.
	if code, _, errs := runCLI("train", "classifier", "--epochs", "2", "--quiet", "--results", dir); code != 0 {
		t.Fatalf("train: %s", errs)
	}
	ckpt := results.CheckpointPath(dir, "classifier")
	resume := filepath.Join(dir, results.ModelsSubdir, "classifier.resume.ckpt")
	recPath := filepath.Join(dir, results.Phase3File)
	wantCkpt, _ := os.ReadFile(ckpt)
	wantRec, _ := os.ReadFile(recPath)
	if len(wantCkpt) == 0 || len(wantRec) == 0 {
		t.Fatal("the finished run wrote no checkpoint or record")
	}
	if _, err := os.Stat(resume); !os.IsNotExist(err) {
		t.Fatalf("a finished run left its resume file: %v", err)
	}

	// A long run, killed with SIGKILL once two epochs are done.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "train", "classifier", "--epochs", "500", "--results", dir)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "epoch 2/500") {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if got, _ := os.ReadFile(ckpt); !bytes.Equal(got, wantCkpt) {
		t.Fatalf("the killed run changed the finished checkpoint (%d bytes, was %d)", len(got), len(wantCkpt))
	}
	if got, _ := os.ReadFile(recPath); !bytes.Equal(got, wantRec) {
		t.Fatal("the killed run changed the finished record")
	}
	if _, err := os.Stat(resume); err != nil {
		t.Fatalf("the killed run left no resume file: %v", err)
	}
	done, err := (&trainState{kind: "classifier"}).epochsIn(resume)
	if err != nil || done < 2 {
		t.Fatalf("resume file: %d epochs, %v; want >= 2", done, err)
	}

	// Leftovers of a write cut short, as a kill mid-write leaves them.
	stale := []string{
		filepath.Join(dir, results.ModelsSubdir, ".classifier.resume.ckpt.tmp-123"),
		filepath.Join(dir, "."+results.Phase3File+".tmp-456"),
	}
	for _, p := range stale {
		if err := os.WriteFile(p, []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := runCLI("train", "classifier", "--epochs", strconv.Itoa(done+1), "--resume", "--quiet", "--results", dir)
	if code != 0 {
		t.Fatalf("resume: %d %s", code, errs)
	}
	if !strings.Contains(errs, "removed 2 temporary file(s)") {
		t.Errorf("stderr %q does not report the cleanup", errs)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s survived the next start", p)
		}
	}
	var p3 results.Phase3
	if err := results.Read(dir, results.Phase3File, &p3); err != nil {
		t.Fatal(err)
	}
	if len(p3.History) != done+1 || p3.History[0].Seconds <= 0 {
		t.Fatalf("resumed record has %d epochs, want %d (%s)", len(p3.History), done+1, out)
	}
	if got, _ := (&trainState{kind: "classifier"}).epochsIn(ckpt); got != done+1 {
		t.Fatalf("checkpoint has %d epochs, record %d: they must change together", got, len(p3.History))
	}
	if _, err := os.Stat(resume); !os.IsNotExist(err) {
		t.Fatalf("the finished run left its resume file: %v", err)
	}
	// Nothing left to resume now: the model has the epochs asked for.
	code, _, errs = runCLI("train", "classifier", "--epochs", strconv.Itoa(done+1), "--resume", "--results", dir)
	if code != 2 || !strings.Contains(errs, "nothing to resume") {
		t.Fatalf("--resume on a finished model: %d %q", code, errs)
	}
	// A second run of the same model while one holds the lock says so.
	held, err := openTrainState(dir, "classifier", results.Phase3File, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI("train", "classifier", "--epochs", "1", "--results", dir)
	held.close()
	if code != 1 || !strings.Contains(errs, "another 'irsynth train classifier' is running") {
		t.Fatalf("train beside a running train: %d %q", code, errs)
	}
	if err := os.Remove(ckpt); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI("train", "classifier", "--resume", "--results", dir)
	if code != 2 || !strings.Contains(errs, "nothing to resume") {
		t.Fatalf("--resume with nothing: %d %q", code, errs)
	}
}
