package interp

import (
	"errors"
	"fmt"
)

// Sentinel errors of the interpreter session.
var (
	// ErrInterrupted: the cell was stopped by Interrupt.
	ErrInterrupted = errors.New("interp: interrupted")
	// ErrClosed: the session was closed.
	ErrClosed = errors.New("interp: session closed")
	// ErrUnsupportedToolchain: gomacro cannot work on this Go toolchain.
	ErrUnsupportedToolchain = errors.New("interp: unsupported Go toolchain")
)

// CellError is the error of one cell: a compile error, a panic or an
// interrupt. Name is the Jupyter error name ("CompileError", "Panic",
// "Interrupted"), Value the message, and Stack the Go stack of the panic
// inside the kernel, when there is one.
type CellError struct {
	Name  string
	Value string
	Stack string
	Err   error // ErrInterrupted, or the panic value when it is an error
}

func (e *CellError) Error() string { return fmt.Sprintf("%s: %s", e.Name, e.Value) }

// Unwrap returns the underlying error, so that errors.Is(err, ErrInterrupted)
// holds for an interrupted cell.
func (e *CellError) Unwrap() error { return e.Err }
