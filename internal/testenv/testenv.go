// Package testenv holds the tests' one rule for missing prerequisites.
//
// CI runs `make test` on a fresh clone after scripts/setup.sh, with CI=true
// (the CI contract): there, everything a test needs is installed, so a
// missing tool, package or asset is a failure. On a developer's machine
// the test is skipped instead, with the reason and the fix. Only _test
// files import this package (it imports testing).
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// CI reports whether the tests run on CI: the CI contract sets CI=true.
func CI() bool { return os.Getenv("CI") == "true" }

// Missing stops t because a prerequisite is missing: it fails on CI and
// skips elsewhere, with the message either way.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if CI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
