// Package plots turns irsynth result records (lib/results, the JSON files
// under results/) into go-echarts charts, and renders each chart three ways,
// all without network access:
//
//   - Page: a full HTML page with echarts.min.js embedded inline, for
//     saving to disk and opening from a file.
//   - Fragment and MimeBundle: a self-contained HTML fragment (echarts
//     embedded inline, a uniquely named <div>, one <script>) for the
//     notebook kernel, so a notebook exported to HTML renders offline.
//   - PageWithScript and Option: for the dashboard, which serves echarts
//     itself; PageWithScript links it with <script src>, Option gives the
//     echarts option JSON the dashboard's JavaScript passes to setOption.
//
// No output ever names a CDN: go-echarts' default asset host is replaced by
// LocalAssetsHost, and the HTML around a chart is written by this package.
// EchartsOnce keeps one inline copy of echarts in a page that has many
// fragments (an exported notebook).
//
// The stepper (stepper.js, StepperView, StepperFragment) draws an ir.Trace:
// the dashboard's playground serves its script, notebooks get it inline.
//
// # Charts
//
//	Accuracy(p3, p4, p5)   execution accuracy on train and held-out test per approach, beside the study's
//	Lengths(p4)            generated vs target program lengths (decoder), as histograms
//	History(id, title, h)  loss and accuracy per epoch; ClassifierHistory(p3), DecoderHistory(p4)
//	Collatz(p1)            Collatz lengths of the benchmark numbers, with the > 100 line
//	Dataset(p2)            examples per program in each dataset split
//	Confusion(p3)          the classifier's confusion matrix as a heatmap
//	Synthesis(p5)          the leave-one-out table: fresh inputs right per program, guided vs unguided
//	All(recs)              every chart whose record is present (Load(dir) reads the records)
//
// A chart whose record is missing or empty returns an error matching
// ErrNoData. Options hold no JavaScript functions, so Option is plain JSON.
//
// # Finding echarts
//
// Fragment and Page inline echarts.min.js, which is built into the package:
// scripts/setup.sh installs it from npm and copies it into lib/plots/assets
// (git-ignored), and `//go:embed assets` picks it up, so charts draw the
// same from any working directory. $IRSYNTH_ECHARTS, if set, names another
// copy. A binary built before setup has none: every rendering then returns
// an error matching ErrNoEcharts that says MissingEcharts ("charts need
// echarts: run scripts/setup.sh"), and the dashboard says so instead of
// drawing empty charts.
//
// # Where the rules live
//
// chart.go holds what every chart shares (the house style, titled; the
// Chart type and its renderings); echarts.go how echarts is found or
// embedded; records.go how the phase records are loaded; each chart has its
// own file (collatz.go, confusion.go, ...), and stepper.go the playground's
// stepper.
//
// # For the notebook kernel
//
//	c, err := plots.Collatz(&p1)
//	bundle, err := c.MimeBundle() // {"text/html": fragment, "text/plain": "Collatz lengths ..."}
//
// Every *Chart also satisfies the Displayer interface (MimeBundle) so a
// kernel can display any value that has that method.
package plots
