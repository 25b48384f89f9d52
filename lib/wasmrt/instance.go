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
	gen     uint64   // calls so far; written only by the calling goroutine

	// state is gen<<stateBits | flags of the call in flight, so that the
	// watchdog and a context can name the call they stop. A call that is
	// not stopped costs one store and one compare-and-swap; the rare paths
	// (stopping a call, ending a stopped call) take mu.
	state    atomic.Uint64
	deadline atomic.Int64 // Runtime.ticks value at which the call is late; 0: none

	mu      sync.Mutex
	killErr error // why the call in flight was stopped; guarded by mu
}

const (
	stateRunning = 1 << iota // a call is in flight
	stateKilled              // and it is being stopped
	stateBits    = 2
)

// callWatched runs an IR module's call under the watchdog, which stops it
// through the module's globals when the deadline passes or ctx ends.
// killErr says why it was stopped.
func (m *Module) callWatched(ctx context.Context, in *instance) (callErr, killErr error) {
	r := m.rt
	in.gen++
	gen := in.gen
	deadline := int64(0)
	if r.timeout > 0 {
		// The watchdog's tick counter, not the clock: reading the clock
		// would cost a third of a short call.
		deadline = r.ticks.Load() + r.lateTicks
	}
	// Calls that start within the same tick share a deadline: a load is
	// cheaper than an atomic store (an exchange on amd64), and the value
	// the watchdog reads is the same.
	if in.deadline.Load() != deadline {
		in.deadline.Store(deadline)
	}
	in.state.Store(gen<<stateBits | stateRunning)
	r.watch()

	var stop func() bool
	if ctx.Done() != nil {
		stop = context.AfterFunc(ctx, func() { in.kill(gen, errCtxDone) })
	}
	// The fuel engine has no cancellation checks, so ctx only carries values.
	callErr = in.fn.CallWithStack(ctx, in.stack)
	if stop != nil {
		stop()
	}
	if !in.state.CompareAndSwap(gen<<stateBits|stateRunning, gen<<stateBits) {
		// Stopped: whoever stopped it holds mu until it is done.
		in.mu.Lock()
		in.state.Store(gen << stateBits)
		killErr, in.killErr = in.killErr, nil
		in.mu.Unlock()
		if killErr == errCtxDone {
			killErr = ctxError(m.name, ctx)
		}
	}
	return callErr, killErr
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
