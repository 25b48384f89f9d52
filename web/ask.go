package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

// Model kinds a natural-language request can go to.
const (
	ModelClassifier = models.KindClassifier // picks a library program, operands extracted from the text
	ModelDecoder    = models.KindDecoder    // writes the opcodes itself
)

// AskRequest is the body of POST /api/ask.
type AskRequest struct {
	Text  string `json:"text"`
	Model string `json:"model,omitempty"` // "classifier" (default) or "decoder"
}

// AskResponse is a request answered by a trained model and run.
type AskResponse struct {
	Text      string       `json:"text"`
	Model     string       `json:"model"`
	Predicted string       `json:"predicted"` // program name (classifier) or generated IR (decoder)
	Operands  []int32      `json:"operands"`
	Run       *RunResponse `json:"run"`
}

// ModelInfo says whether a trained model can answer requests.
type ModelInfo struct {
	Kind       string   `json:"kind"`
	Available  bool     `json:"available"`
	Reason     string   `json:"reason,omitempty"`
	Checkpoint string   `json:"checkpoint"`
	Labels     []string `json:"labels,omitempty"` // programs the classifier knows
}

// modelCache loads checkpoints lazily and reloads one when its file changes.
// The models are not safe for concurrent use, so one token (lock) is held
// while a checkpoint loads or a model answers. Every taker waits for it
// only as long as its context lives (the request's, bounded by
// Config.AskTimeout), so a slow request never blocks the others past their
// own deadlines, and a client that leaves stops waiting at once.
type modelCache struct {
	dir     string
	enc     models.Encoder // nil: the default
	lock    chan struct{}  // capacity 1: held while loading or answering
	waiting atomic.Int64   // takers waiting for lock (tests, /api/models)
	loaded  map[string]any // kind → *models.Classifier or *models.Decoder; guarded by lock
	mod     map[string]time.Time
}

func newModelCache(dir string, enc models.Encoder) *modelCache {
	return &modelCache{dir: dir, enc: enc, lock: make(chan struct{}, 1)}
}

// acquire takes the lock, or returns ctx's error if ctx ends first.
func (mc *modelCache) acquire(ctx context.Context) error {
	select {
	case mc.lock <- struct{}{}:
		return nil
	default:
	}
	mc.waiting.Add(1)
	defer mc.waiting.Add(-1)
	select {
	case mc.lock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (mc *modelCache) release() { <-mc.lock }

// loaders read each kind of model from its checkpoint.
var loaders = map[string]func(path string, enc models.Encoder) (any, error){
	ModelClassifier: func(p string, enc models.Encoder) (any, error) { return models.LoadClassifier(p, enc) },
	ModelDecoder:    func(p string, enc models.Encoder) (any, error) { return models.LoadDecoder(p, enc) },
}

func (mc *modelCache) path(kind string) string {
	return results.CheckpointPath(mc.dir, kind)
}

// load returns the model of kind, (re)reading its checkpoint if needed.
// Call with the lock held.
func (mc *modelCache) load(kind string) (any, error) {
	loader, ok := loaders[kind]
	if !ok {
		return nil, fmt.Errorf("unknown model %q (want %q or %q)", kind, ModelClassifier, ModelDecoder)
	}
	p := mc.path(kind)
	st, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("not trained yet (no %s; run irsynth train %s)", p, kind)
	}
	if m, ok := mc.loaded[kind]; ok && mc.mod[kind].Equal(st.ModTime()) {
		return m, nil
	}
	m, err := loader(p, mc.enc)
	if err != nil {
		return nil, err
	}
	if mc.loaded == nil {
		mc.loaded, mc.mod = map[string]any{}, map[string]time.Time{}
	}
	mc.loaded[kind], mc.mod[kind] = m, st.ModTime()
	return m, nil
}

// info says which models can answer; an error when ctx ends before the
// lock is free.
func (mc *modelCache) info(ctx context.Context) ([]ModelInfo, error) {
	if err := mc.acquire(ctx); err != nil {
		return nil, err
	}
	defer mc.release()
	var out []ModelInfo
	for _, kind := range []string{ModelClassifier, ModelDecoder} {
		mi := ModelInfo{Kind: kind, Checkpoint: mc.path(kind)}
		m, err := mc.load(kind)
		if err != nil {
			mi.Reason = err.Error()
		} else {
			mi.Available = true
			if c, ok := m.(*models.Classifier); ok {
				mi.Labels = c.Labels()
			}
		}
		out = append(out, mi)
	}
	return out, nil
}

func (s *Server) apiModels(c echo.Context) error {
	parent := c.Request().Context()
	ctx, cancel := context.WithTimeout(parent, s.cfg.AskTimeout)
	defer cancel()
	info, err := s.models.info(ctx)
	if err != nil {
		return s.askGaveUp(parent, false)
	}
	return c.JSON(http.StatusOK, map[string]any{"models": info})
}

// apiAsk answers a natural-language request with a trained model: the
// classifier names a library program and the operands are read from the
// text; the decoder writes the program. Either way the program then runs
// like POST /api/run.
func (s *Server) apiAsk(c echo.Context) error {
	var req AskRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	req.Text = strings.TrimSpace(req.Text)
	if req.Text == "" {
		return badRequest("request", `missing "text": a request such as "Sum 1 to 50"`)
	}
	if len(req.Text) > 1000 {
		return badRequest("request", `"text" is %d bytes; at most 1000`, len(req.Text))
	}
	if req.Model == "" {
		req.Model = ModelClassifier
	}
	if req.Model != ModelClassifier && req.Model != ModelDecoder {
		return badRequest("request", `unknown model %q (want %q or %q)`, req.Model, ModelClassifier, ModelDecoder)
	}
	// The server's write timeout is sized for runs; the model may take
	// up to AskTimeout first.
	_ = http.NewResponseController(c.Response().Writer).SetWriteDeadline(time.Now().Add(s.cfg.AskTimeout + s.cfg.Timeout + 10*time.Second))
	a, err := s.ask(c.Request().Context(), req)
	if err != nil {
		return err
	}
	run, err := s.run(c.Request().Context(), a.Program, a.Operands, a.Predicted)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, AskResponse{Text: req.Text, Model: req.Model, Predicted: a.Predicted, Operands: a.Operands, Run: run})
}

// ask has the model answer req (models' AskContext, shared with `irsynth
// ask`) within Config.AskTimeout and turns its errors into the API's: 503
// (kind "busy") when another request held the model all that time, 504
// (kind "timeout") when the model itself did not answer in time, 499 (kind
// "cancelled") when the client left. The model runs in a goroutine that
// holds the lock; the handler answers at the deadline, and the model, which
// checks the same context (before every token the decoder writes), stops
// and frees the lock soon after.
func (s *Server) ask(parent context.Context, req AskRequest) (models.Answer, error) {
	ctx, cancel := context.WithTimeout(parent, s.cfg.AskTimeout)
	defer cancel()
	if err := s.models.acquire(ctx); err != nil {
		return models.Answer{}, s.askGaveUp(parent, false)
	}
	type answer struct {
		a   models.Answer
		err error
	}
	done := make(chan answer, 1)
	go func() {
		defer s.models.release()
		var r answer
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("web: the %s model panicked: %v", req.Model, p)
			}
			done <- r
		}()
		m, err := s.models.load(req.Model)
		if err != nil {
			r.err = apiErr(http.StatusConflict, "no_model", "%s: %v", req.Model, err)
			return
		}
		switch m := m.(type) {
		case *models.Classifier:
			r.a, r.err = m.AskContext(ctx, req.Text)
		case *models.Decoder:
			r.a, r.err = m.AskContext(ctx, req.Text)
		default:
			r.err = errors.New("web: unknown model type")
		}
	}()
	var r answer
	select {
	case r = <-done:
	case <-ctx.Done():
		select { // an answer that came with the deadline still counts
		case r = <-done:
		default:
			return models.Answer{}, s.askGaveUp(parent, true)
		}
	}
	a, err := r.a, r.err
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
		return a, s.askGaveUp(parent, true)
	}
	switch {
	case err == nil:
		return a, nil
	case errors.Is(err, models.ErrOperands):
		return a, apiErr(http.StatusUnprocessableEntity, "operands", "%s", strings.TrimPrefix(err.Error(), models.ErrOperands.Error()+": "))
	case errors.Is(err, models.ErrInvalidProgram):
		ae, _ := validationError(err, a.Predicted).(*APIError)
		if ae == nil {
			return a, err
		}
		ae.Message = "the decoder wrote an invalid program: " + strings.TrimPrefix(ae.Message, models.ErrInvalidProgram.Error()+": ")
		ae.Program = a.Predicted
		return a, ae
	}
	return a, err
}

// askGaveUp is the error of a model request whose context ended: the
// client left (499), or Config.AskTimeout passed while another request held
// the model (503, busy) or while the model answered (504).
func (s *Server) askGaveUp(parent context.Context, answering bool) error {
	switch {
	case parent.Err() != nil:
		return apiErr(499, "cancelled", "the request was cancelled")
	case answering:
		return apiErr(http.StatusGatewayTimeout, "timeout",
			"the model did not answer within %v (irsynth serve --ask-timeout)", s.cfg.AskTimeout)
	}
	e := apiErr(http.StatusServiceUnavailable, "busy",
		"the model is busy with other requests: waited %v (irsynth serve --ask-timeout) for it; try again", s.cfg.AskTimeout)
	e.RetryAfter = 1
	return e
}

// run runs p on args through the module cache, as POST /api/run does.
func (s *Server) run(ctx context.Context, p ir.Program, args []int32, source string) (*RunResponse, error) {
	if len(args) != p.Arity {
		return nil, badRequest("args", "%s takes %d argument%s (SLOT_0..SLOT_%d), got %d",
			p.Name, p.Arity, plural(p.Arity), p.Arity-1, len(args))
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout+time.Second)
	defer cancel()
	start := time.Now()
	comp, v, err := s.cache.call(ctx, p, args)
	elapsed := time.Since(start)
	if err != nil {
		var ve *ir.ValidationError
		if errors.As(err, &ve) {
			return nil, validationError(err, source)
		}
		if comp == nil {
			return nil, fmt.Errorf("compile %s: %w", p.Name, err)
		}
		return nil, runError(err, p, s.cfg)
	}
	if args == nil {
		args = []int32{}
	}
	return &RunResponse{
		Name: p.Name, Arity: p.Arity, Length: p.Len(), IR: p.String(), Indented: ir.FormatIndented(p.Ops),
		WAT: comp.wat, WasmHex: comp.hexStr, WasmSize: len(comp.wasm), Args: args, Result: v,
		ElapsedNs: elapsed.Nanoseconds(), Fuel: s.cfg.Fuel, TimeoutMs: s.cfg.Timeout.Milliseconds(),
	}, nil
}
