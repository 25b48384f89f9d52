package formula

import (
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Subsets of {1..N} counted by their sum: "Number of subsets of {1..n}
// whose sum is prime", "Number of nonempty subsets of {1,2,...,n} with sum
// divisible by n", and by their largest element against the sum of the
// others: "Number of nonempty subsets S of {1,2,...,n} in which all
// elements are strictly less than the sum of the other elements of S",
// "Number of subsets S of {1,2,...,n} which contain a number that is
// greater than the sum of the other numbers in S" (only the largest can
// be; every other x < max <= the rest's sum holds once the largest does).
//
// The program keeps t[s], the subsets of {1..k} with sum s, in memory: the
// usual table, t[s] += t[s-k] for s descending as k is added (additions
// only, exact modulo 2^32). A sum condition is tested at every s <= N(N+1)/2
// at the end; a largest-element condition adds, before k joins the
// table, the t[s] of {1..k-1} whose s relates to k as the text says.
// Where the text leaves the empty set open (it has sum 0, and "every
// element" holds of it vacuously) both readings are offered: they differ
// by one at every n, so the examples tell them apart. The exact count
// (subsetCount.exact) runs the same definition natively in saturating
// int64, the sum condition decided by the exact evaluator; a candidate
// must agree with it at every n = 0..100 until the count leaves i32,
// within ir.DefaultFuel (checkParts).

// subsetCount is one count of subsets.
type subsetCount struct {
	arg   *node // N, over n
	sum   *node // over x_ (the sum) and n; nil: a largest-element count
	rel   string
	empty bool // the empty set counts where the condition holds of it
}

var (
	// "Number of nonempty subsets S of {1,2,...,n} TAIL"
	reSubsetsOf = regexp.MustCompile(`^(?i:number) of (nonempty |non-empty )?subsets (?:[A-Z] )?of (?:\{1,\s*(?:2,\s*)?(?:\.\.\.|…)\s*,?\s*([^{}]+)\}|\{1\s*\.\.\s*([^{}]+)\}|\[([^\[\]]+)\]),? (.+?)\s*\.?$`)
	// "whose sum is prime", "with sum divisible by n", "having an even sum", "whose elements sum to a square"
	reSubsetSumIs  = regexp.MustCompile(`^(?:whose|with|having|such that the|such that their|where the) (?:elements' |element )?sum(?: of (?:the |its |their )?elements)? (?:is )?(.+)$`)
	reSubsetSumAdj = regexp.MustCompile(`^(?:with|having) an? ([a-z]+) sum$`)
	reSubsetSumTo  = regexp.MustCompile(`^(?:whose elements|that|which) sum to (.+)$`)
	// "in which all elements are strictly less than the sum of the other elements of S"
	reSubsetAll = regexp.MustCompile(`^(?:in which|such that|where|with) (?:all|every|each) (?:elements?|numbers?|members?)(?: in (?:the set|S)| of S)? (?:is|are) (.+?) the sum of (?:the|all the) other (?:elements|numbers|members)(?: of S| in (?:the set|S))?$`)
	// "which contain a number that is greater than the sum of the other numbers in S"
	reSubsetSome = regexp.MustCompile(`^(?:which|that) contains? an? (?:element|number|member) (?:that is |which is )?(.+?) the sum of (?:the|all the) other (?:elements|numbers|members)(?: of S| in (?:the set|S))?$`)
)

// subsetRel: a comparison in words.
var subsetRel = map[string]string{
	"strictly less than": "<", "less than": "<", "smaller than": "<", "strictly smaller than": "<",
	"no larger than": "<=", "not larger than": "<=", "no greater than": "<=", "not greater than": "<=",
	"at most": "<=", "less than or equal to": "<=", "not more than": "<=", "no more than": "<=",
	"greater than": ">", "larger than": ">", "strictly greater than": ">", "more than": ">", "bigger than": ">",
	"at least": ">=", "greater than or equal to": ">=", "no less than": ">=", "not less than": ">=", "no smaller than": ">=",
}

// countSubsets reads s as a count of subsets; it reports whether s had
// that shape.
func (c *collector) countSubsets(s string) bool {
	m := reSubsetsOf.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	nonempty := m[1] != ""
	x, ok := parseArg(m[2] + m[3] + m[4])
	if !ok {
		return true
	}
	tail := strings.TrimSpace(m[5])
	var reads []subsetCount
	if mr := reSubsetAll.FindStringSubmatch(tail); mr != nil {
		rel := subsetRel[mr[1]]
		if rel != "<" && rel != "<=" {
			return true
		}
		reads = append(reads, subsetCount{arg: x, rel: rel})
		if !nonempty {
			reads = append(reads, subsetCount{arg: x, rel: rel, empty: true})
		}
	} else if mr := reSubsetSome.FindStringSubmatch(tail); mr != nil {
		rel := subsetRel[mr[1]]
		if rel != ">" && rel != ">=" {
			return true
		}
		reads = append(reads, subsetCount{arg: x, rel: rel})
	} else {
		pred := subsetSumCondition(tail)
		if pred == nil {
			c.note("count", "subsets "+tail)
			return true
		}
		reads = append(reads, subsetCount{arg: x, sum: pred})
		if !nonempty {
			reads = append(reads, subsetCount{arg: x, sum: pred, empty: true})
		}
	}
	wants := make([][]int64, len(reads))
	for i, r := range reads {
		wants[i] = r.exact()
	}
	// the empty set's reading only where it differs (its condition holds at 0)
	if len(reads) == 2 && slices.Equal(wants[0], wants[1]) {
		reads = reads[:1]
	}
	for i, r := range reads {
		c.addSubsets(s, r, wants[i])
	}
	return true
}

// subsetSumCondition reads a condition on the subset's sum (over x_), or nil.
func subsetSumCondition(tail string) *node {
	var conds []string
	if m := reSubsetSumAdj.FindStringSubmatch(tail); m != nil {
		conds = []string{"s is " + m[1], "s is an " + m[1] + " number", "s is a " + m[1] + " number"}
	} else if m := reSubsetSumTo.FindStringSubmatch(tail); m != nil {
		conds = []string{"s = " + m[1], "s is " + m[1]}
	} else if m := reSubsetSumIs.FindStringSubmatch(tail); m != nil {
		conds = []string{"s is " + m[1]}
	}
	for _, cond := range conds {
		if x := predicate(cond, "s", true); x != nil {
			return x
		}
	}
	return nil
}

// String prints a count for Candidate.Expr.
func (u subsetCount) String() string {
	var b strings.Builder
	b.WriteString("subsets_{")
	if u.sum != nil {
		b.WriteString("sum x_: " + u.sum.String())
	} else {
		b.WriteString("max " + u.rel + " rest")
	}
	if u.empty {
		b.WriteString("; with the empty set")
	}
	b.WriteString("}(" + u.arg.String() + ")")
	return b.String()
}

// maxSubsetN bounds N: the table holds the sums 0..N(N+1)/2; a sum
// condition's table costs some N^3/6 steps, past the fuel beyond
// maxSubsetSumN.
const (
	maxSubsetN    = 170
	maxSubsetSumN = 60
)

// exact is the count at each n = 0..scanN (0 for N < 0), cut where N stops
// being an integer the table fits; nil where that happens before the
// count leaves i32.
func (u subsetCount) exact() []int64 {
	var out []int64
	memo := map[int64]bool{} // the sum condition at s, where it does not use n
	holds := func(s, n int64) (bool, bool) {
		if h, ok := memo[s]; ok {
			return h, true
		}
		ev := evaluator{steps: 100_000}
		r, err := ev.evalAt(u.sum, map[string]*big.Rat{"x_": ratInt(s), "n": ratInt(n)})
		if err != nil {
			return false, false
		}
		if !u.sum.uses("n") {
			memo[s] = r.Sign() != 0
		}
		return r.Sign() != 0, true
	}
	for n := int64(0); n <= scanN; n++ {
		v := evaluator{steps: 10_000}
		r, err := v.eval(u.arg, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() || r.Num().Int64() > maxSubsetN || u.sum != nil && r.Num().Int64() > maxSubsetSumN {
			return nil
		}
		N := r.Num().Int64()
		if N < 0 {
			out = append(out, 0)
			continue
		}
		t := make([]int64, N*(N+1)/2+1)
		t[0] = 1
		acc := int64(0)
		if u.empty && u.sum == nil {
			acc = 1
		}
		for k := int64(1); k <= N; k++ {
			if u.sum == nil {
				for s := int64(0); s <= (k-1)*k/2; s++ {
					if cmpHolds(u.rel, k, s) {
						acc = satAdd(acc, t[s])
					}
				}
			}
			for s := k * (k + 1) / 2; s >= k; s-- {
				t[s] = satAdd(t[s], t[s-k])
			}
		}
		if u.sum != nil {
			for s := int64(0); s <= N*(N+1)/2; s++ {
				if s == 0 && !u.empty {
					continue
				}
				h, ok := holds(s, n)
				if !ok {
					return nil
				}
				if h {
					acc = satAdd(acc, t[s])
				}
			}
		}
		out = append(out, acc)
		if acc > 1<<31-1 {
			return out
		}
	}
	return out
}

// cmpHolds is a rel b.
func cmpHolds(rel string, a, b int64) bool {
	switch rel {
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	}
	return a >= b
}

// addSubsets lowers u and offers it where its program computes the exact
// count (checkParts).
func (c *collector) addSubsets(source string, u subsetCount, want []int64) {
	expr := u.String()
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		return
	}
	c.seen[expr] = true
	if want == nil {
		c.note("count", "subsets: no exact count")
		return
	}
	ops, err := u.lower()
	if err != nil {
		c.note("lower", "subsets: "+err.Error())
		return
	}
	if !checkParts(ops, want) {
		c.note("refused", "subsets: fuel or check")
		return
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
}

// lower compiles u. Memory: t[s] at word s. Locals: N, k, s, acc (the
// sum condition's own locals after them).
func (u subsetCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	arg, ok := normalize(u.arg, false)
	if !ok {
		return nil, errLower
	}
	var sum *node
	if u.sum != nil {
		if sum, ok = normalize(u.sum, false); !ok {
			return nil, errLower
		}
	}
	N := e.copyOf(arg)
	k, s, acc := e.alloc(), e.alloc(), e.alloc()
	e.get(N)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	e.store(func() { e.emit(ir.OpConst0) }, func() { e.emit(ir.OpConst1) })
	if u.empty && u.sum == nil {
		e.emit(ir.OpConst1)
	} else {
		e.emit(ir.OpConst0)
	}
	e.set(acc)
	// tri pushes x(x+1)/2 for local x, less x where minus
	tri := func(x int, minus bool) {
		e.get(x)
		e.get(x)
		if minus {
			e.emit(ir.OpConst1, ir.OpI32Sub)
		} else {
			e.emit(ir.OpConst1, ir.OpI32Add)
		}
		e.emit(ir.OpI32Mul, ir.OpConst2, ir.OpI32DivS)
	}
	e.emit(ir.OpConst1)
	e.set(k)
	e.while(func() { e.get(k); e.get(N); e.emit(ir.OpI32LeS) }, func() {
		if u.sum == nil {
			// acc += t[s] for the s <= (k-1)k/2 with k rel s
			// (k > s: s < k suffices; k < s: every sum of {1..k-1})
			top := func() { tri(k, true) }
			if u.rel == ">" || u.rel == ">=" {
				top = func() { e.get(k) }
			}
			e.emit(ir.OpConst0)
			e.set(s)
			e.while(func() { e.get(s); top(); e.emit(ir.OpI32LeS) }, func() {
				e.get(k)
				e.get(s)
				e.emit(cmpOps[u.rel], ir.OpIfBegin)
				e.get(acc)
				e.get(s)
				e.emit(ir.OpMemLoad, ir.OpI32Add)
				e.set(acc)
				e.emit(ir.OpIfEnd)
				e.inc(s, 1)
			})
		}
		// t[s] += t[s-k], s = k(k+1)/2 down to k; only s <= N where the
		// largest must exceed the rest (no larger sum is read)
		tri(k, false)
		e.set(s)
		if u.rel == ">" || u.rel == ">=" {
			e.get(s)
			e.get(N)
			e.emit(ir.OpI32GtS, ir.OpIfBegin)
			e.get(N)
			e.set(s)
			e.emit(ir.OpIfEnd)
		}
		e.while(func() { e.get(s); e.get(k); e.emit(ir.OpI32GeS) }, func() {
			e.store(func() { e.get(s) }, func() {
				e.get(s)
				e.emit(ir.OpMemLoad)
				e.get(s)
				e.get(k)
				e.emit(ir.OpI32Sub, ir.OpMemLoad, ir.OpI32Add)
			})
			e.inc(s, -1)
		})
		e.inc(k, 1)
	})
	if u.sum != nil {
		// acc += t[s] for the s <= N(N+1)/2 whose sum condition holds
		if u.empty {
			e.emit(ir.OpConst0)
		} else {
			e.emit(ir.OpConst1)
		}
		e.set(s)
		e.while(func() { e.get(s); tri(N, false); e.emit(ir.OpI32LeS) }, func() {
			e.test(sum, s)
			e.emit(ir.OpIfBegin)
			e.get(acc)
			e.get(s)
			e.emit(ir.OpMemLoad, ir.OpI32Add)
			e.set(acc)
			e.emit(ir.OpIfEnd)
			e.inc(s, 1)
		})
	}
	e.get(acc)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	return e.finish()
}
