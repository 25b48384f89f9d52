package plots

import "errors"

var (
	// ErrNoData: the record a chart needs is missing or holds no data.
	ErrNoData = errors.New("plots: no data")
	// ErrNoEcharts: no echarts.min.js: not built in, or $IRSYNTH_ECHARTS unreadable.
	ErrNoEcharts = errors.New("plots: echarts.min.js not found")
	// ErrUnknownChart: no chart has the requested id.
	ErrUnknownChart = errors.New("plots: unknown chart")
	// ErrInternal: a panic inside go-echarts, recovered at the package
	// boundary.
	ErrInternal = errors.New("plots: internal error")
)
