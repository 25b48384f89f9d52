// Package display shows rich output in the irsynth Go kernel's notebooks.
//
// A cell's last value is rendered automatically: a Bundle as itself, a value
// with a MimeBundle, HTML, Markdown, SVG, PNG or JSON method through that
// method, an image.Image as a PNG, an ir.Program as its listing and WAT, an
// ir.Trace result as the stepper (Stepper: step through the run, offline), and
// anything else as text. Show renders a value at once, in the middle of a
// cell:
//
//	display.Show(display.Markdown("## Collatz lengths"))
//	display.Show(chart) // a lib/plots chart: an interactive echarts chart
//	display.HTML("<b>bold</b>") // as a cell's last value
//
// Context returns the running cell's context, which the kernel cancels when
// the user interrupts it; pass it to long library calls so they stop too.
//
// Outside the kernel (in a test or a program) Show prints the text/plain
// form to standard output and Context returns context.Background.
package display
