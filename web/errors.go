package web

import (
	"errors"
	"fmt"
	"net/http"
)

var (
	// ErrNoResultsDir: Config.ResultsDir names something that is not a directory.
	ErrNoResultsDir = errors.New("web: results directory")
	// ErrConfig: a Config field out of range.
	ErrConfig = errors.New("web: invalid config")
)

// APIError is the one error shape the API returns, as
// {"error": {"status": 422, "kind": "validation", "message": ..., ...}}.
// Kind names what was wrong: "json", "too_large", "busy", "bad_record",
// "forbidden", "method", "request", "unknown_program",
// "args", "validation", "fuel", "timeout", "trap", "not_found", "no_data",
// "no_model", "operands", "no_echarts", "examples", "budget", "text",
// "max_steps", "cancelled", "http", "internal". Validation errors carry the opcode's Index, Op, the
// Rule broken and the Span (UTF-16 offsets of the token in the IR text).
type APIError struct {
	Status  int    `json:"status"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Index   *int   `json:"index,omitempty"`
	Op      string `json:"op,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Detail  string `json:"detail,omitempty"`
	Span    []int  `json:"span,omitempty"`
	// Program is the IR text the span refers to when the server wrote
	// it (the decoder's output), not the client.
	Program string `json:"program,omitempty"`
	// RetryAfter (seconds) comes with 503 "busy"; the error handler sends
	// it as the Retry-After header too.
	RetryAfter int `json:"retry_after_s,omitempty"`
}

func (e *APIError) Error() string { return fmt.Sprintf("web: %s: %s", e.Kind, e.Message) }

func apiErr(status int, kind, format string, a ...any) *APIError {
	return &APIError{Status: status, Kind: kind, Message: fmt.Sprintf(format, a...)}
}

func badRequest(kind, format string, a ...any) *APIError {
	return apiErr(http.StatusBadRequest, kind, format, a...)
}
