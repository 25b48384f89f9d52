package synth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/synth/internal/enum"
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
	Program string `json:"program"`        // IR text
	Term    string `json:"term,omitempty"` // the program in the search's term language
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
	Name       string  `json:"name"`
	Status     Status  `json:"status"`
	Program    string  `json:"program,omitempty"` // IR text of the cheapest fitting program, absent when not found
	Term       string  `json:"term,omitempty"`    // the same program in the search's term language
	WAT        string  `json:"wat,omitempty"`
	Found      bool    `json:"found"` // a fitting program was found (Status solved or ambiguous)
	Seconds    float64 `json:"seconds"`
	Candidates int64   `json:"candidates"`
	Length     int     `json:"length,omitempty"` // opcodes, START and END included
	Confirmed  bool    `json:"confirmed_wazero,omitempty"`
	Guided     bool    `json:"guided"`
	Level      int     `json:"cost_level"`       // cost level reached
	Cost       int     `json:"cost,omitempty"`   // the program's cost
	Rivals     int     `json:"rivals,omitempty"` // other fitting programs of near cost compared with it
	// Unsure: ambiguous because the budget ended before the programs of
	// near cost were all tried, not because one of them disagrees.
	Unsure    bool       `json:"unsure,omitempty"`
	Stopped   string     `json:"stopped,omitempty"` // why it stopped without a program: time, candidates, exhausted, cancelled, memory
	Ambiguity *Ambiguity `json:"ambiguity,omitempty"`

	prog  ir.Program
	prods []enum.Op
}

// IR returns the program found (zero Program when none).
func (r Result) IR() ir.Program { return r.prog }

// Synthesize searches, cheapest first, for a program that reproduces every
// example of t; checks the cheapest in the interpreter and, unless told
// not to, on wazero; and compares it with the other fitting programs of
// near cost on inputs the task did not give. Status is solved when they
// agree there, ambiguous (with the input and each one's output) when they
// do not, not_found when nothing fits within the budget (not an error: the
// result says what was tried). Cancelling ctx stops the search within
// about 100 ms: the result has Stopped "cancelled" and the error wraps
// ctx.Err().
func Synthesize(ctx context.Context, t Task, opt Options) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: task %s: %v", ErrInternal, t.Name, r)
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
	name := t.Name
	if name == "" {
		name = "synthesized"
	}
	lastProgress := start
	extra, more, sequence := unseenInputs(t)
	eo := enum.Options{Deadline: deadline, MaxCandidates: opt.MaxCandidates, Extra: extra, Check: more, WatchWrap: !sequence,
		Evidence: evidence(t), Constants: enum.TextConstants(t.Text),
		Poll: func(cand int64, level int) bool {
			if opt.Progress != nil {
				if now := time.Now(); now.Sub(lastProgress) >= 100*time.Millisecond {
					lastProgress = now
					opt.Progress(Progress{Candidates: cand, Size: level, Elapsed: now.Sub(start)})
				}
			}
			return ctx.Err() != nil
		},
		Verify: func(ops []ir.Op) bool {
			return check(ir.Program{Name: name, Arity: t.Arity(), Ops: ops}, t) == nil
		}}
	res = Result{Name: t.Name, Status: StatusNotFound, Guided: opt.Guide != nil}
	if opt.Guide != nil {
		eo.Costs = opt.Guide.costs(t)
	}
	ex := make([]enum.Example, len(t.Examples))
	for i, e := range t.Examples {
		ex[i] = enum.Example{In: e.Inputs, Out: e.Output}
	}
	r := enum.Run(t.Arity(), ex, eo)
	res.Seconds = time.Since(start).Seconds()
	res.Candidates = r.Candidates
	res.Level = r.Level
	res.Stopped = r.Stopped
	if r.Stopped == "cancelled" || ctx.Err() != nil {
		res.Stopped = "cancelled"
		return res, fmt.Errorf("synth: task %s: %w", t.Name, ctx.Err())
	}
	if !r.Found {
		return res, nil
	}
	p := ir.Program{Name: name, Arity: t.Arity(), Ops: r.Best.Ops}
	if !opt.SkipConfirm {
		if err := confirm(ctx, p, t); err != nil {
			return res, fmt.Errorf("synth: task %s: %w", t.Name, err)
		}
		res.Confirmed = true
	}
	res.Found = true
	res.Stopped = ""
	res.Status = StatusSolved
	res.prog = p
	res.prods = r.Best.Prods
	res.Program = p.String()
	res.Term = r.Best.Term
	res.Cost = r.Best.Cost
	res.Rivals = r.Rivals
	res.Length = p.Len()
	if w, err := ir.WAT(p); err == nil {
		res.WAT = w
	}
	a := r.Ambiguity
	if a == nil && !r.Complete {
		// no rival seen, but the search did not finish looking for one:
		// that is not evidence enough to call the answer solved
		in := append(append([][]int32(nil), extra...), more...)
		if len(in) > 0 {
			var out int32
			var errText string
			if v, err := ir.Interpret(p, in[0], RunFuel); err != nil {
				errText = err.Error()
			} else {
				out = v
			}
			a = &enum.Ambiguity{Input: in[0], Alts: []enum.Alt{{Answer: r.Best, Out: out, Err: errText}}}
			res.Unsure = true
		}
	}
	if a != nil {
		res.Status = StatusAmbiguous
		res.Ambiguity = &Ambiguity{Input: a.Input}
		for _, alt := range a.Alts {
			res.Ambiguity.Candidates = append(res.Ambiguity.Candidates, Alternative{
				Program: ir.Format(alt.Answer.Ops), Term: alt.Answer.Term, Output: alt.Out, Error: alt.Err})
		}
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
