package formula

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Infinite products written out with an ellipsis: "Expansion of
// x((1-x)(1-x^2)(1-x^4)(1-x^8)...)^2", "1/((1+x)(1+x^3)(1+x^5)...)". At
// least three binomials 1 ± x^e of one sign, then "...": their powers of x
// must run arithmetically (1, 3, 5: e = 1 + 2j) or geometrically (1, 2, 4,
// 8: e = 2^j), and the run is read as Product_{j>=0} (1 ± x^e(j)). The
// text is rewritten for the series parser only; a candidate's source
// stays the text's own span.

var (
	reEllipsisFactor = `\(\s*1\s*([+-])\s*X(?:\s*\^\s*(?:(\d+)|\((\d+)\)))?\s*\)`
	reEllipsisSep    = `\s*\*?\s*`
)

// ellipsisProducts rewrites each such run in g (variable xv).
func ellipsisProducts(g, xv string) string {
	if !strings.Contains(g, "..") && !strings.Contains(g, "…") {
		return g
	}
	f := strings.ReplaceAll(reEllipsisFactor, "X", regexp.QuoteMeta(xv))
	run := regexp.MustCompile(`(?:` + f + reEllipsisSep + `){3,}(?:\.{2,3}|…)`)
	one := regexp.MustCompile(f)
	v := ""
	for _, c := range []string{"j", "i", "m", "k"} {
		if !regexp.MustCompile(`\b` + c + `\b`).MatchString(g) {
			v = c
			break
		}
	}
	if v == "" {
		return g
	}
	return run.ReplaceAllStringFunc(g, func(s string) string {
		var sign string
		var es []int64
		for _, m := range one.FindAllStringSubmatch(s, -1) {
			if sign != "" && m[1] != sign {
				return s
			}
			sign = m[1]
			e := int64(1)
			if d := m[2] + m[3]; d != "" {
				var err error
				if e, err = strconv.ParseInt(d, 10, 32); err != nil || e < 1 {
					return s
				}
			}
			es = append(es, e)
		}
		arith, geom := true, es[0] > 0 && es[1]%es[0] == 0 && es[1]/es[0] >= 2
		for i := 2; i < len(es); i++ {
			arith = arith && es[i]-es[i-1] == es[1]-es[0]
			geom = geom && es[i] == es[i-1]*(es[1]/es[0])
		}
		switch {
		case arith && es[1] > es[0]:
			return fmt.Sprintf("Product_{%s>=0} (1%s%s^(%d+%d*%s))", v, sign, xv, es[0], es[1]-es[0], v)
		case geom:
			return fmt.Sprintf("Product_{%s>=0} (1%s%s^(%d*%d^%s))", v, sign, xv, es[0], es[1]/es[0], v)
		}
		return s
	})
}
