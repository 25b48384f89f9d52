package formula

import "testing"

// recTexts are this part's readings, for the fuzz target and the
// validation property: recurrences from the terms, Beatty sequences, Pi
// and e, divide and conquer.
var recTexts = []string{
	"a(n) = 2*a(n-1) - a(n-3) + 2*a(n-4).",
	"a(n) = a(n-1) + 3*a(n-2) - a(n-3) - 2*a(n-4), n > 3",
	"a(n) = floor(n*phi^4), where phi is the golden ratio, A001622.",
	"floor(nr+h), where r=sqrt(3), h=-1/3; complement of A184007.",
	"[(bn+c)r]-b[nr]-[cr], where (r,b,c)=(sqrt(3),4,2) and [ ]=floor.",
	"a(n) = integer nearest n*(1+sqrt(2)).",
	"Beatty sequence for (sqrt(5) + 3)/4.",
	"a(n) = n + [n*r/s] + [n*t/s]; r=1, s=1/sqrt(2), t=sqrt(3).",
	"a(n) = floor(2*phi*floor(n*phi)), phi = (1+sqrt(5))/2.",
	"a(n) = floor(floor(floor(n*sqrt(2))*sqrt(3))*sqrt(5)).",
	"a(n) = round(n*(Pi - 2)) + floor(n^2/e) + ceiling(n*sqrt(7)).",
	"a(n) = floor(n/2) + 2*a(floor(n/2)), a(0) = 0.",
	"a(0) = 1; a(3n) = a(n) + 1, a(3n+1) = 2a(n), a(3n+2) = n - a(n).",
	"a(n) = Sum_{k=1..n} floor(k*sqrt(2)).",
}

func TestRecProgramsValidate(t *testing.T) {
	for _, s := range recTexts {
		checkCandidates(t, s)
		if x0, ys := int64(0), []int64{1, 1, 2, 3, 7, 14, 29, 57, 114, 227}; len(Seeded(s, x0, ys)) < len(Candidates(s, 1)) {
			t.Errorf("%q: Seeded offers fewer than Candidates", s)
		}
	}
}

func FuzzRecTexts(f *testing.F) {
	for _, s := range recTexts {
		f.Add(s)
	}
	f.Fuzz(checkCandidates)
}
