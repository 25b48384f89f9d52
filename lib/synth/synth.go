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
	Guide         *Guide        // learned guidance; nil searches unguided
	// Progress, when set, is called from the search (on its goroutine) at
	// most about every 100 ms; it must be cheap.
	Progress func(Progress)
	// SkipConfirm skips running the winner on wazero (the interpreter's
	// check on the examples still runs).
	SkipConfirm bool
}

// Progress is a snapshot of a search under way.
type Progress struct {
	Candidates int64         `json:"candidates"` // tried so far
	Size       int           `json:"size"`       // the cost level being enumerated
	Elapsed    time.Duration `json:"elapsed"`
}

// Status is a search's answer: a program that fits and that the search
// trusts, several that fit and disagree elsewhere, or none.
type Status string

const (
	StatusSolved    Status = "solved"    // one program, no near-cost rival that disagrees
	StatusAmbiguous Status = "ambiguous" // fitting programs disagree on an input not given
	StatusNotFound  Status = "not_found" // nothing fits within the budget
)

// Ambiguity is why an answer is ambiguous: an input the examples do not
// cover on which fitting programs of near cost disagree.
type Ambiguity struct {
	Input      []int32       `json:"input"`
	Candidates []Alternative `json:"candidates"`
}

// Alternative is one fitting program and what it gives on Ambiguity.Input
// (Error set when it traps or runs out of fuel there).
type Alternative struct {
	Program string `json:"program"`
	Output  int32  `json:"output"`
	Error   string `json:"error,omitempty"`
}

// DefaultBudget is the time a search gets when Options.Budget is zero.
const DefaultBudget = 10 * time.Second

// RunFuel is the fuel (ir.DefaultFuel) of each run of a found program on
// the examples, in the interpreter and on wazero.
const RunFuel = ir.DefaultFuel

// Result is what a search found, or what it tried.
type Result struct {
	Name       string           `json:"name"`
	Status     Status           `json:"status"`
	Program    string           `json:"program,omitempty"` // IR text of the cheapest fitting program, absent when not found
	WAT        string           `json:"wat,omitempty"`
	Found      bool             `json:"found"` // a fitting program was found (Status solved or ambiguous)
	Seconds    float64          `json:"seconds"`
	Candidates int64            `json:"candidates"`
	Length     int              `json:"length,omitempty"` // opcodes, START and END included
	Family     string           `json:"family,omitempty"` // which sketch it came from
	Confirmed  bool             `json:"confirmed_wazero,omitempty"`
	Guided     bool             `json:"guided"`
	Level      int              `json:"cost_level"`               // cost level reached
	Stopped    string           `json:"stopped,omitempty"`        // why it stopped without a program: time, candidates, exhausted, cancelled
	Tried      map[string]int64 `json:"tried,omitempty"`          // candidates per family
	Likely     []string         `json:"likely_opcodes,omitempty"` // what the prior expected
	Ambiguity  *Ambiguity       `json:"ambiguity,omitempty"`      // set when Status is ambiguous

	prog ir.Program
}

// IR returns the program found (zero Program when none).
func (r Result) IR() ir.Program { return r.prog }

// Synthesize searches for a program that reproduces every example of t,
// checks it on the examples in the interpreter and, unless told not to,
// runs it on wazero too. Running out of budget is not an error: the result
// then has Status not_found, with what was tried. Cancelling ctx stops the
// search within about 100 ms: the result has Stopped "cancelled" and the
// error wraps ctx.Err().
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
	lastProgress := start
	so := search.Options{Deadline: deadline, MaxCandidates: opt.MaxCandidates,
		Poll: func(cand int64, level int) bool {
			if opt.Progress != nil {
				if now := time.Now(); now.Sub(lastProgress) >= 100*time.Millisecond {
					lastProgress = now
					opt.Progress(Progress{Candidates: cand, Size: level, Elapsed: now.Sub(start)})
				}
			}
			return ctx.Err() != nil
		}}
	res = Result{Name: t.Name, Status: StatusNotFound, Guided: opt.Guide != nil}
	if opt.Guide != nil {
		so.Costs = opt.Guide.costs(t)
		res.Likely = opt.Guide.Likely(t, 0.5)
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
	if r.Stopped == "cancelled" || (!r.Found && ctx.Err() != nil) {
		res.Stopped = "cancelled"
		return res, fmt.Errorf("synth: task %s: %w", t.Name, ctx.Err())
	}
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
	res.Status = StatusSolved
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
