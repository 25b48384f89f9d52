package results

import "fmt"

// File names of the task-file evaluation records (irsynth eval tasks).
const (
	TasksFile      = "eval_tasks.json"       // the synthesizer on a task file
	TasksGuessFile = "eval_tasks_guess.json" // the guesser on the same file
)

// Outcomes of one task, as every table counts them. A wrong answer is a
// program proposed as the answer that fails a check: it is never solved.
const (
	OutcomeSolved    = "solved"    // answered, and right on every check
	OutcomeWrong     = "wrong"     // answered, and wrong on some check
	OutcomeAmbiguous = "ambiguous" // several programs fit; a question instead of an answer
	OutcomeNotFound  = "not_found" // nothing fits within the budget
	OutcomeError     = "error"     // the task could not be run (see Error)
)

// Tasks is the record of `irsynth eval tasks`: every task of a task file
// (or of one shard of it) with its outcome, and the totals.
type Tasks struct {
	Kind      string  `json:"kind"`   // "eval_tasks"
	System    string  `json:"system"` // "irsynth" or "guess"
	File      string  `json:"file"`   // the task file as given
	FileSHA   string  `json:"file_sha256"`
	FileTasks int     `json:"file_tasks"` // tasks in the whole file
	Budget    float64 `json:"budget_seconds"`
	Workers   int     `json:"workers"`
	// Shards: the shards this record holds, "K/N" (task i of the file is in
	// shard K/N when i%N == K-1); ["1/1"] for the whole file.
	Shards   []string `json:"shards"`
	Complete bool     `json:"complete"` // every task of the file is here
	Started  string   `json:"started"`  // RFC 3339, UTC
	Finished string   `json:"finished,omitempty"`
	Command  string   `json:"command"`
	LoadAvg  string   `json:"loadavg,omitempty"` // /proc/loadavg at the end
	// WallSeconds and CPUSeconds: the run's wall-clock time and the CPU time
	// the process used in it. Budgets are wall-clock, so on a loaded
	// machine CPUSeconds/(WallSeconds*Workers) is the share of the cores the
	// searches really had.
	WallSeconds float64      `json:"wall_seconds,omitempty"`
	CPUSeconds  float64      `json:"cpu_seconds,omitempty"`
	Guided      bool         `json:"guided"`
	Totals      TaskTotals   `json:"totals"`
	Tasks       []TaskResult `json:"tasks"` // in file order
}

// TaskTotals counts outcomes; Solved+Wrong+Ambiguous+NotFound+Errors = Total.
type TaskTotals struct {
	Total     int     `json:"total"`
	Solved    int     `json:"solved"`
	Wrong     int     `json:"wrong"`
	Ambiguous int     `json:"ambiguous"`
	NotFound  int     `json:"not_found"`
	Errors    int     `json:"errors"`
	Seconds   float64 `json:"seconds"` // sum over tasks
}

// TaskResult is one task's outcome.
type TaskResult struct {
	Index      int     `json:"index"` // position in the file, from 0
	Name       string  `json:"name"`
	Text       string  `json:"text,omitempty"`
	Status     string  `json:"status"`           // what the system said: solved, ambiguous, not_found
	Outcome    string  `json:"outcome"`          // one of the Outcome constants
	Right      *bool   `json:"right,omitempty"`  // the answer's verdict on the checks; absent with no program
	Checks     int     `json:"checks"`           // checks the answer was judged on
	Failed     string  `json:"failed,omitempty"` // the first failed check: "a(11) = 14, got 13"
	Seconds    float64 `json:"seconds"`
	Candidates int64   `json:"candidates"`
	Program    string  `json:"program,omitempty"`    // IR text, or the guesser's formula
	Method     string  `json:"method,omitempty"`     // where the answer came from: the guesser's or a closed form's family (poly2, period3, linrec2+k), or search
	Confidence float64 `json:"confidence,omitempty"` // the synthesizer's judge: the probability it gives the answer of being right
	Error      string  `json:"error,omitempty"`
}

// Count adds r to t.
func (t *TaskTotals) Count(r TaskResult) {
	t.Total++
	t.Seconds += r.Seconds
	switch r.Outcome {
	case OutcomeSolved:
		t.Solved++
	case OutcomeWrong:
		t.Wrong++
	case OutcomeAmbiguous:
		t.Ambiguous++
	case OutcomeNotFound:
		t.NotFound++
	default:
		t.Errors++
	}
}

// Sum checks the self-consistency of t: the outcomes add up to Total.
func (t TaskTotals) Sum() bool {
	return t.Solved+t.Wrong+t.Ambiguous+t.NotFound+t.Errors == t.Total
}

// Validate checks the record's invariants: the totals count the tasks, the
// outcomes add up, every outcome is known, seconds are not negative and
// confidences are probabilities.
func (r *Tasks) Validate() error {
	var c check
	var t TaskTotals
	for i, k := range r.Tasks {
		switch k.Outcome {
		case OutcomeSolved, OutcomeWrong, OutcomeAmbiguous, OutcomeNotFound, OutcomeError:
		default:
			c.failf("tasks[%d].outcome = %q, want solved, wrong, ambiguous, not_found or error", i, k.Outcome)
		}
		if k.Index < 0 || (r.FileTasks > 0 && k.Index >= r.FileTasks) {
			c.failf("tasks[%d].index = %d, the file has %d tasks", i, k.Index, r.FileTasks)
		}
		c.nonNeg(fmt.Sprintf("tasks[%d].seconds", i), k.Seconds)
		if k.Confidence < 0 || k.Confidence > 1 {
			c.failf("tasks[%d].confidence = %v, want a probability in [0, 1]", i, k.Confidence)
		}
		t.Count(k)
	}
	if !r.Totals.Sum() {
		c.failf("totals %+v do not add up to total", r.Totals)
	}
	if t.Total != r.Totals.Total || t.Solved != r.Totals.Solved || t.Wrong != r.Totals.Wrong ||
		t.Ambiguous != r.Totals.Ambiguous || t.NotFound != r.Totals.NotFound || t.Errors != r.Totals.Errors {
		c.failf("totals %+v, but the tasks count %+v", r.Totals, t)
	}
	if len(r.Tasks) > r.FileTasks {
		c.failf("%d tasks, the file has %d", len(r.Tasks), r.FileTasks)
	}
	return c.err
}
