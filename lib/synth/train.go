package synth

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth/internal/enum"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// Dreams makes n training tasks for the guide from random programs of the
// term language (DreamCoder's "dreams"): each program is run on the first
// ten indices of a sequence (from 0 or 1), and kept when it never traps or
// runs out of fuel, is not constant, is not the index itself and behaves
// unlike every dream before it. The label is the program's productions.
// Deterministic for a seed.
func Dreams(n int, seed uint64) []GuideExample {
	out, _ := dreams(context.Background(), n, seed)
	return out
}

func dreams(ctx context.Context, n int, seed uint64) ([]GuideExample, error) {
	rng := rand.New(rand.NewPCG(seed, 0xd4ea))
	seen := map[string]bool{}
	var out []GuideExample
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		if tries%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		terms := &enum.Terms{}
		id := enum.Random(terms, rng, 2+rng.IntN(10), false, 1)
		off := int32(rng.IntN(2))
		var ex []Example
		constant, identity := true, true
		for k := int32(0); k < 10; k++ {
			v, err := terms.Eval(id, []int32{off + k}, 200_000)
			if err != nil {
				ex = nil
				break
			}
			ex = append(ex, Example{Inputs: []int32{off + k}, Output: v})
			constant = constant && v == ex[0].Output
			identity = identity && v == off+k
		}
		if ex == nil || constant || identity {
			continue
		}
		key := fmt.Sprint(off, ex)
		if seen[key] {
			continue
		}
		seen[key] = true
		var prods []string
		for _, p := range terms.Prods(id) {
			prods = append(prods, p.String())
		}
		out = append(out, GuideExample{Task: Task{Name: fmt.Sprintf("dream%d", len(out)), Offset: int(off), Examples: ex}, Prods: prods})
	}
	return out, nil
}

// TrainConfig sets the self-training loop; the zero value works.
type TrainConfig struct {
	Rounds     int   // guided rounds after the unguided round 0 (0: 2)
	Candidates int64 // candidate budget of each search (0: 200,000): CPU-bound, not wall-clock
	Dreams     int   // generated tasks in every round's training set (0: 3,000)
	Seed       uint64
	// Progress, if set, is called after each task of each round.
	Progress func(round, done, total int, r results.TaskResult)
}

// TrainSynth runs the search-verify-train loop on tasks (judged on their
// checks): round 0 searches unguided; each later round trains a guide on
// the dreams and on every task solved so far (its text, examples and the
// productions of the program that was right on every check), then searches
// the tasks again with it. It returns the last guide and the record of
// every round. Cancelling ctx stops it within about 100 ms, with ctx's
// error.
func TrainSynth(ctx context.Context, tasks []Task, checks []Checks, cfg TrainConfig) (*Guide, *results.SynthTraining, error) {
	if len(tasks) != len(checks) || len(tasks) == 0 {
		return nil, nil, fmt.Errorf("%w: %d tasks and %d sets of checks", ErrSpec, len(tasks), len(checks))
	}
	if cfg.Rounds <= 0 {
		cfg.Rounds = 2
	}
	if cfg.Candidates <= 0 {
		cfg.Candidates = 200_000
	}
	if cfg.Dreams <= 0 {
		cfg.Dreams = 3000
	}
	rt, err := wasmrt.New(ctx, wasmrt.Config{})
	if err != nil {
		return nil, nil, err
	}
	defer rt.Close(context.Background())
	dreams, err := dreams(ctx, cfg.Dreams, cfg.Seed)
	if err != nil {
		return nil, nil, err
	}
	rec := &results.SynthTraining{Kind: "train_synth", Sample: len(tasks), Candidates: cfg.Candidates,
		Dreams: len(dreams), Started: time.Now().UTC().Format(time.RFC3339)}
	solved := map[int]GuideExample{}
	var guide *Guide
	for round := 0; round <= cfg.Rounds; round++ {
		train := append([]GuideExample(nil), dreams...)
		for i := range tasks {
			if e, ok := solved[i]; ok {
				train = append(train, e)
			}
		}
		if round > 0 {
			made := fmt.Sprintf("trained on %d generated tasks and %d tasks it solved itself (self-training round %d)", len(dreams), len(train)-len(dreams), round)
			if guide, err = TrainGuide(train, GuideConfig{Made: made}); err != nil {
				return nil, nil, err
			}
		}
		sr := results.SynthRound{Round: round, Guided: guide != nil}
		if round > 0 {
			sr.Train = len(train)
		}
		t0 := time.Now()
		rec.Last = rec.Last[:0]
		for i, t := range tasks {
			r, err := Synthesize(ctx, t, Options{Budget: time.Hour, MaxCandidates: cfg.Candidates, Guide: guide, SkipConfirm: true})
			if err != nil {
				if ctx.Err() != nil {
					return guide, rec, ctx.Err()
				}
				return guide, rec, err
			}
			tr := results.TaskResult{Index: i, Name: t.Name, Status: string(r.Status), Seconds: r.Seconds, Candidates: r.Candidates, Program: r.Program}
			switch r.Status {
			case StatusSolved:
				right, failed, err := checks[i].Judge(ctx, rt, r.IR())
				if err != nil {
					return guide, rec, err
				}
				tr.Right, tr.Failed = &right, failed
				tr.Outcome = results.OutcomeWrong
				if right {
					tr.Outcome = results.OutcomeSolved
					var prods []string
					for _, p := range r.prods {
						prods = append(prods, p.String())
					}
					solved[i] = GuideExample{Task: t, Prods: prods}
				}
			case StatusAmbiguous:
				tr.Outcome = results.OutcomeAmbiguous
			default:
				tr.Outcome = results.OutcomeNotFound
			}
			sr.Totals.Count(tr)
			rec.Last = append(rec.Last, tr)
			if cfg.Progress != nil {
				cfg.Progress(round, i+1, len(tasks), tr)
			}
		}
		sr.Seconds = time.Since(t0).Seconds()
		rec.Rounds = append(rec.Rounds, sr)
	}
	// the guide to keep learns from every round, the last one included
	train := append([]GuideExample(nil), dreams...)
	for i := range tasks {
		if e, ok := solved[i]; ok {
			train = append(train, e)
		}
	}
	made := fmt.Sprintf("trained on %d generated tasks and the %d training tasks it solved itself in %d self-training rounds", len(dreams), len(train)-len(dreams), cfg.Rounds)
	guide, err = TrainGuide(train, GuideConfig{Made: made})
	return guide, rec, err
}
