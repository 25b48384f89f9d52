package formula

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	b, _ := os.ReadFile("/work/shared/oeis/train3000.json")
	var tasks []oeisTask
	json.Unmarshal(b, &tasks)
	for _, task := range tasks {
		if !strings.Contains(task.Text, "a(n)") || len(Candidates(task.Text, 1)) > 0 {
			continue
		}
		t.Log(task.Text[:min(len(task.Text), 110)])
	}
}
