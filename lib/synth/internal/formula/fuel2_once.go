package formula

// A list's n-th term used more than once: "Primes of the form p^2 - p -
// 1, where p is prime" maps the n-th prime p with f(p) prime by f(x) =
// x^2 - x - 1, and f names x twice; substituted, the program would find
// the n-th term twice (twice the opcodes and fuel of its scan). addOnce
// binds the term once (let_, lowered as one local) and falls back to the
// substitution where the bound form gives no candidate.

// addOnce adds f with x_ replaced by the list term v.
func (c *collector) addOnce(s string, f, v *node) { c.addLet(s, onceOf(f, v)) }

// onceOf is f with x_ replaced by v: bound once (let_ once_) where f
// uses x_ more than once and v is a list's term.
func onceOf(f, v *node) *node {
	if uses(f, "x_") > 1 && has(v, kNth) {
		return let("once_", v, substitute(f, "x_", vr("once_")))
	}
	return substitute(f, "x_", v)
}

// addLet adds x; where x is onceOf's binding and gives no candidate (or a
// capture takes it), the substitution it stands for instead.
func (c *collector) addLet(s string, x *node) {
	bound := x.k == kCall && x.name == "let_" && x.kids[0].name == "once_"
	if !bound {
		c.add(s, x)
		return
	}
	plain := substitute(x.kids[2], "once_", x.kids[1])
	if c.capture != nil {
		c.add(s, plain)
		return
	}
	before := len(c.out)
	c.add(s, x)
	if len(c.out) == before {
		c.add(s, plain)
	}
}

// uses counts the occurrences of variable name in x.
func uses(x *node, name string) int {
	if x.k == kVar && x.name == name {
		return 1
	}
	k := 0
	for _, y := range x.kids {
		k += uses(y, name)
	}
	return k
}
