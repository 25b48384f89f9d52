// Package kernel is irsynth's Jupyter kernel for Go: the Jupyter messaging
// protocol 5.3 over ZeroMQ (github.com/go-zeromq/zmq4), with cells run by
// gomacro's fast interpreter and the irsynth library compiled in.
//
// The binary is kernel/cmd/irsynth-kernel:
//
//	go build -o bin/irsynth-kernel ./kernel/cmd/irsynth-kernel
//	bin/irsynth-kernel install --user        # kernelspec "irsynth-go", "Go (irsynth)"
//	jupyter notebook                         # pick "Go (irsynth)"
//	bin/irsynth-kernel report --results results   # notebooks/*.ipynb → results/reports/*.html
//
// # Processes
//
// Serve (irsynth-kernel run) keeps the Jupyter connection and runs no Go
// cell itself: cells run in a session child (irsynth-kernel session, which
// calls ServeSession) that it starts, talks to over two pipes, and restarts
// when it dies. Whatever a cell does to its process, the kernel answers the
// cell with a "SessionRestarted" error ("session restarted, variables
// lost") and the next cell runs in a fresh session, without the frontend
// losing its connection. Serve takes its settings in a Config; there are no
// package-level settings. Serve exits within about 2 s of the death of
// Config.ParentPID (the Jupyter process that started it), and the child
// exits with Serve (its pipe closes; PR_SET_PDEATHSIG as well).
//
// # Channels
//
// Serve listens on the five sockets of a connection file. Shell answers
// kernel_info, execute, complete, is_complete, inspect, history and
// comm_info requests in order, each between busy and idle status messages
// on iopub; control answers interrupt, shutdown and kernel_info while a
// cell runs; heartbeat echoes. Every message is verified with the
// connection file's HMAC-SHA256 key before anything reads it: a message
// whose signature does not match is dropped and logged, never executed.
//
// # Cells
//
// A cell is Go as gomacro reads it: imports, declarations and statements
// at top level; its last expression is the cell's result. While a cell runs,
// os.Stdout and os.Stderr are pipes whose output is streamed to the notebook
// as it comes. The result is rendered by package display (a lib/plots chart
// as an interactive echarts chart with echarts embedded, an ir.Program as its
// listing and WAT, a value with an HTML method as HTML, ...), including for
// types declared in cells. A compile error, a panic, an interrupt or
// os.Exit ends the cell with an error (CompileError, Panic, Interrupted,
// Exit); the kernel and the variables of earlier cells survive. So does a
// panic in a goroutine of a go statement (`go func() {...}()`, and `go f(x)`
// of a named function, method value or library function): it is recovered,
// the cell that started it stops with a GoroutinePanic error, or, when that
// cell has ended, the next cell reports it without running. The session
// has a memory cap (Config.MemoryLimit, --memory-limit,
// IRSYNTH_KERNEL_MEMORY_LIMIT; default half of RAM): a cell whose heap
// passes it stops with a MemoryLimit error.
//
// A cell's stream output is bounded (Config.OutputRate, 1 MiB/s with bursts
// of 4 MiB, the rate Jupyter's server itself lets through): output over it is
// dropped with a note on the cell's stderr, and the cell keeps running. The
// kernel queues what the frontend has not read, and a print loop outruns any
// frontend: unbounded, it grew the kernel process (which has no memory cap)
// by 180 MB/s.
//
// An interrupt_request stops interpreted code at its next statement, wakes
// an interpreted time.Sleep, and cancels display.Context(), which library
// calls in a cell can take as their context so that long compiled work
// (training, search) stops too. A cell still running 2 s later (blocked in
// a channel receive, which gomacro cannot interrupt) ends with
// SessionRestarted: the session child is killed and restarted.
//
// What restarts the session (variables lost): a panic in an interpreted
// function that compiled code calls on a goroutine of its own (a function
// passed to time.AfterFunc; no hook sees that goroutine start), or in `go`
// of a built-in (`go panic(x)`), os.Exit
// or log.Fatal called by compiled code, a blocking call that ignores the
// interrupt, and resident memory above 1.5 times the cap.
//
// Limits: the stdin channel is open but the kernel sends no input_request:
// cells cannot prompt for input. gomacro prints some warnings about itself
// on standard output ("// warning: skipping import of ..."); the kernel keeps
// those lines out of the notebook and logs the rest of gomacro's warnings on
// its standard error.
//
// # Where the rules live
//
// wire.go and connection.go (the Jupyter wire protocol: framing, signing,
// the connection file), handlers.go (one handler per request type),
// messages.go (the typed replies), execute.go (a cell's life in the kernel),
// session.go (a cell's life in the session child: running, capturing output,
// rendering, the memory cap), supervisor.go (starting, watching and
// restarting the session), config.go (Config), install.go (kernelspecs),
// report.go (executed notebooks).
//
// # Library bindings
//
// Cells import irsynth's packages (lib/ir, lib/wasmrt, lib/dataset,
// lib/models, lib/plots, lib/results, lib/synth, kernel/display) through
// gomacro bindings generated by kernel/internal/bindgen into
// kernel/internal/bindings; `go generate ./kernel/internal/bindings`
// refreshes them and a test fails when they are stale. Generic functions and
// types cannot be bound and are listed in the generated file.
//
// # Toolchain
//
// gomacro needs go/types to run with gotypesalias=0, which the main package
// sets with a //go:debug directive. Go 1.27 removes that setting; a kernel
// built with it refuses to start with a one-line explanation (see the check
// command) rather than failing in the first cell.
package kernel
