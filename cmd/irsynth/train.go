package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/irsynth/irsynth/lib/dataset"
	"github.com/irsynth/irsynth/lib/models"
	"github.com/irsynth/irsynth/lib/results"
)

func init() { register(cmdTrain()) }

// defaultSplit is the split each model trains on by default: the study's
// classifier used its first split (800 examples), its decoder the expanded
// 1,400-example set.
var defaultSplit = map[string]string{"classifier": "study", "decoder": "expanded"}

// defaultEpochs: the study's 20 for the classifier; 10 for the decoder,
// whose epochs the study does not give (its loss is flat after about 5).
var defaultEpochs = map[string]int{"classifier": 20, "decoder": 10}

func cmdTrain() command {
	return command{
		Name:    "train",
		Usage:   "irsynth train classifier|decoder [flags]  |  irsynth train synth [train-synth flags]  |  irsynth train trust [train-trust flags]",
		Summary: "train the program classifier (phase 3) or the opcode decoder (phase 4) and write its results",
		Run:     runTrain,
	}
}

func runTrain(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "synth" || args[0] == "trust") {
		return commands["train-"+args[0]].Run(args[1:], stdout, stderr)
	}
	fs := newFlags("train", stdout, stderr)
	// The defaults depend on the model, so the flags' zero values stand for
	// them and help states both.
	epochs := fs.Int("epochs", 0, fmt.Sprintf("training epochs (0: %d for the classifier, %d for the decoder)",
		defaultEpochs["classifier"], defaultEpochs["decoder"]))
	resume := fs.Bool("resume", false, "continue the interrupted run (models/KIND.resume.ckpt), or train the finished model on to --epochs")
	split := fs.String("split", "", fmt.Sprintf("dataset split: study, expanded, or a split written by 'irsynth dataset --holdout' (empty: %s for the classifier, %s for the decoder)",
		defaultSplit["classifier"], defaultSplit["decoder"]))
	seed := fs.Int64("seed", 0, "initialisation, shuffling and dropout seed")
	quiet := fs.Bool("quiet", false, "no progress bar")
	encSpec := encoderFlag(fs)
	dir := fs.results()
	if len(args) > 0 && isHelp(args[0]) {
		code, _ := fs.parse(args[:1], 0)
		return code
	}
	if len(args) == 0 || (args[0] != "classifier" && args[0] != "decoder") {
		return usageError(stderr, "train", "want a model: classifier or decoder")
	}
	kind := args[0]
	if code, done := fs.parse(args[1:], 0); done {
		return code
	}
	if *epochs < 0 {
		return usageError(stderr, "train", "--epochs must be positive")
	}
	if *epochs == 0 {
		*epochs = defaultEpochs[kind]
	}
	if *split == "" {
		*split = defaultSplit[kind]
	}
	if err := checkSplit(*dir, *split); err != nil {
		return usageError(stderr, "train", "%v", err)
	}
	ds, err := loadDataset(*dir, *split)
	if err != nil {
		return failure(stderr, "train", err)
	}
	enc, err := openEncoder(*encSpec, *dir, stderr, *quiet)
	if err != nil {
		return usageError(stderr, "train", "%v", err)
	}
	ckpt := results.CheckpointPath(*dir, kind)
	st, err := openTrainState(*dir, kind, phaseFile[kind], stderr)
	if err != nil {
		return failure(stderr, "train", err)
	}
	defer st.close()
	st.enc = enc
	if *resume {
		if _, err := st.prepareResume(*epochs); errors.Is(err, errNothingToResume) {
			return usageError(stderr, "train", "%v", err)
		} else if err != nil {
			return failure(stderr, "train", err)
		}
	} else if _, err := os.Stat(st.resume); err == nil {
		fmt.Fprintf(stderr, "irsynth train: starting over; %s holds an interrupted run that --resume would continue\n", st.resume)
	}
	bar := newProgress(stderr, kind, *epochs, *quiet)
	rec, line, seconds, err := trainModel(kind, ds, ckpt, trainSettings{epochs: *epochs, seed: *seed, resume: *resume,
		checkpoint: st.resume, encoder: enc, onEpoch: bar.epoch})
	if err == nil {
		err = st.commit(rec)
	}
	if err != nil {
		return failure(stderr, "train", err)
	}
	fmt.Fprintf(stdout, "%s on %s: %s (%.1fs); wrote %s\n", kind, ds.Split.Name, line, seconds, filepath.Join(*dir, phaseFile[kind]))
	return 0
}

// progress draws a one-line progress bar (epoch, loss, accuracy, time
// left) on a terminal, or one line per epoch elsewhere.
type progress struct {
	w     io.Writer
	name  string
	total int
	tty   bool
	quiet bool
	secs  []float64
}

// phaseFile is the record each model's training and evaluation write.
var phaseFile = map[string]string{"classifier": results.Phase3File, "decoder": results.Phase4File}

// trainSettings are the flags of `irsynth train` that reach the model.
type trainSettings struct {
	epochs     int
	seed       int64
	resume     bool
	checkpoint string // rewritten after every epoch (the resume file)
	encoder    models.Encoder
	onEpoch    models.Progress
}

// trainModel trains the model kind on ds and makes its record, the line
// that sums it up, and the training time. ckpt is where the finished model
// will be committed, which the record names.
func trainModel(kind string, ds *dataset.Dataset, ckpt string, s trainSettings) (rec any, line string, seconds float64, err error) {
	switch kind {
	case "classifier":
		c, err := models.TrainClassifier(ds.Train, models.ClassifierConfig{Epochs: s.epochs, Seed: s.seed, Test: ds.Test,
			OnEpoch: s.onEpoch, Checkpoint: s.checkpoint, Resume: s.resume, Encoder: s.encoder})
		if err != nil {
			return nil, "", 0, err
		}
		r, err := models.ClassifierRecord(c, ds, ckpt)
		return r, classifierLine(r), r.TrainSeconds, err
	case "decoder":
		train, err := models.SeqExamples(ds.Train)
		if err != nil {
			return nil, "", 0, err
		}
		test, err := models.SeqExamples(ds.Test)
		if err != nil {
			return nil, "", 0, err
		}
		d, err := models.TrainDecoder(train, models.DecoderConfig{Epochs: s.epochs, Seed: s.seed, Vocab: models.OpcodeVocab(),
			Test: test, OnEpoch: s.onEpoch, Checkpoint: s.checkpoint, Resume: s.resume, Encoder: s.encoder})
		if err != nil {
			return nil, "", 0, err
		}
		r, err := models.DecoderRecord(d, ds, ckpt)
		return r, decoderLine(r), r.TrainSeconds, err
	}
	return nil, "", 0, fmt.Errorf("unknown model %q", kind)
}

func newProgress(w io.Writer, name string, total int, quiet bool) *progress {
	p := &progress{w: w, name: name, total: total, quiet: quiet}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) epoch(e results.Epoch) {
	if p.quiet {
		return
	}
	p.secs = append(p.secs, e.Seconds)
	var sum float64
	for _, s := range p.secs {
		sum += s
	}
	left := time.Duration(sum / float64(len(p.secs)) * float64(p.total-e.Epoch) * float64(time.Second)).Round(time.Second)
	const width = 24
	done := width * e.Epoch / p.total
	bar := strings.Repeat("=", done) + strings.Repeat(" ", width-done)
	line := fmt.Sprintf("%s epoch %d/%d [%s] loss %.4f  train acc %.1f%%  test acc %.1f%%  %.1fs/epoch  %v left",
		p.name, e.Epoch, p.total, bar, e.Loss, 100*e.TrainAcc, 100*e.TestAcc, e.Seconds, left)
	if p.tty {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
		if e.Epoch == p.total {
			fmt.Fprintln(p.w)
		}
		return
	}
	fmt.Fprintln(p.w, line)
}
