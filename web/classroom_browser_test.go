package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/web/browser"
)

// TestBrowserClassroom walks the classroom features in headless Chromium as
// a user would and checks what the pages show against the reference
// interpreter and DESIGN.md's values: collatz_length(7) = 16 stepped to the
// end, three steps back with the stacks of the trace, the copied link in a
// fresh page, sum_1_to_n synthesized from four examples and run on 100
// (5050), and a long search cancelled, seen stopping through the API.
// IRSYNTH_SCREENSHOTS=DIR keeps the screenshots.
func TestBrowserClassroom(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := browser.ChromiumPath()
	if err != nil {
		testenv.Missing(t, "%v", err)
	}
	s := newServer(t, Config{ResultsDir: t.TempDir(), MaxSearches: 2})
	addr := serveLoopback(t, s)
	b, err := browser.Start(context.Background(), browser.Options{ExecPath: path, Width: 1280, Height: 720})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	shots := os.Getenv("IRSYNTH_SCREENSHOTS")
	if shots != "" && !filepath.IsAbs(shots) {
		shots = filepath.Join("..", shots)
	}
	res, err := browser.Classroom(b, "http://"+addr, browser.ClassroomOptions{
		StepProgram: "collatz_length", StepArgs: "7",
		Examples: sumExamples, Hard: hardExamples, ShotsDir: shots, Timeout: 30 * time.Second,
		Ambiguous: "3→9", Intended: func(in []int64) int64 { return in[0] * in[0] },
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Pages {
		for _, e := range p.Errors {
			t.Errorf("%s: console: %s", p.Name, e)
		}
	}
	spec, _ := ir.LibraryProgram("collatz_length")
	tr, err := ir.Trace(spec.Program, []int32{7}, DefaultFuel, 0)
	if err != nil {
		t.Fatal(err)
	}
	shown := func(i int) []string { // the stack as the page lists it, top first
		var out []string
		for _, v := range slices.Backward(tr.Steps[i].Stack) {
			out = append(out, fmt.Sprint(v))
		}
		return out
	}
	n := len(tr.Steps)
	if res.Steps != n || res.EndResult != "16" || !slices.Equal(res.EndStack, []string{"16"}) {
		t.Errorf("end: %d steps, result %q, stack %v; want %d steps, 16, [16]", res.Steps, res.EndResult, res.EndStack, n)
	}
	changed := false
	for i, st := range res.Back {
		if want := shown(n - 2 - i); !slices.Equal(st, want) {
			t.Errorf("%d step(s) back: stack %v, want %v", i+1, st, want)
		}
		changed = changed || !slices.Equal(st, res.EndStack)
	}
	if !changed || res.BackStep != n-4 {
		t.Errorf("stepping back: stacks %v (changed %v), at step %d; want step %d", res.Back, changed, res.BackStep, n-4)
	}
	if res.LinkStep != res.BackStep || !slices.Equal(res.LinkStack, res.Back[2]) {
		t.Errorf("link %s opened at step %d with stack %v; want step %d, %v", res.Link, res.LinkStep, res.LinkStack, res.BackStep, res.Back[2])
	}
	if res.SynthStatus != "solved" || res.TryValue != "5050" {
		t.Errorf("synthesis: %s %q, run on 100 = %q; want solved and 5050", res.SynthStatus, res.SynthProgram, res.TryValue)
	}
	if res.SynthLinkExamples != sumExamples || res.SynthLinkStatus != "solved" {
		t.Errorf("synthesis link %s: examples %q, status %q", res.SynthLink, res.SynthLinkExamples, res.SynthLinkStatus)
	}
	// "3→9" fits n*n, n+6, 3n...: the page asks, the walk answers with n*n.
	if len(res.AmbInputs) == 0 || res.AmbStatus != "solved" || res.AmbTry != "144" || !strings.Contains(res.AmbExamples, "3→9, ") {
		t.Errorf("ambiguity: asked about %v, ended %s with examples %q, gives %q on 12; want a question, solved, 144",
			res.AmbInputs, res.AmbStatus, res.AmbExamples, res.AmbTry)
	}
	if res.RunningBefore != 1 || res.RunningAfter != 0 || res.CancelStatus != "cancelled" {
		t.Errorf("cancel: %d running before, %d after, page says %q; want 1, 0, cancelled", res.RunningBefore, res.RunningAfter, res.CancelStatus)
	}
}
