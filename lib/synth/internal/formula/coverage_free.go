package formula

// usesFree reports whether x mentions a variable that is neither in
// bound nor bound inside x by a sum, a product, a divisor sum, a list or
// a let_: "Sum_{y_=0..hi} [x_ + y_ is prime]" uses only x_. Where x has
// a node that binds a variable some other way (a recurrence, a table),
// any variable but those in bound counts, as before.
func usesFree(x *node, bound map[string]bool) bool {
	with := func(name string, body *node) bool {
		if bound[name] {
			return usesFree(body, bound)
		}
		bound[name] = true
		defer delete(bound, name)
		return usesFree(body, bound)
	}
	switch {
	case x.k == kVar:
		return !bound[x.name]
	case x.k == kSum || x.k == kProd:
		return usesFree(x.kids[0], bound) || usesFree(x.kids[1], bound) || with(x.name, x.kids[2])
	case x.k == kSumDiv:
		return usesFree(x.kids[0], bound) || with(x.name, x.kids[1])
	case x.k == kNth:
		return usesFree(x.kids[0], bound) || usesFree(x.kids[2], bound) || with(x.name, x.kids[1])
	case x.k == kCall && x.name == "let_":
		return usesFree(x.kids[1], bound) || with(x.kids[0].name, x.kids[2])
	case x.k == kCall && x.name == "pfcount_": // readers3_pfac.go
		return usesFree(x.kids[0], bound) || with(x.kids[1].name, x.kids[2])
	}
	for _, k := range x.kids {
		if usesFree(k, bound) {
			return true
		}
	}
	return false
}
