package synth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/search"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// Options bound one search. The zero value works: DefaultBudget, no
// candidate limit, no guidance.
type Options struct {
	Budget        time.Duration // wall-clock limit (0: DefaultBudget)
	MaxCandidates int64         // candidate limit (0: none)
	Prior         *Prior        // guidance; nil searches unguided
	// SkipConfirm skips running the winner on wazero (the interpreter's
	// check on the examples still runs).
	SkipConfirm bool
}

// DefaultBudget is the time a search gets when Options.Budget is zero.
const DefaultBudget = 10 * time.Second

// RunFuel is the fuel (ir.DefaultFuel) of each run of a found program on
// the examples, in the interpreter and on wazero.
const RunFuel = ir.DefaultFuel

// Result is what a search found, or what it tried.
type Result struct {
	Name       string           `json:"name"`
	Program    string           `json:"program,omitempty"` // IR text, absent when not found
	WAT        string           `json:"wat,omitempty"`
	Found      bool             `json:"found"`
	Seconds    float64          `json:"seconds"`
	Candidates int64            `json:"candidates"`
	Length     int              `json:"length,omitempty"` // opcodes, START and END included
	Family     string           `json:"family,omitempty"` // which sketch it came from
	Confirmed  bool             `json:"confirmed_wazero,omitempty"`
	Guided     bool             `json:"guided"`
	Level      int              `json:"cost_level"`               // cost level reached
	Stopped    string           `json:"stopped,omitempty"`        // why it stopped without a program: time, candidates, exhausted
	Tried      map[string]int64 `json:"tried,omitempty"`          // candidates per family
	Likely     []string         `json:"likely_opcodes,omitempty"` // what the prior expected

	prog ir.Program
}

// IR returns the program found (zero Program when none).
func (r Result) IR() ir.Program { return r.prog }

// Synthesize searches for a program that reproduces every example of t,
// checks it on the examples in the interpreter and, unless told not to,
// runs it on wazero too. Running out of budget is not an error: the result
// then has Found false, with what was tried.
func Synthesize(ctx context.Context, t Task, opt Options) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("synth: internal error on task %s: %v", t.Name, r)
		}
	}()
	if err := t.Validate(); err != nil {
		return Result{Name: t.Name}, err
	}
	budget := opt.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	start := time.Now()
	deadline := start.Add(budget)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	so := search.Options{Deadline: deadline, MaxCandidates: opt.MaxCandidates}
	res = Result{Name: t.Name, Guided: opt.Prior != nil}
	if opt.Prior != nil {
		so.Costs = opt.Prior.costs(t)
		res.Likely = opt.Prior.Likely(t, 0.5)
	}
	ex := make([]search.Example, len(t.Examples))
	for i, e := range t.Examples {
		ex[i] = search.Example{In: e.Inputs, Out: e.Output}
	}
	r := search.Run(t.Arity(), ex, so)
	res.Seconds = time.Since(start).Seconds()
	res.Candidates = r.Candidates
	res.Level = r.Level
	res.Stopped = r.Stopped
	res.Tried = r.PerFamily
	res.Family = r.Family
	if !r.Found {
		return res, nil
	}
	name := t.Name
	if name == "" {
		name = "synthesized"
	}
	p := ir.Program{Name: name, Arity: t.Arity(), Ops: r.Ops}
	if err := check(p, t); err != nil {
		return res, fmt.Errorf("synth: task %s: the search's program fails its own check: %w", t.Name, err)
	}
	if !opt.SkipConfirm {
		if err := confirm(ctx, p, t); err != nil {
			return res, fmt.Errorf("synth: task %s: %w", t.Name, err)
		}
		res.Confirmed = true
	}
	res.Found = true
	res.prog = p
	res.Program = p.String()
	res.Length = p.Len()
	if w, err := ir.WAT(p); err == nil {
		res.WAT = w
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// check runs p on every example in the interpreter.
func check(p ir.Program, t Task) error {
	e, err := ir.Prepare(p)
	if err != nil {
		return err
	}
	for i, ex := range t.Examples {
		got, err := e.Run(ex.Inputs, RunFuel)
		if err != nil {
			return fmt.Errorf("example %d: %w", i, err)
		}
		if got != ex.Output {
			return fmt.Errorf("example %d: %v gives %d, want %d", i, ex.Inputs, got, ex.Output)
		}
	}
	return nil
}

// ErrNotConfirmed: wazero disagrees with the interpreter on a found program.
var ErrNotConfirmed = errors.New("synth: wazero does not confirm the program")

// confirm runs p on every example on wazero.
func confirm(ctx context.Context, p ir.Program, t Task) error {
	rt, err := wasmrt.New(ctx, wasmrt.Config{Fuel: RunFuel})
	if err != nil {
		return err
	}
	defer rt.Close(ctx)
	m, err := rt.Compile(ctx, p)
	if err != nil {
		return err
	}
	for i, ex := range t.Examples {
		got, err := m.Call(ctx, ex.Inputs...)
		if err != nil {
			return fmt.Errorf("%w: example %d: %v", ErrNotConfirmed, i, err)
		}
		if got != ex.Output {
			return fmt.Errorf("%w: example %d: %v gives %d, want %d", ErrNotConfirmed, i, ex.Inputs, got, ex.Output)
		}
	}
	return nil
}
