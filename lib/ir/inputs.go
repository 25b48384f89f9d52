package ir

import (
	"math/bits"
	"math/rand/v2"
)

// Input drawing lives here, beside Spec, because tests (the conformance
// suite in irtest), the synthesizer's prior and its evaluation all draw
// operands the same way; shipped code must not import irtest (testing).

// Inputs returns at least n inputs for spec, deterministic for seed: every
// combination of the edges of each operand's domain (its ends, 0, ±1, 2 and
// the neighbours of the ends, where inside the domain) first, then uniform
// and log-uniform draws inside the domain.
func (spec Spec) Inputs(n int, seed uint64) [][]int32 {
	rng := rand.New(rand.NewPCG(seed, 0x1f5e))
	var out [][]int32
	edges := make([][]int32, spec.Arity)
	for k, d := range spec.Domain {
		seen := map[int32]bool{}
		for _, v := range []int64{int64(d.Min), int64(d.Max), 0, 1, -1, 2, int64(d.Min) + 1, int64(d.Max) - 1} {
			if v >= int64(d.Min) && v <= int64(d.Max) && !seen[int32(v)] {
				seen[int32(v)] = true
				edges[k] = append(edges[k], int32(v))
			}
		}
	}
	var rec func(k int, cur []int32)
	rec = func(k int, cur []int32) {
		if k == spec.Arity {
			out = append(out, append([]int32(nil), cur...))
			return
		}
		for _, v := range edges[k] {
			rec(k+1, append(cur, v))
		}
	}
	rec(0, nil)
	for len(out) < n {
		in := make([]int32, spec.Arity)
		for k, d := range spec.Domain {
			in[k] = d.Draw(rng)
		}
		out = append(out, in)
	}
	return out
}

// Draw picks a value in d: half the time uniformly, half the time with a
// log-uniform magnitude, so that small values are well represented.
func (d Range) Draw(rng *rand.Rand) int32 {
	lo, hi := int64(d.Min), int64(d.Max)
	if rng.IntN(2) == 0 {
		return int32(lo + rng.Int64N(hi-lo+1))
	}
	// log-uniform distance from the in-range value closest to zero
	anchor := min(max(0, lo), hi)
	span := max(hi-anchor, anchor-lo)
	if span == 0 {
		return int32(anchor)
	}
	nb := rng.IntN(bits.Len64(uint64(span)) + 1) // span < 2^33, so 1<<bits cannot overflow
	off := int64(0)
	if nb > 0 {
		off = rng.Int64N(int64(1) << nb)
	}
	v := anchor + off
	if rng.IntN(2) == 0 {
		v = anchor - off
	}
	return int32(min(max(v, lo), hi))
}
