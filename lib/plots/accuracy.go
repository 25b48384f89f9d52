package plots

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// missing is echarts' marker for an absent value.
const missing = "-"

// pct turns a fraction into a percentage with one decimal.
func pct(f float64) float64 { return math.Round(f*1000) / 10 }

func bars(vals []any) []opts.BarData {
	out := make([]opts.BarData, len(vals))
	for i, v := range vals {
		out[i] = opts.BarData{Value: v}
	}
	return out
}

// Accuracy compares execution accuracy (the program's answer is right) on
// the training programs and on the held-out program, for each approach,
// with the study's numbers beside ours. Any record may be nil: its
// approach then shows the study's numbers only. Synthesis is
// leave-one-out, so it has no train figure; its held-out figure is the
// fraction of programs solved.
func Accuracy(p3 *results.Phase3, p4 *results.Phase4, p5 *results.Phase5) (*Chart, error) {
	s := results.Study
	cats := []string{"classifier", "decoder", "decoder +\nvalidity mask", "synthesis\n(leave-one-out)"}
	ourTrain := []any{missing, missing, missing, missing}
	ourTest := []any{missing, missing, missing, missing}
	studyTrain := []any{pct(s.ClassifierTrainExec), pct(s.DecoderTrainExec), missing, missing}
	studyTest := []any{pct(s.ClassifierTestExec), pct(s.DecoderTestExec), missing, pct(s.SynthesisHeldOut)}
	if p3 != nil {
		ourTrain[0], ourTest[0] = pct(p3.TrainExecAcc), pct(p3.TestExecAcc)
	}
	if p4 != nil {
		ourTrain[1], ourTest[1] = pct(p4.TrainExecAcc), pct(p4.TestExecAcc)
	}
	if p5 != nil {
		ourTrain[2], ourTest[2] = pct(p5.Structured.TrainExecMasked), pct(p5.Structured.TestExecMasked)
		if p5.Total > 0 {
			ourTest[3] = pct(float64(p5.Solved) / float64(p5.Total))
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled("Execution accuracy: train vs held-out",
		"ours beside the study's; held-out: collatz_length\n(synthesis: every program in turn, leave-one-out)",
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "60", Left: "50", Right: "20"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Show: opts.Bool(true), Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "% right", Type: "value", Min: 0, Max: 100,
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.SetXAxis(cats)
	label := charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"})
	bar.AddSeries("ours: train", bars(ourTrain), label)
	bar.AddSeries("ours: held-out", bars(ourTest), label)
	bar.AddSeries("study: train", bars(studyTrain), label)
	bar.AddSeries("study: held-out", bars(studyTest), label)
	return newChart("accuracy", "Execution accuracy: train vs held-out", bar), nil
}

// errNoData wraps ErrNoData with what is missing.
func errNoData(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrNoData, fmt.Sprintf(format, a...))
}
