package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// handleError is the server's one error handler: API paths get the
// APIError JSON shape, pages a short HTML page with the same message.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	ae := toAPIError(err)
	if ae.Kind == "not_found" && errors.Is(err, echo.ErrNotFound) && s.echo != nil {
		if me := s.methodNotAllowed(c); me != nil {
			ae = me
		}
	}
	if ae.Kind == "too_large" {
		ae.Message = fmt.Sprintf("request body over the %d KiB limit", s.cfg.BodyLimitKiB)
	}
	if ae.RetryAfter > 0 {
		c.Response().Header().Set("Retry-After", fmt.Sprint(ae.RetryAfter))
	}
	if ae.Status >= 500 && s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, "error: %s %s: %v\n", c.Request().Method, c.Request().URL.Path, err)
	}
	var werr error
	if strings.HasPrefix(c.Request().URL.Path, "/api/") || c.Request().URL.Path == "/api" {
		werr = c.JSON(ae.Status, map[string]any{"error": ae})
	} else {
		werr = c.HTML(ae.Status, fmt.Sprintf("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%d</title></head><body><h1>%d %s</h1><p>%s</p><p><a href=\"/\">irsynth dashboard</a></p></body></html>",
			ae.Status, ae.Status, http.StatusText(ae.Status), template.HTMLEscapeString(ae.Message)))
	}
	if werr != nil && s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, "error: writing error response: %v\n", werr)
	}
}

func toAPIError(err error) *APIError {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		msg := fmt.Sprint(he.Message)
		kind := "http"
		switch he.Code {
		case http.StatusRequestEntityTooLarge:
			kind, msg = "too_large", "request body too large"
		case http.StatusNotFound:
			kind = "not_found"
		}
		return &APIError{Status: he.Code, Kind: kind, Message: msg}
	}
	return &APIError{Status: http.StatusInternalServerError, Kind: "internal", Message: err.Error()}
}
