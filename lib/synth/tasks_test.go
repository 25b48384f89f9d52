package synth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/lib/results"
)

// seqRecord writes one task-file record for a(n) = f(n), n from offset:
// examples are the first k terms, checks the next ones.
func seqRecord(name string, offset, k, checks int, f func(n int) int) string {
	var ex, ch []string
	for n := offset; n < offset+k+checks; n++ {
		e := fmt.Sprintf(`{"inputs": [%d], "output": %d}`, n, f(n))
		if n < offset+k {
			ex = append(ex, e)
		} else {
			ch = append(ch, e)
		}
	}
	return fmt.Sprintf(`{"name": %q, "text": "a sequence", "offset": %d, "examples": [%s], "checks": [%s]}`,
		name, offset, strings.Join(ex, ","), strings.Join(ch, ","))
}

func TestReadTaskFileErrors(t *testing.T) {
	ok := seqRecord("A1", 0, 5, 3, func(n int) int { return n })
	cases := []struct {
		name, given, wantMsg string
	}{
		{"not an array", `{"name": "x"}`, "not a JSON array"},
		{"empty", `[]`, "no tasks"},
		{"unknown field", `[` + ok + `, {"name": "A2", "offset": 0, "examples": [], "checks": [], "answer": 3}]`, `record 1 (A2): unknown field "answer"`},
		{"wrong type", `[{"name": "A3", "offset": "one"}]`, "record 0 (A3): field offset"},
		{"no checks", `[{"name": "A4", "offset": 0, "examples": [{"inputs": [0], "output": 0}], "checks": []}]`, "record 0 (A4): field checks: 0 checks"},
		{"no offset", `[{"name": "A5", "examples": [{"inputs": [0], "output": 0}], "checks": [{"inputs": [1], "output": 0}]}]`, "record 0 (A5): field offset: missing"},
		{"check arity", `[{"name": "A6", "offset": 0, "examples": [{"inputs": [0], "output": 0}], "checks": [{"inputs": [1, 2], "output": 0}]}]`, "record 0 (A6): checks[0].inputs"},
		{"duplicate", `[` + ok + `,` + ok + `]`, "record 1 (A1): the name is already used by record 0"},
		{"no examples", `[{"name": "A7", "offset": 0, "examples": [], "checks": [{"inputs": [1], "output": 0}]}]`, "record 0 (A7)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadTaskFile(strings.NewReader(tc.given))
			if !errors.Is(err, ErrSpec) || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("got %v, want ErrSpec containing %q", err, tc.wantMsg)
			}
		})
	}
}

func TestShard(t *testing.T) {
	s, err := ParseShard("2/3")
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for i := 0; i < 8; i++ {
		if s.Has(i) {
			got = append(got, i)
		}
	}
	if fmt.Sprint(got) != "[1 4 7]" {
		t.Fatalf("shard 2/3 of 8 tasks: %v, want [1 4 7]", got)
	}
	for _, bad := range []string{"0/3", "4/3", "1", "a/b", "1/0"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

// TestEvalTasksJudges: the search sees only the examples; the judge's
// checks decide. a(n) = n on the examples but a(5) = 100 on the checks
// makes the natural answer (SLOT_0) wrong; n+1 everywhere is solved.
func TestEvalTasksJudges(t *testing.T) {
	file := "[" + seqRecord("id_then_jump", 0, 5, 0, func(n int) int { return n }) + "]"
	file = strings.Replace(file, `"checks": []`, `"checks": [{"inputs": [5], "output": 100}]`, 1)
	file = strings.TrimSuffix(file, "]") + "," + seqRecord("succ", 1, 6, 20, func(n int) int { return n + 1 }) + "]"
	tasks, checks, err := ReadTaskFile(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := EvalTasks(context.Background(), tasks, checks, TasksConfig{Options: Options{Budget: 5 * time.Second}, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 {
		t.Fatalf("%d results", len(rs))
	}
	want := []string{results.OutcomeWrong, results.OutcomeSolved}
	for i, r := range rs {
		if r.Outcome != want[i] {
			t.Errorf("%s: outcome %s (%s, %s), want %s", r.Name, r.Outcome, r.Program, r.Failed, want[i])
		}
	}
	if rs[0].Failed != "a(5) = 100, got 5" {
		t.Errorf("failed check %q", rs[0].Failed)
	}
}

// TestEvalTasksCancelled: a cancelled evaluation returns ctx's error and
// only tasks that finished, never a task cut short as "not found".
func TestEvalTasksCancelled(t *testing.T) {
	var recs []string
	for i := 0; i < 6; i++ {
		// a(n) = n^5 mod 7919 + n: nothing the search finds in a moment
		recs = append(recs, seqRecord(fmt.Sprintf("hard%d", i), 0, 10, 5, func(n int) int { return (n*n*n*n*n)%7919 + n + i }))
	}
	tasks, checks, err := ReadTaskFile(strings.NewReader("[" + strings.Join(recs, ",") + "]"))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	rs, err := EvalTasks(ctx, tasks, checks, TasksConfig{Options: Options{Budget: 30 * time.Second}, Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("returned %v after cancel", el)
	}
	for _, r := range rs {
		if r.Outcome == results.OutcomeNotFound {
			t.Errorf("%s: a search cut short is reported as not found", r.Name)
		}
	}
}
