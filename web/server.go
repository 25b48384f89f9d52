package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

// Config configures a Server. The zero value works: results/ in the working
// directory, DefaultFuel (ir.DefaultFuel) and 2 s per run, 64 KiB bodies, as many runs at
// once as cores, loopback host names only.
type Config struct {
	ResultsDir string        // results directory (results.DefaultDir when empty)
	Fuel       int64         // fuel per run, in ir's units (DefaultFuel when 0)
	Timeout    time.Duration // wall-clock limit per run request, queueing included (DefaultTimeout when 0)
	// BodyLimitKiB is the largest request body in KiB of 1,024 bytes
	// (DefaultBodyLimitKiB when 0).
	BodyLimitKiB int
	// MaxRuns is how many programs run at once (runtime.NumCPU() when 0);
	// see runner.go for the two lanes and the 503 beyond them.
	MaxRuns int
	// MaxConns caps open connections (DefaultMaxConns when 0, lowered to
	// half the file-descriptor limit); see connLimiter.
	MaxConns int
	// ReadTimeout bounds reading one request, body included
	// (DefaultReadTimeout when 0); the header alone gets half of it.
	ReadTimeout time.Duration
	// AllowHosts are host names the server answers to besides localhost,
	// 127.0.0.1, ::1 and the address it is bound to (DNS-rebinding guard).
	AllowHosts []string
	// Encoder is the text encoder the trained models read for /api/ask
	// (nil: the default hashed encoder); it must be the one they were
	// trained with (irsynth serve --encoder).
	Encoder models.Encoder
	Log     io.Writer // request log; nil logs nothing
	// ShutdownGrace bounds graceful shutdown (DefaultShutdownGrace when 0).
	ShutdownGrace time.Duration
	// MaxTraceSteps caps the steps of one /api/trace (DefaultMaxTraceSteps when 0).
	MaxTraceSteps int
	// MaxSearches caps the syntheses running at once (runtime.NumCPU() when 0);
	// MaxSynthBudget caps the time of each (DefaultMaxSynthBudget when 0).
	MaxSearches    int
	MaxSynthBudget time.Duration
	// AskTimeout bounds one /api/ask (and /api/models) request's use of
	// the trained models, waiting for them included: the models answer
	// one request at a time, so a request that finds them busy until then
	// gets 503 and one whose answer takes longer gets 504 (DefaultAskTimeout
	// when 0). The run that follows has Timeout of its own.
	AskTimeout time.Duration
	// SearchCores is how many searches compute at any moment, taking
	// turns (NumCPU-1, at least 1, when 0), so that searches leave a core
	// to the other requests.
	SearchCores int
}

// Defaults and limits of Config.
const (
	// DefaultFuel bounds one run to a few milliseconds of work (fuel is
	// charged by the opcodes a loop iteration executes: ir.DefaultFuel
	// holds a core for at most about 3.5 ms; RATIONALE.md), so that no run
	// holds up the garbage collector, and so every request, for long.
	DefaultFuel          = ir.DefaultFuel
	DefaultTimeout       = 2 * time.Second
	DefaultBodyLimitKiB  = 64
	MaxBodyLimitKiB      = 64 << 10 // 64 MiB
	DefaultMaxConns      = 4096
	DefaultReadTimeout   = 10 * time.Second
	DefaultShutdownGrace = 5 * time.Second
	maxCached            = 512 // compiled programs kept by the playground
)

// Defaults of Config's classroom limits (trace.go, synth.go).
const (
	DefaultMaxTraceSteps  = 20_000
	DefaultMaxSynthBudget = 60 * time.Second
	DefaultAskTimeout     = 10 * time.Second
	MaxAskTimeout         = 5 * time.Minute
)

// Server is the dashboard: pages, the JSON API and static files.
type Server struct {
	cfg    Config
	echo   *echo.Echo
	cache  *moduleCache
	recs   *recordCache
	models *modelCache
	hosts  atomic.Pointer[map[string]bool] // allowed Host names, lower case
	anyIP  atomic.Bool                     // bound to 0.0.0.0 or ::: any IP literal is a Host of ours
	lim    atomic.Pointer[connLimiter]     // the listener Serve runs on
	// searches counts the syntheses running (synth.go).
	searches *searches
}

// openConns is the number of connections Serve holds open now.
func (s *Server) openConns() int {
	if l := s.lim.Load(); l != nil {
		return l.open()
	}
	return 0
}

// orDefault sets *v to d when *v is the zero value (unset).
func orDefault[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// validate fills in defaults and checks every field; errors wrap ErrConfig.
func (cfg *Config) validate() error {
	orDefault(&cfg.ResultsDir, results.DefaultDir)
	orDefault(&cfg.Fuel, DefaultFuel)
	orDefault(&cfg.Timeout, DefaultTimeout)
	orDefault(&cfg.BodyLimitKiB, DefaultBodyLimitKiB)
	orDefault(&cfg.MaxRuns, runtime.NumCPU())
	if cfg.MaxConns == 0 {
		cfg.MaxConns = DefaultMaxConns
		var rl syscall.Rlimit
		if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err == nil && rl.Cur/2 < uint64(cfg.MaxConns) {
			cfg.MaxConns = max(16, int(rl.Cur/2))
		}
	}
	orDefault(&cfg.ReadTimeout, DefaultReadTimeout)
	orDefault(&cfg.ShutdownGrace, DefaultShutdownGrace)
	orDefault(&cfg.MaxTraceSteps, DefaultMaxTraceSteps)
	orDefault(&cfg.MaxSearches, runtime.NumCPU())
	orDefault(&cfg.MaxSynthBudget, DefaultMaxSynthBudget)
	orDefault(&cfg.SearchCores, max(1, runtime.NumCPU()-1))
	orDefault(&cfg.AskTimeout, DefaultAskTimeout)
	switch {
	case cfg.MaxTraceSteps < 0 || cfg.MaxSearches < 0 || cfg.MaxSynthBudget < 0 || cfg.SearchCores < 0:
		return fmt.Errorf("%w: negative MaxTraceSteps, MaxSearches, MaxSynthBudget or SearchCores", ErrConfig)
	case cfg.Fuel < 0 || cfg.Fuel > math.MaxInt32: // the compiled module's fuel is an i32
		return fmt.Errorf("%w: fuel %d not in 1..%d", ErrConfig, cfg.Fuel, math.MaxInt32)
	case cfg.AskTimeout < 0 || cfg.AskTimeout > MaxAskTimeout:
		return fmt.Errorf("%w: ask timeout %v not in (0, %v]", ErrConfig, cfg.AskTimeout, MaxAskTimeout)
	case cfg.Timeout < 0 || cfg.Timeout > time.Minute:
		return fmt.Errorf("%w: timeout %v not in (0, 1m]", ErrConfig, cfg.Timeout)
	case cfg.BodyLimitKiB < 0 || cfg.BodyLimitKiB > MaxBodyLimitKiB:
		return fmt.Errorf("%w: body limit %d KiB not in 1..%d", ErrConfig, cfg.BodyLimitKiB, MaxBodyLimitKiB)
	case cfg.MaxRuns < 0 || cfg.MaxRuns > 1024:
		return fmt.Errorf("%w: max runs %d not in 1..1024", ErrConfig, cfg.MaxRuns)
	case cfg.MaxConns < 0:
		return fmt.Errorf("%w: max connections %d, want at least 1", ErrConfig, cfg.MaxConns)
	case cfg.ReadTimeout < 0:
		return fmt.Errorf("%w: read timeout %v, want > 0", ErrConfig, cfg.ReadTimeout)
	case cfg.ShutdownGrace < 0:
		return fmt.Errorf("%w: shutdown grace %v, want > 0", ErrConfig, cfg.ShutdownGrace)
	}
	for _, h := range cfg.AllowHosts {
		if h == "" || strings.ContainsAny(h, "/ \t@") {
			return fmt.Errorf("%w: allowed host %q is not a host name", ErrConfig, h)
		}
	}
	return nil
}

// New builds a Server. Close releases its WebAssembly runtimes. A Config
// field out of range gives an error wrapping ErrConfig.
func New(cfg Config) (*Server, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if st, err := os.Stat(cfg.ResultsDir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("%w: %s is not a directory", ErrNoResultsDir, cfg.ResultsDir)
	}
	cache, err := newModuleCache(cfg.Fuel, cfg.Timeout, cfg.MaxRuns, maxCached)
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{cfg: cfg, cache: cache, recs: &recordCache{dir: cfg.ResultsDir}, models: newModelCache(cfg.ResultsDir, cfg.Encoder),
		searches: newSearches(cfg.MaxSearches, cfg.SearchCores)}
	s.allowHosts("")
	if s.echo, err = s.routes(); err != nil {
		cache.close()
		return nil, err
	}
	return s, nil
}

// Handler returns the server's http.Handler (for httptest).
func (s *Server) Handler() http.Handler { return s.echo }

// Close releases the runtimes. Call it after the last request.
func (s *Server) Close() error { return s.cache.close() }

// Serve answers on ln until ctx is cancelled, then shuts down gracefully:
// it stops accepting, lets requests in flight finish (up to ShutdownGrace)
// and returns nil. It caps open connections at Config.MaxConns, bounds
// reading a request by Config.ReadTimeout and answers to ln's address as
// a Host besides the loopback names.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
		s.allowHosts(tcp.IP.String())
	}
	lim := newConnLimiter(ln, s.cfg.MaxConns)
	s.lim.Store(lim)
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: s.cfg.ReadTimeout / 2,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.ReadTimeout + s.cfg.Timeout + 10*time.Second,
		IdleTimeout:       30 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ConnState:         lim.connState,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	if s.cfg.Log != nil {
		srv.ErrorLog = log.New(s.cfg.Log, "http: ", 0)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(lim) }()
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
	e.Use(s.checkHost, checkOrigin)
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

	api := e.Group("/api", middleware.BodyLimit(fmt.Sprintf("%dKiB", s.cfg.BodyLimitKiB)))
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
		if ae := s.methodNotAllowed(c); ae != nil {
			return ae
		}
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
