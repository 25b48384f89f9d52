package plots

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// Collatz draws the Collatz length of every benchmark number in the
// order the benchmark ran them, lengths over the threshold in a second
// colour, and a line at the threshold (100 in the study).
func Collatz(p1 *results.Phase1) (*Chart, error) {
	if p1 == nil || len(p1.Collatz.Numbers) == 0 {
		return nil, errNoData("Collatz benchmark (phase 1)")
	}
	b := p1.Collatz
	if len(b.Lengths) != len(b.Numbers) {
		return nil, fmt.Errorf("plots: Collatz: %d numbers but %d lengths", len(b.Numbers), len(b.Lengths))
	}
	threshold := b.Threshold
	if threshold == 0 {
		threshold = 100
	}
	xs := make([]string, len(b.Numbers))
	low := make([]opts.BarData, len(b.Numbers))
	high := make([]opts.BarData, len(b.Numbers))
	over := 0
	for i, n := range b.Numbers {
		xs[i] = strconv.Itoa(int(n))
		l := b.Lengths[i]
		if l > threshold {
			over++
			low[i], high[i] = opts.BarData{Value: missing}, opts.BarData{Value: l}
		} else {
			low[i], high[i] = opts.BarData{Value: l}, opts.BarData{Value: missing}
		}
	}
	s := results.Study
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled(fmt.Sprintf("Collatz lengths of %d benchmark numbers", len(b.Numbers)),
		fmt.Sprintf("ours: %d over %d, %d iterations\nstudy: %d of 100, %d iterations", over, threshold, b.TotalIterations, s.CollatzCount, s.CollatzIterations),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "70", Left: "50", Right: "40"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "number", NameLocation: "middle", NameGap: 50,
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Rotate: 60}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "steps to 1", Type: "value",
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.SetXAxis(xs)
	stack := charts.WithBarChartOpts(opts.BarChart{Stack: "length"})
	bar.AddSeries(fmt.Sprintf("≤ %d", threshold), low, stack)
	bar.AddSeries(fmt.Sprintf("> %d", threshold), high, stack,
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: fmt.Sprintf("> %d", threshold), YAxis: threshold}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
			Label: &opts.Label{Show: opts.Bool(true), Formatter: fmt.Sprintf("%d", threshold)}}),
	)
	return newChart("collatz", "Collatz lengths of the benchmark numbers", bar), nil
}
