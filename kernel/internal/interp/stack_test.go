package interp

import "testing"

func TestTrimStack(t *testing.T) {
	dump := `goroutine 5 [running]:
runtime/debug.Stack()
	/usr/local/go/src/runtime/debug/stack.go:26 +0x5e
github.com/irsynth/irsynth/kernel/internal/interp.eval.func1()
	/work/main/kernel/internal/interp/session.go:138 +0x48
panic({0x1a572e0?, 0x298b750?})
	/usr/local/go/src/runtime/panic.go:783 +0x132
github.com/irsynth/irsynth/lib/ir.Interpret(...)
	/work/main/lib/ir/interp.go:60 +0x10
github.com/cosmos72/gomacro/fast.(*Comp).call1ret1.func1(0xc000)
	/root/go/pkg/mod/github.com/cosmos72/gomacro/fast/call1ret1.go:10 +0x1
main.main()
	/x/main.go:1 +0x1`
	cases := []struct {
		name, dump, want string
	}{
		{"library frame kept", dump, "github.com/irsynth/irsynth/lib/ir.Interpret(...)\n\t/work/main/lib/ir/interp.go:60 +0x10"},
		{"no frames", "goroutine 1 [running]:", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := trimStack(tc.dump); got != tc.want {
				t.Errorf("trimStack = %q, want %q", got, tc.want)
			}
		})
	}
}
