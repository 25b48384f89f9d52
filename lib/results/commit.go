package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Move is one staged file (From, complete and synced) and the file it
// replaces (To).
type Move struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Commit replaces several files together: after it returns nil every To
// holds its From, and if the process dies part-way, Recover on the same
// journal finishes the job, so a reader never keeps one new file beside
// another's old version (a trained model and its results record). The
// journal (a file path) is written atomically before the first rename and
// removed after the last; the staged files must already be complete.
func Commit(journal string, moves []Move) error {
	for _, m := range moves {
		st, err := os.Stat(m.From)
		if err != nil {
			return fmt.Errorf("results: commit: %w", err)
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("results: commit: %w: %s", ErrNotRegular, m.From)
		}
	}
	data, err := json.Marshal(moves)
	if err != nil {
		return fmt.Errorf("results: commit: %w", err)
	}
	if err := WriteFile(journal, data); err != nil {
		return err
	}
	if err := replay(moves); err != nil {
		return err
	}
	if err := os.Remove(journal); err != nil {
		return fmt.Errorf("results: commit: %w", err)
	}
	return syncDir(filepath.Dir(journal))
}

// Recover finishes a Commit interrupted before it removed journal, and
// reports whether there was one to finish. No journal: false, nil.
func Recover(journal string) (bool, error) {
	data, err := ReadFile(journal, 1<<20)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("results: recover %s: %w", journal, err)
	}
	var moves []Move
	if err := json.Unmarshal(data, &moves); err != nil {
		return false, fmt.Errorf("results: recover %s: malformed journal: %w", journal, err)
	}
	if err := replay(moves); err != nil {
		return false, err
	}
	if err := os.Remove(journal); err != nil {
		return false, fmt.Errorf("results: recover: %w", err)
	}
	return true, syncDir(filepath.Dir(journal))
}

// replay renames every From that is still there onto its To; a From that
// is gone was renamed before the interruption.
func replay(moves []Move) error {
	dirs := map[string]bool{}
	for _, m := range moves {
		err := os.Rename(m.From, m.To)
		if err != nil && !(errors.Is(err, os.ErrNotExist) && exists(m.To)) {
			return fmt.Errorf("results: commit %s: %w", m.To, err)
		}
		dirs[filepath.Dir(m.To)] = true
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// syncDir makes the renames in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("results: sync %s: %w", dir, err)
	}
	return nil
}

// CleanStale removes the temporary files that interrupted writes of the
// named files left in dir (WriteFile's ".NAME.tmp-*"), and returns what it
// removed. Call it only while no other writer of those names runs.
func CleanStale(dir string, names ...string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("results: %w", err)
	}
	var removed []string
	for _, e := range entries {
		for _, n := range names {
			if strings.HasPrefix(e.Name(), "."+n+".tmp-") && e.Type().IsRegular() {
				p := filepath.Join(dir, e.Name())
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					return removed, fmt.Errorf("results: %w", err)
				}
				removed = append(removed, p)
				break
			}
		}
	}
	return removed, nil
}
