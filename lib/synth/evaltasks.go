package synth

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// TasksConfig says how EvalTasks runs a task file.
type TasksConfig struct {
	Options Options // each search's options; Options.Budget is the time per task
	Workers int     // tasks searched at once, each search on one goroutine (0: 1)
	Shard   Shard   // the part of the file to run (zero: all of it)
	// Progress, if set, is called after each task, never concurrently.
	Progress func(done, total int, r results.TaskResult)
}

// EvalTasks synthesizes each task of the shard from its text and examples
// alone, then judges the answer on the task's checks on wazero within the
// default fuel (ir.DefaultFuel per call). It returns the
// results in file order. When ctx is cancelled it stops starting tasks and
// returns those finished, with ctx's error.
func EvalTasks(ctx context.Context, tasks []Task, checks []Checks, cfg TasksConfig) ([]results.TaskResult, error) {
	if len(tasks) != len(checks) {
		return nil, fmt.Errorf("%w: %d tasks but %d sets of checks", ErrSpec, len(tasks), len(checks))
	}
	var todo []int
	for i := range tasks {
		if cfg.Shard.Has(i) {
			todo = append(todo, i)
		}
	}
	workers := max(cfg.Workers, 1)
	out := make([]results.TaskResult, len(tasks))
	have := make([]bool, len(tasks))
	jobs := make(chan int)
	var mu sync.Mutex
	var firstErr error
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rt, err := wasmrt.New(ctx, wasmrt.Config{})
			if err != nil {
				mu.Lock()
				firstErr = errors.Join(firstErr, err)
				mu.Unlock()
				for range jobs {
				}
				return
			}
			defer rt.Close(context.Background())
			for i := range jobs {
				r := evalTask(ctx, rt, tasks[i], checks[i], cfg.Options)
				if ctx.Err() != nil && r.Outcome != results.OutcomeSolved && r.Outcome != results.OutcomeWrong {
					continue // cut short: not a result
				}
				mu.Lock()
				out[i], have[i] = r, true
				done++
				if cfg.Progress != nil {
					cfg.Progress(done, len(todo), r)
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, i := range todo {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	var rs []results.TaskResult
	for i := range out {
		if have[i] {
			rs = append(rs, out[i])
		}
	}
	if firstErr != nil {
		return rs, firstErr
	}
	return rs, ctx.Err()
}

// evalTask runs one task and judges its answer.
func evalTask(ctx context.Context, rt *wasmrt.Runtime, t Task, c Checks, opt Options) results.TaskResult {
	r := results.TaskResult{Index: c.Index, Name: t.Name, Text: t.Text}
	start := time.Now()
	res, err := Synthesize(ctx, t, opt)
	r.Seconds = time.Since(start).Seconds()
	r.Candidates = res.Candidates
	if err != nil {
		r.Status, r.Outcome, r.Error = "error", results.OutcomeError, err.Error()
		return r
	}
	r.Status = statusOf(res)
	r.Program = res.Program
	r.Method, r.Confidence = res.Method, res.Confidence
	switch r.Status {
	case "solved", "ambiguous":
	default:
		r.Outcome = results.OutcomeNotFound
		return r
	}
	if r.Program == "" {
		r.Outcome = results.OutcomeAmbiguous
		if r.Status == "solved" {
			r.Outcome, r.Error = results.OutcomeError, "solved without a program"
		}
		return r
	}
	ops, err := ir.Parse(r.Program)
	if err != nil {
		r.Outcome, r.Error = results.OutcomeError, fmt.Sprintf("the answer does not parse: %v", err)
		return r
	}
	right, failed, err := c.Judge(ctx, rt, ir.Program{Name: t.Name, Arity: t.Arity(), Ops: ops})
	if err != nil {
		r.Outcome, r.Error = results.OutcomeError, err.Error()
		return r
	}
	r.Right, r.Checks, r.Failed = &right, len(c.Cases), failed
	switch {
	case r.Status == "ambiguous":
		r.Outcome = results.OutcomeAmbiguous // a question, not an answer
	case right:
		r.Outcome = results.OutcomeSolved
	default:
		r.Outcome = results.OutcomeWrong
	}
	return r
}

// Judge runs p on every check on wazero (rt's fuel, by default
// ir.DefaultFuel) and reports whether it gives them all; failed describes
// the first it does not: a wrong value, a trap or running out of fuel. err
// is for a program that cannot be compiled or a cancelled ctx.
func (c Checks) Judge(ctx context.Context, rt *wasmrt.Runtime, p ir.Program) (right bool, failed string, err error) {
	m, err := rt.Compile(ctx, p)
	if err != nil {
		return false, "", fmt.Errorf("judge %s: %w", c.Name, err)
	}
	defer m.Close(context.Background())
	for _, k := range c.Cases {
		got, err := m.Call(ctx, k.Inputs...)
		if ctx.Err() != nil {
			return false, "", ctx.Err()
		}
		if err != nil {
			return false, fmt.Sprintf("a(%s) = %d: %v", inputs(k.Inputs), k.Output, oneLine(err.Error())), nil
		}
		if got != k.Output {
			return false, fmt.Sprintf("a(%s) = %d, got %d", inputs(k.Inputs), k.Output, got), nil
		}
	}
	return true, "", nil
}

func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

func inputs(in []int32) string {
	s := make([]string, len(in))
	for i, v := range in {
		s[i] = strconv.Itoa(int(v))
	}
	return strings.Join(s, ", ")
}
