package formula

import (
	"math/big"
	"regexp"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Generating functions given by an equation: "G.f. A(x) satisfies: A(x) =
// 1 + x + x^2 + x^3 + x^4*A(x)^2.", "G.f. satisfies A(x) = (1 + x) * (1 -
// x*A(x)^2).", "Generating function A(x) satisfies A(x) =
// (1+x)^2*A(x^2)^2, with A(0)=1." A is the fixed point of A -> RHS(A)
// reached from A = 1: the exact evaluator iterates it until an iteration
// changes none of the coefficients it computes (then A solves the
// equation to that order), the program iterates it N+1 times, the right
// side built in fresh tables each time (A(x) in table 0, A(x^m) copied
// out of it) and moved into table 0. An equation whose iteration does not
// settle gives nothing.

var reSatisfies = regexp.MustCompile(`^(?:G\.f\.|Generating function|The g\.f\.)(?: A\(x\))? satisfies:? A\(x\) = (.+?)(?:, with A\(0\) ?= ?1)?\.?$`)

// maxFixedSteps bounds the evaluator's iterations past the coefficients
// it computes.
const maxFixedSteps = 4

// fixedText reads the right side of "A(x) = ..." and its variable.
func fixedText(text string) (rhs string, ok bool) {
	m := reSatisfies.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return "", false
	}
	return m[1], true
}

// sEval's table for A while it iterates.
func (ev *sEval) fixed(x *sNode) []*big.Int {
	a := ev.konst(bigOne)
	old := ev.a
	defer func() { ev.a = old }()
	for step := 0; step < ev.l+maxFixedSteps; step++ {
		ev.a = a
		b := ev.eval(x.kids[0])
		same := true
		for i := range a {
			if a[i].Cmp(b[i]) != 0 {
				same = false
				break
			}
		}
		if same {
			return a
		}
		a = b
	}
	seriesFail()
	return nil
}

// ref is A(x^m) from the evaluator's table.
func (ev *sEval) ref(m int) []*big.Int {
	if ev.a == nil || m < 1 {
		seriesFail()
	}
	r := ev.zero()
	for i := 0; i*m < ev.l; i++ {
		r[i*m].Set(ev.a[i])
	}
	return r
}

// fixedPoint lowers A = RHS(A): A in table 0 starts as 1; until no word
// changes: the right side is built in table t (and tables above it),
// moved to table 0, and every table above t cleared.
func (l *seriesLowering) fixedPoint(rhs *sSeries) {
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	e.emit(ir.OpConst0, ir.OpConst1, ir.OpMemStore) // A[0] = 1
	ch := e.alloc()
	t := l.region()
	l.inFixed = true
	e.emit(ir.OpLoopBegin)
	l.series(rhs, t)
	l.moveClear(0, t, ch)
	if l.regions > t+1 { // clear the tables above t
		p, stop := e.alloc(), e.alloc()
		l.base(t + 1)
		e.set(p)
		l.base(l.regions)
		e.set(stop)
		e.zeroWords(p, stop)
		e.next -= 2
	}
	// again while a word changed (mod 2^32: the ring map then stays put
	// too); the evaluator saw the iteration settle, and the words below W
	// settle no later (each depends only on words below it), so this ends
	e.get(ch)
	e.emit(ir.OpBrIf, ir.OpLoopEnd)
}

// moveClear writes table tmp over table r and zeroes tmp; local ch is
// set to whether a word of r changed.
func (l *seriesLowering) moveClear(r, tmp, ch int) {
	e := l.e
	e.emit(ir.OpConst0)
	e.set(ch)
	l.walkPair(r, tmp, func(p, d int) {
		e.get(ch) // ch |= R[i] != T[i]
		e.get(p)
		e.get(d)
		e.emit(ir.OpI32Add, ir.OpMemLoad)
		e.get(p)
		e.emit(ir.OpMemLoad, ir.OpI32Ne, ir.OpI32Add)
		e.set(ch)
		e.get(p)
		e.get(d)
		e.emit(ir.OpI32Add)
		e.get(p)
		e.emit(ir.OpMemLoad, ir.OpMemStore)
		e.get(p)
		e.emit(ir.OpConst0, ir.OpMemStore)
	})
}

// refSeries builds A(x^m) (table 0) in table r.
func (l *seriesLowering) refSeries(m int64, r int) {
	if m == 1 {
		l.addClearMode(r, 0, false)
		return
	}
	// for i = 0 while m*i < W: R[m*i] = A[i]
	e := l.e
	mark := e.next
	defer func() { e.next = mark }()
	i := e.alloc()
	e.emit(ir.OpConst0)
	e.set(i)
	e.while(func() {
		e.get(i)
		e.konst(m)
		e.emit(ir.OpI32Mul)
		e.get(l.w)
		e.emit(ir.OpI32LtS)
	}, func() {
		e.get(i)
		e.konst(m)
		e.emit(ir.OpI32Mul)
		if r != 0 {
			l.base(r)
			e.emit(ir.OpI32Add)
		}
		e.get(i)
		e.emit(ir.OpMemLoad, ir.OpMemStore)
		e.inc(i, 1)
	})
}
