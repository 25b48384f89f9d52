package formula

// Requests over two to four operands as people write them (asked2_ops.go),
// read when operandCandidates reads nothing:
//
//   - operands left unnamed: "the larger of two numbers", "median of three
//     numbers" name them a, b, c (in the order the slots give them);
//     multi-letter names ("clamp x to the range [lo, hi]") become letters
//     of their own, in the order they appear;
//   - a list of operands: "max/min/median/sum/product of a, b and c",
//     "average of a and b, rounded down";
//   - "absolute difference of a and b", "distance between a and b";
//   - "x mod y, never negative": x mod |y|;
//   - "clamp x to [lo, hi]", "x clamped between lo and hi";
//   - characteristic functions: "1 if C, else 0", "is C? 1 or 0" for a
//     condition C: a chain of comparisons ("a <= b <= c", "a is less than
//     b"), "a is divisible by b", "a is a multiple of b", "a divides b",
//     "a and b are coprime", "a and b are equal", "a and b have the same
//     parity", "a is even";
//   - anything else after those namings and "X, rounded down" as floor(X):
//     operandCandidates' own reading.
//
// The operands are the text's one-letter words in the order they first
// appear; every reading is checked on operandsAgree's grid.

import (
	"regexp"
	"slices"
	"strings"
)

var (
	reOpTrail   = regexp.MustCompile(`\s*[?.!]+\s*$`)
	reOpLead    = regexp.MustCompile(`^(?:(?:what is|what's|compute|calculate|find|give me|give|return|get|output|pick|determine|evaluate|tell me)\s+)?(?:the\s+)?`)
	reOpNumbers = regexp.MustCompile(`\b(?:(?:the |of )?(two|2|three|3|four|4) (?:given )?(?:numbers|integers|values|ints)|a pair of (?:numbers|integers))\b`)
	reOpLetter  = regexp.MustCompile(`\b[a-z]\b`)
	reOpArticle = regexp.MustCompile(`\b(is|be|are) a (multiple|divisor|factor)\b`)
	reOpWordVar = regexp.MustCompile(`\b(?:lo|hi|low|high|lower|upper|min|max)\b`)
)

// operandForm is text in lower case without a leading "what is" / "the"
// or a closing "?", its unnamed operands named ("of two numbers": "of a
// and b") and multi-letter operand names made letters, or "" when its
// one-letter words are not arity operands.
func operandForm(text string, arity int) (string, []string) {
	s := strings.ToLower(reSpaces.ReplaceAllString(strings.TrimSpace(text), " "))
	s = reOpTrail.ReplaceAllString(s, "")
	s = reOpLead.ReplaceAllString(s, "")
	s = reOpArticle.ReplaceAllString(s, "$1 $2") // "x is a multiple of y": no operand a
	s = reOrdinal.ReplaceAllString(s, "$1-th")   // "a to the bth power"
	if reOpLetter.FindString(s) == "" || letterCount(s) < arity {
		if m := reOpNumbers.FindStringSubmatchIndex(s); m != nil && reOpLetter.FindString(s) == "" {
			k := map[string]int{"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}[s[m[2]:m[3]]]
			if k != arity {
				return "", nil
			}
			names := []string{"a and b", "a, b and c", "a, b, c and d"}[k-2]
			of := ""
			if strings.HasPrefix(s[m[0]:m[1]], "of ") {
				of = "of "
			}
			s = s[:m[0]] + of + names + s[m[1]:]
		} else if ws := reOpWordVar.FindAllString(s, -1); len(ws) > 0 && !slices.Contains(ws, "min") && !slices.Contains(ws, "max") {
			// "clamp x to the range [lo, hi]": each name a letter unused
			used := map[string]bool{}
			for _, l := range reOpLetter.FindAllString(s, -1) {
				used[l] = true
			}
			given := map[string]string{}
			s = reOpWordVar.ReplaceAllStringFunc(s, func(w string) string {
				if l, ok := given[w]; ok {
					return l
				}
				for _, c := range []string{w[:1], "l", "h", "u", "v", "w", "p", "q"} {
					if !used[c] {
						used[c], given[w] = true, c
						return c
					}
				}
				return w
			})
		}
	}
	var vars []string
	for _, l := range reOpLetter.FindAllString(s, -1) {
		if !slices.Contains(vars, l) {
			vars = append(vars, l)
		}
	}
	if len(vars) != arity {
		return "", nil
	}
	return s, vars
}

// letterCount is how many distinct one-letter words s has.
func letterCount(s string) int {
	seen := map[string]bool{}
	for _, l := range reOpLetter.FindAllString(s, -1) {
		seen[l] = true
	}
	return len(seen)
}

// askedOperands reads text over arity operands by the rules above.
func askedOperands(text string, arity int) []Candidate {
	s, vars := operandForm(text, arity)
	if s == "" {
		return nil
	}
	parse := func(f string) *node {
		toks := lex(f)
		x, end, ok := parseAt(toks, 0, vars...)
		if !ok || end >= len(toks) || toks[end].k != tEnd {
			return nil
		}
		return x
	}
	s = rewriteAll(s, operandWords)
	if x := asked3Value(s, parse); x != nil { // asked3_ops.go
		return operandCheck(text, x, vars)
	}
	if x := leadOpsValue(s, parse); x != nil { // lead_ops.go
		return operandCheck(text, x, vars)
	}
	if x := operandValue(s, parse); x != nil {
		return operandCheck(text, x, vars)
	}
	if cond, ok := charFrame(s); ok {
		p := asked3Cond(cond, parse) // asked3_ops.go
		if p == nil {
			p = leadOpsCond(cond, parse) // lead_ops.go
		}
		if p == nil {
			p = operandCond(cond, parse)
		}
		if p != nil {
			return operandCheck(text, and(p, num(1)), vars)
		}
		return nil
	}
	if rw := roundedWords(s); rw != strings.ToLower(strings.TrimSpace(text)) {
		cs := operandCandidates(rw, arity)
		for i := range cs {
			cs[i].Source = strings.TrimSpace(text)
		}
		return cs
	}
	return nil
}

// operandWords: how people write what operandCandidates reads otherwise.
var operandWords = []rewrite{
	{regexp.MustCompile(`\*\*`), "^"},
	{regexp.MustCompile(`^raise ([a-z]) to the ([a-z])(?:th| th)?(?: power)?$`), "$1^$2"},
	{regexp.MustCompile(`\bto the ([a-z])(?:th|-th| th) power\b`), "^ $1"},
	{regexp.MustCompile(`^which (?:one )?is (bigger|larger|greater|smaller|lesser|less)(?:,|:)? ((?:[a-z], )*[a-z],? or [a-z])$`), "$1 of $2"},
	{regexp.MustCompile(`^which (?:one )?is (biggest|largest|greatest|smallest|least)(?:,|:)? ((?:[a-z], )*[a-z],? or [a-z])$`), "$1 of $2"},
	{regexp.MustCompile(`^(?:the )?(gcd|lcm|greatest common divisor|highest common factor|greatest common factor|least common multiple|lowest common multiple) (?:of )?([a-z]),? (?:and |with |& )?([a-z])$`), "$1 of $2 and $3"},
	// ("and" only after "between" and a noun: "sum of a and b" is a + b)
	{regexp.MustCompile(`^(?:sum|add up|total|add)(?: of)?(?: all| every)?(?: the)? (?:integers?|numbers?|whole numbers?)?(?: in the range| in)? ?(?:from )?([a-z]) (?:to|through|\.\.)(?: ([a-z]))? ?(?:inclusive)?$`), "sum from $1 to $2"},
	{regexp.MustCompile(`^(?:sum|add up|total|add)(?: of)?(?: all| every)?(?: the)? (?:integers|numbers|whole numbers)(?: in the range)? between ([a-z]) and ([a-z]),? ?(?:inclusive|both included)$`), "sum from $1 to $2"},
}

var (
	// a list of operands: "a and b", "a, b and c", "a, b, and c", "a, b",
	// "a or b"
	opList = `((?:[a-z], )*[a-z](?:,? (?:and|or) |, )[a-z])`
	// "max of a, b and c" and the like
	reOpOfList  = regexp.MustCompile(`^(larger|largest|greater|greatest|bigger|biggest|maximum|max|smaller|smallest|lesser|least|minimum|min|median|middle|sum|total|product|average|mean|arithmetic mean)(?: number| value| one)? (?:of|between|among) ` + opList + `(?:,? rounded (down|up)(?: to (?:an |the nearest )?integer)?)?$`)
	reOpAbsDiff = regexp.MustCompile(`^(?:(?:absolute|positive) difference|distance) (?:of|between) ([a-z]) and ([a-z])$`)
	reOpModPos  = regexp.MustCompile(`^([a-z]) (?:mod|modulo) ([a-z]),? (?:never negative|always non-?negative|non-?negative|(?:as|made) non-?negative|\(?non-?negative\)?)$`)
	reOpClamp   = regexp.MustCompile(`^(?:clamp|clip|restrict|limit|bound) ([a-z]) (?:to|into|between|within|in) (?:the (?:range|interval) )?\[?([a-z])(?:,| and| to|\.\.) ?([a-z])\]?$|^([a-z]) clamped (?:to|between|into) \[?([a-z])(?:,| and| to|\.\.) ?([a-z])\]?$`)
)

// operandValue reads s as one of the value phrases above, or nil.
func operandValue(s string, parse func(string) *node) *node {
	if m := reOpOfList.FindStringSubmatch(s); m != nil {
		xs := reOpLetter.FindAllString(m[2], -1)
		list := strings.Join(xs, ", ")
		sum := strings.Join(xs, " + ")
		switch m[1] {
		case "larger", "largest", "greater", "greatest", "bigger", "biggest", "maximum", "max":
			return roundedNone(m[3], parse("max("+list+")"))
		case "smaller", "smallest", "lesser", "least", "minimum", "min":
			return roundedNone(m[3], parse("min("+list+")"))
		case "median", "middle":
			if len(xs) != 3 {
				return nil
			}
			return roundedNone(m[3], parse(sum+" - max("+list+") - min("+list+")"))
		case "sum", "total":
			return roundedNone(m[3], parse(sum))
		case "product":
			return roundedNone(m[3], parse(strings.Join(xs, " * ")))
		default: // the average: an integer only when rounded
			f := "(" + sum + ")/" + string(rune('0'+len(xs)))
			switch m[3] {
			case "down":
				return parse("floor(" + f + ")")
			case "up":
				return parse("ceiling(" + f + ")")
			}
			return parse(f) // no reading where it is no integer (operandsAgree)
		}
	}
	if m := reOpAbsDiff.FindStringSubmatch(s); m != nil {
		return parse("abs(" + m[1] + " - " + m[2] + ")")
	}
	if m := reOpModPos.FindStringSubmatch(s); m != nil {
		return parse(m[1] + " mod abs(" + m[2] + ")")
	}
	if m := reOpClamp.FindStringSubmatch(s); m != nil {
		x, lo, hi := m[1]+m[4], m[2]+m[5], m[3]+m[6]
		return parse("min(max(" + x + ", " + lo + "), " + hi + ")")
	}
	return nil
}

// roundedNone is x when no rounding was asked of it (an integer already).
func roundedNone(rounded string, x *node) *node {
	if rounded != "" {
		return nil
	}
	return x
}

var (
	reCharIf  = regexp.MustCompile(`^(?:return |output |give )?1 if (.+?),? (?:(?:and |or )?(?:else|otherwise) 0|0 otherwise|and 0 if not|(?:and |or |else |otherwise )?0 if not|(?:and |or |else |otherwise )?0 if (?:it is |they are )?(?:not|false))$`)
	reCharQ   = regexp.MustCompile(`^(is|are|does|do) (.+?)\??,? (?:\((?:1 or 0|0 or 1|1/0|0/1)\)|1 or 0|0 or 1|1/0|0/1|1 if (?:yes|so|true),? (?:(?:and |else |otherwise |or )?0(?: if (?:no|not|false))?|0 otherwise))$`)
	reCharQIs = regexp.MustCompile(`^([a-z]) (.+)$`)
)

// charFrame is the condition of a characteristic function ("1 if C,
// else 0", "is C? 1 or 0") as a statement ("a is divisible by b", "a
// and b are coprime", "a divides b").
func charFrame(s string) (string, bool) {
	if m := reCharIf.FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	m := reCharQ.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	switch body := m[2]; m[1] {
	case "is":
		if q := reCharQIs.FindStringSubmatch(body); q != nil {
			return q[1] + " is " + q[2], true // "is a divisible by b"
		}
	case "are":
		if i := strings.LastIndex(body, " "); i > 0 {
			return body[:i] + " are " + body[i+1:], true // "are a and b coprime"
		}
	case "does", "do":
		if q := regexp.MustCompile(`^([a-z]) divide (.+)$`).FindStringSubmatch(body); q != nil {
			return q[1] + " divides " + q[2], true
		}
	}
	return "", false
}

var (
	reCondDivBy  = regexp.MustCompile(`^(.+?) is (?:exactly |evenly )?(?:divisible by|multiple of) (.+)$`)
	reCondDivs   = regexp.MustCompile(`^(.+?) (?:divides|evenly divides|is divisor of|is factor of) (.+)$`)
	reCondCopr   = regexp.MustCompile(`^([a-z]) and ([a-z]) are (?:coprime|co-prime|relatively prime)$|^([a-z]) is (?:coprime|co-prime|relatively prime) (?:to|with) ([a-z])$`)
	reCondEqual  = regexp.MustCompile(`^([a-z]) and ([a-z]) are (?:equal|the same)$|^([a-z]) (?:equals|is equal to) ([a-z])$`)
	reCondParity = regexp.MustCompile(`^([a-z]) and ([a-z]) have the same parity$`)
	reCondEven   = regexp.MustCompile(`^(.+?) is (even|odd)$`)
	reCondCmp    = regexp.MustCompile(`\s*(<=|>=|!=|=|<|>)\s*`)
)

// operandCond reads a condition on the operands as a node (1 or 0), or
// nil.
func operandCond(s string, parse func(string) *node) *node {
	divides := func(a, b string) *node { // b divides a
		x, y := parse(a), parse(b)
		if x == nil || y == nil {
			return nil
		}
		return eq(bin(kMod, x, y), num(0))
	}
	if m := reCondCopr.FindStringSubmatch(s); m != nil {
		x := parse("gcd(" + m[1] + m[3] + ", " + m[2] + m[4] + ")")
		if x == nil {
			return nil
		}
		return eq(x, num(1))
	}
	if m := reCondEqual.FindStringSubmatch(s); m != nil {
		return eq(vr(m[1]+m[3]), vr(m[2]+m[4]))
	}
	if m := reCondParity.FindStringSubmatch(s); m != nil {
		return eq(bin(kMod, bin(kSub, vr(m[1]), vr(m[2])), num(2)), num(0))
	}
	if m := reCondDivBy.FindStringSubmatch(s); m != nil {
		return divides(m[1], m[2])
	}
	if m := reCondDivs.FindStringSubmatch(s); m != nil {
		return divides(m[2], m[1])
	}
	if m := reCondEven.FindStringSubmatch(s); m != nil {
		x := parse(m[1])
		if x == nil {
			return nil
		}
		return eq(bin(kMod, x, num(2)), num(map[string]int64{"even": 0, "odd": 1}[m[2]]))
	}
	// a chain of comparisons: "a <= b <= c", "a is less than b"
	c := strings.ReplaceAll(comparatives(s), " is ", " ")
	locs := reCondCmp.FindAllStringSubmatchIndex(c, -1)
	if len(locs) == 0 {
		return nil
	}
	var p *node
	prev, at := "", 0
	for i := 0; i <= len(locs); i++ {
		end := len(c)
		if i < len(locs) {
			end = locs[i][0]
		}
		side := c[at:end]
		if i > 0 {
			l, r := parse(prev), parse(side)
			if l == nil || r == nil {
				return nil
			}
			op := c[locs[i-1][2]:locs[i-1][3]]
			p = and(p, &node{k: kCmp, name: op, kids: []*node{l, r}})
		}
		if i < len(locs) {
			prev, at = side, locs[i][1]
		}
	}
	return p
}
