package kernel

import "testing"

func TestTailBufferCrash(t *testing.T) {
	cases := []struct {
		name, stderr, want string
	}{
		{"panic", "irsynth-kernel session: warming up\npanic: boom\n\ngoroutine 7 [running]:\nmain.f()\n", "panic: boom"},
		{"fatal", "runtime: out of memory: cannot allocate 1073741824-byte block\nfatal error: out of memory\n\ngoroutine 1 [running]:\n", "fatal error: out of memory"},
		{"log.Fatal", "2026/11/29 17:00:00 fatal from compiled code\n", "2026/11/29 17:00:00 fatal from compiled code"},
		{"nothing", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tb tailBuffer
			tb.Write([]byte(tc.stderr))
			if got := tb.crash(); got != tc.want {
				t.Errorf("crash() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTailBufferKeepsTheEnd(t *testing.T) {
	var tb tailBuffer
	big := make([]byte, 40<<10)
	for i := range big {
		big[i] = 'x'
	}
	tb.Write(big)
	tb.Write([]byte("\npanic: last words\n"))
	if len(tb.buf) != 16<<10 {
		t.Errorf("kept %d bytes, want %d", len(tb.buf), 16<<10)
	}
	if got := tb.crash(); got != "panic: last words" {
		t.Errorf("crash() = %q", got)
	}
}
