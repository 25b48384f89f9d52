package formula

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
)

// The measurement over an OEIS task file is a dev helper, not a test of
// behaviour: it runs only when given a file.
//
//	go test ./lib/synth/internal/formula -run TestMeasureOEIS -oeis ../shared/oeis/train3000.json -v
var oeisFile = flag.String("oeis", "", "OEIS task file (../shared/oeis format) for TestMeasureOEIS")
var oeisVerbose = flag.Bool("oeis.list", false, "TestMeasureOEIS: log every candidate and how it did")
var oeisWhy = flag.Bool("oeis.why", false, "TestMeasureOEIS: for each task with no fitting candidate, the stage that failed; ranked (measure_why_test.go)")

type oeisCase struct {
	In  []int32 `json:"inputs"`
	Out int32   `json:"output"`
}

type oeisTask struct {
	Name     string     `json:"name"`
	Text     string     `json:"text"`
	Examples []oeisCase `json:"examples"`
	Checks   []oeisCase `json:"checks"`
}

// fits reports whether ops gives every case.
func fits(ops []ir.Op, cases []oeisCase) bool {
	e, err := ir.Prepare(ir.Program{Arity: 1, Ops: ops})
	if err != nil {
		return false
	}
	for _, c := range cases {
		v, err := e.Run(c.In, ir.DefaultFuel)
		if err != nil || v != c.Out {
			return false
		}
	}
	return true
}

// readOEISTasks reads the task file -oeis names (the dev measures and
// audits below).
func readOEISTasks(t *testing.T) []oeisTask {
	t.Helper()
	b, err := os.ReadFile(*oeisFile)
	if err != nil {
		t.Fatal(err)
	}
	var tasks []oeisTask
	if err := json.Unmarshal(b, &tasks); err != nil {
		t.Fatal(err)
	}
	return tasks
}

func TestMeasureOEIS(t *testing.T) {
	if *oeisFile == "" {
		t.Skip("dev measurement: pass -oeis FILE to run it")
	}
	tasks := readOEISTasks(t)
	soundCheck = !*oeisUnsound // sound.go
	defer func() { soundCheck = true }()
	var withCand, cands, fitting, tasksFit, right, tasksRight, wrongTasks int
	var whys whyRanking
	var slowest time.Duration
	var times []time.Duration
	over5 := 0
	for _, task := range tasks {
		start := time.Now()
		x0, ys := seedOf(task)
		cs := Seeded(task.Text, x0, ys)
		times = append(times, time.Since(start))
		if d := time.Since(start); d > slowest {
			slowest = d
		}
		if d := time.Since(start); d > 5*time.Millisecond {
			over5++
			if *oeisVerbose {
				t.Logf("slow (%v): %s %q", d, task.Name, task.Text)
			}
		}
		if *oeisWhy {
			whys.task(t, task)
		}
		if len(cs) == 0 {
			continue
		}
		withCand++
		cands += len(cs)
		anyFit, anyRight, anyWrong := false, false, false
		for _, c := range cs {
			fit := fits(c.Ops, task.Examples)
			ok := fit && fits(c.Ops, task.Checks)
			if fit {
				fitting++
				anyFit = true
				if ok {
					right++
					anyRight = true
				} else {
					anyWrong = true
				}
			}
			if *oeisVerbose {
				t.Logf("%s fit=%v right=%v %q -> %s", task.Name, fit, ok, c.Source, c.Expr)
			}
		}
		if anyFit {
			tasksFit++
		}
		if anyRight {
			tasksRight++
		}
		if anyWrong {
			wrongTasks++
			t.Logf("WRONG on checks: %s %q", task.Name, task.Text)
		}
	}
	t.Logf("%s: %d tasks, %d with >=1 candidate (%d candidates); %d candidates (%d tasks) reproduce all examples, of those %d candidates (%d tasks) right on every check, %d tasks with a fitting candidate wrong on checks; Candidates call p50 %v, p99 %v, slowest %v, %d calls over 5 ms",
		*oeisFile, len(tasks), withCand, cands, fitting, tasksFit, right, tasksRight, wrongTasks, pct(times, 50), pct(times, 99), slowest, over5)
	if *oeisWhy {
		whys.report(t)
	}
}

// seedOf is the task's examples as a sequence's first terms (as
// lib/synth passes them to Seeded): OEIS examples are a(offset), ...
func seedOf(task oeisTask) (int64, []int64) {
	if len(task.Examples) == 0 {
		return 0, nil
	}
	ys := make([]int64, len(task.Examples))
	for i, e := range task.Examples {
		if len(e.In) != 1 || e.In[0] != task.Examples[0].In[0]+int32(i) {
			return 0, nil
		}
		ys[i] = int64(e.Out)
	}
	return int64(task.Examples[0].In[0]), ys
}

// pct is the p-th percentile of ds.
func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, len(s)*p/100)]
}
