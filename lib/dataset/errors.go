package dataset

import (
	"errors"
	"fmt"
)

var (
	// ErrUnknownProgram is returned for a program name the library lacks.
	ErrUnknownProgram = errors.New("dataset: unknown program")
	// ErrNoTemplates is returned for a library program without templates.
	ErrNoTemplates = errors.New("dataset: no templates for program")
	// ErrOperands is returned when a text does not hold the operands asked for.
	ErrOperands = errors.New("dataset: operands not found")
	// ErrSplit is returned for a split that cannot be generated.
	ErrSplit = errors.New("dataset: bad split")
	// ErrRecord is matched by every *RecordError.
	ErrRecord = errors.New("dataset: bad record")
)

// RecordError reports a dataset file that cannot be used: the file, the
// record (0-based; -1 when the file as a whole is malformed) and why.
type RecordError struct {
	File   string
	Record int
	Err    error
}

func (e *RecordError) Error() string {
	if e.Record < 0 {
		return fmt.Sprintf("dataset: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("dataset: %s: record %d: %v", e.File, e.Record, e.Err)
}

func (e *RecordError) Unwrap() []error { return []error{ErrRecord, e.Err} }
