package expr

// set is an open-addressing hash table from a 64-bit behaviour hash to a
// pool index: the observational-equivalence test of every enumerated
// expression, so it is kept lean (Go maps cost several times more here).
type set struct {
	keys []uint64 // 0 marks an empty slot; a zero hash is stored as 1
	vals []int32
	n    int
}

func (s *set) get(h uint64) (int32, bool) {
	if h == 0 {
		h = 1
	}
	if len(s.keys) == 0 {
		return 0, false
	}
	mask := uint64(len(s.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.keys[i] {
		case h:
			return s.vals[i], true
		case 0:
			return 0, false
		}
	}
}

func (s *set) put(h uint64, v int32) {
	if h == 0 {
		h = 1
	}
	if 2*(s.n+1) > len(s.keys) {
		s.grow()
	}
	mask := uint64(len(s.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		if s.keys[i] == 0 {
			s.keys[i], s.vals[i] = h, v
			s.n++
			return
		}
		if s.keys[i] == h {
			s.vals[i] = v
			return
		}
	}
}

func (s *set) grow() {
	old, oldv := s.keys, s.vals
	n := max(1024, 2*len(old))
	s.keys, s.vals, s.n = make([]uint64, n), make([]int32, n), 0
	for i, k := range old {
		if k != 0 {
			s.put(k, oldv[i])
		}
	}
}
