package formula

import (
	"flag"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// whyRanking counts, over an OEIS task file, the stage at which each task
// with no right candidate failed (-oeis.why), to rank the blockers.
type whyRanking struct {
	coarse map[string]int      // by stage
	fine   map[string][]string // by stage and detail: the tasks
}

var (
	reDigitsWhy = regexp.MustCompile(`\d+`)
	reWordsWhy  = regexp.MustCompile(`^\W*(\w+(?:\W+\w+){0,2})`)
)

// task classifies one task (nothing if a candidate is right).
func (w *whyRanking) task(t *testing.T, task oeisTask) {
	x0, ys := seedOf(task)
	cs, notes := seededWhy(task.Text, x0, ys)
	for _, c := range cs {
		if fits(c.Ops, task.Examples) && fits(c.Ops, task.Checks) {
			return
		}
	}
	stage, detail := whyStage(task, cs, notes)
	if w.coarse == nil {
		w.coarse, w.fine = map[string]int{}, map[string][]string{}
	}
	w.coarse[stage]++
	key := stage + ": " + detail
	w.fine[key] = append(w.fine[key], task.Name+" "+trunc(task.Text, 110))
	if *oeisVerbose {
		t.Logf("why %s [%s] %q", task.Name, key, task.Text)
	}
}

// whyStage: candidates that fit no example (nofit: by an offset, or
// where), readings refused (the first note), a formula that did not
// parse (where it stopped), a list's condition not read, or no reader
// (the first words).
func whyStage(task oeisTask, cs []Candidate, notes []string) (string, string) {
	if len(cs) > 0 {
		for _, shift := range []int32{-1, 1} {
			for _, c := range cs {
				if fitsShifted(c, task.Examples, shift) {
					return "nofit", fmt.Sprintf("offset %+d", shift)
				}
			}
		}
		for _, c := range cs {
			if fits(c.Ops, task.Examples) {
				return "wrong", "fits the examples, not the checks"
			}
		}
		return "nofit", "differs from the examples"
	}
	if len(notes) > 0 {
		stage, detail, _ := strings.Cut(notes[0], ": ")
		return stage, reDigitsWhy.ReplaceAllString(detail, "#")
	}
	if stop := parseStop(task.Text); stop != "" {
		return "parse", stop
	}
	s := firstSentence(task.Text)
	if m := reLeast.FindStringSubmatch(s); m != nil {
		return "pred", predShape(m[6], m[3], true)
	}
	if m := reCountK.FindStringSubmatch(s); m != nil {
		return "pred", predShape(m[reCountK.SubexpIndex("cond")], m[reCountK.SubexpIndex("v")], true)
	}
	if m := reList.FindStringSubmatch(s); m != nil {
		if _, ok := generators[strings.ToLower(m[1])]; ok {
			return "pred", predShape(m[7], m[2], false)
		}
		return "generator", strings.ToLower(m[1])
	}
	if m := reWordsWhy.FindStringSubmatch(s); m != nil {
		return "phrase", m[1]
	}
	return "phrase", "?"
}

// predShape is the first part of a condition pred.go does not read (the
// whole condition if each part reads), numbers as #, cut to its first
// words; "reads" if the whole reads.
func predShape(cond, v string, freeN bool) string {
	if predicate(cond, v, freeN) != nil {
		return "reads"
	}
	r := predReader{v: v, freeN: freeN}
	part := cond
	for _, p := range splitTop(cond, []string{", and ", " and ", ", or ", " or ", ", ", " but not "}) {
		if r.read(p, 0) == nil {
			part = p
			break
		}
	}
	return trunc(reDigitsWhy.ReplaceAllString(part, "#"), 50)
}

// fitsShifted reports whether c gives every example at n+shift.
func fitsShifted(c Candidate, cases []oeisCase, shift int32) bool {
	sh := make([]oeisCase, len(cases))
	for i, e := range cases {
		sh[i] = oeisCase{In: []int32{e.In[0] + shift}, Out: e.Out}
	}
	return fits(c.Ops, sh)
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// report logs the stages by count, then the 60 commonest details with
// two tasks each.
func (w *whyRanking) report(t *testing.T) {
	type kv struct {
		k string
		n int
	}
	var coarse []kv
	for k, n := range w.coarse {
		coarse = append(coarse, kv{k, n})
	}
	sort.Slice(coarse, func(i, j int) bool {
		return coarse[i].n > coarse[j].n || coarse[i].n == coarse[j].n && coarse[i].k < coarse[j].k
	})
	var b strings.Builder
	b.WriteString("why: stages of the tasks with no right candidate:")
	for _, c := range coarse {
		fmt.Fprintf(&b, " %s %d;", c.k, c.n)
	}
	var fine []kv
	for k, ts := range w.fine {
		fine = append(fine, kv{k, len(ts)})
	}
	sort.Slice(fine, func(i, j int) bool { return fine[i].n > fine[j].n || fine[i].n == fine[j].n && fine[i].k < fine[j].k })
	for i, f := range fine {
		if i == 60 {
			break
		}
		fmt.Fprintf(&b, "\n%4d  %s", f.n, f.k)
		for _, ex := range w.fine[f.k][:min(whyExamples, f.n)] {
			fmt.Fprintf(&b, "\n        %s", ex)
		}
	}
	t.Log(b.String())
}

// whyExamples is how many tasks report lists under each reason.
var whyExamples = 2

func init() {
	flag.IntVar(&whyExamples, "oeis.why.n", 2, "TestMeasureOEIS -oeis.why: tasks listed under each reason")
}
