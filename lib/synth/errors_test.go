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

// A task file's checks (its held-out judge) are accepted by ReadTasks and
// never reach the task the search sees.
func TestReadTasksDropsChecks(t *testing.T) {
	file := `[{"name": "A", "text": "squares", "offset": 0,
	  "examples": [{"inputs": [1], "output": 1}, {"inputs": [2], "output": 4}],
	  "checks": [{"inputs": [3], "output": 9}]}]`
	tasks, err := ReadTasks(strings.NewReader(file))
	if err != nil {
		t.Fatalf("ReadTasks: %v", err)
	}
	if len(tasks) != 1 || len(tasks[0].Examples) != 2 || tasks[0].Offset != 0 || tasks[0].Text != "squares" {
		t.Fatalf("got %+v", tasks)
	}
	for _, e := range tasks[0].Examples {
		if e.Output == 9 {
			t.Fatalf("a check reached the task: %+v", tasks[0])
		}
	}
	if _, err := ReadTasks(strings.NewReader(`[{"name": "A", "examples": [{"inputs": [1], "output": 1}], "answer": 3}]`)); err == nil {
		t.Fatal("an unknown key other than checks was accepted")
	}
}
