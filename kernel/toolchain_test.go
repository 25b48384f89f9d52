package kernel_test

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestToolchainRefusal runs the kernel as a Go 1.27 build would: with
// go/types producing alias types (GODEBUG gotypesalias=1 overrides the
// binary's //go:debug setting). It must refuse to start with one line,
// not panic.
func TestToolchainRefusal(t *testing.T) {
	t.Parallel()
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	for _, args := range [][]string{{"check"}, {"run", "--connection-file", "/nonexistent.json"}} {
		t.Run(args[0], func(t *testing.T) {
			cmd := exec.Command(kernelBin, args...)
			cmd.Env = append(os.Environ(), "GODEBUG=gotypesalias=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 {
				t.Fatalf("exit code %d (%v), want 1", code, err)
			}
			msg := stderr.String()
			if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "gotypesalias") || strings.Contains(msg, "goroutine") {
				t.Fatalf("want one line naming gotypesalias, got:\n%s", msg)
			}
		})
	}
	t.Run("go1.26 build works", func(t *testing.T) {
		out, err := exec.Command(kernelBin, "check").CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "ok" {
			t.Fatalf("check: %v: %s", err, out)
		}
	})
}
