package display_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/kernel/display"
	"github.com/irsynth/irsynth/lib/ir"
)

func TestStepperRendersTrace(t *testing.T) {
	spec, _ := ir.LibraryProgram("collatz_length")
	tr, err := ir.Trace(spec.Program, []int32{7}, 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []any{tr, *tr} {
		b := display.Render(v)
		html, _ := b.Data[display.MIMEHTML].(string)
		for _, want := range []string{`class="irsynth-stepper"`, "window.IrsynthStepper.mount", `"op":"LOOP_BEGIN"`, `"value":16`} {
			if !strings.Contains(html, want) {
				t.Errorf("%T: stepper HTML lacks %s", v, want)
			}
		}
		// Self-contained: nothing is fetched from anywhere.
		for _, bad := range []string{" src=", "http://", "https://", "<link"} {
			if strings.Contains(html, bad) {
				t.Errorf("%T: stepper HTML contains %q", v, bad)
			}
		}
	}
}

func ExampleStepper() {
	spec, _ := ir.LibraryProgram("collatz_length")
	tr, _ := ir.Trace(spec.Program, []int32{7}, 1000, 0)
	b := display.Stepper(tr)
	fmt.Println(b.Data[display.MIMEText])
	// Output: <trace of collatz_length: 326 steps>
}
