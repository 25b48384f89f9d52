package synth

import "errors"

var (
	// ErrMask: a mask was asked for with an impossible arity or length.
	ErrMask = errors.New("synth: invalid mask")
	// ErrMaskRejects: an opcode the mask does not allow was pushed.
	ErrMaskRejects = errors.New("synth: opcode not allowed here")
	// ErrTask: a task is malformed (no examples, wrong arity, ...).
	ErrTask = errors.New("synth: invalid task")
	// ErrExamples: an examples string could not be parsed.
	ErrExamples = errors.New("synth: invalid examples")
	// ErrSpec: a task file could not be read.
	ErrSpec = errors.New("synth: invalid spec")
	// ErrInternal: a panic inside the search, recovered at the package
	// boundary.
	ErrInternal = errors.New("synth: internal error")
)
