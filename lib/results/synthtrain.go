package results

import "fmt"

// SynthTrainFile is the record of `irsynth train synth`.
const SynthTrainFile = "synth_training.json"

// SynthTraining is the record of the synthesizer's self-training: the guide
// is fitted on generated tasks ("dreams") and on the tasks it solved, then
// searches again; each round's outcomes on the training sample are kept.
type SynthTraining struct {
	Kind       string       `json:"kind"`  // "train_synth"
	Tasks      string       `json:"tasks"` // the training task file
	Sample     int          `json:"sample"`
	Candidates int64        `json:"candidates_per_task"` // each search's budget
	Dreams     int          `json:"dreams"`              // generated tasks in every round's training set
	Rounds     []SynthRound `json:"rounds"`
	Last       []TaskResult `json:"last_round,omitempty"` // every task of the last round
	Checkpoint string       `json:"checkpoint"`
	Started    string       `json:"started"`
	LoadAvg    string       `json:"loadavg,omitempty"`
}

// SynthRound is one round: the guide it searched with (trained on Train
// examples; round 0 is unguided) and the outcomes on the sample, judged on
// each task's checks.
type SynthRound struct {
	Round   int        `json:"round"`
	Train   int        `json:"train_examples"`
	Guided  bool       `json:"guided"`
	Totals  TaskTotals `json:"totals"`
	Seconds float64    `json:"seconds"`
}

// Validate checks that every round's outcomes add up.
func (r *SynthTraining) Validate() error {
	for i, rd := range r.Rounds {
		if !rd.Totals.Sum() || rd.Totals.Total > r.Sample {
			return fmt.Errorf("%w: rounds[%d]: outcomes do not add up to %d", ErrInvalid, i, rd.Totals.Total)
		}
	}
	return nil
}
