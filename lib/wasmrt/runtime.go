package wasmrt

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// DefaultTimeout is the wall-clock limit per call when Config.Timeout is 0.
const DefaultTimeout = time.Second

// MaxMemoryPages caps the linear memory of every instance, in WebAssembly
// pages of 64 KiB: 1,024 pages, 64 MiB. IR modules use one page (ir.MemWords
// words); a loaded module that declares more than the cap is refused
// (ErrBadModule), and its memory.grow past the cap returns -1. Without it,
// a module could grow to 4 GiB per instance, one instance per core, and
// that growth (a copy) does not stop at the wall-clock limit.
const MaxMemoryPages = 1024

// Config sets a Runtime's limits. The zero value works: ir.DefaultFuel
// and DefaultTimeout per call, Batch on every core.
type Config struct {
	// Fuel is the work a call may do, in ir's units (each entry into a
	// loop body costs the opcodes the loop holds; see ir.Exec.Run). 0 means
	// ir.DefaultFuel. The fuel global is an i32, so at most math.MaxInt32.
	Fuel int64
	// Timeout is the wall-clock limit of one call. 0 means DefaultTimeout;
	// a negative value means no limit beyond fuel and the caller's context.
	Timeout time.Duration
	// Workers is the number of goroutines Batch uses. 0 means
	// runtime.NumCPU().
	Workers int
	// Preemptible runs IR modules on the engine that raw modules use
	// (wazero's WithCloseOnContextDone), whose generated code returns to Go
	// at every loop iteration: the wall-clock limit then holds even while
	// the garbage collector stops the world, and a long call never holds up
	// the collector. The price is much slower calls (tens of times on
	// collatz_length(27); BenchmarkPreemptible, figures in README): an exit
	// to Go per loop iteration and a goroutine per call. The default engine stops a late call through the module's
	// globals from a watchdog goroutine, which the collector can delay until
	// fuel ends the call (see the package documentation).
	Preemptible bool
}

// Runtime compiles programs into Modules and enforces the limits of its
// Config on every call. It is safe for concurrent use.
type Runtime struct {
	fuel    int32
	timeout time.Duration
	workers int
	irKind  engineKind    // engine for IR modules
	tick    time.Duration // watchdog period
	epoch   time.Time     // the watchdog's clock: monotonic time since epoch

	mu      sync.Mutex
	closed  bool
	engines [2]wazero.Runtime // by engineKind, created on first use
	modules map[*Module]struct{}

	used      atomic.Bool // a call started since the watchdog's last look
	sweepMods []*Module   // the watchdog's scratch space, guarded by sweepMu
	// sweepMu serialises sweeps: an exiting watchdog's last look at the
	// calls can overlap the sweep of the watchdog a new call just started.
	sweepMu   sync.Mutex
	watching  atomic.Bool // the watchdog goroutine is running
	closeOnce sync.Once
	done      chan struct{} // closed by Close; stops the watchdog
}

// New returns a Runtime with cfg's limits. Every Runtime shares the
// package's compilation caches.
func New(ctx context.Context, cfg Config) (*Runtime, error) {
	if cfg.Fuel == 0 {
		cfg.Fuel = ir.DefaultFuel
	}
	if cfg.Fuel < 0 || cfg.Fuel > math.MaxInt32 {
		return nil, fmt.Errorf("%w: fuel %d outside 1..%d (the fuel global is an i32)", ErrConfig, cfg.Fuel, math.MaxInt32)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Workers < 0 {
		return nil, fmt.Errorf("%w: workers %d is negative", ErrConfig, cfg.Workers)
	}
	if cfg.Workers == 0 {
		cfg.Workers = runtime.NumCPU()
	}
	r := &Runtime{
		fuel:    int32(cfg.Fuel),
		timeout: cfg.Timeout,
		workers: cfg.Workers,
		irKind:  engineFuel,
		modules: make(map[*Module]struct{}),
		done:    make(chan struct{}),
	}
	if cfg.Preemptible {
		r.irKind = engineCtx
	}
	r.tick = tickFor(r.timeout)
	r.epoch = time.Now()
	if _, err := r.engine(ctx, r.irKind); err != nil {
		return nil, err
	}
	return r, nil
}

// Fuel is the fuel each call starts with, in ir's units.
func (r *Runtime) Fuel() int64 { return int64(r.fuel) }

// Timeout is the wall-clock limit of each call (negative: none).
func (r *Runtime) Timeout() time.Duration { return r.timeout }

// engine returns the wazero runtime of kind k, creating it on first use.
func (r *Runtime) engine(ctx context.Context, k engineKind) (wazero.Runtime, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	if r.engines[k] == nil {
		c := caches[k]
		c.init()
		r.engines[k] = wazero.NewRuntimeWithConfig(ctx, c.config())
	}
	return r.engines[k], nil
}

// Close stops the calls in flight (they return ErrClosed), closes every
// Module and releases the wazero runtimes. It does not wait for the calls
// to return. Compiled code stays in the shared cache.
func (r *Runtime) Close(ctx context.Context) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	mods := make([]*Module, 0, len(r.modules))
	for m := range r.modules {
		mods = append(mods, m)
	}
	engines := r.engines
	r.mu.Unlock()
	r.closeOnce.Do(func() { close(r.done) })

	for _, m := range mods {
		_ = m.close(ctx)
	}
	var first error
	for _, e := range engines {
		if e == nil {
			continue
		}
		if err := e.Close(ctx); err != nil && first == nil {
			first = fmt.Errorf("wasmrt: close: %w", err)
		}
	}
	return first
}

// Compile compiles p (ir.Compile, then wazero) into a Module whose Call
// takes p.Arity operands. Instances are created on first use (see Prewarm).
// An invalid program gives an error wrapping the *ir.ValidationError.
func (r *Runtime) Compile(ctx context.Context, p ir.Program) (*Module, error) {
	bin, err := ir.Compile(p, ir.CompileOptions{Fuel: int64(r.fuel)})
	if err != nil {
		return nil, fmt.Errorf("wasmrt: compile %s: %w", p.Name, err)
	}
	return r.load(ctx, r.irKind, p.Name, bin, p.Arity, true)
}

// CompileConst compiles p in the study's form, with args baked into the
// module as constants: Call on the result takes no operands. It exists to
// compare with the study (one compilation per input); use Compile otherwise.
func (r *Runtime) CompileConst(ctx context.Context, p ir.Program, args []int32) (*Module, error) {
	bin, err := ir.CompileConst(p, args, ir.CompileOptions{Fuel: int64(r.fuel)})
	if err != nil {
		return nil, fmt.Errorf("wasmrt: compile %s (const): %w", p.Name, err)
	}
	return r.load(ctx, r.irKind, p.Name, bin, 0, true)
}

// Load compiles raw WASM bytes into a Module. The module must export a
// function "run" taking i32 operands and returning one i32; if it exports a
// mutable i32 global "fuel", each call starts with the Runtime's fuel in it
// and a trap that leaves it at -1 reports ErrFuelExhausted. Raw modules run
// on wazero's cancellation-checking engine, so the wall-clock limit holds
// even for loops that never read "fuel". Load instantiates the module once
// to check the contract.
func (r *Runtime) Load(ctx context.Context, name string, wasm []byte) (*Module, error) {
	m, err := r.load(ctx, engineCtx, name, wasm, -1, false)
	if err != nil {
		return nil, err
	}
	if err := m.Prewarm(ctx, 1); err != nil {
		_ = m.Close(ctx)
		return nil, err
	}
	return m, nil
}

// load compiles bin on engine k. arity < 0 means take it from the module.
func (r *Runtime) load(ctx context.Context, k engineKind, name string, bin []byte, arity int, needFuel bool) (*Module, error) {
	eng, err := r.engine(ctx, k)
	if err != nil {
		return nil, err
	}
	cm, err := eng.CompileModule(ctx, bin)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrBadModule, name, err)
	}
	def, ok := cm.ExportedFunctions()[ir.ExportRun]
	if !ok {
		_ = cm.Close(ctx)
		return nil, fmt.Errorf("%w: %s: no exported function %q", ErrBadModule, name, ir.ExportRun)
	}
	params, results := def.ParamTypes(), def.ResultTypes()
	for _, t := range params {
		if t != api.ValueTypeI32 {
			_ = cm.Close(ctx)
			return nil, fmt.Errorf("%w: %s: %q parameters must all be i32", ErrBadModule, name, ir.ExportRun)
		}
	}
	if len(results) != 1 || results[0] != api.ValueTypeI32 {
		_ = cm.Close(ctx)
		return nil, fmt.Errorf("%w: %s: %q must return one i32", ErrBadModule, name, ir.ExportRun)
	}
	if arity >= 0 && len(params) != arity {
		_ = cm.Close(ctx)
		return nil, fmt.Errorf("%w: %s: %q takes %d operands, program arity is %d", ErrBadModule, name, ir.ExportRun, len(params), arity)
	}
	caches[k].keep(ctx, bin)

	m := &Module{
		rt:       r,
		name:     name,
		arity:    len(params),
		kind:     k,
		cm:       cm,
		bin:      bin,
		needFuel: needFuel,
		all:      make(map[*instance]struct{}),
		maxIdle:  max(2*r.workers, 4),
	}
	// Built now, so that stopping a late call allocates nothing: an
	// allocation there could start a garbage collection, which would wait
	// for the very call being stopped.
	m.timeoutErr = fmt.Errorf("%w: %s: ran past %v", ErrTimeout, name, r.timeout)
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		_ = cm.Close(ctx)
		return nil, ErrClosed
	}
	r.modules[m] = struct{}{}
	r.mu.Unlock()
	return m, nil
}

// forget drops m from the Runtime's module set (Module.Close).
func (r *Runtime) forget(m *Module) {
	r.mu.Lock()
	delete(r.modules, m)
	r.mu.Unlock()
}
