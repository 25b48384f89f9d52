package web

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// The dashboard runs code and reads local files for whoever can reach it,
// so, as Jupyter does, it answers only to host names it knows (a page on
// another site that rebinds its DNS name to 127.0.0.1 sends its own name as
// Host) and refuses state-changing requests that a browser sends from
// another origin (a cross-site form or fetch carries its Origin).

// allowHosts sets the Host names the server answers to: the loopback
// names, Config.AllowHosts and bound (the listener's IP, if any).
func (s *Server) allowHosts(bound string) {
	m := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	for _, h := range s.cfg.AllowHosts {
		m[strings.ToLower(strings.Trim(h, "[]"))] = true
	}
	if ip := net.ParseIP(bound); ip != nil {
		if ip.IsUnspecified() {
			s.anyIP.Store(true)
		} else {
			m[ip.String()] = true
		}
	}
	s.hosts.Store(&m)
}

// hostName is the host of a Host header or URL host, without port or
// brackets, in lower case.
func hostName(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	return strings.ToLower(strings.Trim(h, "[]"))
}

func (s *Server) hostAllowed(hostport string) bool {
	h := hostName(hostport)
	if (*s.hosts.Load())[h] {
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback() || s.anyIP.Load()
	}
	return false
}

// checkHost refuses a request whose Host header is not one of ours (403).
func (s *Server) checkHost(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if h := c.Request().Host; !s.hostAllowed(h) {
			return apiErr(http.StatusForbidden, "forbidden",
				"Host %q is not allowed: the dashboard answers to localhost, 127.0.0.1, [::1] and the address it listens on (irsynth serve --allow-host NAME adds a name)", h)
		}
		return next(c)
	}
}

// checkOrigin refuses a state-changing request (any method but GET, HEAD
// and OPTIONS) that a browser sent from another origin: its Origin header
// must name the same host and port as its Host. Requests without Origin
// (curl, scripts) pass.
func checkOrigin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		origin := r.Header.Get("Origin")
		if origin == "" {
			if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
				return apiErr(http.StatusForbidden, "forbidden", "cross-site %s refused", r.Method)
			}
			return next(c)
		}
		u, err := url.Parse(origin)
		if err != nil || u.Host == "" || !strings.EqualFold(u.Host, r.Host) {
			return apiErr(http.StatusForbidden, "forbidden",
				"cross-origin %s refused: Origin %q is not this server (%s)", r.Method, origin, r.Host)
		}
		return next(c)
	}
}
