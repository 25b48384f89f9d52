package enum

// A pool holds one term per behaviour (observational equivalence) in one
// context: the closed pool over the task's inputs (the examples, then a few
// inputs nobody gave, so that terms which agree on the examples but not
// beyond stay apart), the open pool over probe points (x, y, operands) for
// loop bodies. A behaviour is the vector of values on the pool's points
// plus a bitmask of the points where the term traps, and one of the points
// where its value is unknown (largePoints).
type pool struct {
	width int
	envs  []env // the points
	ns    [][4]int32
	ids   []int32  // term per entry
	vals  []int32  // width values per entry
	errs  []uint64 // mask per entry of the points without a value (a trap, or unk)
	unk   []uint64 // mask per entry of the points where the value is unknown (large points)
	le0   []uint64 // mask of the points where the value is <= 0 (and no trap)
	level [][]int32
	seen  keySet
	full  uint64 // mask of every point
	limit int    // most entries kept (memory bound)
	large uint64 // the points where a loop may run out of fuel and leave its value unknown (largePoints)
}

func newPool(points []env, limit int) *pool {
	p := &pool{width: len(points), envs: points, limit: limit}
	p.ns = make([][4]int32, len(points))
	for i, e := range points {
		p.ns[i] = *e.n
		p.envs[i].n = &p.ns[i]
	}
	if p.width == 64 {
		p.full = ^uint64(0)
	} else {
		p.full = 1<<p.width - 1
	}
	return p
}

func (p *pool) vec(i int32) []int32 {
	return p.vals[int(i)*p.width : int(i+1)*p.width]
}

// key hashes a behaviour: values (zero where trapped) and the trap mask.
func key(v []int32, errs uint64) uint64 {
	h := uint64(14695981039346656037) ^ errs
	for _, x := range v {
		h ^= uint64(uint32(x))
		h *= 1099511628211
		h ^= h >> 29
	}
	return h
}

// canon zeroes the trapped points of v and returns the behaviour's key.
func canon(v []int32, errs uint64) uint64 {
	if errs != 0 {
		for i := range v {
			if errs&(1<<i) != 0 {
				v[i] = 0
			}
		}
	}
	return key(v, errs)
}

// fresh reports whether the behaviour (v, errs) is new, recording it.
func (p *pool) fresh(k uint64) bool {
	return p.seen.insert(k)
}

// keySet is a set of behaviour keys: open addressing with linear probing
// over a power-of-two table at most half full (the keys are hashes
// already, so their low bits pick the slot); one probe, one cache miss,
// where a Go map took two or three (BenchmarkRun).
type keySet struct {
	slots []uint64 // 0: empty
	n     int
}

// zeroKey stands for the key 0, which marks an empty slot.
const zeroKey = 0x9e3779b97f4a7c15

// insert adds k and reports whether it was new.
func (s *keySet) insert(k uint64) bool {
	if k == 0 {
		k = zeroKey
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = k
			s.n++
			return true
		case k:
			return false
		}
	}
}

func (s *keySet) grow() {
	old := s.slots
	s.slots = make([]uint64, max(1024, 2*len(old)))
	s.n = 0
	for _, k := range old {
		if k != 0 {
			s.insert(k)
		}
	}
}

// keys lists the set's keys (zeroKey for 0), in no order.
func (s *keySet) keys() []uint64 {
	var out []uint64
	for _, k := range s.slots {
		if k != 0 {
			out = append(out, k)
		}
	}
	return out
}

// add stores term id with behaviour v at level l (v already canonical).
func (p *pool) add(id int32, v []int32, errs, unk uint64, l int) {
	if len(p.ids) >= p.limit {
		return
	}
	for len(p.level) <= l {
		p.level = append(p.level, nil)
	}
	idx := int32(len(p.ids))
	p.ids = append(p.ids, id)
	p.vals = append(p.vals, v...)
	p.errs = append(p.errs, errs)
	p.unk = append(p.unk, unk)
	var m uint64
	for i, x := range v {
		if x <= 0 {
			m |= 1 << i
		}
	}
	p.le0 = append(p.le0, m&^errs)
	p.level[l] = append(p.level[l], idx)
}

func (p *pool) at(l int) []int32 {
	if l < 0 || l >= len(p.level) {
		return nil
	}
	return p.level[l]
}
