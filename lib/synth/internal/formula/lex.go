package formula

import (
	"strconv"
	"unicode/utf8"
)

// tokKind is a lexical class of formula text.
type tokKind uint8

const (
	tEnd   tokKind = iota
	tNum           // digits
	tIdent         // letters and digits, starting with a letter
	tOp            // punctuation: + - * / ^ ( ) , ! { } [ ] _ = | . .. ; : < > <= >= == != and others
	tBad           // something no formula contains here (a decimal fraction, a number too big)
)

type token struct {
	k          tokKind
	s          string // the identifier or operator, normalized (− to -, · and × to *)
	v          int64  // tNum's value
	start, end int    // byte span in the text
}

// lex splits text into tokens. It never fails: what it cannot read becomes
// a tBad or tOp token that no parse accepts.
func lex(text string) []token {
	var toks []token
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			t := token{k: tNum, start: i, end: j}
			v, err := strconv.ParseInt(text[i:j], 10, 64)
			if err != nil || v > 1<<31-1 {
				t.k = tBad
			}
			t.v = v
			// a decimal fraction ("2.5") is no integer formula
			if j+1 < len(text) && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9' {
				for j++; j < len(text) && text[j] >= '0' && text[j] <= '9'; j++ {
				}
				t.k, t.end = tBad, j
			}
			toks = append(toks, t)
			i = j
		case isLetter(c):
			j := i
			for j < len(text) && (isLetter(text[j]) || text[j] >= '0' && text[j] <= '9') {
				j++
			}
			toks = append(toks, token{k: tIdent, s: text[i:j], start: i, end: j})
			i = j
		case c < utf8.RuneSelf:
			j := i + 1
			if j < len(text) {
				switch two := text[i : i+2]; two {
				case "..", "<=", ">=", "==", "!=", "<>":
					j++
				}
			}
			toks = append(toks, token{k: tOp, s: text[i:j], start: i, end: j})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			s := string(r)
			switch r {
			case '−', '–':
				s = "-"
			case '·', '×', '⋅':
				s = "*"
			case '≤':
				s = "<="
			case '≥':
				s = ">="
			}
			toks = append(toks, token{k: tOp, s: s, start: i, end: i + size})
			i += size
		}
	}
	return append(toks, token{k: tEnd, start: len(text), end: len(text)})
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
