package ir_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/irsynth/irsynth/lib/ir"
)

// TestSpecInputs: the edges of every operand's domain come first, in every
// combination; every input lies in the domain; the draw is deterministic
// for the seed and differs across seeds.
func TestSpecInputs(t *testing.T) {
	spec := ir.Spec{Program: ir.Program{Name: "two", Arity: 2}, Domain: []ir.Range{{Min: -3, Max: 5}, {Min: 1, Max: 1000}}}
	// Edges written out by hand: the ends, 0, ±1, 2 and the ends' neighbours
	// where inside the domain, without repeats, in that order.
	edges0 := []int32{-3, 5, 0, 1, -1, 2, -2, 4}
	edges1 := []int32{1, 1000, 2, 999}
	in := spec.Inputs(100, 1)
	if len(in) != 100 {
		t.Fatalf("%d inputs, want 100", len(in))
	}
	k := 0
	for _, a := range edges0 {
		for _, b := range edges1 {
			if in[k][0] != a || in[k][1] != b {
				t.Fatalf("input %d = %v, want the edge combination [%d %d]", k, in[k], a, b)
			}
			k++
		}
	}
	for i, x := range in {
		if len(x) != 2 || x[0] < -3 || x[0] > 5 || x[1] < 1 || x[1] > 1000 {
			t.Fatalf("input %d = %v outside the domain", i, x)
		}
	}
	again, other := spec.Inputs(100, 1), spec.Inputs(100, 2)
	same := true
	for i := range in {
		if !slices.Equal(in[i], again[i]) {
			t.Fatalf("input %d: %v then %v for one seed", i, in[i], again[i])
		}
		same = same && slices.Equal(in[i], other[i])
	}
	if same {
		t.Errorf("seeds 1 and 2 draw the same inputs")
	}
	// More edge combinations than n: all of them still come back.
	if got := len(spec.Inputs(3, 1)); got != len(edges0)*len(edges1) {
		t.Errorf("Inputs(3) gave %d inputs, want all %d edge combinations", got, len(edges0)*len(edges1))
	}
}

// TestRangeDraw: draws stay in the range, cover both ends of a small range,
// and favour small magnitudes in a wide one (the log-uniform half).
func TestRangeDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	small := ir.Range{Min: -2, Max: 2}
	seen := map[int32]bool{}
	for range 1000 {
		v := small.Draw(rng)
		if v < -2 || v > 2 {
			t.Fatalf("Draw = %d outside [-2, 2]", v)
		}
		seen[v] = true
	}
	if len(seen) != 5 {
		t.Errorf("1000 draws in [-2, 2] hit %d values, want all 5", len(seen))
	}
	wide := ir.Range{Min: 0, Max: 1 << 30}
	under1000 := 0
	for range 1000 {
		if v := wide.Draw(rng); v < 1000 {
			under1000++
		} else if v > 1<<30 {
			t.Fatalf("Draw = %d above the range", v)
		}
	}
	// A uniform draw lands under 1000 with probability 1e-6; the
	// log-uniform half does about 10 times in 31.
	if under1000 < 100 {
		t.Errorf("%d of 1000 draws under 1000; the log-uniform half should give about 160", under1000)
	}
}
