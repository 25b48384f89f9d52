package web

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// How the server keeps runs bounded and itself responsive (RATIONALE.md,
// "Why two lanes of runs?"):
//
//   - A run of compiled WebAssembly cannot be preempted: while it runs, Go's
//     stop-the-world phases (and so every other request) wait for it. Fuel,
//     which lib/ir charges by the work a loop iteration does, bounds each
//     call to a few milliseconds at the server's default (DefaultFuel).
//   - At most Config.MaxRuns programs run at once, in two lanes. Every run
//     first tries the short lane with a sixteenth of the fuel; a program
//     that needs more moves to the long lane, and its compiled entry
//     remembers that, so its later runs go straight there. A trivial run
//     therefore never waits behind heavy ones. Programs are pure, so a
//     rerun with more fuel computes the same thing.
//   - A run waits for a slot at most until 90% of its limit (Config.Timeout
//     from when it was compiled and ready) and at most maxWaiting runs
//     wait per lane; beyond either, 503 with Retry-After. The call gets
//     only what is left of the deadline, so a request ends within its
//     limit plus the watchdog's tick.

// compiled is one program ready to run, with what the playground shows.
type compiled struct {
	prog   ir.Program
	short  *wasmrt.Module // on the short lane's runtime (less fuel)
	long   *wasmrt.Module // on the long lane's runtime (Config.Fuel)
	wat    string
	wasm   []byte
	hexStr string
	heavy  atomic.Bool // a run needed more than the short lane's fuel
}

func (c *compiled) close(ctx context.Context) {
	c.short.Close(ctx)
	c.long.Close(ctx)
}

// lane is a counting semaphore with a bounded queue.
type lane struct {
	name    string
	slots   chan struct{}
	waiting atomic.Int64
}

// maxWaiting bounds the runs queued on one lane; more get 503 at once.
const maxWaiting = 256

func newLane(name string, n int) *lane { return &lane{name: name, slots: make(chan struct{}, n)} }

// acquire waits for a slot until ctx ends; release it with release.
func (l *lane) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
		return nil
	default:
	}
	if l.waiting.Add(1) > maxWaiting {
		l.waiting.Add(-1)
		return busyError(l, "%d runs already waiting", maxWaiting)
	}
	defer l.waiting.Add(-1)
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return busyError(l, "no run slot free before the request's time limit")
	}
}

func (l *lane) release() { <-l.slots }

func busyError(l *lane, format string, a ...any) *APIError {
	e := apiErr(http.StatusServiceUnavailable, "busy", "server busy (%s lane, %d runs at once): %s; try again",
		l.name, cap(l.slots), fmt.Sprintf(format, a...))
	e.RetryAfter = 1
	return e
}

// moduleCache keeps compiled programs by their canonical text, so repeated
// runs of one program (the load test, a class of students) compile once.
// When full it starts afresh; entries in use stay valid for their callers.
type moduleCache struct {
	short, long   *wasmrt.Runtime
	shortFuel     int64
	timeout       time.Duration
	max           int
	shortQ, longQ *lane
	mu            sync.Mutex
	m             map[string]*compiled
}

// newModuleCache makes the two lanes' runtimes: fuel for the long lane,
// fuel/16 for the short one. maxRuns programs run at once: maxRuns-1 on
// the long lane and one on the short lane (they share one slot when
// maxRuns is 1).
func newModuleCache(fuel int64, timeout time.Duration, maxRuns, max int) (*moduleCache, error) {
	shortFuel := max64(1, fuel/16)
	long, err := wasmrt.New(context.Background(), wasmrt.Config{Fuel: fuel, Timeout: timeout})
	if err != nil {
		return nil, err
	}
	short, err := wasmrt.New(context.Background(), wasmrt.Config{Fuel: shortFuel, Timeout: timeout})
	if err != nil {
		long.Close(context.Background())
		return nil, err
	}
	mc := &moduleCache{short: short, long: long, shortFuel: shortFuel, timeout: timeout, max: max, m: make(map[string]*compiled)}
	if maxRuns == 1 {
		mc.longQ = newLane("shared", 1)
		mc.shortQ = mc.longQ
	} else {
		mc.longQ, mc.shortQ = newLane("long", maxRuns-1), newLane("short", 1)
	}
	return mc, nil
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

func (mc *moduleCache) close() error {
	ctx := context.Background()
	return errors.Join(mc.short.Close(ctx), mc.long.Close(ctx))
}

func (mc *moduleCache) get(ctx context.Context, p ir.Program) (*compiled, error) {
	key := p.Name + "\x00" + p.String()
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if c, ok := mc.m[key]; ok {
		return c, nil
	}
	long, err := mc.long.Compile(ctx, p)
	if err != nil {
		return nil, err
	}
	short, err := mc.short.Compile(ctx, p) // wazero's cache has its machine code now
	if err != nil {
		long.Close(ctx)
		return nil, err
	}
	wat, err := ir.WAT(p)
	if err != nil {
		long.Close(ctx)
		short.Close(ctx)
		return nil, err
	}
	wasm := long.WASM()
	c := &compiled{prog: p, short: short, long: long, wat: wat, wasm: wasm, hexStr: hex.EncodeToString(wasm)}
	if len(mc.m) >= mc.max {
		// Start afresh. A call still running on an evicted module gets
		// wasmrt.ErrClosed, and call retries it on a fresh compile.
		for _, old := range mc.m {
			old.close(ctx)
		}
		mc.m = make(map[string]*compiled)
	}
	mc.m[key] = c
	return c, nil
}

// call runs p on args through the cache, compiling p on first use (a
// program's compile is bounded by the body limit and not counted in the
// time limit).
func (mc *moduleCache) call(ctx context.Context, p ir.Program, args []int32) (*compiled, int32, error) {
	for attempt := 0; ; attempt++ {
		c, err := mc.get(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		v, err := mc.callLanes(ctx, c, args)
		if errors.Is(err, wasmrt.ErrClosed) && attempt == 0 {
			continue
		}
		return c, v, err
	}
}

// callLanes runs c within the lanes' limits, by the deadline timeout from
// now (queueing included).
func (mc *moduleCache) callLanes(ctx context.Context, c *compiled, args []int32) (int32, error) {
	wait := ctx // waiting for a slot ends at 90% of the limit, leaving time to run and answer
	if mc.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, mc.timeout)
		defer cancel()
		wait, cancel = context.WithTimeout(ctx, mc.timeout*9/10)
		defer cancel()
	}
	if !c.heavy.Load() {
		if err := mc.shortQ.acquire(wait); err != nil {
			return 0, err
		}
		v, err := c.short.Call(ctx, args...)
		mc.shortQ.release()
		if !errors.Is(err, wasmrt.ErrFuelExhausted) {
			return v, err
		}
		c.heavy.Store(true)
	}
	if err := mc.longQ.acquire(wait); err != nil {
		return 0, err
	}
	defer mc.longQ.release()
	return c.long.Call(ctx, args...)
}
