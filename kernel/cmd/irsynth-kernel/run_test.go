package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	prefix := t.TempDir()
	cases := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"no command", nil, 2, "", "usage"},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"version", []string{"version"}, 0, "protocol 5.3", ""},
		{"install both", []string{"install", "--user", "--prefix", prefix}, 2, "", "exclude each other"},
		{"install extra arg", []string{"install", "now"}, 2, "", `unexpected argument "now"`},
		{"install prefix", []string{"install", "--prefix", prefix}, 0, "installed kernelspec irsynth-go", ""},
		{"run without file", []string{"run"}, 2, "", "--connection-file is required"},
		{"run bad memory limit", []string{"run", "--connection-file", "x.json", "--memory-limit", "12Q"}, 2, "", `memory size "12Q"`},
		{"run bad file", []string{"run", "--connection-file", filepath.Join(prefix, "missing.json")}, 2, "", "bad connection file"},
		{"report missing notebook", []string{"report", "nope.ipynb"}, 2, "", "nope.ipynb"},
		{"check", []string{"check"}, 0, "ok", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.wantCode || !strings.Contains(stdout.String(), tc.wantStdout) || !strings.Contains(stderr.String(), tc.wantStderr) {
				t.Fatalf("run(%q) = %d\nstdout: %s\nstderr: %s", tc.args, code, stdout.String(), stderr.String())
			}
		})
	}
	data, err := os.ReadFile(filepath.Join(prefix, "share", "jupyter", "kernels", "irsynth-go", "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Argv        []string `json:"argv"`
		DisplayName string   `json:"display_name"`
	}
	if err := json.Unmarshal(data, &spec); err != nil || spec.DisplayName != "Go (irsynth)" || !filepath.IsAbs(spec.Argv[0]) {
		t.Fatalf("kernel.json: %s (%v)", data, err)
	}
}
