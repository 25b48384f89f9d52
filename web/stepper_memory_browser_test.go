package web

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/web/browser"
)

// squaresIR stores k*k at word k for k < n, then returns the words' sum.
const squaresIR = `START
LOOP_BEGIN LOCAL_GET_0 SLOT_0 I32_LT_S IF_BEGIN
  LOCAL_GET_0 LOCAL_GET_0 LOCAL_GET_0 I32_MUL MEM_STORE
  LOCAL_GET_0 CONST_1 I32_ADD LOCAL_SET_0 BR IF_END LOOP_END
LOOP_BEGIN LOCAL_GET_1 SLOT_0 I32_LT_S IF_BEGIN
  LOCAL_GET_2 LOCAL_GET_1 MEM_LOAD I32_ADD LOCAL_SET_2
  LOCAL_GET_1 CONST_1 I32_ADD LOCAL_SET_1 BR IF_END LOOP_END
LOCAL_GET_2 END`

// TestBrowserStepperMemory opens a stepper link on a program that uses
// memory, in headless Chromium, at the step of its third store and at the
// end: the memory table lists the words the interpreter's trace says were
// written by then, the latest one marked.
func TestBrowserStepperMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := browser.ChromiumPath()
	if err != nil {
		testenv.Missing(t, "%v", err)
	}
	p := ir.MustParse("squares", squaresIR)
	tr, err := ir.Trace(p, []int32{5}, DefaultFuel, 0)
	if err != nil || tr.Value != 30 {
		t.Fatalf("trace: %v, value %d", err, tr.Value)
	}
	third := -1 // the step of the third store
	for i, s, n := 0, tr.Steps, 0; i < len(s); i++ {
		if s[i].Store != nil {
			if n++; n == 3 {
				third = i
				break
			}
		}
	}
	s := newServer(t, Config{ResultsDir: t.TempDir()})
	addr := serveLoopback(t, s)
	b, err := browser.Start(context.Background(), browser.Options{ExecPath: path, Width: 1280, Height: 720})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, tc := range []struct {
		step       int
		want       []string // "[addr]=value" of each row
		wantMarked string
	}{
		{third, []string{"[0]=0", "[1]=1", "[2]=4"}, "[2]"},
		{len(tr.Steps) - 1, []string{"[0]=0", "[1]=1", "[2]=4", "[3]=9", "[4]=16"}, ""},
	} {
		q := url.Values{"ir": {squaresIR}, "args": {"5"}, "step": {strconv.Itoa(tc.step)}}
		if err := b.Open("http://"+addr+"/playground?"+q.Encode(), `document.body.dataset.linkLoaded === "1" && document.querySelector('#stepper table[data-role=memory]') !== null`, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		rows, err := browser.Eval[[]string](b, `Array.from(document.querySelectorAll('#stepper table[data-role=memory] tr')).map(r => r.cells[0].textContent + "=" + r.cells[1].textContent)`)
		if err != nil {
			t.Fatal(err)
		}
		marked, err := browser.Eval[string](b, `(function () { var c = document.querySelector('#stepper table[data-role=memory] td.changed'); return c ? c.previousSibling.textContent : ""; })()`)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows, tc.want) || marked != tc.wantMarked {
			t.Errorf("step %d: memory %v, marked %q; want %v, marked %q", tc.step, rows, marked, tc.want, tc.wantMarked)
		}
		if errs := b.Errors(); len(errs) > 0 {
			t.Errorf("step %d: console: %v", tc.step, errs)
		}
	}
}
