package formula

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Partitions and compositions named in English (parts.go counts them):
// "Number of partitions of n into distinct odd parts.", "Number of
// partitions of 4n into at most 4 parts.", "Number of partitions of n into
// parts 5k+1 or 5k+4.", "Number of compositions (ordered partitions) of n
// into Pell numbers (A000129).", "Number of ways to write n as a sum of
// distinct squares.", "... where every part appears at least 2 times". The
// whole first sentence must be read; a word not understood gives nothing.
// Where the words leave a convention open (zero among "2 squares", an
// ordered or unordered "sum of"), each reading is offered only when the
// readings differ within the first terms (n <= 9), where the examples
// tell them apart.

var (
	// "Number of (strict) partitions of ARG (into SPEC) (TAIL)"
	rePartsOf = regexp.MustCompile(`^(?i:number) of (integer |unrestricted |strict |ordered )?(partitions|compositions|ordered partitions|overpartitions) of (.+?)(?: into (.+?))?(?:,? ((?:where|in which|such that|with|having|that|which|each|whose|all of whose|using) .+))?$`)
	// "Number of ways to write ARG as a sum of SPEC", "Number of ways to partition ARG into SPEC"
	reWaysOf = regexp.MustCompile(`^(?i:number) of (?:ways (?:to|of) (?:write|writing|express|expressing|partition|partitioning|represent|representing)|representations of|decompositions of) (.+?) (?:into|as (?:an? |the )?(ordered |unordered )?sums? of) (.+?)(?:,? ((?:where|in which|such that|with|having|that|which|each|whose|all of whose|using) .+))?$`)
	// references the reading does not need: "(A000129)", ", cf. A001047", "(ordered partitions)"
	reRefs  = regexp.MustCompile(`\s*\((?:A\d{6}|ordered partitions|or ordered partitions)\)|\s*\.$`)
	reCfRef = regexp.MustCompile(`,?\s*(?:cf\.|see) A\d{6}`)
	// "every part appears at least 2 times", "no part appears more than twice"
	reAtLeastTimes = regexp.MustCompile(`^(?:every|each) part (?:appears|occurs|is used|is repeated) at least (\w+) times$`)
	reAtMostTimes  = regexp.MustCompile(`^(?:(?:every|each) part (?:appears|occurs|is used) at most|no part (?:appears|occurs|is used) more than) (\w+)(?: times)?$`)
	// "at most 4 ", "exactly 3 ", "3 "
	rePartsCount = regexp.MustCompile(`^(?:(at most|exactly|at least) )?(\w+) (.+)$`)
	// "a(n) = number of ...", "a(n) is the number of ...", "The number of ..."
	rePartsLead = regexp.MustCompile(`^(?:a\(n\) (?:=|is) (?:the )?|(?i:the) )(?i:(number of .+))$`)
	// "Number of ways of making change for n cents using coins of 1, 2, 5, 10 cents"
	reChange = regexp.MustCompile(`^(?i:number) of ways (?:of making|to make) change for (.+?) (?:cents? )?using coins (?:of|in) (?:denominations? )?(.+?)(?: cents?)?$`)
	// "an unordered sum of ...", "a sum of ..."
	reSumOf = regexp.MustCompile(`^(?:an? |the )?(ordered |unordered )?sums? of (.+)$`)
	// "a prime and a positive square"
	rePairOf = regexp.MustCompile(`^an? (.+?) and an? (.+)$`)
	// "3-smooth numbers"
	reSmooth = regexp.MustCompile(`^(\d+)-smooth (?:numbers|parts)$`)
	// "an even number of parts"
	reParity     = regexp.MustCompile(`^an? (even|odd) number of (.+)$`)
	rePartsKinds = regexp.MustCompile(`^(.+?) (?:of|in) (\w+) (?:different )?(?:kinds|colors|colours|types)$`)
	reBounds     = regexp.MustCompile(`^(>=|≥|>|<=|≤|<|greater than or equal to|greater than|larger than|at least|less than or equal to|less than|smaller than|at most|not exceeding|not greater than) (\d+)$`)
	rePartList   = regexp.MustCompile(`^(?:(?:in|from) (?:the set )?|of sizes? )?\{?(\d+(?:\s*,\s*\d+)*)(?:,? (?:and|or) (\d+))?\}?$`)
	reDivisibleP = regexp.MustCompile(`^(not )?divisible by (\d+)$`)
	rePowersOf   = regexp.MustCompile(`^(?:positive |nonnegative )?powers of (\d+)$`)
	reFormParts  = regexp.MustCompile(`^(?:of the form |of form )?(.+?)$`)
)

// partNouns: the sets named by a plural noun ("squares"), and whether
// the noun's sequence starts at 0 (then "into 2 squares" may allow 0).
var partNouns = map[string]func() (partSet, bool){
	"parts":                       func() (partSet, bool) { return partSet{name: "all"}, false },
	"positive parts":              func() (partSet, bool) { return partSet{name: "all"}, false },
	"positive integers":           func() (partSet, bool) { return partSet{name: "all"}, false },
	"integers":                    func() (partSet, bool) { return partSet{name: "all"}, false },
	"natural numbers":             func() (partSet, bool) { return partSet{name: "all"}, false },
	"positive summands":           func() (partSet, bool) { return partSet{name: "all"}, false },
	"summands":                    func() (partSet, bool) { return partSet{name: "all"}, false },
	"squares":                     func() (partSet, bool) { return formSet("k^2", 1, "squares"), true },
	"positive squares":            func() (partSet, bool) { return formSet("k^2", 1, "squares"), false },
	"nonzero squares":             func() (partSet, bool) { return formSet("k^2", 1, "squares"), false },
	"odd squares":                 func() (partSet, bool) { return formSet("(2*k+1)^2", 0, "odd squares"), false },
	"cubes":                       func() (partSet, bool) { return formSet("k^3", 1, "cubes"), true },
	"positive cubes":              func() (partSet, bool) { return formSet("k^3", 1, "cubes"), false },
	"fourth powers":               func() (partSet, bool) { return formSet("k^4", 1, "fourth powers"), true },
	"triangular numbers":          func() (partSet, bool) { return formSet("k*(k+1)/2", 1, "triangular"), true },
	"positive triangular numbers": func() (partSet, bool) { return formSet("k*(k+1)/2", 1, "triangular"), false },
	"tetrahedral numbers":         func() (partSet, bool) { return formSet("k*(k+1)*(k+2)/6", 1, "tetrahedral"), true },
	"pentagonal numbers":          func() (partSet, bool) { return formSet("k*(3*k-1)/2", 1, "pentagonal"), true },
	"factorials":                  func() (partSet, bool) { return formSet("k!", 1, "factorials"), false },
	"primes":                      func() (partSet, bool) { return predSet(un(kIsPrime, vr("x_")), "primes"), false },
	"prime numbers":               func() (partSet, bool) { return predSet(un(kIsPrime, vr("x_")), "primes"), false },
	"odd primes": func() (partSet, bool) {
		return predSet(and(gt(vr("x_"), num(2)), un(kIsPrime, vr("x_"))), "odd primes"), false
	},
	"prime powers": func() (partSet, bool) {
		s := predSet(primePowerOf(vr("x_")), "prime powers")
		with1 := predSet(or(eq(vr("x_"), num(1)), primePowerOf(vr("x_"))), "prime powers and 1")
		s.alt = &with1
		return s, false
	},
	"composite numbers":  func() (partSet, bool) { return predSet(compositeOf(vr("x_")), "composites"), false },
	"composites":         func() (partSet, bool) { return predSet(compositeOf(vr("x_")), "composites"), false },
	"squarefree numbers": func() (partSet, bool) { return predSet(property("squarefree"), "squarefree"), false },
	"odd numbers":        func() (partSet, bool) { return predSet(property("odd"), "odd"), false },
	"odd integers":       func() (partSet, bool) { return predSet(property("odd"), "odd"), false },
	"even numbers":       func() (partSet, bool) { return predSet(property("even"), "even"), false },
	"even integers":      func() (partSet, bool) { return predSet(property("even"), "even"), false },
	"nonsquares":         func() (partSet, bool) { return predSet(not(squareOf(vr("x_"))), "nonsquares"), false },
	"non-squares":        func() (partSet, bool) { return predSet(not(squareOf(vr("x_"))), "nonsquares"), false },
	"non-triangular numbers": func() (partSet, bool) {
		return predSet(not(squareOf(add(mul(num(8), vr("x_")), num(1)))), "nontriangular"), false
	},
	"nontriangular numbers": func() (partSet, bool) {
		return predSet(not(squareOf(add(mul(num(8), vr("x_")), num(1)))), "nontriangular"), false
	},
	"fibonacci numbers":  func() (partSet, bool) { return partSet{rec: []int64{1, 2, 1, 1}, name: "fibonacci"}, true },
	"pell numbers":       func() (partSet, bool) { return partSet{rec: []int64{1, 2, 2, 1}, name: "pell"}, true },
	"jacobsthal numbers": func() (partSet, bool) { return partSet{rec: []int64{1, 3, 1, 2}, name: "jacobsthal"}, true },
	"repunits":           func() (partSet, bool) { return formSet("(10^k-1)/9", 1, "repunits"), false },
	"hexagonal numbers":  func() (partSet, bool) { return formSet("k*(2*k-1)", 1, "hexagonal"), true },
	"even squares":       func() (partSet, bool) { return formSet("(2*k)^2", 1, "even squares"), false },
	"semiprimes":         func() (partSet, bool) { return predSet(eq(call("bigomega", vr("x_")), num(2)), "semiprimes"), false },
	"squares of primes": func() (partSet, bool) {
		return predSet(and(squareOf(vr("x_")), un(kIsPrime, call("isqrt", vr("x_")))), "prime squares"), false
	},
	"prime squares": func() (partSet, bool) {
		return predSet(and(squareOf(vr("x_")), un(kIsPrime, call("isqrt", vr("x_")))), "prime squares"), false
	},
}

// partAdjectives: "odd parts", "prime parts", "square parts".
var partAdjectives = map[string]func() *node{
	"square":     func() *node { return squareOf(vr("x_")) },
	"triangular": func() *node { return squareOf(add(mul(num(8), vr("x_")), num(1))) },
	"positive":   func() *node { return nil },
}

func formSet(f string, from int64, name string) partSet {
	x, ok := parseIn(f, "k")
	if !ok {
		panic("parts: bad form " + f)
	}
	return partSet{form: x, from: from, name: name}
}

func predSet(pred *node, name string) partSet { return partSet{pred: pred, name: name} }

// partSpec is what "into SPEC" says.
type partSpec struct {
	set      partSet
	count    int64 // 0: any number of parts
	atMost   bool
	distinct bool
	kinds    int64
	zero     bool  // the noun's sequence starts at 0: a fixed count may include zeros
	parity   int64 // an odd (1) or even (2) number of parts
	counted  *node // the number of parts counts only these (over x_)
	atLeast  bool  // count: at least that many parts
}

var (
	// "largest part at most 5", "greatest part 4", "smallest part at least 2"
	reExtremePart = regexp.MustCompile(`^(?:the )?(largest|greatest|biggest|maximal|smallest|least|minimal) parts? (?:is |being )?(at most|<=|≤|not exceeding|less than|<|at least|>=|≥|greater than|>|equal to|=|exactly)? ?(\d+)$`)
	// "no part 1", "no parts equal to 2", "no 1's", "no ones", "no part larger than 5"
	reNoPart = regexp.MustCompile(`^no (?:parts? (?:equal to |of size )?(\d+)|(\d+)'?s|ones|parts? (larger than|greater than|exceeding|bigger than|smaller than|less than) (\d+)|parts? (?:divisible by|a multiple of) (\d+)|(\w+) parts?)$`)
	// "all parts odd", "only odd parts", "all parts are <= 5", "parts in {1, 2, 5}"
	reAllParts = regexp.MustCompile(`^(?:(?:all (?:of )?(?:the |whose )?)?parts (?:are (?:all )?|being )?|(?:all|only) (\w+) parts$|only parts )(.*)$`)
	// "at most one odd part", "exactly 2 even parts", "3 odd parts"
	reCountedParts = regexp.MustCompile(`^(?:(at most|exactly|at least) )?(\w+) (\w+) parts?$`)
	// "exactly 3 parts", "at most 4 parts", "an even number of parts"
	reCountParts = regexp.MustCompile(`^(?:(at most|exactly|at least) )?(\w+) parts?$`)
	reTailLead   = regexp.MustCompile(`^(?:with|where|in which|such that|having|whose|that|which|using) `)
	// "that do not contain 1 as a part", "not containing 1 as a part"
	reNoContain = regexp.MustCompile(`^(?:(?:do|does) not|don't|doesn't|not) contain(?:ing)? (\d+) as a part$`)
	// "each part is at most 3", "each at most 7", "every part odd"
	reEachPart = regexp.MustCompile(`^(?:each|every) (?:part )?(?:is )?(.+)$`)
	// "1's and 2's", "1s, 2s and 3s"
	reDigitParts = regexp.MustCompile(`^(\d+)'?s((?:(?:,|,? and|,? or) \d+'?s)+)$`)
)

// readTail reads the clauses after "with", "where", ...: multiplicities,
// bounds on the parts, a count of parts (of a kind), joined by "and".
func (sp *partSpec) readTail(tl string, lo, hi, shiftBy *int64) bool {
	if sp.tailClause(tl, lo, hi, shiftBy) {
		return true
	}
	cs := splitTop(tl, []string{", and ", " and "})
	if len(cs) < 2 {
		return false
	}
	for _, c := range cs {
		if !sp.tailClause(reTailLead.ReplaceAllString(strings.TrimSpace(c), ""), lo, hi, shiftBy) {
			return false
		}
	}
	return true
}

// keepAlso narrows the part set to the x_ where q holds.
func (sp *partSpec) keepAlso(q *node) {
	sp.set.keep = and(sp.set.keep, q)
	sp.set.alt = nil
}

func (sp *partSpec) tailClause(c string, lo, hi, shiftBy *int64) bool {
	c = strings.TrimSpace(c)
	if *shiftBy != 0 {
		return false // "largest part 4" ends the clauses: what follows would have to apply to it as well
	}
	if m := reAtLeastTimes.FindStringSubmatch(c); m != nil {
		v, ok := timesWord(m[1])
		if !ok || v < 2 || sp.distinct || *lo != 1 {
			return false
		}
		*lo = v
		return true
	}
	if m := reAtMostTimes.FindStringSubmatch(c); m != nil {
		v, ok := timesWord(m[1])
		if !ok || v < 1 || sp.distinct || *hi != 0 {
			return false
		}
		*hi = v
		return true
	}
	if m := reNoContain.FindStringSubmatch(c); m != nil {
		v, _ := strconv.ParseInt(m[1], 10, 32)
		sp.keepAlso(&node{k: kCmp, name: "!=", kids: []*node{vr("x_"), num(v)}})
		return true
	}
	if m := reEachPart.FindStringSubmatch(c); m != nil || strings.HasPrefix(c, "are ") {
		if m == nil { // "(parts) that are at most 4"
			m = []string{c, strings.TrimPrefix(c, "are ")}
		}
		q, form, ok := partQualifier(m[1])
		if !ok || form != nil {
			if q = partAdjective(m[1]); q == nil {
				return false
			}
		}
		sp.keepAlso(q)
		return true
	}
	if m := reExtremePart.FindStringSubmatch(c); m != nil {
		v, _ := strconv.ParseInt(m[3], 10, 32)
		largest := m[1] != "smallest" && m[1] != "least" && m[1] != "minimal"
		op := map[string]string{"at most": "<=", "<=": "<=", "≤": "<=", "not exceeding": "<=", "less than": "<", "<": "<",
			"at least": ">=", ">=": ">=", "≥": ">=", "greater than": ">", ">": ">", "equal to": "=", "=": "=", "exactly": "=", "": "="}[m[2]]
		switch {
		case op == "=":
			// the largest (smallest) part is v: v once, the rest below (above) it
			if *shiftBy != 0 || v < 1 || sp.count > 0 || sp.parity > 0 || sp.counted != nil || sp.kinds > 1 || *lo != 1 || *hi > 1 {
				return false
			}
			if ks, ok := sp.set.members(v); !ok || !slices.Contains(ks, v) {
				return false
			}
			cmp := "<="
			if !largest {
				cmp = ">="
			}
			if sp.distinct {
				cmp = cmp[:1]
			}
			*shiftBy = v
			sp.keepAlso(&node{k: kCmp, name: cmp, kids: []*node{vr("x_"), num(v)}})
			return true
		case largest == (op[0] == '<'):
			sp.keepAlso(&node{k: kCmp, name: op, kids: []*node{vr("x_"), num(v)}})
			return true
		}
		return false // "largest part at least 3": not a bound on every part
	}
	if m := reNoPart.FindStringSubmatch(c); m != nil {
		var q *node
		switch {
		case m[1] != "" || m[2] != "":
			v, _ := strconv.ParseInt(m[1]+m[2], 10, 32)
			q = &node{k: kCmp, name: "!=", kids: []*node{vr("x_"), num(v)}}
		case m[0] == "no ones":
			q = &node{k: kCmp, name: "!=", kids: []*node{vr("x_"), num(1)}}
		case m[3] != "":
			v, _ := strconv.ParseInt(m[4], 10, 32)
			op := "<="
			if m[3] == "smaller than" || m[3] == "less than" {
				op = ">="
			}
			q = &node{k: kCmp, name: op, kids: []*node{vr("x_"), num(v)}}
		case m[5] != "":
			d, _ := strconv.ParseInt(m[5], 10, 32)
			if d < 2 {
				return false
			}
			q = not(eq(bin(kMod, vr("x_"), num(d)), num(0)))
		default:
			a := partAdjective(m[6])
			if a == nil {
				return false
			}
			q = not(a)
		}
		sp.keepAlso(q)
		return true
	}
	if m := reAllParts.FindStringSubmatch(c); m != nil {
		var q *node
		if m[1] != "" {
			q = partAdjective(m[1])
		} else {
			var form *node
			var ok bool
			if q, form, ok = partQualifier(m[2]); !ok || form != nil {
				q = nil
			}
			if q == nil {
				q = partAdjective(m[2])
			}
		}
		if q == nil {
			return false
		}
		sp.keepAlso(q)
		return true
	}
	if m := reParity.FindStringSubmatch(c); m != nil && (m[2] == "parts" || m[2] == "part") {
		if sp.count > 0 || sp.parity > 0 || sp.counted != nil {
			return false
		}
		sp.parity = 2
		if m[1] == "odd" {
			sp.parity = 1
		}
		return true
	}
	if m := reCountParts.FindStringSubmatch(c); m != nil {
		k, ok := countWord(m[2])
		if !ok || k < 1 || k > maxPartsCap || sp.count > 0 || sp.parity > 0 || sp.counted != nil {
			return false
		}
		sp.count, sp.atMost, sp.atLeast = k, m[1] == "at most", m[1] == "at least"
		return true
	}
	if m := reCountedParts.FindStringSubmatch(c); m != nil {
		k, ok := countWord(m[2])
		a := partAdjective(m[3])
		if !ok || a == nil || k < 1 || k > maxPartsCap || sp.count > 0 || sp.parity > 0 || sp.counted != nil {
			return false
		}
		sp.count, sp.atMost, sp.atLeast, sp.counted = k, m[1] == "at most", m[1] == "at least", a
		return true
	}
	return false
}

// partAdjective reads one adjective of a part ("odd", "prime", "square"), or nil.
func partAdjective(a string) *node {
	if f, ok := partAdjectives[a]; ok {
		return f()
	}
	return property(a)
}

// partitionPhrases reads the text's first sentence as a count of
// partitions or compositions, and offers each reading that checks.
func (c *collector) partitionPhrases(text string) {
	s := firstSentence(reCfRef.ReplaceAllString(text, ""))
	s = strings.TrimSpace(reRefs.ReplaceAllString(s, ""))
	if m := rePartsLead.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	var arg, spec, tail string
	var comp, strict, over bool
	orders := []bool{false}
	if m := rePartsOf.FindStringSubmatch(s); m != nil {
		arg, spec, tail = m[3], m[4], m[5]
		strict = m[1] == "strict "
		over = m[2] == "overpartitions"
		if over && m[1] != "" {
			return
		}
		comp = m[2] == "compositions" || m[2] == "ordered partitions" || m[1] == "ordered "
		orders = []bool{comp}
		if spec == "" {
			spec = "parts"
		}
	} else if m := reWaysOf.FindStringSubmatch(s); m != nil {
		arg, spec, tail = m[1], m[3], m[4]
		switch m[2] {
		case "ordered ":
			orders = []bool{true}
		case "unordered ":
		default:
			if strings.HasPrefix(strings.ToLower(s), "number of ways to write") || strings.HasPrefix(strings.ToLower(s), "number of ways of writing") ||
				strings.HasPrefix(strings.ToLower(s), "number of ways to express") || strings.HasPrefix(strings.ToLower(s), "number of ways of expressing") {
				orders = []bool{false, true}
			}
		}
	} else if m := reChange.FindStringSubmatch(s); m != nil {
		arg, spec = m[1], "parts "+m[2]
	} else {
		return
	}
	x, ok := parseArg(arg)
	if !ok {
		return
	}
	spec = strings.ToLower(spec)
	if m := reSumOf.FindStringSubmatch(spec); m != nil {
		// "into an unordered sum of two odd primes"
		switch m[1] {
		case "ordered ":
			orders = []bool{true}
		case "unordered ":
			orders = []bool{false}
		}
		spec = m[2]
	}
	if m := rePairOf.FindStringSubmatch(spec); m != nil && tail == "" && !comp && !strict && !over {
		// "the sum of a prime and a square": a from one set, b from the other
		c.pairs(s, x, m[1], m[2])
		return
	}
	sp, ok := readPartSpec(spec)
	if !ok {
		return
	}
	if strict {
		if sp.distinct {
			return
		}
		sp.distinct = true
	}
	if over && (sp.distinct || sp.kinds > 1) {
		return
	}
	lo, hi := int64(1), int64(0)
	if sp.distinct {
		hi = 1
	}
	var shiftBy int64 // the largest or smallest part given exactly: counted apart from arg
	if tail != "" {
		if !sp.readTail(reTailLead.ReplaceAllString(strings.ToLower(strings.TrimSpace(tail)), ""), &lo, &hi, &shiftBy) {
			return
		}
	}
	if shiftBy != 0 {
		x = sub(x, num(shiftBy))
	}
	var readings []partCount
	for _, ordered := range orders {
		if ordered && sp.distinct && !sp.atLeast && sp.counted == nil && sp.parity == 0 && sp.kinds == 1 && !over && shiftBy == 0 {
			// in order and distinct: each partition into j distinct parts j! times
			q := partCount{arg: x, set: sp.set, lo: 1, hi: 1, kinds: 1, cap: sp.count, atMost: sp.atMost, perm: true}
			if q.cap == 0 {
				q.cap, q.atMost = maxPartsCap, true
			}
			readings = append(readings, q)
			continue
		}
		if ordered && (lo != 1 || hi != 0) {
			continue // bounded multiplicities in order: not counted here
		}
		if ordered && over {
			continue
		}
		if ordered && shiftBy != 0 {
			continue
		}
		base := partCount{arg: x, set: sp.set, comp: ordered, lo: lo, hi: hi, kinds: sp.kinds, cap: sp.count, atMost: sp.atMost, atLeast: sp.atLeast, parity: sp.parity, over: over, counted: sp.counted}
		readings = append(readings, base.simplify())
		if sp.set.alt != nil {
			// "prime powers": with 1 (p^0) or without
			alt := base
			alt.set = *sp.set.alt
			readings = append(readings, alt.simplify())
		}
		if sp.set.openFrom {
			// "parts of the form 2^k + 1": k from 0 or from 1
			one := base
			one.set.from = 1
			a, _ := base.set.members(100)
			b, _ := one.set.members(100)
			if !slices.Equal(a, b) {
				readings = append(readings, one)
			}
		}
		if sp.zero && sp.count > 0 && !sp.atMost && !sp.atLeast && !sp.distinct {
			// "into 2 squares": 0 may be one of them
			if ordered {
				continue // zeros in order: a convention of its own
			}
			z := base
			z.atMost = true
			readings = append(readings, z.simplify())
		}
	}
	c.partReadings(s, readings)
}

// timesWord reads "2", "two", "once", "twice".
func timesWord(w string) (int64, bool) {
	switch w {
	case "once":
		return 1, true
	case "twice":
		return 2, true
	case "thrice":
		return 3, true
	}
	return countWord(w)
}

// parseArg reads the number partitioned: an expression in n.
func parseArg(s string) (*node, bool) {
	toks := lex(strings.TrimSpace(s))
	x, end, ok := parseAt(toks, 0, "n")
	if !ok || toks[end].k != tEnd || !x.uses("n") {
		return nil, false
	}
	return x, true
}

// simplify counts partitions of N into at most m (or exactly m) parts of
// any size as partitions of N (or N - m) into parts <= m, conjugates: a
// table of one row, m passes instead of N.
func (p partCount) simplify() partCount {
	if p.comp || p.set.name != "all" || p.cap == 0 || p.lo != 1 || p.hi != 0 || p.kinds != 1 || p.over || p.set.keep != nil || p.counted != nil || p.atLeast {
		return p
	}
	q := p
	q.set = partSet{max: p.cap, name: "<=" + strconv.FormatInt(p.cap, 10)}
	q.cap, q.atMost = 0, false
	if !p.atMost {
		q.arg = sub(p.arg, num(p.cap))
	}
	return q
}

// partReadings offers each reading, unless two of them agree on n = 1..9
// and differ later (the examples could not tell them apart).
func (c *collector) partReadings(s string, rs []partCount) {
	counts := make([][]int64, len(rs))
	for i, r := range rs {
		counts[i], _ = r.exactCounts()
	}
	for i := range rs {
		if counts[i] == nil {
			continue
		}
		clash := false
		for j := range rs {
			if j != i && counts[j] != nil && sameEarly(counts[i], counts[j]) && !sameAll(counts[i], counts[j]) {
				clash = true
			}
		}
		if !clash {
			c.addParts(s, rs[i])
		}
	}
}

func sameEarly(a, b []int64) bool {
	for n := 1; n <= 9; n++ {
		if n >= len(a) || n >= len(b) || a[n] != b[n] {
			return n >= len(a) || n >= len(b) // too short to tell: say they clash
		}
	}
	return true
}

// sameAll reports whether a and b agree from n = 1 until both leave i32
// (n = 0 is an example wherever it is a term).
func sameAll(a, b []int64) bool {
	for n := 1; n < min(len(a), len(b)); n++ {
		if a[n] > 1<<31-1 && b[n] > 1<<31-1 {
			return true // both past i32: the checks stop here
		}
		if a[n] != b[n] {
			return false
		}
	}
	return len(a) == len(b)
}

// readPartSpec reads SPEC of "into SPEC" (lower case).
func readPartSpec(s string) (sp partSpec, ok bool) {
	s = strings.TrimSpace(s)
	sp.kinds = 1
	if m := rePartsKinds.FindStringSubmatch(s); m != nil {
		k, ok := countWord(m[2])
		if !ok || k < 2 || k > 8 {
			return sp, false
		}
		sp.kinds, s = k, m[1]
	}
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "a sum of "), "sums of "), "sum of ")
	if m := reParity.FindStringSubmatch(s); m != nil {
		sp.parity, s = 2, m[2]
		if m[1] == "odd" {
			sp.parity = 1
		}
	}
	if m := rePartsCount.FindStringSubmatch(s); m != nil && sp.parity == 0 {
		if k, ok := countWord(m[2]); ok {
			if k < 1 || k > maxPartsCap {
				return sp, false
			}
			sp.count, sp.atMost, sp.atLeast, s = k, m[1] == "at most", m[1] == "at least", m[3]
		}
	}
	for _, w := range []string{"distinct ", "different ", "unequal "} {
		if rest, ok := strings.CutPrefix(s, w); ok {
			sp.distinct, s = true, rest
		}
	}
	if f, ok := partNouns[s]; ok {
		sp.set, sp.zero = f()
		return sp, true
	}
	if m := reDigitParts.FindStringSubmatch(s); m != nil {
		// "1's and 2's": the parts listed
		q, _, ok := partQualifier(m[1] + strings.NewReplacer("'s", "", "s", "").Replace(m[2]))
		if !ok {
			return sp, false
		}
		sp.set = partSet{pred: q, name: s}
		return sp, true
	}
	if i := strings.Index(s, " "); i > 0 {
		// a noun and a qualifier: "primes congruent to 1 mod 4", "squares of the form 8k+1"
		for j := len(s); j > 0; j = strings.LastIndex(s[:j], " ") {
			f, ok := partNouns[s[:j]]
			if !ok || j == len(s) {
				continue
			}
			q, form, ok := partQualifier(s[j+1:])
			if !ok || form != nil {
				break // the readings below, or none
			}
			sp.set, sp.zero = f()
			sp.set.alt = nil
			sp.set.keep = q
			sp.set.name += " " + s[j+1:]
			return sp, true
		}
	}
	if m := reSmooth.FindStringSubmatch(s); m != nil {
		// "3-smooth numbers": no prime factor above 3 (1 included)
		p, _ := strconv.ParseInt(m[1], 10, 32)
		if p < 2 || p > 100 || !passes(un(kIsPrime, vr("x_")), p) {
			return sp, false
		}
		sp.set = predSet(&node{k: kCmp, name: "<=", kids: []*node{call("gpf", vr("x_")), num(p)}}, m[1]+"-smooth")
		return sp, true
	}
	if m := rePowersOf.FindStringSubmatch(s); m != nil {
		b, _ := strconv.ParseInt(m[1], 10, 32)
		if b < 2 || b > 100 {
			return sp, false
		}
		sp.set = formSet(m[1]+"^k", 0, "powers of "+m[1])
		if strings.HasPrefix(s, "positive ") {
			sp.set.from = 1
		}
		return sp, true
	}
	// ADJ* parts [QUAL]
	i := strings.Index(s+" ", "parts ")
	if i < 0 {
		return sp, false
	}
	var pred *node
	var names []string
	for _, a := range strings.Fields(s[:i]) {
		if a == "distinct" || a == "different" {
			sp.distinct = true
			continue
		}
		var q *node
		if f, ok := partAdjectives[a]; ok {
			q = f()
		} else if q = property(a); q == nil {
			return sp, false
		}
		if q != nil {
			pred = and(pred, q)
			names = append(names, a)
		}
	}
	if qual := strings.TrimSpace(s[min(i+len("parts "), len(s)):]); qual != "" {
		q, form, ok := partQualifier(qual)
		if !ok {
			return sp, false
		}
		if form != nil {
			if pred != nil {
				return sp, false
			}
			sp.set = partSet{form: form, name: "form " + form.String(), openFrom: true}
			return sp, true
		}
		pred = and(pred, q)
		names = append(names, qual)
	}
	if pred == nil {
		sp.set = partSet{name: "all"}
	} else {
		sp.set = partSet{pred: pred, name: strings.Join(names, " ")}
	}
	return sp, true
}

// partQualifier reads what follows "parts": a predicate on the part x_,
// or a nonlinear form f(x_) whose values are the parts.
func partQualifier(q string) (pred, form *node, ok bool) {
	q = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(q, "that are "), "which are "))
	if f, ok := partNouns[q]; ok { // "parts that are squares"
		s, _ := f()
		if s.pred != nil {
			return s.pred, nil, true
		}
		return nil, nil, false
	}
	if p := property(q); p != nil {
		return p, nil, true
	}
	if rest, ok := strings.CutPrefix(q, "not "); ok {
		// "not congruent to 0 mod 3", "not of the form 3k+2"
		if p, form, ok := partQualifier(rest); ok && form == nil {
			return not(p), nil, true
		}
		return nil, nil, false
	}
	if m := reBounds.FindStringSubmatch(q); m != nil {
		v, _ := strconv.ParseInt(m[2], 10, 32)
		op := map[string]string{">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<",
			"greater than or equal to": ">=", "greater than": ">", "larger than": ">", "at least": ">=",
			"less than or equal to": "<=", "less than": "<", "smaller than": "<", "at most": "<=",
			"not exceeding": "<=", "not greater than": "<="}[m[1]]
		return &node{k: kCmp, name: op, kids: []*node{vr("x_"), num(v)}}, nil, true
	}
	if m := rePartList.FindStringSubmatch(q); m != nil {
		var p *node
		items := strings.Split(m[1], ",")
		if m[2] != "" {
			items = append(items, m[2])
		} else if len(items) < 2 && !strings.Contains(q, "{") {
			return nil, nil, false // "parts 3": a count, or a slip
		}
		for _, it := range items {
			v, err := strconv.ParseInt(strings.TrimSpace(it), 10, 32)
			if err != nil || v < 1 {
				return nil, nil, false
			}
			p = or(p, eq(vr("x_"), num(v)))
		}
		return p, nil, true
	}
	if m := reDivisibleP.FindStringSubmatch(q); m != nil {
		d, _ := strconv.ParseInt(m[2], 10, 32)
		if d < 2 {
			return nil, nil, false
		}
		p := eq(bin(kMod, vr("x_"), num(d)), num(0))
		if m[1] != "" {
			p = not(p)
		}
		return p, nil, true
	}
	// "of the form 5k+1 or 5k+4", "5k+1 or 5k+4", "of the form 3^k - 2^k"
	m := reFormParts.FindStringSubmatch(q)
	forms := splitTop(m[1], []string{" or ", ", "})
	var p *node
	for _, f := range forms {
		e, ok := formIn(f)
		if !ok {
			return nil, nil, false
		}
		c, d, ok := lineOf(e)
		if !ok {
			if len(forms) > 1 {
				return nil, nil, false
			}
			return nil, e, true
		}
		if c < 1 || c > 1000 {
			return nil, nil, false
		}
		// c*k + d for k >= 0
		p = or(p, and(&node{k: kCmp, name: ">=", kids: []*node{vr("x_"), num(d)}}, eq(bin(kMod, sub(vr("x_"), num(d)), num(c)), num(0))))
	}
	return p, nil, p != nil
}

// formIn parses a form in one of k, m, j, i (renamed x_).
func formIn(f string) (*node, bool) {
	for _, v := range []string{"k", "m", "j", "i", "t"} {
		if e, ok := parseIn(strings.TrimSpace(f), v); ok {
			return e, true
		}
	}
	return nil, false
}

// singularNoun reads "prime", "positive square", "power of 2" as the set
// partNouns (or powers of b) names in the plural.
func singularNoun(w string) (partSet, bool, bool) {
	plural := w + "s"
	if a, b, ok := strings.Cut(w, " of "); ok {
		plural = a + "s of " + b
	}
	sp, ok := readPartSpec(plural)
	if !ok || sp.count > 0 || sp.distinct || sp.kinds > 1 || sp.parity > 0 || sp.set.alt != nil {
		return partSet{}, false, false
	}
	return sp.set, sp.zero, true
}

// pairs offers the count of a + b = arg, a named by w1 and b by w2, with
// and without 0 where a noun's sequence starts at 0 ("a square").
func (c *collector) pairs(s string, x *node, w1, w2 string) {
	s1, z1, ok1 := singularNoun(w1)
	s2, z2, ok2 := singularNoun(w2)
	if !ok1 || !ok2 {
		return
	}
	var rs []partCount
	for _, a := range []bool{false, true} {
		for _, b := range []bool{false, true} {
			if a && !z1 || b && !z2 {
				continue
			}
			p2 := s2
			rs = append(rs, partCount{arg: x, set: s1, pair: &p2, zero: a, pairZero: b, lo: 1, kinds: 1})
		}
	}
	c.partReadings(s, rs)
}
