package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/irsynth/irsynth/lib/synth"
)

// SynthRequest is the body of POST /api/synth: a request in words, its
// examples and a time budget. Examples is either the command line's syntax
// ("27→111, 7→16, 1→0") or the task-file array
// ([{"inputs": [27], "output": 111}, ...]); Budget is a Go duration ("10s").
type SynthRequest struct {
	Name     string          `json:"name,omitempty"`
	Text     string          `json:"text"`
	Examples json.RawMessage `json:"examples"`
	Budget   string          `json:"budget,omitempty"`
}

// SynthProgress is one progress event of a streamed search.
type SynthProgress struct {
	Candidates int64 `json:"candidates"`
	Size       int   `json:"size"`
	ElapsedMs  int64 `json:"elapsed_ms"`
}

const maxSynthText = 2000 // runes of request text

// searches admits at most cap(slots) syntheses at once and lets at most
// cap(cores) of them compute at any moment: a search holds a core token
// while it runs and hands it on at each progress poll (about every 100 ms),
// so searches share those cores in turn and the rest of the machine stays
// free for the dashboard's other requests.
type searches struct {
	slots   chan struct{}
	cores   chan struct{}
	running atomic.Int64
}

func newSearches(n, cores int) *searches {
	return &searches{slots: make(chan struct{}, n), cores: make(chan struct{}, cores)}
}

func (s *searches) acquire() bool {
	select {
	case s.slots <- struct{}{}:
		s.running.Add(1)
		return true
	default:
		return false
	}
}

func (s *searches) release() {
	s.running.Add(-1)
	<-s.slots
}

// compute waits for a core token; false when ctx ends first.
func (s *searches) compute(ctx context.Context) bool {
	select {
	case s.cores <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// yield hands the core token to a waiting search, if any, and waits for
// it back; false when ctx ends first (the token is then not held).
func (s *searches) yield(ctx context.Context) bool {
	<-s.cores
	return s.compute(ctx)
}

// task reads a request into a synthesis task and its budget, or a 4xx.
func (s *Server) synthTask(req SynthRequest) (synth.Task, time.Duration, error) {
	t := synth.Task{Name: strings.TrimSpace(req.Name), Text: strings.TrimSpace(req.Text)}
	if t.Name == "" {
		t.Name = "web"
	}
	if n := utf8.RuneCountInString(t.Text); n > maxSynthText {
		return t, 0, badRequest("text", "text is %d characters, at most %d", n, maxSynthText)
	}
	raw := bytes.TrimSpace(req.Examples)
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return t, 0, badRequest("examples", `missing "examples": give them as "27→111, 7→16" or [{"inputs": [27], "output": 111}]`)
	case raw[0] == '"':
		var text string
		if err := json.Unmarshal(raw, &text); err != nil {
			return t, 0, badRequest("examples", "examples: %v", err)
		}
		ex, err := synth.ParseExamples(text)
		if err != nil {
			return t, 0, badRequest("examples", "%v", err)
		}
		t.Examples = ex
	case raw[0] == '[':
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&t.Examples); err != nil {
			return t, 0, badRequest("examples", `examples: want [{"inputs": [..], "output": n}, ...]: %v`, err)
		}
	default:
		return t, 0, badRequest("examples", `examples must be a string ("27→111, 7→16") or an array of {"inputs", "output"}`)
	}
	if err := t.Validate(); err != nil {
		return t, 0, badRequest("examples", "%v", err)
	}
	budget := synth.DefaultBudget
	if b := strings.TrimSpace(req.Budget); b != "" {
		d, err := time.ParseDuration(b)
		if err != nil {
			return t, 0, badRequest("budget", `budget %q: want a duration such as "10s"`, b)
		}
		budget = d
	}
	switch {
	case budget <= 0:
		return t, 0, badRequest("budget", "budget %v: must be positive", budget)
	case budget > s.cfg.MaxSynthBudget:
		return t, 0, badRequest("budget", "budget %v is over the server's cap of %v", budget, s.cfg.MaxSynthBudget)
	}
	return t, budget, nil
}

// apiSynth searches for a program that fits the examples. With
// "Accept: text/event-stream" it streams "progress" events (SynthProgress)
// and ends with one "result" event holding the record; otherwise it answers
// with the record alone. The record is synth.Result: name, status (solved,
// ambiguous, not_found), program, WAT, seconds, candidates and, when
// ambiguous, the distinguishing input with each candidate's output there.
// Closing the connection cancels the search.
func (s *Server) apiSynth(c echo.Context) error {
	var req SynthRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	task, budget, err := s.synthTask(req)
	if err != nil {
		return err
	}
	if !s.searches.acquire() {
		c.Response().Header().Set("Retry-After", "5")
		return apiErr(http.StatusTooManyRequests, "busy",
			"the server is already running %d searches, its limit; try again when one finishes", cap(s.searches.slots))
	}
	// The search goroutine below releases the slot when the search has
	// stopped, so the count is of searches computing, not of handlers.
	// The server's write timeout is sized for runs; a search may take its
	// whole budget, and then the answer still has to go out.
	_ = http.NewResponseController(c.Response().Writer).SetWriteDeadline(time.Now().Add(budget + 30*time.Second))
	ctx, cancel := context.WithCancel(c.Request().Context())
	defer cancel()

	stream := strings.Contains(c.Request().Header.Get("Accept"), "text/event-stream")
	progress := make(chan synth.Progress, 1)
	holding := false // the search goroutine holds a core token
	opt := synth.Options{Budget: budget, Progress: func(p synth.Progress) {
		if holding {
			holding = s.searches.yield(ctx)
		}
		if !stream {
			return
		}
		select { // keep the newest; never block the search
		case progress <- p:
		default:
			select {
			case <-progress:
			default:
			}
			select {
			case progress <- p:
			default:
			}
		}
	}}
	type answer struct {
		res synth.Result
		err error
	}
	done := make(chan answer, 1)
	go func() {
		defer s.searches.release()
		var a answer
		if holding = s.searches.compute(ctx); holding {
			a.res, a.err = synth.Synthesize(ctx, task, opt)
		} else {
			a.err = ctx.Err()
		}
		if holding {
			<-s.searches.cores
		}
		done <- a
	}()
	if !stream {
		a := <-done
		if a.err != nil {
			return synthError(a.err)
		}
		return c.JSON(http.StatusOK, a.res)
	}

	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream")
	w.Header().Set(echo.HeaderCacheControl, "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	event := func(name string, v any) error {
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, data); err != nil {
			return err
		}
		w.Flush()
		return nil
	}
	if err := event("progress", SynthProgress{}); err != nil {
		return nil // the client left; the deferred cancel stops the search
	}
	for {
		select {
		case p := <-progress:
			if event("progress", SynthProgress{Candidates: p.Candidates, Size: p.Size, ElapsedMs: p.Elapsed.Milliseconds()}) != nil {
				cancel()
				<-done
				return nil
			}
		case a := <-done:
			if a.err != nil {
				if ctx.Err() == nil {
					event("error", map[string]any{"error": toAPIError(synthError(a.err))})
				}
				return nil
			}
			event("result", a.res)
			return nil
		}
	}
}

func synthError(err error) error {
	switch {
	case errors.Is(err, synth.ErrTask):
		return badRequest("examples", "%v", err)
	case errors.Is(err, context.Canceled):
		return apiErr(499, "cancelled", "the search was cancelled")
	}
	return fmt.Errorf("synth: %w", err)
}

// apiSynthRunning reports how many searches run now and the limit.
func (s *Server) apiSynthRunning(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"running": s.searches.running.Load(), "limit": cap(s.searches.slots)})
}

func (s *Server) pageSynth(c echo.Context) error {
	return c.Render(http.StatusOK, "synth.html", page{"Synthesis", "synth", map[string]any{
		"DefaultBudget": synth.DefaultBudget, "MaxBudget": fmt.Sprintf("%g s", s.cfg.MaxSynthBudget.Seconds()), "MaxExamples": synth.MaxExamples,
		"Limit": cap(s.searches.slots),
	}})
}
