package formula

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Words of length n over q letters (the digits 0..q-1) counted by the
// occurrences of patterns in them: "Number of binary strings of length n
// with equal numbers of 00010 and 10001 substrings.", "Number of binary
// sequences of length n containing exactly one subsequence 001.",
// "Number of ternary words of length n avoiding 00 and 12.", "... with no
// substrings equal to 0110 or 1001", "... with no three consecutive 1's".
// An occurrence is a run of consecutive
// letters (overlapping occurrences each count); a word of the count is
// kept by a counter: the occurrences (avoiding: none; exactly, at most or
// at least k), or the first pattern's occurrences minus the second's
// (equal numbers).
//
// The program keeps, for each word length i = 0..N, a table in memory
// over (window, counter): the window is the word's last w = L-1 letters
// (L the longest pattern) as a number in base q, which is all a further
// letter needs to see; a word shorter than w has a window that is its
// whole self, and a pattern of length m is looked for only once i >= m,
// so one table of q^w windows serves every length. Each step adds the
// counts of a window to its successors, additions only, so the i32 table
// is exact modulo 2^32 and a count that fits i32 is right.
//
// The exact count (wordCount.exact) runs over the words' suffixes as Go
// strings in saturating int64; a candidate must agree with it at every
// n = 0..100 until the count leaves i32, each run within ir.DefaultFuel
// (checkParts).

// wordCount is one count of words (see the file comment).
type wordCount struct {
	arg  *node // the length, over n
	q    int64 // letters 0..q-1
	pats []string
	wts  []int64 // each pattern's weight in the counter: 1 (-1 for equal's second)
	// the counter's range lo..hi (equal: -N..N) and the accepted counters
	// alo..ahi; sat: a counter past hi stays at hi (at least k), else the
	// word is dropped
	lo, hi, alo, ahi int64
	equal, sat       bool
}

// maxWordStates bounds q^w, the windows of a table.
const maxWordStates = 729

var (
	// "binary strings of length n", "length-n ternary words", "n-bit binary sequences"
	reWordsOf = regexp.MustCompile(`^(?i:number) of (?:(?:(binary|ternary|quaternary|quinary|[2-9]-ary) (?:words|strings|sequences|vectors) of length[- ]([^ ,]+))|(?:length[- ]([^ ,]+) (binary|ternary|quaternary|quinary|[2-9]-ary) (?:words|strings|sequences|vectors))|(?:([^ ,]+)-bit (?:binary )?(?:words|strings|sequences|vectors)))\s*,?\s*(.+?)\.?$`)
	// the pattern list: "00010", "the pattern 0110", "00 and 12", "0110 or 1001"
	rePatList  = regexp.MustCompile(`^(?:the |any of the |any )?(?:(?:patterns?|substrings?|subwords?|factors?|blocks?|words?|strings?|subsequences?|consecutive patterns?) )?(?:equal to )?([0-9]+(?:(?:\s*,\s*|,? and |,? or )[0-9]+)*)(?: (?:as (?:an? )?)?(?:substrings?|subwords?|factors?|blocks?|patterns?|consecutive subsequences?))?$`)
	rePatSplit = regexp.MustCompile(`\s*,\s*(?:and |or )?|,? and |,? or `)
	// "avoiding ...", "that avoid ...", "with no ...", "containing no ..."
	reWordAvoid = regexp.MustCompile(`^(?:that |which )?(?:avoid|avoids|avoiding|do not contain|does not contain|not containing|containing no|that contain no|with no|without|having no)(?: occurrences? of)? (.+)$`)
	// "containing exactly one subsequence 001", "with exactly 2 occurrences of 010"
	reWordTimes = regexp.MustCompile(`^(?:that |which )?(?:contain|contains|containing|with|having) (exactly|at most|at least) (\w+) (?:occurrences? of )?(.+)$`)
	// "containing the pattern 0110", "that contain 111"
	reWordHas = regexp.MustCompile(`^(?:that |which )?(?:contain|contains|containing)(?: at least one(?: occurrence of)?)? (.+)$`)
	// "with no three consecutive 1's", "having no two adjacent 0s"
	reWordConsec = regexp.MustCompile(`^(?:that |which )?(?:with|having|have|has|containing|contain|contains) no (\w+) (?:consecutive|adjacent) (\d)(?:'s|s)$`)
	// "with equal numbers of 00010 and 10001 substrings"
	reWordEqual = regexp.MustCompile(`^(?:with|having|containing) (?:equal numbers|the same number) of ([0-9]+) and ([0-9]+)(?: (?:substrings|subwords|factors|blocks|patterns))?$`)
)

// wordLetters are the alphabets named by a word.
var wordLetters = map[string]int64{"binary": 2, "ternary": 3, "quaternary": 4, "quinary": 5}

// countWords reads s as a count of words; it reports whether s had that
// shape.
func (c *collector) countWords(s string) bool {
	m := reWordsOf.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	alpha, arg := m[1], m[2]
	switch {
	case m[3] != "":
		alpha, arg = m[4], m[3]
	case m[5] != "":
		alpha, arg = "binary", m[5]
	}
	q, ok := wordLetters[alpha]
	if !ok {
		q = int64(alpha[0] - '0')
	}
	x, ok := parseArg(arg)
	if !ok {
		c.note("count", "word length "+arg)
		return true
	}
	w, ok := readWordTail(strings.TrimSpace(m[6]))
	if !ok {
		c.note("count", "words "+m[6])
		return true
	}
	w.arg, w.q = x, q
	for _, p := range w.pats {
		for _, d := range p {
			if int64(d-'0') >= q {
				return true
			}
		}
	}
	c.addWords(s, w)
	return true
}

// readWordTail reads what is counted of the words (the pattern letters
// are checked against the alphabet later).
func readWordTail(t string) (wordCount, bool) {
	pats := func(s string) ([]string, bool) {
		pm := rePatList.FindStringSubmatch(s)
		if pm == nil {
			return nil, false
		}
		ps := rePatSplit.Split(pm[1], -1)
		for _, p := range ps {
			if p == "" || len(p) > 8 {
				return nil, false
			}
		}
		return ps, true
	}
	ones := func(n int) []int64 {
		w := make([]int64, n)
		for i := range w {
			w[i] = 1
		}
		return w
	}
	if m := reWordEqual.FindStringSubmatch(t); m != nil {
		if m[1] == m[2] || len(m[1]) > 8 || len(m[2]) > 8 {
			return wordCount{}, false
		}
		return wordCount{pats: []string{m[1], m[2]}, wts: []int64{1, -1}, equal: true}, true
	}
	if m := reWordConsec.FindStringSubmatch(t); m != nil {
		k, ok := countWord(m[1])
		if !ok || k < 2 || k > 8 {
			return wordCount{}, false
		}
		return wordCount{pats: []string{strings.Repeat(m[2], int(k))}, wts: []int64{1}}, true
	}
	if m := reWordAvoid.FindStringSubmatch(t); m != nil {
		ps, ok := pats(m[1])
		return wordCount{pats: ps, wts: ones(len(ps))}, ok
	}
	if m := reWordTimes.FindStringSubmatch(t); m != nil {
		k, ok := countWord(m[2])
		if !ok || k < 0 || k > 20 {
			return wordCount{}, false
		}
		ps, ok := pats(m[3])
		// several patterns counted together: only "exactly one of 00, 11"
		// is no clear reading; one pattern
		if !ok || len(ps) != 1 {
			return wordCount{}, false
		}
		w := wordCount{pats: ps, wts: []int64{1}, hi: k, alo: k, ahi: k}
		switch m[1] {
		case "at most":
			w.alo = 0
		case "at least":
			if k == 0 {
				return wordCount{}, false
			}
			w.sat = true
		}
		return w, true
	}
	if m := reWordHas.FindStringSubmatch(t); m != nil {
		ps, ok := pats(m[1])
		if !ok || len(ps) != 1 {
			return wordCount{}, false
		}
		return wordCount{pats: ps, wts: []int64{1}, hi: 1, alo: 1, ahi: 1, sat: true}, true
	}
	return wordCount{}, false
}

// String prints a count for Candidate.Expr.
func (w wordCount) String() string {
	var b strings.Builder
	b.WriteString("words_{" + strconv.FormatInt(w.q, 10) + " letters; ")
	for i, p := range w.pats {
		if i > 0 {
			b.WriteString(",")
		}
		if w.wts[i] < 0 {
			b.WriteString("-")
		}
		b.WriteString(p)
	}
	switch {
	case w.equal:
		b.WriteString("; balance 0")
	case w.sat:
		b.WriteString("; at least " + strconv.FormatInt(w.hi, 10))
	default:
		b.WriteString("; " + strconv.FormatInt(w.alo, 10) + ".." + strconv.FormatInt(w.ahi, 10))
	}
	b.WriteString("}(" + w.arg.String() + ")")
	return b.String()
}

// window is w, the letters a table keeps; states is q^w.
func (w wordCount) window() (int, int64) {
	L := 0
	for _, p := range w.pats {
		L = max(L, len(p))
	}
	s := int64(1)
	for range L - 1 {
		s *= w.q
	}
	return L - 1, s
}

// exactTable is the count of words of each length 0..maxN, saturating.
func (w wordCount) exactTable(maxN int64) []int64 {
	wl, _ := w.window()
	type key struct {
		suf string
		c   int64
	}
	cur := map[key]int64{{"", 0}: 1}
	res := make([]int64, maxN+1)
	acc := func(m map[key]int64) int64 {
		t := int64(0)
		for k, v := range m {
			if k.c >= w.alo && k.c <= w.ahi {
				t = satAdd(t, v)
			}
		}
		return t
	}
	res[0] = acc(cur)
	for i := int64(1); i <= maxN; i++ {
		next := map[key]int64{}
		for k, v := range cur {
			for d := int64(0); d < w.q; d++ {
				s := k.suf + string(rune('0'+d))
				c := k.c
				for j, p := range w.pats {
					if strings.HasSuffix(s, p) {
						c += w.wts[j]
					}
				}
				if w.sat && c > w.hi {
					c = w.hi
				}
				if !w.equal && (c < w.lo || c > w.hi) {
					continue
				}
				if len(s) > wl {
					s = s[len(s)-wl:]
				}
				nk := key{s, c}
				next[nk] = satAdd(next[nk], v)
			}
		}
		cur = next
		res[i] = acc(cur)
	}
	return res
}

// exactCounts is the count at each n = 0..scanN (0 where the length is
// negative), cut where the length stops being an integer whose table fits
// memory; false if that happens before the count leaves i32.
func (w wordCount) exactCounts() ([]int64, bool) {
	_, states := w.window()
	var args []int64
	maxN := int64(0)
	for n := int64(0); n <= scanN; n++ {
		v := evaluator{steps: 10_000}
		r, err := v.eval(w.arg, n)
		if err != nil || !r.IsInt() || !r.Num().IsInt64() {
			break
		}
		a := r.Num().Int64()
		if a > 1000 || 2*states*w.width(a) > ir.MemWords {
			break
		}
		args = append(args, a)
		maxN = max(maxN, a)
	}
	t := w.exactTable(maxN)
	out := make([]int64, len(args))
	leaves := false
	for n, a := range args {
		if a >= 0 {
			out[n] = t[a]
		}
		leaves = leaves || out[n] > 1<<31-1
	}
	if len(args) <= scanN && !leaves {
		return nil, false
	}
	return out, true
}

// width is the number of counters of a table for words of length N.
func (w wordCount) width(N int64) int64 {
	if w.equal {
		return 2*max(N, 0) + 1
	}
	return w.hi - w.lo + 1
}

// addWords lowers w and offers it where its program computes the exact
// count (checkParts).
func (c *collector) addWords(source string, w wordCount) {
	expr := w.String()
	if c.seen[expr] || len(c.seen) >= maxFormulas {
		return
	}
	c.seen[expr] = true
	if _, states := w.window(); states > maxWordStates {
		c.note("count", "words: too many windows")
		return
	}
	want, ok := w.exactCounts()
	if !ok {
		c.note("count", "words: table outgrows memory")
		return
	}
	ops, err := w.lower()
	if err != nil {
		c.note("lower", "words: "+err.Error())
		return
	}
	if !checkParts(ops, want) {
		c.note("refused", "words: fuel or check")
		return
	}
	c.out = append(c.out, Candidate{Source: strings.TrimSpace(source), Ops: ops, Expr: expr})
}

// lower compiles w. Memory: two tables of S*D words (S windows, D
// counters: word s*D + c), the one for length i at (i mod 2)*S*D. For
// each word value k = s*q + x (window s, letter x) the step moves row s
// of the current table, shifted by the counter's change, to row k mod S
// of the next. Locals: N, i (the length reached), D, k, a (the source
// row), b (the target row, plus the change), c (the counter), h (where
// c stops).
func (w wordCount) lower() (ops []ir.Op, err error) {
	e := &emitter{ops: []ir.Op{ir.OpStart}, env: map[string]int{"n": -1}}
	defer caught(&ops, &err)
	arg, ok := normalize(w.arg, false)
	if !ok {
		return nil, errLower
	}
	_, S := w.window()
	N := e.copyOf(arg)
	i, D, k, a, b, c, h := e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc(), e.alloc()
	// N < 0: no word
	e.get(N)
	e.emit(ir.OpConst0, ir.OpI32GeS, ir.OpIfBegin)
	if w.equal {
		e.get(N)
		e.emit(ir.OpConst2, ir.OpI32Mul, ir.OpConst1, ir.OpI32Add)
	} else {
		e.konst(w.hi - w.lo + 1)
	}
	e.set(D)
	// zero: the counter index of counter 0
	zero := func() {
		if w.equal {
			e.get(N)
		} else {
			e.konst(-w.lo)
		}
	}
	size := func() { e.konst(S); e.get(D); e.emit(ir.OpI32Mul) }
	// base pushes the table of length i - 1 + d
	base := func(d int64) {
		e.get(i)
		if d == 0 {
			e.emit(ir.OpConst1, ir.OpI32Add)
		}
		e.emit(ir.OpConst2, ir.OpI32RemS)
		size()
		e.emit(ir.OpI32Mul)
	}
	// the empty word: window 0, counter 0
	e.store(zero, func() { e.emit(ir.OpConst1) })
	e.emit(ir.OpConst1)
	e.set(i)
	e.while(func() { e.get(i); e.get(N); e.emit(ir.OpI32LeS) }, func() {
		// clear the next table
		base(1)
		e.set(a)
		base(1)
		size()
		e.emit(ir.OpI32Add)
		e.set(b)
		e.zeroWords(a, b)
		e.emit(ir.OpConst0)
		e.set(k)
		e.while(func() { e.get(k); e.konst(S * w.q); e.emit(ir.OpI32LtS) }, func() {
			// c: the counter's change, each pattern the word value ends with
			e.emit(ir.OpConst0)
			for j, p := range w.pats {
				m := int64(len(p))
				qm, pv := int64(1), int64(0)
				for _, d := range p {
					qm *= w.q
					pv = pv*w.q + int64(d-'0')
				}
				e.get(k)
				e.konst(qm)
				e.emit(ir.OpI32RemS)
				e.konst(pv)
				e.emit(ir.OpI32Eq)
				e.get(i)
				e.konst(m)
				e.emit(ir.OpI32GeS, ir.OpI32Mul)
				if w.wts[j] < 0 {
					e.emit(ir.OpI32Sub)
				} else {
					e.emit(ir.OpI32Add)
				}
			}
			e.set(c)
			// a: row k/q of the current table; b: row k mod S of the next, plus c
			base(0)
			e.get(k)
			e.konst(w.q)
			e.emit(ir.OpI32DivS)
			e.get(D)
			e.emit(ir.OpI32Mul, ir.OpI32Add)
			e.set(a)
			base(1)
			e.get(k)
			e.konst(S)
			e.emit(ir.OpI32RemS)
			e.get(D)
			e.emit(ir.OpI32Mul, ir.OpI32Add)
			e.get(c)
			e.emit(ir.OpI32Add)
			e.set(b)
			// h: D - max(c, 0); c: max(-c, 0)
			e.get(D)
			e.get(c)
			e.get(c)
			e.emit(ir.OpConst0, ir.OpI32GtS, ir.OpI32Mul, ir.OpI32Sub)
			e.set(h)
			e.emit(ir.OpConst0)
			e.get(c)
			e.emit(ir.OpI32Sub)
			e.get(c)
			e.emit(ir.OpConst0, ir.OpI32LtS, ir.OpI32Mul)
			e.set(c)
			if w.equal {
				// the counters a word of length i - 1 can reach: N-i+1 .. N+i-1
				e.get(N)
				e.get(i)
				e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
				e.get(c)
				e.emit(ir.OpI32GtS, ir.OpIfBegin)
				e.get(N)
				e.get(i)
				e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
				e.set(c)
				e.emit(ir.OpIfEnd)
				e.get(N)
				e.get(i)
				e.emit(ir.OpI32Add)
				e.get(h)
				e.emit(ir.OpI32LtS, ir.OpIfBegin)
				e.get(N)
				e.get(i)
				e.emit(ir.OpI32Add)
				e.set(h)
				e.emit(ir.OpIfEnd)
			}
			// next[b + c] += current[a + c]; saturating: next[b + min(c, h-1)]
			// over every c < D (b + h - 1 is the last counter of the row)
			stop := h
			if w.sat {
				stop = D
			}
			e.while(func() { e.get(c); e.get(stop); e.emit(ir.OpI32LtS) }, func() {
				target := func() {
					e.get(b)
					e.get(c)
					if w.sat {
						// min(c, h-1) = c - (c - h + 1)*[c > h - 1]
						e.get(c)
						e.get(h)
						e.emit(ir.OpI32Sub, ir.OpConst1, ir.OpI32Add)
						e.get(c)
						e.get(h)
						e.emit(ir.OpConst1, ir.OpI32Sub, ir.OpI32GtS, ir.OpI32Mul, ir.OpI32Sub)
					}
					e.emit(ir.OpI32Add)
				}
				target()
				target()
				e.emit(ir.OpMemLoad)
				e.get(a)
				e.get(c)
				e.emit(ir.OpI32Add, ir.OpMemLoad, ir.OpI32Add, ir.OpMemStore)
				e.inc(c, 1)
			})
			e.inc(k, 1)
		})
		e.inc(i, 1)
	})
	// the sum of the accepted counters over the windows of length N
	e.emit(ir.OpConst0)
	e.set(b)
	e.emit(ir.OpConst0)
	e.set(k)
	e.while(func() { e.get(k); size(); e.emit(ir.OpI32LtS) }, func() {
		e.get(k)
		e.get(D)
		e.emit(ir.OpI32RemS)
		zero()
		e.emit(ir.OpI32Sub, ir.LocalTee(c))
		e.konst(w.alo)
		e.emit(ir.OpI32GeS)
		e.get(c)
		e.konst(w.ahi)
		e.emit(ir.OpI32LeS, ir.OpI32Mul, ir.OpIfBegin)
		e.get(b)
		e.load(func() { base(0); e.get(k); e.emit(ir.OpI32Add) })
		e.emit(ir.OpI32Add)
		e.set(b)
		e.emit(ir.OpIfEnd)
		e.inc(k, 1)
	})
	e.get(b)
	e.emit(ir.OpElse, ir.OpConst0, ir.OpIfEnd, ir.OpEnd)
	return e.finish()
}
