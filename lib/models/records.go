package models

import (
	"fmt"
	"slices"
	"strings"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/results"
)

// ClassifierRecord makes phase 3's record (results/phase3_classifier.json)
// for classifier c trained on ds: accuracies on ds's train and held-out
// sets, the confusion matrix, sample predictions and the notes on how the
// figures differ from the study's. ckpt names the checkpoint the record
// points at ("" for none). `irsynth train classifier`, `irsynth eval` and
// notebook 04 all call it.
func ClassifierRecord(c *Classifier, ds *dataset.Dataset, ckpt string) (results.Phase3, error) {
	tr, err := EvaluateClassifier(c, ds.Train)
	if err != nil {
		return results.Phase3{}, err
	}
	te, err := EvaluateClassifier(c, ds.Test)
	if err != nil {
		return results.Phase3{}, err
	}
	all, err := EvaluateClassifier(c, append(append([]dataset.Example(nil), ds.Train...), ds.Test...))
	if err != nil {
		return results.Phase3{}, err
	}
	ext := dataset.MeasureExtraction(append(append([]dataset.Example(nil), ds.Train...), ds.Test...))
	rec := results.Phase3{
		Split: ds.Split.Record(), Encoder: c.Encoder().Name(), Config: c.Settings(), History: c.History,
		TrainClassAcc: tr.ClassAcc, TestClassAcc: te.ClassAcc, TrainExecAcc: tr.ExecAcc, TestExecAcc: te.ExecAcc,
		Confusion: all.Confusion, Samples: append(te.Predictions, tr.Predictions...), Checkpoint: ckpt,
		ExtractionAcc: float64(ext.Extracted) / float64(max(ext.Examples, 1)),
	}
	rec.TrainSeconds, rec.ExamplesPerSec = throughput(c.History, func(e results.Epoch) float64 { return float64(e.Examples) })
	s := results.Study
	rec.DifferenceNotes = []string{
		encoderNote(c.Encoder()),
		fmt.Sprintf("train classification: study %.1f%%, ours %.1f%%: the programs' wordings are distinct enough for either encoder", 100*s.ClassifierTrainClass, 100*tr.ClassAcc),
		fmt.Sprintf("train execution: study %.1f%% (it blamed operand extraction), ours %.1f%%: our extractor is arity-aware and skips written-out series, recovering %.1f%% of operands", 100*s.ClassifierTrainExec, 100*tr.ExecAcc, 100*rec.ExtractionAcc),
		fmt.Sprintf("held-out %s: study %.0f%% / %.0f%%, ours %.1f%% / %.1f%%: a classifier can only name programs it was trained on", strings.Join(ds.Split.Holdout, ", "), 100*s.ClassifierTestClass, 100*s.ClassifierTestExec, 100*te.ClassAcc, 100*te.ExecAcc),
	}
	para, err := dataset.Paraphrases()
	if err != nil {
		return results.Phase3{}, err
	}
	var known []dataset.Example
	for _, ex := range para {
		if slices.Contains(c.Labels(), ex.Program) {
			known = append(known, ex)
		}
	}
	pa, err := EvaluateClassifier(c, para)
	if err != nil {
		return results.Phase3{}, err
	}
	pk, err := EvaluateClassifier(c, known)
	if err != nil {
		return results.Phase3{}, err
	}
	rec.DifferenceNotes = append(rec.DifferenceNotes, fmt.Sprintf("own wordings: %s of the %d requests worded as no template is (dataset.Paraphrases) run right, %s of the %d that name a program it knows",
		count(pa.ExecAcc, len(para)), len(para), count(pk.ExecAcc, len(known)), len(known)))
	return rec, nil
}

// DecoderRecord makes phase 4's record (results/phase4_decoder.json) for
// decoder d trained on ds, as ClassifierRecord does for phase 3. `irsynth
// train decoder`, `irsynth eval` and notebook 05 all call it.
func DecoderRecord(d *Decoder, ds *dataset.Dataset, ckpt string) (results.Phase4, error) {
	tr, err := EvaluateDecoder(d, ds.Train, DecodeOptions{})
	if err != nil {
		return results.Phase4{}, err
	}
	te, err := EvaluateDecoder(d, ds.Test, DecodeOptions{})
	if err != nil {
		return results.Phase4{}, err
	}
	rec := results.Phase4{
		Split: ds.Split.Record(), Encoder: d.Encoder().Name(), Config: d.Settings(), History: d.History,
		TrainExactMatch: tr.ExactMatch, TestExactMatch: te.ExactMatch, TrainExecAcc: tr.ExecAcc, TestExecAcc: te.ExecAcc,
		TrainValidRate: tr.ValidRate, TestValidRate: te.ValidRate,
		GeneratedLengths: append(append([]int(nil), tr.GenLengths...), te.GenLengths...),
		TargetLengths:    append(append([]int(nil), tr.TargetLen...), te.TargetLen...),
		MeanGenerated:    tr.MeanGenerated(), MeanTarget: tr.MeanTarget(),
		TestMeanGen: te.MeanGenerated(), TestTargetLen: te.MeanTarget(),
		Samples: append(te.Predictions, tr.Predictions...), Checkpoint: ckpt,
	}
	rec.TrainSeconds, rec.TokensPerSec = throughput(d.History, func(e results.Epoch) float64 { return float64(e.Tokens) })
	s := results.Study
	rec.DifferenceNotes = []string{
		encoderNote(d.Encoder()) + ", projected to the decoder's prefix token",
		fmt.Sprintf("train exact match: study %.0f%%, ours %.1f%%; train execution: study %.0f%%, ours %.1f%%: each training program is one fixed opcode sequence and the encoder keeps different programs' wordings apart, so teacher forcing memorises the sequences; the study does not say why its decoder never reproduced one exactly", 100*s.DecoderExactMatch, 100*tr.ExactMatch, 100*s.DecoderTrainExec, 100*tr.ExecAcc),
		fmt.Sprintf("held-out execution: study %.0f%%, ours %.1f%% (%.1f%% of held-out outputs are valid IR): flat generation does not produce an unseen program", 100*s.DecoderTestExec, 100*te.ExecAcc, 100*te.ValidRate),
		fmt.Sprintf("length: study ~%.0f tokens whatever the target (its Collatz: %d); ours %.1f generated against %.1f target on train, and %.1f against %.1f on held-out %s (our collatz_length has an extra guard so that collatz(1) = 0): on an unseen program it emits the length of a program it was trained on", s.DecoderMeanLength, s.CollatzTargetLength, tr.MeanGenerated(), tr.MeanTarget(), te.MeanGenerated(), te.MeanTarget(), strings.Join(ds.Split.Holdout, ", ")),
	}
	para, err := dataset.Paraphrases()
	if err != nil {
		return results.Phase4{}, err
	}
	pa, err := EvaluateDecoder(d, para, DecodeOptions{})
	if err != nil {
		return results.Phase4{}, err
	}
	rec.DifferenceNotes = append(rec.DifferenceNotes, fmt.Sprintf("own wordings: %s of the %d requests worded as no template is (dataset.Paraphrases) run right",
		count(pa.ExecAcc, len(para)), len(para)))
	return rec, nil
}

// StructuredDecodeRecord makes phase 5's structured-decoding figures:
// decoder d greedy-decodes ds's train and held-out requests with mask (the
// validity mask lib/synth builds: synth.DecoderMask) and without, and the
// record compares execution accuracy and the share of valid programs.
// `irsynth eval synth` calls it.
func StructuredDecodeRecord(d *Decoder, ds *dataset.Dataset, mask DecodeOptions) (results.StructuredDecode, error) {
	var st results.StructuredDecode
	var valid float64
	for _, part := range []struct {
		exs              []dataset.Example
		masked, unmasked *float64
	}{{ds.Train, &st.TrainExecMasked, &st.TrainExecUnmasked}, {ds.Test, &st.TestExecMasked, &st.TestExecUnmasked}} {
		if len(part.exs) == 0 {
			continue
		}
		m, err := EvaluateDecoder(d, part.exs, mask)
		if err != nil {
			return st, err
		}
		u, err := EvaluateDecoder(d, part.exs, DecodeOptions{})
		if err != nil {
			return st, err
		}
		*part.masked, *part.unmasked = m.ExecAcc, u.ExecAcc
		k := float64(len(part.exs))
		st.ValidMasked += m.ValidRate * k
		st.ValidUnmasked += u.ValidRate * k
		valid += k
	}
	if valid > 0 {
		st.ValidMasked /= valid
		st.ValidUnmasked /= valid
	}
	return st, nil
}

// encoderNote is a record's note on the encoder: the study's TinyLlama
// layer-12 state, or what stands in for it.
func encoderNote(enc Encoder) string {
	if g, ok := enc.(*GGUFEncoder); ok {
		return fmt.Sprintf("encoder: %s, a Llama-architecture GGUF model read by irsynth (the study read TinyLlama-1.1B's layer-12 state of 22, 2048 wide), %d wide", g.Name(), g.Dim())
	}
	return fmt.Sprintf("encoder: the study read TinyLlama-1.1B's layer-12 hidden state (2048 wide); without the model file (--encoder gguf:PATH) we use %s, a frozen hashed character/word n-gram encoder %d wide", enc.Name(), enc.Dim())
}

// count turns an accuracy over n examples back into "k".
func count(acc float64, n int) string { return fmt.Sprint(int(acc*float64(n) + 0.5)) }

// throughput sums a training history's seconds and the items (examples or
// tokens) it processed per second.
func throughput(h []results.Epoch, items func(results.Epoch) float64) (seconds, perSec float64) {
	var n float64
	for _, e := range h {
		seconds += e.Seconds
		n += items(e)
	}
	if seconds > 0 {
		perSec = n / seconds
	}
	return seconds, perSec
}
