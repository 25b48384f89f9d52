package formula

// The multiplicative digital root (sets3_mdr.go): "Composite numbers whose
// multiplicative digital root is 4", "Numbers with nonzero multiplicative
// digital root 7". mdr_(x, b) multiplies x's base-b digits until one digit
// is left (x >= 0); fnPhrases reads "the multiplicative digital root of".

import (
	"regexp"

	"github.com/irsynth/irsynth/lib/ir"
)

// reSets3With: "Numbers with nonzero multiplicative digital root 7."
var reSets3With = regexp.MustCompile(`^([A-Z][a-z]*(?: [a-z]+)*?) (?:with|having) (?:a )?(?:nonzero )?multiplicative digital root (?:value |equal to |= ?|of )?(\d+)\s*\.?\s*$`)

// mdrWith reads "KIND with multiplicative digital root d" as "KIND whose
// multiplicative digital root is d" (kindList); it reports whether s had
// that shape.
func (c *collector) mdrWith(s string) bool {
	m := reSets3With.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	c.kindList(m[1] + " whose multiplicative digital root is " + m[2] + ".")
	return true
}

// mdrRef is mdr_(x, b).
func mdrRef(x, b int64) int64 {
	if x < 0 || b < 2 {
		undefined()
	}
	for x >= b {
		p := int64(1)
		for y := x; y > 0; y /= b {
			p *= y % b
		}
		x = p
	}
	return x
}

// mdr pushes mdr_(x, b): while x >= b, x becomes the product of its
// digits.
func (e *emitter) mdr(x *node, b int64) {
	r := e.copyOf(x)
	p, y := e.alloc(), e.alloc()
	e.while(func() { e.get(r); e.konst(b); e.emit(ir.OpI32GeS) }, func() {
		e.emit(ir.OpConst1)
		e.set(p)
		e.get(r)
		e.set(y)
		e.while(func() { e.get(y); e.emit(ir.OpConst0, ir.OpI32GtS) }, func() {
			e.get(p)
			e.get(y)
			e.konst(b)
			e.emit(ir.OpI32RemS, ir.OpI32Mul)
			e.set(p)
			e.get(y)
			e.konst(b)
			e.emit(ir.OpI32DivS)
			e.set(y)
		})
		e.get(p)
		e.set(r)
	})
	e.get(r)
}

// mdrPhrase: fnPhrases' entry for "the multiplicative digital root of".
var mdrPhrase = fnPhrase{regexp.MustCompile(`^(?i:(?:the )?multiplicative digital root of (?:the )?)`), func(e *node, b int64) *node {
	return call("mdr_", e, num(b))
}, true}
