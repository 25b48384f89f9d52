package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/web/browser"
)

const askText = "What is 1 + 2 + ... + 100?"

// TestBrowser serves the fixture results on 127.0.0.1 and tours the
// dashboard in headless Chromium: no console errors on any page, ink on
// every chart's canvas, and a playground round trip with DESIGN.md's
// known value sum_1_to_n(100) = 5050. Set IRSYNTH_SCREENSHOTS=DIR to keep
// the screenshots. On CI (CI=true) a missing Chromium fails the test.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := browser.ChromiumPath()
	if err != nil {
		testenv.Missing(t, "%v", err)
	}
	if !plots.EchartsBuiltIn() {
		testenv.Missing(t, "%s", plots.MissingEcharts)
	}
	dir := fixtureResults(t)
	trainClassifier(t, dir)
	s := newServer(t, Config{ResultsDir: dir})
	addr := serveLoopback(t, s)

	b, err := browser.Start(context.Background(), browser.Options{ExecPath: path})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	shots := os.Getenv("IRSYNTH_SCREENSHOTS")
	if shots != "" && !filepath.IsAbs(shots) {
		shots = filepath.Join("..", shots) // relative to the module root
	}
	res, err := browser.Tour(b, "http://"+addr, browser.TourOptions{
		RunProgram: "sum_1_to_n", RunArgs: "100",
		BadIR:    "START\n  CONST_1\n  I32_ADD   # needs two operands\nEND",
		Ask:      askText,
		ShotsDir: shots, Timeout: 20 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res.Summary())
	want := []string{"overview", "charts", "playground", "playground-error", "playground-ask", "reports"}
	if len(res.Pages) != len(want) {
		t.Fatalf("visited %d pages, want %v", len(res.Pages), want)
	}
	for i, p := range res.Pages {
		if p.Name != want[i] {
			t.Errorf("page %d is %s, want %s", i, p.Name, want[i])
		}
		for _, e := range p.Errors {
			t.Errorf("%s: console: %s", p.Name, e)
		}
	}
	// Every chart the fixtures feed must have drawn; a blank canvas has 0 ink.
	if len(res.Ink) != len(plots.Specs()) {
		t.Errorf("charts drawn: %v, want %d", res.Ink, len(plots.Specs()))
	}
	for id, n := range res.Ink {
		if n < 2000 {
			t.Errorf("chart %s drew only %d pixels", id, n)
		}
	}
	if res.RunValue != "5050" || res.RunText != "sum_1_to_n(100) = 5050" {
		t.Errorf("playground shows %q (value %q), want sum_1_to_n(100) = 5050", res.RunText, res.RunValue)
	}
	if res.BadOp != "I32_ADD" || len(res.Pages[3].Expected) != 1 {
		t.Errorf("playground marked %q, want I32_ADD (message %q)", res.BadOp, res.BadMessage)
	}
	// The page shows what the API answers for the same request.
	api := do(t, s.Handler(), "POST", "/api/ask", `{"text":`+quote(askText)+`}`)
	var out AskResponse
	if err := json.Unmarshal(api.Body.Bytes(), &out); err != nil || out.Run == nil {
		t.Fatalf("/api/ask: %d %s", api.Code, api.Body.String())
	}
	if res.AskValue != fmt.Sprint(out.Run.Result) || !strings.Contains(res.Asked, out.Predicted) {
		t.Errorf("playground asked %q -> %q (%s); API says %s%v = %d", askText, res.AskValue, res.Asked, out.Predicted, out.Operands, out.Run.Result)
	}
	resp, err := http.Get("http://" + addr + "/api/version")
	if err != nil {
		t.Fatalf("server stopped answering after the tour: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("after the tour, /api/version answers %d", resp.StatusCode)
	}

	// A chart on its own page, echarts linked or inline.
	for _, path := range []string{"/charts/confusion", "/charts/confusion?inline=1"} {
		if err := b.Open("http://"+addr+path, "document.querySelector('.irsynth-chart canvas') !== null", 20*time.Second); err != nil {
			t.Fatal(err)
		}
		ink := 0
		for deadline := time.Now().Add(10 * time.Second); ink < 2000 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if ink, err = browser.Eval[int](b, browser.InkJS(".irsynth-chart canvas")); err != nil {
				t.Fatal(err)
			}
		}
		if ink < 2000 {
			t.Errorf("%s drew %d pixels", path, ink)
		}
		for _, e := range b.Errors() {
			t.Errorf("%s: console: %s", path, e)
		}
	}

	// Charts follow the files: remove the synthesis record, the chart
	// gives way to "not run yet"; put it back, it draws again.
	rec, err := os.ReadFile(filepath.Join(dir, results.Phase5File))
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Open("http://"+addr+"/charts", "document.body.dataset.chartsVersion !== undefined", 20*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, results.Phase5File)); err != nil {
		t.Fatal(err)
	}
	waitJS := func(expr string) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			ok, err := browser.Eval[bool](b, expr)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("page never reached %s", expr)
			}
		}
	}
	waitJS(`!document.getElementById('none-synthesis').hidden && document.getElementById('chart-synthesis').hidden`)
	if err := results.WriteFile(filepath.Join(dir, results.Phase5File), rec); err != nil {
		t.Fatal(err)
	}
	waitJS(`document.getElementById('none-synthesis').hidden && (` + browser.InkJS("#chart-synthesis canvas") + `) > 2000`)

	for _, e := range b.Errors() {
		t.Errorf("charts redraw: console: %s", e)
	}

	// The notebook form: a lib/plots Fragment alone in a page whose policy
	// allows no request at all must still draw (echarts is inline).
	ld := s.recs.get()
	if ld.err != nil {
		t.Fatal(ld.err)
	}
	ch, err := plots.Collatz(ld.recs.P1)
	if err != nil {
		t.Fatal(err)
	}
	frag, err := ch.Fragment()
	if err != nil {
		t.Fatal(err)
	}
	offline := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>fragment</title></head><body>"+frag+"</body></html>")
	}))
	defer offline.Close()
	if err := b.Open(offline.URL, "document.querySelector('.irsynth-chart canvas') !== null", 20*time.Second); err != nil {
		t.Fatal(err)
	}
	ink := 0
	for deadline := time.Now().Add(10 * time.Second); ink == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ink, err = browser.Eval[int](b, browser.InkJS(".irsynth-chart canvas")); err != nil {
			t.Fatal(err)
		}
	}
	if ink < 2000 {
		t.Errorf("Fragment drew %d pixels offline", ink)
	}
	for _, e := range b.Errors() {
		t.Errorf("Fragment page: console: %s", e)
	}
}
