package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/irsynth/irsynth/internal/cputime"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

func init() {
	register(command{
		Name:    "eval-tasks",
		Usage:   "irsynth eval-tasks FILE [--budget 10s] [--workers N] [--shard K/N] [--system irsynth|guess] [--unguided|--guide FILE] [--out FILE]",
		Summary: "(also: irsynth eval tasks) synthesize every task of a task file (dev300.json format) from its text and examples, judge each answer on its checks on wazero, write a results record",
		Run:     runEvalTasks,
	})
	register(command{
		Name:    "eval-merge",
		Usage:   "irsynth eval-merge OUT IN...",
		Summary: "(also: irsynth eval merge) join the records of shards of one task file (irsynth eval tasks --shard) into one record",
		Run:     runEvalMerge,
	})
}

func runEvalTasks(args []string, stdout, stderr io.Writer) int {
	const name = "eval-tasks"
	fs := newFlags(name, stdout, stderr)
	fs.interspersed = true
	budget := fs.Duration("budget", synth.DefaultBudget, "time limit per task")
	workers := fs.Int("workers", 1, "tasks searched at once, one core each")
	shardFlag := fs.String("shard", "1/1", "run only task i (from 0, in file order) with i%N == K-1")
	system := fs.String("system", "irsynth", "who answers: irsynth (the synthesizer) or guess (the polynomial/period/recurrence guesser)")
	unguided := fs.Bool("unguided", false, "search without the learned guidance")
	guideFile := fs.String("guide", "", "guide checkpoint to search with (default: the guide shipped with lib/synth, if any)")
	out := fs.String("out", "", "record to write (default: RESULTS/"+results.TasksFile+", or "+results.TasksGuessFile+" for --system guess)")
	quiet := fs.Bool("quiet", false, "no progress lines")
	dir := fs.results()
	if code, done := fs.parse(args, 1); done {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(stderr, name, "want one task file (irsynth eval tasks FILE)")
	}
	file := fs.Arg(0)
	if *budget <= 0 || *workers <= 0 {
		return usageError(stderr, name, "--budget and --workers must be positive")
	}
	if *system != "irsynth" && *system != "guess" {
		return usageError(stderr, name, "--system %q: want irsynth or guess", *system)
	}
	shard, err := synth.ParseShard(*shardFlag)
	if err != nil {
		return usageError(stderr, name, "%v", err)
	}
	if *out == "" {
		*out = filepath.Join(*dir, results.TasksFile)
		if *system == "guess" {
			*out = filepath.Join(*dir, results.TasksGuessFile)
		}
	}
	data, err := results.ReadInput(file, synth.MaxTaskFileBytes)
	if err != nil {
		return usageError(stderr, name, "%v", err)
	}
	tasks, checks, err := synth.ReadTaskFile(strings.NewReader(string(data)))
	if err != nil {
		return usageError(stderr, name, "%s: %v", file, err)
	}
	partial := *out + ".partial"
	for _, p := range []string{*out, partial} {
		if code, done := refuseOut(stderr, name, "--out", p); done {
			return code
		}
	}
	sum := sha256.Sum256(data)
	rec := results.Tasks{
		Kind: "eval_tasks", System: *system, File: file, FileSHA: hex.EncodeToString(sum[:]),
		FileTasks: len(tasks), Budget: budget.Seconds(), Workers: *workers,
		Shards: []string{shard.String()}, Started: time.Now().UTC().Format(time.RFC3339),
		Command: "irsynth eval tasks " + strings.Join(args, " "),
	}
	wall0, cpu0 := time.Now(), cputime.Seconds()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var rs []results.TaskResult
	if *system == "guess" {
		rec.Budget, rec.Workers = 0, 1
		rs = synth.EvalGuess(tasks, checks, shard)
	} else {
		opt := synth.Options{Budget: *budget}
		switch {
		case *unguided:
		case *guideFile != "":
			data, err := results.ReadInput(*guideFile, 256<<20)
			if err == nil {
				opt.Guide, err = synth.ParseGuide(data)
			}
			if err != nil {
				return usageError(stderr, name, "--guide: %v", err)
			}
		default:
			opt.Guide = synth.DefaultGuide()
		}
		rec.Guided = opt.Guide != nil
		var sofar []results.TaskResult
		cfg := synth.TasksConfig{Options: opt, Workers: *workers, Shard: shard,
			Progress: func(done, total int, r results.TaskResult) {
				sofar = append(sofar, r)
				if !*quiet {
					fmt.Fprintf(stderr, "[%d/%d] %-8s %-9s %6.2fs %s\n", done, total, r.Name, r.Outcome, r.Seconds, clip(r.Text, 50))
				}
				if done%10 == 0 || done == total {
					p := finish(rec, sofar, false)
					_ = results.WriteFile(partial, mustJSON(p)) // a checkpoint only; the final write reports errors
				}
			}}
		rs, err = synth.EvalTasks(ctx, tasks, checks, cfg)
		if err != nil {
			// Never replace a finished record with an interrupted run.
			p := finish(rec, rs, false)
			if werr := results.WriteFile(partial, mustJSON(p)); werr != nil {
				return failure(stderr, name, errors.Join(err, werr))
			}
			return failure(stderr, name, fmt.Errorf("%w; the %d finished tasks are in %s, %s is untouched", err, len(rs), partial, *out))
		}
	}
	rec = finish(rec, rs, shard.N <= 1)
	if *system == "irsynth" {
		rec.WallSeconds, rec.CPUSeconds = time.Since(wall0).Seconds(), cputime.Seconds()-cpu0
	}
	if err := results.WriteFile(*out, mustJSON(rec)); err != nil {
		if _, serr := os.Stat(partial); serr == nil {
			err = fmt.Errorf("%w; the finished tasks are in %s", err, partial)
		}
		return failure(stderr, name, err)
	}
	if *system == "irsynth" {
		os.Remove(partial) // only now: the record it checkpointed is written
	}
	printTotals(stdout, rec)
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

// finish fills in the totals of rec from rs (sorted by index).
func finish(rec results.Tasks, rs []results.TaskResult, whole bool) results.Tasks {
	rs = append([]results.TaskResult{}, rs...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].Index < rs[j].Index })
	rec.Tasks = rs
	rec.Totals = results.TaskTotals{}
	for _, r := range rs {
		rec.Totals.Count(r)
	}
	rec.Complete = whole && len(rs) == rec.FileTasks
	rec.Finished = time.Now().UTC().Format(time.RFC3339)
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		rec.LoadAvg = strings.TrimSpace(string(b))
	}
	return rec
}

func printTotals(w io.Writer, rec results.Tasks) {
	t := rec.Totals
	fmt.Fprintf(w, "%s on %s (shards %s, %.0f s per task): %d tasks: %d solved, %d wrong, %d ambiguous, %d not found, %d errors\n",
		rec.System, rec.File, strings.Join(rec.Shards, ","), rec.Budget, t.Total, t.Solved, t.Wrong, t.Ambiguous, t.NotFound, t.Errors)
	if rec.WallSeconds > 0 && rec.Workers > 0 {
		fmt.Fprintf(w, "wall %.0f s, CPU %.0f s: the %d worker(s) had %.0f%% of %d core(s); load average %s\n",
			rec.WallSeconds, rec.CPUSeconds, rec.Workers, 100*rec.CPUSeconds/(rec.WallSeconds*float64(rec.Workers)), rec.Workers, rec.LoadAvg)
	}
}

func runEvalMerge(args []string, stdout, stderr io.Writer) int {
	const name = "eval-merge"
	fs := newFlags(name, stdout, stderr)
	if code, done := fs.parse(args, anyArgs); done {
		return code
	}
	if fs.NArg() < 2 {
		return usageError(stderr, name, "want OUT and at least one IN (irsynth eval merge OUT IN...)")
	}
	outPath := fs.Arg(0)
	if code, done := refuseOut(stderr, name, "OUT", outPath); done {
		return code
	}
	var recs []results.Tasks
	ins := fs.Args()[1:]
	for _, in := range ins {
		data, err := results.ReadInput(in, 256<<20)
		if err != nil {
			return usageError(stderr, name, "%v", err)
		}
		var r results.Tasks
		if err := jsonUnmarshalStrict(data, &r); err != nil || r.Kind != "eval_tasks" {
			return usageError(stderr, name, "%s: not an eval tasks record (%v)", in, err)
		}
		recs = append(recs, r)
	}
	merged, err := results.MergeTasks(recs, ins)
	if err != nil {
		return usageError(stderr, name, "%v", err)
	}
	merged.Command = "irsynth eval merge " + strings.Join(args, " ")
	if err := results.WriteFile(outPath, mustJSON(merged)); err != nil {
		return failure(stderr, name, err)
	}
	printTotals(stdout, merged)
	fmt.Fprintf(stdout, "wrote %s (complete: %v)\n", outPath, merged.Complete)
	return 0
}

func mustJSON(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err) // plain structs of strings and numbers always encode
	}
	return append(b, '\n')
}

func jsonUnmarshalStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
