package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// fixtureResults copies lib/plots' hand-written records into a fresh
// results directory, with one report, so tests may change it.
func fixtureResults(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "lib", "plots", "testdata", "results")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := results.WriteFile(filepath.Join(dir, e.Name()), b); err != nil {
			t.Fatal(err)
		}
	}
	report := []byte("<!DOCTYPE html><html><head><title>phase1</title></head><body><h1>Phase 1 report</h1></body></html>")
	if err := results.WriteFile(filepath.Join(dir, results.ReportsSubdir, "phase1_programs.html"), report); err != nil {
		t.Fatal(err)
	}
	return dir
}

func newServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func do(t testing.TB, h http.Handler, method, target string, body string) *httptest.ResponseRecorder {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	req.Host = "127.0.0.1" // httptest's example.com is not a Host the server answers to
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decode(t testing.TB, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("response is not JSON (%d): %v\n%s", rec.Code, err, rec.Body.String())
	}
	return m
}

func libraryIR(t testing.TB, name string) string {
	sp, ok := ir.LibraryProgram(name)
	if !ok {
		t.Fatalf("library has no %s", name)
	}
	return sp.String()
}

func TestRun(t *testing.T) {
	s := newServer(t, Config{ResultsDir: fixtureResults(t)})
	h := s.Handler()
	sumIR := libraryIR(t, "sum_1_to_n")
	type errWant struct {
		kind, op, rule string
		index          int
	}
	tests := []struct {
		name         string
		givenBody    string
		expectStatus int
		expectResult int32
		expectErr    *errWant
	}{
		// Known values from DESIGN.md.
		{"sum by name", `{"program":"sum_1_to_n","args":[100]}`, 200, 5050, nil},
		{"sum as IR", `{"ir":` + quote(sumIR) + `,"args":[1000]}`, 200, 500500, nil},
		{"sum_a_to_b", `{"program":"sum_a_to_b","args":[5,15]}`, 200, 110, nil},
		{"factorial", `{"program":"factorial","args":[10]}`, 200, 3628800, nil},
		{"power", `{"program":"power","args":[2,20]}`, 200, 1048576, nil},
		{"collatz 27", `{"program":"collatz_length","args":[27]}`, 200, 111, nil},
		{"collatz 1", `{"program":"collatz_length","args":[1]}`, 200, 0, nil},
		{"stack underflow", `{"ir":"START CONST_1 I32_ADD END","args":[]}`, 422, 0, &errWant{"validation", "I32_ADD", "stack underflow", 2}},
		{"unknown opcode", `{"ir":"START\nFOO END","args":[]}`, 422, 0, &errWant{"validation", "FOO", "unknown opcode", 1}},
		{"malformed JSON", `{"program":`, 400, 0, &errWant{kind: "json"}},
		{"not an object", `[1,2]`, 400, 0, &errWant{kind: "json"}},
		{"unknown field", `{"program":"sum_1_to_n","args":[1],"fuel":5}`, 400, 0, &errWant{kind: "json"}},
		{"trailing data", `{"program":"sum_1_to_n","args":[1]} {}`, 400, 0, &errWant{kind: "json"}},
		{"arg not int32", `{"program":"sum_1_to_n","args":[3000000000]}`, 400, 0, &errWant{kind: "json"}},
		{"empty body", ``, 400, 0, &errWant{kind: "json"}},
		{"both", `{"program":"sum_1_to_n","ir":"START CONST_1 END","args":[1]}`, 400, 0, &errWant{kind: "request"}},
		{"neither", `{"args":[1]}`, 400, 0, &errWant{kind: "request"}},
		{"too few args", `{"program":"power","args":[2]}`, 400, 0, &errWant{kind: "args"}},
		{"too many args", `{"program":"sum_1_to_n","args":[1,2]}`, 400, 0, &errWant{kind: "args"}},
		{"unknown program", `{"program":"no_such","args":[]}`, 404, 0, &errWant{kind: "unknown_program"}},
		{"endless loop", `{"ir":"START LOOP_BEGIN CONST_1 BR_IF LOOP_END CONST_0 END","args":[]}`, 422, 0, &errWant{kind: "fuel"}},
		{"divide by zero", `{"ir":"START SLOT_0 CONST_0 I32_DIV_S END","args":[7]}`, 422, 0, &errWant{kind: "trap"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, http.MethodPost, "/api/run", tc.givenBody)
			m := decode(t, rec)
			if rec.Code != tc.expectStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.expectStatus, rec.Body.String())
			}
			if tc.expectErr == nil {
				if got := int32(m["result"].(float64)); got != tc.expectResult {
					t.Errorf("result %d, want %d", got, tc.expectResult)
				}
				if !strings.HasPrefix(m["wasm_hex"].(string), "0061736d01000000") || !strings.Contains(m["wat"].(string), "(module") {
					t.Errorf("no WASM bytes or WAT in %v", m)
				}
				return
			}
			e, ok := m["error"].(map[string]any)
			if !ok {
				t.Fatalf("no error object: %s", rec.Body.String())
			}
			if e["kind"] != tc.expectErr.kind || e["message"] == "" || int(e["status"].(float64)) != tc.expectStatus {
				t.Errorf("error %v, want kind %s", e, tc.expectErr.kind)
			}
			if tc.expectErr.kind == "validation" {
				if e["op"] != tc.expectErr.op || e["rule"] != tc.expectErr.rule || int(e["index"].(float64)) != tc.expectErr.index {
					t.Errorf("validation error %v, want op %s rule %s index %d", e, tc.expectErr.op, tc.expectErr.rule, tc.expectErr.index)
				}
				var body RunRequest
				json.Unmarshal([]byte(tc.givenBody), &body)
				span := e["span"].([]any)
				if got := body.IR[int(span[0].(float64)):int(span[1].(float64))]; got != tc.expectErr.op {
					t.Errorf("span %v covers %q, want %q", span, got, tc.expectErr.op)
				}
			}
		})
	}
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestRunLimits(t *testing.T) {
	t.Run("body limit", func(t *testing.T) {
		s := newServer(t, Config{ResultsDir: t.TempDir(), BodyLimitKiB: 1})
		big := `{"ir":"` + strings.Repeat("CONST_1 ", 200) + `","args":[]}`
		rec := do(t, s.Handler(), http.MethodPost, "/api/run", big)
		if rec.Code != http.StatusRequestEntityTooLarge || decode(t, rec)["error"].(map[string]any)["kind"] != "too_large" {
			t.Errorf("status %d body %s, want 413 too_large", rec.Code, rec.Body.String())
		}
	})
	t.Run("time limit", func(t *testing.T) {
		// The most fuel there is but 1 ms of wall clock: 2^31 units
		// (seconds of work) cannot finish.
		s := newServer(t, Config{ResultsDir: t.TempDir(), Fuel: math.MaxInt32, Timeout: time.Millisecond})
		// A garbage collection that starts during the call stops the
		// watchdog until the call returns (compiled WebAssembly has no
		// preemption points; RATIONALE.md, "Why does the dashboard run programs in two lanes"), and then this
		// much fuel runs out first. That is why the server's default fuel is
		// small; here no collection may start, so the clock is what is tested.
		runtime.GC()
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		body := strings.Repeat("LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0 ", 50)
		loop := `{"ir":"START LOOP_BEGIN ` + body + `CONST_1 BR_IF LOOP_END CONST_0 END","args":[]}`
		rec := do(t, s.Handler(), http.MethodPost, "/api/run", loop)
		if rec.Code != http.StatusUnprocessableEntity || decode(t, rec)["error"].(map[string]any)["kind"] != "timeout" {
			t.Errorf("status %d body %s, want 422 timeout", rec.Code, rec.Body.String())
		}
		// The server carries on. A 1 ms limit can also catch a short call
		// that the OS deschedules (under -race on a loaded machine), so
		// the server must answer one of a few tries, not the first.
		ok := false
		for try := 0; try < 10 && !ok; try++ {
			rec = do(t, s.Handler(), http.MethodPost, "/api/run", `{"program":"sum_1_to_n","args":[10]}`)
			ok = rec.Code == 200 && decode(t, rec)["result"] == 55.0
		}
		if !ok {
			t.Errorf("after a timeout, 10 tries: last %d %s", rec.Code, rec.Body.String())
		}
	})
	t.Run("bad config", func(t *testing.T) {
		for _, cfg := range []Config{{Fuel: -1}, {Timeout: -time.Second}, {Fuel: math.MaxInt32 + 1}} {
			if _, err := New(cfg); err == nil {
				t.Errorf("New(%+v) accepted", cfg)
			}
		}
	})
}

func TestPages(t *testing.T) {
	full := newServer(t, Config{ResultsDir: fixtureResults(t)}).Handler()
	empty := newServer(t, Config{ResultsDir: t.TempDir()}).Handler()
	tests := []struct {
		name         string
		given        http.Handler
		path         string
		expectStatus int
		expectHas    []string
	}{
		{"overview", full, "/", 200, []string{"Phase 1", "13 of 20", "49 of 100", "40 / 10", "800 / 50", "90.0%", "67.5%", "2 of 3", "solved in 3.20 s, right on all 20 fresh inputs"}},
		{"overview empty", empty, "/", 200, []string{"not run yet", "49 of 100", "8 of 11"}},
		{"charts", full, "/charts", 200, []string{`data-chart="collatz"`, `/static/echarts.min.js`, "/static/charts.js"}},
		{"charts empty", empty, "/charts", 200, []string{"not run yet"}},
		{"playground", full, "/playground", 200, []string{`<option value="sum_1_to_n"`, `data-example="10"`, "/static/playground.js"}},
		{"reports", full, "/reports", 200, []string{`href="/reports/phase1_programs.html"`}},
		{"reports empty", empty, "/reports", 200, []string{"No reports yet"}},
		{"report", full, "/reports/phase1_programs.html", 200, []string{"Phase 1 report"}},
		{"chart page", full, "/charts/collatz", 200, []string{`<script src="/static/echarts.min.js">`, "setOption"}},
		{"chart page inline", full, "/charts/confusion?inline=1", 200, []string{"setOption", "Apache"}},
		{"chart page no data", empty, "/charts/lengths", 404, []string{"not run yet"}},
		{"no such page", full, "/nope", 404, []string{"404"}},
		{"static css", full, "/static/style.css", 200, []string{"--accent"}},
		{"echarts", full, "/static/echarts.min.js", 200, []string{"echarts"}},
	}
	// Pages that draw charts need the echarts built in (TestChartsWithoutEcharts
	// covers the pages without it).
	drawsCharts := map[string]bool{"charts": true, "charts empty": true, "chart page": true, "chart page inline": true, "echarts": true}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if drawsCharts[tc.name] && !plots.EchartsBuiltIn() {
				testenv.Missing(t, "%s", plots.MissingEcharts)
			}
			rec := do(t, tc.given, http.MethodGet, tc.path, "")
			if rec.Code != tc.expectStatus {
				t.Fatalf("GET %s: %d, want %d\n%.500s", tc.path, rec.Code, tc.expectStatus, rec.Body.String())
			}
			for _, want := range tc.expectHas {
				if !strings.Contains(rec.Body.String(), want) {
					t.Errorf("GET %s lacks %q", tc.path, want)
				}
			}
			if strings.Contains(strings.ToLower(rec.Body.String()), "cdn.") {
				t.Errorf("GET %s names a CDN", tc.path)
			}
		})
	}
}

// TestNoTraversal asks for files outside the static and reports
// directories in the ways a client can spell "..".
func TestNoTraversal(t *testing.T) {
	dir := fixtureResults(t)
	secret := "TOP-SECRET-" + t.Name()
	if err := os.WriteFile(filepath.Join(dir, "secret.html"), []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newServer(t, Config{ResultsDir: dir}).Handler()
	for _, path := range []string{
		"/static/../web.go", "/static/..%2fweb.go", "/static/%2e%2e/web.go", "/static/%2e%2e%2f%2e%2e%2fgo.mod",
		"/static/..%5cweb.go", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
		"/reports/..%2fsecret.html", "/reports/%2e%2e%2fsecret.html", "/reports/../secret.html", "/reports/.secret.html",
		"/reports/..%2f..%2f..%2fweb%2fweb.go", "/reports/phase1.json",
	} {
		t.Run(path, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Host = "127.0.0.1"
			req.URL.Path, req.URL.RawPath = "", path
			if u, err := req.URL.Parse(path); err == nil {
				req.URL = u
			}
			req.RequestURI = path
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != http.StatusNotFound || strings.Contains(body, secret) || strings.Contains(body, "package web") || strings.Contains(body, "root:") {
				t.Errorf("GET %s: %d, body %.200q", path, rec.Code, body)
			}
		})
	}
}

func TestAPI(t *testing.T) {
	dir := fixtureResults(t)
	h := newServer(t, Config{ResultsDir: dir}).Handler()

	rec := do(t, h, http.MethodGet, "/api/charts", "")
	m := decode(t, rec)
	v1 := m["version"].(string)
	if n := len(m["charts"].([]any)); rec.Code != 200 || n != 9 { // the 9 charts of plots.Specs
		t.Fatalf("/api/charts: %d, %d charts", rec.Code, n)
	}
	rec = do(t, h, http.MethodGet, "/api/charts/collatz", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"yAxis":100`) {
		t.Errorf("/api/charts/collatz: %d %.200s", rec.Code, rec.Body.String())
	}
	for path, status := range map[string]int{"/api/charts/nope": 404, "/api/nope": 404, "/api/programs/nope": 404} {
		rec = do(t, h, http.MethodGet, path, "")
		if rec.Code != status || decode(t, rec)["error"] == nil {
			t.Errorf("GET %s: %d %s", path, rec.Code, rec.Body.String())
		}
	}
	rec = do(t, h, http.MethodGet, "/api/programs", "")
	progs := decode(t, rec)["programs"].([]any)
	if len(progs) != len(ir.Library()) || progs[0].(map[string]any)["name"] != "sum_1_to_n" {
		t.Errorf("/api/programs: %d programs, first %v", len(progs), progs[0])
	}
	rec = do(t, h, http.MethodGet, "/api/programs/gcd", "")
	if p := decode(t, rec); rec.Code != 200 || !strings.Contains(p["wat"].(string), "(module") {
		t.Errorf("/api/programs/gcd: %d", rec.Code)
	}
	rec = do(t, h, http.MethodGet, "/api/reports", "")
	if reps := decode(t, rec)["reports"].([]any); len(reps) != 1 {
		t.Errorf("/api/reports: %v", reps)
	}
	rec = do(t, h, http.MethodGet, "/api/overview", "")
	ov := decode(t, rec)
	if ph := ov["phases"].([]any); len(ph) != 6 || ph[1].(map[string]any)["present"] != true {
		t.Errorf("/api/overview phases: %v", ph)
	}

	// A results file changes: the version moves and the chart follows.
	if err := os.Remove(filepath.Join(dir, results.Phase4File)); err != nil {
		t.Fatal(err)
	}
	rec = do(t, h, http.MethodGet, "/api/version", "")
	if v2 := decode(t, rec)["version"].(string); v2 == v1 {
		t.Errorf("version %s unchanged after removing %s", v2, results.Phase4File)
	}
	rec = do(t, h, http.MethodGet, "/api/charts/lengths", "")
	if rec.Code != 404 || decode(t, rec)["error"].(map[string]any)["kind"] != "no_data" {
		t.Errorf("/api/charts/lengths without phase 4: %d %s", rec.Code, rec.Body.String())
	}
	// A malformed file is reported, not fatal.
	if err := os.WriteFile(filepath.Join(dir, results.Phase3File), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	rec = do(t, h, http.MethodGet, "/", "")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "malformed JSON") {
		t.Errorf("overview with a malformed file: %d", rec.Code)
	}
}

func TestGracefulShutdown(t *testing.T) {
	s := newServer(t, Config{ResultsDir: t.TempDir()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	resp, err := http.Post(url+"/api/run", "application/json", bytes.NewBufferString(`{"program":"sum_1_to_n","args":[100]}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get(url + "/"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestThousands(t *testing.T) {
	for given, expect := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1000000: "1,000,000", -12345: "-12,345"} {
		if got := thousands(given); got != expect {
			t.Errorf("thousands(%d) = %q, want %q", given, got, expect)
		}
	}
}

// TestOverviewTasks: the overview's OEIS section shows the fixture
// records' totals, the synthesizer's beside the guesser's.
func TestOverviewTasks(t *testing.T) {
	recs, err := plots.Load(fixtureResults(t))
	if err != nil {
		t.Fatal(err)
	}
	ph := tasksPhase(recs)
	if !ph.Present || len(ph.Rows) != 4 {
		t.Fatalf("phase %+v", ph)
	}
	solved, wrong := 0, 0
	for _, k := range recs.Tasks.Tasks {
		switch k.Outcome {
		case "solved":
			solved++
		case "wrong":
			wrong++
		}
	}
	gs := 0
	for _, k := range recs.TasksGuess.Tasks {
		if k.Outcome == "solved" {
			gs++
		}
	}
	n := len(recs.Tasks.Tasks)
	if want := fmt.Sprintf("%d of %d", solved, n); !strings.HasPrefix(ph.Rows[0].Ours, want) {
		t.Errorf("solved row %q, want %q", ph.Rows[0].Ours, want)
	}
	if want := fmt.Sprintf("%d of %d", wrong, n); !strings.HasPrefix(ph.Rows[1].Ours, want) {
		t.Errorf("wrong row %q, want %q", ph.Rows[1].Ours, want)
	}
	if want := fmt.Sprintf("%d of %d", gs, len(recs.TasksGuess.Tasks)); !strings.HasPrefix(ph.Rows[0].Study, want) {
		t.Errorf("guesser row %q, want %q", ph.Rows[0].Study, want)
	}
}

// The phase-5 section counts wrong and ambiguous answers (from the table's
// own rows, not the record's totals) and never shows a negative time for a
// collatz_length that was not solved.
func TestOverviewPhase5Honest(t *testing.T) {
	p5 := &results.Phase5{
		Total:            3,
		CollatzTimes:     []float64{-1, -1, 4.2},
		CollatzMedianSec: -1,
		Rows: []results.SynthRow{
			{Name: "collatz_length", Guided: results.SynthResult{Status: "not_found"}},
			{Name: "lcm", Guided: results.SynthResult{Status: "solved", Found: true, Wrong: true}},
			{Name: "fibonacci", Guided: results.SynthResult{Status: "ambiguous"}},
		},
	}
	wrong, ambiguous := 0, 0
	for _, r := range p5.Rows {
		if r.Guided.Wrong {
			wrong++
		}
		if r.Guided.Status == "ambiguous" {
			ambiguous++
		}
	}
	p5.Wrong, p5.Ambiguous = wrong, ambiguous
	dir := t.TempDir()
	b, err := json.Marshal(p5)
	if err != nil {
		t.Fatal(err)
	}
	if err := results.WriteFile(filepath.Join(dir, results.Phase5File), b); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, Config{ResultsDir: dir})
	body := do(t, s.Handler(), http.MethodGet, "/", "").Body.String()
	for _, want := range []string{"1 of 3", "not solved in the median of 3 runs"} {
		if !strings.Contains(body, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if strings.Contains(body, "-1.00 s") {
		t.Error("overview shows a negative median time")
	}
	if !strings.Contains(body, "wrong on a fresh input") {
		t.Error("overview has no row for wrong answers")
	}
}
