//go:debug gotypesalias=0

package bindings

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"testing"

	"github.com/cosmos72/gomacro/imports"

	"github.com/irsynth/irsynth/kernel/internal/bindgen"
	"github.com/irsynth/irsynth/kernel/internal/interp"
)

var update = flag.Bool("update", false, "rewrite zz_bindings.go")

// TestFresh fails when zz_bindings.go differs from what the generator writes
// for the packages as they are now: a package landed, changed its API or
// stopped compiling since the last `go generate ./kernel/internal/bindings`.
func TestFresh(t *testing.T) {
	want, err := bindgen.Generate(bindgen.Config{Dir: ".", Target: bindgen.Module + "/kernel/internal/bindings"})
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("zz_bindings.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("zz_bindings.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("zz_bindings.go is stale: run `go generate ./kernel/internal/bindings` (or go test -update)")
	}
}

// TestBoundPackagesImport imports every bound package in the interpreter
// and uses one member of each.
func TestBoundPackagesImport(t *testing.T) {
	// the packages kernel/doc.go promises to cells, listed here rather than
	// taken from Bound, so that a package dropped from the generator fails
	for _, pkg := range []string{"lib/ir", "lib/wasmrt", "lib/dataset", "lib/models", "lib/plots", "lib/results", "lib/synth", "kernel/display"} {
		if _, ok := imports.Packages[bindgen.Module+"/"+pkg]; !ok {
			t.Errorf("%s is not bound: cells cannot import it", pkg)
		}
	}
	for _, path := range Bound {
		if _, ok := imports.Packages[path]; !ok {
			t.Errorf("%s is listed in Bound but not registered", path)
		}
	}
	s, err := interp.New(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, path := range Bound {
		if _, err := s.Eval(context.Background(), `import "`+path+`"`); err != nil {
			t.Errorf("import %q: %v", path, err)
		}
	}
	cases := []struct {
		pkg, code string
		want      any
	}{
		{"lib/ir", `ir.MustParse("t", "START CONST_2 CONST_10 I32_MUL END").Len()`, 5},
		{"lib/ir", `v, _ := ir.Interpret(ir.MustParse("t", "START SLOT_0 CONST_1 I32_ADD END"), []int32{41}, 0); v`, int32(42)},
		{"kernel/display", `display.HTML("<i>x</i>").String()`, "<i>x</i>"},
		{"lib/results", `results.Phase1File`, "phase1.json"},
	}
	for _, tc := range cases {
		t.Run(tc.pkg, func(t *testing.T) {
			path := bindgen.Module + "/" + tc.pkg
			if _, ok := imports.Packages[path]; !ok {
				t.Fatalf("%s is not bound: cells cannot import it (is it missing from bindgen's package list?)", path)
			}
			vals, err := s.Eval(context.Background(), `import "`+path+`"`+"\n"+tc.code)
			if err != nil {
				t.Fatal(err)
			}
			if len(vals) == 0 || vals[len(vals)-1].Interface() != tc.want {
				t.Fatalf("%s = %v, want %v", tc.code, vals, tc.want)
			}
		})
	}
}

func TestDoc(t *testing.T) {
	if d := Doc(bindgen.Module+"/kernel/display", "Show"); d == "" {
		t.Error("no doc for display.Show")
	}
	if d := Doc(bindgen.Module+"/kernel/display", "nope"); d != "" {
		t.Errorf("doc for an unknown name: %q", d)
	}
}
