package web

import (
	"fmt"
	"strings"

	"github.com/irsynth/irsynth/lib/results"
)

// notRun is what the overview shows for a phase whose file is missing, and
// brokenRecord for one whose file is there but unusable (Phase.Error says
// why).
const (
	notRun       = "not run yet"
	brokenRecord = "broken record"
)

// Overview is each phase's numbers, ours beside the study's.
type Overview struct {
	Version string   `json:"version"`
	Results string   `json:"results_dir"`
	Phases  []Phase  `json:"phases"`
	Errors  []string `json:"errors,omitempty"` // malformed result files
}

// Phase is one phase of the study as the overview shows it.
type Phase struct {
	Number  int      `json:"number"`
	Title   string   `json:"title"`
	File    string   `json:"file"`
	Present bool     `json:"present"`
	Error   string   `json:"error,omitempty"` // the file is present but unusable: why
	Rows    []Row    `json:"rows"`
	Notes   []string `json:"notes,omitempty"`   // what differs and why
	Against string   `json:"against,omitempty"` // what the third column holds, when not the study
}

// Row is one number: ours ("not run yet" when missing) and the study's
// ("" when the study has none).
type Row struct {
	Metric string `json:"metric"`
	Ours   string `json:"ours"`
	Study  string `json:"study"`
	Same   *bool  `json:"same,omitempty"` // whether ours equals the study's, where both exist
}

func pctS(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

func row(metric, ours, study string) Row {
	r := Row{Metric: metric, Ours: ours, Study: study}
	if study != "" && ours != notRun && ours != brokenRecord {
		same := ours == study
		r.Same = &same
	}
	return r
}

func buildOverview(ld loaded, dir string) Overview {
	st := results.Study
	recs := ld.recs
	ov := Overview{Version: ld.version, Results: dir}
	if ld.err != nil {
		for _, line := range strings.Split(ld.err.Error(), "\n") {
			ov.Errors = append(ov.Errors, line)
		}
	}
	// A phase whose file is broken shows brokenRecord in every row, never
	// notRun, and the file's error (the same as /charts and the API give).
	var phase int
	or := func(present bool, f func() string) string {
		if _, broken := ld.broken[phaseFile(phase)]; broken {
			return brokenRecord
		}
		if !present {
			return notRun
		}
		return f()
	}

	phase = 1
	p1 := recs.P1
	has1 := p1 != nil
	ph1 := Phase{Number: 1, Title: "IR programs and the Collatz benchmark", File: results.Phase1File, Present: has1}
	ph1.Rows = []Row{
		row("study programs working", or(has1, func() string {
			w, n := 0, 0
			for _, p := range p1.Programs {
				if p.InStudy {
					n++
					if p.OK {
						w++
					}
				}
			}
			return fmt.Sprintf("%d of %d", w, n)
		}), fmt.Sprintf("%d of %d", st.WorkingPrograms, st.TotalPrograms)),
		row("library programs working", or(has1, func() string { return fmt.Sprintf("%d of %d", p1.Working, p1.Total) }), ""),
		row("Collatz: numbers with length > 100", or(has1, func() string {
			return fmt.Sprintf("%d of %d", p1.Collatz.CountGT100, len(p1.Collatz.Numbers))
		}), fmt.Sprintf("%d of 100", st.CollatzCount)),
		row("Collatz: iterations in all", or(has1, func() string { return fmt.Sprint(p1.Collatz.TotalIterations) }), fmt.Sprint(st.CollatzIterations)),
		row("Collatz: time (compile + run)", or(has1, func() string {
			return fmt.Sprintf("%.2f ms", float64(p1.Collatz.TotalNs)/1e6)
		}), fmt.Sprintf("%.2f ms", st.CollatzMillis)),
		row("Collatz: run only (wazero / native Go)", or(has1, func() string {
			return fmt.Sprintf("%.3f ms / %.3f ms", float64(p1.Collatz.RunNs)/1e6, float64(p1.Collatz.NativeNs)/1e6)
		}), ""),
		row("Collatz: longest", or(has1 && len(p1.Collatz.Top10) > 0, func() string {
			return fmt.Sprintf("%d→%d", p1.Collatz.Top10[0].Number, p1.Collatz.Top10[0].Length)
		}), fmt.Sprintf("%d→%d", st.CollatzTop10[0].Number, st.CollatzTop10[0].Length)),
	}
	ph1.Notes = []string{
		"The study's compiler failed fibonacci, gcd and is_prime and returned 3 for collatz_length(1) (its do-while loop shape); irsynth checks every known value on wazero.",
	}
	if has1 && p1.Collatz.Seed != 0 {
		ph1.Notes = append(ph1.Notes, fmt.Sprintf("Our %d benchmark numbers are drawn with seed %d; the study lists only its top ten, not all its numbers, so the counts need not match.", len(p1.Collatz.Numbers), p1.Collatz.Seed))
	}
	if has1 {
		var failed []string
		for _, p := range p1.Programs {
			if !p.OK {
				failed = append(failed, p.Name)
			}
		}
		if len(failed) > 0 {
			ph1.Notes = append(ph1.Notes, "Failing here: "+strings.Join(failed, ", ")+".")
		}
	}

	phase = 2
	p2 := recs.P2
	has2 := p2 != nil && len(p2.Splits) > 0
	ph2 := Phase{Number: 2, Title: "Natural-language dataset", File: results.Phase2File, Present: p2 != nil}
	if has2 {
		for _, sp := range p2.Splits {
			ph2.Rows = append(ph2.Rows,
				row(fmt.Sprintf("%s: train / held-out examples", sp.Name), fmt.Sprintf("%d / %d", sp.TrainExamples, sp.TestExamples), studySize(sp)),
				row(fmt.Sprintf("%s: operand extraction", sp.Name), pctS(sp.ExtractionAccuracy), ""),
				row(fmt.Sprintf("%s: expected answers reproduced", sp.Name), pctS(sp.ExecutionAccuracy), ""),
			)
		}
	} else {
		ph2.Rows = []Row{row("train / held-out examples", or(false, nil), fmt.Sprintf("%d / %d", st.DatasetTrain, st.DatasetTest))}
	}

	phase = 3
	p3 := recs.P3
	has3 := p3 != nil
	ph3 := Phase{Number: 3, Title: "Program classifier", File: results.Phase3File, Present: has3}
	ph3.Rows = []Row{
		row("train: classification", or(has3, func() string { return pctS(p3.TrainClassAcc) }), pctS(st.ClassifierTrainClass)),
		row("train: execution", or(has3, func() string { return pctS(p3.TrainExecAcc) }), pctS(st.ClassifierTrainExec)),
		row("held-out: classification", or(has3, func() string { return pctS(p3.TestClassAcc) }), pctS(st.ClassifierTestClass)),
		row("held-out: execution", or(has3, func() string { return pctS(p3.TestExecAcc) }), pctS(st.ClassifierTestExec)),
		row("encoder", or(has3, func() string { return p3.Encoder }), "TinyLlama-1.1B layer 12 (frozen)"),
	}
	if has3 && len(p3.DifferenceNotes) > 0 {
		ph3.Notes = p3.DifferenceNotes
	} else {
		ph3.Notes = []string{"A classifier can only name programs it was trained on, so the held-out program scores 0 by construction, as in the study."}
	}

	phase = 4
	p4 := recs.P4
	has4 := p4 != nil
	ph4 := Phase{Number: 4, Title: "Opcode decoder (seq2seq)", File: results.Phase4File, Present: has4}
	ph4.Rows = []Row{
		row("train: execution", or(has4, func() string { return pctS(p4.TrainExecAcc) }), pctS(st.DecoderTrainExec)),
		row("train: exact match", or(has4, func() string { return pctS(p4.TrainExactMatch) }), pctS(st.DecoderExactMatch)),
		row("held-out: execution", or(has4, func() string { return pctS(p4.TestExecAcc) }), pctS(st.DecoderTestExec)),
		row("held-out: valid programs", or(has4, func() string { return pctS(p4.TestValidRate) }), ""),
		row("mean generated length (held-out)", or(has4, func() string { return fmt.Sprintf("%.1f", p4.TestMeanGen) }), fmt.Sprintf("%.0f", st.DecoderMeanLength)),
		row("target length (held-out)", or(has4, func() string { return fmt.Sprintf("%.0f", p4.TestTargetLen) }), fmt.Sprint(st.CollatzTargetLength)),
		row("encoder", or(has4, func() string { return p4.Encoder }), "TinyLlama-1.1B layer 12 (frozen)"),
	}
	if has4 {
		ph4.Notes = append(ph4.Notes, p4.DifferenceNotes...)
	}

	phase = 5
	p5 := recs.P5
	has5 := p5 != nil
	ph5 := Phase{Number: 5, Title: "Past the study: structured decoding and guided search", File: results.Phase5File, Present: has5}
	ph5.Rows = []Row{
		row("held-out programs solved (guided search)", or(has5 && p5.Total > 0, func() string {
			return fmt.Sprintf("%d of %d (%s)", p5.Solved, p5.Total, pctS(float64(p5.Solved)/float64(p5.Total)))
		}), pctS(st.SynthesisHeldOut)),
		row("held-out programs solved (unguided)", or(has5, func() string { return fmt.Sprintf("%d of %d", p5.SolvedNoNN, p5.Total) }), ""),
		row("held-out programs ambiguous (asked, not answered)", or(has5, func() string { return fmt.Sprintf("%d of %d", p5.Ambiguous, p5.Total) }), ""),
		row("held-out programs wrong (answered, wrong on a fresh input)", or(has5, func() string { return fmt.Sprintf("%d of %d", p5.Wrong, p5.Total) }), ""),
		row("decoder with validity mask: held-out execution", or(has5, func() string { return pctS(p5.Structured.TestExecMasked) }), pctS(st.DecoderTestExec)),
		row("decoder with validity mask: valid programs", or(has5, func() string { return pctS(p5.Structured.ValidMasked) }), ""),
		row("held-out collatz_length (the study's headline)", or(has5, func() string { return collatzVerdict(p5) }), "0% (not solved)"),
		row("collatz_length: median time to solve", or(has5, func() string { return collatzMedian(p5) }), ""),
	}
	ph5.Notes = []string{"The study proposed, but did not build, neural-guided symbolic search; its flat generators solved no held-out program."}

	ov.Phases = []Phase{ph1, ph2, ph3, ph4, ph5, tasksPhase(recs)}
	for i := range ov.Phases {
		if msg, broken := ld.broken[ov.Phases[i].File]; broken {
			ov.Phases[i].Present, ov.Phases[i].Error = true, msg
		}
	}
	return ov
}

// collatzVerdict is the held-out collatz_length row of the leave-one-out
// table: solved (right on every fresh input) or not, and how fast.
// collatzMedian shows the median solve time of the collatz_length runs; a
// negative median means the median run did not solve it.
func collatzMedian(p5 *results.Phase5) string {
	if p5.CollatzMedianSec < 0 {
		return fmt.Sprintf("not solved in the median of %d runs", len(p5.CollatzTimes))
	}
	return fmt.Sprintf("%.2f s", p5.CollatzMedianSec)
}

func collatzVerdict(p5 *results.Phase5) string {
	for _, r := range p5.Rows {
		if r.Name != "collatz_length" {
			continue
		}
		if r.Guided.Solved {
			return fmt.Sprintf("solved in %.2f s, right on all %d fresh inputs", r.Guided.Seconds, p5.FreshTests)
		}
		return fmt.Sprintf("not solved (%s of fresh inputs right)", pctS(r.Guided.Correct))
	}
	return "not in the table"
}

func studySize(sp results.DatasetSplit) string {
	if len(sp.Holdout) == 1 && sp.Holdout[0] == "collatz_length" {
		if len(sp.Train) == 4 {
			return fmt.Sprintf("%d / %d", results.Study.DatasetTrain, results.Study.DatasetTest)
		}
		if len(sp.Train) == 7 {
			return fmt.Sprintf("%d / %d", results.Study.DatasetExpanded, results.Study.DatasetTest)
		}
	}
	return ""
}
