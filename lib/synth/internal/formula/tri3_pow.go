package formula

// Powers of a quotient, "T(n,m) = (binomial(n-1, m-1)*binomial(n, m-1)/m)^2"
// (Narayana numbers squared): normalization writes (P/Q)^2 as P^2/Q^2,
// whose numerator leaves i32 long before the value does. quotientPowers
// rewrites each (P/Q)^e (e a constant >= 2) as floor(P/Q)^e, which
// divides first; the program is still checked against the exact
// evaluator of the formula as written (formula.go's add), so the floor
// changes nothing where P/Q is an integer and the reading is refused
// where it is not.

// quotientPowers is x with each power of a quotient dividing first, and
// whether there was one.
func quotientPowers(x *node) (*node, bool) {
	changed := false
	var walk func(x *node) *node
	walk = func(x *node) *node {
		y := *x
		y.kids = make([]*node, len(x.kids))
		for i, k := range x.kids {
			y.kids[i] = walk(k)
		}
		if y.k == kPow && y.kids[0].k == kDiv && y.kids[1].k == kNum && y.kids[1].val >= 2 {
			y.kids[0] = un(kFloor, y.kids[0])
			changed = true
		}
		return &y
	}
	y := walk(x)
	return y, changed
}
