package plots

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/irsynth/irsynth/lib/results"
)

// maxBins bounds the number of histogram bars.
const maxBins = 40

// histogram counts lengths of both series in shared bins of equal width.
func histogram(a, b []int) (labels []string, ca, cb []int) {
	lo, hi := a[0], a[0]
	for _, s := range [][]int{a, b} {
		for _, v := range s {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	width := (hi - lo + maxBins) / maxBins
	n := (hi-lo)/width + 1
	ca, cb = make([]int, n), make([]int, n)
	for _, v := range a {
		ca[(v-lo)/width]++
	}
	for _, v := range b {
		cb[(v-lo)/width]++
	}
	for i := range n {
		from := lo + i*width
		if width == 1 {
			labels = append(labels, strconv.Itoa(from))
		} else {
			labels = append(labels, fmt.Sprintf("%d–%d", from, from+width-1))
		}
	}
	return labels, ca, cb
}

// Lengths draws histograms of the decoder's generated program lengths and
// the target lengths (opcodes, START and END included).
func Lengths(p4 *results.Phase4) (*Chart, error) {
	if p4 == nil || len(p4.GeneratedLengths) == 0 || len(p4.TargetLengths) == 0 {
		return nil, errNoData("decoder program lengths (phase 4)")
	}
	labels, gen, tgt := histogram(p4.GeneratedLengths, p4.TargetLengths)
	toBars := func(c []int) []opts.BarData {
		out := make([]opts.BarData, len(c))
		for i, v := range c {
			out[i] = opts.BarData{Value: v}
		}
		return out
	}
	s := results.Study
	bar := charts.NewBar()
	bar.SetGlobalOptions(titled("Program lengths: generated vs target",
		fmt.Sprintf("ours: mean generated %.1f, target %.1f; held-out %.1f vs %.1f\nstudy: about %.0f whatever the target; Collatz needs %d", p4.MeanGenerated, p4.MeanTarget, p4.TestMeanGen, p4.TestTargetLen, s.DecoderMeanLength, s.CollatzTargetLength),
		charts.WithGridOpts(opts.Grid{Top: "110", Bottom: "60", Left: "50", Right: "20"}),
		charts.WithXAxisOpts(opts.XAxis{Name: "opcodes", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "programs", Type: "value",
			AxisLabel: &opts.AxisLabel{Show: opts.Bool(true)}}),
	)...)
	bar.SetXAxis(labels)
	bar.AddSeries("generated", toBars(gen))
	bar.AddSeries("target", toBars(tgt))
	return newChart("lengths", "Program lengths: generated vs target", bar), nil
}
