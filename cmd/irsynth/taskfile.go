package main

import (
	"bytes"
	"fmt"

	"github.com/irsynth/irsynth/lib/results"
	"github.com/irsynth/irsynth/lib/synth"
)

// readTaskFile reads a task file (the dev300.json format) under the size
// limit; the error names the file.
func readTaskFile(path string) ([]synth.Task, []synth.Checks, error) {
	data, err := results.ReadInput(path, synth.MaxTaskFileBytes)
	if err != nil {
		return nil, nil, err
	}
	tasks, checks, err := synth.ReadTaskFile(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return tasks, checks, nil
}
