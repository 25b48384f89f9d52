package expr

import "github.com/irsynth/irsynth/lib/ir"

// Code is an expression compiled to postfix form for fast scalar evaluation.
type Code []inst

type inst struct {
	kind uint8 // iConst, iVar, iBin, iJz, iJmp
	op   ir.Op
	arg  int32
}

const (
	iConst uint8 = iota
	iVar
	iBin
	iJz  // pop; jump to arg if zero
	iJmp // jump to arg
)

// Compile turns expression e into postfix code.
func (a *Arena) Compile(e int32) Code {
	return a.compile(nil, e)
}

func (a *Arena) compile(dst Code, e int32) Code {
	n := &a.Nodes[e]
	switch n.Kind {
	case Const:
		return append(dst, inst{kind: iConst, arg: n.Val})
	case Var:
		return append(dst, inst{kind: iVar, arg: n.Val})
	case Bin:
		dst = a.compile(dst, n.A)
		dst = a.compile(dst, n.B)
		return append(dst, inst{kind: iBin, op: n.Op})
	default:
		dst = a.compile(dst, n.C)
		jz := len(dst)
		dst = append(dst, inst{kind: iJz})
		dst = a.compile(dst, n.A)
		jmp := len(dst)
		dst = append(dst, inst{kind: iJmp})
		dst[jz].arg = int32(len(dst))
		dst = a.compile(dst, n.B)
		dst[jmp].arg = int32(len(dst))
		return dst
	}
}

// Run evaluates the code on env; ok is false on a trap.
func (c Code) Run(env *Env) (int32, bool) {
	switch len(c) {
	case 1:
		if c[0].kind == iVar {
			return env[c[0].arg], true
		}
		return c[0].arg, true
	case 3:
		if c[2].kind == iBin && c[0].kind <= iVar && c[1].kind <= iVar {
			x, y := c[0].arg, c[1].arg
			if c[0].kind == iVar {
				x = env[x]
			}
			if c[1].kind == iVar {
				y = env[y]
			}
			return Apply(c[2].op, x, y)
		}
	}
	var st [24]int32
	sp := 0
	for pc := 0; pc < len(c); pc++ {
		in := &c[pc]
		switch in.kind {
		case iConst:
			st[sp] = in.arg
			sp++
		case iVar:
			st[sp] = env[in.arg]
			sp++
		case iBin:
			sp--
			x, y := st[sp-1], st[sp]
			switch in.op {
			case ir.OpI32Add:
				st[sp-1] = x + y
			case ir.OpI32Sub:
				st[sp-1] = x - y
			case ir.OpI32Mul:
				st[sp-1] = x * y
			default:
				v, ok := Apply(in.op, x, y)
				if !ok {
					return 0, false
				}
				st[sp-1] = v
			}
		case iJz:
			sp--
			if st[sp] == 0 {
				pc = int(in.arg) - 1
			}
		case iJmp:
			pc = int(in.arg) - 1
		}
	}
	return st[0], true
}
