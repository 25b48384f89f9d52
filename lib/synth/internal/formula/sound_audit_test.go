package formula

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
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
	b, err := os.ReadFile(*oeisFile)
	if err != nil {
		t.Fatal(err)
	}
	var tasks []oeisTask
	if err := json.Unmarshal(b, &tasks); err != nil {
		t.Fatal(err)
	}
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
