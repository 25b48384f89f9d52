package kernel

import "errors"

// Sentinel errors of the kernel. Match them with errors.Is.
var (
	// ErrBadSignature: a message's HMAC signature does not match the
	// connection file's key. Such a message is dropped, never handled.
	ErrBadSignature = errors.New("kernel: bad message signature")
	// ErrMalformedMessage: a message lacks the "<IDS|MSG>" delimiter, a
	// frame, or valid JSON.
	ErrMalformedMessage = errors.New("kernel: malformed message")
	// ErrConnectionFile: the connection file is missing a field or names an
	// unsupported transport or signature scheme.
	ErrConnectionFile = errors.New("kernel: bad connection file")
	// ErrToolchain: the kernel was built with a Go toolchain on which the
	// gomacro interpreter cannot work.
	ErrToolchain = errors.New("kernel: unsupported Go toolchain")
)
