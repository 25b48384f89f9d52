package results

import (
	"errors"
	"strings"
	"testing"
)

func shardRecord(k string, idx ...int) Tasks {
	r := Tasks{Kind: "eval_tasks", System: "irsynth", FileSHA: "abc", FileTasks: 4, Budget: 10, Shards: []string{k}}
	for _, i := range idx {
		t := TaskResult{Index: i, Name: string(rune('a' + i)), Outcome: OutcomeNotFound}
		r.Tasks = append(r.Tasks, t)
		r.Totals.Count(t)
	}
	return r
}

func TestMergeTasks(t *testing.T) {
	a, b := shardRecord("1/2", 0, 2), shardRecord("2/2", 1, 3)
	m, err := MergeTasks([]Tasks{b, a}, []string{"b.json", "a.json"})
	if err != nil {
		t.Fatal(err)
	}
	if !m.Complete || m.Totals.Total != 4 || strings.Join(m.Shards, ",") != "1/2,2/2" || m.Tasks[1].Index != 1 {
		t.Fatalf("merged %+v", m)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	other := shardRecord("2/2", 1, 3)
	other.Budget = 3
	misplaced := shardRecord("2/2", 1, 2)
	for _, tc := range []struct {
		name    string
		given   []Tasks
		wantErr string
	}{
		{"same shard twice", []Tasks{a, a}, "both hold shard 1/2"},
		{"other budget", []Tasks{a, other}, "ran with budget 3s"},
		{"task outside its shard", []Tasks{a, misplaced}, "task 2 (c) is not in its shards"},
		{"split differently", []Tasks{a, shardRecord("2/3", 1)}, "split the file in 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := MergeTasks(tc.given, []string{"x.json", "y.json"})
			if !errors.Is(err, ErrMerge) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("got %v, want ErrMerge with %q", err, tc.wantErr)
			}
		})
	}
}

func TestTasksValidate(t *testing.T) {
	r := shardRecord("1/1", 0, 1)
	r.Totals.Solved++ // claims a solved task the list does not have
	if err := r.Validate(); err == nil || !strings.Contains(err.Error(), "do not add up") {
		t.Fatalf("Validate: %v", err)
	}
	r = shardRecord("1/1", 0)
	r.Tasks[0].Outcome = "maybe"
	if err := r.Validate(); err == nil {
		t.Fatal("an unknown outcome passes")
	}
}
