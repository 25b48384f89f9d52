package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "synth",
		Usage:   "irsynth synth --examples 'IN→OUT, ...' | --spec FILE.json [--out FILE] [flags]",
		Summary: "search for an IR program that reproduces input→output examples; prints a JSON array of records",
		Run:     runSynth,
	})
}

func runSynth(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("synth", stdout, stderr)
	examples := fs.String("examples", "", "examples: '27→111, 7→16' or '(12, 18)→6; 7 3 -> 1'")
	text := fs.String("text", "", "the request in words (guides the search)")
	name := fs.String("name", "task", "name of the task (a label only)")
	spec := fs.String("spec", "", "JSON file: an array of {name, text, examples: [{inputs, output}]}")
	budget := fs.Duration("budget", synth.DefaultBudget, "time limit per task")
	cands := fs.Int64("candidates", 0, "candidate limit per task (0: none)")
	unguided := fs.Bool("unguided", false, "search without the learned guide")
	guideFile := fs.String("guide", "", "guide checkpoint to search with (irsynth train synth writes one; default: the shipped guide)")
	noWAT := fs.Bool("no-wat", false, "leave the program's WAT out of the records")
	outFile := fs.String("out", "", "write the records to this file, atomically once every task is done (the old file stays whole until then), instead of stdout")
	ask := fs.Bool("ask", false, "when the answer is ambiguous, ask for the output at the distinguishing input on stdin and search again")
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *budget <= 0 {
		return usageError(stderr, "synth", "--budget must be positive, got %v", *budget)
	}
	var tasks []synth.Task
	switch {
	case *spec != "" && *examples != "":
		return usageError(stderr, "synth", "give --examples or --spec, not both")
	case *spec != "":
		data, err := results.ReadInput(*spec, maxInputSize)
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
	if *outFile != "" {
		if code, done := refuseOut(stderr, "synth", "--out", *outFile); done {
			return code
		}
	}
	var guide *synth.Guide
	switch {
	case *unguided && *guideFile != "":
		return usageError(stderr, "synth", "give --unguided or --guide, not both")
	case *guideFile != "":
		g, err := synth.LoadGuide(*guideFile)
		if err != nil {
			return usageError(stderr, "synth", "%v", err)
		}
		guide = g
	case !*unguided:
		guide = synth.DefaultGuide()
	}
	ctx := context.Background()
	out := make([]synth.Result, 0, len(tasks))
	in := bufio.NewReader(synthStdin)
	for _, t := range tasks {
		opt := synth.Options{Budget: *budget, MaxCandidates: *cands, Guide: guide}
		r, err := synth.Synthesize(ctx, t, opt)
		for err == nil && *ask && r.Status == synth.StatusAmbiguous && len(t.Examples) < synth.MaxExamples {
			e, ok := askOutput(in, stderr, t.Name, r.Ambiguity)
			if !ok {
				break // no answer: the result stays ambiguous
			}
			t.Examples = append(t.Examples, e)
			r, err = synth.Synthesize(ctx, t, opt)
		}
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
	if *outFile != "" {
		data, err := json.MarshalIndent(out, "", "  ")
		if err == nil {
			err = results.WriteFile(*outFile, append(data, '\n'))
		}
		if err != nil {
			return failure(stderr, "synth", err)
		}
		fmt.Fprintf(stdout, "wrote %d records to %s\n", len(out), *outFile)
		return 0
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return failure(stderr, "synth", fmt.Errorf("write: %w", err))
	}
	return 0
}

// synthStdin is where --ask reads answers (a variable for tests).
var synthStdin io.Reader = os.Stdin

// askOutput shows the distinguishing input and what each candidate gives
// there on stderr, and reads the right output from in: one integer on a
// line. It returns false at EOF; an unreadable line is asked again.
func askOutput(in *bufio.Reader, stderr io.Writer, name string, a *synth.Ambiguity) (synth.Example, bool) {
	if a == nil {
		return synth.Example{}, false
	}
	if len(a.Candidates) > 1 {
		fmt.Fprintf(stderr, "%s: several programs fit the examples and disagree at input %v:\n", name, a.Input)
	} else {
		fmt.Fprintf(stderr, "%s: not sure of the program that fits the examples; at input %v:\n", name, a.Input)
	}
	for i, c := range a.Candidates {
		got := fmt.Sprint(c.Output)
		if c.Error != "" {
			got = "error: " + c.Error
		}
		fmt.Fprintf(stderr, "  candidate %d gives %s   %s\n", i+1, got, c.Program)
	}
	for {
		fmt.Fprintf(stderr, "what should %v give? ", a.Input)
		line, err := in.ReadString('\n')
		line = strings.TrimSpace(line)
		if line != "" {
			v, perr := strconv.ParseInt(line, 10, 32)
			if perr == nil {
				return synth.Example{Inputs: append([]int32(nil), a.Input...), Output: int32(v)}, true
			}
			fmt.Fprintf(stderr, "%q is not a 32-bit integer\n", line)
		}
		if err != nil {
			fmt.Fprintln(stderr)
			return synth.Example{}, false
		}
	}
}
