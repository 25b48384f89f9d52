package enum

// fn is a term compiled to Go closures: the search's hot path runs loop
// bodies through these instead of walking the node tree.
type fn func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8)

// compiled returns term id as closures, compiling it (and its children)
// on first use.
func (t *Terms) compiled(id int32) fn {
	for len(t.fns) < len(t.nodes) {
		t.fns = append(t.fns, nil)
	}
	if f := t.fns[id]; f != nil {
		return f
	}
	f := t.compile(id)
	t.fns[id] = f
	return f
}

func (t *Terms) compile(id int32) fn {
	nd := t.nodes[id]
	switch nd.op {
	case OpZero, OpOne, OpTwo, OpTen:
		v, _ := t.evalLeaf(nd.op, env{})
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) { return v, evalOK }
	case OpConst:
		v := nd.kids[0]
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) { return v, evalOK }
	case OpN0, OpN1, OpN2, OpN3:
		k := nd.op - OpN0
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) { return n[k], evalOK }
	case OpX:
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) { return x, evalOK }
	case OpY:
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) { return y, evalOK }
	case OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe:
		a, b := t.compiled(nd.kids[0]), t.compiled(nd.kids[1])
		switch nd.op {
		case OpAdd:
			return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
				u, s := a(x, y, n, fuel)
				if s != evalOK {
					return 0, s
				}
				v, s := b(x, y, n, fuel)
				return u + v, s
			}
		case OpSub:
			return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
				u, s := a(x, y, n, fuel)
				if s != evalOK {
					return 0, s
				}
				v, s := b(x, y, n, fuel)
				return u - v, s
			}
		case OpMul:
			return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
				u, s := a(x, y, n, fuel)
				if s != evalOK {
					return 0, s
				}
				v, s := b(x, y, n, fuel)
				return u * v, s
			}
		}
		op := nd.op
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
			u, s := a(x, y, n, fuel)
			if s != evalOK {
				return 0, s
			}
			v, s := b(x, y, n, fuel)
			if s != evalOK {
				return 0, s
			}
			return binop(op, u, v)
		}
	case OpDigSum, OpDigRev:
		a, b, op, cost := t.compiled(nd.kids[0]), t.compiled(nd.kids[1]), nd.op, int64(nd.entry)
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
			u, s := a(x, y, n, fuel)
			if s != evalOK {
				return 0, s
			}
			v, s := b(x, y, n, fuel)
			if s != evalOK {
				return 0, s
			}
			return builtin(op, u, v, cost, fuel)
		}
	case OpCond:
		a, b, c := t.compiled(nd.kids[0]), t.compiled(nd.kids[1]), t.compiled(nd.kids[2])
		return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
			u, s := a(x, y, n, fuel)
			if s != evalOK {
				return 0, s
			}
			if u <= 0 {
				return b(x, y, n, fuel)
			}
			return c(x, y, n, fuel)
		}
	}
	// the combinators: their own loops, bodies compiled
	return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
		return t.eval(id, env{n: n, x: x, y: y}, fuel)
	}
}
