package synth

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// EvalConfig sets the leave-one-out evaluation; the zero value works.
type EvalConfig struct {
	Budget      time.Duration // per search (0: 60 s)
	Programs    []string      // held-out programs to evaluate (nil: the whole library)
	Fresh       int           // fresh inputs to judge on (0: 1000)
	Seed        uint64        // example draws; fresh inputs use Seed+1
	CollatzRuns int           // extra guided collatz_length runs for the median time (0: 3; <0: none)
	Workers     int           // programs evaluated at once, one core each (0: 1)
	Unguided    bool          // also search without guidance (the comparison)
	Log         io.Writer     // progress lines (nil: none)
}

// ExampleRule says how EvalSynth chooses a task's examples.
const ExampleRule = "up to 4 of the program's known values, in order (the values a person quotes first, e.g. 27→111, 7→16, 1→0, 683→38), then draws from its Domain up to 5 (at least one)"

// HeldOutTask is the task EvalSynth gives the search for a held-out
// program: its first request template with the operand names filled in,
// and 5 examples (ExampleRule).
func HeldOutTask(spec ir.Spec, seed uint64) Task {
	t := Task{Name: spec.Name, Text: requestText(spec)}
	seen := map[string]bool{}
	add := func(in []int32, out int32) {
		k := fmt.Sprint(in)
		if !seen[k] && len(t.Examples) < 5 {
			seen[k] = true
			t.Examples = append(t.Examples, Example{Inputs: in, Output: out})
		}
	}
	for i, c := range spec.Known {
		if i < 4 {
			add(c.Args, c.Want)
		}
	}
	rng := rand.New(rand.NewPCG(seed, hashName(spec.Name)))
	for tries := 0; len(t.Examples) < 5 && tries < 1000; tries++ {
		e := DrawExamples(spec, 1, rng)[0]
		add(e.Inputs, e.Output)
	}
	return t
}

func hashName(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// requestText is the program's first dataset template with the operand
// names for the placeholders ("Collatz length of n"), or its summary when
// the dataset has no template for it.
func requestText(spec ir.Spec) string {
	tmpl := dataset.Templates(spec.Name)
	if len(tmpl) == 0 {
		return spec.Summary
	}
	s := tmpl[0]
	for i, p := range spec.Params {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", p)
	}
	return s
}

// Judge runs p on n fresh inputs of spec and returns the fraction it gets
// right against the native reference.
func Judge(p ir.Program, spec ir.Spec, n int, seed uint64) float64 {
	e, err := ir.Prepare(p)
	if err != nil || p.Arity != spec.Arity {
		return 0
	}
	ins := spec.Inputs(n, seed)[:n]
	ok := 0
	for _, in := range ins {
		got, err := e.Run(in, ir.DefaultFuel)
		if err == nil && got == spec.Ref(in) {
			ok++
		}
	}
	return float64(ok) / float64(n)
}

// EvalSynth runs the leave-one-out table: each program of the library is
// held out of the prior's training, given to the search as HeldOutTask, and
// the program found is judged on fresh inputs it never saw.
func EvalSynth(ctx context.Context, cfg EvalConfig) (*results.Phase5, error) {
	if cfg.Budget <= 0 {
		cfg.Budget = 60 * time.Second
	}
	if cfg.Fresh <= 0 {
		cfg.Fresh = 1000
	}
	if cfg.CollatzRuns == 0 {
		cfg.CollatzRuns = 3
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	var specs []ir.Spec
	if len(cfg.Programs) == 0 {
		specs = ir.Library()
	} else {
		for _, name := range cfg.Programs {
			s, ok := ir.LibraryProgram(name)
			if !ok {
				return nil, fmt.Errorf("%w: no library program %q", ErrTask, name)
			}
			specs = append(specs, s)
		}
	}
	out := &results.Phase5{
		Examples:    5,
		FreshTests:  cfg.Fresh,
		Budget:      cfg.Budget.Seconds(),
		Total:       len(specs),
		Guidance:    guidanceNote(),
		ExampleRule: ExampleRule,
	}
	rows := make([]results.SynthRow, len(specs))
	var mu sync.Mutex
	var totalCand int64
	var totalSec float64
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			mu.Lock()
			fmt.Fprintf(cfg.Log, format, args...)
			mu.Unlock()
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	var firstErr error
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				row, cand, sec, err := evalOne(ctx, specs[i], cfg)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				rows[i] = row
				totalCand += cand
				totalSec += sec
				mu.Unlock()
				logf("%-16s guided %s   unguided %s\n", row.Name, describe(row.Guided), describe(row.Unguided))
			}
		}()
	}
	for i := range specs {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out.Rows = rows
	for _, r := range rows {
		if r.Guided.Solved {
			out.Solved++
		}
		if r.Guided.Wrong {
			out.Wrong++
		}
		if r.Guided.Status == string(StatusAmbiguous) {
			out.Ambiguous++
		}
		if r.Unguided.Solved {
			out.SolvedNoNN++
		}
		if r.Name == "collatz_length" {
			t := r.Guided.Seconds
			if !r.Guided.Solved {
				t = -1
			}
			out.CollatzTimes = append(out.CollatzTimes, t)
		}
	}
	if totalSec > 0 {
		out.CandidatesPerSec = float64(totalCand) / totalSec
	}
	if cfg.CollatzRuns > 0 && len(out.CollatzTimes) > 0 {
		spec, _ := ir.LibraryProgram("collatz_length")
		guide := DefaultGuide()
		for k := 1; k <= cfg.CollatzRuns; k++ {
			t := HeldOutTask(spec, cfg.Seed+uint64(100*k))
			r, err := Synthesize(ctx, t, Options{Budget: cfg.Budget, Guide: guide, SkipConfirm: true})
			if err != nil {
				return nil, err
			}
			sec := -1.0
			if r.Status == StatusSolved && Judge(r.IR(), spec, cfg.Fresh, cfg.Seed+1) == 1 {
				sec = r.Seconds
			}
			out.CollatzTimes = append(out.CollatzTimes, sec)
			logf("collatz_length run %d: %.2f s\n", k+1, sec)
		}
	}
	out.CollatzMedianSec = medianSolved(out.CollatzTimes)
	return out, nil
}

// medianSolved is the median of times where an unsolved run (-1) counts as
// slower than any solved one; -1 when the median run is unsolved.
func medianSolved(ts []float64) float64 {
	if len(ts) == 0 {
		return -1
	}
	s := append([]float64(nil), ts...)
	for i, v := range s {
		if v < 0 {
			s[i] = 1e18
		}
	}
	sort.Float64s(s)
	m := s[(len(s)-1)/2]
	if m >= 1e18 {
		return -1
	}
	return m
}

func describe(r results.SynthResult) string {
	mark := "-"
	switch {
	case r.Solved:
		mark = "solved"
	case r.Wrong:
		mark = fmt.Sprintf("wrong(%.0f%%)", 100*r.Correct)
	case r.Status == string(StatusAmbiguous):
		mark = "ambiguous"
	case r.Seconds == 0 && r.Candidates == 0:
		mark = "skipped"
	}
	return fmt.Sprintf("%-12s %6.2fs %10d cand", mark, r.Seconds, r.Candidates)
}

func evalOne(ctx context.Context, spec ir.Spec, cfg EvalConfig) (results.SynthRow, int64, float64, error) {
	task := HeldOutTask(spec, cfg.Seed)
	row := results.SynthRow{Name: spec.Name, Text: task.Text}
	for _, e := range task.Examples {
		row.Examples = append(row.Examples, FormatExample(e))
	}
	var cand int64
	var sec float64
	run := func(guide *Guide) (results.SynthResult, error) {
		r, err := Synthesize(ctx, task, Options{Budget: cfg.Budget, Guide: guide})
		if err != nil {
			return results.SynthResult{}, err
		}
		cand += r.Candidates
		sec += r.Seconds
		sr := results.SynthResult{Status: string(r.Status), Found: r.Found, Seconds: r.Seconds, Candidates: r.Candidates,
			Length: r.Length, Program: r.Program, Term: r.Term, Stopped: r.Stopped, Level: r.Level}
		if r.Status == StatusSolved { // an ambiguous answer is not judged: it claims nothing
			sr.Correct = Judge(r.IR(), spec, cfg.Fresh, cfg.Seed+1)
			sr.Solved = r.Status == StatusSolved && sr.Correct == 1
			sr.Wrong = r.Status == StatusSolved && sr.Correct < 1
		}
		return sr, nil
	}
	var err error
	if row.Guided, err = run(DefaultGuide()); err != nil {
		return row, 0, 0, err
	}
	switch {
	case cfg.Unguided && DefaultGuide() == nil:
		row.Unguided = row.Guided // the same search: no guide is shipped
	case cfg.Unguided:
		if row.Unguided, err = run(nil); err != nil {
			return row, 0, 0, err
		}
	}
	return row, cand, sec, nil
}

// FormatExample writes e as ParseExamples reads it: "27→111", "(12, 18)→6".
func FormatExample(e Example) string {
	parts := make([]string, len(e.Inputs))
	for i, v := range e.Inputs {
		parts[i] = strconv.Itoa(int(v))
	}
	in := parts[0]
	if len(parts) > 1 {
		in = "(" + strings.Join(parts, ", ") + ")"
	}
	return in + "→" + strconv.Itoa(int(e.Output))
}

// DrawExamples draws n examples of spec from its Domain.
func DrawExamples(spec ir.Spec, n int, rng *rand.Rand) []Example {
	out := make([]Example, 0, n)
	for len(out) < n {
		in := make([]int32, spec.Arity)
		for k, d := range spec.Domain {
			in[k] = d.Draw(rng)
		}
		out = append(out, Example{Inputs: in, Output: spec.Ref(in)})
	}
	return out
}

// guidanceNote says what guided the guided searches.
func guidanceNote() string {
	g := DefaultGuide()
	if g == nil {
		return "none shipped: the guided runs are unguided"
	}
	return "production guide (DefaultGuide): logistic regression per production of the term language over hashed words and features of the examples; " + g.Made
}
