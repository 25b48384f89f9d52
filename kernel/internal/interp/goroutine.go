package interp

import (
	"fmt"
	"go/ast"
	"go/parser"

	"github.com/cosmos72/gomacro/ast2"
)

// goPanicFunc is the name under which each session declares its goroutine
// panic recorder in the interpreter.
const goPanicFunc = "irsynthGoroutinePanic"

// guardGoroutines rewrites, in a parsed cell, every `go func(...) {...}(...)`
// so that the function literal's body starts with
//
//	defer func() { if r := recover(); r != nil { irsynthGoroutinePanic(r) } }()
//
// A panic in such a goroutine is then reported on the cell instead of
// ending the process. gomacro has no hook around the goroutines it starts,
// and `go f(x)` with a named function cannot be wrapped without moving the
// evaluation of its arguments into the new goroutine, so those are left as
// they are: a panic there ends the session process, and the kernel's
// supervisor restarts it.
func guardGoroutines(form ast2.Ast) {
	defer func() { recover() }() // a node go/ast cannot walk: leave the cell as it is
	walkAst(form, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		if lit, ok := g.Call.Fun.(*ast.FuncLit); ok && lit.Body != nil {
			lit.Body.List = append([]ast.Stmt{recoverStmt()}, lit.Body.List...)
		}
		return true
	})
}

func walkAst(a ast2.Ast, f func(ast.Node) bool) {
	if a == nil {
		return
	}
	if n, ok := a.(ast2.AstWithNode); ok {
		if node := n.Node(); node != nil {
			ast.Inspect(node, f)
		}
		return
	}
	for i := 0; i < a.Size(); i++ {
		walkAst(a.Get(i), f)
	}
}

func recoverStmt() ast.Stmt {
	src := fmt.Sprintf("func() { if r := recover(); r != nil { %s(r) } }", goPanicFunc)
	e, err := parser.ParseExpr(src)
	if err != nil {
		panic(err) // a constant that parses
	}
	return &ast.DeferStmt{Call: &ast.CallExpr{Fun: e}}
}

// goroutinePanic records a recovered goroutine panic: the running cell, if
// any, is interrupted and ends with a GoroutinePanic error; otherwise the
// next cell reports it.
func (s *Session) goroutinePanic(r any) {
	msg := fmt.Sprint(r)
	if e, ok := r.(*ExitError); ok {
		msg = e.Error() + " in a goroutine"
	}
	s.mu.Lock()
	running := s.cancel != nil
	if running {
		s.cellGoPanic = msg
	} else {
		s.pendingGoPanic = msg
	}
	s.mu.Unlock()
	if running {
		s.stop(false)
	}
}
