package models

import "errors"

var (
	// ErrNoData is returned when training gets no examples.
	ErrNoData = errors.New("models: no training examples")
	// ErrConfig is returned for a configuration that cannot be trained.
	ErrConfig = errors.New("models: invalid config")
	// ErrCheckpoint is returned for a checkpoint that cannot be read or does
	// not match the model asked for.
	ErrCheckpoint = errors.New("models: bad checkpoint")
	// ErrEncoder is returned when an encoder fails or does not match a model.
	ErrEncoder = errors.New("models: encoder")
	// ErrToken is returned for a target token outside the vocabulary.
	ErrToken = errors.New("models: unknown token")
	// ErrInternal: a panic inside gorgonia or this package, recovered at
	// the package boundary.
	ErrInternal = errors.New("models: internal error")
)
