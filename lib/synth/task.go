package synth

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/irsynth/irsynth/lib/ir"
)

// Example is one input→output pair of a task.
type Example struct {
	Inputs []int32 `json:"inputs"`
	Output int32   `json:"output"`
}

// Task is a synthesis request as a person gives it: a name (a label only),
// a natural-language text and a few input→output examples. The search
// knows nothing else about it, whatever its name.
type Task struct {
	Name     string    `json:"name"`
	Text     string    `json:"text,omitempty"`
	Offset   int       `json:"offset,omitempty"` // first n of a sequence task (informational)
	Examples []Example `json:"examples"`
}

// MaxExamples is the most examples a task may give.
const MaxExamples = 20

// Arity is the number of operands of the task's examples.
func (t Task) Arity() int {
	if len(t.Examples) == 0 {
		return 0
	}
	return len(t.Examples[0].Inputs)
}

// Validate checks that the task has 1..MaxExamples examples with the same
// number (1..4) of operands; the error names the task and the example.
func (t Task) Validate() error {
	name := t.Name
	if name == "" {
		name = "(unnamed)"
	}
	if len(t.Examples) == 0 {
		return fmt.Errorf("%w: task %s: field examples: no examples", ErrTask, name)
	}
	if len(t.Examples) > MaxExamples {
		return fmt.Errorf("%w: task %s: field examples: %d examples, at most %d", ErrTask, name, len(t.Examples), MaxExamples)
	}
	a := len(t.Examples[0].Inputs)
	for i, e := range t.Examples {
		if len(e.Inputs) == 0 || len(e.Inputs) > ir.NumSlots {
			return fmt.Errorf("%w: task %s: examples[%d].inputs: %d operands, must be 1..%d", ErrTask, name, i, len(e.Inputs), ir.NumSlots)
		}
		if len(e.Inputs) != a {
			return fmt.Errorf("%w: task %s: examples[%d].inputs: %d operands, examples[0] has %d", ErrTask, name, i, len(e.Inputs), a)
		}
	}
	// Two outputs for one input: no program fits, so say so rather than
	// search the whole budget for one.
	for i, e := range t.Examples {
		for j, f := range t.Examples[:i] {
			if f.Output != e.Output && slices.Equal(f.Inputs, e.Inputs) {
				return fmt.Errorf("%w: task %s: examples[%d] and examples[%d] give the same input %s two outputs, %d and %d",
					ErrTask, name, j, i, strings.TrimSuffix(FormatExample(Example{Inputs: e.Inputs}), "→0"), f.Output, e.Output)
			}
		}
	}
	return nil
}

// ParseExamples reads examples written as a person would:
//
//	27→111, 7→16, 1→0
//	(12, 18)→6; (7, 3) -> 1
//	12 18 -> 6, 7 3 -> 1
//
// Each example is inputs, an arrow (→ or ->) and the output; examples are
// separated by commas or semicolons outside parentheses, or by new lines.
func ParseExamples(s string) ([]Example, error) {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth--; depth < 0 {
				return nil, fmt.Errorf("%w: unbalanced parentheses: %q at byte %d closes nothing", ErrExamples, r, i)
			}
		case ',', ';', '\n':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + len(string(r))
			}
		}
	}
	if depth > 0 {
		return nil, fmt.Errorf("%w: unbalanced parentheses: %d left open", ErrExamples, depth)
	}
	parts = append(parts, s[start:])
	var out []Example
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		e, err := parseExample(p)
		if err != nil {
			return nil, fmt.Errorf("%w: example %d %q: %v", ErrExamples, len(out)+1, p, err)
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no examples in %q", ErrExamples, s)
	}
	return out, nil
}

func parseExample(p string) (Example, error) {
	p = strings.ReplaceAll(p, "→", "->")
	lhs, rhs, ok := strings.Cut(p, "->")
	if !ok {
		return Example{}, fmt.Errorf("no arrow (→ or ->)")
	}
	if strings.Contains(rhs, "->") {
		return Example{}, fmt.Errorf("more than one arrow")
	}
	lhs = strings.TrimSpace(lhs)
	lhs = strings.TrimPrefix(strings.TrimPrefix(lhs, "("), "[")
	lhs = strings.TrimSuffix(strings.TrimSuffix(lhs, ")"), "]")
	fields := strings.FieldsFunc(lhs, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return Example{}, fmt.Errorf("no inputs before the arrow")
	}
	var e Example
	for _, f := range fields {
		v, err := parseI32(f)
		if err != nil {
			return Example{}, fmt.Errorf("input %q: %v", f, err)
		}
		e.Inputs = append(e.Inputs, v)
	}
	out := strings.TrimSpace(rhs)
	v, err := parseI32(out)
	if err != nil {
		return Example{}, fmt.Errorf("output %q: %v", out, err)
	}
	e.Output = v
	return e, nil
}

func parseI32(s string) (int32, error) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok {
			return 0, ne.Err
		}
		return 0, err
	}
	return int32(v), nil
}

// specRecord is one record of a --spec file: a Task, and the "checks" a
// task file (dev300.json) may carry as its held-out judge. The checks are
// read only so that such a file is accepted; they are dropped here and
// never reach the search.
type specRecord struct {
	Name     string          `json:"name"`
	Text     string          `json:"text,omitempty"`
	Offset   int             `json:"offset,omitempty"`
	Examples []Example       `json:"examples"`
	Checks   json.RawMessage `json:"checks,omitempty"`
}

// ReadTasks reads a JSON array of tasks and validates each; errors name the
// task (by name or position) and the field. A record's "checks" key (the
// task-file format's held-out judge) is accepted and discarded.
func ReadTasks(r io.Reader) ([]Task, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var recs []specRecord
	if err := dec.Decode(&recs); err != nil {
		var te *json.UnmarshalTypeError
		if ok := asType(err, &te); ok {
			return nil, fmt.Errorf("%w: field %s: %s where %s was expected", ErrSpec, te.Field, te.Value, te.Type)
		}
		return nil, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	tasks := make([]Task, len(recs))
	for i, rec := range recs {
		tasks[i] = Task{Name: rec.Name, Text: rec.Text, Offset: rec.Offset, Examples: rec.Examples}
	}
	if len(tasks) == 0 {
		return nil, fmt.Errorf("%w: no tasks", ErrSpec)
	}
	for i := range tasks {
		if tasks[i].Name == "" {
			tasks[i].Name = fmt.Sprintf("task%d", i+1)
		}
		if err := tasks[i].Validate(); err != nil {
			return nil, fmt.Errorf("%w: tasks[%d]: %w", ErrSpec, i, err)
		}
	}
	return tasks, nil
}

// WriteTasks writes tasks as ReadTasks reads them.
func WriteTasks(w io.Writer, tasks []Task) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(tasks)
}
