package formula

import "testing"

func TestDbgQ(t *testing.T) {
	s := "Number of ordered quintuples (a,b,c,d,e), -n <= a,b,c,d,e <= n, such that a+b+c+d+e = 0."
	c := collector{seen: map[string]bool{}, lists: map[listKey]*nthMemo{}, why: &whyLog{}}
	c.counts(s)
	t.Log(len(c.out), c.why.notes)
}
