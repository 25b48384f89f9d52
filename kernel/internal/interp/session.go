package interp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/cosmos72/gomacro/base"
	"github.com/cosmos72/gomacro/fast"
	xr "github.com/cosmos72/gomacro/xreflect"
)

// Value is one result of a cell: its value and its (possibly interpreted)
// type.
type Value struct {
	Value xr.Value
	Type  xr.Type
}

// Interface returns the Go value, or nil when it is not valid.
func (v Value) Interface() any {
	if !v.Value.IsValid() || !v.Value.CanInterface() {
		return nil
	}
	return v.Value.Interface()
}

// Session is one interpreter with its own goroutine.
type Session struct {
	jobs chan func(*fast.Interp)
	quit chan struct{} // closed by Close
	done chan struct{} // closed when the session goroutine ends

	mu     sync.Mutex
	ctx    context.Context    // of the running cell, nil between cells
	cancel context.CancelFunc // of the running cell, nil between cells
	// interruptedCtx is the context of the last cell Interrupt stopped
	interruptedCtx context.Context
	ir             *fast.Interp // only for Interrupt, which gomacro allows from any goroutine
	closed         bool
	// cellGoPanic is a panic recovered in a goroutine while the running cell
	// ran; pendingGoPanic one recovered between cells, for the next cell
	cellGoPanic, pendingGoPanic string
}

// New starts a session. Warnings from gomacro (for instance on generic
// functions it skips while importing a package) go to log.
func New(log io.Writer) (s *Session, err error) {
	if err := Check(); err != nil {
		return nil, err
	}
	patchImports()
	s = &Session{jobs: make(chan func(*fast.Interp)), quit: make(chan struct{}), done: make(chan struct{})}
	started := make(chan error, 1)
	go s.loop(log, started)
	if err := <-started; err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Session) loop(log io.Writer, started chan<- error) {
	defer close(s.done)
	ir, err := newInterp(log)
	if err == nil {
		ir.DeclFunc(goPanicFunc, s.goroutinePanic)
		ir.DeclFunc(goCallFunc, s.goCall)
	}
	started <- err
	if err != nil {
		return
	}
	s.mu.Lock()
	s.ir = ir
	s.mu.Unlock()
	for {
		select {
		case job := <-s.jobs:
			job(ir)
		case <-s.quit:
			return
		}
	}
}

func newInterp(log io.Writer) (ir *fast.Interp, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: gomacro failed to start: %v", ErrUnsupportedToolchain, r)
		}
	}()
	// gomacro warns on standard output, while starting, about the generic
	// functions it cannot import; those lines are noise for a kernel
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		saved := os.Stdout
		os.Stdout = null
		defer func() { os.Stdout = saved; null.Close() }()
	}
	ir = fast.New()
	g := &ir.Comp.Globals
	g.Stdout, g.Stderr = log, log
	g.Options &^= base.OptShowPrompt | base.OptShowEval | base.OptShowEvalType
	ir.Eval("0") // compile something: fails here rather than in the first cell
	return ir, nil
}

// do runs f on the session goroutine and waits for it.
func (s *Session) do(f func(*fast.Interp)) error {
	finished := make(chan struct{})
	select {
	case s.jobs <- func(ir *fast.Interp) { defer close(finished); f(ir) }:
	case <-s.done:
		return ErrClosed
	case <-s.quit:
		return ErrClosed
	}
	<-finished
	return nil
}

// Eval runs one cell and returns the values of its last expression. ctx is
// the cell's context: Interrupt cancels it, and it is what the kernel hands
// to cells through display.Context. A compile error, a panic or an interrupt
// comes back as a *CellError.
func (s *Session) Eval(ctx context.Context, code string) (vals []Value, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	if p := s.pendingGoPanic; p != "" {
		s.pendingGoPanic = ""
		s.mu.Unlock()
		return nil, &CellError{Name: "GoroutinePanic",
			Value: "a goroutine started by an earlier cell panicked after that cell ended: " + p + " (this cell did not run: run it again)"}
	}
	s.ctx, s.cancel, s.cellGoPanic = ctx, cancel, ""
	s.mu.Unlock()
	rearmSleepers()
	var goPanic string
	defer func() {
		s.mu.Lock()
		s.ctx, s.cancel = nil, nil
		if s.cellGoPanic != "" { // recovered after this cell's check: the next cell reports it
			s.pendingGoPanic, s.cellGoPanic = s.cellGoPanic, ""
		}
		s.mu.Unlock()
	}()
	derr := s.do(func(ir *fast.Interp) {
		vals, err = eval(ctx, ir, code)
	})
	if derr != nil {
		return nil, derr
	}
	s.mu.Lock()
	goPanic, s.cellGoPanic = s.cellGoPanic, ""
	s.mu.Unlock()
	if goPanic != "" {
		return nil, &CellError{Name: "GoroutinePanic", Value: "a goroutine panicked while this cell ran: " + goPanic}
	}
	if ctx.Err() != nil && s.interrupted(ctx) && !errors.Is(err, ErrInterrupted) {
		// compiled code saw the cancelled context and returned, normally or
		// with an error of its own: the cell was still interrupted
		value := "the cell was interrupted"
		if err != nil {
			value += " (" + err.Error() + ")"
		}
		return nil, &CellError{Name: "Interrupted", Value: value, Err: ErrInterrupted}
	}
	return vals, err
}

// interrupted reports whether Interrupt cancelled ctx.
func (s *Session) interrupted(ctx context.Context) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.interruptedCtx == ctx
}

func eval(ctx context.Context, ir *fast.Interp, code string) (vals []Value, err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		err = cellError(ctx, r)
	}()
	if strings.TrimSpace(code) == "" {
		return nil, nil
	}
	form := ir.Parse(code)
	guardGoroutines(form)
	vs, ts := ir.RunExpr(ir.CompileAst(form))
	for i := range vs {
		var t xr.Type
		if i < len(ts) {
			t = ts[i]
		}
		vals = append(vals, Value{Value: vs[i], Type: t})
	}
	return vals, nil
}

// cellError turns a recovered panic into the cell's error.
func cellError(ctx context.Context, r any) *CellError {
	if sig, ok := r.(base.Signal); ok && sig == base.SigInterrupt || ctx.Err() != nil && isInterrupt(r) {
		return &CellError{Name: "Interrupted", Value: "the cell was interrupted", Err: ErrInterrupted}
	}
	if e, ok := r.(*ExitError); ok {
		return &CellError{Name: "Exit", Value: e.Error() + ": the cell stopped; the session and its variables are kept", Err: e}
	}
	switch e := r.(type) {
	case interface{ Error() string }:
		if isCompileError(r) {
			return &CellError{Name: "CompileError", Value: e.Error()}
		}
		ce := &CellError{Name: "Panic", Value: e.Error(), Stack: trimStack(string(debug.Stack()))}
		if err, ok := r.(error); ok {
			ce.Err = err
		}
		return ce
	default:
		return &CellError{Name: "Panic", Value: fmt.Sprint(r), Stack: trimStack(string(debug.Stack()))}
	}
}

func isInterrupt(r any) bool {
	sig, ok := r.(base.Signal)
	return ok && sig == base.SigInterrupt
}

// isCompileError tells gomacro's own errors (parse and type errors, raised
// as panics while compiling) from panics of the running program.
func isCompileError(r any) bool {
	switch fmt.Sprintf("%T", r) {
	case "output.RuntimeError", "*output.RuntimeError", "scanner.ErrorList", "*scanner.Error", "scanner.Error":
		return true
	}
	return false
}

// Context returns the context of the running cell (cancelled when the cell
// is interrupted), or context.Background between cells.
func (s *Session) Context() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

// Declare binds name to v in the session (replacing any earlier binding), so
// that later code can call its methods, interpreted ones included.
func (s *Session) Declare(name string, v Value) error {
	var err error
	derr := s.do(func(ir *fast.Interp) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("interp: declare %s: %v", name, r)
			}
		}()
		ir.DeclVar(name, v.Type, v.Interface())
	})
	if derr != nil {
		return derr
	}
	return err
}

// Interrupt stops the running cell, if any: gomacro stops interpreted code
// at its next statement, and the cell's context is cancelled so that
// compiled library code that watches it (training loops, searches) returns.
func (s *Session) Interrupt() { s.stop(true) }

// stop cancels the running cell's context and interrupts the interpreter;
// user tells an Interrupt from the session stopping a cell itself (after a
// goroutine panic), whose error says why.
func (s *Session) stop(user bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		if user {
			s.interruptedCtx = s.ctx
		}
		s.cancel()
	}
	if s.ir != nil {
		s.ir.Interrupt(os.Interrupt)
	}
	wakeSleepers()
}

// Close stops the session goroutine. A cell still running keeps it until
// the cell returns.
func (s *Session) Close() {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		close(s.quit)
	}
	s.mu.Unlock()
}
