package plots

import (
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// Tasks draws the task-file evaluation (irsynth eval tasks): for the
// synthesizer and, when its record is there, the guesser on the same file,
// how many tasks were solved, answered wrongly, left ambiguous and not
// found, stacked so each bar is the whole file. Wrong answers are a
// separate, red segment: they are never counted as solved.
func Tasks(syn, guess *results.Tasks) (*Chart, error) {
	if syn == nil && guess == nil {
		return nil, errNoData("task-file evaluation (irsynth eval tasks)")
	}
	type row struct {
		label string
		rec   *results.Tasks
	}
	var rows []row
	if syn != nil {
		rows = append(rows, row{"irsynth", syn})
	}
	if guess != nil && (syn == nil || guess.FileSHA == syn.FileSHA) {
		rows = append(rows, row{"guesser", guess})
	}
	names := make([]string, len(rows))
	series := []struct {
		name  string
		color string
		get   func(results.TaskTotals) int
	}{
		{"solved", "#3b8a3e", func(t results.TaskTotals) int { return t.Solved }},
		{"wrong", "#c62828", func(t results.TaskTotals) int { return t.Wrong }},
		{"ambiguous", "#f2a900", func(t results.TaskTotals) int { return t.Ambiguous }},
		{"not found", "#9e9e9e", func(t results.TaskTotals) int { return t.NotFound + t.Errors }},
	}
	data := make([][]opts.BarData, len(series))
	for i, r := range rows {
		names[i] = r.label
		for k, s := range series {
			data[k] = append(data[k], opts.BarData{Value: s.get(r.rec.Totals)})
		}
	}
	first := rows[0].rec
	sub := fmt.Sprintf("%s, %d of its %d tasks; irsynth %s per task", first.File, first.Totals.Total, first.FileTasks, budgetS(syn))
	if len(rows) == 1 && syn != nil && guess != nil {
		sub += "\n(the guesser's record is of another file)"
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled("Real sequences: solved, wrong, ambiguous, not found", sub,
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "52"}),
		charts.WithGridOpts(opts.Grid{Top: "90", Bottom: "40", Left: "80", Right: "30"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "tasks", Type: "value", AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.XYReversal()
	for k, s := range series {
		bar.AddSeries(s.name, data[k],
			charts.WithBarChartOpts(opts.BarChart{Stack: "tasks"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: s.color}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "inside"}))
	}
	return newChart("tasks", "Real sequences: solved, wrong, ambiguous, not found", bar), nil
}

func budgetS(r *results.Tasks) string {
	if r == nil {
		return "(not run)"
	}
	return fmt.Sprintf("%g s", r.Budget)
}
