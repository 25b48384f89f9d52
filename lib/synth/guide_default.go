package synth

func defaultGuide() *Guide { return nil }
