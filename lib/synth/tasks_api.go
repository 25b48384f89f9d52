package synth

// newFileTask is the Task a task-file record gives the synthesizer: its
// name, text, offset and examples, never its checks.
func newFileTask(name, text string, offset int, ex []Example) Task {
	return Task{Name: name, Text: text, Offset: offset, Examples: ex}
}

// statusOf is the search's answer: solved, ambiguous or not_found.
func statusOf(r Result) string { return string(r.Status) }
