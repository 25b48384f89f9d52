package plots

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// Synthesis draws the leave-one-out table: for each held-out program, the
// percentage of fresh inputs the synthesised program gets right, with the
// model's guidance and without it (100 means solved).
func Synthesis(p5 *results.Phase5) (*Chart, error) {
	if p5 == nil || len(p5.Rows) == 0 {
		return nil, errNoData("synthesis table (phase 5)")
	}
	names := make([]string, len(p5.Rows))
	guided := make([]opts.BarData, len(p5.Rows))
	unguided := make([]opts.BarData, len(p5.Rows))
	for i, r := range p5.Rows {
		names[i] = r.Name
		guided[i] = opts.BarData{Value: pct(r.Guided.Correct)}
		unguided[i] = opts.BarData{Value: pct(r.Unguided.Correct)}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled("Synthesis, leave one program out",
		fmt.Sprintf("solved: guided %d of %d, unguided %d of %d (study: %.0f%% held-out)\n%d examples per task, %d fresh tests, %.0f s budget", p5.Solved, p5.Total, p5.SolvedNoNN, p5.Total, pct(results.Study.SynthesisHeldOut), p5.Examples, p5.FreshTests, p5.Budget),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "100", Left: "60", Right: "20"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Rotate: 40, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "% of fresh inputs", Type: "value", Min: 0, Max: 100,
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.SetXAxis(names)
	bar.AddSeries("guided", guided)
	bar.AddSeries("unguided", unguided)
	return newChart("synthesis", "Synthesis, leave one program out", bar), nil
}
