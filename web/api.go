package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"unicode/utf16"

	"github.com/labstack/echo/v4"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// RunRequest is the body of POST /api/run: either IR text or the name of a
// library program, and the arguments (one per SLOT).
type RunRequest struct {
	IR      string  `json:"ir,omitempty"`
	Program string  `json:"program,omitempty"`
	Args    []int32 `json:"args"`
}

// RunResponse is a successful run: the program, its WAT and bytes, and
// the result for the arguments.
type RunResponse struct {
	Name      string  `json:"name"`
	Arity     int     `json:"arity"`
	Length    int     `json:"length"`
	IR        string  `json:"ir"`
	Indented  string  `json:"indented"`
	WAT       string  `json:"wat"`
	WasmHex   string  `json:"wasm_hex"`
	WasmSize  int     `json:"wasm_size"`
	Args      []int32 `json:"args"`
	Result    int32   `json:"result"`
	ElapsedNs int64   `json:"elapsed_ns"`
	Fuel      int64   `json:"fuel"`
	TimeoutMs int64   `json:"timeout_ms"`
}

// decodeJSON reads exactly one JSON value into v, naming what was wrong.
func decodeJSON(c echo.Context, v any) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return he // body limit: the error handler names the limit
		}
		return badRequest("request", "reading body: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("json", "empty body: want a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return badRequest("json", "malformed JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te):
			return badRequest("json", "field %q: %s is not a valid %s", te.Field, te.Value, te.Type)
		default:
			return badRequest("json", "malformed JSON: %v", err)
		}
	}
	if dec.More() {
		return badRequest("json", "malformed JSON: trailing data after the object")
	}
	return nil
}

// tokenSpan returns the UTF-16 offsets [start, end) of token index i in
// IR text, tokenised as ir.Parse does, or nil when there is no such token.
func tokenSpan(text string, index int) []int {
	toks := ir.Tokens(text)
	if index < 0 || index >= len(toks) {
		return nil
	}
	t := toks[index]
	return []int{utf16Len(text[:t.Start]), utf16Len(text[:t.End])}
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

func validationError(err error, text string) error {
	var ve *ir.ValidationError
	if !errors.As(err, &ve) {
		return apiErr(http.StatusUnprocessableEntity, "validation", "%v", err)
	}
	idx := ve.Index
	rule := ""
	if ve.Rule != nil {
		rule = ve.Rule.Error()
	}
	return &APIError{Status: http.StatusUnprocessableEntity, Kind: "validation", Message: ve.Error(),
		Index: &idx, Op: ve.Op, Rule: rule, Detail: ve.Detail, Span: tokenSpan(text, idx)}
}

func (s *Server) apiRun(c echo.Context) error {
	var req RunRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	prog, err := requestProgram(req.Program, req.IR)
	if err != nil {
		return err
	}
	out, err := s.run(c.Request().Context(), prog, req.Args, req.IR)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

func runError(err error, p ir.Program, cfg Config) error {
	status := http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, wasmrt.ErrFuelExhausted):
		return apiErr(status, "fuel", "%s ran out of fuel: more than %d units", p.Name, cfg.Fuel)
	case errors.Is(err, wasmrt.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return apiErr(status, "timeout", "%s ran past the %v time limit", p.Name, cfg.Timeout)
	case errors.Is(err, wasmrt.ErrTrap):
		return apiErr(status, "trap", "%s trapped: %v", p.Name, err)
	case errors.Is(err, wasmrt.ErrArgs):
		return badRequest("args", "%v", err)
	}
	return fmt.Errorf("run %s: %w", p.Name, err)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ProgramInfo is one library program as GET /api/programs lists it.
type ProgramInfo struct {
	Name     string    `json:"name"`
	Summary  string    `json:"summary"`
	Params   []string  `json:"params"`
	Arity    int       `json:"arity"`
	InStudy  bool      `json:"in_study"`
	Length   int       `json:"length"`
	IR       string    `json:"ir"`
	Indented string    `json:"indented"`
	Example  []int32   `json:"example_args"`
	Known    []ir.Case `json:"known"`
	WAT      string    `json:"wat,omitempty"`
}

func programInfo(sp ir.Spec) ProgramInfo {
	pi := ProgramInfo{Name: sp.Name, Summary: sp.Summary, Params: sp.Params, Arity: sp.Arity, InStudy: sp.InStudy,
		Length: sp.Len(), IR: sp.String(), Indented: ir.FormatIndented(sp.Ops), Known: sp.Known}
	if len(sp.Known) > 0 {
		pi.Example = sp.Known[0].Args
	}
	if pi.Params == nil {
		pi.Params = []string{}
	}
	return pi
}

func (s *Server) apiPrograms(c echo.Context) error {
	lib := ir.Library()
	out := make([]ProgramInfo, len(lib))
	for i, sp := range lib {
		out[i] = programInfo(sp)
	}
	return c.JSON(http.StatusOK, map[string]any{"programs": out})
}

func (s *Server) apiProgram(c echo.Context) error {
	sp, ok := ir.LibraryProgram(c.Param("name"))
	if !ok {
		return apiErr(http.StatusNotFound, "unknown_program", "no library program %q", c.Param("name"))
	}
	pi := programInfo(sp)
	wat, err := ir.WAT(sp.Program)
	if err != nil {
		return err
	}
	pi.WAT = wat
	return c.JSON(http.StatusOK, pi)
}

func (s *Server) apiOverview(c echo.Context) error {
	return c.JSON(http.StatusOK, buildOverview(s.recs.get(), s.cfg.ResultsDir))
}

func (s *Server) apiVersion(c echo.Context) error {
	v, files := s.recs.state()
	return c.JSON(http.StatusOK, map[string]any{"version": v, "files": files})
}

// ChartInfo lists one chart and whether its data is present.
type ChartInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Phase     int    `json:"phase"`
	Available bool   `json:"available"`
	Reason    string `json:"reason,omitempty"`
	URL       string `json:"url"`
}

func (s *Server) chartInfos() ([]ChartInfo, loaded) {
	ld := s.recs.get()
	var out []ChartInfo
	for _, sp := range plots.Specs() {
		ci := ChartInfo{ID: sp.ID, Title: sp.Title, Phase: sp.Phase, URL: "/api/charts/" + sp.ID}
		if _, err := s.buildChartFrom(ld, sp.ID); err != nil {
			ci.Reason = notRun
			if ae := toAPIError(err); ae.Kind != "no_data" {
				ci.Reason = ae.Message
			}
		} else {
			ci.Available = true
		}
		out = append(out, ci)
	}
	return out, ld
}

func (s *Server) apiCharts(c echo.Context) error {
	infos, ld := s.chartInfos()
	resp := map[string]any{"version": ld.version, "charts": infos}
	if ld.err != nil {
		resp["errors"] = strings.Split(ld.err.Error(), "\n")
	}
	return c.JSON(http.StatusOK, resp)
}

func (s *Server) buildChart(id string) (*plots.Chart, error) {
	return s.buildChartFrom(s.recs.get(), id)
}

// buildChartFrom draws chart id. A chart that cannot be drawn because its
// record file is broken says so (409, kind "bad_record", the file's
// error), never "not run yet"; a missing record is 404 "no_data".
func (s *Server) buildChartFrom(ld loaded, id string) (*plots.Chart, error) {
	ch, err := plots.Build(id, ld.recs)
	if err == nil {
		return ch, nil
	}
	if errors.Is(err, plots.ErrUnknownChart) {
		return nil, apiErr(http.StatusNotFound, "not_found", "no chart %q (GET /api/charts lists them)", id)
	}
	for _, sp := range plots.Specs() {
		if msg, broken := ld.broken[phaseFile(sp.Phase)]; sp.ID == id && broken {
			return nil, apiErr(http.StatusConflict, "bad_record", "%s", msg)
		}
	}
	if errors.Is(err, plots.ErrNoData) {
		return nil, apiErr(http.StatusNotFound, "no_data", "%s: %v", notRun, err)
	}
	// The record read and validated but still cannot be drawn: the data is
	// at fault, not the server.
	return nil, apiErr(http.StatusConflict, "bad_record", "chart %q: %v", id, err)
}

// apiChart returns the echarts option of one chart, for setOption.
func (s *Server) apiChart(c echo.Context) error {
	ch, err := s.buildChart(c.Param("id"))
	if err != nil {
		return err
	}
	opt, err := ch.Option()
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, opt)
}
