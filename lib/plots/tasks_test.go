package plots

import (
	"testing"

	"github.com/irsynth/irsynth/lib/results"
)

// TestTasksCountsOutcomes: each bar segment is the number of tasks with
// that outcome, counted here from the record's tasks (not its totals), and
// wrong answers are never inside "solved".
func TestTasksCountsOutcomes(t *testing.T) {
	r := fixtures(t)
	if r.Tasks == nil || r.TasksGuess == nil {
		t.Fatal("fixtures lack eval_tasks.json or eval_tasks_guess.json")
	}
	c, err := Tasks(r.Tasks, r.TasksGuess)
	if err != nil {
		t.Fatal(err)
	}
	opt := option(t, c)
	for i, rec := range []*results.Tasks{r.Tasks, r.TasksGuess} {
		count := map[string]float64{}
		for _, k := range rec.Tasks {
			count[k.Outcome]++
		}
		for _, s := range []struct{ series, outcome string }{
			{"solved", results.OutcomeSolved}, {"wrong", results.OutcomeWrong},
			{"ambiguous", results.OutcomeAmbiguous}, {"not found", results.OutcomeNotFound},
		} {
			if got := seriesValues(t, opt, s.series)[i]; got != count[s.outcome] {
				t.Errorf("%s: %s = %v, the record's tasks have %v", rec.System, s.series, got, count[s.outcome])
			}
		}
	}
	other := *r.TasksGuess
	other.FileSHA = "another file"
	c, err = Tasks(r.Tasks, &other)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(seriesValues(t, option(t, c), "solved")); n != 1 {
		t.Errorf("a guesser record of another file is drawn (%d bars)", n)
	}
	if _, err := Tasks(nil, nil); err == nil {
		t.Error("no records, no error")
	}
}
