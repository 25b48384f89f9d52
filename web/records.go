package web

import (
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/irsynth/irsynth/lib/plots"
	"github.com/irsynth/irsynth/lib/results"
)

// phaseFiles are the records the dashboard watches, by phase number.
var phaseFiles = []string{results.Phase1File, results.Phase2File, results.Phase3File, results.Phase4File, results.Phase5File, results.TasksFile, results.TasksGuessFile}

// recordCache re-reads the results directory only when a file changed.
type recordCache struct {
	dir     string
	mu      sync.Mutex
	version string
	recs    plots.Records
	err     error
}

// FileState is one watched file's size and modification time.
type FileState struct {
	Name    string `json:"name"`
	Present bool   `json:"present"`
	Size    int64  `json:"size,omitempty"`
	ModNs   int64  `json:"mod_ns,omitempty"`
}

// state stats every watched file and the reports directory; version
// changes whenever any of them does.
func (rc *recordCache) state() (string, []FileState) {
	h := fnv.New64a()
	var files []FileState
	for _, name := range phaseFiles {
		fs := FileState{Name: name}
		if st, err := os.Stat(filepath.Join(rc.dir, name)); err == nil {
			fs = FileState{Name: name, Present: true, Size: st.Size(), ModNs: st.ModTime().UnixNano()}
		}
		files = append(files, fs)
		fmt.Fprintf(h, "%s:%v:%d:%d;", fs.Name, fs.Present, fs.Size, fs.ModNs)
	}
	entries, _ := os.ReadDir(filepath.Join(rc.dir, results.ReportsSubdir))
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			names = append(names, fmt.Sprintf("%s:%d:%d", e.Name(), info.Size(), info.ModTime().UnixNano()))
		}
	}
	sort.Strings(names)
	fmt.Fprintf(h, "%v", names)
	return fmt.Sprintf("%016x", h.Sum64()), files
}

// get returns the current records. A file that is present but unusable
// (not a regular file, malformed, invalid) leaves its record nil and is
// named in broken, so that every page says the same thing about it.
func (rc *recordCache) get() loaded {
	v, _ := rc.state()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if v != rc.version {
		rc.recs, rc.err = plots.Load(rc.dir)
		rc.version = v
	}
	return loaded{recs: rc.recs, version: rc.version, err: rc.err, broken: brokenFiles(rc.err)}
}

// loaded is one read of the results directory.
type loaded struct {
	recs    plots.Records
	version string
	err     error             // every problem, one per line
	broken  map[string]string // file name → what is wrong with it
}

// brokenFiles maps each file named by a *results.FileError in err (as
// plots.Load joins them) to its message.
func brokenFiles(err error) map[string]string {
	out := map[string]string{}
	var walk func(error)
	walk = func(err error) {
		var fe *results.FileError
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
		} else if errors.As(err, &fe) {
			out[fe.Name] = fe.Error()
		}
	}
	if err != nil {
		walk(err)
	}
	return out
}

// phaseFile is the record file of phase n (1..5), or "".
func phaseFile(n int) string {
	if n < 1 || n > len(phaseFiles) {
		return ""
	}
	return phaseFiles[n-1]
}
