package kernel_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/kernel"
)

// TestHTMLReportIsOffline exports a notebook as `make reproduce` does and
// checks that the page loads no script or stylesheet from elsewhere
// (nbconvert's stock template takes require.js and MathJax from a CDN, or on
// Debian from file:///usr/share, which a served report cannot reach) and
// that the chart it draws carries echarts inline.
func TestHTMLReportIsOffline(t *testing.T) {
	t.Parallel()
	needJupyter(t, "nbconvert", "jupyter_client")
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
}
