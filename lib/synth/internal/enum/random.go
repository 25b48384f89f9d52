package enum

import "math/rand/v2"

// Random adds a random term of about size nodes to t and returns it; open
// terms may use x and y. Bodies of combinators are open terms, so loops
// nest. The sampler behind the guide's generated tasks and the lowering's
// property test.
func Random(t *Terms, rng *rand.Rand, size int, open bool, arity int) int32 {
	if size <= 1 {
		for {
			op := Op(rng.IntN(int(OpY) + 1))
			if (op == OpX || op == OpY) && !open {
				continue
			}
			if op >= OpN0 && op <= OpN3 && int(op-OpN0) >= arity {
				continue
			}
			return t.add(op, 1)
		}
	}
	ops := []Op{OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe, OpCond, OpLoop, OpLoop2, OpCompr, OpWhile, OpDigSum, OpWhile2, OpDigRev}
	op := ops[rng.IntN(len(ops))]
	k := op.Arity()
	if size-1 < k {
		op, k = OpAdd, 2
	}
	kids := make([]int32, k)
	left := size - 1
	for i := range kids {
		share := max(1, left/(k-i))
		if i < k-1 {
			share = 1 + rng.IntN(max(1, left-(k-1-i)))
		} else {
			share = left
		}
		share = max(1, min(share, left-(k-1-i)))
		left -= share
		kids[i] = Random(t, rng, share, open || i < op.lambdas(), arity)
	}
	return t.add(op, size, kids...)
}

// Prods lists the productions of term id, one per node.
func (t *Terms) Prods(id int32) []Op {
	n := &t.nodes[id]
	out := []Op{n.op}
	for i := 0; i < n.op.Arity(); i++ {
		out = append(out, t.Prods(n.kids[i])...)
	}
	return out
}
