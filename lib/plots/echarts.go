package plots

import (
	"embed"
	"fmt"
	"os"
	"sync"
)

// EchartsEnv names the environment variable that may point at another
// echarts.min.js; it overrides the embedded copy.
const EchartsEnv = "IRSYNTH_ECHARTS"

// MissingEcharts is what a binary built without echarts says, on startup
// and where a chart would be.
const MissingEcharts = "charts need echarts: run scripts/setup.sh (it copies echarts.min.js into lib/plots/assets), then rebuild"

// assets holds echarts.min.js when scripts/setup.sh ran before the build;
// the folder's README.md keeps the embed valid when it did not.
//
//go:embed assets
var assets embed.FS

// embedded is the echarts.min.js built in, or nil (a variable so tests can
// take it away).
var embedded = func() []byte {
	js, err := assets.ReadFile("assets/echarts.min.js")
	if err != nil || len(js) == 0 {
		return nil
	}
	return js
}()

var fromEnv struct {
	sync.Mutex
	path string
	js   []byte
}

// EchartsJS returns echarts.min.js: the file $IRSYNTH_ECHARTS names if set,
// else the copy built into the binary. It never looks at the working
// directory, so charts draw the same wherever the binary runs. Without
// either the error matches ErrNoEcharts and says MissingEcharts.
func EchartsJS() ([]byte, error) {
	if p := os.Getenv(EchartsEnv); p != "" {
		fromEnv.Lock()
		defer fromEnv.Unlock()
		if fromEnv.path == p {
			return fromEnv.js, nil
		}
		js, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%w: $%s: %v", ErrNoEcharts, EchartsEnv, err)
		}
		if len(js) == 0 {
			return nil, fmt.Errorf("%w: $%s=%s is empty", ErrNoEcharts, EchartsEnv, p)
		}
		fromEnv.path, fromEnv.js = p, js
		return js, nil
	}
	if embedded == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoEcharts, MissingEcharts)
	}
	return embedded, nil
}

// EchartsBuiltIn reports whether this binary embeds echarts.min.js.
func EchartsBuiltIn() bool { return embedded != nil }
