// Command bindgen writes the kernel's gomacro bindings (see package
// kernel/internal/bindgen). go generate runs it in kernel/internal/bindings.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/irsynth/irsynth/kernel/internal/bindgen"
	"github.com/irsynth/irsynth/lib/results"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("bindgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "zz_bindings.go", "output `FILE`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	src, err := bindgen.Generate(bindgen.Config{Dir: ".", Target: bindgen.Module + "/kernel/internal/bindings"})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := results.WriteFile(*out, src); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
