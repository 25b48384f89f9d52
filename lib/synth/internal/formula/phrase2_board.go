package formula

// Two pieces that do not attack each other on an n X n board (phrase2):
//
//	Number of ways to place 2 nonattacking kings on an n X n board.
//	Number of ways to place 2 nonattacking knights on an n X n cylindrical board.
//	Number of ways to place 2 non-attacking wazirs on an n X n toroidal board.
//
// C(n^2, 2) pairs of cells less the attacking ones. A leaper's moves are
// the classes +-v of its vectors: on a plain board a class (a, b) joins
// (n-|a|)(n-|b|) pairs; on a torus n^2 and on a cylinder (one direction
// wraps) n(n-|b|) with b the move along the direction that does not wrap
// (the leapers named are symmetric in the two directions) — exact once n
// > 2*max|a|, where no two classes meet mod n and none is 0. Below that
// the count is taken pair by pair here (computed, not guessed) and kept
// in a table. Rooks, bishops and queens on a plain board attack along
// lines: n^2(n-1) and n(n-1)(2n-1)/3 pairs, for every n.

import (
	"fmt"
	"regexp"
	"strings"
)

var rePh2Board = regexp.MustCompile(`^Number of ways to place (?:2|two) (?:mutually )?non-?attacking (kings|knights|wazirs|ferzes|fers|camels|zebras|giraffes|alfils|dabbabas|rooks|bishops|queens) on an? n ?[Xx×] ?n (toroidal |cylindrical )?(?:chess)?board\s*\.?$`)

// ph2Leapers: each leaper's vector (a, b), 0 <= b <= a.
var ph2Leapers = map[string][2]int{
	"kings": {-1, -1}, "knights": {2, 1}, "wazirs": {1, 0}, "ferzes": {1, 1}, "fers": {1, 1},
	"camels": {3, 1}, "zebras": {3, 2}, "giraffes": {4, 1}, "alfils": {2, 2}, "dabbabas": {2, 0},
}

// ph2Classes are the classes +-v of a leaper's moves, one vector each.
func ph2Classes(piece string) [][2]int {
	v := ph2Leapers[piece]
	if piece == "kings" { // wazir and ferz
		return [][2]int{{1, 0}, {0, 1}, {1, 1}, {1, -1}}
	}
	a, b := v[0], v[1]
	switch {
	case b == 0:
		return [][2]int{{a, 0}, {0, a}}
	case a == b:
		return [][2]int{{a, a}, {a, -a}}
	}
	return [][2]int{{a, b}, {b, a}, {a, -b}, {b, -a}}
}

// ph2Attacking counts the unordered pairs of cells of an n X n board
// (wrapping rows and/or columns) one of the classes joins, pair by pair.
func ph2Attacking(n int, classes [][2]int, wrapX, wrapY bool) int64 {
	cnt := int64(0)
	for p := 0; p < n*n; p++ {
		for q := p + 1; q < n*n; q++ {
			dx, dy := q/n-p/n, q%n-p%n
			for _, v := range classes {
				if ph2Joins(dx, v[0], n, wrapX) && ph2Joins(dy, v[1], n, wrapY) ||
					ph2Joins(dx, -v[0], n, wrapX) && ph2Joins(dy, -v[1], n, wrapY) {
					cnt++
					break
				}
			}
		}
	}
	return cnt
}

func ph2Joins(d, v, n int, wrap bool) bool {
	if wrap {
		return ((d-v)%n+n)%n == 0
	}
	return d == v
}

// phrase2Board reads s as two pieces on a board.
func (c *collector) phrase2Board(s string) bool {
	m := rePh2Board.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	piece, board := m[1], strings.TrimSpace(m[2])
	if _, leaper := ph2Leapers[piece]; !leaper {
		if board != "" {
			return true // riders on a torus or cylinder: not read
		}
		rook, bishop := "n^2*(n-1)", "n*(n-1)*(2*n-1)/3"
		att := map[string]string{"rooks": rook, "bishops": bishop, "queens": rook + " + " + bishop}[piece]
		c.addText(s, "binomial(n^2, 2) - ("+att+")")
		return true
	}
	classes := ph2Classes(piece)
	reach := 0
	var terms []string
	for _, v := range classes {
		a, b := max(v[0], -v[0]), max(v[1], -v[1])
		reach = max(reach, a, b)
		switch board {
		case "":
			terms = append(terms, fmt.Sprintf("(n-%d)*(n-%d)", a, b))
		case "toroidal":
			terms = append(terms, "n^2")
		case "cylindrical":
			terms = append(terms, fmt.Sprintf("n*(n-%d)", b))
		}
	}
	f, ok := parseN("binomial(n^2, 2) - (" + strings.Join(terms, " + ") + ")")
	if !ok {
		return true
	}
	// below n0 the table, counted pair by pair
	n0 := 2*reach + 1
	vals := make([]int64, n0+1)
	for n := 1; n < n0; n++ {
		vals[n] = int64(n*n)*int64(n*n-1)/2 - ph2Attacking(n, classes, board == "cylindrical" || board == "toroidal", board == "toroidal")
	}
	tab := &node{k: kTable, vals: vals, kids: []*node{call("min", vr("n"), num(int64(n0)))}}
	big := &node{k: kCmp, name: ">=", kids: []*node{vr("n"), num(int64(n0))}}
	small := &node{k: kCmp, name: "<", kids: []*node{vr("n"), num(int64(n0))}}
	c.add(s, add(bin(kAnd, big, f), bin(kAnd, small, tab)))
	return true
}
