package models

import (
	"context"
	"errors"
	"testing"
)

// cancelEncoder is an encoder that ends a context while it encodes, as a
// client leaving mid-request does.
type cancelEncoder struct {
	Encoder
	cancel context.CancelFunc
	calls  int
}

func (e *cancelEncoder) Encode(text string) ([]float32, error) {
	e.calls++
	e.cancel()
	return e.Encoder.Encode(text)
}

// TestAskContext: AskContext answers as Ask does while its context lives;
// a context already ended stops it before the model runs, and one that
// ends while the text is encoded stops the decoder before its first token
// (and the classifier right after its forward pass), with the context's
// error and no answer.
func TestAskContext(t *testing.T) {
	train := easyExamples(96, 4)
	cfg := tinyDecoderConfig()
	cfg.Epochs = 3
	d, err := TrainDecoder(easySeqs(train), cfg)
	if err != nil {
		t.Fatal(err)
	}
	c, err := TrainClassifier(train, ClassifierConfig{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	const text = "Sum 1 to 40"
	type asker struct {
		name string
		ask  func(string) (Answer, error)
		ctx  func(context.Context, string) (Answer, error)
		enc  *Encoder
	}
	for _, m := range []asker{
		{"decoder", d.Ask, d.AskContext, &d.enc},
		{"classifier", c.Ask, c.AskContext, &c.enc},
	} {
		want, wantErr := m.ask(text)
		got, err := m.ctx(context.Background(), text)
		if got.Predicted != want.Predicted || (err == nil) != (wantErr == nil) {
			t.Errorf("%s: AskContext %q, %v; Ask %q, %v", m.name, got.Predicted, err, want.Predicted, wantErr)
		}

		ended, cancel := context.WithCancel(context.Background())
		cancel()
		if a, err := m.ctx(ended, text); !errors.Is(err, context.Canceled) || a.Predicted != "" {
			t.Errorf("%s, context ended before: %q, %v; want no answer and context.Canceled", m.name, a.Predicted, err)
		}

		ctx, cancel := context.WithCancel(context.Background())
		ce := &cancelEncoder{Encoder: *m.enc, cancel: cancel}
		orig := *m.enc
		*m.enc = ce
		a, err := m.ctx(ctx, text)
		*m.enc = orig
		if ce.calls != 1 || !errors.Is(err, context.Canceled) || a.Predicted != "" {
			t.Errorf("%s, context ended while encoding: %d encodes, %q, %v; want 1, no answer, context.Canceled", m.name, ce.calls, a.Predicted, err)
		}
	}
}
