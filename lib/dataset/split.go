package dataset

import (
	"fmt"
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// Split names the programs to train on and the programs held out, and how
// many examples of each to generate.
type Split struct {
	Name           string
	Train          []string
	Holdout        []string
	PerProgram     int // training examples per program (0: 200)
	TestPerProgram int // held-out examples per program (0: 50)
	Seed           int64
}

// StudySplit is the study's first split: 800 training examples from
// sum_1_to_n, sum_a_to_b, factorial and power; 50 held-out collatz_length.
func StudySplit() Split {
	return Split{Name: "study", Train: []string{"sum_1_to_n", "sum_a_to_b", "factorial", "power"}, Holdout: []string{"collatz_length"}}
}

// ExpandedSplit is the study's 1,400-example set: StudySplit's programs
// plus max_of_two, abs_diff and sum_even; 50 held-out collatz_length.
func ExpandedSplit() Split {
	s := StudySplit()
	s.Name = "expanded"
	s.Train = append(s.Train, "max_of_two", "abs_diff", "sum_even")
	return s
}

// HoldoutSplit trains on every library program except those in holdout.
func HoldoutSplit(holdout []string) (Split, error) {
	if len(holdout) == 0 {
		return Split{}, fmt.Errorf("%w: empty holdout list", ErrSplit)
	}
	for _, h := range holdout {
		if _, ok := ir.LibraryProgram(h); !ok {
			return Split{}, fmt.Errorf("%w: holdout %q", ErrUnknownProgram, h)
		}
	}
	s := Split{Name: "holdout", Holdout: slices.Clone(holdout)}
	for _, p := range Programs() {
		if !slices.Contains(holdout, p) {
			s.Train = append(s.Train, p)
		}
	}
	return s, nil
}

// SplitByName returns "study" or "expanded".
func SplitByName(name string) (Split, error) {
	switch name {
	case "study":
		return StudySplit(), nil
	case "expanded":
		return ExpandedSplit(), nil
	}
	return Split{}, fmt.Errorf("%w: unknown split %q (want study or expanded)", ErrSplit, name)
}

func (s Split) resolved() Split {
	if s.PerProgram <= 0 {
		s.PerProgram = 200
	}
	if s.TestPerProgram <= 0 {
		s.TestPerProgram = 50
	}
	return s
}

// Record is the split as stored in result files.
func (s Split) Record() results.Split {
	return results.Split{Name: s.Name, Train: slices.Clone(s.Train), Holdout: slices.Clone(s.Holdout), Seed: s.Seed}
}

func (s Split) validate() error {
	if len(s.Train) == 0 {
		return fmt.Errorf("%w: %q has no training programs", ErrSplit, s.Name)
	}
	seen := map[string]bool{}
	for _, p := range append(slices.Clone(s.Train), s.Holdout...) {
		if seen[p] {
			return fmt.Errorf("%w: %q lists %s twice", ErrSplit, s.Name, p)
		}
		seen[p] = true
		if _, ok := ir.LibraryProgram(p); !ok {
			return fmt.Errorf("%w: %q", ErrUnknownProgram, p)
		}
		if len(templates[p]) == 0 {
			return fmt.Errorf("%w: %s", ErrNoTemplates, p)
		}
	}
	return nil
}
