package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// Config configures a Server. The zero value works: results/ in the working
// directory, 1,000,000 loop iterations and 2 s per run, 64 KiB bodies.
type Config struct {
	ResultsDir string        // results directory (results.DefaultDir when empty)
	Fuel       int64         // loop iterations per run (DefaultFuel when 0)
	Timeout    time.Duration // wall-clock limit per run (DefaultTimeout when 0)
	BodyLimit  string        // largest request body, Echo's syntax (DefaultBodyLimit when empty)
	Log        io.Writer     // request log; nil logs nothing
	// ShutdownGrace bounds graceful shutdown (DefaultShutdownGrace when 0).
	ShutdownGrace time.Duration
	// MaxTraceSteps caps the steps of one /api/trace (DefaultMaxTraceSteps when 0).
	MaxTraceSteps int
	// MaxSearches caps the syntheses running at once (runtime.NumCPU() when 0);
	// MaxSynthBudget caps the time of each (DefaultMaxSynthBudget when 0).
	MaxSearches    int
	MaxSynthBudget time.Duration
	// SearchCores is how many searches compute at any moment, taking
	// turns (NumCPU-1, at least 1, when 0), so that searches leave a core
	// to the other requests.
	SearchCores int
}

// Defaults of Config.
const (
	DefaultFuel          = 1_000_000
	DefaultTimeout       = 2 * time.Second
	DefaultBodyLimit     = "64K"
	DefaultShutdownGrace = 5 * time.Second
	maxCached            = 512 // compiled programs kept by the playground
)

// Defaults of Config's classroom limits (trace.go, synth.go).
const (
	DefaultMaxTraceSteps  = 20_000
	DefaultMaxSynthBudget = 60 * time.Second
)

// Server is the dashboard: pages, the JSON API and static files.
type Server struct {
	cfg    Config
	echo   *echo.Echo
	rt     *wasmrt.Runtime
	cache  *moduleCache
	recs   *recordCache
	models *modelCache
	// searches counts the syntheses running (synth.go).
	searches *searches
}

// New builds a Server. Close releases its WebAssembly runtime.
func New(cfg Config) (*Server, error) {
	if cfg.ResultsDir == "" {
		cfg.ResultsDir = results.DefaultDir
	}
	if cfg.Fuel == 0 {
		cfg.Fuel = DefaultFuel
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.BodyLimit == "" {
		cfg.BodyLimit = DefaultBodyLimit
	}
	if cfg.ShutdownGrace == 0 {
		cfg.ShutdownGrace = DefaultShutdownGrace
	}
	if cfg.MaxTraceSteps == 0 {
		cfg.MaxTraceSteps = DefaultMaxTraceSteps
	}
	if cfg.MaxSearches == 0 {
		cfg.MaxSearches = runtime.NumCPU()
	}
	if cfg.MaxSynthBudget == 0 {
		cfg.MaxSynthBudget = DefaultMaxSynthBudget
	}
	if cfg.SearchCores == 0 {
		cfg.SearchCores = max(1, runtime.NumCPU()-1)
	}
	if cfg.MaxTraceSteps < 0 || cfg.MaxSearches < 0 || cfg.MaxSynthBudget < 0 || cfg.SearchCores < 0 {
		return nil, fmt.Errorf("%w: negative MaxTraceSteps, MaxSearches, MaxSynthBudget or SearchCores", ErrConfig)
	}
	if cfg.Fuel < 0 || cfg.Fuel > ir.DefaultFuel {
		return nil, fmt.Errorf("%w: fuel %d not in 1..%d", ErrConfig, cfg.Fuel, int64(ir.DefaultFuel))
	}
	if cfg.Timeout < 0 || cfg.Timeout > time.Minute {
		return nil, fmt.Errorf("%w: timeout %v not in (0, 1m]", ErrConfig, cfg.Timeout)
	}
	if st, err := os.Stat(cfg.ResultsDir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%w: %s is not a directory", ErrNoResultsDir, cfg.ResultsDir)
	}
	rt, err := wasmrt.New(context.Background(), wasmrt.Config{Fuel: cfg.Fuel, Timeout: cfg.Timeout})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, rt: rt, cache: newModuleCache(rt, maxCached), recs: &recordCache{dir: cfg.ResultsDir}, models: &modelCache{dir: cfg.ResultsDir},
		searches: newSearches(cfg.MaxSearches, cfg.SearchCores)}
	if s.echo, err = s.routes(); err != nil {
		rt.Close(context.Background())
		return nil, err
	}
	return s, nil
}

// Handler returns the server's http.Handler (for httptest).
func (s *Server) Handler() http.Handler { return s.echo }

// Close releases the runtime. Call it after the last request.
func (s *Server) Close() error { return s.rt.Close(context.Background()) }

// Serve answers on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, lets requests in flight finish (up to ShutdownGrace)
// and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.echo, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("web: shutdown: %w", err)
	}
	return nil
}

func (s *Server) routes() (*echo.Echo, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Renderer = pageRenderer{}
	e.Use(middleware.Recover())
	if s.cfg.Log != nil {
		e.Use(requestLog(s.cfg.Log))
	}
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection: "", ContentTypeNosniff: "nosniff", XFrameOptions: "SAMEORIGIN",
		ReferrerPolicy: "same-origin",
	}))

	// Pages: only this origin, no remote host, scripts from /static.
	pages := e.Group("", csp("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'"))
	pages.GET("/", s.pageOverview)
	pages.GET("/charts", s.pageCharts)
	pages.GET("/playground", s.pagePlayground)
	pages.GET("/reports", s.pageReports)
	pages.GET("/synth", s.pageSynth)
	// A chart on its own page carries its option inline.
	e.GET("/charts/:id", s.pageChart, csp("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"))
	// Executed notebooks, as nbconvert wrote them; the policy keeps them
	// from loading anything from another host (nbconvert's templates name
	// cdnjs for require.js and MathJax).
	e.GET("/reports/:name", s.serveReport, csp("default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:"))

	e.GET("/static/stepper.js", stepperJS)
	e.GET("/favicon.ico", func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	if err := s.static(e); err != nil {
		return nil, err
	}

	api := e.Group("/api", middleware.BodyLimit(s.cfg.BodyLimit))
	api.GET("/overview", s.apiOverview)
	api.GET("/version", s.apiVersion)
	api.GET("/charts", s.apiCharts)
	api.GET("/charts/:id", s.apiChart)
	api.GET("/programs", s.apiPrograms)
	api.GET("/programs/:name", s.apiProgram)
	api.POST("/run", s.apiRun)
	api.POST("/ask", s.apiAsk)
	api.POST("/trace", s.apiTrace)
	api.POST("/synth", s.apiSynth)
	api.GET("/synth/running", s.apiSynthRunning)
	api.GET("/models", s.apiModels)
	api.GET("/reports", s.apiReports)
	api.Any("/*", func(c echo.Context) error {
		return apiErr(http.StatusNotFound, "not_found", "no API endpoint %s %s", c.Request().Method, c.Request().URL.Path)
	})
	return e, nil
}

func csp(policy string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Content-Security-Policy", policy)
			return next(c)
		}
	}
}

func requestLog(w io.Writer) echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogMethod: true, LogURI: true, LogStatus: true, LogLatency: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			fmt.Fprintf(w, "%s %s %d %v\n", v.Method, v.URI, v.Status, v.Latency.Round(time.Microsecond))
			return nil
		},
	})
}
