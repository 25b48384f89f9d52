package web

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/plots"
)

// TestChartsWithoutEcharts: when echarts cannot be had, the charts pages
// say why instead of drawing empty chart areas.
func TestChartsWithoutEcharts(t *testing.T) {
	t.Setenv(plots.EchartsEnv, filepath.Join(t.TempDir(), "none.js"))
	h := newServer(t, Config{ResultsDir: fixtureResults(t)}).Handler()
	rec := do(t, h, http.MethodGet, "/charts", "")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, `id="no-echarts"`) || !strings.Contains(body, plots.EchartsEnv) {
		t.Errorf("/charts: %d, want the reason echarts is missing:\n%.600s", rec.Code, body)
	}
	if strings.Contains(body, `data-chart="collatz"`) || strings.Contains(body, "/static/charts.js") {
		t.Errorf("/charts draws chart areas without echarts")
	}
	rec = do(t, h, http.MethodGet, "/charts/collatz", "")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "echarts") {
		t.Errorf("/charts/collatz: %d %.300s, want 503 naming echarts", rec.Code, rec.Body.String())
	}
}
