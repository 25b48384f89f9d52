package enum

import "errors"

// ambiguity compares the best answer with its near-cost rivals on inputs
// nobody gave and returns the first input where a rival gives a value the
// best answer does not (a different value, or a value where the best one
// traps or runs out of fuel), with every distinct answer there; nil when
// they all agree. A rival that traps where the best answer gives a value
// is no rival there, nor one whose arithmetic wraps there (WatchWrap). A best answer that traps on such an input is
// ambiguous too, rivals or not: the user is asked what it should give.
//
// On a categorical task (set, from categories) a value outside set is
// ruled out by the examples: a rival giving one is no rival there, and a
// best answer giving one is ambiguous.
func (s *searcher) ambiguity(best Answer, rivals []Answer, inputs [][]int32, set map[int32]bool) *Ambiguity {
	fuel := s.opt.Fuel * 20 // per input
	for _, in := range inputs {
		bv, berr := s.t.Eval(best.id, in, fuel)
		alts := []Alt{alt(best, bv, berr)}
		if berr == nil && set != nil && !set[bv] {
			alts[0].Err = "gives a value no example shows"
			return &Ambiguity{Input: append([]int32(nil), in...), Alts: alts}
		}
		seen := map[int32]bool{}
		if berr == nil {
			seen[bv] = true
		}
		for _, r := range rivals {
			v, err := s.t.Eval(r.id, in, fuel)
			if err != nil || seen[v] || (set != nil && !set[v]) {
				continue
			}
			if s.opt.WatchWrap && s.t.Wraps(r.id, in, fuel) {
				continue // a value wrapped around 32 bits is no rival's claim
			}
			seen[v] = true
			if len(alts) < 5 {
				alts = append(alts, alt(r, v, nil))
			}
		}
		if len(alts) > 1 || errors.Is(berr, errTrap) {
			return &Ambiguity{Input: append([]int32(nil), in...), Alts: alts}
		}
	}
	return nil
}

func alt(a Answer, v int32, err error) Alt {
	if err != nil {
		return Alt{Answer: a, Err: err.Error()}
	}
	return Alt{Answer: a, Out: v}
}

// wraps: the first Check input where the best answer's arithmetic wraps
// around 32 bits, when it wraps on no example.
func (s *searcher) wraps(best Answer, examples []Example, inputs [][]int32) *Ambiguity {
	fuel := s.opt.Fuel * 20
	for _, e := range examples {
		if s.t.Wraps(best.id, e.In, fuel) {
			return nil
		}
	}
	for _, in := range inputs {
		if s.t.Wraps(best.id, in, fuel) {
			v, _ := s.t.Eval(best.id, in, fuel)
			return &Ambiguity{Input: append([]int32(nil), in...),
				Alts: []Alt{{Answer: best, Out: v, Err: "wraps around 32 bits here, which no example shows"}}}
		}
	}
	return nil
}

// wrapsUnseen: a's arithmetic wraps on some input but on no example.
func (s *searcher) wrapsUnseen(a Answer, examples []Example, inputs [][]int32) bool {
	return s.wraps(a, examples, inputs) != nil
}

// failsUnseen: a traps or runs out of fuel on some input nobody gave (the
// examples it fits, so it fails on none of them).
func (s *searcher) failsUnseen(a Answer, inputs [][]int32) bool {
	fuel := s.opt.Fuel * 20
	for _, in := range inputs {
		if _, err := s.t.Eval(a.id, in, fuel); err != nil {
			return true
		}
	}
	return false
}

// categories is the set of the examples' outputs when they are
// categorical: each -1, 0 or 1, with at least two distinct values; nil
// otherwise.
func categories(examples []Example) map[int32]bool {
	set := map[int32]bool{}
	for _, e := range examples {
		if e.Out < -1 || e.Out > 1 {
			return nil
		}
		set[e.Out] = true
	}
	if len(set) < 2 {
		return nil
	}
	return set
}

// categorical compares the best answer of a categorical task with its
// rivals on inputs beyond the examples' domain: the first input where the
// best answer gives a value outside set, or where a rival
// gives another value of set, is ambiguous. A rival's value outside set
// is no rival there: the examples rule such values out.
func (s *searcher) categorical(best Answer, rivals []Answer, inputs [][]int32, set map[int32]bool) *Ambiguity {
	fuel := s.opt.Fuel * 20
	for _, in := range inputs {
		bv, berr := s.t.Eval(best.id, in, fuel)
		if berr != nil {
			continue // no claim where the examples' domain ends
		}
		alts := []Alt{alt(best, bv, nil)}
		if !set[bv] {
			alts[0].Err = "gives a value no example shows"
			return &Ambiguity{Input: append([]int32(nil), in...), Alts: alts}
		}
		for _, r := range rivals {
			v, err := s.t.Eval(r.id, in, fuel)
			if err != nil || !set[v] || v == bv {
				continue
			}
			alts = append(alts, alt(r, v, nil))
			return &Ambiguity{Input: append([]int32(nil), in...), Alts: alts}
		}
	}
	return nil
}

// prefer orders the fitting answers (cheapest first) for the choice of the
// best: those that misbehave near the examples (their arithmetic wraps,
// they trap or run out of fuel on a near Check input, or, on a
// categorical task, give a value no example shows there or on an Outside
// input) lose to those that do not; among the cheapest of the rest, one
// that also behaves far from the examples (the last Far Check inputs)
// comes first. Wrapping far away alone does not outweigh cost: "the
// average of a and b" is (a + b) / 2 although a + b wraps near 2^31.
// The answers dropped stay rivals.
func (s *searcher) prefer(ok []Answer, examples []Example, set map[int32]bool) []Answer {
	far := min(max(s.opt.Far, 0), len(s.opt.Check))
	near, farIn := s.opt.Check[:len(s.opt.Check)-far], s.opt.Check[len(s.opt.Check)-far:]
	fuel := s.opt.Fuel * 20
	strays := func(a Answer, inputs [][]int32) bool {
		for _, in := range inputs {
			if v, err := s.t.Eval(a.id, in, fuel); err == nil && !set[v] {
				return true
			}
		}
		return false
	}
	var clean []Answer
	for _, a := range ok {
		if s.wrapsUnseen(a, examples, near) || s.failsUnseen(a, near) {
			continue
		}
		if set != nil && (strays(a, near) || strays(a, s.opt.Outside)) {
			continue
		}
		clean = append(clean, a)
	}
	if len(clean) == 0 {
		clean = ok
	}
	for i, a := range clean {
		if a.Cost > clean[0].Cost {
			break
		}
		if !s.wrapsUnseen(a, examples, farIn) && !s.failsUnseen(a, farIn) {
			if i > 0 {
				clean = append([]Answer{a}, append(append([]Answer(nil), clean[:i]...), clean[i+1:]...)...)
			}
			break
		}
	}
	return clean
}
