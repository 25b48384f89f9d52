package dataset

import (
	"slices"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/results"
)

// ExtractionResult is how well operand extraction recovers examples.
type ExtractionResult struct {
	Examples  int
	Extracted int // ExtractN with the true program's arity gives the true operands
	Executed  int // running the true program on the extracted operands gives Expected
	Failures  []Example
}

// MeasureExtraction runs ExtractN on every example with its true program's
// arity and runs the program on what it extracted.
func MeasureExtraction(exs []Example) ExtractionResult {
	r := ExtractionResult{Examples: len(exs)}
	execs := map[string]*ir.Exec{}
	for _, ex := range exs {
		spec, ok := ir.LibraryProgram(ex.Program)
		if !ok {
			r.Failures = append(r.Failures, ex)
			continue
		}
		got, err := ExtractN(ex.Text, spec.Arity)
		if err == nil && slices.Equal(got, ex.Operands) {
			r.Extracted++
		} else {
			r.Failures = append(r.Failures, ex)
		}
		if err != nil {
			continue
		}
		e := execs[ex.Program]
		if e == nil {
			if e, err = ir.Prepare(spec.Program); err != nil {
				continue
			}
			execs[ex.Program] = e
		}
		if v, err := e.Run(got, ir.DefaultFuel); err == nil && v == ex.Expected {
			r.Executed++
		}
	}
	return r
}

// Summary describes a generated split for results/phase2_dataset.json.
func Summary(ds *Dataset, trainFile, testFile string, samplesPerProgram int) results.DatasetSplit {
	all := append(slices.Clone(ds.Train), ds.Test...)
	m := MeasureExtraction(all)
	out := results.DatasetSplit{
		Split: ds.Split.Record(), TrainExamples: len(ds.Train), TestExamples: len(ds.Test),
		PerProgram: map[string]int{}, Templates: map[string]int{}, TrainFile: trainFile, TestFile: testFile,
	}
	if m.Examples > 0 {
		out.ExtractionAccuracy = float64(m.Extracted) / float64(m.Examples)
		out.ExecutionAccuracy = float64(m.Executed) / float64(m.Examples)
	}
	shown := map[string]int{}
	for _, ex := range all {
		out.PerProgram[ex.Program]++
		out.Templates[ex.Program] = len(templates[ex.Program])
		if shown[ex.Program] < samplesPerProgram {
			shown[ex.Program]++
			out.Samples = append(out.Samples, results.Sample{Text: ex.Text, Program: ex.Program, Operands: ex.Operands, Expected: ex.Expected})
		}
	}
	return out
}
