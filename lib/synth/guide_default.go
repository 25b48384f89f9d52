package synth

import (
	_ "embed"
	"sync"
)

// guide.json is the shipped guide: `irsynth train synth` on the first 150
// tasks of ../shared/oeis/train3000.json (OEIS, CC BY-SA 4.0; only the
// weights learned from them are shipped), 3,000 dreams, 2 self-training
// rounds at 150,000 candidates per search. Its Made field says the same;
// results/synth_training.json of that run has the rounds.
//
//go:embed guide.json
var guideJSON []byte

var shipped = sync.OnceValue(func() *Guide {
	g, err := ParseGuide(guideJSON)
	if err != nil {
		return nil // a broken embedded file is caught by TestDefaultGuide
	}
	return g
})

func defaultGuide() *Guide { return shipped() }
