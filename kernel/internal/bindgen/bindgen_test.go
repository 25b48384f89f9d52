package bindgen

import (
	"errors"
	"strings"
	"testing"
)

func TestGenerate(t *testing.T) {
	const sample = Module + "/kernel/internal/bindgen/testdata/sample"
	src, err := Generate(Config{Dir: ".", Packages: []string{sample, Module + "/no/such/package"}, Target: Module + "/kernel/internal/bindings"})
	if err != nil {
		t.Fatal(err)
	}
	// compare modulo gofmt's alignment
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	out := squash(string(src))
	cases := []struct {
		name, want string
	}{
		{"function", `"Double": r.ValueOf(sample.Double)`},
		{"variable by address", `"Counter": r.ValueOf(&sample.Counter).Elem()`},
		{"typed constant", `"Typed":   r.ValueOf(sample.Typed)`},
		{"untyped int exact", `"Answer": "int:42"`},
		{"untyped float exact", `"Pi":     "float:157/50"`},
		{"untyped string", `"Name":   "string:sample"`},
		{"big constant only exact", `"Big":    "int:1180591620717411303424"`},
		{"type", `"Shape":   r.TypeOf((*sample.Shape)(nil)).Elem()`},
		{"proxy", `"Shape": r.TypeOf((*P_kernel_internal_bindgen_testdata_sample_Shape)(nil)).Elem()`},
		{"variadic proxy method", `func (P *P_kernel_internal_bindgen_testdata_sample_Shape) Scale(a0 ...float64) sample.Shape {`},
		{"proxy names other packages", `Write_ func(_proxy_obj_ interface{}, a0 io.Writer) (int, error)`},
		{"promoted method", `"Derived": []string{"Hello"}`},
		{"generic func skipped", "skipped func Map (generic)"},
		{"generic type skipped", "skipped type Box (generic)"},
		{"constraint skipped", "skipped type Number (constraint interface)"},
		{"missing package listed", "// " + Module + "/no/such/package"},
		{"doc", `"` + sample + `.Double": "Double is a function."`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(out, squash(tc.want)) {
				t.Errorf("generated code lacks %s\n%s", tc.want, out)
			}
		})
	}
	if strings.Contains(out, "r.ValueOf(sample.Big)") {
		t.Error("a constant that overflows int64 was bound as a value")
	}
	if strings.Contains(out, `"Map"`) || strings.Contains(out, `"Box"`) {
		t.Error("a generic member was bound")
	}
}

func TestGenerateNothing(t *testing.T) {
	_, err := Generate(Config{Dir: ".", Packages: []string{Module + "/no/such/package"}})
	if !errors.Is(err, ErrNoPackages) {
		t.Fatalf("error = %v, want ErrNoPackages", err)
	}
}
