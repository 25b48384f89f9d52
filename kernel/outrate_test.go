package kernel

import (
	"strings"
	"testing"
	"time"
)

// TestOutputLimit: with a fake clock, a cell's stream output passes up to
// the burst (4 s at the rate) at once and then at the rate; what is over is
// dropped, with one note when dropping starts and one with the amount when
// output flows again or the cell ends; a new cell starts with a full
// bucket; a negative rate lets everything through.
func TestOutputLimit(t *testing.T) {
	const rate = 1000
	o := newOutputLimit(rate)
	o.perMsg = 0 // counted below
	t0 := time.Unix(1000, 0)
	o.start(t0)
	passed, notes := 0, []string{}
	send := func(n int, at time.Duration) bool {
		ok, note := o.admit(n, t0.Add(at))
		if ok {
			passed += n
		}
		if note != "" {
			notes = append(notes, note)
		}
		return ok
	}
	for i := range 40 { // 40 × 100 bytes at t=0: the burst of 4000
		if !send(100, 0) {
			t.Fatalf("chunk %d of the burst dropped", i)
		}
	}
	if send(100, 0) || send(100, 50*time.Millisecond) {
		t.Fatal("output over the burst passed")
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "output over 1000 bytes/s") {
		t.Fatalf("notes %q, want one saying output is over the rate", notes)
	}
	if !send(100, 200*time.Millisecond) { // 0.2 s refilled 200 bytes
		t.Fatal("output at the rate dropped")
	}
	if len(notes) != 2 || !strings.Contains(notes[1], "200 bytes of output dropped") {
		t.Fatalf("notes %q, want a second saying 200 bytes were dropped", notes)
	}
	send(5000, time.Second)
	if note := o.end(); !strings.Contains(note, "4.9 KiB of output dropped") {
		t.Errorf("end note %q", note)
	}
	if note := o.end(); note != "" {
		t.Errorf("a second end note %q", note)
	}
	if passed != 4100 {
		t.Errorf("%d bytes passed, want 4100", passed)
	}
	o.start(t0.Add(time.Hour))
	if ok, _ := o.admit(4000, t0.Add(time.Hour)); !ok {
		t.Error("a new cell did not start with a full bucket")
	}
	// The envelope counts: at 1000 bytes/s, empty messages pass at 1000/512
	// a second after the burst.
	e := newOutputLimit(rate)
	e.start(t0)
	sent := 0
	for ms := range 10_000 { // one empty message a millisecond for 10 s
		if ok, _ := e.admit(0, t0.Add(time.Duration(ms)*time.Millisecond)); ok {
			sent++
		}
	}
	if want := (4000 + 10*rate) / msgEnvelope; sent < want-1 || sent > want+1 {
		t.Errorf("%d empty messages passed in 10 s, want about %d", sent, want)
	}
	free := newOutputLimit(-1)
	free.start(t0)
	if ok, note := free.admit(1<<30, t0); !ok || note != "" {
		t.Error("a negative rate bounded output")
	}
}
