package wasmrt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// Module is a compiled program, ready to be called many times. It is safe
// for concurrent use: each call borrows an instance from the Module's pool.
type Module struct {
	rt       *Runtime
	name     string
	arity    int
	kind     engineKind
	cm       wazero.CompiledModule
	bin      []byte // the WASM binary it was compiled from
	needFuel bool   // IR modules must export the fuel global
	maxIdle  int

	timeoutErr error // returned by calls stopped at their deadline

	closed   atomic.Bool
	cmClosed atomic.Bool
	// hot is the instance a call tries first (fuel engine only): it stays
	// here, busy or idle, and a call claims it with one compare-and-swap
	// of its state (instance.begin), so a call that finds it idle touches
	// no pool. Calls that find it busy use the pool below.
	hot  atomic.Pointer[instance]
	slot atomic.Pointer[instance] // one idle instance, reached without the lock

	mu   sync.Mutex
	free []*instance            // more idle instances
	all  map[*instance]struct{} // every live instance, for the watchdog
}

// Name is the program's name.
func (m *Module) Name() string { return m.name }

// WASM returns a copy of the WebAssembly binary the Module runs.
func (m *Module) WASM() []byte { return bytes.Clone(m.bin) }

// Arity is the number of operands Call takes.
func (m *Module) Arity() int { return m.arity }

// Call runs the program on args and returns its result. It is safe for
// concurrent use. Errors: ErrArgs, *TrapError, ErrFuelExhausted,
// ErrTimeout, a wrapped context error if ctx ends, ErrClosed.
func (m *Module) Call(ctx context.Context, args ...int32) (int32, error) {
	if len(args) != m.arity {
		return 0, m.arityError(len(args))
	}
	if in := m.hot.Load(); in != nil {
		if gen, ok := in.begin(); ok {
			return m.callHot(ctx, in, gen, args)
		}
	}
	in, err := m.get(ctx)
	if err != nil {
		return 0, err
	}
	v, err, ok := m.callOn(ctx, in, args)
	m.put(ctx, in, ok)
	return v, err
}

// callHot runs call gen on the hot instance in, which begin claimed.
func (m *Module) callHot(ctx context.Context, in *instance, gen uint64, args []int32) (int32, error) {
	if m.closed.Load() {
		in.end(gen, true)
		m.dropHot(ctx, in, true)
		return 0, ErrClosed
	}
	v, err, ok := m.run(ctx, in, gen, args)
	if !ok {
		m.dropHot(ctx, in, true)
	} else if m.closed.Load() { // Close may have found in busy
		m.dropHot(ctx, in, false)
	}
	return v, err
}

// dropHot discards in, the hot instance (or one that was): replaced by
// the next instance put back, and closed. owned: the caller's call ended
// it with discard, so it is the caller's to close; otherwise it is closed
// only if idle, by whoever claims it first (a call running on it drops it
// when it ends and sees the Module closed).
func (m *Module) dropHot(ctx context.Context, in *instance, owned bool) {
	m.hot.CompareAndSwap(in, nil)
	if !owned {
		s := in.state.Load()
		if s&(stateRunning|stateKilled) != 0 || !in.state.CompareAndSwap(s, s|stateKilled) {
			return
		}
	}
	m.mu.Lock()
	delete(m.all, in)
	m.mu.Unlock()
	_ = in.mod.Close(context.WithoutCancel(ctx))
}

// Prewarm makes sure the pool holds at least n idle instances, so that the
// first n concurrent calls do not pay for instantiation.
func (m *Module) Prewarm(ctx context.Context, n int) error {
	var made []*instance
	for range n - m.idle() {
		in, err := m.instantiate(ctx)
		if err != nil {
			for _, in := range made {
				m.put(ctx, in, true)
			}
			return err
		}
		made = append(made, in)
	}
	for _, in := range made {
		m.put(ctx, in, true)
	}
	return nil
}

// Close releases the Module's instances and compiled code. Calls in flight
// are stopped with ErrClosed.
func (m *Module) Close(ctx context.Context) error {
	m.rt.forget(m)
	return m.close(ctx)
}

// close stops the calls in flight, closes the instances and releases the
// compiled code, once. wazero's compiled code is reference-counted in the
// shared cache and a wazero Runtime's Close does not release it, so every
// Module must, or the cache (and the compile time of every new program,
// which grows with the cache) grows without bound.
func (m *Module) close(ctx context.Context) error {
	m.kill(ErrClosed)
	m.closeInstances(ctx)
	if m.cmClosed.CompareAndSwap(false, true) {
		return m.cm.Close(ctx)
	}
	return nil
}

func (m *Module) arityError(got int) error {
	return fmt.Errorf("%w: %s takes %d, got %d", ErrArgs, m.name, m.arity, got)
}

func (m *Module) idle() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := len(m.free)
	if m.slot.Load() != nil {
		n++
	}
	if in := m.hot.Load(); in != nil && in.state.Load()&(stateRunning|stateKilled) == 0 {
		n++
	}
	return n
}

// get borrows an idle instance or makes a new one.
func (m *Module) get(ctx context.Context) (*instance, error) {
	if m.closed.Load() {
		return nil, ErrClosed
	}
	if in := m.slot.Swap(nil); in != nil {
		return in, nil
	}
	m.mu.Lock()
	if k := len(m.free); k > 0 {
		in := m.free[k-1]
		m.free = m.free[:k-1]
		m.mu.Unlock()
		return in, nil
	}
	m.mu.Unlock()
	return m.instantiate(ctx)
}

// put returns in to the pool; an instance that is not ok, or one the pool
// has no room for, is closed.
func (m *Module) put(ctx context.Context, in *instance, ok bool) {
	ok = ok && !in.mod.IsClosed()
	if ok && m.kind == engineFuel && !m.closed.Load() && m.hot.Load() == nil && m.hot.CompareAndSwap(nil, in) {
		if m.closed.Load() { // closed meanwhile: closeInstances may have missed it
			m.dropHot(ctx, in, false)
		}
		return
	}
	if ok && !m.closed.Load() && m.slot.CompareAndSwap(nil, in) {
		if m.closed.Load() { // closed meanwhile: closeInstances may have missed it
			if in := m.slot.Swap(nil); in != nil {
				m.put(ctx, in, false)
			}
		}
		return
	}
	m.mu.Lock()
	if ok && !m.closed.Load() && len(m.free) < m.maxIdle {
		m.free = append(m.free, in)
		m.mu.Unlock()
		return
	}
	delete(m.all, in)
	m.mu.Unlock()
	_ = in.mod.Close(context.WithoutCancel(ctx))
}

// moduleConfig makes anonymous instances (any number per module), runs no
// start function, and gives them a random source that is never read: the
// modules import nothing, and wazero's default source costs a seeding of
// math/rand (about 10 µs) per instance.
var moduleConfig = wazero.NewModuleConfig().WithName("").WithStartFunctions().WithRandSource(noRandom{})

type noRandom struct{}

func (noRandom) Read(p []byte) (int, error) { return 0, errors.New("wasmrt: no random source") }

// instantiate makes a new anonymous instance and checks the exports.
func (m *Module) instantiate(ctx context.Context) (*instance, error) {
	eng, err := m.rt.engine(ctx, m.kind)
	if err != nil {
		return nil, err
	}
	mod, err := eng.InstantiateModule(ctx, m.cm, moduleConfig)
	if err != nil {
		return nil, fmt.Errorf("wasmrt: instantiate %s: %w", m.name, err)
	}
	in := &instance{mod: mod, fn: mod.ExportedFunction(ir.ExportRun), stack: make([]uint64, max(m.arity, 1))}
	if g := mod.ExportedGlobal(ir.ExportFuel); g != nil {
		mg, ok := g.(api.MutableGlobal)
		if !ok || g.Type() != api.ValueTypeI32 {
			_ = mod.Close(ctx)
			return nil, fmt.Errorf("%w: %s: global %q must be a mutable i32", ErrBadModule, m.name, ir.ExportFuel)
		}
		in.fuel = mg
	} else if m.needFuel {
		_ = mod.Close(ctx)
		return nil, fmt.Errorf("%w: %s: no exported global %q", ErrBadModule, m.name, ir.ExportFuel)
	}
	if g := mod.ExportedGlobal(ExportStop); g != nil {
		mg, ok := g.(api.MutableGlobal)
		if !ok || g.Type() != api.ValueTypeI32 {
			_ = mod.Close(ctx)
			return nil, fmt.Errorf("%w: %s: global %q must be a mutable i32", ErrBadModule, m.name, ExportStop)
		}
		in.stop = mg
	}
	m.mu.Lock()
	if m.closed.Load() {
		m.mu.Unlock()
		_ = mod.Close(ctx)
		return nil, ErrClosed
	}
	m.all[in] = struct{}{}
	m.mu.Unlock()
	return in, nil
}

// callOn runs one call on in, which the caller holds (from the pool). ok
// is false when in must be discarded.
func (m *Module) callOn(ctx context.Context, in *instance, args []int32) (v int32, err error, ok bool) {
	var gen uint64
	if m.kind == engineFuel {
		if gen, ok = in.begin(); !ok {
			return 0, fmt.Errorf("%w: %s: a pooled instance is in use", ErrInternal, m.name), false
		}
	}
	return m.run(ctx, in, gen, args)
}

// run runs call gen on in: on the fuel engine, begin published it, and run
// ends it. ok is false when in must be discarded. No panic escapes: one
// is reported as ErrInternal and the instance dropped. Everything the
// outcome needs is read from in before the call ends, since another
// goroutine may claim the hot instance as soon as it has.
func (m *Module) run(ctx context.Context, in *instance, gen uint64, args []int32) (v int32, err error, ok bool) {
	watched := m.kind == engineFuel
	ended := !watched
	returned := false // so that a call that returns skips recover (a few ns)
	defer func() {
		if returned {
			return
		}
		if p := recover(); p != nil {
			// After end, in is sound (and may be another call's already).
			v, err, ok = 0, fmt.Errorf("%w: %s: %v", ErrInternal, m.name, p), watched && ended
			if !ended {
				in.end(gen, true)
			}
		}
	}()
	if err := ctx.Err(); err != nil {
		if !ended {
			ended = true
			in.end(gen, false)
		}
		returned = true
		return 0, fmt.Errorf("wasmrt: %s: %w", m.name, err), true
	}
	for i, a := range args {
		in.stack[i] = api.EncodeI32(a)
	}
	if in.fuel != nil {
		in.fuel.Set(api.EncodeI32(m.rt.fuel))
	}
	if in.stopped.Load() {
		in.stop.Set(0)
		in.stopped.Store(false)
	}
	var callErr, killErr error
	if watched {
		callErr = m.callWatched(ctx, in, gen)
	} else {
		callErr, killErr = m.callCtx(ctx, in)
	}
	v = api.DecodeI32(in.stack[0])
	// A call that returned needs no more: an instance closed under it
	// (Runtime.Close) is dropped by put or callHot, which see it closed.
	failed := callErr != nil
	discard := failed && (in.mod.IsClosed() || isExit(callErr))
	exhausted := failed && in.fuel != nil && api.DecodeI32(in.fuel.Get()) == -1
	if !ended {
		ended = true
		if killErr = in.end(gen, discard); killErr == errCtxDone {
			killErr = ctxError(m.name, ctx)
		}
	}
	switch {
	case !failed:
		err, ok = nil, true
	case killErr != nil:
		v, err, ok = 0, killErr, !discard
	case discard:
		v, err, ok = 0, fmt.Errorf("%w: %s: %v", ErrClosed, m.name, callErr), false
	case exhausted:
		v, err, ok = 0, fmt.Errorf("%w: %s: more than %d units", ErrFuelExhausted, m.name, m.rt.fuel), true
	default:
		v, err, ok = 0, newTrapError(callErr), true
	}
	returned = true
	return v, err, ok
}

// isExit reports whether err says wazero closed the instance during the
// call. (A function of its own: the target errors.As fills escapes to
// the heap, and a call that succeeds must not allocate.)
func isExit(err error) bool {
	var exit *sys.ExitError
	return errors.As(err, &exit)
}

// callCtx runs a call on the cancellation-checking engine (raw modules, and
// IR modules with Config.Preemptible) under a context deadline; wazero
// closes the instance when the context ends, and the Module replaces it.
func (m *Module) callCtx(ctx context.Context, in *instance) (callErr, killErr error) {
	cctx := ctx
	if m.rt.timeout > 0 {
		var cancel context.CancelFunc
		cctx, cancel = context.WithTimeout(ctx, m.rt.timeout)
		defer cancel()
	}
	callErr = in.fn.CallWithStack(cctx, in.stack)
	var exit *sys.ExitError
	if callErr != nil && errors.As(callErr, &exit) {
		switch {
		case ctx.Err() != nil:
			killErr = ctxError(m.name, ctx)
		case exit.ExitCode() == sys.ExitCodeDeadlineExceeded:
			killErr = m.timeoutErr
		}
	}
	return callErr, killErr
}

// kill stops every call in flight on m with err.
func (m *Module) kill(err error) {
	m.mu.Lock()
	m.closed.Store(true)
	ins := make([]*instance, 0, len(m.all))
	for in := range m.all {
		ins = append(ins, in)
	}
	m.mu.Unlock()
	for _, in := range ins {
		if s := in.state.Load(); s&stateRunning != 0 {
			in.kill(s>>stateBits, err)
		}
	}
}

// closeInstances closes the idle instances; busy ones close when returned.
func (m *Module) closeInstances(ctx context.Context) {
	m.closed.Store(true)
	if in := m.hot.Swap(nil); in != nil {
		m.dropHot(ctx, in, false) // if busy, its call drops it when it ends
	}
	m.mu.Lock()
	free := m.free
	m.free = nil
	if in := m.slot.Swap(nil); in != nil {
		free = append(free, in)
	}
	for _, in := range free {
		delete(m.all, in)
	}
	m.mu.Unlock()
	for _, in := range free {
		_ = in.mod.Close(ctx)
	}
}

// errCtxDone marks a call stopped because its context ended; the error
// returned is built after the call, so that stopping it allocates nothing.
var errCtxDone = errors.New("wasmrt: context done")

func ctxError(name string, ctx context.Context) error {
	err := context.Cause(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %s: %w", ErrTimeout, name, err)
	}
	return fmt.Errorf("wasmrt: %s: %w", name, err)
}
