package synth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
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
	// Trust judges the answers to sequence tasks; nil: DefaultTrust.
	Trust *Trust
	// NoFit leaves out the closed forms and the judge: the search alone,
	// as before they existed (for comparisons).
	NoFit bool
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

// MinTrustTerms is the fewest terms a sequence task needs for the closed
// forms and the judge (Trust) to take part; with fewer, the search answers
// alone.
const MinTrustTerms = 8

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
	Level      int     `json:"cost_level"`     // cost level reached
	Cost       int     `json:"cost,omitempty"` // the program's cost
	// Bits is how much the examples' outputs say (an estimate: see
	// evidence) and Tried how many candidates the search had tried when
	// it finished the level of its answer, the programs it was chosen
	// among. A search answer with under 3 bits per unit of its cost is a
	// question (ambiguous, Unsure), not solved (fewBits).
	Bits   float64 `json:"bits,omitempty"`
	Tried  int64   `json:"tried,omitempty"`
	Rivals int     `json:"rivals,omitempty"` // other fitting programs of near cost compared with it
	// Unsure: ambiguous because the budget ended before the programs of
	// near cost were all tried, not because one of them disagrees.
	Unsure  bool   `json:"unsure,omitempty"`
	Stopped string `json:"stopped,omitempty"` // why it stopped without a program: time, candidates, exhausted, cancelled, memory
	// Method is where the answer came from: "search" (the enumerator) or
	// a closed form's kind (poly2, linrec3+k, period4, lag3+k); Formula
	// writes a closed form for people.
	Method  string `json:"method,omitempty"`
	Formula string `json:"formula,omitempty"`
	// Confidence is the judge's probability (Trust) that the answer is
	// right, for sequence tasks; below the judge's threshold the answer
	// is ambiguous.
	Confidence float64    `json:"confidence,omitempty"`
	Ambiguity  *Ambiguity `json:"ambiguity,omitempty"`

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
	res = Result{Name: t.Name, Status: StatusNotFound, Guided: opt.Guide != nil}
	trust := opt.Trust
	if trust == nil {
		trust = DefaultTrust()
	}
	// a sequence's closed forms first: when the judge trusts one, the
	// search is not needed
	// (the judge learned on sequences of ten terms: with fewer than
	// MinTrustTerms it is not asked, and the search decides alone)
	_, ys, sequence := isSequence(t)
	sequence = sequence && len(ys) >= MinTrustTerms
	var quick []candidate
	if sequence {
		quick = quickCandidates(t)
	}
	if i, s := trust.pick(t, quick); i >= 0 && s >= trust.Threshold && !opt.NoFit {
		return answerWith(ctx, t, name, quick, i, s, trust, res, start, opt)
	}
	if !sequence && !opt.NoFit {
		// the text states a formula and the examples bear it out: that is
		// the answer, unless two formulas read from it disagree elsewhere
		// (one operand; over two to four, the text is one formula)
		if fs := formulaCandidates(t); len(fs) > 0 {
			probeAll(t, fs)
			s := 1.0
			for _, f := range fs[1:] {
				if !agree(f, fs[0]) {
					s = 0
				}
			}
			if s == 1 && t.Arity() == 1 {
				// a formula program out of fuel where a person would still
				// ask: a search for one that agrees and finishes (fuelfree.go)
				f := ir.Program{Name: name, Arity: 1, Ops: fs[0].ops}
				if fuelHungry(f) {
					if r, ok := cheaperEquivalent(ctx, t, name, f, deadline, start, opt); ok {
						r.Formula = fs[0].formula
						r.Method = "search+formula"
						return r, nil
					}
				}
			}
			res, err := answerWith(ctx, t, name, fs, 0, s, trust, res, start, opt)
			res.Confidence = 0 // the judge was not asked
			return res, err
		}
	}
	// a run of first terms and values further on that one small linear
	// recurrence reproduces is answered by it; when several disagree
	// beyond the examples, the search may still find the program, and
	// they are the question to ask if it does not
	var points []candidate
	if !sequence && !opt.NoFit {
		points = pointCandidates(t)
		if len(points) == 1 {
			res, err := answerWith(ctx, t, name, points, 0, 1, trust, res, start, opt)
			res.Confidence = 0 // the judge was not asked
			return res, err
		}
	}
	r, err := search(ctx, t, name, deadline, start, opt)
	res.Seconds = time.Since(start).Seconds()
	res.Candidates = r.Candidates
	res.Level = r.Level
	res.Stopped = r.Stopped
	if err != nil {
		return res, err
	}
	if !sequence || opt.NoFit {
		if !r.Found {
			if len(points) > 1 {
				res, err := answerWith(ctx, t, name, points, 0, 0, trust, res, start, opt)
				res.Confidence = 0
				return res, err
			}
			return res, nil
		}
		return searchAnswer(ctx, t, name, r, res, start, opt)
	}
	// a sequence: the judge chooses between the closed forms and the
	// search's answer, and says whether it trusts its choice
	cands := quick
	if r.Found {
		cands = append(cands, candidate{source: "search", method: "search", formula: r.Best.Term, ops: r.Best.Ops, cost: r.Best.Cost})
		probeAll(t, cands)
	}
	i, s := trust.pick(t, cands)
	if i < 0 {
		return res, nil
	}
	if cands[i].source == "search" {
		res, err = searchAnswer(ctx, t, name, r, res, start, opt)
		if err != nil {
			return res, err
		}
		res.Confidence, res.Method = s, "search"
		if s < trust.Threshold && res.Status == StatusSolved {
			res.Status, res.Unsure = StatusAmbiguous, true
			res.Ambiguity = ambiguity(t, cands, i)
		}
		return res, nil
	}
	return answerWith(ctx, t, name, cands, i, s, trust, res, start, opt)
}

// search runs the bottom-up enumeration until deadline.
func search(ctx context.Context, t Task, name string, deadline, start time.Time, opt Options) (enum.Result, error) {
	lastProgress := start
	extra, more, far, sequence := unseenInputs(t)
	var outside [][]int32
	_, _, consecutive := isSequence(t)
	if !consecutive {
		outside = outsideInputs(t)
	}
	eo := enum.Options{Deadline: deadline, MaxCandidates: opt.MaxCandidates, Extra: extra, Check: more, Far: far, Outside: outside, Predicate: !consecutive, WatchWrap: !sequence,
		Evidence: evidence(t, sequence), Constants: enum.TextConstants(t.Text),
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
	if opt.Guide != nil {
		eo.Costs = opt.Guide.costs(t)
	}
	ex := make([]enum.Example, len(t.Examples))
	for i, e := range t.Examples {
		ex[i] = enum.Example{In: e.Inputs, Out: e.Output}
	}
	r := enum.Run(t.Arity(), ex, eo)
	if r.Stopped == "cancelled" || ctx.Err() != nil {
		r.Stopped = "cancelled"
		return r, fmt.Errorf("synth: task %s: %w", t.Name, ctx.Err())
	}
	return r, nil
}

// searchAnswer makes the search's cheapest fitting term the answer:
// solved, or ambiguous when a fitting rival of near cost disagrees (or the
// search ended before it could compare them all).
func searchAnswer(ctx context.Context, t Task, name string, r enum.Result, res Result, start time.Time, opt Options) (Result, error) {
	p := ir.Program{Name: name, Arity: t.Arity(), Ops: r.Best.Ops}
	if !opt.SkipConfirm {
		if err := confirm(ctx, p, t); err != nil {
			return res, fmt.Errorf("synth: task %s: %w", t.Name, err)
		}
		res.Confirmed = true
	}
	res.setProgram(p, r.Best.Prods)
	res.Term = r.Best.Term
	res.Cost = r.Best.Cost
	res.Rivals = r.Rivals
	res.Method = "search"
	a := r.Ambiguity
	extra, more, _, seqLike := unseenInputs(t)
	res.Bits, res.Tried = evidence(t, seqLike), r.Tried
	if a == nil && (!r.Complete || fewBits(t, seqLike, r.Best.Cost)) {
		// no rival seen, but the search did not finish looking for one,
		// or the examples carry too few bits for a program this size:
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

// answerWith makes candidate i the answer, solved when the judge's score s
// clears its threshold, else ambiguous with the candidates' values on the
// first unseen input where they disagree.
func answerWith(ctx context.Context, t Task, name string, cs []candidate, i int, s float64, trust *Trust, res Result, start time.Time, opt Options) (Result, error) {
	c := cs[i]
	p := ir.Program{Name: name, Arity: t.Arity(), Ops: c.ops}
	if !opt.SkipConfirm {
		if err := confirm(ctx, p, t); err != nil {
			return res, fmt.Errorf("synth: task %s: %w", t.Name, err)
		}
		res.Confirmed = true
	}
	res.setProgram(p, nil)
	res.Method, res.Formula, res.Confidence = c.method, c.formula, s
	res.Stopped = ""
	if c.source == "search" {
		res.Term, res.Cost = c.formula, c.cost
	}
	if s < trust.Threshold {
		res.Status, res.Unsure = StatusAmbiguous, true
		res.Ambiguity = ambiguity(t, cs, i)
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// ambiguity is the question an untrusted answer puts: the first input
// after the examples where the candidates disagree (or, when they all
// agree, the first after the examples), and what each gives there.
func ambiguity(t Task, cs []candidate, best int) *Ambiguity {
	last := int64(t.Examples[0].Inputs[0])
	for _, e := range t.Examples {
		last = max(last, int64(e.Inputs[0]))
	}
	k := 0
	for j := 0; j < probeCount && k == 0; j++ {
		for _, c := range cs {
			if c.probe[j] != cs[best].probe[j] {
				k = j
				break
			}
		}
	}
	a := &Ambiguity{Input: []int32{clamp32(last + 1 + int64(k))}}
	order := []int{best} // the answer first, then the others in order
	for j := range cs {
		if j != best {
			order = append(order, j)
		}
	}
	seen := map[string]bool{}
	for _, j := range order {
		c := cs[j]
		if seen[c.probe[k]] || len(a.Candidates) >= 4 {
			continue
		}
		seen[c.probe[k]] = true
		alt := Alternative{Program: ir.Format(c.ops), Term: c.formula}
		if v, err := strconv.Atoi(c.probe[k]); err == nil {
			alt.Output = int32(v)
		} else {
			alt.Error = "traps or runs out of fuel"
		}
		a.Candidates = append(a.Candidates, alt)
	}
	return a
}

// setProgram records p as the answer.
func (res *Result) setProgram(p ir.Program, prods []enum.Op) {
	res.Found = true
	res.Stopped = ""
	res.Status = StatusSolved
	res.prog = p
	res.prods = prods
	res.Program = p.String()
	res.Length = p.Len()
	if w, err := ir.WAT(p); err == nil {
		res.WAT = w
	}
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
