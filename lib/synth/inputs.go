package synth

import (
	"math"
	"math/rand/v2"
	"slices"
)

// Inputs nobody gave, on which the search keeps apart programs that agree
// on the examples (extra) and compares the fitting programs it finds
// (check). They are derived from the examples alone, deterministically:
//
//   - a sequence (one operand, non-negative, densely sampled): the next
//     indices after the last example, then any gaps between them;
//   - otherwise: values around and between the examples, never below the
//     smallest example when every example is non-negative.
//
// The last far of check are far from the examples (anywhere in the i32
// range, its ends): an answer that wraps only there is not unsure, since
// the value asked for there is often beyond i32 whatever the program.
func unseenInputs(t Task) (extra, check [][]int32, far int, sequence bool) {
	const nExtra, nCheck = 4, 40
	arity := t.Arity()
	given := map[[4]int32]bool{}
	for _, e := range t.Examples {
		var k [4]int32
		copy(k[:], e.Inputs)
		given[k] = true
	}
	var out [][]int32
	farFrom := -1 // none far: a sequence's inputs are all near
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
			// the neighbours of the examples and the small numbers, where
			// most functions show their cases
			for _, e := range t.Examples {
				for _, d := range []int64{1, -1, 2} {
					if v := int64(e.Inputs[0]) + d; v >= min(lo[0], 0) {
						add([]int32{clamp32(v)})
					}
				}
			}
			for v := max(lo[0], -3); v <= 12; v++ {
				add([]int32{int32(v)})
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
		// equal operands and zeros, where differences vanish
		if arity > 1 {
			for _, v := range []int32{0, 1, 5, -3, int32(hi[0])} {
				in := make([]int32, arity)
				inside := true
				for k := range in {
					in[k] = v
					inside = inside && (v >= 0 || lo[k] < 0)
				}
				if inside {
					add(in)
				}
			}
		}
		// the examples' own operands rearranged, where programs that
		// fit by the examples' order part: every ordering of each
		// example's operands, each operand alone set to zero, and the
		// operands of one example paired with another's
		if arity > 1 {
			for _, e := range t.Examples {
				for _, p := range orderings(e.Inputs) {
					add(p)
				}
			}
			for _, e := range t.Examples {
				for k := range e.Inputs {
					if lo[k] <= 0 {
						in := append([]int32(nil), e.Inputs...)
						in[k] = 0
						add(in)
					}
				}
			}
			for i, e := range t.Examples {
				f := t.Examples[(i+1)%len(t.Examples)]
				in := append([]int32(nil), e.Inputs...)
				in[0] = f.Inputs[0]
				add(in)
			}
		}
		// far from the examples (the last far inputs): anywhere in the
		// i32 range, where products wrap
		farFrom = len(out)
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
		// and the ends of the i32 range, where wrapping shows
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
	if farFrom >= 0 {
		far = min(len(out)-farFrom, len(out)-n)
	}
	return out[:n], out[n:], far, sequence
}

// orderings lists the permutations of in (up to 3 operands; with more,
// the rotations).
func orderings(in []int32) [][]int32 {
	var out [][]int32
	switch len(in) {
	case 2:
		out = append(out, []int32{in[1], in[0]})
	case 3:
		a, b, c := in[0], in[1], in[2]
		out = append(out, []int32{a, c, b}, []int32{b, a, c}, []int32{b, c, a}, []int32{c, a, b}, []int32{c, b, a})
	default:
		for r := 1; r < len(in); r++ {
			out = append(out, append(append([]int32(nil), in[r:]...), in[:r]...))
		}
	}
	return out
}

// outsideInputs are inputs beyond the domain the examples show: negative
// operands where every example's operand is non-negative. The examples
// say nothing of them, so rival programs are not compared there; but when
// the examples' outputs are categorical (0/1, or -1/0/1), an answer that
// leaves those values there is unsure (enum.Options.Outside). None for a
// sequence: its indices are non-negative by nature.
func outsideInputs(t Task) [][]int32 {
	arity := t.Arity()
	var out [][]int32
	for k := 0; k < arity; k++ {
		lo, hi := int64(t.Examples[0].Inputs[k]), int64(t.Examples[0].Inputs[k])
		for _, e := range t.Examples {
			lo = min(lo, int64(e.Inputs[k]))
			hi = max(hi, int64(e.Inputs[k]))
		}
		if lo < 0 {
			continue
		}
		for _, e := range t.Examples {
			for _, v := range []int64{-int64(e.Inputs[k]), -int64(e.Inputs[k]) - 1} {
				if v < 0 {
					in := append([]int32(nil), e.Inputs...)
					in[k] = clamp32(v)
					out = append(out, in)
				}
			}
		}
		in := append([]int32(nil), t.Examples[0].Inputs...)
		in[k] = clamp32(-hi - 2)
		out = append(out, in)
	}
	return out
}

func clamp32(v int64) int32 {
	return int32(max(min(v, 1<<31-1), -1<<31))
}

// evidence estimates the bits the examples' outputs carry: log2(2+|v|)
// each, so a 0/1 output is worth about one bit and 1000 about ten; but on
// a task that samples a domain (not a sequence: its terms are counted at
// their size, as the judge of sequences was trained), an output that
// repeats one of its own operands or an earlier output says only which of
// those it is, log2(choices+1) bits: "the largest of a, b and c" shown
// five times is a few bits, not its values' size.
func evidence(t Task, sequence bool) float64 {
	bits := 0.0
	var earlier []int32
	for _, e := range t.Examples {
		b := math.Log2(2 + math.Abs(float64(e.Output)))
		if !sequence && (slices.Contains(e.Inputs, e.Output) || slices.Contains(earlier, e.Output)) {
			b = min(b, math.Log2(float64(len(e.Inputs)+len(earlier)+1)))
		}
		if !slices.Contains(earlier, e.Output) {
			earlier = append(earlier, e.Output)
		}
		bits += b
	}
	return bits
}

// fewBits reports whether the search's answer of this cost is too big for
// the examples of a task that samples a domain: under 3 bits of evidence
// (evidence, with seqLike as the search counted it) per unit of cost. A
// level of the search holds some 2^3 times as many distinct programs as
// the one below it, so a program of cost c is one of about 2^(3c), and
// examples carrying fewer bits than that are fitted by some of them by
// chance: "how many times does 2 divide n" shown at 1, 2, 12, 7 and 64
// (8.6 bits) is fitted at cost 7 by a sum of binary digits that is wrong
// almost everywhere else, with no rival of near cost to show it. The
// enumerator already looks a level further for rivals at this ratio; when
// none turns up, the answer is still a question, not solved. A sequence's
// ten terms are the judge's to weigh (Trust), not this rule's; nor is a
// categorical task's (every output -1, 0 or 1, two of them at least): its
// few bits per example are weighed by the enumerator, which makes an
// answer giving any other value on 40 unseen inputs unsure, a test that
// a program fitting 0/1 outputs by chance does not pass.
func fewBits(t Task, seqLike bool, cost int) bool {
	if _, ys, seq := isSequence(t); seq && len(ys) >= MinTrustTerms {
		return false
	}
	outs := map[int32]bool{}
	for _, e := range t.Examples {
		outs[e.Output] = true
	}
	categorical := len(outs) >= 2
	for v := range outs {
		categorical = categorical && -1 <= v && v <= 1
	}
	if categorical {
		return false
	}
	return evidence(t, seqLike) < 3*float64(cost)
}
