package plots

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/results"
)

var update = flag.Bool("update", false, "rewrite the golden option files under testdata/golden")

const fixtureDir = "testdata/results"

func fixtures(t *testing.T) Records {
	t.Helper()
	r, err := Load(fixtureDir)
	if err != nil {
		t.Fatalf("Load(%s): %v", fixtureDir, err)
	}
	if r.P1 == nil || r.P2 == nil || r.P3 == nil || r.P4 == nil || r.P5 == nil {
		t.Fatalf("Load(%s): a fixture record is missing: %+v", fixtureDir, r)
	}
	return r
}

// TestGoldenOptions compares each chart's option JSON with its golden file.
func TestGoldenOptions(t *testing.T) {
	r := fixtures(t)
	for _, s := range Specs() {
		t.Run(s.ID, func(t *testing.T) {
			c, err := Build(s.ID, r)
			if err != nil {
				t.Fatalf("Build(%s): %v", s.ID, err)
			}
			m, err := c.OptionMap()
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(m, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", s.ID+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./lib/plots -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("option JSON of %s differs from %s (go test ./lib/plots -update to accept):\n%s", s.ID, path, got)
			}
		})
	}
}

// option decodes a chart's option JSON for checks against the fixtures.
func option(t *testing.T, c *Chart) map[string]any {
	t.Helper()
	b, err := c.Option()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("Option is not JSON: %v\n%s", err, b)
	}
	return m
}

func seriesValues(t *testing.T, opt map[string]any, name string) []any {
	t.Helper()
	for _, s := range opt["series"].([]any) {
		s := s.(map[string]any)
		if s["name"] == name {
			var out []any
			for _, d := range s["data"].([]any) {
				out = append(out, d.(map[string]any)["value"])
			}
			return out
		}
	}
	t.Fatalf("no series %q in option", name)
	return nil
}

// TestCollatzSplitsAtThreshold checks the bars against lengths computed
// here by a native Collatz loop, independent of the fixture's lengths.
func TestCollatzSplitsAtThreshold(t *testing.T) {
	r := fixtures(t)
	c, err := Collatz(r.P1)
	if err != nil {
		t.Fatal(err)
	}
	opt := option(t, c)
	low, high := seriesValues(t, opt, "≤ 100"), seriesValues(t, opt, "> 100")
	over := 0
	for i, n := range r.P1.Collatz.Numbers {
		steps := 0
		for x := int64(n); x != 1; steps++ {
			if x%2 == 0 {
				x /= 2
			} else {
				x = 3*x + 1
			}
		}
		var got any = high[i]
		if steps <= 100 {
			got = low[i]
			if high[i] != missing {
				t.Errorf("number %d (length %d) also has a > 100 bar %v", n, steps, high[i])
			}
		} else {
			over++
			if low[i] != missing {
				t.Errorf("number %d (length %d) also has a ≤ 100 bar %v", n, steps, low[i])
			}
		}
		if got != float64(steps) {
			t.Errorf("number %d: bar %v, native Collatz length %d", n, got, steps)
		}
	}
	if over != r.P1.Collatz.CountGT100 {
		t.Errorf("%d bars over 100, record says count_gt_100 = %d", over, r.P1.Collatz.CountGT100)
	}
	if !strings.Contains(string(mustJSON(t, opt["series"])), `"yAxis":100`) {
		t.Errorf("no mark line at 100 in %s", mustJSON(t, opt["series"]))
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAccuracyShowsStudyBesideOurs(t *testing.T) {
	tests := []struct {
		name         string
		given        Records
		expectOurs   []any // ours: train
		expectHeld   []any // ours: held-out
		expectStudyT []any
	}{
		{"nothing run", Records{}, []any{"-", "-", "-", "-"}, []any{"-", "-", "-", "-"}, []any{67.5, 62.0, "-", "-"}},
		{"fixtures", fixtures(t), []any{90.0, 80.0, 85.0, "-"}, []any{0.0, 0.0, 20.0, 66.7}, []any{67.5, 62.0, "-", "-"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Accuracy(tc.given.P3, tc.given.P4, tc.given.P5)
			if err != nil {
				t.Fatal(err)
			}
			opt := option(t, c)
			for _, chk := range []struct {
				series string
				want   []any
			}{{"ours: train", tc.expectOurs}, {"ours: held-out", tc.expectHeld}, {"study: train", tc.expectStudyT}} {
				got := seriesValues(t, opt, chk.series)
				if string(mustJSON(t, got)) != string(mustJSON(t, chk.want)) {
					t.Errorf("%s = %v, want %v", chk.series, got, chk.want)
				}
			}
		})
	}
}

func TestHistogram(t *testing.T) {
	tests := []struct {
		name             string
		givenA, givenB   []int
		expectLabels     []string
		expectCA, expect []int
	}{
		{"unit bins", []int{3, 3, 5}, []int{4}, []string{"3", "4", "5"}, []int{2, 0, 1}, []int{0, 1, 0}},
		{"wide bins", []int{0, 79}, []int{40, 41}, []string{"0–1"}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			labels, ca, cb := histogram(tc.givenA, tc.givenB)
			if tc.expectCA == nil { // 80 values wide: 40 bins of 2
				if len(labels) != 40 || labels[0] != "0–1" || labels[39] != "78–79" || ca[0] != 1 || ca[39] != 1 || cb[20] != 2 {
					t.Errorf("labels %v ca %v cb %v", labels, ca, cb)
				}
				return
			}
			if strings.Join(labels, ",") != strings.Join(tc.expectLabels, ",") ||
				string(mustJSON(t, ca)) != string(mustJSON(t, tc.expectCA)) || string(mustJSON(t, cb)) != string(mustJSON(t, tc.expect)) {
				t.Errorf("histogram = %v %v %v, want %v %v %v", labels, ca, cb, tc.expectLabels, tc.expectCA, tc.expect)
			}
		})
	}
}

func TestNoData(t *testing.T) {
	tests := []struct {
		name  string
		build func() (*Chart, error)
	}{
		{"lengths nil", func() (*Chart, error) { return Lengths(nil) }},
		{"lengths empty", func() (*Chart, error) { return Lengths(&results.Phase4{}) }},
		{"collatz nil", func() (*Chart, error) { return Collatz(nil) }},
		{"confusion empty", func() (*Chart, error) { return Confusion(&results.Phase3{}) }},
		{"history empty", func() (*Chart, error) { return ClassifierHistory(&results.Phase3{}) }},
		{"decoder history nil", func() (*Chart, error) { return DecoderHistory(nil) }},
		{"synthesis nil", func() (*Chart, error) { return Synthesis(nil) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.build()
			if !errors.Is(err, ErrNoData) || c != nil {
				t.Errorf("got %v, %v; want ErrNoData", c, err)
			}
		})
	}
	if _, err := Build("nope", Records{}); !errors.Is(err, ErrUnknownChart) {
		t.Errorf("Build(nope) = %v, want ErrUnknownChart", err)
	}
	cs, err := All(Records{})
	if err != nil || len(cs) != 1 || cs[0].ID != "accuracy" {
		t.Errorf("All(empty) = %v, %v; want only the accuracy chart (study numbers)", cs, err)
	}
}

func TestMalformedRecords(t *testing.T) {
	bad := []struct {
		name  string
		build func() (*Chart, error)
	}{
		{"collatz lengths short", func() (*Chart, error) {
			return Collatz(&results.Phase1{Collatz: results.CollatzBench{Numbers: []int32{1, 2}, Lengths: []int32{0}}})
		}},
		{"confusion ragged", func() (*Chart, error) {
			return Confusion(&results.Phase3{Confusion: results.Confusion{Labels: []string{"a", "b"}, Matrix: [][]int{{1, 0}, {1}}}})
		}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.build(); err == nil || errors.Is(err, ErrNoData) {
				t.Errorf("got %v, want an error naming the mismatch", err)
			}
		})
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, results.Phase1File), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), results.Phase1File) {
		t.Errorf("Load(malformed) = %v, want an error naming %s", err, results.Phase1File)
	}
}

// cdn matches any reference to a remote asset host.
var cdn = regexp.MustCompile(`(?i)cdn|jsdelivr|unpkg|go-echarts\.github\.io|go-echarts-assets|<script[^>]+src="(https?:)?//`)

func TestRenderingsAreOfflineAndSelfContained(t *testing.T) {
	if _, err := EchartsJS(); err != nil {
		testenv.Missing(t, "%v", err)
	}
	js, err := EchartsJS()
	if err != nil {
		t.Fatal(err)
	}
	r := fixtures(t)
	cs, err := All(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != len(Specs()) {
		t.Fatalf("All(fixtures) drew %d charts, want %d", len(cs), len(Specs()))
	}
	for _, c := range cs {
		t.Run(c.ID, func(t *testing.T) {
			frag, err := c.Fragment()
			if err != nil {
				t.Fatal(err)
			}
			page, err := c.Page()
			if err != nil {
				t.Fatal(err)
			}
			served, err := c.PageWithScript("/static/echarts.min.js")
			if err != nil {
				t.Fatal(err)
			}
			var own bytes.Buffer // go-echarts' own renderer, with our asset host
			own.Write(c.Echarts().(interface{ RenderContent() []byte }).RenderContent())
			for name, out := range map[string]string{"Fragment": frag, "Page": page, "PageWithScript": served, "go-echarts Render": own.String()} {
				if m := cdn.FindString(out); m != "" {
					t.Errorf("%s names a remote host: %q", name, m)
				}
			}
			for name, out := range map[string]string{"Fragment": frag, "Page": page} {
				if !strings.Contains(out, string(js[len(js)-2000:])) || strings.Contains(out, "<script src") {
					t.Errorf("%s does not embed echarts.min.js inline", name)
				}
			}
			if !strings.Contains(served, `<script src="/static/echarts.min.js">`) || len(served) > 100_000 {
				t.Errorf("PageWithScript does not link the served echarts (len %d)", len(served))
			}
			if !strings.Contains(own.String(), `src="`+LocalAssetsHost+`echarts.min.js"`) {
				t.Errorf("go-echarts' own Render does not use the local asset host")
			}
			if strings.Count(frag, `class="irsynth-chart"`) != 1 {
				t.Errorf("Fragment has %d chart divs, want 1", strings.Count(frag, `class="irsynth-chart"`))
			}
			b, err := c.MimeBundle()
			if err != nil || b["text/html"] == nil || !strings.Contains(b["text/plain"].(string), c.ID) {
				t.Errorf("MimeBundle = %v keys, %v", len(b), err)
			}
		})
	}
	a, _ := cs[0].Fragment()
	b, _ := cs[0].Fragment()
	if idOf(a) == idOf(b) || idOf(a) == "" {
		t.Errorf("two Fragments of one chart share the element id %q", idOf(a))
	}
}

var idRe = regexp.MustCompile(`<div id="([^"]+)" class="irsynth-chart"`)

func idOf(frag string) string {
	m := idRe.FindStringSubmatch(frag)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestEchartsEnv(t *testing.T) {
	t.Run("missing file", func(t *testing.T) {
		t.Setenv(EchartsEnv, filepath.Join(t.TempDir(), "none.js"))
		if _, err := EchartsJS(); !errors.Is(err, ErrNoEcharts) || !strings.Contains(err.Error(), EchartsEnv) {
			t.Errorf("EchartsJS = %v, want ErrNoEcharts naming $%s", err, EchartsEnv)
		}
		c, _ := Accuracy(nil, nil, nil)
		if _, err := c.Fragment(); !errors.Is(err, ErrNoEcharts) {
			t.Errorf("Fragment without echarts = %v, want ErrNoEcharts", err)
		}
	})
	t.Run("file given", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "e.js")
		if err := os.WriteFile(p, []byte("window.echarts={init:function(){}}"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv(EchartsEnv, p)
		c, _ := Accuracy(nil, nil, nil)
		frag, err := c.Fragment()
		if err != nil || !strings.Contains(frag, "window.echarts={init:function(){}}") {
			t.Errorf("Fragment = %v, want the file from $%s inline", err, EchartsEnv)
		}
	})
}

// TestEchartsEmbedded: after setup the binary carries echarts.min.js, the
// very file npm installed, and finds it from any working directory.
func TestEchartsEmbedded(t *testing.T) {
	t.Setenv(EchartsEnv, "")
	if !EchartsBuiltIn() {
		testenv.Missing(t, "echarts.min.js is not embedded: scripts/setup.sh must copy it into lib/plots/assets before the build")
	}
	npm, err := os.ReadFile(filepath.Join("..", "..", "web", "node_modules", "echarts", "dist", "echarts.min.js"))
	if err != nil {
		t.Fatalf("npm's copy: %v", err)
	}
	t.Chdir(t.TempDir())
	js, err := EchartsJS()
	if err != nil || !bytes.Equal(js, npm) {
		t.Fatalf("EchartsJS from another directory: %d bytes, %v; npm's file has %d bytes", len(js), err, len(npm))
	}
}

// TestEchartsMissing: a binary built without echarts says what to do, in
// the error every chart rendering returns.
func TestEchartsMissing(t *testing.T) {
	t.Setenv(EchartsEnv, "")
	saved := embedded
	embedded = nil
	defer func() { embedded = saved }()
	if EchartsBuiltIn() {
		t.Fatal("EchartsBuiltIn with nothing embedded")
	}
	c, _ := Accuracy(nil, nil, nil)
	for name, render := range map[string]func() (string, error){"Fragment": c.Fragment, "Page": c.Page} {
		if _, err := render(); !errors.Is(err, ErrNoEcharts) || !strings.Contains(err.Error(), "charts need echarts: run scripts/setup.sh") {
			t.Errorf("%s = %v, want ErrNoEcharts saying to run scripts/setup.sh", name, err)
		}
	}
}
