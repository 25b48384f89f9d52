package synth

import (
	"math"
	"path/filepath"
	"testing"
)

// TestGuideLearns: trained on tasks where one production goes with one
// kind of example (outputs that double: loop; outputs that alternate 0/1:
// mod), the guide predicts that production for a new task of each kind and
// makes it cheaper than the other; Save and ParseGuide round-trip it.
func TestGuideLearns(t *testing.T) {
	doubling := func(a int32) Task {
		var ex []Example
		for n := int32(0); n < 8; n++ {
			ex = append(ex, Example{Inputs: []int32{n}, Output: a << n})
		}
		return Task{Text: "powers", Examples: ex}
	}
	parity := func(a int32) Task {
		var ex []Example
		for n := int32(0); n < 8; n++ {
			ex = append(ex, Example{Inputs: []int32{n}, Output: (n + a) % 2})
		}
		return Task{Text: "parity", Examples: ex}
	}
	var exs []GuideExample
	for a := int32(1); a <= 20; a++ {
		exs = append(exs, GuideExample{Task: doubling(a), Prods: []string{"loop", "x", "+", "n"}},
			GuideExample{Task: parity(a % 2), Prods: []string{"mod", "n", "2"}})
	}
	g, err := TrainGuide(exs, GuideConfig{})
	if err != nil {
		t.Fatal(err)
	}
	idx := map[string]int{}
	for i, p := range Productions() {
		idx[p] = i
	}
	pd, pp := g.Predict(doubling(33)), g.Predict(parity(0))
	if pd[idx["loop"]] < 0.8 || pp[idx["loop"]] > 0.2 || pp[idx["mod"]] < 0.8 || pd[idx["mod"]] > 0.2 {
		t.Fatalf("P(loop) %.2f/%.2f, P(mod) %.2f/%.2f (doubling/parity)", pd[idx["loop"]], pp[idx["loop"]], pd[idx["mod"]], pp[idx["mod"]])
	}
	if c := g.Costs(doubling(3)); c["loop"] >= c["mod"] {
		t.Fatalf("costs for a doubling task: loop %d, mod %d", c["loop"], c["mod"])
	}
	path := filepath.Join(t.TempDir(), "g.json")
	if err := g.Save(path); err != nil {
		t.Fatal(err)
	}
	g2, err := LoadGuide(path)
	if err != nil {
		t.Fatal(err)
	}
	if q := g2.Predict(doubling(33)); math.Abs(q[idx["loop"]]-pd[idx["loop"]]) > 1e-9 {
		t.Fatalf("round trip changed the prediction: %v vs %v", q[idx["loop"]], pd[idx["loop"]])
	}
	if _, err := ParseGuide([]byte(`{"version": 1, "w": [[1]]}`)); err == nil {
		t.Fatal("a malformed guide parsed")
	}
}

// TestDreams: generated tasks are deterministic, distinct, non-constant,
// and labelled with known productions.
func TestDreams(t *testing.T) {
	a, b := Dreams(200, 3), Dreams(200, 3)
	if len(a) != 200 || len(b) != 200 {
		t.Fatalf("%d and %d dreams", len(a), len(b))
	}
	seen := map[string]bool{}
	known := map[string]bool{}
	for _, p := range Productions() {
		known[p] = true
	}
	for i, d := range a {
		if FormatExample(d.Task.Examples[3]) != FormatExample(b[i].Task.Examples[3]) {
			t.Fatalf("dream %d differs between two runs with one seed", i)
		}
		k := ""
		constant := true
		for _, e := range d.Task.Examples {
			k += FormatExample(e) + ","
			constant = constant && e.Output == d.Task.Examples[0].Output
		}
		if seen[k] || constant {
			t.Fatalf("dream %d repeats or is constant: %s", i, k)
		}
		seen[k] = true
		for _, p := range d.Prods {
			if !known[p] {
				t.Fatalf("dream %d: unknown production %q", i, p)
			}
		}
	}
}
