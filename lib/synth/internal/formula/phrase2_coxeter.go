package formula

// Growth series of Coxeter groups named by their type (phrase2): the
// number of elements of length n, read as the coefficients of a rational
// generating function written out here and handed to the series readers
// (gf.go, series.go), which check it as they check any.
//
//	Number of reduced words of length n in the Weyl group B_3.
//	    finite W: Product_i (1 - x^d_i)/(1 - x), d_i the degrees of W (a
//	    polynomial: its coefficients in a table, 0 past its degree)
//	Growth series for affine Coxeter group (or affine Weyl group) D_6.
//	    affine W~ (Bott): Product_i (1 - x^d_i)/((1 - x)(1 - x^(d_i - 1)))
//	Number of reduced words of length n in Coxeter group on 3 generators S_i
//	with relations (S_i)^2 = (S_i S_j)^29 = I.
//	    K generators, every m_ij = M >= 3: the finite parabolic subgroups are
//	    the empty one, K of order 2 and C(K,2) dihedral ones of order 2M,
//	    and 1/W(1/x) = Sum_T (-1)^|T| / W_T(x) (Steinberg) gives
//	    W(x) = (1+x)(1-x^M) / (1 + (1-K)x + (C-1)x^M + (K-1-C)x^(M+1)), C = C(K,2).

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	// "Number of reduced words of length n in the Weyl group B_3", "Growth
	// series for affine Coxeter group (or affine Weyl group) D_6",
	// "Poincaré series for the Weyl group E_8"
	rePh2Weyl = regexp.MustCompile(`^(?:Number of (?:reduced words|elements) of length n in |(?:Growth|Poincar[eé]) series for )(?:the )?(affine )?(?:Coxeter|Weyl) group(?: \(or (?:affine )?(?:Coxeter|Weyl) group\))? ([A-HI])_?\{?(\d+)\}?(?:\((\d+)\))?\s*\.?$`)
	// "Number of reduced words of length n in Coxeter group on 3 generators
	// S_i with relations (S_i)^2 = (S_i S_j)^29 = I."
	rePh2CoxAll = regexp.MustCompile(`^Number of reduced words of length n in (?:the )?Coxeter group on (\d+) generators S_i with relations \(S_i\)\^2 = \(S_i S_j\)\^(\d+) = I\s*\.?$`)
)

// coxeterDegrees are the degrees of the finite irreducible Coxeter group
// of type t and rank r (I_2(m): r = 2, m given), or false.
func coxeterDegrees(t string, r, m int) ([]int, bool) {
	var ds []int
	switch t {
	case "A":
		for d := 2; d <= r+1; d++ {
			ds = append(ds, d)
		}
	case "B", "C":
		for d := 1; d <= r; d++ {
			ds = append(ds, 2*d)
		}
	case "D":
		if r < 4 {
			return nil, false
		}
		for d := 1; d < r; d++ {
			ds = append(ds, 2*d)
		}
		ds = append(ds, r)
	case "E":
		ds = map[int][]int{6: {2, 5, 6, 8, 9, 12}, 7: {2, 6, 8, 10, 12, 14, 18}, 8: {2, 8, 12, 14, 18, 20, 24, 30}}[r]
	case "F":
		if r == 4 {
			ds = []int{2, 6, 8, 12}
		}
	case "G":
		if r == 2 {
			ds = []int{2, 6}
		}
	case "H":
		ds = map[int][]int{3: {2, 6, 10}, 4: {2, 12, 20, 30}}[r]
	case "I":
		if r == 2 && m >= 2 {
			ds = []int{2, m}
		}
	}
	return ds, len(ds) > 0 && (m == 0) == (t != "I")
}

// phrase2Coxeter reads s as a growth series above.
func (c *collector) phrase2Coxeter(s string) bool {
	var g string
	if m := rePh2Weyl.FindStringSubmatch(s); m != nil {
		r, err := strconv.Atoi(m[3])
		if err != nil || r < 1 || r > 40 {
			return true
		}
		mm := 0
		if m[4] != "" {
			if mm, err = strconv.Atoi(m[4]); err != nil || mm > 100 {
				return true
			}
		}
		ds, ok := coxeterDegrees(m[2], r, mm)
		if !ok {
			return true
		}
		affine := m[1] != ""
		if affine && m[2] == "I" || affine && m[2] == "H" {
			return true // not crystallographic: no affine Weyl group
		}
		// Product_i [d_i]_x, [d]_x = 1 + x + ... + x^(d-1)
		poly := []int64{1}
		for _, d := range ds {
			next := make([]int64, len(poly)+d-1)
			for i, a := range poly {
				for j := 0; j < d; j++ {
					next[i+j] += a
				}
			}
			poly = next
		}
		if !affine {
			// a finite group: the polynomial itself, 0 past its degree, in
			// a table where one fits the IR, else as Product_i (1 -
			// x^d_i)/(1-x)^r (gf.go: a recurrence whose first terms are
			// the numerator's, degree <= 30)
			if len(poly) > 64 || poly[len(poly)/2] > 1<<31-1 {
				return true
			}
			before := len(c.out)
			deg := int64(len(poly) - 1)
			c.add(s, &node{k: kTable, vals: append(poly, 0), kids: []*node{call("min", vr("n"), num(deg+1))}})
			if len(c.out) > before {
				return true
			}
			var num, den []string
			for _, d := range ds {
				num = append(num, fmt.Sprintf("(1-x^%d)", d))
				den = append(den, "(1-x)")
			}
			if c.expansion(s, strings.Join(num, "*")+"/("+strings.Join(den, "*")+")"); len(c.out) > before {
				return true
			}
			c.ph2Palindrome(s, poly)
			return true
		}
		var terms, den []string
		for i, a := range poly {
			terms = append(terms, fmt.Sprintf("%d*x^%d", a, i))
		}
		for _, d := range ds {
			den = append(den, fmt.Sprintf("(1-x^%d)", d-1))
		}
		g = "(" + strings.Join(terms, " + ") + ")/(" + strings.Join(den, "*") + ")"
	} else if m := rePh2CoxAll.FindStringSubmatch(s); m != nil {
		k, err1 := strconv.ParseInt(m[1], 10, 32)
		mm, err2 := strconv.ParseInt(m[2], 10, 32)
		if err1 != nil || err2 != nil || k < 3 || k > 1000 || mm < 3 || mm > 200 {
			return true // M = 2 or K = 2: a finite group, not this formula
		}
		cc := k * (k - 1) / 2
		g = fmt.Sprintf("(1+x)*(1-x^%d)/(1 + (%d)*x + (%d)*x^%d + (%d)*x^%d)", mm, 1-k, cc-1, mm, k-1-cc, mm+1)
	} else {
		return false
	}
	before := len(c.out)
	c.expansion(s, g)
	if len(c.out) == before {
		c.series("Expansion of " + g + ".")
	}
	return true
}

// ph2Palindrome adds a finite group's polynomial P of degree N past the
// reach of gf.go's numerators (degree <= 30): P is a palindrome, so a(n) =
// R(min(n, N-n)) for n <= N and 0 past N, R the recurrence of Q/(1-x)
// with Q = P*(1-x) cut at degree floor(N/2) (the cut changes no
// coefficient below it).
func (c *collector) ph2Palindrome(s string, poly []int64) {
	const r = 1
	nd := len(poly) - 1
	half := nd / 2
	if half > 30 {
		return
	}
	// Q = P*(1-x)^r, cut at half
	q := append([]int64(nil), poly...)
	for i := 0; i < r; i++ {
		for j := len(q) - 1; j >= 1; j-- {
			q[j] -= q[j-1]
		}
	}
	var terms, den []string
	for i := 0; i <= half && i < len(q); i++ {
		terms = append(terms, fmt.Sprintf("(%d)*x^%d", q[i], i))
	}
	for i := 0; i < r; i++ {
		den = append(den, "(1-x)")
	}
	toks := lex("(" + strings.Join(terms, " + ") + ")/(" + strings.Join(den, "*") + ")")
	x, end, ok := parseAt(toks, 0, "x")
	if !ok || toks[end].k != tEnd {
		return
	}
	rec, ok := gfRecurrence(x)
	if !ok {
		return
	}
	idx := call("max", num(0), call("min", vr("n"), sub(num(int64(nd)), vr("n"))))
	rec.kids[0] = idx
	inside := &node{k: kCmp, name: "<=", kids: []*node{vr("n"), num(int64(nd))}}
	c.add(s, bin(kAnd, inside, rec))
}
