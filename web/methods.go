package web

import (
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
)

// allowedMethods lists the methods that some route other than a catch-all
// serves at path, for 405's Allow header; none means the path is unknown.
func allowedMethods(e *echo.Echo, path string) []string {
	seen := map[string]bool{}
	for _, r := range e.Routes() {
		if r.Path == "/api/*" || r.Path == "/*" || r.Method == echo.RouteNotFound || seen[r.Method] {
			continue
		}
		if matchRoute(r.Path, path) {
			seen[r.Method] = true
		}
	}
	out := make([]string, 0, len(seen))
	for m := range seen {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// matchRoute matches an Echo route pattern (":name" one segment, "*" the
// rest) against a request path.
func matchRoute(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	for i, p := range ps {
		if p == "*" || strings.HasSuffix(p, "*") && i == len(ps)-1 {
			return i <= len(xs) && (i == len(xs) || strings.HasPrefix(xs[i], strings.TrimSuffix(p, "*")))
		}
		if i >= len(xs) {
			return false
		}
		if strings.HasPrefix(p, ":") {
			if xs[i] == "" {
				return false
			}
			continue
		}
		if p != xs[i] {
			return false
		}
	}
	return len(ps) == len(xs)
}

// methodNotAllowed is 405 with Allow when another method serves path, or
// nil.
func (s *Server) methodNotAllowed(c echo.Context) *APIError {
	allow := allowedMethods(s.echo, c.Request().URL.Path)
	if len(allow) == 0 || slices.Contains(allow, c.Request().Method) {
		return nil // unknown path, or the handler itself found nothing
	}
	c.Response().Header().Set("Allow", strings.Join(allow, ", "))
	return apiErr(http.StatusMethodNotAllowed, "method", "%s %s: method not allowed (allowed: %s)",
		c.Request().Method, c.Request().URL.Path, strings.Join(allow, ", "))
}
