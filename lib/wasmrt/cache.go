package wasmrt

import (
	"container/list"
	"context"
	"crypto/sha256"
	"sync"

	"github.com/tetratelabs/wazero"
)

// engineKind selects one of the two wazero configurations a Runtime uses.
type engineKind int

const (
	// engineFuel runs modules built by lib/ir: every loop checks the fuel
	// global, so the watchdog can stop them by draining it.
	engineFuel engineKind = iota
	// engineCtx runs raw modules: wazero's WithCloseOnContextDone makes the
	// generated code check for cancellation, at the cost of a goroutine per
	// call.
	engineCtx
)

// KeepCompiled is how many compiled modules per engine the shared cache keeps
// alive after every Runtime that used them is closed. wazero's in-memory
// cache drops a module when its last user closes it; the keeper holds a
// reference to the most recently compiled ones so that a new Runtime
// compiling the same program finds it warm.
const KeepCompiled = 512

// sharedCache is one wazero compilation cache and its keeper. The two
// engine kinds need separate caches: wazero keys compiled code by the module
// bytes alone, and code compiled with and without cancellation checks must
// not be mixed.
type sharedCache struct {
	once   sync.Once
	kind   engineKind
	cache  wazero.CompilationCache
	keeper wazero.Runtime

	mu    sync.Mutex
	order *list.List // of *kept; front is the most recently used
	byKey map[[sha256.Size]byte]*list.Element
}

type kept struct {
	key [sha256.Size]byte
	cm  wazero.CompiledModule
}

var caches = [...]*sharedCache{engineFuel: {kind: engineFuel}, engineCtx: {kind: engineCtx}}

func (c *sharedCache) init() {
	c.once.Do(func() {
		c.cache = wazero.NewCompilationCache()
		c.keeper = wazero.NewRuntimeWithConfig(context.Background(), c.config())
		c.order = list.New()
		c.byKey = make(map[[sha256.Size]byte]*list.Element)
	})
}

// config is the wazero configuration of this engine kind. NewRuntimeConfig
// picks the optimizing compiler wherever wazero supports it (amd64, arm64)
// and falls back to its interpreter elsewhere.
func (c *sharedCache) config() wazero.RuntimeConfig {
	return wazero.NewRuntimeConfig().
		WithCompilationCache(c.cache).
		WithCloseOnContextDone(c.kind == engineCtx).
		WithMemoryLimitPages(MaxMemoryPages)
}

// keep makes sure the module compiled from bin stays in the cache. The
// keeper's CompileModule is a cache hit here (the caller has just compiled
// the same bytes), so it only costs a decode of the small module.
func (c *sharedCache) keep(ctx context.Context, bin []byte) {
	key := sha256Sum(bin)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	cm, err := c.keeper.CompileModule(ctx, bin)
	if err != nil {
		return // the caller's compile succeeded; keeping it is best effort
	}
	c.byKey[key] = c.order.PushFront(&kept{key: key, cm: cm})
	for c.order.Len() > KeepCompiled {
		old := c.order.Remove(c.order.Back()).(*kept)
		delete(c.byKey, old.key)
		_ = old.cm.Close(ctx)
	}
}

func sha256Sum(b []byte) [sha256.Size]byte { return sha256.Sum256(b) }
