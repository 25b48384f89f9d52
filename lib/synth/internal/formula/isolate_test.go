package formula

import "testing"

// TestReadersIsolated: under Candidates' rule a reader that panics stops
// there and the readers after it still run; under the tests' rule the
// panic goes up.
func TestReadersIsolated(t *testing.T) {
	c := collector{seen: map[string]bool{}, isolate: true}
	var ran []int
	c.each(
		func() { ran = append(ran, 1) },
		func() { panic("a reader's bug") },
		func() { ran = append(ran, 3) },
	)
	if len(ran) != 2 || ran[1] != 3 {
		t.Errorf("isolated readers ran %v, want [1 3]", ran)
	}
	defer func() {
		if recover() == nil {
			t.Error("without isolate a reader's panic did not go up")
		}
	}()
	(&collector{seen: map[string]bool{}}).each(func() { panic("shows") })
}
