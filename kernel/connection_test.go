package kernel

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadConnectionFile(t *testing.T) {
	const good = `{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"signature_scheme":"hmac-sha256","key":"k"}`
	cases := []struct {
		name, given string
		wantErr     error
	}{
		{"good", good, nil},
		{"not JSON", "{", ErrConnectionFile},
		{"ipc transport", `{"transport":"ipc","ip":"x","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"signature_scheme":"hmac-sha256","key":"k"}`, ErrConnectionFile},
		{"md5 signature", `{"transport":"tcp","ip":"x","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"signature_scheme":"hmac-md5","key":"k"}`, ErrConnectionFile},
		{"missing port", `{"transport":"tcp","ip":"x","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"signature_scheme":"hmac-sha256","key":"k"}`, ErrConnectionFile},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.json")
			if err := os.WriteFile(path, []byte(tc.given), 0o600); err != nil {
				t.Fatal(err)
			}
			ci, err := ReadConnectionFile(path)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("error = %v, want %v", err, tc.wantErr)
			}
			if err == nil && ci.endpoint(ci.ShellPort) != "tcp://127.0.0.1:1" {
				t.Fatalf("endpoint %s", ci.endpoint(ci.ShellPort))
			}
		})
	}
	if _, err := ReadConnectionFile(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, ErrConnectionFile) {
		t.Fatalf("missing file: %v", err)
	}
}
