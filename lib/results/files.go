package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File names of the phase records inside a results directory.
const (
	Phase1File     = "phase1.json"
	Phase2File     = "phase2_dataset.json"
	Phase3File     = "phase3_classifier.json"
	Phase4File     = "phase4_decoder.json"
	Phase5File     = "phase5_synthesis.json"
	DefaultDir     = "results"
	ReportsSubdir  = "reports"
	ScreenshotsDir = "screenshots"
	// ModelsSubdir holds the trained models' checkpoints:
	// models/classifier.ckpt, models/decoder.ckpt.
	ModelsSubdir = "models"
)

// CheckpointPath is the checkpoint of the model of kind ("classifier",
// "decoder") in results directory dir.
func CheckpointPath(dir, kind string) string {
	return filepath.Join(dir, ModelsSubdir, kind+".ckpt")
}

// ErrNotFound is returned by Read when the record file does not exist yet.
var ErrNotFound = errors.New("results: record not found")

// FileError is a record file that exists but cannot be used: unreadable,
// not a regular file, too large, malformed JSON or an invalid record. It
// names the file, so that every page showing the record can say which one
// is broken and why.
type FileError struct {
	Name string // file name inside the results directory (phase1.json)
	Path string
	Err  error
}

func (e *FileError) Error() string {
	return "results: " + e.Path + ": " + strings.TrimPrefix(e.Err.Error(), "results: ")
}
func (e *FileError) Unwrap() error { return e.Err }

// Write marshals v as indented JSON to dir/name atomically: it writes a
// temporary file in the same directory and renames it over the target.
func Write(dir, name string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("results: encode %s: %w", name, err)
	}
	return WriteFile(filepath.Join(dir, name), append(data, '\n'))
}

// WriteFile writes data to path atomically, creating parent directories.
func WriteFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("results: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("results: %w", err)
	}
	tmp := f.Name()
	_, werr := f.Write(data)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, path)
	}
	if werr != nil {
		os.Remove(tmp)
		return fmt.Errorf("results: write %s: %w", path, werr)
	}
	return nil
}

// Read decodes dir/name into v and, when v is a Validator, checks it. A
// missing file gives an error matching ErrNotFound; anything else wrong is
// a *FileError naming the file: not a regular file (ErrNotRegular, found
// without blocking, so a FIFO cannot wedge a reader), over MaxRecordSize
// (ErrTooLarge), malformed JSON, or a record that breaks its invariants
// (ErrInvalid).
func Read(dir, name string, v any) error {
	path := filepath.Join(dir, name)
	data, err := ReadFile(path, MaxRecordSize)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrNotFound, path)
	}
	if err != nil {
		return &FileError{Name: name, Path: path, Err: err}
	}
	if err := json.Unmarshal(data, v); err != nil {
		return &FileError{Name: name, Path: path, Err: fmt.Errorf("malformed JSON: %w", err)}
	}
	if val, ok := v.(Validator); ok {
		if err := val.Validate(); err != nil {
			return &FileError{Name: name, Path: path, Err: fmt.Errorf("%w: %w", ErrInvalid, err)}
		}
	}
	return nil
}
