package web

import (
	"fmt"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// tasksPhase is the overview's section for `irsynth eval tasks`: the
// synthesizer on a file of real sequences, beside the guesser on the same
// file. The third column holds the guesser's figures (Against): the study
// never ran these tasks.
func tasksPhase(recs plots.Records) Phase {
	syn, guess := recs.Tasks, recs.TasksGuess
	ph := Phase{Number: 6, Title: "Real sequences (OEIS): synthesizer vs guesser", File: results.TasksFile, Present: syn != nil, Against: "guesser, same tasks"}
	if guess != nil && syn != nil && guess.FileSHA != syn.FileSHA {
		guess = nil // of another file: not comparable
	}
	figure := func(r *results.Tasks, f func(results.TaskTotals) int) string {
		if r == nil {
			return notRun
		}
		t := r.Totals
		if t.Total == 0 {
			return "0 of 0"
		}
		return fmt.Sprintf("%d of %d (%s)", f(t), t.Total, pctS(float64(f(t))/float64(t.Total)))
	}
	other := func(r *results.Tasks, f func(results.TaskTotals) int) string {
		if r == nil {
			return ""
		}
		return figure(r, f)
	}
	for _, m := range []struct {
		metric string
		f      func(results.TaskTotals) int
	}{
		{"solved (right on every check)", func(t results.TaskTotals) int { return t.Solved }},
		{"wrong (an answer that fails a check)", func(t results.TaskTotals) int { return t.Wrong }},
		{"ambiguous (asked instead of answering)", func(t results.TaskTotals) int { return t.Ambiguous }},
		{"not found", func(t results.TaskTotals) int { return t.NotFound + t.Errors }},
	} {
		ph.Rows = append(ph.Rows, Row{Metric: m.metric, Ours: figure(syn, m.f), Study: other(guess, m.f)})
	}
	if syn != nil {
		ph.Notes = append(ph.Notes, fmt.Sprintf("%s: %d tasks (shards %v), %g s per task, %d at once, guided %v; load average %s; %s.",
			syn.File, syn.Totals.Total, syn.Shards, syn.Budget, syn.Workers, syn.Guided, syn.LoadAvg, syn.Command))
	}
	ph.Notes = append(ph.Notes,
		"Each task gives a sequence's OEIS name and its first 10 terms; the answer is judged on every later term on wazero. The guesser fits polynomials, periods and linear recurrences to the same 10 terms (the method of ../shared/oeis/guess.py, in lib/synth/guess.go).",
		"OEIS data: CC BY-SA 4.0, The OEIS Foundation.")
	return ph
}
