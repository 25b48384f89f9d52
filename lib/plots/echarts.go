package plots

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// EchartsEnv names the environment variable that points at echarts.min.js.
const EchartsEnv = "IRSYNTH_ECHARTS"

// echartsRel is echarts.min.js relative to the module root.
var echartsRel = filepath.Join("web", "node_modules", "echarts", "dist", "echarts.min.js")

// EchartsPath returns the path of echarts.min.js: $IRSYNTH_ECHARTS if set,
// else web/node_modules/echarts/dist/echarts.min.js under the module root
// (found by walking up from the working directory, then from this source
// file's directory). The error matches ErrNoEcharts and lists where it looked.
func EchartsPath() (string, error) {
	if p := os.Getenv(EchartsEnv); p != "" {
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			return "", fmt.Errorf("%w: $%s=%s is not a file", ErrNoEcharts, EchartsEnv, p)
		}
		return p, nil
	}
	var tried []string
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok {
		starts = append(starts, filepath.Dir(file))
	}
	for _, start := range starts {
		for dir := start; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				p := filepath.Join(dir, echartsRel)
				if st, err := os.Stat(p); err == nil && !st.IsDir() {
					return p, nil
				}
				tried = append(tried, p)
				break
			}
			if parent := filepath.Dir(dir); parent == dir {
				break
			}
		}
	}
	return "", fmt.Errorf("%w (looked in %s); run scripts/setup.sh or set $%s",
		ErrNoEcharts, strings.Join(tried, ", "), EchartsEnv)
}

var echartsCache struct {
	sync.Mutex
	path string
	js   []byte
}

// EchartsJS returns the contents of echarts.min.js (read once per path).
func EchartsJS() ([]byte, error) {
	p, err := EchartsPath()
	if err != nil {
		return nil, err
	}
	echartsCache.Lock()
	defer echartsCache.Unlock()
	if echartsCache.path == p {
		return echartsCache.js, nil
	}
	js, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoEcharts, err)
	}
	if len(js) == 0 {
		return nil, fmt.Errorf("%w: %s is empty", ErrNoEcharts, p)
	}
	echartsCache.path, echartsCache.js = p, js
	return js, nil
}
