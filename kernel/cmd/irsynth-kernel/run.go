package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"time"

	"github.com/irsynth/irsynth/kernel"
	"github.com/irsynth/irsynth/kernel/internal/bindings"
	"github.com/irsynth/irsynth/kernel/internal/interp"
	"github.com/irsynth/irsynth/lib/results"
)

const usage = `usage: irsynth-kernel <command> [flags]

commands:
  install [--user | --prefix DIR]   write the "irsynth-go" kernelspec (default --user)
  run --connection-file FILE [--memory-limit SIZE]
                                    serve a kernel on a Jupyter connection file; cells
                                    run in a supervised child ("session") capped at SIZE
                                    (default IRSYNTH_KERNEL_MEMORY_LIMIT, else half of RAM)
  report [--results DIR] [--out DIR] [NOTEBOOK...]
                                    execute notebooks (default notebooks/*.ipynb) and
                                    export them as HTML (default DIR/reports)
  session [--memory-limit SIZE]     the cell runner "run" starts as its child (not for
                                    direct use: it reads requests on file descriptor 3)
  check                             exit 0 if this build can run Go cells
  version                           print the kernel and Go versions
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "install":
		return install(args[1:], stdout, stderr)
	case "run":
		return serve(args[1:], stderr)
	case "session":
		return session(args[1:], stderr)
	case "report":
		return report(args[1:], stdout, stderr)
	case "check":
		if err := interp.Check(); err != nil {
			return fail(stderr, 1, "%v", err)
		}
		fmt.Fprintln(stdout, "ok")
		return 0
	case "version":
		fmt.Fprintf(stdout, "irsynth-kernel %s, protocol %s\n", kernel.Version, kernel.ProtocolVersion)
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "irsynth-kernel: unknown command %q\n%s", args[0], usage)
	return 2
}

func install(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("install", flag.ContinueOnError)
	fs.SetOutput(stderr)
	user := fs.Bool("user", false, "install into the user's Jupyter data directory (the default)")
	prefix := fs.String("prefix", "", "install into `DIR`/share/jupyter/kernels")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *user && *prefix != "" {
		return fail(stderr, 2, "install: --user and --prefix exclude each other")
	}
	if fs.NArg() > 0 {
		return fail(stderr, 2, "install: unexpected argument %q", fs.Arg(0))
	}
	exe, err := os.Executable()
	if err != nil {
		return fail(stderr, 1, "install: %v", err)
	}
	kernels, err := kernel.KernelsDir(*prefix)
	if err != nil {
		return fail(stderr, 1, "%v", err)
	}
	dir, err := kernel.Install(kernels, exe)
	if err != nil {
		return fail(stderr, 1, "%v", err)
	}
	fmt.Fprintf(stdout, "installed kernelspec %s in %s\n", kernel.SpecName, dir)
	return 0
}

func serve(args []string, stderr io.Writer) int {
	start := time.Now()
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	file := fs.String("connection-file", "", "Jupyter connection `FILE`")
	memDefault, err := defaultMemoryLimit(os.Getenv(memoryLimitEnv))
	if err != nil {
		return fail(stderr, 2, "run: %s: %v", memoryLimitEnv, err)
	}
	var mem memorySize = memorySize(memDefault)
	fs.Var(&mem, "memory-limit", "memory cap of the Go session, as `SIZE` (512MiB, 4GiB, 0 for none; default $"+memoryLimitEnv+" or half of RAM)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *file == "" && fs.NArg() == 1 {
		*file = fs.Arg(0)
	}
	if *file == "" {
		return fail(stderr, 2, "run: --connection-file is required")
	}
	if err := interp.Check(); err != nil {
		return fail(stderr, 1, "%v", err)
	}
	conn, err := kernel.ReadConnectionFile(*file)
	if err != nil {
		return fail(stderr, 2, "%v", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return fail(stderr, 1, "run: %v", err)
	}
	parent := os.Getppid()
	if p, err := strconv.Atoi(os.Getenv("JPY_PARENT_PID")); err == nil && p > 1 {
		parent = p
	}
	// Jupyter interrupts with a message (interrupt_mode "message"); a SIGINT
	// from a terminal must not kill the kernel either.
	signal.Ignore(os.Interrupt)
	cfg := kernel.Config{
		Conn:        conn,
		Session:     []string{exe, "session", "--memory-limit", strconv.FormatInt(int64(mem), 10)},
		Log:         stderr,
		MemoryLimit: int64(mem),
		ParentPID:   parent,
		Started:     start,
	}
	if err := kernel.Serve(context.Background(), cfg); err != nil {
		return fail(stderr, 1, "%v", err)
	}
	return 0
}

// session is the supervised child that runs the cells: Serve starts it
// with the request pipe as file descriptor 3 and the event pipe as 4.
func session(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("session", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var mem memorySize
	fs.Var(&mem, "memory-limit", "heap cap as `SIZE` (0: none)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	in, out := os.NewFile(3, "requests"), os.NewFile(4, "events")
	if in == nil || out == nil {
		return fail(stderr, 2, "session: run by the kernel only (file descriptors 3 and 4 are its pipes)")
	}
	if _, err := in.Stat(); err != nil {
		return fail(stderr, 2, "session: run by the kernel only (file descriptors 3 and 4 are its pipes)")
	}
	signal.Ignore(os.Interrupt)
	cfg := kernel.SessionConfig{In: in, Out: out, Log: stderr, Docs: bindings.Doc, MemoryLimit: int64(mem)}
	if err := kernel.ServeSession(cfg); err != nil {
		return fail(stderr, 1, "session: %v", err)
	}
	return 0
}

func report(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	resultsDir := fs.String("results", results.DefaultDir, "results `DIR` the notebooks read (IRSYNTH_RESULTS)")
	out := fs.String("out", "", "output `DIR` for the HTML reports (default RESULTS/reports)")
	timeout := fs.Duration("timeout", 10*time.Minute, "limit per cell")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	notebooks := fs.Args()
	if len(notebooks) == 0 {
		notebooks, _ = filepath.Glob(filepath.Join("notebooks", "*.ipynb"))
		if len(notebooks) == 0 {
			return fail(stderr, 2, "report: no notebooks/*.ipynb here; name the notebooks or run from the repository root")
		}
	}
	for _, nb := range notebooks {
		if _, err := os.Stat(nb); err != nil {
			return fail(stderr, 2, "report: %v", err)
		}
	}
	if *out == "" {
		*out = filepath.Join(*resultsDir, results.ReportsSubdir)
	}
	if err := interp.Check(); err != nil {
		return fail(stderr, 1, "%v", err)
	}
	c := kernel.NBConvert{ResultsDir: *resultsDir, Timeout: *timeout, Stderr: stderr}
	if err := c.Run(context.Background(), "html", *out, notebooks...); err != nil {
		return fail(stderr, 1, "%v", err)
	}
	fmt.Fprintf(stdout, "wrote %d HTML reports to %s\n", len(notebooks), *out)
	return 0
}

// fail prints one line on stderr, "irsynth-kernel: " and the message, and
// returns the exit status code (1 a run-time failure, 2 a usage error).
func fail(stderr io.Writer, code int, format string, a ...any) int {
	fmt.Fprintf(stderr, "irsynth-kernel: "+format+"\n", a...)
	return code
}
