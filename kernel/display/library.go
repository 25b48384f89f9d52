package display

import (
	"fmt"
	"html"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
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
