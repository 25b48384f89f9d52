package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "synth",
		Usage:   "irsynth synth (--examples 'IN→OUT, ...' [--text TEXT] [--name NAME] | --spec FILE.json) [--budget 10s] [--candidates N] [--unguided] [--no-wat]",
		Summary: "search for an IR program that reproduces input→output examples; prints a JSON array of records",
		Run:     runSynth,
	})
}

func runSynth(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("synth", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	examples := fs.String("examples", "", "examples: '27→111, 7→16' or '(12, 18)→6; 7 3 -> 1'")
	text := fs.String("text", "", "the request in words (guides the search)")
	name := fs.String("name", "task", "name of the task (a label only)")
	spec := fs.String("spec", "", "JSON file: an array of {name, text, examples: [{inputs, output}]}")
	budget := fs.Duration("budget", synth.DefaultBudget, "time limit per task")
	cands := fs.Int64("candidates", 0, "candidate limit per task (0: none)")
	unguided := fs.Bool("unguided", false, "search without the learned prior")
	noWAT := fs.Bool("no-wat", false, "leave the program's WAT out of the records")
	if err := fs.Parse(args); err != nil {
		return usageError(stderr, "synth", "%v", err)
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "synth", "unexpected argument %q", fs.Arg(0))
	}
	if *budget <= 0 {
		return usageError(stderr, "synth", "--budget must be positive, got %v", *budget)
	}
	var tasks []synth.Task
	switch {
	case *spec != "" && *examples != "":
		return usageError(stderr, "synth", "give --examples or --spec, not both")
	case *spec != "":
		data, err := readInput(*spec, maxInputSize)
		if err != nil {
			return usageError(stderr, "synth", "%v", err)
		}
		tasks, err = synth.ReadTasks(bytes.NewReader(data))
		if err != nil {
			return usageError(stderr, "synth", "%s: %v", *spec, err)
		}
	case *examples != "":
		ex, err := synth.ParseExamples(*examples)
		if err != nil {
			return usageError(stderr, "synth", "%v", err)
		}
		t := synth.Task{Name: *name, Text: *text, Examples: ex}
		if err := t.Validate(); err != nil {
			return usageError(stderr, "synth", "%v", err)
		}
		tasks = []synth.Task{t}
	default:
		return usageError(stderr, "synth", "give --examples or --spec")
	}
	var prior *synth.Prior
	if !*unguided {
		prior = synth.PriorWithout() // trained on the library's programs and requests
	}
	ctx := context.Background()
	out := make([]synth.Result, 0, len(tasks))
	for _, t := range tasks {
		r, err := synth.Synthesize(ctx, t, synth.Options{Budget: *budget, MaxCandidates: *cands, Prior: prior})
		if err != nil {
			if errors.Is(err, synth.ErrTask) {
				return usageError(stderr, "synth", "%v", err)
			}
			return failure(stderr, "synth", err)
		}
		if *noWAT {
			r.WAT = ""
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return failure(stderr, "synth", fmt.Errorf("write: %w", err))
	}
	return 0
}
