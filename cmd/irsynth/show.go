package main

import (
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

func init() {
	register(command{
		Name:    "show",
		Usage:   "irsynth show [flags] NAME|--ir TEXT|--file PATH",
		Summary: "print a program: indented IR (default), its WAT text, its WASM binary or a hex dump of it",
		Run:     show,
	})
}

func show(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("show", stdout, stderr)
	fs.interspersed = true // show collatz_length --wat
	pf := addProgramFlags(fs.FlagSet)
	wat := fs.Bool("wat", false, "print the WebAssembly text format")
	wasm := fs.Bool("wasm", false, "write the WebAssembly binary")
	hexdump := fs.Bool("hex", false, "print a hex dump of the WebAssembly binary")
	if code, done := fs.parse(args, anyArgs); done {
		return code
	}
	p, rest, err := pf.load(fs.Args())
	if err != nil {
		return usageError(stderr, "show", "%v", strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
	}
	if len(rest) > 0 {
		return usageError(stderr, "show", "unexpected argument %q", rest[0])
	}
	if n := btoi(*wat) + btoi(*wasm) + btoi(*hexdump); n > 1 {
		return usageError(stderr, "show", "give one of --wat, --wasm, --hex")
	}
	var out []byte
	switch {
	case *wat:
		text, err := ir.WAT(p)
		if err != nil {
			return failure(stderr, "show", err)
		}
		out = []byte(withNewline(text))
	case *wasm, *hexdump:
		bin, err := ir.Compile(p, ir.CompileOptions{})
		if err != nil {
			return failure(stderr, "show", err)
		}
		out = bin
		if *hexdump {
			out = []byte(hex.Dump(bin))
		}
	default:
		header := fmt.Sprintf("# %s: arity %d, %d opcodes", p.Name, p.Arity, len(p.Ops))
		if s, ok := ir.LibraryProgram(p.Name); ok && s.Program.Equal(p) {
			header += "\n# " + s.Summary
		}
		out = []byte(header + "\n" + withNewline(ir.FormatIndented(p.Ops)))
	}
	if _, err := stdout.Write(out); err != nil {
		return failure(stderr, "show", fmt.Errorf("write: %w", err))
	}
	return 0
}

// withNewline ends s with a newline.
func withNewline(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
