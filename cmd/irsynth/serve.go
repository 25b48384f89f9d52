package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/web"
	"github.com/irsynth/irsynth/web/browser"
)

func init() { register(cmdServe()) }

func cmdServe() command {
	return command{
		Name:    "serve",
		Usage:   "irsynth serve [flags]",
		Summary: "serve the dashboard (overview, charts, playground, reports) and its JSON API",
		Run: func(args []string, stdout, stderr io.Writer) int {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve(ctx, args, stdout, stderr)
		},
	}
}

// serve runs the dashboard until ctx ends (SIGINT or SIGTERM from the
// command), then shuts down gracefully. With --screenshots it serves on a
// free loopback port, tours every page in headless Chromium, saves one PNG
// per page in DIR and exits.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stdout, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	dir := fs.results()
	fuel := fs.Int64("fuel", web.DefaultFuel, "fuel per run (charged by the work a loop iteration does)")
	timeout := fs.Duration("timeout", web.DefaultTimeout, "wall-clock limit per run request, queueing included")
	limit := fs.Int("body-limit", web.DefaultBodyLimitKiB, "largest request body, in KiB")
	askTimeout := fs.Duration("ask-timeout", web.DefaultAskTimeout, "wall-clock limit of a request's use of the trained models (/api/ask), waiting for them included: 503 when busy that long, 504 when the answer takes longer")
	maxRuns := fs.Int("max-runs", runtime.NumCPU(), "programs running at once; more wait briefly, then get 503")
	maxConns := fs.Int("max-conns", web.DefaultMaxConns, "open connections; at the cap the longest-idle one is closed")
	var hosts hostList
	fs.Var(&hosts, "allow-host", "a host name the dashboard also answers to (repeat or comma-separate); loopback names and --addr's host always work")
	quiet := fs.Bool("quiet", false, "do not log requests")
	shots := fs.String("screenshots", "", "tour the pages in headless Chromium, save PNGs in this directory, and exit")
	encSpec := encoderFlag(fs)
	if code, done := fs.parse(args, 0); done {
		return code
	}
	for _, f := range []struct {
		name string
		bad  bool
	}{{"--fuel", *fuel <= 0}, {"--timeout", *timeout <= 0}, {"--body-limit", *limit <= 0}, {"--max-runs", *maxRuns <= 0}, {"--max-conns", *maxConns <= 0}, {"--ask-timeout", *askTimeout <= 0}} {
		if f.bad {
			return usageError(stderr, "serve", "%s must be positive", f.name)
		}
	}
	cfg := web.Config{ResultsDir: *dir, Fuel: *fuel, Timeout: *timeout, BodyLimitKiB: *limit, MaxRuns: *maxRuns,
		MaxConns: *maxConns, AllowHosts: hosts, AskTimeout: *askTimeout}
	enc, err := openEncoder(*encSpec, *dir, stderr, *quiet)
	if err != nil {
		return usageError(stderr, "serve", "%v", err)
	}
	cfg.Encoder = enc
	if !*quiet && *shots == "" {
		cfg.Log = stderr
	}
	if *shots != "" {
		*addr = "127.0.0.1:0"
	}
	s, err := web.New(cfg)
	if err != nil {
		return usageError(stderr, "serve", "%v", err)
	}
	defer s.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
		return 1
	}
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Serve(sctx, ln) }()
	base := "http://" + ln.Addr().String()
	if *shots != "" {
		code := screenshots(base, *shots, stdout, stderr)
		cancel()
		if err := <-done; err != nil {
			fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
			return 1
		}
		return code
	}
	if _, err := plots.EchartsJS(); err != nil {
		fmt.Fprintf(stdout, "irsynth serve: %v\n", err) // the charts pages say so too
	}
	fmt.Fprintf(stdout, "irsynth serve: listening on %s (results: %s); Ctrl-C stops\n", base, *dir)
	if err := <-done; err != nil {
		fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "irsynth serve: stopped")
	return 0
}

// hostList is --allow-host: repeatable, comma-separated.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		if name = strings.TrimSpace(name); name == "" {
			return fmt.Errorf("empty host name in %q", v)
		}
		*h = append(*h, name)
	}
	return nil
}

func screenshots(base, dir string, stdout, stderr io.Writer) int {
	b, err := browser.Start(context.Background(), browser.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
		if errors.Is(err, browser.ErrNoChromium) {
			return 2
		}
		return 1
	}
	defer b.Close()
	res, err := browser.Tour(b, base, browser.TourOptions{
		RunProgram: "sum_1_to_n", RunArgs: "100",
		BadIR:    "START\n  CONST_1\n  I32_ADD   # needs two operands\nEND",
		Ask:      "What is 1 + 2 + ... + 100?", // shown only once a model is trained
		ShotsDir: dir, Timeout: 30 * time.Second,
	})
	if err != nil {
		fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
		return 1
	}
	// The classroom walk: stepping, links, synthesis, a cancelled search.
	cls, err := browser.Classroom(b, base, browser.ClassroomOptions{
		StepProgram: "collatz_length", StepArgs: "7",
		Examples: "1→1, 2→3, 3→6, 10→55", Hard: "1→7, 2→-3, 3→99, 4→12, 5→-1000, 6→4",
		Ambiguous: "3→9", Intended: func(in []int64) int64 { return in[0] * in[0] },
		ShotsDir: dir,
	})
	if err != nil {
		fmt.Fprintf(stderr, "irsynth serve: %v\n", err)
		return 1
	}
	res.Pages = append(res.Pages, cls.Pages...)
	code := 0
	for _, p := range res.Pages {
		fmt.Fprintf(stdout, "%s\t%s\n", p.Shot, p.URL)
		for _, e := range p.Errors {
			fmt.Fprintf(stderr, "irsynth serve: %s: console: %s\n", p.Name, e)
			code = 1
		}
	}
	abs, _ := filepath.Abs(dir)
	fmt.Fprintf(stdout, "irsynth serve: %d screenshots in %s; %s\n", len(res.Pages), abs, res.Summary())
	return code
}
