package plots

import (
	"errors"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/results"
)

func TestDataset(t *testing.T) {
	if _, err := Dataset(nil); !errors.Is(err, ErrNoData) {
		t.Fatalf("Dataset(nil) error = %v, want ErrNoData", err)
	}
	p2 := &results.Phase2{Splits: []results.DatasetSplit{{
		Split:         results.Split{Name: "study", Train: []string{"power"}, Holdout: []string{"collatz_length"}},
		TrainExamples: 200, TestExamples: 50,
		PerProgram: map[string]int{"power": 200, "collatz_length": 50},
	}}}
	c, err := Dataset(p2)
	if err != nil {
		t.Fatal(err)
	}
	opt, err := c.Option()
	if err != nil {
		t.Fatal(err)
	}
	// the training program first, the held-out one last and marked
	s := string(opt)
	if i, j := strings.Index(s, `"power"`), strings.Index(s, `"collatz_length (held out)"`); i < 0 || j < 0 || i > j {
		t.Errorf("x axis order wrong in %s", s)
	}
	if !strings.Contains(s, "[200,50]") && !strings.Contains(s, `{"value":200},{"value":50}`) {
		t.Errorf("counts missing in %s", s)
	}
}
