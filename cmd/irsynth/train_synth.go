package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "train-synth",
		Usage:   "irsynth train-synth --tasks FILE [--sample N] [--rounds N] [--candidates N] [--dreams N] [--out FILE] [--results DIR]",
		Summary: "(also: irsynth train synth) self-train the synthesizer's guide: dreams, then search, verify on the checks, retrain; writes synth_training.json and the guide checkpoint",
		Run:     runTrainSynth,
	})
}

func runTrainSynth(args []string, stdout, stderr io.Writer) int {
	const name = "train-synth"
	fs := newFlags(name, stdout, stderr)
	tasksFile := fs.String("tasks", "", "training task file (the dev300.json format, e.g. ../shared/oeis/train3000.json); never a file you measure on")
	sample := fs.Int("sample", 200, "tasks of the file to train on (the first N; 0: all)")
	rounds := fs.Int("rounds", 2, "guided rounds after the unguided round 0")
	cands := fs.Int64("candidates", 200_000, "candidate budget of each search (CPU-bound, unlike a wall-clock budget)")
	dreams := fs.Int("dreams", 3000, "generated tasks in each round's training set")
	out := fs.String("out", "", "guide checkpoint (default: RESULTS/models/synth-guide.ckpt)")
	quiet := fs.Bool("quiet", false, "no progress lines")
	dir := fs.results()
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *tasksFile == "" {
		return usageError(stderr, name, "give --tasks FILE")
	}
	if *sample < 0 || *rounds <= 0 || *cands <= 0 || *dreams <= 0 {
		return usageError(stderr, name, "--sample must be >= 0 and --rounds, --candidates, --dreams positive")
	}
	tasks, checks, err := readTaskFile(*tasksFile)
	if err != nil {
		return usageError(stderr, name, "%v", err)
	}
	if *sample > 0 && *sample < len(tasks) {
		tasks, checks = tasks[:*sample], checks[:*sample]
	}
	ckpt := *out
	if ckpt == "" {
		ckpt = results.CheckpointPath(*dir, synth.GuideKind)
	}
	if code, done := refuseOut(stderr, name, "--out", ckpt); done {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := synth.TrainConfig{Rounds: *rounds, Candidates: *cands, Dreams: *dreams}
	if !*quiet {
		cfg.Progress = func(round, done, total int, r results.TaskResult) {
			const width = 24
			bar := strings.Repeat("=", width*done/total) + strings.Repeat(" ", width-width*done/total)
			fmt.Fprintf(stderr, "\rround %d/%d [%s] %d/%d %-10s %-9s\x1b[K", round, *rounds, bar, done, total, r.Name, r.Outcome)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	g, rec, err := synth.TrainSynth(ctx, tasks, checks, cfg)
	if err != nil {
		return failure(stderr, name, err)
	}
	rec.Tasks = *tasksFile
	rec.Checkpoint = ckpt
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		rec.LoadAvg = strings.TrimSpace(string(b))
	}
	if err := g.Save(ckpt); err != nil {
		return failure(stderr, name, err)
	}
	if err := results.Write(*dir, results.SynthTrainFile, rec); err != nil {
		return failure(stderr, name, err)
	}
	for _, r := range rec.Rounds {
		guide := "unguided"
		if r.Guided {
			guide = fmt.Sprintf("guide on %d examples", r.Train)
		}
		t := r.Totals
		fmt.Fprintf(stdout, "round %d (%s): solved %d, wrong %d, ambiguous %d, not found %d of %d (%.0f s)\n",
			r.Round, guide, t.Solved, t.Wrong, t.Ambiguous, t.NotFound, t.Total, r.Seconds)
	}
	fmt.Fprintf(stdout, "wrote %s and %s\n", ckpt, filepath.Join(*dir, results.SynthTrainFile))
	return 0
}
