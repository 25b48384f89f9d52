package results_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/irsynth/irsynth/lib/results"
)

// Commit replaces a model and its record together; a run killed part-way
// is finished by Recover on its next start.
func ExampleCommit() {
	dir, _ := os.MkdirTemp("", "commit")
	defer os.RemoveAll(dir)
	staged := filepath.Join(dir, ".phase3_classifier.json.tmp-commit")
	results.WriteFile(staged, []byte(`{"train_class_acc": 1}`))
	results.WriteFile(filepath.Join(dir, "classifier.resume.ckpt"), []byte("weights"))
	err := results.Commit(filepath.Join(dir, "classifier.commit.json"), []results.Move{
		{From: filepath.Join(dir, "classifier.resume.ckpt"), To: filepath.Join(dir, "classifier.ckpt")},
		{From: staged, To: filepath.Join(dir, results.Phase3File)},
	})
	var p3 results.Phase3
	fmt.Println(err, results.Read(dir, results.Phase3File, &p3), p3.TrainClassAcc)
	// Output: <nil> <nil> 1
}

// Read fills a record from a results directory; a phase not run yet is
// ErrNotFound.
func ExampleRead() {
	dir, _ := os.MkdirTemp("", "read")
	defer os.RemoveAll(dir)
	var p1 results.Phase1
	fmt.Println(errors.Is(results.Read(dir, results.Phase1File, &p1), results.ErrNotFound))
	results.Write(dir, results.Phase1File, results.Phase1{Working: 20, Total: 20})
	fmt.Println(results.Read(dir, results.Phase1File, &p1), p1.Working)
	// Output:
	// true
	// <nil> 20
}
