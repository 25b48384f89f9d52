package kernel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// ErrNoJupyter: Debian's Jupyter (python3 with nbconvert) is missing.
var ErrNoJupyter = errors.New("kernel: jupyter nbconvert not found (run scripts/setup.sh)")

// DefaultPython is Debian's python3, which has jupyter_client and
// nbconvert (the pyenv python3 that may come first on PATH has not).
const DefaultPython = "/usr/bin/python3"

// NBConvert executes notebooks headless with this kernel and converts them.
type NBConvert struct {
	Python     string        // DefaultPython when empty
	Kernel     string        // kernel binary; os.Executable() when empty
	ResultsDir string        // IRSYNTH_RESULTS for the notebooks; unset when empty
	Timeout    time.Duration // per cell; 10 minutes when zero
	Stderr     io.Writer     // nbconvert's and the kernel's log; discarded when nil
}

// Run executes each notebook with the irsynth-go kernel, installed for the
// run into a temporary JUPYTER_PATH, and converts it to format ("notebook"
// or "html") in outDir. Each notebook runs in its own directory, so its
// relative paths (../results) mean what they say.
func (c NBConvert) Run(ctx context.Context, format, outDir string, notebooks ...string) error {
	python := c.Python
	if python == "" {
		python = DefaultPython
	}
	if err := exec.CommandContext(ctx, python, "-c", "import nbconvert, jupyter_client").Run(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNoJupyter, python, err)
	}
	exe := c.Kernel
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return fmt.Errorf("kernel: nbconvert: %w", err)
		}
	}
	tmp, err := os.MkdirTemp("", "irsynth-nbconvert-")
	if err != nil {
		return fmt.Errorf("kernel: nbconvert: %w", err)
	}
	defer os.RemoveAll(tmp)
	if _, err := Install(filepath.Join(tmp, "share", "jupyter", "kernels"), exe); err != nil {
		return err
	}
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 10 * time.Minute
	}
	env := append(os.Environ(),
		"JUPYTER_PATH="+filepath.Join(tmp, "share", "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(tmp, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(tmp, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(tmp, "config"),
		"JUPYTER_PLATFORM_DIRS=1",
	)
	if c.ResultsDir != "" {
		abs, err := filepath.Abs(c.ResultsDir)
		if err != nil {
			return fmt.Errorf("kernel: nbconvert: %w", err)
		}
		env = append(env, "IRSYNTH_RESULTS="+abs)
	}
	stderr := c.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	staging := filepath.Join(tmp, "out")
	var templateArgs []string
	if format == "html" {
		if templateArgs, err = offlineTemplate(filepath.Join(tmp, "templates")); err != nil {
			return err
		}
	}
	for _, nb := range notebooks {
		abs, err := filepath.Abs(nb)
		if err != nil {
			return fmt.Errorf("kernel: nbconvert: %w", err)
		}
		cmd := exec.CommandContext(ctx, python, "-m", "jupyter", "nbconvert",
			"--to", format, "--execute",
			"--ExecutePreprocessor.kernel_name="+SpecName,
			fmt.Sprintf("--ExecutePreprocessor.timeout=%d", int(timeout.Seconds())),
			"--output-dir", staging)
		cmd.Args = append(append(cmd.Args, templateArgs...), abs)
		cmd.Dir = filepath.Dir(abs)
		cmd.Env = env
		var log strings.Builder
		cmd.Stdout = io.MultiWriter(stderr, &log)
		cmd.Stderr = io.MultiWriter(stderr, &log)
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("kernel: nbconvert %s: %v\n%s", filepath.Base(nb), err, tail(log.String(), 4000))
		}
	}
	// move the outputs into place atomically
	entries, err := os.ReadDir(staging)
	if err != nil {
		return fmt.Errorf("kernel: nbconvert: %w", err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(staging, e.Name()))
		if err != nil {
			return fmt.Errorf("kernel: nbconvert: %w", err)
		}
		if format == "html" {
			data = plots.EchartsOnce(data) // each chart's output embeds echarts; one copy serves all
		}
		if err := results.WriteFile(filepath.Join(outDir, e.Name()), data); err != nil {
			return err
		}
	}
	return nil
}

// The HTML reports must read well opened from disk with no network and when
// the dashboard serves them, but nbconvert's lab template loads require.js
// and MathJax from a CDN (Debian's, from file:///usr/share). The
// "offline" template extends it without those two scripts (the cells' own
// output, echarts included, is self-contained).
const (
	offlineConf  = `{"base_template": "lab", "mimetypes": {"text/html": true}}`
	offlineIndex = `{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
`
)

// offlineTemplate writes the offline template under dir and returns the
// nbconvert arguments that select it.
func offlineTemplate(dir string) ([]string, error) {
	t := filepath.Join(dir, "offline")
	if err := os.MkdirAll(t, 0o755); err != nil {
		return nil, fmt.Errorf("kernel: nbconvert template: %w", err)
	}
	for name, text := range map[string]string{"conf.json": offlineConf, "index.html.j2": offlineIndex} {
		if err := os.WriteFile(filepath.Join(t, name), []byte(text), 0o644); err != nil {
			return nil, fmt.Errorf("kernel: nbconvert template: %w", err)
		}
	}
	return []string{"--TemplateExporter.extra_template_basedirs=" + dir, "--template", "offline"}, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
