package synth

import (
	"errors"
	"strings"
	"testing"
)

// TestReadTasksKeepsErrTask: a malformed task in a file is both a bad spec
// and a bad task; the wrapping keeps both sentinels.
func TestReadTasksKeepsErrTask(t *testing.T) {
	_, err := ReadTasks(strings.NewReader(`[{"name": "empty", "examples": []}]`))
	if !errors.Is(err, ErrSpec) || !errors.Is(err, ErrTask) {
		t.Fatalf("ReadTasks(a task with no examples) = %v, want ErrSpec and ErrTask", err)
	}
}
