package interp

import (
	"fmt"
	"os"
	"reflect"
	"sync"
	"time"

	"github.com/cosmos72/gomacro/imports"
)

// ExitError is the panic that os.Exit raises in interpreted code: a cell
// that calls os.Exit ends with an "Exit" error, and the session and its
// variables survive, where the real os.Exit would end the whole kernel.
// Compiled code (log.Fatal inside a library) still calls the real one; the
// kernel's supervisor restarts the session when that happens.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("os.Exit(%d) called", e.Code) }

var patchOnce sync.Once

// patchImports replaces, in gomacro's table of importable packages, the
// two functions a notebook must not run as compiled: os.Exit, which would
// end the kernel, and time.Sleep, which gomacro cannot interrupt because it
// checks its interrupt flag only between interpreted statements. The table
// is gomacro's process-wide one, so this applies to every session of the
// process (the kernel runs one).
func patchImports() {
	patchOnce.Do(func() {
		if pkg, ok := imports.Packages["os"]; ok {
			pkg.Binds["Exit"] = reflect.ValueOf(func(code int) { panic(&ExitError{Code: code}) })
		}
		if pkg, ok := imports.Packages["time"]; ok {
			pkg.Binds["Sleep"] = reflect.ValueOf(sleep)
		}
		_ = os.Exit // the real one stays for compiled code
	})
}

// wake is closed by an Interrupt and replaced when the next cell starts:
// interpreted time.Sleep calls return early while it is closed, so that
// the interpreter reaches its next statement and sees the interrupt. It is
// process-wide like the import table above: an Interrupt wakes the
// sleepers of every session.
var wake struct {
	sync.Mutex
	ch     chan struct{}
	closed bool
}

func wakeSleepers() {
	wake.Lock()
	defer wake.Unlock()
	if wake.ch == nil {
		wake.ch = make(chan struct{})
	}
	if !wake.closed {
		close(wake.ch)
		wake.closed = true
	}
}

// rearmSleepers lets time.Sleep sleep again, at the start of a cell.
func rearmSleepers() {
	wake.Lock()
	defer wake.Unlock()
	if wake.ch == nil || wake.closed {
		wake.ch, wake.closed = make(chan struct{}), false
	}
}

func wakeChan() <-chan struct{} {
	wake.Lock()
	defer wake.Unlock()
	if wake.ch == nil {
		wake.ch = make(chan struct{})
	}
	return wake.ch
}

// sleep is time.Sleep as cells see it: it returns early when the session
// is interrupted.
func sleep(d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-wakeChan():
	}
}
