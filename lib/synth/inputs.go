package synth

import (
	"math/rand/v2"
)

// Inputs nobody gave, on which the search keeps apart programs that agree
// on the examples (extra) and compares the fitting programs it finds
// (check). They are derived from the examples alone, deterministically:
//
//   - a sequence (one operand, non-negative, densely sampled): the next
//     indices after the last example, then any gaps between them;
//   - otherwise: values around and between the examples, never below the
//     smallest example when every example is non-negative.
func unseenInputs(t Task) (extra, check [][]int32, sequence bool) {
	const nExtra, nCheck = 4, 30
	arity := t.Arity()
	given := map[[4]int32]bool{}
	for _, e := range t.Examples {
		var k [4]int32
		copy(k[:], e.Inputs)
		given[k] = true
	}
	var out [][]int32
	add := func(in []int32) {
		var k [4]int32
		copy(k[:], in)
		if !given[k] {
			given[k] = true
			out = append(out, in)
		}
	}
	lo, hi := make([]int64, arity), make([]int64, arity)
	for k := 0; k < arity; k++ {
		lo[k], hi[k] = int64(t.Examples[0].Inputs[k]), int64(t.Examples[0].Inputs[k])
		for _, e := range t.Examples {
			lo[k] = min(lo[k], int64(e.Inputs[k]))
			hi[k] = max(hi[k], int64(e.Inputs[k]))
		}
	}
	sequence = arity == 1 && lo[0] >= 0 && hi[0]-lo[0]+1 <= 3*int64(len(t.Examples))
	if sequence {
		for n := hi[0] + 1; len(out) < nExtra+16 && n <= 1<<30; n++ {
			add([]int32{int32(n)})
		}
		for n := lo[0]; n < hi[0] && len(out) < nExtra+nCheck; n++ {
			add([]int32{int32(n)})
		}
	} else {
		h := uint64(len(t.Examples))
		for _, e := range t.Examples {
			for _, v := range e.Inputs {
				h = h*1099511628211 ^ uint64(uint32(v))
			}
		}
		rng := rand.New(rand.NewPCG(h, 0x5eed))
		if arity == 1 {
			add([]int32{clamp32(hi[0] + 1)})
			if lo[0] < 0 {
				add([]int32{clamp32(lo[0] - 1)})
			}
		}
		for tries := 0; len(out) < nExtra+nCheck-13 && tries < 10*(nExtra+nCheck); tries++ {
			in := make([]int32, arity)
			for k := range in {
				span := max(hi[k]-lo[k], 10)
				a, b := lo[k]-span, hi[k]+span
				if lo[k] >= 0 {
					a = lo[k]
				}
				in[k] = clamp32(a + rng.Int64N(b-a+1))
			}
			add(in)
		}
		// anywhere in the i32 range, where products wrap
		for k := 0; k < 4; k++ {
			in := make([]int32, arity)
			for i := range in {
				in[i] = int32(rng.Uint32())
				if lo[i] >= 0 && in[i] < 0 {
					in[i] = -in[i] - 1
				}
			}
			add(in)
		}
		// equal operands and zeros, where differences vanish
		if arity > 1 {
			for _, v := range []int32{0, 1, 5, -3, int32(hi[0])} {
				in := make([]int32, arity)
				for k := range in {
					in[k] = v
				}
				add(in)
			}
		}
		// the ends of the i32 range, where wrapping shows
		for _, v := range []int32{1<<31 - 1, -1 << 31, 1 << 20, -1 << 20} {
			if v >= 0 || lo[0] < 0 {
				in := make([]int32, arity)
				for k := range in {
					in[k] = v
					if k > 0 {
						in[k] = t.Examples[0].Inputs[k]
					}
				}
				add(in)
			}
		}
	}
	n := min(nExtra, len(out))
	return out[:n], out[n:], sequence
}

func clamp32(v int64) int32 {
	return int32(max(min(v, 1<<31-1), -1<<31))
}
