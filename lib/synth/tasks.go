package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A task file (the format of ../shared/oeis/dev300.json) is a JSON array of
// records, each a Task plus the checks it is judged on:
//
//	{"name": "A006577", "text": "...", "offset": 1,
//	 "examples": [{"inputs": [1], "output": 0}, ...],
//	 "checks":   [{"inputs": [11], "output": 14}, ...]}
//
// ReadTaskFile splits each record in two: the Task, which is all the
// synthesizer ever sees, and its Checks, which only the judge sees. The two
// types share nothing, so checks cannot reach a search by mistake.

// Checks are a task's held-out examples: a program answers the task rightly
// only if it gives every one of them exactly.
type Checks struct {
	Name   string    // the task's name
	Index  int       // the record's position in the file, from 0
	Offset int       // the sequence's first index (OEIS offset), for messages
	Cases  []Example // inputs and the outputs a right program gives
}

// MaxTaskFileBytes is the largest task file ReadTaskFile reads.
const MaxTaskFileBytes = 64 << 20

// MaxChecks is the most checks one task may carry.
const MaxChecks = 1000

type taskRecord struct {
	Name     string    `json:"name"`
	Text     string    `json:"text"`
	Offset   *int      `json:"offset"`
	Examples []Example `json:"examples"`
	Checks   []Example `json:"checks"`
}

// ReadTaskFile reads a task file. Every error names the record (its
// index and name) and what is wrong with it; ErrSpec matches them all.
func ReadTaskFile(r io.Reader) ([]Task, []Checks, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTaskFileBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrSpec, err)
	}
	if len(data) > MaxTaskFileBytes {
		return nil, nil, fmt.Errorf("%w: the file is over %d MiB", ErrSpec, MaxTaskFileBytes>>20)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, nil, fmt.Errorf("%w: not a JSON array of tasks: %v", ErrSpec, err)
	}
	if len(raw) == 0 {
		return nil, nil, fmt.Errorf("%w: no tasks", ErrSpec)
	}
	tasks := make([]Task, len(raw))
	checks := make([]Checks, len(raw))
	seen := make(map[string]int, len(raw))
	for i, m := range raw {
		var rec taskRecord
		dec := json.NewDecoder(bytes.NewReader(m))
		dec.DisallowUnknownFields()
		err := dec.Decode(&rec)
		where := recordName(i, rec.Name, m)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", ErrSpec, where, jsonDetail(err))
		}
		if rec.Name == "" {
			return nil, nil, fmt.Errorf("%w: %s: field name: missing or empty", ErrSpec, where)
		}
		if j, dup := seen[rec.Name]; dup {
			return nil, nil, fmt.Errorf("%w: %s: the name is already used by record %d", ErrSpec, where, j)
		}
		seen[rec.Name] = i
		if rec.Offset == nil {
			return nil, nil, fmt.Errorf("%w: %s: field offset: missing", ErrSpec, where)
		}
		if *rec.Offset < 0 {
			return nil, nil, fmt.Errorf("%w: %s: field offset: %d, must be 0 or more", ErrSpec, where, *rec.Offset)
		}
		t := newFileTask(rec.Name, rec.Text, *rec.Offset, rec.Examples)
		if err := t.Validate(); err != nil {
			return nil, nil, fmt.Errorf("%w: %s: %v", ErrSpec, where, err)
		}
		if len(rec.Checks) == 0 || len(rec.Checks) > MaxChecks {
			return nil, nil, fmt.Errorf("%w: %s: field checks: %d checks, must be 1..%d", ErrSpec, where, len(rec.Checks), MaxChecks)
		}
		for k, c := range rec.Checks {
			if len(c.Inputs) != t.Arity() {
				return nil, nil, fmt.Errorf("%w: %s: checks[%d].inputs: %d operands, the examples have %d", ErrSpec, where, k, len(c.Inputs), t.Arity())
			}
		}
		tasks[i] = t
		checks[i] = Checks{Name: rec.Name, Index: i, Offset: *rec.Offset, Cases: rec.Checks}
	}
	return tasks, checks, nil
}

// recordName is how errors name record i: "record 12 (A000045)".
func recordName(i int, name string, m json.RawMessage) string {
	if name == "" {
		// the record did not decode; look for its name alone
		var n struct {
			Name string `json:"name"`
		}
		if json.Unmarshal(m, &n) == nil {
			name = n.Name
		}
	}
	if name == "" {
		return "record " + strconv.Itoa(i)
	}
	return fmt.Sprintf("record %d (%s)", i, name)
}

func jsonDetail(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %s: %s where %s was expected", te.Field, te.Value, te.Type)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// Shard is one part of a task file for a batch system: task i (from 0, in
// file order) belongs to shard K/N when i%N == K-1. The zero Shard, like
// 1/1, is the whole file.
type Shard struct{ K, N int }

// ParseShard reads "K/N" with 1 <= K <= N.
func ParseShard(s string) (Shard, error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(ks)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return Shard{}, fmt.Errorf("%w: shard %q: want K/N with 1 <= K <= N", ErrSpec, s)
	}
	return Shard{K: k, N: n}, nil
}

func (s Shard) String() string {
	if s.N == 0 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// Has reports whether task i belongs to the shard.
func (s Shard) Has(i int) bool { return s.N <= 1 || i%s.N == s.K-1 }
