package plots

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// Confusion draws the classifier's confusion matrix as a heatmap:
// true program down, predicted program across, count in each cell.
func Confusion(p3 *results.Phase3) (*Chart, error) {
	if p3 == nil || len(p3.Confusion.Labels) == 0 {
		return nil, errNoData("classifier confusion matrix (phase 3)")
	}
	cm := p3.Confusion
	n := len(cm.Labels)
	if len(cm.Matrix) != n {
		return nil, fmt.Errorf("plots: Confusion: %d labels but %d rows", n, len(cm.Matrix))
	}
	var data []opts.HeatMapData
	peak := 0
	for t, row := range cm.Matrix {
		if len(row) != n {
			return nil, fmt.Errorf("plots: Confusion: row %d (%s) has %d columns, want %d", t, cm.Labels[t], len(row), n)
		}
		for p, v := range row {
			peak = max(peak, v)
			// [x = predicted, y = true, count]
			data = append(data, opts.HeatMapData{Value: [3]any{p, t, v}})
		}
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(titled("Classifier confusion matrix",
		fmt.Sprintf("rows: true program, columns: predicted\nheld out: %s", strings.Join(p3.Split.Holdout, ", ")),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Top: "80", Bottom: "120", Left: "120", Right: "30"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: cm.Labels, Name: "predicted", NameLocation: "middle", NameGap: 60,
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Rotate: 30, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: cm.Labels, Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Interval: "0"}}),
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Calculable: opts.Bool(true),
			Min: 0, Max: float32(max(peak, 1)), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#f7fbff", "#6baed6", "#08306b"}}}),
	)...)
	hm.AddSeries("examples", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	return newChart("confusion", "Classifier confusion matrix", hm), nil
}
