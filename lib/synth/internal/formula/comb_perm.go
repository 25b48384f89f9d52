package formula

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Permutations of 1..n whose displacements p(i) - i lie in a set D:
// "Number of permutations satisfying -k<=p(i)-i<=r and p(i)-i not in I,
// i=1..n, with k=1, r=5, I={3}.", "Number of permutations (p(1),...,p(n))
// of (1,2,...,n) such that p(i)-i is in {-2,4,5} for all i=1,...,n.",
// "Number of permutations p of [n] with |p(i)-i| <= 2." (k = -min D and r
// = max D).
//
// The program walks the positions i = 1..n, choosing p(i) = i + d for a
// d in D, and keeps in memory how many partial permutations leave each set
// of used values in the window i-k..i+r (a mask of k+r+1 bits, the values
// below 1 marked used from the start): a value may be taken once, none
// above n, and value i-k must be used by the time position i is placed
// (no later position reaches it). A permutation of 1..n is a walk that
// ends with the window's k values below n+1 used. Additions only: exact
// modulo 2^32. Bits are read by division (the IR has no bitwise
// operators). The exact count (permCount.exact) runs the same walk
// natively over Go maps in saturating int64; a candidate must agree with
// it at every n = 0..100 until the count leaves i32, within
// ir.DefaultFuel (checkParts).

// permCount: the displacements allowed.
type permCount struct {
	ds []int64 // sorted, distinct
}

// maxPermWindow bounds k + r + 1, the window's bits.
const maxPermWindow = 12

var (
	// "Number of permutations satisfying -k<=p(i)-i<=r and p(i)-i not in I, i=1..n, with k=1, r=5, I={3}"
	rePermBaltic = regexp.MustCompile(`^(?i:number) of permutations (?:p )?satisfying -k\s*<=\s*p\(i\)\s*-\s*i\s*<=\s*r( and p\(i\)\s*-\s*i not in I)?,\s*i\s*=\s*1\s*\.\.\s*n,?\s*with k\s*=\s*(\d+),\s*r\s*=\s*(\d+)(?:,?\s*(?:and )?I\s*=\s*\{([-\d,\s]*)\})?\s*\.?$`)
	// "Number of permutations (p(1),...,p(n)) of (1,2,...,n) such that p(i)-i is in {-2,4,5} for all i=1,...,n"
	rePermSet = regexp.MustCompile(`^(?i:number) of permutations (?:p |\(p\(1\),\s*p\(2\),\s*\.\.\.,\s*p\(n\)\) )?of (?:\[n\]|\{1,\s*2,\s*\.\.\.,\s*n\}|\{1,\s*\.\.\.,\s*n\}|\(1,\s*2,\s*\.\.\.,\s*n\)|\{1\.\.n\}|length n|n elements|n letters),? (?:such that|with|satisfying|where|for which) (.+?)(?:,? for (?:all|every|each) i(?:\s*(?:=|in)\s*(?:1\s*\.\.\s*n|1,\s*(?:2,\s*)?\.\.\.,\s*n|\[n\]|\{1,\s*\.\.\.,\s*n\}))?)?\s*\.?$`)
	// "p(i)-i is in {-2,4,5}", "p(i) - i in {...}", "|p(i)-i| <= 2"
	rePermIn  = regexp.MustCompile(`^p\(i\)\s*-\s*i (?:is )?in \{([-\d,\s]+)\}$`)
	rePermAbs = regexp.MustCompile(`^\|p\(i\)\s*-\s*i\|\s*(<=|<|≤)\s*(\d+)$`)
)

// countPerms reads s as a count of permutations with displacements in a
// set; it reports whether s had that shape.
func (c *collector) countPerms(s string) bool {
	var ds []int64
	if m := rePermBaltic.FindStringSubmatch(s); m != nil {
		if (m[1] != "") != (m[4] != "") {
			return true // "not in I" and I go together
		}
		k, err1 := strconv.ParseInt(m[2], 10, 32)
		r, err2 := strconv.ParseInt(m[3], 10, 32)
		if err1 != nil || err2 != nil || k+r+1 > maxPermWindow {
			return true
		}
		var not []int64
		if m[4] != "" {
			var ok bool
			if not, ok = intList(m[4]); !ok {
				return true
			}
		}
		for d := -k; d <= r; d++ {
			if !slices.Contains(not, d) {
				ds = append(ds, d)
			}
		}
	} else if m := rePermSet.FindStringSubmatch(s); m != nil {
		cond := strings.TrimSpace(m[1])
		if mi := rePermIn.FindStringSubmatch(cond); mi != nil {
			var ok bool
			if ds, ok = intList(mi[1]); !ok {
				return true
			}
		} else if ma := rePermAbs.FindStringSubmatch(cond); ma != nil {
			k, err := strconv.ParseInt(ma[2], 10, 32)
			if err != nil || k > maxPermWindow {
				return true
			}
			if ma[1] == "<" {
				k--
			}
			for d := -k; d <= k; d++ {
				ds = append(ds, d)
			}
		} else {
			c.note("count", "permutations "+cond)
			return true
		}
	} else {
		return false
	}
	slices.Sort(ds)
	ds = slices.Compact(ds)
	if len(ds) == 0 {
		return true
	}
	p := permCount{ds: ds}
	if k, r := p.span(); k+r+1 > maxPermWindow {
		return true
	}
	c.addPerms(s, p)
	return true
}

// intList reads "-2, 4,5" (each within +-100).
func intList(s string) ([]int64, bool) {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseInt(strings.TrimSpace(f), 10, 32)
		if err != nil || v < -100 || v > 100 {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

// span is k and r: the window reaches k values back and r ahead.
func (p permCount) span() (int64, int64) {
	return max(0, -p.ds[0]), max(0, p.ds[len(p.ds)-1])
}

// String prints a count for Candidate.Expr.
func (p permCount) String() string {
	var b strings.Builder
	b.WriteString("perms_{p(i)-i in ")
	for i, d := range p.ds {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(strconv.FormatInt(d, 10))
	}
	b.WriteString("}(n)")
	return b.String()
}

// exact is the count at each n = 0..scanN, saturating.
func (p permCount) exact() []int64 {
	out := make([]int64, scanN+1)
	for n := int64(0); n <= scanN; n++ {
		k, _ := p.span()
		// used values as a set of offsets from i (the position to place)
		type state = uint64
		cur := map[state]int64{(1<<k - 1): 1} // values 1-k..0 used
		for i := int64(1); i <= n; i++ {
			next := map[state]int64{}
			for m, v := range cur {
				for _, d := range p.ds {
					val := i + d
					bit := uint64(1) << (d + k)
					if val > n || m&bit != 0 {
						continue
					}
					m2 := m | bit
					if m2&1 == 0 {
						continue // value i-k would stay unused
					}
					next[m2>>1] = satAdd(next[m2>>1], v)
				}
			}
			cur = next
		}
		out[n] = cur[1<<k-1]
		if out[n] > 1<<31-1 {
			return out[:n+1]
		}
	}
	return out
}

// addPerms lowers p and offers it where its program computes the exact
// count (checkParts).
func (c *collector) addPerms(source string, p permCount) {
	expr := p.String()
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		return
	}
	c.seen[expr] = true
	ops, err := p.lower()
	if err != nil {
		c.note("lower", "permutations: "+err.Error())
		return
	}
	if !checkParts(ops, p.exact()) {
		c.note("refused", "permutations: fuel or check")
		return
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
}

// lower compiles p. Memory: two tables of T = 2^(k+r) words (after the
// shift the window's top bit is clear), the one for i positions placed at
// (i mod 2)*T, word m the walks leaving mask m. Each d of D is unrolled,
// inside a loop that runs once where a mask has walks (ir's fuel charges a
// loop's own opcodes at each entry: the scan pays little for the masks no
// walk reaches).
// Locals: N, i, a (the address walked), end (where the table ends), v
// (the walks at a), m (their mask), t (the new mask).
func (p permCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	k, r := p.span()
	T := int64(1) << (k + r)
	N, i, a, end, v, m, t := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	e.emit(ir.OpSlot0)
	e.set(N)
	// base pushes the table of i - 1 + d positions
	base := func(d int64) {
		e.get(i)
		if d == 0 {
			e.emit(ir.OpConst1, ir.OpI32Add)
		}
		e.emit(ir.OpConst2, ir.OpI32RemS)
		e.konst(T)
		e.emit(ir.OpI32Mul)
	}
	e.store(func() { e.konst(1<<k - 1) }, func() { e.emit(ir.OpConst1) })
	e.emit(ir.OpConst1)
	e.set(i)
	e.while(func() { e.get(i); e.get(N); e.emit(ir.OpI32LeS) }, func() {
		base(1)
		e.emit(ir.LocalTee(a))
		e.konst(T)
		e.emit(ir.OpI32Add)
		e.set(end)
		e.zeroWords(a, end)
		base(0)
		e.emit(ir.LocalTee(a))
		e.konst(T)
		e.emit(ir.OpI32Add)
		e.set(end)
		e.while(func() { e.get(a); e.get(end); e.emit(ir.OpI32LtS) }, func() {
			e.get(a)
			e.emit(ir.OpMemLoad, ir.LocalTee(v), ir.OpIfBegin)
			e.emit(ir.OpLoopBegin) // run once: the scan's loop is not charged for it
			// m = a - (end - T)
			e.get(a)
			e.get(end)
			e.emit(ir.OpI32Sub)
			e.konst(T)
			e.emit(ir.OpI32Add)
			e.set(m)
			for _, d := range p.ds {
				b := int64(1) << (d + k)
				// value i + d <= N and unused, and the new mask holds value i-k (bit 0)
				e.get(m)
				e.konst(b)
				e.emit(ir.OpI32DivS, ir.OpConst2, ir.OpI32RemS, ir.OpConst0, ir.OpI32Eq)
				if d > 0 {
					e.get(i)
					e.konst(d)
					e.emit(ir.OpI32Add)
					e.get(N)
					e.emit(ir.OpI32LeS, ir.OpI32Mul)
				}
				e.get(m)
				e.konst(b)
				e.emit(ir.OpI32Add, ir.LocalTee(t), ir.OpConst2, ir.OpI32RemS, ir.OpI32Mul, ir.OpIfBegin)
				// next[t/2] += v; the next table is at 2T - end
				e.store(func() {
					e.konst(2 * T)
					e.get(end)
					e.emit(ir.OpI32Sub)
					e.get(t)
					e.emit(ir.OpConst2, ir.OpI32DivS, ir.OpI32Add, ir.LocalTee(t))
				}, func() {
					e.get(t)
					e.emit(ir.OpMemLoad)
					e.get(v)
					e.emit(ir.OpI32Add)
				})
				e.emit(ir.OpIfEnd)
			}
			e.emit(ir.OpLoopEnd, ir.OpIfEnd)
			e.inc(a, 1)
		})
		e.inc(i, 1)
	})
	e.load(func() { base(0); e.konst(1<<k - 1); e.emit(ir.OpI32Add) })
	e.emit(ir.OpEnd)
	return e.finish()
}
