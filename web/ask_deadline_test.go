package web

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models"
)

// gateEncoder is the default encoder, except that Encode reports that it
// started (on entered) and then blocks until release is closed: a model
// request as slow as the test wants.
type gateEncoder struct {
	models.Encoder
	entered chan struct{}
	release chan struct{}
}

func (e *gateEncoder) Encode(text string) ([]float32, error) {
	select {
	case e.entered <- struct{}{}:
	default:
	}
	<-e.release
	return e.Encoder.Encode(text)
}

// askOver POSTs body to /api/ask at addr over TCP with ctx and returns the
// status, the error's kind (if any) and the Retry-After header.
func askOver(ctx context.Context, addr, body string) (status int, kind, retry string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+"/api/ask", strings.NewReader(body))
	if err != nil {
		return 0, "", "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, "", "", err
	}
	var e struct{ Error *APIError }
	if json.Unmarshal(b, &e) == nil && e.Error != nil {
		kind = e.Error.Kind
	}
	return resp.StatusCode, kind, resp.Header.Get("Retry-After"), nil
}

// TestAskDeadline: real clients over TCP against a model that hangs. The
// request holding the model gets 504 at Config.AskTimeout, one waiting
// behind it gets 503 busy with Retry-After at its own deadline, a client
// that leaves while waiting stops waiting at once, and once the model
// answers again the next request is served: no request blocks another past
// the deadline, and nothing stays locked.
func TestAskDeadline(t *testing.T) {
	dir := t.TempDir()
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram, split.Seed = 8, 1, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		t.Fatal(err)
	}
	c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Save(filepath.Join(dir, "models", ModelClassifier+".ckpt")); err != nil {
		t.Fatal(err)
	}
	gated := func(limit time.Duration) (*Server, string, *gateEncoder) {
		enc := &gateEncoder{Encoder: models.DefaultEncoder(), entered: make(chan struct{}, 1), release: make(chan struct{})}
		t.Cleanup(func() {
			select {
			case <-enc.release:
			default:
				close(enc.release)
			}
		})
		s := newServer(t, Config{ResultsDir: dir, Encoder: enc, AskTimeout: limit})
		// Load the checkpoint now: the first request would load it within
		// its own limit, which a slow machine can spend on loading alone.
		if _, err := s.models.info(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s, serveLoopback(t, s), enc
	}
	const limit = 400 * time.Millisecond
	s, addr, enc := gated(limit)
	body := `{"text":"Sum 1 to 50"}`
	bg := context.Background()

	type reply struct {
		status int
		kind   string
		took   time.Duration
		err    error
	}
	holder := make(chan reply, 1)
	go func() {
		start := time.Now()
		st, kind, _, err := askOver(bg, addr, body)
		holder <- reply{st, kind, time.Since(start), err}
	}()
	select {
	case <-enc.entered:
	case r := <-holder:
		t.Fatalf("the first request was answered without reaching the model: %d %q, %v", r.status, r.kind, r.err)
	case <-time.After(10 * time.Second):
		t.Fatal("the first request never reached the model")
	}

	start := time.Now()
	st, kind, retry, err := askOver(bg, addr, body)
	took := time.Since(start)
	if err != nil || st != http.StatusServiceUnavailable || kind != "busy" || retry != "1" {
		t.Errorf("waiting behind a hung model: %d %q Retry-After %q, %v; want 503 busy, Retry-After 1", st, kind, retry, err)
	}
	if took < limit*3/4 || took > limit+3*time.Second {
		t.Errorf("the waiting request was answered after %v; want about the limit %v", took, limit)
	}

	r := <-holder
	if r.err != nil || r.status != http.StatusGatewayTimeout || r.kind != "timeout" || r.took > limit+3*time.Second {
		t.Errorf("the request holding a hung model: %d %q after %v, %v; want 504 timeout at about %v", r.status, r.kind, r.took, r.err, limit)
	}

	// A client that leaves while waiting stops waiting at once: on a
	// server whose limit is a minute, only the client's leaving can end
	// the wait.
	s2, addr2, enc2 := gated(time.Minute)
	ctx, cancel := context.WithCancel(bg)
	holding := make(chan error, 1)
	go func() { _, _, _, err := askOver(ctx, addr2, body); holding <- err }()
	<-enc2.entered
	left := make(chan error, 1)
	go func() { _, _, _, err := askOver(ctx, addr2, body); left <- err }()
	waitFor(t, "a request waiting for the model", func() bool { return s2.models.waiting.Load() == 1 })
	cancel()
	for _, c := range []chan error{holding, left} {
		if err := <-c; !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled client: %v", err)
		}
	}
	waitFor(t, "the cancelled request to stop waiting", func() bool { return s2.models.waiting.Load() == 0 })
	close(enc2.release)
	waitFor(t, "the abandoned model call to free the model", func() bool { return len(s2.models.lock) == 0 })

	// Concurrent clients on the recovered model: each is answered, in
	// turn, and none is refused.
	const clients = 24
	replies := make(chan reply, clients)
	for range clients {
		go func() {
			st, kind, _, err := askOver(bg, addr2, body)
			replies <- reply{status: st, kind: kind, err: err}
		}()
	}
	for range clients {
		r := <-replies
		if r.err != nil || (r.status != http.StatusOK && !(r.status == http.StatusUnprocessableEntity && r.kind == "operands")) {
			t.Errorf("concurrent client: %d %q, %v; want an answer", r.status, r.kind, r.err)
		}
	}

	// The model answers again: the abandoned call finishes, frees the
	// model, and the next request is answered by it (200, or 422 when the
	// small classifier picks a program whose operands the text lacks).
	close(enc.release)
	st, kind, _, err = askOver(bg, addr, body)
	if err != nil || (st != http.StatusOK && !(st == http.StatusUnprocessableEntity && kind == "operands")) {
		t.Errorf("after the model recovered: %d %q, %v; want an answer", st, kind, err)
	}
	waitFor(t, "the model's lock to be free after the last answer", func() bool { return len(s.models.lock) == 0 })
}

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
