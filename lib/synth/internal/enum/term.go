package enum

import (
	"fmt"
	"github.com/irsynth/irsynth/lib/ir"
	"math"
	"strconv"
	"strings"
)

// Op is a production of the term language: a small functional language in
// the style of Gauthier & Urban's QSynt whose loops are combinators, so
// that programs with nested and sequential loops are ordinary expressions.
type Op uint8

// The productions. X and Y are the variables a loop binds in its body; the
// operands N0..N3 are visible everywhere.
const (
	OpZero   Op = iota // 0
	OpOne              // 1
	OpTwo              // 2
	OpTen              // 10
	OpN0               // operand 0
	OpN1               // operand 1
	OpN2               // operand 2
	OpN3               // operand 3
	OpX                // the body's x
	OpY                // the body's y (the iteration index 1..a in loop)
	OpAdd              // a + b, wrapping
	OpSub              // a - b, wrapping
	OpMul              // a * b, wrapping
	OpDiv              // a / b truncated; traps on b = 0 and INT_MIN / -1
	OpMod              // a rem b (sign of a); traps on b = 0
	OpLe               // le(a, b) = 1 if a <= b else 0
	OpCond             // cond(a, b, c) = if a <= 0 then b else c
	OpLoop             // loop(f, a, b): x := b; for y = 1..a: x := f(x, y); x
	OpLoop2            // loop2(f, g, a, b, c): x, y := b, c; a times: x, y := f(x, y), g(x, y); x
	OpCompr            // compr(f, a): the a-th x ≥ 0 (from 0) with f(x) <= 0
	OpWhile            // while(f, c, a): x := a; count the steps x := f(x, y) taken while c(x, y) > 0 (y: steps so far)
	OpDigSum           // digsum(a, b): the sum of a's digits in base b (r += a mod b; a := a div b until a = 0)
	OpWhile2           // while2(f, g, a, b): x, y := a, b; while y > 0: x, y := f(x, y), g(x, y); x
	OpDigRev           // digrev(a, b): a's digits in base b reversed (r := r*b + a mod b; a := a div b until a = 0)
	OpConst            // one of the caller's constants (Options.Constants), e.g. numbers in the task's text
	NumOps
)

var opNames = [NumOps]string{"0", "1", "2", "10", "n", "n1", "n2", "n3", "x", "y",
	"+", "-", "*", "div", "mod", "le", "cond", "loop", "loop2", "compr", "while", "digsum", "while2", "digrev", "const"}

func (o Op) String() string {
	if o < NumOps {
		return opNames[o]
	}
	return "op?"
}

// Arity is the number of children of o.
func (o Op) Arity() int {
	switch {
	case o <= OpY:
		return 0
	case o <= OpLe:
		return 2
	case o == OpCond, o == OpLoop, o == OpWhile:
		return 3
	case o == OpLoop2:
		return 5
	case o == OpWhile2:
		return 4
	case o == OpCompr, o == OpDigSum, o == OpDigRev:
		return 2
	}
	return 0
}

// lambdas is how many of o's first children are loop bodies (evaluated
// with x and y rebound); the rest are evaluated where o stands.
func (o Op) lambdas() int {
	switch o {
	case OpLoop, OpCompr:
		return 1
	case OpLoop2, OpWhile, OpWhile2:
		return 2
	}
	return 0
}

// Node is one term: a production and its children (node indexes).
type node struct {
	op    Op
	flags uint8 // mentionsX, mentionsY: free occurrences of the body's variables; mentionsN: of an operand, anywhere
	cost  int16
	kids  [5]int32
	// own is how many of the term's lowered opcodes lie outside its own
	// loops' bodies; entry is what one pass through its loop body costs in
	// fuel (combinators only): the body's opcodes, nested loops excluded,
	// as the IR charges them (ir.LoopCosts).
	own, entry int32
}

const (
	mentionsX = 1
	mentionsY = 2
	mentionsN = 4
)

// Terms is the arena every term of a search lives in.
type Terms struct {
	nodes []node
	fns   []fn // compiled bodies, by node (nil until used)
	// watch makes eval note (in wrapped) any +, - or * that wraps around
	// 32 bits; it also keeps loops off the compiled bodies, which do not
	// watch.
	watch, wrapped bool
}

func (t *Terms) add(op Op, cost int, kids ...int32) int32 {
	n := node{op: op, cost: int16(min(cost, math.MaxInt16))}
	copy(n.kids[:], kids)
	own := func(i int) int32 { return t.nodes[kids[i]].own }
	switch op.Arity() {
	case 0:
		n.own = 1
		if op == OpConst { // kids[0] is the value
			n.own = int32(len(ir.AppendConst(nil, kids[0])))
		}
	case 2:
		n.own = own(0) + own(1) + 1
	}
	if e, o := builtinLoop(op); e > 0 {
		n.own, n.entry = o, e
		for i := 0; i < op.Arity(); i++ {
			n.own += own(i)
		}
	}
	// the opcode counts follow Lower
	switch op {
	case OpCond:
		n.own = own(0) + own(1) + own(2) + 5
	case OpLoop:
		n.own, n.entry = own(1)+own(2)+10, own(0)+10
	case OpLoop2:
		n.own, n.entry = own(2)+own(3)+own(4)+9, own(0)+own(1)+11
	case OpCompr:
		n.own, n.entry = own(1)+6, own(0)+18
	case OpWhile:
		n.own, n.entry = own(2)+4, own(0)+own(1)+12
	case OpWhile2:
		n.own, n.entry = own(2)+own(3)+3, own(0)+own(1)+10
	}
	switch op {
	case OpX:
		n.flags = mentionsX
	case OpY:
		n.flags = mentionsY
	case OpN0, OpN1, OpN2, OpN3:
		n.flags = mentionsN
	default:
		for i := 0; i < op.Arity(); i++ {
			if i < op.lambdas() {
				n.flags |= t.nodes[kids[i]].flags & mentionsN
			} else {
				n.flags |= t.nodes[kids[i]].flags
			}
		}
	}
	t.nodes = append(t.nodes, n)
	return int32(len(t.nodes) - 1)
}

// Const adds the constant leaf v (OpConst) at the given cost.
func (t *Terms) Const(v int32, cost int) int32 { return t.add(OpConst, cost, v) }

// Len is the number of terms.
func (t *Terms) Len() int { return len(t.nodes) }

// Format writes term id in prefix form: loop(x*y, n, 1).
func (t *Terms) Format(id int32) string {
	var b strings.Builder
	t.format(&b, id)
	return b.String()
}

func (t *Terms) format(b *strings.Builder, id int32) {
	n := &t.nodes[id]
	k := n.op.Arity()
	if n.op == OpConst {
		b.WriteString(strconv.Itoa(int(n.kids[0])))
		return
	}
	if k == 0 {
		b.WriteString(n.op.String())
		return
	}
	if k == 2 && n.op <= OpSub {
		b.WriteByte('(')
		t.format(b, n.kids[0])
		b.WriteString(" " + n.op.String() + " ")
		t.format(b, n.kids[1])
		b.WriteByte(')')
		return
	}
	b.WriteString(n.op.String() + "(")
	for i := 0; i < k; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		t.format(b, n.kids[i])
	}
	b.WriteByte(')')
}

// Eval errors.
const (
	evalOK   uint8 = iota
	evalTrap       // division by zero or INT_MIN / -1
	evalFuel       // loop iterations ran out
)

// env is what a term sees: the operands and the innermost body's x, y.
type env struct {
	n    *[4]int32
	x, y int32
}

// eval computes term id in e with exactly the IR's i32 semantics. fuel is
// charged per loop-body entry what the lowered LOOP_BEGIN charges.
func (t *Terms) eval(id int32, e env, fuel *int64) (int32, uint8) {
	n := &t.nodes[id]
	switch n.op {
	case OpZero, OpOne, OpTwo, OpTen, OpN0, OpN1, OpN2, OpN3, OpX, OpY:
		return t.evalLeaf(n.op, e)
	case OpConst:
		return n.kids[0], evalOK
	case OpDigSum, OpDigRev:
		var v [2]int32
		for i := 0; i < n.op.Arity(); i++ {
			var s uint8
			if v[i], s = t.eval(n.kids[i], e, fuel); s != evalOK {
				return 0, s
			}
		}
		return builtin(n.op, v[0], v[1], int64(n.entry), fuel)
	case OpAdd, OpSub, OpMul, OpDiv, OpMod, OpLe:
		a, s := t.eval(n.kids[0], e, fuel)
		if s != evalOK {
			return 0, s
		}
		b, s := t.eval(n.kids[1], e, fuel)
		if s != evalOK {
			return 0, s
		}
		if t.watch && n.op <= OpMul {
			var w int64
			switch n.op {
			case OpAdd:
				w = int64(a) + int64(b)
			case OpSub:
				w = int64(a) - int64(b)
			case OpMul:
				w = int64(a) * int64(b)
			}
			if w != int64(int32(w)) {
				t.wrapped = true
			}
		}
		return binop(n.op, a, b)
	case OpCond:
		a, s := t.eval(n.kids[0], e, fuel)
		if s != evalOK {
			return 0, s
		}
		if a <= 0 {
			return t.eval(n.kids[1], e, fuel)
		}
		return t.eval(n.kids[2], e, fuel)
	case OpLoop:
		a, s := t.eval(n.kids[1], e, fuel)
		if s != evalOK {
			return 0, s
		}
		b, s := t.eval(n.kids[2], e, fuel)
		if s != evalOK {
			return 0, s
		}
		return t.loop(n.kids[0], a, b, int64(n.entry), e.n, fuel)
	case OpLoop2:
		var v [3]int32
		for i := range v {
			var s uint8
			if v[i], s = t.eval(n.kids[2+i], e, fuel); s != evalOK {
				return 0, s
			}
		}
		return t.loop2(n.kids[0], n.kids[1], v[0], v[1], v[2], int64(n.entry), e.n, fuel)
	case OpCompr:
		a, s := t.eval(n.kids[1], e, fuel)
		if s != evalOK {
			return 0, s
		}
		return t.compr(n.kids[0], a, int64(n.entry), e.n, fuel)
	case OpWhile:
		a, s := t.eval(n.kids[2], e, fuel)
		if s != evalOK {
			return 0, s
		}
		return t.while(n.kids[0], n.kids[1], a, int64(n.entry), math.MaxInt32, e.n, fuel)
	case OpWhile2:
		a, s := t.eval(n.kids[2], e, fuel)
		if s != evalOK {
			return 0, s
		}
		b, s := t.eval(n.kids[3], e, fuel)
		if s != evalOK {
			return 0, s
		}
		return t.while2(n.kids[0], n.kids[1], a, b, int64(n.entry), math.MaxInt32, e.n, fuel)
	}
	return 0, evalTrap
}

func binop(op Op, a, b int32) (int32, uint8) {
	switch op {
	case OpAdd:
		return a + b, evalOK
	case OpSub:
		return a - b, evalOK
	case OpMul:
		return a * b, evalOK
	case OpDiv: // ir.DivRem's rule written out: calling it here costs a third of the search's rate (BenchmarkSearch)
		if b == 0 || (a == math.MinInt32 && b == -1) {
			return 0, evalTrap
		}
		return a / b, evalOK
	case OpMod:
		if b == 0 {
			return 0, evalTrap
		}
		if b == -1 {
			return 0, evalOK
		}
		return a % b, evalOK
	case OpLe:
		if a <= b {
			return 1, evalOK
		}
		return 0, evalOK
	}
	return 0, evalTrap
}

// loop: x := b; for y = 1; y <= a; y++ { x = f(x, y) } (y wraps as i32).
func (t *Terms) loop(f, a, b int32, cost int64, n *[4]int32, fuel *int64) (int32, uint8) {
	x := b
	body := t.body(f)
	for y := int32(1); y <= a; y++ {
		if *fuel < cost {
			return 0, evalFuel
		}
		*fuel -= cost
		v, s := body(x, y, n, fuel)
		if s != evalOK {
			return 0, s
		}
		x = v
		if y == math.MaxInt32 { // y+1 wraps: the IR loops on until fuel runs out
			return 0, evalFuel
		}
	}
	return x, evalOK
}

// loop2: x, y := b, c; a times: x, y = f(x, y), g(x, y).
func (t *Terms) loop2(f, g, a, b, c int32, cost int64, n *[4]int32, fuel *int64) (int32, uint8) {
	x, y := b, c
	ff, gg := t.body(f), t.body(g)
	for k := a; k > 0; k-- {
		if *fuel < cost {
			return 0, evalFuel
		}
		*fuel -= cost
		v, s := ff(x, y, n, fuel)
		if s != evalOK {
			return 0, s
		}
		w, s := gg(x, y, n, fuel)
		if s != evalOK {
			return 0, s
		}
		x, y = v, w
	}
	return x, evalOK
}

// compr: x := -1; k := a; do { x++; if f(x) <= 0 { k-- } } while k >= 0.
// f sees y = 0.
func (t *Terms) compr(f, a int32, cost int64, n *[4]int32, fuel *int64) (int32, uint8) {
	x, k := int32(-1), a
	body := t.body(f)
	for {
		if *fuel < cost {
			return 0, evalFuel
		}
		*fuel -= cost
		if x == math.MaxInt32 {
			return 0, evalFuel
		}
		x++
		v, s := body(x, 0, n, fuel)
		if s != evalOK {
			return 0, s
		}
		if v <= 0 {
			k--
		}
		if k < 0 {
			return x, evalOK
		}
	}
}

// while: x, k := a, 0; for c(x, k) > 0 { x = f(x, k); k++ }; k. Each
// test of c is an entry into the lowered loop's body. A search passes a
// smaller maxSteps: a candidate that needs more steps at some point is
// reported out of fuel (dropped), as one that needs more fuel is. When
// neither f nor c reads the steps, x coming back to a value it had means
// the loop never ends, which is reported at once as the fuel running out,
// the end the IR reaches (Brent's cycle detection).
func (t *Terms) while(f, c, a int32, cost int64, maxSteps int32, n *[4]int32, fuel *int64) (int32, uint8) {
	x := a
	ff, cc := t.body(f), t.body(c)
	pure := (t.nodes[f].flags|t.nodes[c].flags)&mentionsY == 0
	saved, lam, power := x, int32(0), int32(1)
	for k := int32(0); ; k++ {
		if *fuel < cost || k > maxSteps {
			return 0, evalFuel
		}
		*fuel -= cost
		v, s := cc(x, k, n, fuel)
		if s != evalOK {
			return 0, s
		}
		if v <= 0 {
			return k, evalOK
		}
		if x, s = ff(x, k, n, fuel); s != evalOK {
			return 0, s
		}
		if pure {
			if x == saved {
				*fuel = 0
				return 0, evalFuel
			}
			if lam++; lam == power {
				saved, lam, power = x, 0, power*2
			}
		}
	}
}

// while2: x, y := a, b; for y > 0 { x, y = f(x, y), g(x, y) }; x (Euclid's
// loop: while2(y, mod(x, y), a, b) is gcd(a, b) for a, b ≥ 0). Each test
// of y is an entry into the lowered loop's body. As in while, a search
// passes a smaller maxSteps, and the pair (x, y) coming back to a value it
// had (Brent's cycle detection: the bodies see nothing else) is reported
// at once as the fuel running out, the end the IR reaches.
func (t *Terms) while2(f, g, a, b int32, cost int64, maxSteps int32, n *[4]int32, fuel *int64) (int32, uint8) {
	x, y := a, b
	ff, gg := t.body(f), t.body(g)
	sx, sy, lam, power := x, y, int32(0), int32(1)
	for k := int32(0); ; k++ {
		if *fuel < cost || k > maxSteps {
			return 0, evalFuel
		}
		*fuel -= cost
		if y <= 0 {
			return x, evalOK
		}
		v, s := ff(x, y, n, fuel)
		if s != evalOK {
			return 0, s
		}
		w, s := gg(x, y, n, fuel)
		if s != evalOK {
			return 0, s
		}
		x, y = v, w
		if x == sx && y == sy {
			*fuel = 0
			return 0, evalFuel
		}
		if lam++; lam == power {
			sx, sy, lam, power = x, y, 0, power*2
		}
	}
}

// builtinLoop gives, for a production that is a fixed IR loop over its
// operands (digsum), the fuel one entry into that loop costs and the
// opcodes of its lowering outside the loop and its operands (0, 0 for the
// others): they follow Lower.
func builtinLoop(op Op) (entry, own int32) {
	switch op {
	case OpDigSum:
		return 16, 5
	case OpDigRev:
		return 18, 5
	}
	return 0, 0
}

// builtin evaluates a fixed-loop production on a (and b), charging cost
// per entry into its loop as the lowered loop does.
func builtin(op Op, a, b int32, cost int64, fuel *int64) (int32, uint8) {
	switch op {
	case OpDigSum, OpDigRev:
		// for a != 0 { r += a rem b; a = a div b } (digrev: r = r*b + a rem b)
		if a != 0 && (b == 1 || b == -1 && a != math.MinInt32) {
			*fuel = 0 // a never reaches 0: the loop runs until fuel runs out
			return 0, evalFuel
		}
		var r int32
		for {
			if *fuel < cost {
				return 0, evalFuel
			}
			*fuel -= cost
			if a == 0 {
				return r, evalOK
			}
			d, s := binop(OpMod, a, b)
			if s != evalOK {
				return 0, s
			}
			if a, s = binop(OpDiv, a, b); s != evalOK {
				return 0, s
			}
			if op == OpDigRev {
				r *= b
			}
			r += d
		}
	}
	return 0, evalTrap
}

// body is a loop body as a function: compiled, or walking the tree while
// watching for wrap-around.
func (t *Terms) body(f int32) fn {
	if !t.watch {
		return t.compiled(f)
	}
	return func(x, y int32, n *[4]int32, fuel *int64) (int32, uint8) {
		return t.eval(f, env{n: n, x: x, y: y}, fuel)
	}
}

// Wraps reports whether closed term id, run on operands, wraps around 32
// bits in some +, - or * (false when it traps or runs out of fuel).
func (t *Terms) Wraps(id int32, operands []int32, fuel int64) bool {
	t.watch, t.wrapped = true, false
	defer func() { t.watch = false }()
	_, err := t.Eval(id, operands, fuel)
	return err == nil && t.wrapped
}

// Eval runs closed term id on operands with the given loop fuel; the error
// names a trap or fuel exhaustion.
func (t *Terms) Eval(id int32, operands []int32, fuel int64) (int32, error) {
	var n [4]int32
	copy(n[:], operands)
	v, s := t.eval(id, env{n: &n}, &fuel)
	switch s {
	case evalTrap:
		return 0, errTrap
	case evalFuel:
		return 0, errFuel
	}
	return v, nil
}

var (
	errTrap = fmt.Errorf("trap")
	errFuel = fmt.Errorf("fuel exhausted")
)
