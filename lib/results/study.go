package results

// Study holds the reference study's published numbers (../shared/DESIGN.md),
// so that every report can show ours beside theirs.
var Study = struct {
	WorkingPrograms, TotalPrograms  int
	CollatzCount, CollatzIterations int
	CollatzMillis                   float64
	CollatzTop10                    []NumberLength
	DatasetTrain, DatasetTest       int
	DatasetExpanded                 int
	DatasetTrainAcc, DatasetTestAcc float64
	ClassifierTrainClass            float64
	ClassifierTrainExec             float64
	ClassifierTestClass             float64
	ClassifierTestExec              float64
	DecoderTrainExec                float64
	DecoderExactMatch               float64
	DecoderTestExec                 float64
	DecoderMeanLength               float64
	CollatzTargetLength             int
	SynthesisHeldOut                float64
}{
	WorkingPrograms: 8, TotalPrograms: 11,
	CollatzCount: 49, CollatzIterations: 10960, CollatzMillis: 20.99,
	CollatzTop10: []NumberLength{
		{70382, 249}, {95638, 234}, {41523, 225}, {95137, 221}, {59218, 210},
		{33864, 204}, {84253, 195}, {42583, 194}, {97321, 190}, {48367, 189},
	},
	DatasetTrain: 800, DatasetTest: 50, DatasetExpanded: 1400,
	DatasetTrainAcc: 0.989, DatasetTestAcc: 1.0,
	ClassifierTrainClass: 1.0, ClassifierTrainExec: 0.675,
	ClassifierTestClass: 0, ClassifierTestExec: 0,
	DecoderTrainExec: 0.62, DecoderExactMatch: 0, DecoderTestExec: 0,
	DecoderMeanLength: 22, CollatzTargetLength: 35,
	SynthesisHeldOut: 0,
}
