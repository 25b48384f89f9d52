package synth

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Trust is a learned judge of answers to sequence tasks: a logistic
// regression over features of the task's text, its terms and the
// candidate program (its source and method, the evidence it has, whether
// the numbers the text names appear in it, whether other candidates agree
// with it beyond the examples). It is trained on task files with checks
// (`irsynth train trust`): every candidate the synthesizer finds there is
// judged on the checks, and the label is right or wrong. Threshold is the
// score from which an answer is given as solved, chosen on held-out folds
// so that wrong answers stay rare; below it the answer is ambiguous (a
// program that fits, offered as a question).
type Trust struct {
	Bias      float64            `json:"bias"`
	Weights   map[string]float64 `json:"weights"`
	Threshold float64            `json:"threshold"`
	// What it was trained on and how it did on held-out folds.
	TrainedOn  string  `json:"trained_on,omitempty"`
	Tasks      int     `json:"tasks"`
	Candidates int     `json:"candidates"`
	CVSolved   float64 `json:"cv_solved"` // share of tasks answered and right at Threshold
	CVWrong    float64 `json:"cv_wrong"`  // share of tasks answered and wrong at Threshold
}

//go:embed trust.json
var defaultTrustJSON []byte

var defaultTrust = sync.OnceValues(func() (*Trust, error) { return ParseTrust(defaultTrustJSON) })

// DefaultTrust is the judge shipped with the package (lib/synth/trust.json,
// trained on ../shared/oeis/train3000.json with `irsynth train trust`).
func DefaultTrust() *Trust {
	t, err := defaultTrust()
	if err != nil {
		panic(fmt.Sprintf("synth: the embedded trust.json does not load: %v", err))
	}
	return t
}

// ParseTrust reads a judge written by Trust's JSON encoding.
func ParseTrust(b []byte) (*Trust, error) {
	var t Trust
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("%w: trust: %v", ErrSpec, err)
	}
	if t.Weights == nil || math.IsNaN(t.Threshold) || t.Threshold <= 0 || t.Threshold >= 1 {
		return nil, fmt.Errorf("%w: trust: no weights or a threshold outside (0, 1)", ErrSpec)
	}
	return &t, nil
}

// Score is the judge's probability that c is right.
func (tr *Trust) score(t Task, c candidate, all []candidate) float64 {
	return tr.prob(trustFeatures(t, c, all))
}

// prob is the judge's probability for a candidate with these features.
func (tr *Trust) prob(feats []string) float64 {
	z := tr.Bias
	for _, f := range feats {
		z += tr.Weights[f]
	}
	return 1 / (1 + math.Exp(-z))
}

var wordRE = regexp.MustCompile(`[a-z]{3,}`)

// trustFeatures are the binary features of candidate c for task t, all
// the candidates found for t being all.
func trustFeatures(t Task, c candidate, all []candidate) []string {
	var f []string
	add := func(s ...string) { f = append(f, strings.Join(s, "")) }
	add("src:", c.source)
	add("m:", c.method)
	if c.source == "fit" {
		add("s:", fmt.Sprint(min(c.surplus, 9)))
		add("m:", c.method, "|s:", fmt.Sprint(min(c.surplus, 9)))
	} else {
		add("cost:", fmt.Sprint(min(c.cost/3, 8)))
	}
	add("len:", fmt.Sprint(min(len(c.ops)/16, 8)))
	// numbers the text names, and whether the program writes them
	text := strings.ToLower(t.Text)
	named := numbers(t.Text)
	mine := numbers(c.formula)
	state := "none"
	for v := range named {
		if v < 3 || v > 1_000_000 {
			continue
		}
		if mine[v] {
			state = "used"
			break
		}
		state = "unused"
	}
	add("num:", state)
	add("m:", c.method, "|num:", state)
	if strings.Contains(text, "a(n) =") || strings.Contains(text, "a(n)=") {
		add("text:formula")
	}
	words := wordRE.FindAllString(text, 40)
	slices.Sort(words)
	for _, w := range slices.Compact(words) {
		add("w:", w)
	}
	// the terms
	ys := make([]int32, len(t.Examples))
	for i, e := range t.Examples {
		ys[i] = e.Output
	}
	zeros, binary, neg, big, mono := 0, true, false, false, true
	for i, y := range ys {
		if y == 0 && i == zeros {
			zeros++
		}
		binary = binary && (y == 0 || y == 1)
		neg = neg || y < 0
		big = big || y > 1_000_000 || y < -1_000_000
		mono = mono && (i == 0 || y >= ys[i-1])
	}
	add("seq:zeros", fmt.Sprint(min(zeros, 4)))
	if binary {
		add("seq:binary")
	}
	if neg {
		add("seq:neg")
	}
	if big {
		add("seq:big")
	}
	if !mono {
		add("seq:nonmono")
	}
	// the other candidates
	agreeing, disagreeing := 0, 0
	for _, o := range all {
		if o.formula == c.formula && o.source == c.source {
			continue
		}
		if agree(c, o) {
			agreeing++
		} else if o.source != "fit" || o.used <= c.used+2 {
			disagreeing++
		}
	}
	add("agree:", fmt.Sprint(min(agreeing, 2)))
	add("disagree:", fmt.Sprint(min(disagreeing, 2)))
	add("m:", c.method, "|disagree:", fmt.Sprint(min(disagreeing, 1)))
	return f
}

// pick returns the index of the highest-scoring candidate and its score
// (-1 when there are none).
func (tr *Trust) pick(t Task, cs []candidate) (int, float64) {
	best, score := -1, -1.0
	for i, c := range cs {
		if s := tr.score(t, c, cs); s > score {
			best, score = i, s
		}
	}
	return best, score
}
