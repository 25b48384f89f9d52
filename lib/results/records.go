package results

// Phase1 is results/phase1.json: every library program checked against its
// known values, and the Collatz benchmark.
type Phase1 struct {
	Programs []ProgramCheck `json:"programs"`
	Working  int            `json:"working"` // programs whose every known value is right on wazero
	Total    int            `json:"total"`
	Collatz  CollatzBench   `json:"collatz"`
}

// ProgramCheck is one library program and its known-value checks.
type ProgramCheck struct {
	Name    string      `json:"name"`
	Arity   int         `json:"arity"`
	Length  int         `json:"length"` // opcodes, START and END included
	IR      string      `json:"ir"`
	InStudy bool        `json:"in_study"` // one of the study's 11 programs
	Cases   []KnownCase `json:"cases"`
	OK      bool        `json:"ok"`
}

// KnownCase is one input with its expected and observed output.
type KnownCase struct {
	Args  []int32 `json:"args"`
	Want  int32   `json:"want"`
	Got   int32   `json:"got"`
	Error string  `json:"error,omitempty"`
	OK    bool    `json:"ok"`
}

// NumberLength pairs a benchmark number with its Collatz length.
type NumberLength struct {
	Number int32 `json:"number"`
	Length int32 `json:"length"`
}

// CollatzBench is the study's question: how many of N numbers have a
// Collatz length over 100. Timings are nanoseconds measured in one run.
type CollatzBench struct {
	N               int            `json:"n"`
	Seed            int64          `json:"seed"`
	Numbers         []int32        `json:"numbers"`
	Lengths         []int32        `json:"lengths"`
	Threshold       int32          `json:"threshold"`
	CountGT100      int            `json:"count_gt_100"`
	TotalIterations int64          `json:"total_iterations"`
	Top10           []NumberLength `json:"top10"`
	CompileNs       int64          `json:"compile_ns"`
	InstantiateNs   int64          `json:"instantiate_ns"`
	RunNs           int64          `json:"run_ns"`
	NativeNs        int64          `json:"native_ns"`
	TotalNs         int64          `json:"total_ns"`
	// The same pipeline (new runtime, compile, instantiate, calls) run a
	// second time in the same process, when the compilation cache is warm.
	WarmTotalNs int64 `json:"warm_total_ns"`
	WarmRunNs   int64 `json:"warm_run_ns"`
	// The study's form in the same run: each number baked into its own
	// module, compiled, instantiated and called.
	ConstNs int64 `json:"const_ns"`
}

// Epoch is one line of a training history.
type Epoch struct {
	Epoch     int     `json:"epoch"` // 1-based
	Loss      float64 `json:"loss"`
	TrainAcc  float64 `json:"train_acc"`
	TestAcc   float64 `json:"test_acc"`
	Seconds   float64 `json:"seconds"` // wall time of this epoch
	Tokens    int64   `json:"tokens,omitempty"`
	Examples  int     `json:"examples,omitempty"`
	ValidLoss float64 `json:"valid_loss,omitempty"`
}

// Confusion is a confusion matrix: Matrix[true][predicted] counts.
type Confusion struct {
	Labels []string `json:"labels"`
	Matrix [][]int  `json:"matrix"`
}

// Split names which programs train and which are held out.
type Split struct {
	Name    string   `json:"name"`
	Train   []string `json:"train"`
	Holdout []string `json:"holdout"`
	Seed    int64    `json:"seed"`
}

// Phase2 is results/phase2_dataset.json.
type Phase2 struct {
	Splits []DatasetSplit `json:"splits"`
}

// DatasetSplit describes one generated dataset split.
type DatasetSplit struct {
	Split
	TrainExamples      int            `json:"train_examples"`
	TestExamples       int            `json:"test_examples"`
	PerProgram         map[string]int `json:"per_program"`
	Templates          map[string]int `json:"templates"` // templates per program
	ExtractionAccuracy float64        `json:"extraction_accuracy"`
	ExecutionAccuracy  float64        `json:"execution_accuracy"` // expected answers reproduced by running the program on extracted operands
	TrainFile          string         `json:"train_file"`
	TestFile           string         `json:"test_file"`
	Samples            []Sample       `json:"samples"`
}

// Sample is one dataset example as shown in reports.
type Sample struct {
	Text     string  `json:"text"`
	Program  string  `json:"program"`
	Operands []int32 `json:"operands"`
	Expected int32   `json:"expected"`
}

// Prediction is one model output on one example, for reports.
type Prediction struct {
	Text      string `json:"text"`
	Truth     string `json:"truth"`
	Predicted string `json:"predicted"` // program name or IR text
	Expected  int32  `json:"expected"`
	Got       *int32 `json:"got,omitempty"`
	Correct   bool   `json:"correct"`
	Error     string `json:"error,omitempty"`
}

// Phase3 is results/phase3_classifier.json.
type Phase3 struct {
	Split           Split        `json:"split"`
	Encoder         string       `json:"encoder"`
	Config          any          `json:"config"`
	History         []Epoch      `json:"history"`
	TrainClassAcc   float64      `json:"train_class_acc"`
	TestClassAcc    float64      `json:"test_class_acc"`
	TrainExecAcc    float64      `json:"train_exec_acc"`
	TestExecAcc     float64      `json:"test_exec_acc"`
	Confusion       Confusion    `json:"confusion"`
	Samples         []Prediction `json:"samples"`
	TrainSeconds    float64      `json:"train_seconds"`
	Checkpoint      string       `json:"checkpoint,omitempty"`
	ExtractionAcc   float64      `json:"extraction_acc"`
	ExamplesPerSec  float64      `json:"examples_per_sec,omitempty"`
	DifferenceNotes []string     `json:"difference_notes,omitempty"`
}

// Phase4 is results/phase4_decoder.json.
type Phase4 struct {
	Split            Split        `json:"split"`
	Encoder          string       `json:"encoder"`
	Config           any          `json:"config"`
	History          []Epoch      `json:"history"`
	TrainExactMatch  float64      `json:"train_exact_match"`
	TestExactMatch   float64      `json:"test_exact_match"`
	TrainExecAcc     float64      `json:"train_exec_acc"`
	TestExecAcc      float64      `json:"test_exec_acc"`
	TrainValidRate   float64      `json:"train_valid_rate"` // decoded programs that pass ir validation
	TestValidRate    float64      `json:"test_valid_rate"`
	GeneratedLengths []int        `json:"generated_lengths"` // one per test-and-train example decoded
	TargetLengths    []int        `json:"target_lengths"`
	MeanGenerated    float64      `json:"mean_generated"`
	MeanTarget       float64      `json:"mean_target"`
	TestMeanGen      float64      `json:"test_mean_generated"`
	TestTargetLen    float64      `json:"test_target_length"`
	Samples          []Prediction `json:"samples"`
	TrainSeconds     float64      `json:"train_seconds"`
	TokensPerSec     float64      `json:"tokens_per_sec,omitempty"`
	Checkpoint       string       `json:"checkpoint,omitempty"`
	DifferenceNotes  []string     `json:"difference_notes,omitempty"`
}

// Phase5 is results/phase5_synthesis.json: leave-one-out synthesis of every
// library program, with and without guidance, and structured decoding.
type Phase5 struct {
	Examples   int              `json:"examples"` // input/output examples given per task
	FreshTests int              `json:"fresh_tests"`
	Budget     float64          `json:"budget_seconds"`
	Rows       []SynthRow       `json:"rows"`
	Solved     int              `json:"solved"`
	SolvedNoNN int              `json:"solved_unguided"`
	Ambiguous  int              `json:"ambiguous"` // guided answers with status ambiguous
	Wrong      int              `json:"wrong"`     // guided answers with status solved, wrong on a fresh input
	Total      int              `json:"total"`
	Structured StructuredDecode `json:"structured"`
	// CandidatesPerSec is candidates evaluated per second per core.
	CandidatesPerSec float64 `json:"candidates_per_sec"`
	CollatzMedianSec float64 `json:"collatz_median_seconds"`
	// Added by lib/synth: how the table was made.
	CollatzTimes []float64 `json:"collatz_times,omitempty"` // seconds of each guided held-out collatz_length run (-1: not solved)
	Guidance     string    `json:"guidance,omitempty"`      // what guides the search
	ExampleRule  string    `json:"example_rule,omitempty"`  // how the examples were chosen
	Notes        []string  `json:"notes,omitempty"`
}

// SynthRow is one held-out program in the leave-one-out table.
type SynthRow struct {
	Name     string      `json:"name"`
	Text     string      `json:"text,omitempty"`     // the request the search was given
	Examples []string    `json:"examples,omitempty"` // the examples, "27→111"
	Guided   SynthResult `json:"guided"`
	Unguided SynthResult `json:"unguided"`
}

// SynthResult is one search: whether it found a program that is right on
// all fresh inputs, how long it took and how much it tried.
type SynthResult struct {
	Status     string  `json:"status,omitempty"` // the search's answer: solved, ambiguous or not_found
	Found      bool    `json:"found"`            // reproduces the examples
	Solved     bool    `json:"solved"`           // status solved and right on every fresh input
	Wrong      bool    `json:"wrong,omitempty"`  // status solved but wrong on some fresh input
	Correct    float64 `json:"correct"`          // fraction of fresh inputs right
	Seconds    float64 `json:"seconds"`
	Candidates int64   `json:"candidates"`
	Length     int     `json:"length,omitempty"`
	Program    string  `json:"program,omitempty"`
	Term       string  `json:"term,omitempty"`    // the program in the search's term language
	Stopped    string  `json:"stopped,omitempty"` // why a search ended without a program
	Level      int     `json:"level,omitempty"`   // cost level reached
}

// StructuredDecode compares the decoder with and without the validity mask.
type StructuredDecode struct {
	TrainExecMasked   float64 `json:"train_exec_masked"`
	TestExecMasked    float64 `json:"test_exec_masked"`
	TrainExecUnmasked float64 `json:"train_exec_unmasked"`
	TestExecUnmasked  float64 `json:"test_exec_unmasked"`
	ValidMasked       float64 `json:"valid_masked"`
	ValidUnmasked     float64 `json:"valid_unmasked"`
}
