package enum

import (
	"testing"
	"time"
)

func TestZZProf(t *testing.T) {
	debugLevels = true
	defer func() { debugLevels = false }()
	ex := []Example{{[]int32{1, 10}, 55}, {[]int32{5, 15}, 110}, {[]int32{1, 100}, 5050}, {[]int32{5, 4}, 0}, {[]int32{43, 0}, 0}}
	r := Run(2, ex, Options{Deadline: time.Now().Add(20 * time.Second), Slack: -1, Extra: [][]int32{{2, 7}, {3, 3}, {10, 1}, {0, 5}}})
	t.Logf("found %v %s cost %d level %d cand %d stopped %s", r.Found, r.Best.Term, r.Best.Cost, r.Level, r.Candidates, r.Stopped)
}
