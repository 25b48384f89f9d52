package formula

// Terms of a list read from a table: a sum over the terms of the primes
// or of a list named by its predicate ("Convolution of odd numbers and
// primes": Sum_{k=0..n} (2k+1)*prime(n+1-k)) asks for each term from
// scratch, a scan from the list's start each time, which passes the fuel
// where the sum's values still fit. The lowering here fills a table of
// each list's terms first, entries up to index n + tabSlack, in one scan
// per list (trial division for the primes, no sieve: the sieve would take
// all of the memory), then reads each term as one load. It is tried only
// for a sum the plain lowerings refused, and like them it is offered only
// where its program agrees with the exact evaluator (an index past the
// table reads 0 and disagrees; a table too long for its share of the
// memory traps). It comes before the plain lowerings, whose programs
// such a sum's scan would run out of fuel with.

import (
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// tabSlack: the tables hold the terms up to index n + tabSlack.
const tabSlack = 4

// addOrTable is add, with a sum over list terms lowered from tables
// first (add's own lowerings of one spend their scan's whole budget
// before they are refused); where the tabled program disagrees, add.
func (c *collector) addOrTable(source string, x *node) {
	expr := x.String()
	if c.capture != nil || c.seen[expr] || len(c.seen) >= maxFormulas ||
		!has(x, kSum) || !hasCall(x, "prime") && !has(x, kNth) {
		c.add(source, x)
		return
	}
	if y, ok := normalize(x, false); ok {
		ops, err := lowerTabledTerms(y)
		if err == nil {
			if why := agreesWhy(x, ops, c.lists); why == "" {
				c.seen[expr] = true
				c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
				return
			} else {
				c.note("table", why)
			}
		} else {
			c.note("table", err.Error())
		}
	}
	c.add(source, x)
}

// tabList is one list a table holds: the n-th prime, or an nth node's
// list (its index replaced).
type tabList struct {
	key  string
	list *node // nil: the primes
	base int64 // the first address of its table
}

// lowerTabledTerms lowers x with every prime(i) and every list term
// nth(i; P) whose predicate names only its own variable read from a table
// the program fills first.
func lowerTabledTerms(x *node) (ops []ir.Op, err error) {
	var lists []*tabList
	size := int64(0) // each table's words; set once the lists are known
	var tabled func(x *node) *node
	tabled = func(x *node) *node {
		var key string
		var list *node
		switch {
		case x.k == kCall && x.name == "prime" && len(x.kids) == 1:
			key = "prime"
		case x.k == kNth && x.kids[2].isNum() && !usesOther(x.kids[1], x.name) && !x.kids[1].uses("n"):
			list = &node{k: kNth, name: x.name, val: x.val, kids: []*node{vr("i_"), x.kids[1], x.kids[2]}, vals: x.vals}
			key = list.String()
		default:
			y := *x
			y.kids = make([]*node, len(x.kids))
			for i, k := range x.kids {
				y.kids[i] = tabled(k)
			}
			return &y
		}
		var t *tabList
		for _, l := range lists {
			if l.key == key {
				t = l
			}
		}
		if t == nil {
			t = &tabList{key: key, list: list}
			lists = append(lists, t)
		}
		return &node{k: kMemRef, name: "t_", kids: []*node{tabled(x.kids[0])}, vals: []int64{int64(len(lists) - 1)}}
	}
	y := tabled(x)
	if len(lists) == 0 {
		return nil, fmt.Errorf("%w: no list term", errLower)
	}
	size = ir.MemWords / int64(len(lists))
	for i, l := range lists {
		l.base = int64(i) * size
	}
	var place func(x *node)
	place = func(x *node) { // each reference's address offset: its table's base
		if x.k == kMemRef && x.name == "t_" {
			x.val = lists[x.vals[0]].base
		}
		for _, k := range x.kids {
			place(k)
		}
	}
	place(y)
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}, lazy: true}
	defer caught(&ops, &err)
	for _, l := range lists {
		e.fillTable(l, size)
	}
	return e.program(y)
}

// fillTable writes the terms of l's list with index 0..n + tabSlack (the
// primes from prime(1) = 2 at index 1; a list from its base) to the
// words from l.base; a table longer than size traps.
func (e *emitter) fillTable(l *tabList, size int64) {
	mark := e.next
	defer func() { e.next = mark }()
	top, m, x := e.alloc(), e.alloc(), e.alloc()
	e.get(-1)
	e.konst(tabSlack)
	e.emit(ir.OpI32Add)
	e.set(top)
	// top >= size: a store at -1 traps
	e.get(top)
	e.konst(size)
	e.emit(ir.OpI32GeS, ir.OpIfBegin)
	e.store(func() { e.konst(-1) }, func() { e.emit(ir.OpConst0) })
	e.emit(ir.OpIfEnd)
	first, lo, st := int64(1), int64(2), int64(1)
	pred := func() { e.isPrime(x) }
	if l.list != nil {
		first, lo, st = l.list.val, l.list.kids[2].val, step(l.list)
		pred = func() {
			old, had := e.env[l.list.name]
			e.env[l.list.name] = x
			e.lower(l.list.kids[1])
			e.restore(l.list.name, old, had)
		}
	}
	if first < 0 || first > tabSlack {
		e.fail("a list from index %d", first)
	}
	e.konst(first)
	e.set(m)
	e.konst(lo - st)
	e.set(x)
	e.while(func() { e.get(m); e.get(top); e.emit(ir.OpI32LeS) }, func() {
		e.emit(ir.OpLoopBegin)
		e.inc(x, st)
		pred()
		e.emit(ir.OpConst0, ir.OpI32Eq, ir.OpBrIf, ir.OpLoopEnd)
		e.store(func() {
			e.get(m)
			if l.base != 0 {
				e.konst(l.base)
				e.emit(ir.OpI32Add)
			}
		}, func() { e.get(x) })
		e.inc(m, 1)
	})
}
