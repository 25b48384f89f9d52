// Package interp runs Go cells with gomacro's fast interpreter.
//
// A Session owns one interpreter and one goroutine: every evaluation,
// completion and inspection runs on that goroutine, in order, because gomacro
// keys its run-time state by goroutine. A cell that panics, fails to compile
// or is interrupted returns a *CellError; the session and its variables
// survive. In cells, os.Exit raises an *ExitError instead of ending the
// process, time.Sleep returns early when the session is interrupted, and a
// goroutine of a go statement (`go func() {...}()`, `go f(x)` of any function
// value but a built-in) recovers its panic and reports it on the cell
// (GoroutinePanic): see patchImports and guardGoroutines.
//
// gomacro type-checks imported packages with its own copy of go/types and
// needs the process to run with GODEBUG gotypesalias=0 (set by the kernel's
// main package). Check reports, in one line, when the toolchain the binary
// was built with cannot give it that.
package interp
