package kernel_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/kernel"
	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/web/browser"
)

// TestHTMLReportIsOffline exports a notebook as `make reproduce` does and
// checks that the page loads no script or stylesheet from elsewhere
// (nbconvert's stock template takes require.js and MathJax from a CDN, or on
// Debian from file:///usr/share, which a served report cannot reach) and
// that the chart it draws carries echarts inline.
func TestHTMLReportIsOffline(t *testing.T) {
	t.Parallel()
	needJupyter(t, "nbconvert", "jupyter_client")
	if !plots.EchartsBuiltIn() {
		testenv.Missing(t, "%s", plots.MissingEcharts)
	}
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	nbc := kernel.NBConvert{Python: python, Kernel: kernelBin, ResultsDir: t.TempDir(), Timeout: time.Minute}
	if err := nbc.Run(ctx, "html", out, "../notebooks/01_ir_programs.ipynb"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "01_ir_programs.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	remote := regexp.MustCompile(`(?i)<(script|link)[^>]+(src|href)\s*=\s*["']?([a-z]+:|//)`)
	if m := remote.FindString(page); m != "" {
		t.Errorf("report loads a script from elsewhere: %s", m)
	}
	if !strings.Contains(page, "echarts") || !strings.Contains(page, "collatz_length") {
		t.Errorf("report lacks its program listing or inline echarts")
	}
	// echarts once, however many charts; the stepper's script and data inline.
	if n := strings.Count(page, `if(typeof window.echarts===`); n != 1 {
		t.Errorf("report embeds echarts %d times, want once", n)
	}
	if !strings.Contains(page, "window.IrsynthStepper.mount(") || strings.Count(page, "echarts.init(") < 1 {
		t.Errorf("report lacks the stepper or a chart")
	}
	t.Logf("report: %d bytes, %d chart(s)", len(data), strings.Count(page, "echarts.init("))

	// In a browser, served as the dashboard serves reports (no other
	// host), the chart draws and the stepper steps to collatz_length(7) = 16.
	chromium, err := browser.ChromiumPath()
	if err != nil {
		testenv.Missing(t, "%v", err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}))
	defer srv.Close()
	b, err := browser.Start(ctx, browser.Options{ExecPath: chromium})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Open(srv.URL, `document.querySelector('.irsynth-stepper button[data-role=end]') !== null`, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	got, err := browser.Eval[string](b, `(function(){var s=document.querySelector('.irsynth-stepper');
		s.querySelector('button[data-role=end]').click();
		var r=s.querySelector('[data-role=result]');return r?r.textContent:''})()`)
	if err != nil || got != "16" {
		t.Errorf("the report's stepper ends at %q (%v), want 16", got, err)
	}
	ink := 0
	for deadline := time.Now().Add(10 * time.Second); ink < 2000 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ink, err = browser.Eval[int](b, browser.InkJS(".irsynth-chart canvas")); err != nil {
			t.Fatal(err)
		}
	}
	if ink < 2000 {
		t.Errorf("the report's chart drew %d pixels", ink)
	}
	for _, e := range b.Errors() {
		t.Errorf("report: console: %s", e)
	}
}
