package plots

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

//go:embed stepper.js
var stepperJS string

// StepperJS returns the stepper's script: self-contained JavaScript that
// defines window.IrsynthStepper.mount(element, view, options). The dashboard
// serves it; StepperFragment inlines it.
func StepperJS() string { return stepperJS }

// StepperView is what the stepper draws: a traced run with the program's
// opcodes, their indented layout and the WAT, as JSON for the script.
type StepperView struct {
	Name       string    `json:"name"`
	Args       []int32   `json:"args"`
	Ops        []string  `json:"ops"`
	Lines      [][3]int  `json:"lines"` // depth, first op, end op (ir.Lines)
	WAT        string    `json:"wat"`
	Steps      []ir.Step `json:"steps"`
	Value      int32     `json:"value"`
	Error      string    `json:"error,omitempty"`       // how the run ended when it failed
	ErrorIndex *int      `json:"error_index,omitempty"` // the opcode that trapped
	Cut        bool      `json:"cut"`
	MaxSteps   int       `json:"max_steps"`
	Fuel       int64     `json:"fuel"`
	FuelLeft   int64     `json:"fuel_left"`
}

// NewStepperView builds the view of a trace.
func NewStepperView(tr *ir.TraceResult) (StepperView, error) {
	if tr == nil || len(tr.Steps) == 0 {
		return StepperView{}, fmt.Errorf("plots: stepper: empty trace")
	}
	p, fuel := tr.Program, tr.Steps[0].Fuel
	wat, err := ir.WAT(p)
	if err != nil {
		return StepperView{}, fmt.Errorf("plots: stepper: %w", err)
	}
	v := StepperView{Name: p.Name, Args: tr.Args, WAT: wat, Steps: tr.Steps, Value: tr.Value,
		Cut: tr.Cut, MaxSteps: tr.MaxSteps, Fuel: fuel, FuelLeft: tr.FuelLeft}
	if v.Name == "" {
		v.Name = "program"
	}
	if v.Args == nil {
		v.Args = []int32{}
	}
	for _, op := range p.Ops {
		v.Ops = append(v.Ops, op.String())
	}
	for _, l := range ir.Lines(p.Ops) {
		v.Lines = append(v.Lines, [3]int{l.Depth, l.Start, l.End})
	}
	if tr.Err != nil {
		v.Error = tr.Err.Error()
		if errors.Is(tr.Err, ir.ErrFuelExhausted) {
			v.Error = fmt.Sprintf("out of fuel: the run needs more than %d units (a loop entry costs the opcodes of its loop)", fuel)
		}
		var te *ir.TrapError
		if errors.As(tr.Err, &te) && te.Index >= 0 {
			i := te.Index
			v.ErrorIndex = &i
		}
	}
	return v, nil
}

// StepperFragment returns a self-contained HTML fragment that shows v as
// the stepper: a <div> with a unique id, the script inline (defined once per
// page) and the view as JSON. It needs no network, so it works in a live
// notebook and in an exported report alike.
func StepperFragment(v StepperView) (string, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("plots: stepper: %w", err)
	}
	if strings.Contains(strings.ToLower(stepperJS), "</script") {
		return "", fmt.Errorf("plots: stepper script contains </script")
	}
	var b strings.Builder
	err = stepperTmpl.Execute(&b, map[string]any{
		"ID":   fmt.Sprintf("irsynth-stepper-%x-%d", renderEpoch&0xffffffff, renderSeq.Add(1)),
		"JS":   template.JS(stepperJS),
		"View": template.JS(data),
	})
	if err != nil {
		return "", fmt.Errorf("plots: stepper: %w", err)
	}
	return b.String(), nil
}

var stepperTmpl = template.Must(template.New("stepper").Parse(`<div class="irsynth-stepper-cell">
<div id="{{.ID}}" class="irsynth-stepper"></div>
<script>{{.JS}}</script>
<script>window.IrsynthStepper.mount(document.getElementById("{{.ID}}"), {{.View}});</script>
</div>`))
