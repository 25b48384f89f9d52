package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
)

// TraceRequest is the body of POST /api/trace: a program as for /api/run,
// its arguments, and optionally fewer steps than the server's cap.
type TraceRequest struct {
	IR       string  `json:"ir,omitempty"`
	Program  string  `json:"program,omitempty"`
	Args     []int32 `json:"args"`
	MaxSteps int     `json:"max_steps,omitempty"`
}

// requestProgram is the program a run or trace request names: a library
// program or IR text, with the 4xx errors both routes give.
func requestProgram(program, text string) (ir.Program, error) {
	switch {
	case text != "" && program != "":
		return ir.Program{}, badRequest("request", `give either "ir" or "program", not both`)
	case program != "":
		spec, ok := ir.LibraryProgram(program)
		if !ok {
			return ir.Program{}, apiErr(http.StatusNotFound, "unknown_program", "no library program %q (GET /api/programs lists them)", program)
		}
		return spec.Program, nil
	case strings.TrimSpace(text) != "":
		p, err := ir.ParseProgram("playground", text)
		if err != nil {
			return ir.Program{}, validationError(err, text)
		}
		return p, nil
	}
	return ir.Program{}, badRequest("request", `missing "ir" (program text) or "program" (a library program name)`)
}

// apiTrace runs a program on the reference interpreter step by step and
// answers with the stepper's view (plots.StepperView): every step's opcode,
// stack, locals, fuel and edge, the layout of the IR and the WAT.
func (s *Server) apiTrace(c echo.Context) error {
	var req TraceRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	prog, err := requestProgram(req.Program, req.IR)
	if err != nil {
		return err
	}
	max := s.cfg.MaxTraceSteps
	switch {
	case req.MaxSteps < 0:
		return badRequest("max_steps", "max_steps %d: must be positive", req.MaxSteps)
	case req.MaxSteps > max:
		return badRequest("max_steps", "max_steps %d is over the server's cap of %d steps", req.MaxSteps, max)
	case req.MaxSteps > 0:
		max = req.MaxSteps
	}
	tr, err := ir.Trace(prog, req.Args, s.cfg.Fuel, max)
	if errors.Is(err, ir.ErrArgs) {
		return badRequest("args", "%v", err)
	}
	if err != nil {
		return err
	}
	v, err := plots.NewStepperView(tr)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// stepperJS serves the stepper's script (lib/plots) as /static/stepper.js.
func stepperJS(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "max-age=300")
	return c.Blob(http.StatusOK, "text/javascript; charset=utf-8", []byte(plots.StepperJS()))
}
