// Package sample exercises every kind of member the generator binds.
package sample

import "io"

// Answer is an untyped constant.
const Answer = 42

// Big does not fit an int64.
const Big = 1 << 70

// Pi is an untyped float.
const Pi = 3.14

// Name is an untyped string.
const Name = "sample"

// Typed is a typed constant.
const Typed int32 = 7

// Counter is a variable.
var Counter int

// Double is a function.
func Double(x int) int { return 2 * x }

// Map is generic: it cannot be bound.
func Map[T any](xs []T, f func(T) T) []T { return xs }

// Box is generic: it cannot be bound.
type Box[T any] struct{ V T }

// Number is a constraint interface: it cannot be bound.
type Number interface{ ~int | ~float64 }

// Shape is an interface cells may implement.
type Shape interface {
	Area() float64
	Scale(factors ...float64) Shape
	Write(w io.Writer) (int, error)
}

// Base has a method.
type Base struct{}

// Hello greets.
func (Base) Hello() string { return "hello" }

// Derived embeds Base and so has a promoted method.
type Derived struct{ Base }
