package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// connLimiter caps the open connections of a listener. At the cap, a new
// connection closes the connection that has waited longest without a
// request in progress (it has not sent a whole request header yet, which
// net/http still calls StateNew or StateIdle, so slowloris clients are
// among them), so that thousands of idle or slowloris connections cannot
// lock out a real client; when every connection is busy, the new one gets
// a bare 503 and is closed. The accept loop never stops, so the kernel's
// backlog never fills and file descriptors stay under the cap.
type connLimiter struct {
	net.Listener
	max   int
	mu    sync.Mutex
	conns map[net.Conn]*connInfo
}

type connInfo struct {
	state http.ConnState
	since time.Time
}

func newConnLimiter(ln net.Listener, max int) *connLimiter {
	return &connLimiter{Listener: ln, max: max, conns: make(map[net.Conn]*connInfo)}
}

const refusal = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain\r\nContent-Length: 30\r\nConnection: close\r\n\r\nserver busy: too many requests"

func (l *connLimiter) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		now := time.Now()
		l.mu.Lock()
		if len(l.conns) >= l.max {
			victim := l.longestWaiting()
			if victim == nil {
				l.mu.Unlock()
				c.SetWriteDeadline(now.Add(100 * time.Millisecond))
				c.Write([]byte(refusal))
				c.Close()
				continue
			}
			delete(l.conns, victim)
			victim.Close()
		}
		l.conns[c] = &connInfo{state: http.StateNew, since: now}
		l.mu.Unlock()
		return c, nil
	}
}

// longestWaiting is the connection without a request in progress that has
// been so longest, or nil. Called with mu held.
func (l *connLimiter) longestWaiting() net.Conn {
	var best net.Conn
	var bestSince time.Time
	for c, ci := range l.conns {
		if ci.state != http.StateNew && ci.state != http.StateIdle {
			continue
		}
		if best == nil || ci.since.Before(bestSince) {
			best, bestSince = c, ci.since
		}
	}
	return best
}

// connState is the http.Server's ConnState hook.
func (l *connLimiter) connState(c net.Conn, st http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch st {
	case http.StateClosed, http.StateHijacked:
		delete(l.conns, c)
	default:
		if ci, ok := l.conns[c]; ok {
			ci.state, ci.since = st, time.Now()
		}
	}
}

// open is the number of connections held now.
func (l *connLimiter) open() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.conns)
}
