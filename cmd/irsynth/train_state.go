package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

// How `irsynth train` keeps a finished model safe (RATIONALE.md, "Why a
// resume file and a commit journal?"):
//
//   - Every epoch rewrites models/KIND.resume.ckpt, never models/KIND.ckpt,
//     so an interrupted run leaves the finished model alone.
//   - At the end the resume file becomes KIND.ckpt and the staged record
//     becomes phaseN_*.json through one results.Commit: the finished model
//     and its record change together, and a commit cut short is finished by
//     the next start (results.Recover).
//   - Each start takes models/KIND.lock, finishes any interrupted commit and
//     removes the .tmp-* files that interrupted writes left.

// trainState is one training run's hold on its files.
type trainState struct {
	kind    string
	dir     string // results directory
	ckpt    string // models/KIND.ckpt: the finished model
	resume  string // models/KIND.resume.ckpt: progress of an unfinished run
	record  string // the phase record's file name
	journal string
	lock    *os.File
	enc     models.Encoder // the encoder the model reads (nil: the default)
}

func (st *trainState) staged() string {
	return filepath.Join(st.dir, "."+st.record+".tmp-commit")
}

// openTrainState locks the kind's files in dir, finishes an interrupted
// commit and removes stale temporary files (reported on log).
func openTrainState(dir, kind, record string, log io.Writer) (*trainState, error) {
	md := filepath.Join(dir, results.ModelsSubdir)
	if err := os.MkdirAll(md, 0o755); err != nil {
		return nil, err
	}
	st := &trainState{kind: kind, dir: dir, ckpt: results.CheckpointPath(dir, kind), resume: filepath.Join(md, kind+".resume.ckpt"),
		record: record, journal: filepath.Join(md, kind+".commit.json")}
	lock, err := os.OpenFile(filepath.Join(md, kind+".lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("another 'irsynth train %s' is running on %s (%s is locked)", kind, dir, lock.Name())
	}
	st.lock = lock
	if done, err := results.Recover(st.journal); err != nil {
		st.close()
		return nil, err
	} else if done {
		fmt.Fprintf(log, "irsynth train: finished the interrupted commit of %s and %s\n", st.ckpt, filepath.Join(dir, record))
	}
	var stale []string
	for _, c := range []struct {
		dir   string
		names []string
	}{
		{md, []string{kind + ".ckpt", kind + ".resume.ckpt", kind + ".commit.json"}},
		{dir, []string{record, "." + record + ".tmp-commit"}},
	} {
		rm, err := results.CleanStale(c.dir, c.names...)
		stale = append(stale, rm...)
		if err != nil {
			st.close()
			return nil, err
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(log, "irsynth train: removed %d temporary file(s) left by an interrupted run\n", len(stale))
	}
	return st, nil
}

func (st *trainState) close() {
	if st.lock != nil {
		st.lock.Close() // releases the flock
		st.lock = nil
	}
}

// errNothingToResume: --resume found no unfinished run and no finished
// model with fewer epochs than asked for.
var errNothingToResume = errors.New("nothing to resume")

// prepareResume makes the resume file what --resume continues from: an
// unfinished run's, or else a copy of the finished model when it has fewer
// than epochs epochs. It returns the epochs already done.
func (st *trainState) prepareResume(epochs int) (int, error) {
	if done, err := st.epochsIn(st.resume); err == nil {
		return done, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return 0, err
	}
	done, err := st.epochsIn(st.ckpt)
	if errors.Is(err, os.ErrNotExist) {
		return 0, fmt.Errorf("%w: no interrupted run (%s) and no trained model (%s); drop --resume", errNothingToResume, st.resume, st.ckpt)
	}
	if err != nil {
		return 0, err
	}
	if done >= epochs {
		return 0, fmt.Errorf("%w: %s has finished %d epoch(s), and --epochs asks for %d; raise --epochs or drop --resume", errNothingToResume, st.ckpt, done, epochs)
	}
	data, err := results.ReadFile(st.ckpt, models.MaxCheckpointSize)
	if err != nil {
		return 0, err
	}
	if err := results.WriteFile(st.resume, data); err != nil {
		return 0, err
	}
	return done, nil
}

// epochsIn returns how many epochs the checkpoint at path has trained.
func (st *trainState) epochsIn(path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, err
	}
	switch st.kind {
	case "classifier":
		c, err := models.LoadClassifier(path, st.enc)
		if err != nil {
			return 0, err
		}
		return len(c.History), nil
	default:
		d, err := models.LoadDecoder(path, st.enc)
		if err != nil {
			return 0, err
		}
		return len(d.History), nil
	}
}

// commit makes the finished run's resume file the model and rec its
// record, together.
func (st *trainState) commit(rec any) error {
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", st.record, err)
	}
	if err := results.WriteFile(st.staged(), append(data, '\n')); err != nil {
		return err
	}
	return results.Commit(st.journal, []results.Move{
		{From: st.resume, To: st.ckpt},
		{From: st.staged(), To: filepath.Join(st.dir, st.record)},
	})
}
