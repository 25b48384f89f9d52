package formula

// Cases named by the form of n whose values use the form's letter
// (cond2_forms.go):
//
//	If n is of the form 3k, then a(n) = n, and if n is of the form 3k+r, with r = 1 or 2, then a(n) = 5*k + 3 + r.
//	a(n) = 2k+1 if n = 4k; if n = 4k+1, 2, 3 ...
//
// Each clause "if n is of the form c*k + d (or n = c*k + d), then a(n) =
// E" (E over n and k; "with r = 1 or 2" gives one clause per value of a
// letter r in the form and in E) is the case n == d (mod c), E at k = (n
// - d)/c. The clauses must share c and cover each residue mod c once, as
// residueCases requires of "a(3n+1) = ...".

import (
	"regexp"
	"strings"
)

var reCond2FormClause = regexp.MustCompile(`^(?i:if|when|for) n (?:is of the form|is|=) ([^,]+?)(?:,? with ([a-z]) = (\d+(?: or \d+| and \d+|, \d+)*))?,? (?:then )?a\(n\) = (.+?)\.?$`)

// formCases reads text's clauses as cases by residue.
func (c *collector) formCases(text string) {
	s := condSentence(text)
	if !strings.Contains(strings.ToLower(s), "if n ") {
		return
	}
	parts := splitTop(s, []string{", and if ", "; and if ", "; if ", ", if ", " and if "})
	for i := 1; i < len(parts); i++ {
		parts[i] = "if " + parts[i]
	}
	var mod int64
	byRes := map[int64]*node{}
	for _, p := range parts {
		m := reCond2FormClause.FindStringSubmatch(strings.TrimSpace(p))
		if m == nil {
			return
		}
		vals := []string{""}
		if m[2] != "" {
			vals = regexp.MustCompile(`\d+`).FindAllString(m[3], -1)
		}
		for _, v := range vals {
			form, body := m[1], m[4]
			if m[2] != "" {
				form = replaceWord(form, m[2], "("+v+")")
				body = replaceWord(body, m[2], "("+v+")")
			}
			k, d, letter, ok := cond2Line(form)
			if !ok || d < 0 || d >= k || mod != 0 && k != mod {
				return
			}
			mod = k
			e, ok := parseWhole(body, []string{"n", letter})
			if !ok {
				return
			}
			if _, dup := byRes[d]; dup {
				return
			}
			// the letter is (n - d)/k, exact where n == d (mod k)
			byRes[d] = substitute(e, letter, bin(kDiv, sub(vr("n"), num(d)), num(k)))
		}
	}
	if mod < 2 || int64(len(byRes)) != mod {
		return
	}
	c.add(s, byResidue(mod, func(r int64) *node { return byRes[r] }))
}

// cond2Line reads a form c*L + d in one letter L (c in 2..12).
func cond2Line(form string) (c, d int64, letter string, ok bool) {
	for _, l := range []string{"k", "m", "j", "i", "t", "u"} {
		e, ok := parseIn(strings.TrimSpace(form), l)
		if !ok {
			continue
		}
		c, d, ok := lineOf(rename(e, l, "x_"))
		if !ok || c < 2 || c > 12 {
			return 0, 0, "", false
		}
		return c, d, l, true
	}
	return 0, 0, "", false
}

// replaceWord replaces the one-letter word w in s (not inside longer words).
func replaceWord(s, w, by string) string {
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`)
	return re.ReplaceAllString(s, by)
}
