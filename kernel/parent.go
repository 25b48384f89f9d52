package kernel

import (
	"context"
	"os"
	"syscall"
	"time"
)

// watchParent calls died when the process pid dies: when this process is
// reparented (its parent was pid and is gone) or, for a pid that is not
// the parent (JPY_PARENT_PID naming a grandparent), when pid no longer
// exists. It polls every 200 ms until ctx ends.
func watchParent(ctx context.Context, pid int, died func()) {
	wasParent := os.Getppid() == pid
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		gone := false
		if wasParent {
			gone = os.Getppid() != pid
		} else {
			gone = syscall.Kill(pid, 0) == syscall.ESRCH
		}
		if gone {
			died()
			return
		}
	}
}
