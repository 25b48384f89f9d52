package enum

import "errors"

// ambiguity compares the best answer with its near-cost rivals on inputs
// nobody gave and returns the first input where a rival gives a value the
// best answer does not (a different value, or a value where the best one
// traps or runs out of fuel), with every distinct answer there; nil when
// they all agree. A rival that traps where the best answer gives a value
// is no rival there. A best answer that traps on such an input is
// ambiguous too, rivals or not: the user is asked what it should give.
func (s *searcher) ambiguity(best Answer, rivals []Answer, inputs [][]int32) *Ambiguity {
	fuel := s.opt.Fuel * 20 // per input
	for _, in := range inputs {
		bv, berr := s.t.Eval(best.id, in, fuel)
		alts := []Alt{alt(best, bv, berr)}
		seen := map[int32]bool{}
		if berr == nil {
			seen[bv] = true
		}
		for _, r := range rivals {
			v, err := s.t.Eval(r.id, in, fuel)
			if err != nil || seen[v] {
				continue
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
