package web

import (
	"context"
	"encoding/hex"
	"errors"
	"sync"

	"github.com/irsynth/irsynth/lib/ir"
	"github.com/irsynth/irsynth/lib/wasmrt"
)

// compiled is one program ready to run, with what the playground shows.
type compiled struct {
	prog   ir.Program
	mod    *wasmrt.Module
	wat    string
	wasm   []byte
	hexStr string
}

// moduleCache keeps compiled programs by their canonical text, so repeated
// runs of one program (the load test, a class of students) compile once.
// When full it starts afresh; entries in use stay valid for their callers.
type moduleCache struct {
	rt  *wasmrt.Runtime
	max int
	mu  sync.Mutex
	m   map[string]*compiled
}

func newModuleCache(rt *wasmrt.Runtime, max int) *moduleCache {
	return &moduleCache{rt: rt, max: max, m: make(map[string]*compiled)}
}

func (mc *moduleCache) get(ctx context.Context, p ir.Program) (*compiled, error) {
	key := p.Name + "\x00" + p.String()
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if c, ok := mc.m[key]; ok {
		return c, nil
	}
	mod, err := mc.rt.Compile(ctx, p)
	if err != nil {
		return nil, err
	}
	wat, err := ir.WAT(p)
	if err != nil {
		return nil, err
	}
	wasm := mod.WASM()
	c := &compiled{prog: p, mod: mod, wat: wat, wasm: wasm, hexStr: hex.EncodeToString(wasm)}
	if len(mc.m) >= mc.max {
		// Start afresh. A call still running on an evicted module gets
		// wasmrt.ErrClosed, and call retries it on a fresh compile.
		for _, old := range mc.m {
			old.mod.Close(ctx)
		}
		mc.m = make(map[string]*compiled)
	}
	mc.m[key] = c
	return c, nil
}

// call runs p on args through the cache, compiling p on first use.
func (mc *moduleCache) call(ctx context.Context, p ir.Program, args []int32) (*compiled, int32, error) {
	for attempt := 0; ; attempt++ {
		c, err := mc.get(ctx, p)
		if err != nil {
			return nil, 0, err
		}
		v, err := c.mod.Call(ctx, args...)
		if errors.Is(err, wasmrt.ErrClosed) && attempt == 0 {
			continue
		}
		return c, v, err
	}
}
