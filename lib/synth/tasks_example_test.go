package synth_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/synth"
)

// A task file splits into what the synthesizer sees and what the judge
// sees; EvalGuess answers with the guesser and judges on the checks.
func ExampleReadTaskFile() {
	file := `[{"name": "odd", "text": "The odd numbers.", "offset": 0,
	  "examples": [{"inputs": [0], "output": 1}, {"inputs": [1], "output": 3}, {"inputs": [2], "output": 5}, {"inputs": [3], "output": 7}],
	  "checks":   [{"inputs": [4], "output": 9}, {"inputs": [50], "output": 101}]}]`
	tasks, checks, err := synth.ReadTaskFile(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tasks[0].Name, len(tasks[0].Examples), "examples;", len(checks[0].Cases), "checks for the judge")
	for _, r := range synth.EvalGuess(tasks, checks, synth.Shard{}) {
		fmt.Println(r.Name, r.Outcome, r.Method, r.Program)
	}
	rs, _ := synth.EvalTasks(context.Background(), tasks, checks, synth.TasksConfig{})
	fmt.Println(rs[0].Name, rs[0].Outcome, *rs[0].Right)
	// Output:
	// odd 4 examples; 2 checks for the judge
	// odd solved poly1 a(n) = 1*n^0 + 2*n^1
	// odd solved true
}

func ExampleParseShard() {
	s, _ := synth.ParseShard("2/3")
	for i := 0; i < 7; i++ {
		if s.Has(i) {
			fmt.Print(i, " ")
		}
	}
	fmt.Println()
	// Output: 1 4
}
