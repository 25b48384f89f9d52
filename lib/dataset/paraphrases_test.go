package dataset

import (
	"strings"
	"testing"
)

// TestParaphrases: the answers are the native references', and no
// paraphrase shares a template's wording (its text with the operands
// taken out).
func TestParaphrases(t *testing.T) {
	exs, err := Paraphrases()
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 24 {
		t.Fatalf("%d paraphrases, want 24", len(exs))
	}
	want := map[string]int32{
		"add up every whole number from one through 37":       703,
		"how many ways can 8 people stand in a line":          40320,
		"2 with an exponent of 9":                             512,
		"how much separates 71 from 28":                       43,
		"total of the multiples of two no bigger than 30":     240,
		"hailstone sequence of 7: count the steps":            16,
		"what's the combined value of all integers in 30..55": 1105,
	}
	for _, ex := range exs {
		if w, ok := want[ex.Text]; ok && ex.Expected != w {
			t.Errorf("%q: expected %d, want %d", ex.Text, ex.Expected, w)
		}
		for _, p := range Programs() {
			for _, tm := range Templates(p) {
				skeleton := strings.ToLower(strings.NewReplacer("{0}", "", "{1}", "", "{2}", "").Replace(tm))
				if strings.Contains(strings.ToLower(ex.Text), strings.TrimSpace(skeleton)) {
					t.Errorf("%q contains template %q", ex.Text, tm)
				}
			}
		}
	}
}
