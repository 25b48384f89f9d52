package display

import (
	"fmt"
	"html"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/plots"
)

// renderLibrary renders the irsynth library's own values: a program (or a
// library Spec) as its indented listing and its WAT.
func renderLibrary(v any) (Bundle, bool) {
	switch x := v.(type) {
	case ir.Program:
		return Program(x, ""), true
	case *ir.Program:
		if x != nil {
			return Program(*x, ""), true
		}
	case ir.Spec:
		return Program(x.Program, x.Summary), true
	case *ir.Spec:
		if x != nil {
			return Program(x.Program, x.Summary), true
		}
	case *ir.TraceResult:
		if x != nil {
			return Stepper(x), true
		}
	case ir.TraceResult:
		return Stepper(&x), true
	}
	return Bundle{}, false
}

// Program renders an IR program as HTML: name, arity and length, the
// opcode listing indented by block depth, and the WebAssembly text the
// compiler emits for it (or the validation error that stops it).
func Program(p ir.Program, summary string) Bundle {
	var b strings.Builder
	name := p.Name
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(&b, `<div class="irsynth-program"><p><b>%s</b>: %d operand(s), %d opcodes`,
		html.EscapeString(name), p.Arity, p.Len())
	if summary != "" {
		fmt.Fprintf(&b, ` &mdash; %s`, html.EscapeString(summary))
	}
	b.WriteString("</p>\n")
	fmt.Fprintf(&b, "<pre>%s</pre>\n", html.EscapeString(ir.FormatIndented(p.Ops)))
	wat, err := ir.WAT(p)
	if err != nil {
		fmt.Fprintf(&b, "<p><b>invalid</b>: %s</p>\n", html.EscapeString(err.Error()))
	} else {
		fmt.Fprintf(&b, "<details><summary>WAT (%d lines)</summary><pre>%s</pre></details>\n",
			strings.Count(wat, "\n"), html.EscapeString(wat))
	}
	b.WriteString("</div>")
	return Bundle{Data: map[string]any{MIMEHTML: b.String(), MIMEText: p.Name + ": " + p.String()}}
}

// Stepper renders a trace (ir.Trace) as the dashboard's stepper: step
// forward and back, run to the end, a slider, the current opcode marked in
// the IR and its WAT, the stack and locals with changed values marked. The
// HTML carries its script and data, so it needs no network and works in an
// exported report; with the stepper focused, the arrow keys and space step.
func Stepper(tr *ir.TraceResult) Bundle {
	plain := fmt.Sprintf("<trace of %s: %d steps>", tr.Program.Name, len(tr.Steps))
	v, err := plots.NewStepperView(tr)
	if err != nil {
		return Text(fmt.Sprintf("display: %v", err))
	}
	frag, err := plots.StepperFragment(v)
	if err != nil {
		return Text(fmt.Sprintf("display: %v", err))
	}
	return Bundle{Data: map[string]any{MIMEHTML: frag, MIMEText: plain}}
}
