package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"deref":     func(b *bool) bool { return b != nil && *b },
	"thousands": thousands,
	"kib": func(n int64) string {
		if n < 1024 {
			return fmt.Sprintf("%d bytes", n)
		}
		return fmt.Sprintf("%.0f KiB", float64(n)/1024)
	},
}).ParseFS(templateFS, "templates/*.html"))

// pageRenderer renders the embedded templates for c.Render.
type pageRenderer struct{}

func (pageRenderer) Render(w io.Writer, name string, data any, c echo.Context) error {
	return pageTemplates.ExecuteTemplate(w, name, data)
}

// page is what every page template receives.
type page struct {
	Title  string
	Active string
	Data   any
}

func (s *Server) pageOverview(c echo.Context) error {
	return c.Render(http.StatusOK, "overview.html", page{"Overview", "overview", buildOverview(s.recs.get(), s.cfg.ResultsDir)})
}

func (s *Server) pageCharts(c echo.Context) error {
	infos, ld := s.chartInfos()
	data := map[string]any{"Charts": infos, "Version": ld.version}
	if _, err := plots.EchartsJS(); err != nil {
		data["NoEcharts"] = err.Error() // said where the charts would be, never blank areas
	}
	return c.Render(http.StatusOK, "charts.html", page{"Charts", "charts", data})
}

func (s *Server) pagePlayground(c echo.Context) error {
	lib := ir.Library()
	progs := make([]ProgramInfo, len(lib))
	for i, sp := range lib {
		progs[i] = programInfo(sp)
	}
	return c.Render(http.StatusOK, "playground.html", page{"Playground", "playground", map[string]any{
		"Programs": progs, "Fuel": s.cfg.Fuel, "Timeout": s.cfg.Timeout,
	}})
}

func (s *Server) pageReports(c echo.Context) error {
	reps, err := s.reports()
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "reports.html", page{"Reports", "reports", map[string]any{
		"Reports": reps, "Dir": filepath.Join(s.cfg.ResultsDir, results.ReportsSubdir),
	}})
}

// pageChart shows one chart on its own page; ?inline=1 embeds echarts
// (plots.Chart.Page) instead of linking the served copy.
func (s *Server) pageChart(c echo.Context) error {
	ch, err := s.buildChart(c.Param("id"))
	if err != nil {
		return err
	}
	if _, err := plots.EchartsJS(); err != nil {
		return apiErr(http.StatusServiceUnavailable, "no_echarts", "%v", err)
	}
	var html string
	if c.QueryParam("inline") == "1" {
		html, err = ch.Page()
	} else {
		html, err = ch.PageWithScript("/static/echarts.min.js")
	}
	if err != nil {
		return err
	}
	return c.HTML(http.StatusOK, html)
}

// Report is one executed notebook under results/reports.
type Report struct {
	Name     string    `json:"name"`
	Title    string    `json:"title"`
	Size     int64     `json:"size"`
	Modified time.Time `json:"modified"`
	URL      string    `json:"url"`
}

var reportName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*\.html$`)

func (s *Server) reports() ([]Report, error) {
	dir := filepath.Join(s.cfg.ResultsDir, results.ReportsSubdir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []Report{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("web: reports: %w", err)
	}
	out := []Report{}
	for _, e := range entries {
		if !e.Type().IsRegular() || !reportName.MatchString(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		title := strings.TrimSuffix(e.Name(), ".html")
		out = append(out, Report{Name: e.Name(), Title: strings.ReplaceAll(title, "_", " "), Size: info.Size(),
			Modified: info.ModTime().UTC(), URL: "/reports/" + e.Name()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (s *Server) apiReports(c echo.Context) error {
	reps, err := s.reports()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"reports": reps})
}

// serveReport serves one report file. The name must be a plain file name
// ending in .html, and the file is opened through an os.Root, so nothing
// outside results/reports can be read.
func (s *Server) serveReport(c echo.Context) error {
	name := c.Param("name")
	if !reportName.MatchString(name) {
		return apiErr(http.StatusNotFound, "not_found", "no report %q", name)
	}
	root, err := os.OpenRoot(filepath.Join(s.cfg.ResultsDir, results.ReportsSubdir))
	if err != nil {
		return apiErr(http.StatusNotFound, "not_found", "no reports yet")
	}
	defer root.Close()
	// O_NONBLOCK: a FIFO named like a report must not wedge the request;
	// it is refused below as not a regular file.
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return apiErr(http.StatusNotFound, "not_found", "no report %q", name)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return apiErr(http.StatusNotFound, "not_found", "no report %q", name)
	}
	http.ServeContent(c.Response(), c.Request(), name, info.ModTime(), f)
	return nil
}

// static serves the embedded static directory under /static and the
// echarts.min.js built into lib/plots (plots.EchartsJS).
func (s *Server) static(e *echo.Echo) error {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return fmt.Errorf("web: static: %w", err)
	}
	e.GET("/static/echarts.min.js", func(c echo.Context) error {
		js, err := plots.EchartsJS()
		if err != nil {
			return apiErr(http.StatusNotFound, "not_found", "%v", err)
		}
		c.Response().Header().Set("Cache-Control", "max-age=3600")
		return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", js)
	})
	e.StaticFS("/static", sub)
	return nil
}

// thousands writes n with commas: 1000000 -> "1,000,000".
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
