package display_test

import (
	"fmt"

	"github.com/irsynth/irsynth/kernel/display"
)

func ExampleMarkdown() {
	b := display.Markdown("| n | length |\n|---|---|\n| 27 | 111 |")
	fmt.Println(b.Data["text/markdown"] != nil, b.Data["text/plain"] != nil)
	// Output: true true
}

// A long-running cell checks Context to stop when the user interrupts it;
// outside a kernel it is never cancelled.
func ExampleContext() {
	fmt.Println(display.Context().Err())
	// Output: <nil>
}
