package models

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/irsynth/irsynth/lib/models/internal/nn"
	"github.com/irsynth/irsynth/lib/results"
)

// Progress receives one record per finished epoch.
type Progress func(results.Epoch)

// loop is the shared mini-batch training loop.
type loop struct {
	n, batch, epochs, start int
	seed                    int64
	graph                   *nn.Graph
	opt                     *nn.Adam
	// fill loads the examples idx into the graph inputs (padding the rest of
	// the batch) and returns how many tokens (targets) it holds.
	fill func(idx []int) int
	// score counts correct and total targets from the last run's logits.
	score func(idx []int) (correct, total int, err error)
	// test returns held-out accuracy after an epoch (NaN-free; 0 if none).
	test    func() (float64, error)
	onEpoch Progress
	// history is the model's: run appends each epoch to it.
	history *[]results.Epoch
	// checkpoint, when set, is rewritten by save (the model's) after every
	// epoch, with the optimiser's state.
	checkpoint string
	save       func(path string, opt *nn.Adam, epoch int) error
}

// trainDefaults fills the settings both models share with the study's
// values: dropout 0.1 (negative: none), Adam learning rate 1e-3, batch 32,
// the default encoder.
func trainDefaults(dropout, lr *float64, batch *int, enc *Encoder) {
	if *dropout == 0 {
		*dropout = 0.1
	} else if *dropout < 0 {
		*dropout = 0
	}
	if *lr <= 0 {
		*lr = 1e-3
	}
	if *batch <= 0 {
		*batch = 32
	}
	if *enc == nil {
		*enc = DefaultEncoder()
	}
}

// epochRNG gives every epoch its own stream, so a resumed run shuffles and
// drops out exactly as an uninterrupted one.
func epochRNG(seed int64, epoch int) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), uint64(epoch)*0x9e3779b97f4a7c15+1))
}

func (l *loop) run() error {
	for ep := l.start + 1; ep <= l.epochs; ep++ {
		t0 := time.Now()
		rng := epochRNG(l.seed, ep)
		perm := rng.Perm(l.n)
		var lossSum float64
		var tokens int64
		correct, total := 0, 0
		for i := 0; i < l.n; i += l.batch {
			idx := perm[i:min(i+l.batch, l.n)]
			nt := l.fill(idx)
			loss, err := l.graph.Run(l.opt, rng)
			if err != nil {
				return fmt.Errorf("epoch %d: %w", ep, err)
			}
			c, t, err := l.score(idx)
			if err != nil {
				return err
			}
			correct += c
			total += t
			lossSum += float64(loss) * float64(nt)
			tokens += int64(nt)
		}
		rec := results.Epoch{Epoch: ep, Examples: l.n, Tokens: tokens, Seconds: time.Since(t0).Seconds()}
		if tokens > 0 {
			rec.Loss = lossSum / float64(tokens)
		}
		if total > 0 {
			rec.TrainAcc = float64(correct) / float64(total)
		}
		if l.test != nil {
			acc, err := l.test()
			if err != nil {
				return err
			}
			rec.TestAcc = acc
		}
		*l.history = append(*l.history, rec)
		if l.checkpoint != "" {
			if err := l.save(l.checkpoint, l.opt, ep); err != nil {
				return err
			}
		}
		if l.onEpoch != nil {
			l.onEpoch(rec)
		}
	}
	return nil
}

// argmaxRows returns the index of the largest value of every row.
func argmaxRows(x []float32, width int) []int {
	out := make([]int, len(x)/width)
	for i := range out {
		row := x[i*width : (i+1)*width]
		best := 0
		for j, v := range row {
			if v > row[best] {
				best = j
			}
		}
		out[i] = best
	}
	return out
}

// guard turns a panic inside the package into an error.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrInternal, r)
	}
}
