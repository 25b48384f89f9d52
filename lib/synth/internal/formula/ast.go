package formula

import (
	"strconv"
	"strings"
)

// kind is what a node of a formula computes.
type kind uint8

const (
	kNum     kind = iota // val
	kVar                 // name: n, or a variable bound by a sum, a product or a phrase
	kAdd                 // a + b
	kSub                 // a - b
	kMul                 // a * b
	kDiv                 // a / b, exact (rational) division
	kNeg                 // -a
	kPow                 // a ^ b
	kFact                // a!
	kMod                 // a mod b, the least nonnegative residue for b > 0
	kFloor               // floor(a)
	kCeil                // ceiling(a)
	kRound               // round(a), that is floor(a + 1/2)
	kCall                // name(args...): binomial gcd lcm min max abs sigma tau phi prime fib isqrt
	kSum                 // Sum_{name=a..b} body: kids lo, hi, body
	kProd                // Product_{name=a..b} body
	kSumDiv              // Sum_{name|a} body: kids a, body
	kNth                 // the idx-th x in lo, lo+step, ... (counted from base) such that body: kids idx, body, lo; val base; vals[0] step (none: 1)
	kIsPrime             // 1 if a is prime, else 0
	kCmp                 // comparison, name is the operator: kids a, b; 1 or 0
	kAnd                 // a and b: b if a is nonzero, else 0 (b is not evaluated)
	kCmp0                // not a: 1 if a is 0, else 0
	kRec                 // recurrence: kids idx, body over i_ (the index) and a1..a<ord>; vals the terms from index val on
	kBinSum              // Sum_k vals[k] * binomial(kids[0], k)
	kPart                // the number of ways to write kids[0] as a sum of parts vals (largest first) and val parts 1
	kTable               // table lookup: kids[0] is the index (mod len(vals)), vals are the entries
	kTri                 // a table read by rows or antidiagonals: kids idx, body over r_ (row) and c_ (column), and for rows of any length their length over r_; val the index of the first entry; vals its layout (triangle.go)
	kDnc                 // a(N) = c(N)*a(floor(N/val)) + g(N) for N >= ord: kids idx, c and g over x_; vals the terms a(ord-len(vals)..ord-1) (dnc.go)
	kMem                 // recurrence with history: kids idx, body over i_ and kMemRef; vals the terms from index val on (memrec.go)
	kMemRef              // inside a kMem body: the term a(kids[0]), an earlier one; val the address offset (memrec.go)
	// the integer forms that normalization (frac.go) produces:
	kDivT     // truncating division, exact where the formula said "/"
	kFloorDiv // floor(a / b)
)

// node is a formula's syntax tree, and after normalization its integer form.
type node struct {
	k    kind
	val  int64
	name string
	kids []*node
	vals []int64
	ord  int // kRec: the order (lags a1..a<ord>)
}

func num(v int64) *node            { return &node{k: kNum, val: v} }
func vr(name string) *node         { return &node{k: kVar, name: name} }
func bin(k kind, a, b *node) *node { return &node{k: k, kids: []*node{a, b}} }
func un(k kind, a *node) *node     { return &node{k: k, kids: []*node{a}} }
func call(name string, args ...*node) *node {
	return &node{k: kCall, name: name, kids: args}
}

func (x *node) isNum() bool { return x.k == kNum }

// uses reports whether x mentions variable name (free or not).
func (x *node) uses(name string) bool {
	if x.k == kVar && x.name == name {
		return true
	}
	for _, c := range x.kids {
		if c.uses(name) {
			return true
		}
	}
	return false
}

var kindOps = map[kind]string{kAdd: "+", kSub: "-", kMul: "*", kDiv: "/", kPow: "^", kMod: " mod ", kDivT: " div ", kFloorDiv: " fdiv "}

// String prints x fully parenthesized, the normalized form of Candidate.Expr.
func (x *node) String() string {
	var b strings.Builder
	x.write(&b)
	return b.String()
}

func (x *node) write(b *strings.Builder) {
	switch x.k {
	case kNum:
		b.WriteString(strconv.FormatInt(x.val, 10))
	case kVar:
		b.WriteString(x.name)
	case kAdd, kSub, kMul, kDiv, kPow, kMod, kDivT, kFloorDiv:
		b.WriteByte('(')
		x.kids[0].write(b)
		b.WriteString(kindOps[x.k])
		x.kids[1].write(b)
		b.WriteByte(')')
	case kNeg:
		b.WriteString("(-")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kFact:
		x.kids[0].write(b)
		b.WriteByte('!')
	case kFloor, kCeil, kRound, kIsPrime:
		b.WriteString(map[kind]string{kFloor: "floor", kCeil: "ceiling", kRound: "round", kIsPrime: "isprime"}[x.k])
		b.WriteByte('(')
		x.kids[0].write(b)
		b.WriteByte(')')
	case kCall:
		b.WriteString(x.name)
		b.WriteByte('(')
		for i, c := range x.kids {
			if i > 0 {
				b.WriteString(", ")
			}
			c.write(b)
		}
		b.WriteByte(')')
	case kSum, kProd:
		b.WriteString(map[kind]string{kSum: "Sum", kProd: "Product"}[x.k])
		b.WriteString("_{" + x.name + "=")
		x.kids[0].write(b)
		b.WriteString("..")
		x.kids[1].write(b)
		b.WriteString("} ")
		x.kids[2].write(b)
	case kSumDiv:
		b.WriteString("Sum_{" + x.name + "|")
		x.kids[0].write(b)
		b.WriteString("} ")
		x.kids[1].write(b)
	case kNth:
		b.WriteString("nth_{" + x.name + ">=")
		x.kids[2].write(b)
		if step(x) != 1 {
			b.WriteString(" step " + strconv.FormatInt(step(x), 10))
		}
		b.WriteString(", from " + strconv.FormatInt(x.val, 10) + "}(")
		x.kids[0].write(b)
		b.WriteString("; ")
		x.kids[1].write(b)
		b.WriteByte(')')
	case kCmp:
		b.WriteByte('[')
		x.kids[0].write(b)
		b.WriteString(" " + x.name + " ")
		x.kids[1].write(b)
		b.WriteByte(']')
	case kAnd:
		b.WriteByte('(')
		x.kids[0].write(b)
		b.WriteString(" and ")
		x.kids[1].write(b)
		b.WriteByte(')')
	case kCmp0:
		b.WriteString("not(")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kRec:
		b.WriteString("rec_{a(" + strconv.FormatInt(x.val, 10) + "..)=")
		for i, v := range x.vals {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(strconv.FormatInt(v, 10))
		}
		b.WriteString("; a(i_)=")
		x.kids[1].write(b)
		b.WriteString("}(")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kPart:
		b.WriteString("parts[")
		for _, v := range x.vals {
			b.WriteString(strconv.FormatInt(v, 10) + " ")
		}
		b.WriteString("1^" + strconv.FormatInt(x.val, 10) + "](")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kBinSum:
		b.WriteString("binsum[" + joinInts(x.vals, ", ") + "](")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kTable:
		b.WriteString("table[" + joinInts(x.vals, ", ") + "](")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kTri:
		b.WriteString("tri[" + joinInts(x.vals, ",") + "; from " + strconv.FormatInt(x.val, 10) + "](")
		x.kids[0].write(b)
		b.WriteString("; ")
		x.kids[1].write(b)
		if len(x.kids) > 2 {
			b.WriteString("; rows ")
			x.kids[2].write(b)
		}
		b.WriteByte(')')
	case kDnc:
		b.WriteString("dnc_{b=" + strconv.FormatInt(x.val, 10) + "; a(" + strconv.Itoa(x.ord-len(x.vals)) + "..)=" + joinInts(x.vals, ",") + "; a(x_)=")
		x.kids[1].write(b)
		b.WriteString("*a(floor(x_/" + strconv.FormatInt(x.val, 10) + "))+")
		x.kids[2].write(b)
		b.WriteString("}(")
		x.kids[0].write(b)
		b.WriteByte(')')
	case kMem, kMemRef:
		x.writeMem(b) // memrec.go
	default:
		b.WriteString("?")
	}
}

// step is a kNth node's step between the x it tries.
func step(x *node) int64 {
	if len(x.vals) > 0 {
		return x.vals[0]
	}
	return 1
}

// joinInts writes vs separated by sep.
func joinInts(vs []int64, sep string) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(s, sep)
}
