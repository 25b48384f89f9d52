package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"reflect"
	"strconv"
	"strings"

	"github.com/cosmos72/gomacro/ast2"
)

// goPanicFunc is the name under which each session declares its goroutine
// panic recorder in the interpreter.
const goPanicFunc = "irsynthGoroutinePanic"

// goCallFunc is the name under which each session declares goCall, which
// runs `go f(x)` of a function value under recover.
const goCallFunc = "irsynthGoCall"

// guardGoroutines rewrites, in a parsed cell, every `go` statement so that
// a panic in the goroutine it starts is reported on the cell instead of
// ending the process (gomacro has no hook around the goroutines it
// starts). A `go func(...) {...}(...)` gets, as the first statement of the
// function literal's body,
//
//	defer func() { if r := recover(); r != nil { irsynthGoroutinePanic(r) } }()
//
// and any other `go f(a, b)` (a named function, a method value, a function
// variable, a compiled library function) becomes
//
//	go irsynthGoCall(func() { f(a, b) }, "f", false, f, a, b)
//
// which keeps Go's order of evaluation (f, a and b are evaluated by the
// calling goroutine, as the go statement's operands still are) and its
// type checking (the literal, compiled but never called, holds the call as
// written, so a wrong argument is still a compile error); goCall, in the
// new goroutine, calls f under recover and names f's expression ("f") in
// the panic it reports. `go f(xs...)` passes true. Only
// calls of built-in functions (`go println(x)`) stay as they are: a panic
// there still ends the session, and the kernel's supervisor restarts it.
func guardGoroutines(form ast2.Ast) {
	defer func() { recover() }() // a node go/ast cannot walk: leave the cell as it is
	walkAst(form, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok {
			return true
		}
		switch fun := g.Call.Fun.(type) {
		case *ast.FuncLit:
			if fun.Body != nil {
				fun.Body.List = append([]ast.Stmt{recoverStmt()}, fun.Body.List...)
			}
		case *ast.Ident:
			if !builtins[fun.Name] {
				guardCall(g)
			}
		default:
			guardCall(g)
		}
		return true
	})
}

// builtins are Go's predeclared functions, which are not values.
var builtins = map[string]bool{
	"append": true, "cap": true, "clear": true, "close": true, "complex": true, "copy": true,
	"delete": true, "imag": true, "len": true, "make": true, "max": true, "min": true,
	"new": true, "panic": true, "print": true, "println": true, "real": true, "recover": true,
}

// guardCall rewrites `go f(args)` into `go irsynthGoCall(func() { f(args) },
// spread, f, args...)` (see guardGoroutines).
func guardCall(g *ast.GoStmt) {
	call := g.Call
	check := &ast.FuncLit{
		Type: &ast.FuncType{Func: call.Pos(), Params: &ast.FieldList{}},
		Body: &ast.BlockStmt{Lbrace: call.Pos(), List: []ast.Stmt{&ast.ExprStmt{X: &ast.CallExpr{
			Fun: call.Fun, Lparen: call.Lparen, Args: call.Args, Ellipsis: call.Ellipsis, Rparen: call.Rparen,
		}}}, Rbrace: call.End()},
	}
	spread := "false"
	if call.Ellipsis.IsValid() {
		spread = "true"
	}
	var name strings.Builder
	if err := printer.Fprint(&name, token.NewFileSet(), call.Fun); err != nil || name.Len() > 80 {
		name.Reset()
		name.WriteString("a function value")
	}
	args := append([]ast.Expr{check, &ast.BasicLit{ValuePos: call.Pos(), Kind: token.STRING, Value: strconv.Quote(name.String())},
		&ast.Ident{NamePos: call.Pos(), Name: spread}, call.Fun}, call.Args...)
	g.Call = &ast.CallExpr{Fun: &ast.Ident{NamePos: call.Pos(), Name: goCallFunc}, Lparen: call.Lparen, Args: args, Rparen: call.Rparen}
}

// goCall runs f(args...) (f(args[0], ..., args[n-1]...) with spread) in
// the goroutine of a rewritten go statement, and reports a panic there as
// goroutinePanic does. Each argument is converted to f's parameter type:
// the check literal has type-checked the call, so a difference can only be
// an untyped constant that took its default type on the way here (1 for a
// float64, 'a' for a byte, nil for a pointer).
func (s *Session) goCall(_ any, name string, spread bool, f any, args ...any) {
	defer func() {
		if r := recover(); r != nil {
			if _, exit := r.(*ExitError); !exit {
				r = fmt.Sprintf("%v (in go %s(...))", r, name)
			}
			s.goroutinePanic(r)
		}
	}()
	fv := reflect.ValueOf(f)
	if !fv.IsValid() || fv.Kind() != reflect.Func || fv.IsNil() {
		panic("go of nil func value")
	}
	ft := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var pt reflect.Type
		switch last := ft.NumIn() - 1; {
		case ft.IsVariadic() && i >= last:
			pt = ft.In(last)
			if !spread {
				pt = pt.Elem()
			}
		case i <= last:
			pt = ft.In(i)
		default:
			panic(fmt.Sprintf("go: too many arguments to a %v", ft))
		}
		v := reflect.ValueOf(a)
		switch {
		case !v.IsValid():
			v = reflect.Zero(pt)
		case v.Type().AssignableTo(pt):
		case v.CanConvert(pt):
			v = v.Convert(pt)
		default:
			panic(fmt.Sprintf("go: cannot use %v as %v in the call of a %v", v.Type(), pt, ft))
		}
		in[i] = v
	}
	if spread {
		fv.CallSlice(in)
	} else {
		fv.Call(in)
	}
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
