package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "train-trust",
		Usage:   "irsynth train-trust --tasks FILE [--search 1s] [--search-every N] [--workers N] [--max-wrong 0.01] [--exclude FILE] [--out FILE] [--results DIR]",
		Summary: "(also: irsynth train trust) learn the judge that decides when a sequence answer is trusted (solved) or offered as a question (ambiguous)",
		Run:     runTrainTrust,
	})
}

func runTrainTrust(args []string, stdout, stderr io.Writer) int {
	const name = "train-trust"
	fs := newFlags(name, stdout, stderr)
	tasksFile := fs.String("tasks", "", "training task file with checks (the dev300.json format, e.g. ../shared/oeis/train3000.json); never a file you measure on")
	search := fs.Duration("search", time.Second, "the enumerator's budget per task when collecting its answers (0: closed forms only)")
	every := fs.Int("search-every", 3, "collect the enumerator's answer on every N-th task")
	workers := fs.Int("workers", 1, "tasks searched at once")
	maxWrong := fs.Float64("max-wrong", 0.01, "wrong answers allowed on held-out folds, a share of all tasks")
	out := fs.String("out", "", "where to write the judge (default: RESULTS/models/synth-trust.json; lib/synth/trust.json is the one shipped)")
	exclude := fs.String("exclude", "", "a task file whose tasks (by name) are left out of training, so that measuring on it stays held out (e.g. testdata/oeis/train40.json, which make reproduce measures on)")
	quiet := fs.Bool("quiet", false, "no progress lines")
	dir := fs.results()
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *tasksFile == "" {
		return usageError(stderr, name, "give --tasks FILE")
	}
	if *search < 0 || *every <= 0 || *workers <= 0 || *maxWrong <= 0 || *maxWrong >= 1 {
		return usageError(stderr, name, "--search must be >= 0, --search-every and --workers positive, --max-wrong in (0, 1)")
	}
	tasks, checks, err := readTaskFile(*tasksFile)
	if err != nil {
		return usageError(stderr, name, "%v", err)
	}
	if *exclude != "" {
		held, _, err := readTaskFile(*exclude)
		if err != nil {
			return usageError(stderr, name, "%v", err)
		}
		drop := map[string]bool{}
		for _, t := range held {
			drop[t.Name] = true
		}
		var kt []synth.Task
		var kc []synth.Checks
		for i, t := range tasks {
			if !drop[t.Name] {
				kt, kc = append(kt, t), append(kc, checks[i])
			}
		}
		fmt.Fprintf(stderr, "irsynth train trust: %d tasks of %s left out (they are in %s)\n", len(tasks)-len(kt), *tasksFile, *exclude)
		tasks, checks = kt, kc
	}
	path := *out
	if path == "" {
		path = filepath.Join(*dir, "models", "synth-trust.json")
	}
	if code, done := refuseOut(stderr, name, "--out", path); done {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cfg := synth.TrustConfig{Search: *search, SearchEvery: *every, Workers: *workers, MaxWrong: *maxWrong, TrainedOn: filepath.Base(*tasksFile)}
	if !*quiet {
		cfg.Progress = func(done, total int) {
			if done%25 == 0 || done == total {
				const width = 24
				bar := strings.Repeat("=", width*done/total) + strings.Repeat(" ", width-width*done/total)
				fmt.Fprintf(stderr, "\rjudging candidates [%s] %d/%d\x1b[K", bar, done, total)
				if done == total {
					fmt.Fprintln(stderr)
				}
			}
		}
	}
	tr, err := synth.TrainTrust(ctx, tasks, checks, cfg)
	if err != nil {
		return failure(stderr, name, err)
	}
	b, err := json.MarshalIndent(tr, "", " ")
	if err != nil {
		return failure(stderr, name, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return failure(stderr, name, err)
	}
	if err := results.WriteFile(path, append(b, '\n')); err != nil {
		return failure(stderr, name, err)
	}
	fmt.Fprintf(stdout, "judge on %d tasks, %d candidates: threshold %.3f; held-out folds: %.1f%% of tasks solved, %.1f%% wrong\nwrote %s\n",
		tr.Tasks, tr.Candidates, tr.Threshold, 100*tr.CVSolved, 100*tr.CVWrong, path)
	return 0
}
