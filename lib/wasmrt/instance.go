package wasmrt

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tetratelabs/wazero/api"
)

// instance is one wazero module instance with its own globals, used by one
// call at a time.
type instance struct {
	mod  api.Module
	fn   api.Function
	fuel api.MutableGlobal // nil if a raw module has no fuel global
	stop api.MutableGlobal // nil if the module has no stop global
	// stopped: kill set stop to 1, so the next call must clear it; a
	// global store through wazero's API costs more than loading this flag.
	stopped atomic.Bool
	stack   []uint64 // parameters in, result out

	// state is gen<<stateBits | flags: gen counts the calls so far, so
	// that the watchdog and a context name the call they stop. On the fuel
	// engine a call claims the instance and publishes itself to the
	// watchdog with one compare-and-swap (begin), and ends with another
	// (end), which also tells it whether it was stopped; the rare paths
	// (stopping a call, ending a stopped call) take mu.
	state atomic.Uint64

	// seenGen and seenAt: the call the watchdog last saw in flight and
	// when it first saw it (Runtime.clock), from which it times the call.
	// Only the watchdog touches them, under Runtime.sweepMu.
	seenGen uint64
	seenAt  time.Duration

	mu      sync.Mutex
	killErr error // why the call in flight was stopped; guarded by mu
}

const (
	stateRunning = 1 << iota // a call is in flight
	stateKilled              // and it is being stopped; alone: the instance is discarded
	stateBits    = 2
)

// begin claims in for a call if it is idle (neither running nor
// discarded) and publishes the call: one compare-and-swap. gen names the
// call for end and kill.
func (in *instance) begin() (gen uint64, ok bool) {
	s := in.state.Load()
	if s&(stateRunning|stateKilled) != 0 {
		return 0, false
	}
	gen = s>>stateBits + 1
	return gen, in.state.CompareAndSwap(s, gen<<stateBits|stateRunning)
}

// end ends call gen and returns why it was stopped, nil if it was not.
// Once it returns, another goroutine may claim in; with discard, none can.
func (in *instance) end(gen uint64, discard bool) (killErr error) {
	idle := gen << stateBits
	if discard {
		idle |= stateKilled
	}
	if in.state.CompareAndSwap(gen<<stateBits|stateRunning, idle) {
		return nil
	}
	// Stopped: whoever stopped it holds mu until it is done.
	in.mu.Lock()
	killErr, in.killErr = in.killErr, nil
	in.state.Store(idle)
	in.mu.Unlock()
	return killErr
}

// callWatched runs an IR module's call, which begin has published, under
// the watchdog, which stops it through the module's globals when it runs
// too long; a context that ends stops it the same way.
func (m *Module) callWatched(ctx context.Context, in *instance, gen uint64) error {
	m.rt.watch()
	var stop func() bool
	if ctx.Done() != nil {
		stop = context.AfterFunc(ctx, func() { in.kill(gen, errCtxDone) })
	}
	// The fuel engine has no cancellation checks, so ctx only carries values.
	err := in.fn.CallWithStack(ctx, in.stack)
	if stop != nil {
		stop()
	}
	return err
}

// kill stops call gen of in, if it is still in flight, with err. A module
// that exports the stop global gets stop = 1: it reads that global while it
// runs (lib/ir's modules once per ir.StopEvery units of fuel) and never
// writes it, so the program traps soon after. Otherwise a drainer goroutine sets the fuel global to 0 until
// the call returns; that is best effort, because the program's own
// read-modify-write of fuel (get, sub, set) overwrites a store that lands
// between its get and its set, and in a loop of a few cycles the CPU
// forwards the program's own pending store to its next read every time.
//
// kill allocates nothing (but the drainer goroutine): an allocation could
// start a garbage collection, which would wait for the very call it stops.
func (in *instance) kill(gen uint64, err error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if !in.state.CompareAndSwap(gen<<stateBits|stateRunning, gen<<stateBits|stateRunning|stateKilled) {
		return // that call is over, or already being stopped
	}
	in.killErr = err
	switch {
	case in.stop != nil:
		in.stopped.Store(true)
		in.stop.Set(1)
	case in.fuel != nil:
		in.fuel.Set(0)
		go in.drain(gen)
	}
}

// drain keeps the fuel of call gen at 0 until the call returns.
func (in *instance) drain(gen uint64) {
	killed := gen<<stateBits | stateRunning | stateKilled
	for i := 0; ; i++ {
		in.mu.Lock()
		if in.state.Load() != killed {
			in.mu.Unlock()
			return
		}
		in.fuel.Set(0)
		in.mu.Unlock()
		if i < 100 {
			runtime.Gosched()
		} else {
			time.Sleep(100 * time.Microsecond)
		}
	}
}
