package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/irsynth/irsynth/lib/results"
)

// The command line's conventions live here, in one place:
//
//   - every command builds its flags with newFlags and parses them with
//     cmdFlags.parse, which rejects stray arguments;
//   - `irsynth CMD -h` and `irsynth help CMD` print the same text: the
//     command's usage line, its summary and every flag with its default,
//     generated from the FlagSet so that help and flags cannot drift;
//   - a usage error (bad flag, bad argument, bad input) prints one line and
//     exits 2 (usageError); a run-time error prints one line and exits 1
//     (failure).

// cmdFlags is one command's FlagSet with the command line's conventions.
type cmdFlags struct {
	*flag.FlagSet
	cmd    string // the verb, for messages and help
	stdout io.Writer
	stderr io.Writer
	// interspersed lets flags come after positional arguments
	// (irsynth show collatz_length --wat); see parseInterspersed.
	interspersed bool
}

// newFlags starts the flags of command name. Output goes nowhere until
// parse prints help or an error itself.
func newFlags(name string, stdout, stderr io.Writer) *cmdFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &cmdFlags{FlagSet: fs, cmd: name, stdout: stdout, stderr: stderr}
}

// results registers the shared --results flag: the results directory.
func (f *cmdFlags) results() *string {
	return f.String("results", results.DefaultDir, "results directory")
}

// json registers the shared --json flag, for commands that can print their
// output as one JSON value.
func (f *cmdFlags) json() *bool {
	return f.Bool("json", false, "print one JSON value instead of text")
}

// maxInputSize bounds a file the command line reads as input (a program
// for run --file, a task list for synth --spec): far above any real one,
// and small enough that /dev/zero fails at once. results.ReadInput applies
// it.
const maxInputSize = 1 << 20

// anyArgs, for parse: the command takes any number of positional arguments.
const anyArgs = -1

// parse parses args. maxArgs is how many positional arguments the command
// takes (anyArgs: any number); more are a usage error. When done is true
// the command must return code at once: help was printed (0) or the
// arguments were wrong (2, after a one-line message).
func (f *cmdFlags) parse(args []string, maxArgs int) (code int, done bool) {
	var err error
	if f.interspersed {
		err = parseInterspersed(f.FlagSet, args)
	} else {
		err = f.Parse(args)
	}
	if errors.Is(err, flag.ErrHelp) {
		f.help()
		return 0, true
	}
	if err != nil {
		return usageError(f.stderr, f.cmd, "%v", err), true
	}
	if maxArgs != anyArgs && f.NArg() > maxArgs {
		return usageError(f.stderr, f.cmd, "unexpected argument %q", f.Arg(maxArgs)), true
	}
	return 0, false
}

// help prints the command's usage, summary and flags to stdout.
func (f *cmdFlags) help() {
	c := commands[f.cmd]
	fmt.Fprintf(f.stdout, "usage: %s\n\n%s\n", c.Usage, c.Summary)
	n := 0
	f.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(f.stdout, "\nflags:")
	f.SetOutput(f.stdout)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// isHelp reports whether a is a request for help (-h, -help, --help).
func isHelp(a string) bool {
	switch strings.TrimLeft(a, "-") {
	case "h", "help":
		return strings.HasPrefix(a, "-")
	}
	return false
}

// usageError prints a one-line usage error for command name and returns 2.
func usageError(stderr io.Writer, name string, format string, args ...any) int {
	fmt.Fprintf(stderr, "irsynth %s: %s\n", name, oneLine(fmt.Sprintf(format, args...)))
	return 2
}

// failure prints a one-line run-time error for command name and returns 1.
func failure(stderr io.Writer, name string, err error) int {
	fmt.Fprintf(stderr, "irsynth %s: %s\n", name, oneLine(err.Error()))
	return 1
}

// oneLine keeps the first line of s: errors from lower layers (a wazero
// trap carries a WASM stack trace) must not spill over several lines.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

var negativeInt = regexp.MustCompile(`^-[0-9]+$`)

// operandsAfterFlags inserts "--" before the first negative integer in
// args, so that the flag package reads `run abs_diff -5 3` as operands
// rather than an unknown flag -5. Flags whose value may be a negative
// number must be written --flag=VALUE.
func operandsAfterFlags(args []string) []string {
	for i, a := range args {
		if a == "--" {
			return args
		}
		if negativeInt.MatchString(a) {
			out := append(append(append([]string{}, args[:i]...), "--"), args[i:]...)
			return out
		}
	}
	return args
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
