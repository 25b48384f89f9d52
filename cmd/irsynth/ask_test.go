package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

// TestAskDecoder: with a briefly trained decoder, `irsynth ask --model
// decoder` either runs what the decoder wrote, printing what the reference
// interpreter computes for that program, or says the program is invalid
// (exit 1) or that the text lacks its operands (exit 2).
func TestAskDecoder(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a decoder")
	}
	dir := t.TempDir()
	split := dataset.StudySplit()
	split.PerProgram, split.TestPerProgram, split.Seed = 30, 5, 1
	ds, err := dataset.Generate(split)
	if err != nil {
		t.Fatal(err)
	}
	seqs, err := models.SeqExamples(ds.Train)
	if err != nil {
		t.Fatal(err)
	}
	d, err := models.TrainDecoder(seqs, models.DecoderConfig{Embed: 32, Heads: 2, Layers: 1, FF: 64, MaxLen: 40, Epochs: 6, Dropout: -1, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Save(results.CheckpointPath(dir, "decoder")); err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, ex := range ds.Train[:8] {
		code, out, errs := runCLI("ask", "--model", "decoder", "--json", "--results", dir, ex.Text)
		switch code {
		case 0:
			var got askResult
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%q: %v\n%s", ex.Text, err, out)
			}
			p, err := ir.ParseProgram("decoded", got.Predicted)
			if err != nil || got.Model != "decoder" || p.String() != got.Program {
				t.Fatalf("%q: %+v does not parse back (%v)", ex.Text, got, err)
			}
			want, err := ir.Interpret(p, got.Operands, ir.DefaultFuel)
			if err != nil || want != got.Result {
				t.Errorf("%q: wrote %s, ran to %d; the interpreter says %d, %v", ex.Text, got.Predicted, got.Result, want, err)
			}
			ran++
		case 1:
			if !strings.Contains(errs, "invalid program") && !strings.Contains(errs, "fuel") && !strings.Contains(errs, "trap") {
				t.Errorf("%q: exit 1 with %q", ex.Text, errs)
			}
		case 2:
			if !strings.Contains(errs, "operand") {
				t.Errorf("%q: exit 2 with %q", ex.Text, errs)
			}
		default:
			t.Fatalf("%q: exit %d: %s", ex.Text, code, errs)
		}
	}
	t.Logf("%d of 8 requests ran", ran)
}
