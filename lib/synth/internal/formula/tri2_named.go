package formula

// Triangles of Stirling numbers named in words: "Triangle of Stirling
// numbers of 2nd kind, S(n,k), n >= 0, 0 <= k <= n", "Triangle read by
// rows: unsigned Stirling numbers of the first kind". Each is read as the
// recurrence that defines it, T(r0,r0) = 1 and 0 outside the triangle
// (memrec_tri.go): second kind T(n,k) = k*T(n-1,k) + T(n-1,k-1), first
// kind unsigned (n-1)*T(n-1,k) + T(n-1,k-1), signed T(n-1,k-1) -
// (n-1)*T(n-1,k). Where the text does not say, rows and columns start at 0
// or at 1, and numbers of the first kind are signed or not: each is a
// reading, and they differ within the first rows.

import (
	"fmt"
	"regexp"
	"strings"
)

var reStirling = regexp.MustCompile(`(?i)^(?:(?:triangle|triangular array)(?:,? read by rows)?(?:,? of|:|,)? )?(?:the )?(unsigned |signed )?stirling numbers of (?:the )?(1st|first|2nd|second) kind(?:,? (?:[a-z]\d?|S\d?)\(n, ?k\))?(?:,? (?:for )?(?:n >= (\d),? )?(?:and )?(\d) <= k <= n)?(?:,? read by rows)?\.?$`)

// stirlingTables reads the texts above.
func (c *collector) stirlingTables(text string) {
	m := reStirling.FindStringSubmatch(firstSentence(text))
	if m == nil || !reTriangle.MatchString(text) {
		return
	}
	starts := []string{"0", "1"}
	switch {
	case m[4] != "" && m[3] != "" && m[3] != m[4]:
		return // rows and columns start apart: not these triangles
	case m[4] == "0" || m[4] == "1":
		starts = []string{m[4]}
	case m[4] != "":
		return
	}
	var recs []string
	switch second := strings.HasPrefix(strings.ToLower(m[2]), "2") || strings.EqualFold(m[2], "second"); {
	case second && m[1] == "":
		recs = []string{"k*T(n-1,k) + T(n-1,k-1)"}
	case second:
		return // "signed" numbers of the second kind: no such thing
	case strings.EqualFold(m[1], "unsigned "):
		recs = []string{"(n-1)*T(n-1,k) + T(n-1,k-1)"}
	case strings.EqualFold(m[1], "signed "):
		recs = []string{"T(n-1,k-1) - (n-1)*T(n-1,k)"}
	default:
		recs = []string{"T(n-1,k-1) - (n-1)*T(n-1,k)", "(n-1)*T(n-1,k) + T(n-1,k-1)"}
	}
	for _, s := range starts {
		for _, rec := range recs {
			rw := fmt.Sprintf("Triangle read by rows: T(%s,%s) = 1; T(n,k) = %s; T(n,k) = 0 for n or k < 0.", s, s, rec)
			c.triRecurrences(rw, lex(rw))
		}
	}
}
