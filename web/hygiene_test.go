package web

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// serveLoopback runs s on a loopback port until the test ends and returns
// its address.
func serveLoopback(t testing.TB, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

func TestHostAndOrigin(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), AllowHosts: []string{"dash.example"}})
	run := `{"program":"sum_1_to_n","args":[3]}`
	cases := []struct {
		name          string
		method, host  string
		origin, fetch string
		expectStatus  int
		expectInBody  string
	}{
		{"loopback", "GET", "127.0.0.1:8080", "", "", 200, ""},
		{"localhost", "GET", "localhost:8080", "", "", 200, ""},
		{"ipv6 loopback", "GET", "[::1]:8080", "", "", 200, ""},
		{"allowed name", "GET", "Dash.Example", "", "", 200, ""},
		{"DNS rebinding", "GET", "attacker.example:8080", "", "", 403, `Host \"attacker.example:8080\" is not allowed`},
		{"rebinding POST", "POST", "evil.test", "", "", 403, "--allow-host"},
		{"same-origin POST", "POST", "127.0.0.1:8080", "http://127.0.0.1:8080", "", 200, ""},
		{"POST without Origin (curl)", "POST", "127.0.0.1:8080", "", "", 200, ""},
		{"cross-origin POST", "POST", "127.0.0.1:8080", "http://evil.test", "", 403, "cross-origin POST refused"},
		{"other port POST", "POST", "127.0.0.1:8080", "http://127.0.0.1:9999", "", 403, "cross-origin"},
		{"null origin POST", "POST", "127.0.0.1:8080", "null", "", 403, "cross-origin"},
		{"cross-site fetch without Origin", "POST", "127.0.0.1:8080", "", "cross-site", 403, "cross-site"},
		{"cross-origin GET is only a read", "GET", "127.0.0.1:8080", "http://evil.test", "", 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			target, body := "/api/version", ""
			if tc.method == "POST" {
				target, body = "/api/run", run
			}
			req, _ := http.NewRequest(tc.method, "http://"+tc.host+target, strings.NewReader(body))
			req.Header.Set("Content-Type", "text/plain") // what a cross-site form may send
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			if tc.fetch != "" {
				req.Header.Set("Sec-Fetch-Site", tc.fetch)
			}
			rec := serveRecorder(s, req)
			if rec.code != tc.expectStatus || !strings.Contains(rec.body, tc.expectInBody) {
				t.Fatalf("%d %s; want %d with %q", rec.code, rec.body, tc.expectStatus, tc.expectInBody)
			}
		})
	}
	// The bound address is a Host of ours too.
	s2 := newServer(t, Config{ResultsDir: t.TempDir()})
	s2.allowHosts("10.1.2.3")
	if !s2.hostAllowed("10.1.2.3:80") || s2.hostAllowed("10.1.2.4:80") || s2.hostAllowed("dash.example") {
		t.Fatal("bound address not (only) allowed")
	}
}

func TestMethodNotAllowed(t *testing.T) {
	h := newServer(t, Config{ResultsDir: fixtureResults(t)}).Handler()
	cases := []struct{ method, path, allow string }{
		{"GET", "/api/run", "POST"},
		{"PUT", "/api/run", "POST"},
		{"POST", "/api/overview", "GET"},
		{"DELETE", "/", "GET"},
		{"POST", "/charts/collatz", "GET"},
		{"POST", "/reports/phase1_programs.html", "GET"},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			rec := do(t, h, tc.method, tc.path, "")
			if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != tc.allow {
				t.Fatalf("%d Allow %q; want 405 Allow %q (%s)", rec.Code, rec.Header().Get("Allow"), tc.allow, rec.Body.String())
			}
		})
	}
	if rec := do(t, h, "POST", "/api/nope", ""); rec.Code != http.StatusNotFound {
		t.Fatalf("unknown endpoint: %d", rec.Code)
	}
}

func TestBodyLimitIsKiB(t *testing.T) {
	h := newServer(t, Config{ResultsDir: t.TempDir()}).Handler()
	pad := func(n int) string { // a valid request of exactly n bytes
		base := `{"program":"sum_1_to_n","args":[3]}`
		return base[:len(base)-1] + strings.Repeat(" ", n-len(base)) + "}"
	}
	if rec := do(t, h, "POST", "/api/run", pad(64*1024)); rec.Code != 200 {
		t.Fatalf("64 KiB body: %d %s", rec.Code, rec.Body.String())
	}
	rec := do(t, h, "POST", "/api/run", pad(64*1024+1))
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "over the 64 KiB limit") {
		t.Fatalf("64 KiB + 1: %d %s", rec.Code, rec.Body.String())
	}
}

func TestConfigValidation(t *testing.T) {
	for _, cfg := range []Config{{Fuel: -1}, {Timeout: -time.Second}, {BodyLimitKiB: -5}, {BodyLimitKiB: MaxBodyLimitKiB + 1},
		{MaxRuns: -1}, {MaxConns: -1}, {ReadTimeout: -1}, {AllowHosts: []string{""}}, {AllowHosts: []string{"a b"}}} {
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "web: invalid config") {
			t.Errorf("New(%+v) = %v, want ErrConfig", cfg, err)
		}
	}
}

// TestSlowBodyIsCut: a client that sends its body one byte at a time is
// disconnected after ReadTimeout, while other clients are served.
func TestSlowBodyIsCut(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), ReadTimeout: 300 * time.Millisecond})
	addr := serveLoopback(t, s)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /api/run HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{", addr)
	start := time.Now()
	cut := make(chan time.Duration, 1)
	go func() {
		buf := make([]byte, 1)
		for {
			if _, err := c.Write(buf[:1]); err != nil {
				cut <- time.Since(start)
				return
			}
			if _, err := c.Read(buf); err != nil { // the server answered or closed
				cut <- time.Since(start)
				return
			}
		}
	}()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	select {
	case d := <-cut:
		if d > 2*time.Second {
			t.Fatalf("slow body held for %v with a 300 ms read timeout", d)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("slow body never cut")
	}
}

// TestThousandsOfIdleConnections holds more idle connections than the cap
// (and a few thousand in all) and checks that a new client is still
// answered at once: the listener closes the longest-idle connection.
func TestThousandsOfIdleConnections(t *testing.T) {
	var rl syscall.Rlimit
	syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl)
	idle := 3000
	if need := uint64(2*idle + 200); rl.Cur < need {
		t.Fatalf("file-descriptor limit %d < %d: raise ulimit -n to run this test", rl.Cur, need)
	}
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxConns: 1000})
	addr := serveLoopback(t, s)
	conns := make([]net.Conn, 0, idle)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range idle {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatalf("dial %d: %v", len(conns), err)
		}
		conns = append(conns, c)
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var slowest time.Duration
	defer func() { t.Logf("%d idle connections, cap 1000: slowest of 20 new requests %v", idle, slowest) }()
	for i := range 20 {
		t0 := time.Now()
		resp, err := client.Post("http://"+addr+"/api/run", "application/json", strings.NewReader(`{"program":"sum_1_to_n","args":[100]}`))
		if err != nil {
			t.Fatalf("request %d with %d idle connections open: %v", i, idle, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), `"result":5050`) {
			t.Fatalf("request %d: %d %s", i, resp.StatusCode, b)
		}
		d := time.Since(t0)
		if d > 2*time.Second {
			t.Fatalf("request %d took %v", i, d)
		}
		slowest = max(slowest, d)
	}
	if n := s.openConns(); n > 1000 {
		t.Fatalf("%d connections held, cap 1000", n)
	}
	// The process holds the clients' 3000 descriptors and at most the
	// cap's on the server side (uncapped it would hold 6000).
	if fds, err := os.ReadDir("/proc/self/fd"); err == nil && len(fds) > idle+1000+100 {
		t.Fatalf("%d file descriptors open: the server holds more than its 1000 connections", len(fds))
	}
}

// TestSlowlorisHeaders: connections that trickle in a request header and
// never finish it (they count as active, not idle) still give way to a new
// client at the cap.
func TestSlowlorisHeaders(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxConns: 50, ReadTimeout: time.Minute})
	addr := serveLoopback(t, s)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 200 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: %s\r\nX-Slow: ", addr) // never finished
	}
	time.Sleep(100 * time.Millisecond) // let the server read what they sent
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for i := range 10 {
		resp, err := client.Get("http://" + addr + "/api/version")
		if err != nil {
			t.Fatalf("request %d beside 200 slowloris connections: %v", i, err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("request %d: %d", i, resp.StatusCode)
		}
	}
	if n := s.openConns(); n > 50 {
		t.Fatalf("%d connections held, cap 50", n)
	}
}

// TestBrokenRecordsSameErrorEverywhere puts a FIFO, a truncated file and
// invalid records in results/ and checks that every page and API that uses
// them answers at once, names the same error, never says "not run yet" for
// them and never answers 500.
func TestBrokenRecordsSameErrorEverywhere(t *testing.T) {
	cases := []struct {
		name, file string
		make       func(path string) error
		expect     string
		charts     []string // charts drawn from the file
	}{
		{"FIFO", results.Phase1File, func(p string) error { return syscall.Mkfifo(p, 0o644) }, "named pipe (FIFO)", []string{"collatz"}},
		{"truncated", results.Phase3File, writeString(`{"train_class_acc": 0.5, "history": [`), "malformed JSON", []string{"classifier-history", "confusion"}},
		{"NaN", results.Phase3File, writeString(`{"train_class_acc": NaN}`), "malformed JSON", []string{"confusion"}},
		{"ragged confusion", results.Phase3File, writeString(`{"confusion": {"labels": ["a","b","c"], "matrix": [[1,2],[3]]}}`), "confusion: 3 labels but 2 rows", []string{"confusion"}},
		{"shapes", results.Phase1File, writeString(`{"collatz": {"numbers": [1,2,3], "lengths": [1]}}`), "collatz: 3 numbers but 1 lengths", []string{"collatz"}},
		{"negative lengths", results.Phase4File, writeString(`{"generated_lengths": [-5], "target_lengths": [2000000000]}`), "generated_lengths[0] = -5", []string{"lengths", "decoder-history"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := fixtureResults(t)
			path := filepath.Join(dir, tc.file)
			os.Remove(path)
			if err := tc.make(path); err != nil {
				t.Fatal(err)
			}
			h := newServer(t, Config{ResultsDir: dir}).Handler()
			check := func(target string, wantStatus int) string {
				t.Helper()
				done := make(chan *httptestRecorder, 1)
				go func() { done <- recorderOf(do(t, h, "GET", target, "")) }()
				select {
				case rec := <-done:
					body := rec.body
					if rec.code != wantStatus || rec.code >= 500 || !strings.Contains(body, tc.expect) || !strings.Contains(body, tc.file) {
						t.Errorf("GET %s: %d, want %d naming %s and %q: %.300s", target, rec.code, wantStatus, tc.file, tc.expect, body)
					}
					return body
				case <-time.After(5 * time.Second):
					t.Fatalf("GET %s blocked", target)
				}
				return ""
			}
			check("/", 200)
			check("/api/overview", 200)
			if plots.EchartsBuiltIn() { // else /charts says only that echarts is missing (TestPages)
				check("/charts", 200)
			}
			check("/api/charts", 200)
			for _, id := range tc.charts {
				check("/api/charts/"+id, http.StatusConflict)
				check("/charts/"+id, http.StatusConflict)
			}
			// The overview marks the phase broken, not "not run yet".
			ov := decode(t, do(t, h, "GET", "/api/overview", ""))
			for _, p := range ov["phases"].([]any) {
				ph := p.(map[string]any)
				if ph["file"] != tc.file {
					continue
				}
				if !strings.Contains(fmt.Sprint(ph["error"]), tc.expect) {
					t.Errorf("phase error %q", ph["error"])
				}
				for _, r := range ph["rows"].([]any) {
					if ours := r.(map[string]any)["ours"]; ours != brokenRecord {
						t.Errorf("row %v shows %q, want %q", r, ours, brokenRecord)
					}
				}
			}
			// The charts page does not call a broken file "not run yet".
			charts := decode(t, do(t, h, "GET", "/api/charts", ""))
			for _, c := range charts["charts"].([]any) {
				ci := c.(map[string]any)
				for _, id := range tc.charts {
					if ci["id"] == id && (ci["available"] == true || !strings.Contains(fmt.Sprint(ci["reason"]), tc.expect)) {
						t.Errorf("chart %s: %v", id, ci)
					}
				}
			}
		})
	}
}

func TestFIFOReportDoesNotBlock(t *testing.T) {
	dir := fixtureResults(t)
	if err := syscall.Mkfifo(filepath.Join(dir, results.ReportsSubdir, "wedge.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newServer(t, Config{ResultsDir: dir}).Handler()
	for _, target := range []string{"/reports/wedge.html", "/reports", "/api/reports", "/api/version"} {
		done := make(chan int, 1)
		go func() { done <- do(t, h, "GET", target, "").Code }()
		select {
		case code := <-done:
			if code != 200 && code != 404 || target == "/reports/wedge.html" && code != 404 {
				t.Errorf("GET %s: %d", target, code)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("GET %s blocked on a FIFO", target)
		}
	}
}

func writeString(s string) func(string) error {
	return func(p string) error { return os.WriteFile(p, []byte(s), 0o644) }
}

type httptestRecorder struct {
	code int
	body string
}

func recorderOf(r interface {
	Result() *http.Response
}) *httptestRecorder {
	resp := r.Result()
	b, _ := io.ReadAll(resp.Body)
	return &httptestRecorder{code: resp.StatusCode, body: string(b)}
}

func serveRecorder(s *Server, req *http.Request) *httptestRecorder {
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return recorderOf(rec)
}
