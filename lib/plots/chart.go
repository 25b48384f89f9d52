package plots

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// LocalAssetsHost replaces go-echarts' CDN default on every chart, so that
// even go-echarts' own Render links the dashboard's copy of echarts.
const LocalAssetsHost = "/static/"

// Default sizes of a rendered chart.
const (
	DefaultWidth  = "900px"
	DefaultHeight = "480px"
)

// echartsChart is what every go-echarts chart type provides.
type echartsChart interface {
	Validate()
	JSON() map[string]interface{}
}

// Chart is one chart built from result records. ID is stable ("accuracy",
// "collatz", ...) and names the chart in the dashboard's URLs.
type Chart struct {
	ID    string
	Title string
	// Width and Height are CSS sizes of the chart's box (DefaultWidth and
	// DefaultHeight when empty); Fragment uses Width "100%".
	Width, Height string

	ec echartsChart
}

// Displayer is implemented by values the notebook kernel can display: a
// Jupyter MIME bundle ("text/html", "text/plain", ...).
type Displayer interface {
	MimeBundle() (map[string]any, error)
}

var _ Displayer = (*Chart)(nil)

func newChart(id, title string, ec echartsChart) *Chart {
	return &Chart{ID: id, Title: title, ec: ec}
}

// local points a go-echarts chart's assets at the local host, never a CDN.
func local() charts.GlobalOpts {
	return charts.WithInitializationOpts(opts.Initialization{
		AssetsHost: LocalAssetsHost,
		PageTitle:  "irsynth",
		Width:      DefaultWidth,
		Height:     DefaultHeight,
	})
}

// Echarts returns the underlying go-echarts chart (a *charts.Bar,
// *charts.Line or *charts.HeatMap) for callers who want to change it.
func (c *Chart) Echarts() any { return c.ec }

// OptionMap returns the echarts option as go-echarts builds it.
func (c *Chart) OptionMap() (m map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("%w: chart %s: %v", ErrInternal, c.ID, r)
		}
	}()
	c.ec.Validate()
	return c.ec.JSON(), nil
}

// Option returns the echarts option as compact JSON: what the dashboard
// passes to setOption. Keys are sorted, so the output is deterministic.
func (c *Chart) Option() ([]byte, error) {
	m, err := c.OptionMap()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("plots: chart %s: encode option: %w", c.ID, err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

var renderSeq atomic.Int64
var renderEpoch = time.Now().UnixNano()

// domID is unique per rendering, so one notebook can show a chart twice
// and outputs from before a kernel restart do not collide.
func (c *Chart) domID() string {
	return fmt.Sprintf("irsynth-%s-%x-%d", c.ID, renderEpoch&0xffffffff, renderSeq.Add(1))
}

func (c *Chart) size(width string) (string, string) {
	w, h := c.Width, c.Height
	if w == "" {
		w = width
	}
	if h == "" {
		h = DefaultHeight
	}
	return w, h
}

type renderData struct {
	ID, Title     string
	Width, Height string
	Option        template.JS
	EchartsInline template.JS
	EchartsSrc    string
}

// inline wraps echarts so its UMD header sets window.echarts even where an
// AMD loader (require.js in classic Jupyter) defines "define".
func inlineEcharts() (template.JS, error) {
	js, err := EchartsJS()
	if err != nil {
		return "", err
	}
	if bytes.Contains(bytes.ToLower(js), []byte("</script")) {
		return "", fmt.Errorf("%w: file contains </script and cannot be inlined", ErrNoEcharts)
	}
	return template.JS("if(typeof window.echarts===\"undefined\"){(function(define,exports,module){\n" +
		string(js) + "\n}).call(window);}"), nil
}

func (c *Chart) render(name string, width string, withInline bool, src string) (string, error) {
	opt, err := c.Option()
	if err != nil {
		return "", err
	}
	w, h := c.size(width)
	d := renderData{ID: c.domID(), Title: c.Title, Width: w, Height: h, Option: template.JS(opt), EchartsSrc: src}
	if withInline {
		if d.EchartsInline, err = inlineEcharts(); err != nil {
			return "", err
		}
	}
	var buf strings.Builder
	if err := tmpl.ExecuteTemplate(&buf, name, d); err != nil {
		return "", fmt.Errorf("plots: render %s: %w", c.ID, err)
	}
	return buf.String(), nil
}

// Fragment returns a self-contained HTML fragment: echarts inline, a
// <div> with a unique id and a script that draws the chart into it.
func (c *Chart) Fragment() (string, error) { return c.render("fragment", "100%", true, "") }

// Page returns a full HTML page with echarts inline; it opens from a file.
func (c *Chart) Page() (string, error) { return c.render("page", DefaultWidth, true, "") }

// PageWithScript returns a full HTML page that loads echarts from src
// (for example "/static/echarts.min.js" on the dashboard).
func (c *Chart) PageWithScript(src string) (string, error) {
	if src == "" {
		return "", fmt.Errorf("plots: PageWithScript: empty script src")
	}
	return c.render("page", DefaultWidth, false, src)
}

// MimeBundle returns the chart as a Jupyter MIME bundle: "text/html" is
// Fragment, "text/plain" a one-line description.
func (c *Chart) MimeBundle() (map[string]any, error) {
	frag, err := c.Fragment()
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"text/html":  frag,
		"text/plain": fmt.Sprintf("<chart %s: %s>", c.ID, c.Title),
	}, nil
}

var tmpl = template.Must(template.New("plots").Parse(`
{{- define "draw" -}}
<div id="{{.ID}}" class="irsynth-chart" style="width:{{.Width}};height:{{.Height}};"></div>
<script>
(function () {
  var el = document.getElementById("{{.ID}}");
  var chart = echarts.init(el, null, {renderer: "canvas"});
  chart.setOption({{.Option}});
  if (typeof window.addEventListener === "function") {
    window.addEventListener("resize", function () { chart.resize(); });
  }
})();
</script>
{{- end -}}
{{- define "fragment" -}}
<div class="irsynth-plot">
<script>{{.EchartsInline}}</script>
{{template "draw" .}}
</div>
{{- end -}}
{{- define "page" -}}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<link rel="icon" href="data:,">
{{if .EchartsSrc}}<script src="{{.EchartsSrc}}"></script>{{else}}<script>{{.EchartsInline}}</script>{{end}}
<style>body{margin:0;padding:16px;font-family:sans-serif;background:#fff}</style>
</head>
<body>
{{template "draw" .}}
</body>
</html>
{{end -}}
`))

// titled is the options every chart starts from, the house style: local
// assets, the title over a subtitle of up to two lines, an axis tooltip, the
// legend under the subtitle, no animation. A chart adds its grid and axes in
// more, and may override the tooltip or legend there (a later option
// replaces an earlier one).
func titled(title, subtitle string, more ...charts.GlobalOpts) []charts.GlobalOpts {
	return append([]charts.GlobalOpts{
		local(),
		charts.WithTitleOpts(opts.Title{Title: title, SubtitleStyle: subStyle, Subtitle: subtitle}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "62"}),
		charts.WithAnimation(false),
	}, more...)
}

// subStyle spaces the lines of two-line subtitles.
var subStyle = &opts.TextStyle{FontSize: 12, LineHeight: 17}
