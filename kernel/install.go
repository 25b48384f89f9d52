package kernel

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// Kernelspec identity.
const (
	SpecName    = "irsynth-go"
	DisplayName = "Go (irsynth)"
	Language    = "go"
)

// Spec is the content of kernel.json.
type Spec struct {
	Argv          []string          `json:"argv"`
	DisplayName   string            `json:"display_name"`
	Language      string            `json:"language"`
	InterruptMode string            `json:"interrupt_mode"`
	Env           map[string]string `json:"env,omitempty"`
	Metadata      map[string]any    `json:"metadata,omitempty"`
}

// KernelsDir returns the directory that holds kernelspecs for a prefix
// (prefix/share/jupyter/kernels) or, for prefix "", the user's
// (JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels).
func KernelsDir(prefix string) (string, error) {
	if prefix != "" {
		return filepath.Join(prefix, "share", "jupyter", "kernels"), nil
	}
	if d := os.Getenv("JUPYTER_DATA_DIR"); d != "" {
		return filepath.Join(d, "kernels"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("kernel: install: %w", err)
	}
	return filepath.Join(home, ".local", "share", "jupyter", "kernels"), nil
}

// Install writes the kernelspec (kernel.json and the logos) for the kernel
// binary exe into kernelsDir/irsynth-go and returns that directory.
func Install(kernelsDir, exe string) (string, error) {
	exe, err := filepath.Abs(exe)
	if err != nil {
		return "", fmt.Errorf("kernel: install: %w", err)
	}
	dir := filepath.Join(kernelsDir, SpecName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("kernel: install: %w", err)
	}
	spec := Spec{
		Argv:          []string{exe, "run", "--connection-file", "{connection_file}"},
		DisplayName:   DisplayName,
		Language:      Language,
		InterruptMode: "message",
		Metadata:      map[string]any{"debugger": false},
	}
	data, err := json.MarshalIndent(spec, "", "  ")
	if err != nil {
		return "", err
	}
	files := map[string][]byte{"kernel.json": append(data, '\n')}
	for _, size := range []int{32, 64} {
		files[fmt.Sprintf("logo-%dx%d.png", size, size)], err = Logo(size)
		if err != nil {
			return "", err
		}
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", fmt.Errorf("kernel: install: %w", err)
		}
	}
	return dir, nil
}

// Logo draws the kernel's logo, size pixels square, as PNG: a Go-blue tile
// with a white bracket pair around three opcode bars.
func Logo(size int) ([]byte, error) {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{0x00, 0xAD, 0xD8, 0xFF}
	white := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	r := float64(size) / 64
	fill := func(x0, y0, x1, y1 float64, c color.NRGBA) {
		for y := int(y0 * r); y < int(y1*r); y++ {
			for x := int(x0 * r); x < int(x1*r); x++ {
				img.SetNRGBA(x, y, c)
			}
		}
	}
	// rounded tile: leave the corners transparent
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			cx, cy := min(x, size-1-x), min(y, size-1-y)
			rad := 8 * r
			if float64(cx) < rad && float64(cy) < rad {
				dx, dy := rad-float64(cx), rad-float64(cy)
				if dx*dx+dy*dy > rad*rad {
					continue
				}
			}
			img.SetNRGBA(x, y, blue)
		}
	}
	// brackets
	fill(10, 12, 15, 52, white)
	fill(10, 12, 20, 17, white)
	fill(10, 47, 20, 52, white)
	fill(49, 12, 54, 52, white)
	fill(44, 12, 54, 17, white)
	fill(44, 47, 54, 52, white)
	// opcode bars
	fill(22, 20, 42, 25, white)
	fill(26, 29, 42, 34, white)
	fill(22, 38, 36, 43, white)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("kernel: logo: %w", err)
	}
	return buf.Bytes(), nil
}
