package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

func init() {
	register(command{
		Name:    "run",
		Usage:   "irsynth run [flags] NAME|--ir 'START ... END'|--file PATH ARGS...",
		Summary: "compile a program to WebAssembly, run it on wazero with the given operands and print the result",
		Run:     runCmd,
	})
}

func runCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", stdout, stderr)
	fs.interspersed = true
	pf := addProgramFlags(fs.FlagSet)
	fuel := fs.Int64("fuel", ir.DefaultFuel, "fuel of the run: opcodes it may execute in loops")
	timeout := fs.Duration("timeout", wasmrt.DefaultTimeout, "wall-clock limit")
	interp := fs.Bool("interp", false, "run on the reference interpreter instead of wazero")
	if code, done := fs.parse(args, anyArgs); done {
		return code
	}
	p, rest, err := pf.load(fs.Args())
	if err != nil {
		return usageError(stderr, "run", "%s", strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
	}
	operands, err := parseOperands(p, rest)
	if err != nil {
		return usageError(stderr, "run", "%v", err)
	}
	if *fuel <= 0 {
		return usageError(stderr, "run", "--fuel must be positive, got %d", *fuel)
	}
	if *timeout <= 0 {
		return usageError(stderr, "run", "--timeout must be positive, got %v", *timeout)
	}
	var v int32
	if *interp {
		v, err = ir.Interpret(p, operands, *fuel)
	} else {
		v, err = wasmrt.RunWith(context.Background(), wasmrt.Config{Fuel: *fuel, Timeout: *timeout}, p, operands...)
	}
	if err != nil {
		return failure(stderr, "run", err)
	}
	if _, err := fmt.Fprintln(stdout, v); err != nil {
		return failure(stderr, "run", fmt.Errorf("write: %w", err))
	}
	return 0
}

// parseOperands reads one 32-bit integer per argument and checks the count
// against the program's arity.
func parseOperands(p ir.Program, args []string) ([]int32, error) {
	if len(args) != p.Arity {
		names := ""
		if s, ok := ir.LibraryProgram(p.Name); ok && len(s.Params) > 0 {
			names = " (" + strings.Join(s.Params, ", ") + ")"
		}
		return nil, fmt.Errorf("%s takes %d operand(s)%s, got %d", p.Name, p.Arity, names, len(args))
	}
	out := make([]int32, len(args))
	for i, a := range args {
		v, err := strconv.ParseInt(a, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("operand %d: %q is not a 32-bit integer", i+1, a)
		}
		out[i] = int32(v)
	}
	return out, nil
}
