package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestInputFilesAreBounded(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.ir")
	os.WriteFile(big, []byte("START "+strings.Repeat("CONST_1 DROP ", maxInputSize/10)+"END"), 0o644)
	cases := []struct {
		name     string
		given    []string
		wantText string
	}{
		{"run --file /dev/zero", []string{"run", "--file", "/dev/zero"}, "/dev/zero is over the 1 MiB limit"},
		{"run --file big", []string{"run", "--file", big}, "over the 1 MiB limit"},
		{"run --file dir", []string{"run", "--file", t.TempDir()}, "is a directory"},
		{"synth --spec /dev/zero", []string{"synth", "--spec", "/dev/zero"}, "/dev/zero is over the 1 MiB limit"},
		{"eval tasks /dev/zero", []string{"eval", "tasks", "/dev/zero"}, "/dev/zero is over the 64 MiB limit"},
		{"eval tasks dir", []string{"eval", "tasks", t.TempDir()}, "is a directory"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t0 := time.Now()
			code, _, errs := runCLI(tc.given...)
			if code != 2 || !strings.Contains(errs, tc.wantText) {
				t.Fatalf("code %d, stderr %q; want 2 and %q", code, errs, tc.wantText)
			}
			if d := time.Since(t0); d > 5*time.Second {
				t.Fatalf("took %v: an input limit must fail fast", d)
			}
		})
	}
}
