package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoTestCodeInBinaries: no package of the module but the test helpers
// (irtest, internal/testenv) imports testing or a test helper outside its
// _test files, and the irsynth binary links none of them. (The kernel binary links testing through
// gomacro's table of the standard library, which notebooks may import; none
// of our packages brings it in.)
func TestNoTestCodeInBinaries(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("the go command is needed to list imports: %v", err)
	}
	const irtest = "github.com/irsynth/irsynth/lib/ir/irtest"
	const testenv = "github.com/irsynth/irsynth/internal/testenv"
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}:{{join .Imports \",\"}}", "github.com/irsynth/irsynth/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	pkgs := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		pkgs++
		if pkg == irtest || pkg == testenv {
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			if imp == "testing" || imp == irtest || imp == testenv || strings.HasPrefix(imp, "testing/") {
				t.Errorf("%s imports %s outside its tests", pkg, imp)
			}
		}
	}
	if pkgs < 10 {
		t.Fatalf("go list found %d packages; the module has more", pkgs)
	}
	deps, err := exec.Command("go", "list", "-deps", "github.com/irsynth/irsynth/cmd/irsynth").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, deps)
	}
	for _, d := range strings.Fields(string(deps)) {
		if d == "testing" || d == irtest || d == testenv {
			t.Errorf("the irsynth binary links %s", d)
		}
	}
}
