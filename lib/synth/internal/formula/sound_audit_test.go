package formula

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// The audit of the points scans pass over (sound.go): which readings of an
// OEIS task file the scan now refuses because it compared them at only
// some n, and how those programs do on the task's terms. A dev helper:
//
//	go test ./lib/synth/internal/formula -run TestSoundAudit -oeis ../shared/oeis/train3000.json -oeis.skips -v
var oeisUnsound = flag.Bool("oeis.unsound", false, "TestMeasureOEIS: measure without sound.go's check (points passed over accepted, rational powers undefined)")

var oeisSkips = flag.Bool("oeis.skips", false, "TestSoundAudit: log the readings refused for points the scan passed over")

func TestSoundAudit(t *testing.T) {
	if *oeisFile == "" || !*oeisSkips {
		t.Skip("dev audit: pass -oeis FILE -oeis.skips to run it")
	}
	tasks := readOEISTasks(t)
	type scanned struct {
		expr    string
		ops     []ir.Op
		skips   []skipPoint
		refused bool
	}
	var got []scanned
	skipAudit = func(x *node, ops []ir.Op, skips []skipPoint, refused bool) {
		got = append(got, scanned{x.String(), ops, skips, refused})
	}
	defer func() { skipAudit = nil }()
	// by whether the scan refused them: right on every check, wrong on
	// checks, not fitting the examples; tasks with a right one
	var nRight, nWrong, nNoFit [2]int
	rightTasks := [2]map[string]bool{{}, {}}
	for _, task := range tasks {
		got = got[:0]
		x0, ys := seedOf(task)
		Seeded(task.Text, x0, ys)
		seen := map[string]bool{}
		for _, r := range got {
			key := fmt.Sprint(r.expr, r.refused)
			if seen[key] {
				continue
			}
			seen[key] = true
			i, verdict := 0, "nofit"
			if r.refused {
				i = 1
			}
			switch {
			case !fits(r.ops, task.Examples):
				nNoFit[i]++
			case fits(r.ops, task.Checks):
				verdict = "RIGHT"
				nRight[i]++
				rightTasks[i][task.Name] = true
			default:
				verdict = "WRONG"
				nWrong[i]++
			}
			verdict = map[bool]string{false: "kept ", true: "refused "}[r.refused] + verdict
			sk := ""
			for i, p := range r.skips {
				if i == 6 {
					sk += " ..."
					break
				}
				sk += fmt.Sprintf(" %d(%s)", p.n, p.why)
			}
			t.Logf("skipaudit %s %s %q -> %s; skipped%s", verdict, task.Name, task.Text, r.expr, sk)
		}
	}
	for i, what := range []string{"kept (points passed over below skipFloor only)", "refused (a point passed over at n >= skipFloor)"} {
		t.Logf("%s: scans that passed over points, %s: %d right on every check (%d tasks), %d wrong on checks, %d not fitting the examples",
			*oeisFile, what, nRight[i], len(rightTasks[i]), nWrong[i], nNoFit[i])
	}
}

var oeisDense = flag.Bool("oeis.dense", false, "TestSoundDenseAudit: compare each accepted program with its formula at every n = 0..100")

// TestSoundDenseAudit compares every program the scan accepts on an OEIS
// task file with its formula at every n = 0..100 (the scan steps through
// 0..12, then by about a fifth of n), up to where the formula's value
// leaves i32, and logs each n where they differ. A dev helper:
//
//	go test ./lib/synth/internal/formula -run TestSoundDenseAudit -oeis ../shared/oeis/train3000.json -oeis.dense -v
func TestSoundDenseAudit(t *testing.T) {
	if *oeisFile == "" || !*oeisDense {
		t.Skip("dev audit: pass -oeis FILE -oeis.dense to run it")
	}
	tasks := readOEISTasks(t)
	type accepted struct {
		x   *node
		ops []ir.Op
	}
	var got []accepted
	denseAudit = func(x *node, ops []ir.Op) { got = append(got, accepted{x, ops}) }
	defer func() { denseAudit = nil }()
	programs, differ, cut := 0, 0, 0
	for _, task := range tasks {
		got = got[:0]
		x0, ys := seedOf(task)
		Seeded(task.Text, x0, ys)
		seen := map[string]bool{}
		for _, a := range got {
			key := a.x.String() + fmt.Sprint(a.ops)
			if seen[key] {
				continue
			}
			seen[key] = true
			programs++
			e, err := ir.Prepare(ir.Program{Arity: 1, Ops: a.ops})
			if err != nil {
				t.Errorf("%s: accepted program does not prepare: %v", task.Name, err)
				continue
			}
			v := evaluator{steps: 20 * scanSteps, memo: map[listKey]*nthMemo{}}
			var bad []string
			for n := int64(0); n <= scanN; n++ {
				r, err := v.eval(a.x, n)
				if err == errBudget {
					cut++
					break
				}
				if err != nil || !r.IsInt() {
					continue // passed over (sound.go decides whether that is allowed)
				}
				if !r.Num().IsInt64() || r.Num().Int64() != int64(int32(r.Num().Int64())) {
					break // past i32: the checks stop here
				}
				y, err := e.Run([]int32{int32(n)}, ir.DefaultFuel)
				if err != nil || int64(y) != r.Num().Int64() {
					bad = append(bad, fmt.Sprintf("n=%d: program %d (%v), formula %v", n, y, err, r))
				}
			}
			if len(bad) > 0 {
				differ++
				verdict := "nofit"
				if fits(a.ops, task.Examples) {
					verdict = map[bool]string{true: "RIGHT", false: "WRONG"}[fits(a.ops, task.Checks)]
				}
				t.Logf("denseaudit %s %s %q -> %s: %d n differ: %s", verdict, task.Name, task.Text, a.x, len(bad), strings.Join(bad, "; "))
			}
		}
	}
	t.Logf("%s: %d programs accepted, %d differ from their formula at some n = 0..100 the scan left out, %d comparisons cut by the evaluator's budget",
		*oeisFile, programs, differ, cut)
}
