package plots

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// History draws loss (left axis) and train/held-out accuracy in percent
// (right axis) per epoch; a validation loss appears when one was recorded.
func History(id, title string, h []results.Epoch) (*Chart, error) {
	if len(h) == 0 {
		return nil, errNoData("%s: empty training history", title)
	}
	epochs := make([]string, len(h))
	loss := make([]opts.LineData, len(h))
	valid := make([]opts.LineData, len(h))
	train := make([]opts.LineData, len(h))
	test := make([]opts.LineData, len(h))
	hasValid := false
	for i, e := range h {
		epochs[i] = strconv.Itoa(e.Epoch)
		loss[i] = opts.LineData{Value: e.Loss}
		valid[i] = opts.LineData{Value: e.ValidLoss}
		hasValid = hasValid || e.ValidLoss != 0
		train[i] = opts.LineData{Value: pct(e.TrainAcc)}
		test[i] = opts.LineData{Value: pct(e.TestAcc)}
	}
	line := charts.NewLine()
	line.SetGlobalOptions(titled(title, "per epoch: loss (left axis),\naccuracy on train and held-out (right axis)",
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "60", Left: "50", Right: "50"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "epoch", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "loss", Type: "value", Position: "left",
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	line.ExtendYAxis(opts.YAxis{Name: "% right", Type: "value", Position: "right", Min: 0, Max: 100,
		AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}})
	line.SetXAxis(epochs)
	line.AddSeries("loss", loss)
	if hasValid {
		line.AddSeries("validation loss", valid)
	}
	right := charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1})
	line.AddSeries("train accuracy", train, right)
	line.AddSeries("held-out accuracy", test, right)
	return newChart(id, title, line), nil
}

// ClassifierHistory is History of the classifier's training (phase 3).
func ClassifierHistory(p3 *results.Phase3) (*Chart, error) {
	if p3 == nil {
		return nil, errNoData("classifier record (phase 3)")
	}
	return History("classifier-history", "Classifier training", p3.History)
}

// DecoderHistory is History of the decoder's training (phase 4).
func DecoderHistory(p4 *results.Phase4) (*Chart, error) {
	if p4 == nil {
		return nil, errNoData("decoder record (phase 4)")
	}
	return History("decoder-history", "Decoder training", p4.History)
}
