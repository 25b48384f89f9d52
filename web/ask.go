package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
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
type modelCache struct {
	dir    string
	enc    models.Encoder // nil: the default
	mu     sync.Mutex     // also serialises Predict and Decode
	loaded map[string]any // kind → *models.Classifier or *models.Decoder
	mod    map[string]time.Time
}

// loaders read each kind of model from its checkpoint.
var loaders = map[string]func(path string, enc models.Encoder) (any, error){
	ModelClassifier: func(p string, enc models.Encoder) (any, error) { return models.LoadClassifier(p, enc) },
	ModelDecoder:    func(p string, enc models.Encoder) (any, error) { return models.LoadDecoder(p, enc) },
}

func (mc *modelCache) path(kind string) string {
	return results.CheckpointPath(mc.dir, kind)
}

// load returns the model of kind, (re)reading its checkpoint if needed.
// Call with mc.mu held.
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

func (mc *modelCache) info() []ModelInfo {
	mc.mu.Lock()
	defer mc.mu.Unlock()
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
	return out
}

func (s *Server) apiModels(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]any{"models": s.models.info()})
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
	a, err := s.ask(req)
	if err != nil {
		return err
	}
	run, err := s.run(c.Request().Context(), a.Program, a.Operands, a.Predicted)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, AskResponse{Text: req.Text, Model: req.Model, Predicted: a.Predicted, Operands: a.Operands, Run: run})
}

// ask has the model answer req (models' Ask, shared with `irsynth ask`)
// and turns its errors into the API's.
func (s *Server) ask(req AskRequest) (models.Answer, error) {
	s.models.mu.Lock()
	defer s.models.mu.Unlock()
	m, err := s.models.load(req.Model)
	if err != nil {
		return models.Answer{}, apiErr(http.StatusConflict, "no_model", "%s: %v", req.Model, err)
	}
	var a models.Answer
	switch m := m.(type) {
	case *models.Classifier:
		a, err = m.Ask(req.Text)
	case *models.Decoder:
		a, err = m.Ask(req.Text)
	default:
		return a, errors.New("web: unknown model type")
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
