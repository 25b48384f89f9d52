package wasmrt

import (
	"context"
	"sync"
	"sync/atomic"
)

// Result is the outcome of one input of a Batch.
type Result struct {
	Value int32
	Err   error
}

// Batch calls the program once per input, spreading the inputs over the
// Runtime's workers (every core by default). Result i belongs to inputs[i];
// each input gets its own fuel and wall-clock limit, and a failing input
// does not affect the others.
func (m *Module) Batch(ctx context.Context, inputs [][]int32) []Result {
	out := make([]Result, len(inputs))
	n := len(inputs)
	workers := min(m.rt.workers, n)
	if workers <= 1 {
		m.batchWorker(ctx, inputs, out, new(atomic.Int64), n)
		return out
	}
	// Workers take chunks from a shared counter, so a few long inputs do
	// not leave the other cores idle.
	chunk := max(1, n/(workers*8))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { m.batchWorker(ctx, inputs, out, &next, chunk) })
	}
	wg.Wait()
	return out
}

// batchWorker keeps one instance for all the inputs it takes.
func (m *Module) batchWorker(ctx context.Context, inputs [][]int32, out []Result, next *atomic.Int64, chunk int) {
	var in *instance
	defer func() {
		if in != nil {
			m.put(ctx, in, true)
		}
	}()
	for {
		start := int(next.Add(int64(chunk))) - chunk
		if start >= len(inputs) {
			return
		}
		for i := start; i < min(start+chunk, len(inputs)); i++ {
			args := inputs[i]
			if len(args) != m.arity {
				out[i].Err = m.arityError(len(args))
				continue
			}
			if in == nil {
				in = m.takeHot(ctx)
			}
			if in == nil {
				var err error
				if in, err = m.get(ctx); err != nil {
					out[i].Err = err
					continue
				}
			}
			v, err, ok := m.callOn(ctx, in, args)
			out[i] = Result{Value: v, Err: err}
			if !ok {
				m.put(ctx, in, false)
				in = nil
			}
		}
	}
}

// takeHot takes the hot instance out of its place, if it is idle, for a
// caller that keeps an instance over many calls (a Batch worker); put
// returns it there. Without it a Batch after Prewarm (or after a Call)
// would make a new instance while the hot one sat idle. It claims the
// instance (begin) before unhooking it, so no Call can be on it, and
// releases the claim at once: the taker then holds it like a pooled one.
func (m *Module) takeHot(ctx context.Context) *instance {
	in := m.hot.Load()
	if in == nil {
		return nil
	}
	gen, ok := in.begin()
	if !ok {
		return nil
	}
	if !m.hot.CompareAndSwap(in, nil) {
		// Close unhooked it meanwhile: drop it as a call on it would.
		in.end(gen, false)
		if m.closed.Load() {
			m.dropHot(ctx, in, false)
		}
		return nil
	}
	in.end(gen, false)
	return in
}
