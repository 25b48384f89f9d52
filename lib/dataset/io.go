package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// File is the JSON form of one part ("train" or "test") of a split.
type File struct {
	Split    results.Split `json:"split"`
	Part     string        `json:"part"`
	Examples []Example     `json:"examples"`
}

// MaxFileSize bounds a dataset file Read accepts (the largest split is a
// few hundred kilobytes).
const MaxFileSize = 256 << 20

// Write stores examples as a File at path, atomically.
func Write(path string, s Split, part string, examples []Example) error {
	data, err := json.MarshalIndent(File{Split: s.Record(), Part: part, Examples: examples}, "", " ")
	if err != nil {
		return fmt.Errorf("dataset: encode %s: %w", path, err)
	}
	return results.WriteFile(path, append(data, '\n'))
}

// Read loads a File and checks every record: a non-empty text, a library
// program, as many operands as the program takes, and an expected answer
// that the program reproduces. Errors are *RecordError naming the file and
// the record.
func Read(path string) (*File, error) {
	data, err := results.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, &RecordError{File: path, Record: -1, Err: err}
	}
	return Parse(path, data)
}

// Parse is Read on data already in memory; name is used in errors.
func Parse(name string, data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, &RecordError{File: name, Record: -1, Err: jsonError(data, err)}
	}
	if f.Part != "train" && f.Part != "test" {
		return nil, &RecordError{File: name, Record: -1, Err: fmt.Errorf("part is %q, want \"train\" or \"test\"", f.Part)}
	}
	execs := map[string]*ir.Exec{}
	for i, ex := range f.Examples {
		if err := checkExample(ex, execs); err != nil {
			return nil, &RecordError{File: name, Record: i, Err: err}
		}
	}
	return &f, nil
}

func checkExample(ex Example, execs map[string]*ir.Exec) error {
	if ex.Text == "" {
		return errors.New("empty text")
	}
	spec, ok := ir.LibraryProgram(ex.Program)
	if !ok {
		return fmt.Errorf("%w %q", ErrUnknownProgram, ex.Program)
	}
	if len(ex.Operands) != spec.Arity {
		return fmt.Errorf("%s takes %d operands, record has %d", ex.Program, spec.Arity, len(ex.Operands))
	}
	e := execs[ex.Program]
	if e == nil {
		var err error
		if e, err = ir.Prepare(spec.Program); err != nil {
			return err
		}
		execs[ex.Program] = e
	}
	got, err := e.Run(ex.Operands, ir.DefaultFuel)
	if err != nil {
		return fmt.Errorf("%s%v: %w", ex.Program, ex.Operands, err)
	}
	if got != ex.Expected {
		return fmt.Errorf("expected %d, but %s%v gives %d", ex.Expected, ex.Program, ex.Operands, got)
	}
	return nil
}

// jsonError adds the line and column to a JSON decoding error.
func jsonError(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(data)) {
		return fmt.Errorf("malformed JSON: %w", err)
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Errorf("malformed JSON at line %d, column %d: %w", line, col, err)
}
