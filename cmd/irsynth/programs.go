package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

func init() {
	register(command{
		Name:    "programs",
		Usage:   "irsynth programs",
		Summary: "list the library programs: name, arity, length in opcodes, summary",
		Run:     programs,
	})
}

func programs(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("programs", stdout, stderr)
	if code, done := fs.parse(args, 0); done {
		return code
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tARITY\tLENGTH\tSTUDY\tSUMMARY")
	for _, s := range ir.Library() {
		study := ""
		if s.InStudy {
			study = "yes"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", s.Name, s.Arity, len(s.Ops), study, s.Summary)
	}
	if err := tw.Flush(); err != nil {
		return failure(stderr, "programs", fmt.Errorf("write: %w", err))
	}
	return 0
}

// programFlags are the ways a command can be given a program: a library
// name as the first argument, --ir TEXT or --file PATH.
type programFlags struct {
	ir, file *string
}

func addProgramFlags(fs *flag.FlagSet) programFlags {
	return programFlags{
		ir:   fs.String("ir", "", "the program as text: 'START ... END'"),
		file: fs.String("file", "", "read the program from a file (one opcode per token, # comments)"),
	}
}

// errUsage marks errors that are the user's (exit status 2).
var errUsage = errors.New("usage")

// load returns the program the flags name and the remaining arguments.
// With neither --ir nor --file, the first argument is a library name.
func (pf programFlags) load(args []string) (ir.Program, []string, error) {
	switch {
	case *pf.ir != "" && *pf.file != "":
		return ir.Program{}, nil, fmt.Errorf("%w: give --ir or --file, not both", errUsage)
	case *pf.ir != "":
		p, err := ir.ParseProgram("program", *pf.ir)
		if err != nil {
			return ir.Program{}, nil, fmt.Errorf("%w: bad IR: %v", errUsage, err)
		}
		return p, args, nil
	case *pf.file != "":
		text, err := results.ReadInput(*pf.file, maxInputSize)
		if err != nil {
			return ir.Program{}, nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		name := strings.TrimSuffix(filepath.Base(*pf.file), filepath.Ext(*pf.file))
		p, err := ir.ParseProgram(name, string(text))
		if err != nil {
			return ir.Program{}, nil, fmt.Errorf("%w: bad IR in %s: %v", errUsage, *pf.file, err)
		}
		return p, args, nil
	}
	if len(args) == 0 {
		return ir.Program{}, nil, fmt.Errorf("%w: missing program: a library name (see 'irsynth programs'), --ir or --file", errUsage)
	}
	s, ok := ir.LibraryProgram(args[0])
	if !ok {
		return ir.Program{}, nil, fmt.Errorf("%w: unknown program %q (see 'irsynth programs')", errUsage, args[0])
	}
	return s.Program, args[1:], nil
}
