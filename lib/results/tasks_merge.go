package results

import (
	"errors"
	"fmt"
	"sort"
)

// ErrMerge: records that cannot be joined (different task files or
// settings, overlapping shards).
var ErrMerge = errors.New("results: cannot merge")

// MergeTasks joins the records of shards of one task file; names label the
// records in errors (their file names). The records must come from the same
// file (same SHA-256), system, budget and guidance, split the same way
// (same N), and hold different shards and different tasks. The result is
// Complete when it holds every task of the file.
func MergeTasks(recs []Tasks, names []string) (Tasks, error) {
	if len(recs) == 0 {
		return Tasks{}, fmt.Errorf("%w: no records", ErrMerge)
	}
	first := recs[0]
	m := first
	m.Shards, m.Tasks, m.Workers, m.LoadAvg = nil, nil, 0, ""
	shardOf := map[int]string{} // K -> record name
	taskOf := map[int]string{}  // task index -> record name
	n := 0
	for i, r := range recs {
		name := names[i]
		switch {
		case r.FileSHA != first.FileSHA || r.FileTasks != first.FileTasks:
			return Tasks{}, fmt.Errorf("%w: %s is of another task file than %s (sha256 %.12s, %d tasks vs %.12s, %d tasks)", ErrMerge, name, names[0], r.FileSHA, r.FileTasks, first.FileSHA, first.FileTasks)
		case r.System != first.System:
			return Tasks{}, fmt.Errorf("%w: %s is of system %s, %s of %s", ErrMerge, name, r.System, names[0], first.System)
		case r.Budget != first.Budget || r.Guided != first.Guided:
			return Tasks{}, fmt.Errorf("%w: %s ran with budget %gs guided %v, %s with %gs guided %v", ErrMerge, name, r.Budget, r.Guided, names[0], first.Budget, first.Guided)
		}
		for _, s := range r.Shards {
			var k, sn int
			if _, err := fmt.Sscanf(s, "%d/%d", &k, &sn); err != nil || k < 1 || k > sn {
				return Tasks{}, fmt.Errorf("%w: %s: shard %q is not K/N", ErrMerge, name, s)
			}
			if n == 0 {
				n = sn
			}
			if sn != n {
				return Tasks{}, fmt.Errorf("%w: %s holds shard %s, but other shards split the file in %d", ErrMerge, name, s, n)
			}
			if other, dup := shardOf[k]; dup {
				return Tasks{}, fmt.Errorf("%w: %s and %s both hold shard %s", ErrMerge, other, name, s)
			}
			shardOf[k] = name
			m.Shards = append(m.Shards, s)
		}
		for _, t := range r.Tasks {
			if t.Index < 0 || t.Index >= first.FileTasks {
				return Tasks{}, fmt.Errorf("%w: %s: task %s has index %d, the file has %d tasks", ErrMerge, name, t.Name, t.Index, first.FileTasks)
			}
			if n > 0 && shardOf[t.Index%n+1] != name {
				return Tasks{}, fmt.Errorf("%w: %s: task %d (%s) is not in its shards %v", ErrMerge, name, t.Index, t.Name, r.Shards)
			}
			if other, dup := taskOf[t.Index]; dup {
				return Tasks{}, fmt.Errorf("%w: task %d (%s) is in both %s and %s", ErrMerge, t.Index, t.Name, other, name)
			}
			taskOf[t.Index] = name
			m.Tasks = append(m.Tasks, t)
		}
		m.Workers += r.Workers
		if r.Started < m.Started {
			m.Started = r.Started
		}
		if r.Finished > m.Finished {
			m.Finished = r.Finished
		}
	}
	sort.Slice(m.Shards, func(i, j int) bool {
		var a, b, x int
		fmt.Sscanf(m.Shards[i], "%d/%d", &a, &x)
		fmt.Sscanf(m.Shards[j], "%d/%d", &b, &x)
		return a < b
	})
	sort.Slice(m.Tasks, func(i, j int) bool { return m.Tasks[i].Index < m.Tasks[j].Index })
	m.Totals = TaskTotals{}
	for _, t := range m.Tasks {
		m.Totals.Count(t)
	}
	m.Complete = len(m.Tasks) == m.FileTasks
	return m, nil
}
