package kernel_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/irsynth/irsynth/kernel"
)

func ExampleInstall() {
	prefix, _ := os.MkdirTemp("", "prefix")
	defer os.RemoveAll(prefix)
	kernels, _ := kernel.KernelsDir(prefix)
	dir, err := kernel.Install(kernels, "/usr/local/bin/irsynth-kernel")
	if err != nil {
		fmt.Println(err)
		return
	}
	rel, _ := filepath.Rel(prefix, dir)
	fmt.Println(rel)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// share/jupyter/kernels/irsynth-go
	// kernel.json
	// logo-32x32.png
	// logo-64x64.png
}
