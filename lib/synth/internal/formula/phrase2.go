package formula

// Names of whole families that state no formula but fix one (phrase2):
//
//	Centered 47-gonal numbers.                     K*m*(m+1)/2 + 1
//	31-gonal numbers. / 29-gonal pyramidal numbers. m*((K-2)*m - (K-4))/2, its partial sums
//	Second heptagonal numbers.                     m*((K-2)*m + (K-4))/2
//	Number of edges in 9-partite Turán graph of order n.
//	Dimension of the space of weight 2n cusp forms for Gamma_0( 53 ).
//	Dimension of the space of weight 2n cuspidal newforms for Gamma_0( 47 ).
//
// Each is rewritten as a formula over n (K, N the text's constants, the
// rest computed here) and read as any formula is (addText): a reading the
// parser or the checks refuse gives nothing. A name that leaves the first
// term open (a(0) or a(1) for m = 0) gets both readings; the examples tell
// them apart.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	// "Centered 47-gonal numbers", "Centered heptagonal numbers", "31-gonal
	// numbers", "29-gonal pyramidal numbers", "Second 11-gonal numbers"
	rePhrase2Gonal = regexp.MustCompile(`^(?i:(centered|second) )?(\d+-gonal|[A-Za-z]+gonal|triangular|square)( (?i:pyramidal))? (?i:numbers)\s*\.?$`)
	// "Number of edges in 12-partite Turán graph of order n"
	rePhrase2Turan = regexp.MustCompile(`^Number of edges in (?:the )?(\d+|[a-z]+)-partite Tur[aá]n graph (?:T\(n, ?\d+\) )?(?:of|on) (?:order n|n (?:vertices|nodes))\s*\.?$`)
	// "Generalized 19-gonal (or enneadecagonal) numbers: m*(17*m - 15)/2
	// with m = 0, +1, -1, +2, -2, ...": P(m) at m = 0, 1, -1, 2, -2, ...
	rePhrase2GenGonal = regexp.MustCompile(`^Generalized (\d+-gonal|[a-z]+gonal|pentagonal|hexagonal)(?: \(or [a-z]+\))? numbers(?:: m\*\((\d+)\*m ?- ?(\d+)\)/2 with m = 0, \+1, -1, \+2, -2(?:, \+3, -3)?, \.\.\.)?\s*\.?$`)
	// "Nimsum n + 16": n XOR 16
	rePhrase2Nimsum = regexp.MustCompile(`^Nim-?sum (?:of )?n (?:\+|and) (\d+)\s*\.?$`)
	// "Dimension of the space of weight 2n cusp forms for Gamma_0( 53 )"
	rePhrase2Cusp = regexp.MustCompile(`^Dimension of the space of weight 2\*?n (cusp forms|cuspidal newforms) for Gamma_?0\(\s*(\d+)\s*\)\s*\.?$`)
)

// phrase2Gon: the polygon names and their number of sides.
var phrase2Gon = map[string]int64{
	"triangular": 3, "square": 4, "pentagonal": 5, "hexagonal": 6, "heptagonal": 7,
	"octagonal": 8, "nonagonal": 9, "enneagonal": 9, "decagonal": 10, "hendecagonal": 11,
	"undecagonal": 11, "dodecagonal": 12, "tridecagonal": 13, "tetradecagonal": 14,
	"pentadecagonal": 15, "hexadecagonal": 16, "heptadecagonal": 17, "octadecagonal": 18,
	"enneadecagonal": 19, "icosagonal": 20,
}

// phrase2Small: the number words a name may use for a small count.
var phrase2Small = map[string]int64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12,
}

// phrase2 reads the first sentence s (or text, all of it) as one of the
// families above.
func (c *collector) phrase2(s, text string) bool {
	if c.phrase2Iter(s, text) { // phrase2_iter.go: trajectories of a map
		return true
	}
	if m := rePhrase2Gonal.FindStringSubmatch(s); m != nil {
		c.phrase2Polygonal(s, strings.ToLower(m[1]), strings.ToLower(m[2]), m[3] != "")
		return true
	}
	if m := rePhrase2GenGonal.FindStringSubmatch(s); m != nil {
		k, ok := phrase2Count(strings.TrimSuffix(m[1], "-gonal"), phrase2Gon)
		if ok && m[2] != "" && (m[2] != strconv.FormatInt(k-2, 10) || m[3] != strconv.FormatInt(k-4, 10)) {
			return true // the formula the text states is not P_k's
		}
		if ok && k >= 5 && k <= 100000 {
			// m = (-1)^(n+1)*ceiling(n/2): 0, 1, -1, 2, -2, ...
			mm := "((-1)^(n+1)*ceiling(n/2))"
			f := fmt.Sprintf("m*(%d*m - %d)/2", k-2, k-4)
			c.addText(s, strings.ReplaceAll(f, "m", mm))
		}
		return true
	}
	if m := rePhrase2Nimsum.FindStringSubmatch(s); m != nil {
		c.addText(s, "bitxor(n, "+m[1]+")")
		return true
	}
	if m := rePhrase2Turan.FindStringSubmatch(s); m != nil {
		c.phrase2Turan(s, m[1])
		return true
	}
	if m := rePhrase2Cusp.FindStringSubmatch(s); m != nil {
		c.phrase2Cusp(s, m[1] == "cuspidal newforms", m[2])
		return true
	}
	if c.phrase2Coxeter(s) { // phrase2_coxeter.go: growth series
		return true
	}
	if c.phrase2Board(s) { // phrase2_board.go: two nonattacking pieces
		return true
	}
	return c.phrase2Seq(s) // phrase2_seq.go
}

// phrase2Count reads a count written in digits or as a word.
func phrase2Count(w string, words map[string]int64) (int64, bool) {
	if v, ok := words[strings.ToLower(w)]; ok {
		return v, true
	}
	v, err := strconv.ParseInt(w, 10, 32)
	return v, err == nil
}

// phrase2Polygonal: K-gonal numbers (centered, second, pyramidal); K >= 3.
// The "sides" word must name a polygon: "Centered square numbers" is K =
// 4, "Centered hex numbers" nothing.
func (c *collector) phrase2Polygonal(s, kind, sides string, pyramidal bool) {
	k, ok := phrase2Count(strings.TrimSuffix(sides, "-gonal"), phrase2Gon)
	if !ok || k < 3 || k > 100000 {
		return
	}
	var f string // over m, the polygon's index from 0
	switch {
	case kind == "centered" && !pyramidal:
		f = fmt.Sprintf("%d*m*(m+1)/2 + 1", k)
	case kind == "second" && !pyramidal:
		f = fmt.Sprintf("m*(%d*m + %d)/2", k-2, k-4)
	case kind == "" && pyramidal:
		f = fmt.Sprintf("m*(m+1)*(%d*m - %d)/6", k-2, k-5)
	case kind == "":
		f = fmt.Sprintf("m*(%d*m - %d)/2", k-2, k-4)
	default:
		return // centered pyramidal, second pyramidal: not read
	}
	for _, m := range []string{"(n)", "(n-1)"} {
		c.addText(s, strings.ReplaceAll(f, "m", m))
	}
}

// phrase2Turan: the Turán graph T(n,r) splits n vertices into r parts of
// q = floor(n/r) or q+1 (n mod r of them); its edges are the pairs in
// different parts, (n^2 - Sum size^2)/2.
func (c *collector) phrase2Turan(s, parts string) {
	r, ok := phrase2Count(parts, phrase2Small)
	if !ok || r < 2 || r > 1000 {
		return
	}
	f := fmt.Sprintf("(n^2 - (%[1]d - (n mod %[1]d))*floor(n/%[1]d)^2 - (n mod %[1]d)*(floor(n/%[1]d) + 1)^2)/2", r)
	c.addText(s, f)
}

// x0Invariants are the invariants of the modular curve X_0(N) that fix
// dim S_k(Gamma_0(N)): the index mu of Gamma_0(N) in SL_2(Z), the
// elliptic points of order 2 and 3, the cusps and the genus
// g = 1 + mu/12 - e2/4 - e3/3 - cusps/2 (Diamond and Shurman, 3.9).
type x0Invariants struct{ mu, e2, e3, cusps, genus int64 }

// x0Of computes X_0(N)'s invariants for 1 <= N <= 10^6.
func x0Of(n int64) (x0Invariants, bool) {
	if n < 1 || n > 1_000_000 {
		return x0Invariants{}, false
	}
	var ps []int64 // the distinct primes of n
	m := n
	for p := int64(2); p*p <= m; p++ {
		if m%p == 0 {
			ps = append(ps, p)
			for m%p == 0 {
				m /= p
			}
		}
	}
	if m > 1 {
		ps = append(ps, m)
	}
	inv := x0Invariants{mu: n, e2: 1, e3: 1}
	for _, p := range ps {
		inv.mu = inv.mu / p * (p + 1)
		// 1 + (-4/p): 1 at p = 2, 2 at p == 1 (mod 4), 0 at p == 3 (mod 4)
		switch {
		case p == 2:
		case p%4 == 1:
			inv.e2 *= 2
		default:
			inv.e2 = 0
		}
		// 1 + (-3/p): 1 at p = 3, 2 at p == 1 (mod 3), 0 at p == 2 (mod 3)
		switch {
		case p == 3:
		case p%3 == 1:
			inv.e3 *= 2
		default:
			inv.e3 = 0
		}
	}
	if n%4 == 0 {
		inv.e2 = 0
	}
	if n%9 == 0 {
		inv.e3 = 0
	}
	for d := int64(1); d <= n; d++ { // cusps: Sum_{d|N} phi(gcd(d, N/d))
		if n%d == 0 {
			inv.cusps += totient(gcd64(d, n/d))
		}
	}
	twelve := 12 + inv.mu - 3*inv.e2 - 4*inv.e3 - 6*inv.cusps // 12*g
	if twelve%12 != 0 || twelve < 0 {
		return x0Invariants{}, false
	}
	inv.genus = twelve / 12
	return inv, true
}

func totient(n int64) int64 {
	r := n
	for p := int64(2); p*p <= n; p++ {
		if n%p == 0 {
			for n%p == 0 {
				n /= p
			}
			r -= r / p
		}
	}
	if n > 1 {
		r -= r / n
	}
	return r
}

// newBeta is the multiplicative function with beta(p) = -2, beta(p^2) = 1,
// beta(p^e) = 0 for e >= 3: dim S_k^new(N) = Sum_{M|N} beta(N/M) dim
// S_k(Gamma_0(M)).
func newBeta(n int64) int64 {
	b := int64(1)
	for p := int64(2); p*p <= n; p++ {
		e := 0
		for n%p == 0 {
			n /= p
			e++
		}
		switch e {
		case 0:
		case 1:
			b *= -2
		case 2:
		default:
			return 0
		}
	}
	if n > 1 {
		b *= -2
	}
	return b
}

// phrase2Cusp: dim S_k(Gamma_0(N)) for k = 2n is g at k = 2 and, for even
// k >= 4, (k-1)(g-1) + floor(k/4) e2 + floor(k/3) e3 + (k/2 - 1) cusps
// (Diamond and Shurman, 3.5.1); the newforms sum it over the levels M | N
// with weights beta(N/M). Each coefficient is summed once, so the formula
// stays five terms: A(2n-1) + B floor(n/2) + C floor(2n/3) + D(n-1) + E[n=1],
// [n = 1] written floor(2/(n+1)) (the text's n starts at 1: weight 2).
func (c *collector) phrase2Cusp(s string, newforms bool, level string) {
	n, err := strconv.ParseInt(level, 10, 32)
	if err != nil || n < 1 || n > 100000 {
		return
	}
	var a, b, cc, d, e int64
	for m := int64(1); m <= n; m++ {
		if n%m != 0 {
			continue
		}
		w := int64(1)
		if newforms {
			w = newBeta(n / m)
		} else if m != n {
			continue
		}
		if w == 0 {
			continue
		}
		inv, ok := x0Of(m)
		if !ok {
			return
		}
		a += w * (inv.genus - 1)
		b += w * inv.e2
		cc += w * inv.e3
		d += w * inv.cusps
		e += w
	}
	c.addText(s, fmt.Sprintf("(%d)*(2*n-1) + (%d)*floor(n/2) + (%d)*floor(2*n/3) + (%d)*(n-1) + (%d)*floor(2/(n+1))", a, b, cc, d, e))
}
