package plots

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// Dataset draws the examples per program of every split in a Phase 2
// record, one series per split; held-out programs come last and are marked
// "(held out)". (Added by the kernel engineer for notebook 03.)
func Dataset(p2 *results.Phase2) (*Chart, error) {
	if p2 == nil || len(p2.Splits) == 0 {
		return nil, errNoData("dataset splits (phase 2)")
	}
	heldOut := map[string]bool{}
	seen := map[string]bool{}
	var programs []string
	for _, s := range p2.Splits {
		for _, h := range s.Holdout {
			heldOut[h] = true
		}
		for p := range s.PerProgram {
			if !seen[p] {
				seen[p] = true
				programs = append(programs, p)
			}
		}
	}
	sort.Slice(programs, func(i, j int) bool {
		if heldOut[programs[i]] != heldOut[programs[j]] {
			return !heldOut[programs[i]]
		}
		return programs[i] < programs[j]
	})
	labels := make([]string, len(programs))
	for i, p := range programs {
		labels[i] = p
		if heldOut[p] {
			labels[i] += " (held out)"
		}
	}
	var ours []string
	for _, s := range p2.Splits {
		ours = append(ours, fmt.Sprintf("%s %d train / %d test", s.Name, s.TrainExamples, s.TestExamples))
	}
	st := results.Study
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled("Examples per program",
		fmt.Sprintf("ours: %s\nstudy: %d train / %d test; expanded %d", strings.Join(ours, "; "), st.DatasetTrain, st.DatasetTest, st.DatasetExpanded),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "90", Left: "50", Right: "20"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Rotate: 30}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "examples", Type: "value",
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.SetXAxis(labels)
	for _, s := range p2.Splits {
		data := make([]opts.BarData, len(programs))
		for i, p := range programs {
			if n, ok := s.PerProgram[p]; ok {
				data[i] = opts.BarData{Value: n}
			} else {
				data[i] = opts.BarData{Value: missing}
			}
		}
		bar.AddSeries(s.Name, data)
	}
	return newChart("dataset", "Examples per program", bar), nil
}
