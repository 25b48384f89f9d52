package wasmrt

import "time"

// watch makes sure the watchdog runs while calls are in flight. The caller
// has already published its call in its instance's state. In the steady
// state this reads two flags and writes nothing.
func (r *Runtime) watch() {
	if !r.used.Load() {
		r.used.Store(true)
	}
	if !r.watching.Load() && r.watching.CompareAndSwap(false, true) {
		go r.watchdog()
	}
}

// tickFor is how often the watchdog looks at the running calls: a tenth of
// the timeout, between 1 ms and 50 ms. A call is stopped between its
// timeout and its timeout plus two ticks.
func tickFor(timeout time.Duration) time.Duration {
	t := timeout / 10
	if timeout <= 0 || t > 50*time.Millisecond {
		t = 50 * time.Millisecond
	}
	return max(t, time.Millisecond)
}

// watchdog stops calls that ran past their deadline (see instance.kill).
// It exits after a tick with no call in flight; watch starts it again.
func (r *Runtime) watchdog() {
	t := time.NewTicker(r.tick)
	defer t.Stop()
	for {
		select {
		case <-r.done:
			r.watching.Store(false)
			return
		case <-t.C:
		}
		running := r.sweep()
		if r.used.Swap(false) || running {
			continue
		}
		r.watching.Store(false)
		// A call that started before the store above and saw watching still
		// true is visible now, through used or its running state: carry on.
		if (r.used.Load() || r.sweep()) && r.watching.CompareAndSwap(false, true) {
			continue
		}
		return
	}
}

// sweep stops every call past its deadline and reports whether any call
// is in flight. It allocates nothing once its scratch space has grown: an
// allocation here could start a garbage collection, which cannot finish
// while a WASM call runs.
func (r *Runtime) sweep() (running bool) {
	r.sweepMu.Lock()
	defer r.sweepMu.Unlock()
	r.mu.Lock()
	mods := r.sweepMods[:0]
	for m := range r.modules {
		mods = append(mods, m)
	}
	r.sweepMods = mods
	r.mu.Unlock()
	for _, m := range mods {
		m.mu.Lock()
		for in := range m.all {
			s := in.state.Load()
			if s&stateRunning == 0 {
				continue
			}
			running = true
			// The watchdog times each call from when it first sees it, so
			// a call publishes nothing but its state. The clock is read
			// after the state, so the call began before seenAt: it is never
			// stopped before its timeout, however late this goroutine
			// runs, and it was not in flight at the previous sweep, so it
			// is stopped within the timeout plus two ticks.
			if gen := s >> stateBits; in.seenGen != gen {
				in.seenGen, in.seenAt = gen, r.clock()
			} else if s&stateKilled == 0 && r.timeout > 0 && r.clock()-in.seenAt >= r.timeout {
				in.kill(gen, m.timeoutErr)
			}
		}
		m.mu.Unlock()
	}
	clear(mods)
	return running
}

// clock is the watchdog's monotonic clock.
func (r *Runtime) clock() time.Duration { return time.Since(r.epoch) }
