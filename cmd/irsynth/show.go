package main

import (
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

func init() {
	register(command{
		Name:    "show",
		Usage:   "irsynth show NAME|--ir TEXT|--file PATH [--wat|--wasm|--hex]",
		Summary: "print a program: indented IR (default), its WAT text, its WASM binary or a hex dump of it",
		Run:     show,
	})
}

func show(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pf := addProgramFlags(fs)
	wat := fs.Bool("wat", false, "print the WebAssembly text format")
	wasm := fs.Bool("wasm", false, "write the WebAssembly binary")
	hexdump := fs.Bool("hex", false, "print a hex dump of the WebAssembly binary")
	// Flags may come after the name: show collatz_length --wat.
	if err := parseInterspersed(fs, args); err != nil {
		return usageError(stderr, "show", "%v", err)
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
	switch {
	case *wat:
		text, err := ir.WAT(p)
		if err != nil {
			return failure(stderr, "show", err)
		}
		fmt.Fprint(stdout, text)
		if !strings.HasSuffix(text, "\n") {
			fmt.Fprintln(stdout)
		}
	case *wasm, *hexdump:
		bin, err := ir.Compile(p, ir.CompileOptions{})
		if err != nil {
			return failure(stderr, "show", err)
		}
		if *wasm {
			stdout.Write(bin)
		} else {
			fmt.Fprint(stdout, hex.Dump(bin))
		}
	default:
		header := fmt.Sprintf("# %s: arity %d, %d opcodes", p.Name, p.Arity, len(p.Ops))
		if s, ok := ir.LibraryProgram(p.Name); ok && s.Program.Equal(p) {
			header += "\n# " + s.Summary
		}
		fmt.Fprintln(stdout, header)
		text := ir.FormatIndented(p.Ops)
		fmt.Fprint(stdout, text)
		if !strings.HasSuffix(text, "\n") {
			fmt.Fprintln(stdout)
		}
	}
	return 0
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// parseInterspersed parses flags that may appear before, between or after
// the positional arguments; the positional ones are left in fs.Args().
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var pos []string
	args = operandsAfterFlags(args)
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" || (len(args) > 0 && negativeInt.MatchString(args[0])) {
			pos = append(pos, args...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}
