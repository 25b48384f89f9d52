package interp

import "strings"

// trimStack keeps, from a goroutine dump taken while recovering a cell's
// panic, only the frames of the code that panicked: it drops the recovery
// frames on top and stops at the first interpreter frame, below which lies
// gomacro's machinery rather than anything the user wrote or called.
func trimStack(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	if len(lines) < 3 {
		return ""
	}
	var out []string
	seenPanic := false
	for i := 1; i+1 < len(lines); i += 2 {
		fn, file := lines[i], lines[i+1]
		if !seenPanic {
			seenPanic = strings.HasPrefix(fn, "panic(")
			continue
		}
		if strings.HasPrefix(fn, "github.com/cosmos72/gomacro/") {
			break
		}
		out = append(out, fn, file)
	}
	return strings.Join(out, "\n")
}
