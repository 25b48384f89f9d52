package kernel

import (
	"fmt"
	"time"
)

// DefaultOutputRate is Config.OutputRate's default: 1 MiB/s of stream
// output per cell, the rate Jupyter's own server lets through by default
// (iopub_data_rate_limit).
const DefaultOutputRate = 1 << 20

// outputLimit bounds the stream output (stdout, stderr) a cell publishes:
// a token bucket of 4 seconds' worth of bytes, refilled at the rate. The
// kernel's iopub socket queues every message until the frontend has read
// it, and a cell prints far faster than a frontend reads (a print loop
// grew the kernel process by 180 MB/s), so without a bound a loop of
// prints would fill the kernel's memory, which, unlike the session's, has
// no cap. Output over the bound is dropped, with a note on stderr; the cell
// keeps running. Guarded by Kernel.curMu.
type outputLimit struct {
	rate    float64 // bytes per second; 0: no limit
	perMsg  int     // bytes each message is counted for besides its text (its envelope)
	tokens  float64
	last    time.Time
	dropped int64 // bytes dropped since the last note
	total   int64 // bytes dropped in this cell
}

func newOutputLimit(rate int64) outputLimit {
	if rate == 0 {
		rate = DefaultOutputRate
	}
	return outputLimit{rate: max(0, float64(rate)), perMsg: msgEnvelope}
}

// msgEnvelope is about what a stream message costs besides its text (its
// signed header, parent header and frames): a cell printing a line a
// millisecond sends few bytes but many messages, and the queue holds them
// whole.
const msgEnvelope = 512

func (o *outputLimit) burst() float64 { return 4 * o.rate }

// start gives a new cell a full bucket.
func (o *outputLimit) start(now time.Time) {
	o.tokens, o.last, o.dropped, o.total = o.burst(), now, 0, 0
}

// admit decides whether n bytes of stream output go out now. It returns
// the notes to publish on stderr first: one when output starts being
// dropped, and one saying how much was dropped when output flows again.
func (o *outputLimit) admit(n int, now time.Time) (ok bool, note string) {
	if o.rate == 0 {
		return true, ""
	}
	o.tokens = min(o.burst(), o.tokens+now.Sub(o.last).Seconds()*o.rate)
	o.last = now
	cost := n + o.perMsg
	if float64(cost) > o.tokens {
		if o.dropped == 0 {
			note = fmt.Sprintf("[irsynth kernel: output over %s/s; dropping it while it stays over (the cell keeps running)]\n", byteSize(int64(o.rate)))
		}
		o.dropped += int64(n)
		o.total += int64(n)
		return false, note
	}
	o.tokens -= float64(cost)
	if o.dropped > 0 {
		note = fmt.Sprintf("[irsynth kernel: %s of output dropped]\n", byteSize(o.dropped))
		o.dropped = 0
	}
	return true, note
}

// end returns the note on output dropped at the end of a cell, if any.
func (o *outputLimit) end() string {
	if o.dropped == 0 {
		return ""
	}
	note := fmt.Sprintf("[irsynth kernel: %s of output dropped]\n", byteSize(o.dropped))
	o.dropped = 0
	return note
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
