package synth

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// TrustConfig says how TrainTrust learns its judge.
type TrustConfig struct {
	// Search is the enumerator's budget per task when collecting its
	// answers (0: closed forms only). Search answers are collected on
	// every SearchEvery-th task (0 or 1: all).
	Search      time.Duration
	SearchEvery int
	Workers     int     // tasks searched at once (0: 1)
	MaxWrong    float64 // the wrong answers allowed, a share of all tasks (0: 0.01)
	Epochs      int     // passes of gradient descent (0: 40)
	TrainedOn   string  // the file's name, for the record
	// Progress, if set, is called after each task's candidates are judged.
	Progress func(done, total int)
}

// trustExample is one judged candidate.
type trustExample struct {
	task  int
	feats []string
	right bool
}

// TrainTrust learns the judge from tasks whose checks say which answers
// are right: it collects every candidate the synthesizer finds for each
// task (the closed forms, and the search's answer within cfg.Search),
// judges each on the task's checks in the interpreter, fits a logistic
// regression to the features, and picks the threshold on four held-out
// folds: the lowest at which the tasks answered wrongly stay within
// cfg.MaxWrong of all tasks. Deterministic for the same inputs (the
// search's answers depend on its time budget).
func TrainTrust(ctx context.Context, tasks []Task, checks []Checks, cfg TrustConfig) (*Trust, error) {
	if len(tasks) != len(checks) {
		return nil, fmt.Errorf("%w: %d tasks but %d sets of checks", ErrSpec, len(tasks), len(checks))
	}
	if cfg.MaxWrong <= 0 {
		cfg.MaxWrong = 0.01
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 40
	}
	exs, err := collectTrust(ctx, tasks, checks, cfg)
	if err != nil {
		return nil, err
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("%w: no task of the file has a candidate to judge", ErrSpec)
	}
	// held-out scores: each task scored by a model that never saw it
	const folds = 4
	scored := make([]float64, len(exs))
	for k := 0; k < folds; k++ {
		var train []trustExample
		for _, e := range exs {
			if e.task%folds != k {
				train = append(train, e)
			}
		}
		m := fitLogistic(train, cfg.Epochs)
		for i, e := range exs {
			if e.task%folds == k {
				scored[i] = m.prob(e.feats)
			}
		}
	}
	th, solved, wrong := chooseThreshold(exs, scored, len(tasks), cfg.MaxWrong)
	tr := fitLogistic(exs, cfg.Epochs)
	tr.Threshold, tr.TrainedOn, tr.Tasks, tr.Candidates = th, cfg.TrainedOn, len(tasks), len(exs)
	tr.CVSolved, tr.CVWrong = float64(solved)/float64(len(tasks)), float64(wrong)/float64(len(tasks))
	return tr, nil
}

// collectTrust finds and judges every candidate of every task.
func collectTrust(ctx context.Context, tasks []Task, checks []Checks, cfg TrustConfig) ([]trustExample, error) {
	per := make([][]trustExample, len(tasks))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < max(cfg.Workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				per[i] = judgeCandidates(ctx, i, tasks[i], checks[i], cfg)
				mu.Lock()
				done++
				if cfg.Progress != nil {
					cfg.Progress(done, len(tasks))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range tasks {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []trustExample
	for _, p := range per {
		out = append(out, p...)
	}
	return out, nil
}

func judgeCandidates(ctx context.Context, i int, t Task, c Checks, cfg TrustConfig) []trustExample {
	if t.Validate() != nil {
		return nil
	}
	cs := quickCandidates(t)
	every := max(cfg.SearchEvery, 1)
	if cfg.Search > 0 && i%every == 0 {
		if _, _, seq := isSequence(t); seq {
			start := time.Now()
			r, err := search(ctx, t, t.Name, start.Add(cfg.Search), start, Options{})
			if err == nil && r.Found {
				cs = append(cs, candidate{source: "search", method: "search", formula: r.Best.Term, ops: r.Best.Ops, cost: r.Best.Cost})
			}
		}
	}
	if len(cs) == 0 {
		return nil
	}
	probeAll(t, cs)
	var out []trustExample
	for _, cand := range cs {
		out = append(out, trustExample{task: i, feats: trustFeatures(t, cand, cs), right: rightOn(cand.ops, t.Arity(), c)})
	}
	return out
}

// rightOn reports whether ops gives every check, in the interpreter with
// the default fuel (the same semantics as wazero, which EvalTasks uses).
func rightOn(ops []ir.Op, arity int, c Checks) bool {
	e, err := ir.Prepare(ir.Program{Name: "judge", Arity: arity, Ops: ops})
	if err != nil {
		return false
	}
	for _, k := range c.Cases {
		if v, err := e.Run(k.Inputs, ir.DefaultFuel); err != nil || v != k.Output {
			return false
		}
	}
	return true
}

// fitLogistic fits weights by stochastic gradient descent on the log
// loss with a small L2 penalty, examples in a fixed order.
func fitLogistic(exs []trustExample, epochs int) *Trust {
	tr := &Trust{Weights: map[string]float64{}}
	const l2 = 1e-4
	for ep := 0; ep < epochs; ep++ {
		lr := 0.1 / (1 + 0.1*float64(ep))
		for _, e := range exs {
			g := tr.prob(e.feats)
			if e.right {
				g -= 1
			}
			tr.Bias -= lr * g
			for _, f := range e.feats {
				w := tr.Weights[f]
				tr.Weights[f] = w - lr*(g+l2*w)
			}
		}
	}
	for f, w := range tr.Weights {
		if math.Abs(w) < 1e-3 {
			delete(tr.Weights, f)
		} else {
			tr.Weights[f] = math.Round(w*1e4) / 1e4
		}
	}
	tr.Bias = math.Round(tr.Bias*1e4) / 1e4
	return tr
}

// chooseThreshold takes each task's best-scored candidate and returns the
// lowest threshold at which the tasks answered wrongly stay within
// maxWrong of all tasks, with the tasks answered rightly and wrongly there.
func chooseThreshold(exs []trustExample, scores []float64, tasks int, maxWrong float64) (th float64, solved, wrong int) {
	type best struct {
		score float64
		right bool
	}
	top := map[int]best{}
	for i, e := range exs {
		if b, ok := top[e.task]; !ok || scores[i] > b.score {
			top[e.task] = best{scores[i], e.right}
		}
	}
	var bs []best
	for _, b := range top {
		bs = append(bs, b)
	}
	sort.Slice(bs, func(i, j int) bool { return bs[i].score > bs[j].score })
	th = 0.99
	limit := int(maxWrong * float64(tasks))
	r, w := 0, 0
	for i, b := range bs {
		if b.right {
			r++
		} else {
			w++
		}
		if w > limit {
			break
		}
		if i+1 == len(bs) || bs[i+1].score < b.score {
			th, solved, wrong = b.score, r, w
		}
	}
	th = max(min(th, 0.99), 0.01)
	return th, solved, wrong
}
