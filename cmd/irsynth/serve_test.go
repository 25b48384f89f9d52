package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeUsage(t *testing.T) {
	tests := []struct {
		name       string
		givenArgs  []string
		expectCode int
		expectErr  string
	}{
		{"unknown flag", []string{"--bogus"}, 2, "flag provided but not defined"},
		{"extra argument", []string{"now"}, 2, `unexpected argument "now"`},
		{"bad fuel", []string{"--fuel", "-1"}, 2, "fuel"},
		{"bad timeout", []string{"--timeout", "soon"}, 2, "timeout"},
		{"bad address", []string{"--addr", "127.0.0.1:99999", "--results", "."}, 1, "99999"},
		{"zero body limit", []string{"--body-limit", "0"}, 2, "--body-limit must be positive"},
		{"negative body limit", []string{"--body-limit", "-5"}, 2, "--body-limit must be positive"},
		{"word body limit", []string{"--body-limit", "abc"}, 2, `invalid value "abc" for flag -body-limit`},
		{"unit body limit", []string{"--body-limit", "64Q"}, 2, `invalid value "64Q" for flag -body-limit`},
		{"huge body limit", []string{"--body-limit", "999999999"}, 2, "web: invalid config: body limit 999999999 KiB"},
		{"zero fuel", []string{"--fuel", "0"}, 2, "--fuel must be positive"},
		{"zero timeout", []string{"--timeout", "0s"}, 2, "--timeout must be positive"},
		{"zero max runs", []string{"--max-runs", "0"}, 2, "--max-runs must be positive"},
		{"bad max conns", []string{"--max-conns", "-1"}, 2, "--max-conns must be positive"},
		{"zero ask timeout", []string{"--ask-timeout", "0s"}, 2, "--ask-timeout must be positive"},
		{"huge ask timeout", []string{"--ask-timeout", "1h"}, 2, "ask timeout 1h0m0s not in (0, 5m0s]"},
		{"empty host", []string{"--allow-host", "a,,b"}, 2, "empty host name"},
		{"bad host", []string{"--allow-host", "a/b"}, 2, `allowed host "a/b" is not a host name`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb syncBuffer
			code := serve(context.Background(), tc.givenArgs, &out, &errb)
			if code != tc.expectCode || !strings.Contains(errb.String(), tc.expectErr) || strings.Count(errb.String(), "\n") != 1 {
				t.Errorf("code %d, stderr %q; want %d and one line with %q", code, errb.String(), tc.expectCode, tc.expectErr)
			}
		})
	}
}

// startServe runs the real command (signal handling included) on a free
// port and returns its base URL once it listens.
func startServe(t *testing.T, run func(args []string, stdout, stderr io.Writer) int) (string, chan int, *syncBuffer) {
	t.Helper()
	pr, pw := io.Pipe()
	var errb syncBuffer
	codes := make(chan int, 1)
	go func() {
		codes <- run([]string{"--addr", "127.0.0.1:0", "--results", t.TempDir(), "--quiet"}, pw, &errb)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no listening line: %v; stderr %s", err, errb.String())
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("no URL in %q", line)
	}
	return strings.Fields(line[i:])[0], codes, &errb
}

// TestServeStopsOnSignal sends SIGTERM and SIGINT to this process while the
// command runs: each must end it gracefully with status 0.
func TestServeStopsOnSignal(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			base, codes, errb := startServe(t, cmdServe().Run)
			resp, err := http.Post(base+"/api/run", "application/json", strings.NewReader(`{"program":"sum_1_to_n","args":[100]}`))
			if err != nil {
				t.Fatal(err)
			}
			var out struct{ Result int32 }
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if out.Result != 5050 {
				t.Errorf("sum_1_to_n(100) = %d, want 5050", out.Result)
			}
			if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
				t.Fatal(err)
			}
			select {
			case code := <-codes:
				if code != 0 {
					t.Errorf("exit %d after %v, stderr %s", code, sig, errb.String())
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("serve did not stop on %v", sig)
			}
		})
	}
}
