package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/results"
)

func init() { register(cmdDataset()) }

// datasetsSubdir holds the generated JSON datasets inside a results directory.
const datasetsSubdir = "datasets"

func cmdDataset() command {
	return command{
		Name:    "dataset",
		Usage:   "irsynth dataset [flags]",
		Summary: "generate the natural-language datasets (phase 2) and results/phase2_dataset.json",
		Run:     runDataset,
	}
}

func runDataset(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("dataset", stdout, stderr)
	split := fs.String("split", "all", "study, expanded or all (both)")
	holdout := fs.String("holdout", "", "comma-separated programs to hold out; trains on every other library program")
	seed := fs.Int64("seed", 0, "random seed")
	per := fs.Int("per-program", 200, "training examples per program")
	testPer := fs.Int("test-per-program", 50, "held-out examples per program")
	dir := fs.results()
	if code, done := fs.parse(args, 0); done {
		return code
	}
	if *per <= 0 || *testPer <= 0 {
		return usageError(stderr, "dataset", "--per-program and --test-per-program must be positive")
	}
	var splits []dataset.Split
	if *holdout != "" {
		s, err := dataset.HoldoutSplit(strings.Split(*holdout, ","))
		if err != nil {
			return usageError(stderr, "dataset", "%v", err)
		}
		splits = append(splits, s)
	} else {
		switch *split {
		case "all":
			splits = append(splits, dataset.StudySplit(), dataset.ExpandedSplit())
		default:
			s, err := dataset.SplitByName(*split)
			if err != nil {
				return usageError(stderr, "dataset", "%v", err)
			}
			splits = append(splits, s)
		}
	}
	var rec results.Phase2
	if err := results.Read(*dir, results.Phase2File, &rec); err != nil && !errors.Is(err, results.ErrNotFound) {
		return failure(stderr, "dataset", err)
	}
	for _, s := range splits {
		s.Seed, s.PerProgram, s.TestPerProgram = *seed, *per, *testPer
		ds, sum, err := writeDataset(*dir, s)
		if err != nil {
			return failure(stderr, "dataset", err)
		}
		rec.Splits = upsertSplit(rec.Splits, sum)
		fmt.Fprintf(stdout, "%s: %d train (%s), %d test (%s); operand extraction %.1f%%, execution %.1f%%\n",
			s.Name, len(ds.Train), strings.Join(s.Train, ", "), len(ds.Test), strings.Join(s.Holdout, ", "),
			100*sum.ExtractionAccuracy, 100*sum.ExecutionAccuracy)
	}
	if err := results.Write(*dir, results.Phase2File, rec); err != nil {
		return failure(stderr, "dataset", err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(*dir, results.Phase2File))
	return 0
}

// datasetPaths are the train and test files of a split, relative to the
// results directory.
func datasetPaths(name string) (train, test string) {
	return filepath.Join(datasetsSubdir, name+"_train.json"), filepath.Join(datasetsSubdir, name+"_test.json")
}

// writeDataset generates s and writes its two files under dir.
func writeDataset(dir string, s dataset.Split) (*dataset.Dataset, results.DatasetSplit, error) {
	ds, err := dataset.Generate(s)
	if err != nil {
		return nil, results.DatasetSplit{}, err
	}
	train, test := datasetPaths(s.Name)
	if err := dataset.Write(filepath.Join(dir, train), ds.Split, "train", ds.Train); err != nil {
		return nil, results.DatasetSplit{}, err
	}
	if err := dataset.Write(filepath.Join(dir, test), ds.Split, "test", ds.Test); err != nil {
		return nil, results.DatasetSplit{}, err
	}
	return ds, dataset.Summary(ds, train, test, 2), nil
}

// loadDataset reads a split's files from dir, generating and writing them
// with the default seed first if they do not exist yet.
func loadDataset(dir, name string) (*dataset.Dataset, error) {
	train, test := datasetPaths(name)
	tf, err := dataset.Read(filepath.Join(dir, train))
	if err == nil {
		var sf *dataset.File
		if sf, err = dataset.Read(filepath.Join(dir, test)); err == nil {
			s := dataset.Split{Name: tf.Split.Name, Train: tf.Split.Train, Holdout: tf.Split.Holdout, Seed: tf.Split.Seed}
			return &dataset.Dataset{Split: s, Train: tf.Examples, Test: sf.Examples}, nil
		}
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	s, err := dataset.SplitByName(name)
	if err != nil {
		return nil, err
	}
	ds, _, err := writeDataset(dir, s)
	return ds, err
}

// checkSplit accepts the study's two splits, which are generated on
// demand, and any split whose files 'irsynth dataset' has written.
func checkSplit(dir, name string) error {
	if _, err := dataset.SplitByName(name); err == nil {
		return nil
	}
	train, _ := datasetPaths(name)
	if _, err := os.Stat(filepath.Join(dir, train)); err != nil {
		return fmt.Errorf("unknown split %q: want study or expanded, or a split written by 'irsynth dataset --holdout' (no %s)", name, filepath.Join(dir, train))
	}
	return nil
}

func upsertSplit(list []results.DatasetSplit, s results.DatasetSplit) []results.DatasetSplit {
	for i := range list {
		if list[i].Name == s.Name {
			list[i] = s
			return list
		}
	}
	return append(list, s)
}
