package kernel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestInstall(t *testing.T) {
	kernels, err := KernelsDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir, err := Install(kernels, "/opt/irsynth-kernel")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
	if err != nil {
		t.Fatal(err)
	}
	var spec Spec
	if err := json.Unmarshal(data, &spec); err != nil {
		t.Fatal(err)
	}
	if spec.DisplayName != "Go (irsynth)" || spec.Language != "go" || spec.InterruptMode != "message" ||
		len(spec.Argv) != 4 || spec.Argv[0] != "/opt/irsynth-kernel" || spec.Argv[3] != "{connection_file}" {
		t.Fatalf("kernel.json = %s", data)
	}
	for _, size := range []int{32, 64} {
		f, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("logo-%dx%d.png", size, size)))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(f))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Fatalf("logo %d is %v", size, b)
		}
	}
}
