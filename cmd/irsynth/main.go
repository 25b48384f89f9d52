package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"
)

// command is one verb of the command line.
type command struct {
	Name    string // the verb: irsynth NAME ...
	Usage   string // one line: "irsynth run NAME ARGS..."
	Summary string // one line for `irsynth help`
	Run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds c to the command line; call it from init() in the file
// that defines the command.
func register(c command) {
	if _, dup := commands[c.Name]; dup {
		panic("irsynth: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the whole command line, testable in-process: it returns the exit
// status. A panic in a command is reported in one line, never as a trace.
func run(args []string, stdout, stderr io.Writer) (code int) {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "irsynth: missing command (run 'irsynth help')")
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		return help(args[1:], stdout, stderr)
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "irsynth: unknown command %q (run 'irsynth help')\n", name)
		return 2
	}
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "irsynth %s: internal error: %s\n", name, oneLine(fmt.Sprint(p)))
			code = 1
		}
	}()
	return c.Run(args[1:], stdout, stderr)
}

// help lists the commands, or shows one command's usage.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		c, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(stderr, "irsynth help: unknown command %q\n", args[0])
			return 2
		}
		// The command prints its own help, generated from its flags.
		return c.Run([]string{"-h"}, stdout, stderr)
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(stdout, "irsynth: IR programs compiled to WebAssembly, and models that write them.")
	fmt.Fprintln(stdout, "\nusage: irsynth COMMAND [ARGS...]\n\ncommands:")
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, n := range names {
		fmt.Fprintf(tw, "  %s\t%s\n", n, commands[n].Summary)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nRun 'irsynth help COMMAND' for a command's flags.")
	return 0
}
