//go:build race

package llama_test

// raceEnabled: the race detector shadows every allocation, so memory
// figures measured under it say nothing about the loader.
const raceEnabled = true
