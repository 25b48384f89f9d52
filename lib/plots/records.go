package plots

import (
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/results"
)

// Records holds the phase records read from a results directory; a nil
// field means that phase has not written its file yet.
type Records struct {
	P1 *results.Phase1
	P2 *results.Phase2
	P3 *results.Phase3
	P4 *results.Phase4
	P5 *results.Phase5
	// Tasks and TasksGuess: irsynth eval tasks, the synthesizer and the
	// guesser on the same task file.
	Tasks      *results.Tasks
	TasksGuess *results.Tasks
}

// Load reads every phase record under dir. A missing file leaves its field
// nil; a malformed one is an error naming the file.
func Load(dir string) (Records, error) {
	var r Records
	var errs []error
	load := func(name string, v any) bool {
		err := results.Read(dir, name, v)
		if errors.Is(err, results.ErrNotFound) {
			return false
		}
		if err != nil {
			errs = append(errs, err)
			return false
		}
		return true
	}
	var p1 results.Phase1
	var p2 results.Phase2
	var p3 results.Phase3
	var p4 results.Phase4
	var p5 results.Phase5
	if load(results.Phase1File, &p1) {
		r.P1 = &p1
	}
	if load(results.Phase2File, &p2) {
		r.P2 = &p2
	}
	if load(results.Phase3File, &p3) {
		r.P3 = &p3
	}
	if load(results.Phase4File, &p4) {
		r.P4 = &p4
	}
	if load(results.Phase5File, &p5) {
		r.P5 = &p5
	}
	var tk, tg results.Tasks
	if load(results.TasksFile, &tk) {
		r.Tasks = &tk
	}
	if load(results.TasksGuessFile, &tg) {
		r.TasksGuess = &tg
	}
	return r, errors.Join(errs...)
}

// Spec describes one chart the package can draw.
type Spec struct {
	ID    string
	Title string
	Phase int // the record it needs (accuracy: 3, but draws with any)
	build func(Records) (*Chart, error)
}

// Specs lists every chart in display order.
func Specs() []Spec {
	return []Spec{
		{"accuracy", "Execution accuracy: train vs held-out", 3, func(r Records) (*Chart, error) { return Accuracy(r.P3, r.P4, r.P5) }},
		{"collatz", "Collatz lengths of the benchmark numbers", 1, func(r Records) (*Chart, error) { return Collatz(r.P1) }},
		{"dataset", "Examples per program", 2, func(r Records) (*Chart, error) { return Dataset(r.P2) }},
		{"classifier-history", "Classifier training", 3, func(r Records) (*Chart, error) { return ClassifierHistory(r.P3) }},
		{"confusion", "Classifier confusion matrix", 3, func(r Records) (*Chart, error) { return Confusion(r.P3) }},
		{"decoder-history", "Decoder training", 4, func(r Records) (*Chart, error) { return DecoderHistory(r.P4) }},
		{"lengths", "Program lengths: generated vs target", 4, func(r Records) (*Chart, error) { return Lengths(r.P4) }},
		{"synthesis", "Synthesis, leave one program out", 5, func(r Records) (*Chart, error) { return Synthesis(r.P5) }},
		{"tasks", "Real sequences: solved, wrong, ambiguous, not found", 6, func(r Records) (*Chart, error) { return Tasks(r.Tasks, r.TasksGuess) }},
	}
}

// Build draws the chart with the given id from r; the error matches
// ErrUnknownChart or ErrNoData when it cannot.
func Build(id string, r Records) (*Chart, error) {
	for _, s := range Specs() {
		if s.ID == id {
			return s.build(r)
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownChart, id)
}

// All draws every chart whose data is present in r, in display order.
// Charts without data are skipped; any other error is returned.
func All(r Records) ([]*Chart, error) {
	var out []*Chart
	for _, s := range Specs() {
		c, err := s.build(r)
		if errors.Is(err, ErrNoData) {
			continue
		}
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}
