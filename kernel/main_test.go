package kernel_test

import (
	"fmt"
	"github.com/irsynth/irsynth/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The protocol and notebook tests drive a real kernel binary through
// Debian's Jupyter (/usr/bin/python3 with jupyter_client, nbconvert). They
// build the binary once, install its kernelspec under a temporary prefix and
// point JUPYTER_PATH there.

const python = "/usr/bin/python3" // Debian's, with jupyter_client; not the pyenv one on PATH

var (
	kernelBin   string // built irsynth-kernel
	jupyterPath string // prefix/share/jupyter with the kernelspec
	setupErr    error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "irsynth-kernel-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	setupErr = setup(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func setup(dir string) error {
	kernelBin = filepath.Join(dir, "irsynth-kernel")
	build := exec.Command("go", "build", "-o", kernelBin, "./cmd/irsynth-kernel")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("build kernel: %v\n%s", err, out)
	}
	prefix := filepath.Join(dir, "prefix")
	install := exec.Command(kernelBin, "install", "--prefix", prefix)
	if out, err := install.CombinedOutput(); err != nil {
		return fmt.Errorf("install kernelspec: %v\n%s", err, out)
	}
	jupyterPath = filepath.Join(prefix, "share", "jupyter")
	return nil
}

// needJupyter skips the test when Debian's Jupyter is missing, except on CI
// (CI=true), where scripts/setup.sh must have installed it: there it fails.
func needJupyter(t *testing.T, modules ...string) {
	t.Helper()
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	for _, mod := range modules {
		if err := exec.Command(python, "-c", "import "+mod).Run(); err != nil {
			testenv.Missing(t, "%s cannot import %s (run scripts/setup.sh): %v", python, mod, err)
		}
	}
}

// jupyterEnv is the environment for Jupyter processes: our kernelspec first,
// and no user or system kernels that could shadow it.
func jupyterEnv(home string) []string {
	return append(os.Environ(),
		"JUPYTER_PATH="+jupyterPath,
		"JUPYTER_DATA_DIR="+filepath.Join(home, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(home, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(home, "config"),
		"JUPYTER_PLATFORM_DIRS=1",
		"PYDEVD_DISABLE_FILE_VALIDATION=1",
	)
}
