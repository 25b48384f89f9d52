package interp

import (
	"go/scanner"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cosmos72/gomacro/fast"
)

// Completion is the answer to a completion request: Matches replace the
// code between Start and End, both in runes as Jupyter counts them.
type Completion struct {
	Matches    []string
	Start, End int
}

// Complete completes the identifier, or the chain of selectors, that ends
// at cursor (a rune offset into code), using gomacro's completer: globals,
// imported packages and their members, fields and methods.
func (s *Session) Complete(code string, cursor int) (Completion, error) {
	pos := byteOffset(code, cursor)
	lineStart := strings.LastIndexByte(code[:pos], '\n') + 1
	line := code[lineStart:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	var c Completion
	err := s.do(func(ir *fast.Interp) {
		head, matches, _ := ir.CompleteWords(line, pos-lineStart)
		if len(matches) == 0 {
			c = Completion{Start: cursor, End: cursor}
			return
		}
		start := utf8.RuneCountInString(code[:lineStart+len(head)])
		c = Completion{Matches: matches, Start: start, End: cursor}
	})
	return c, err
}

// byteOffset converts a rune offset into a byte offset, clamped to code.
func byteOffset(code string, runes int) int {
	if runes <= 0 {
		return 0
	}
	n := 0
	for i := range code {
		if n == runes {
			return i
		}
		n++
	}
	return len(code)
}

// IsComplete tells whether code can run as it is ("complete"), needs more
// lines ("incomplete", with the indent for the next one), or cannot parse
// ("invalid"). It balances brackets over Go tokens, so that a "{" in a
// string or comment does not count.
func IsComplete(code string) (status, indent string) {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(code))
	var errs int
	var unterminated bool
	var sc scanner.Scanner
	sc.Init(file, []byte(code), func(_ token.Position, msg string) {
		errs++
		if strings.Contains(msg, "not terminated") {
			unterminated = true
		}
	}, scanner.ScanComments)
	depth := 0
	for {
		_, tok, _ := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	switch {
	case unterminated:
		return "incomplete", ""
	case errs > 0 || depth < 0:
		return "invalid", ""
	case depth > 0:
		return "incomplete", strings.Repeat("\t", depth)
	}
	return "complete", ""
}

// Inspect describes the identifier or selector chain under cursor: its Go
// type, as the interpreter compiles it (nothing runs), and its doc comment
// when docs knows it (keyed "import/path.Name").
func (s *Session) Inspect(code string, cursor int, docs func(pkgPath, name string) string) (string, bool, error) {
	expr := selectorAt(code, byteOffset(code, cursor))
	if expr == "" {
		return "", false, nil
	}
	var text string
	var found bool
	err := s.do(func(ir *fast.Interp) {
		defer func() { recover() }() // not an expression gomacro can compile: nothing to show
		e := ir.Compile(expr)
		if e == nil || e.Type == nil {
			return
		}
		text = expr + ": " + e.Type.String()
		found = true
		if docs != nil {
			if i := strings.IndexByte(expr, '.'); i > 0 {
				if imp := ir.Comp.TryResolve(expr[:i]); imp != nil {
					if p, ok := imp.Value.(*fast.Import); ok {
						if d := docs(p.Path, expr[i+1:]); d != "" {
							text += "\n\n" + d
						}
					}
				}
			}
		}
	})
	return text, found, err
}

// selectorAt returns the chain ident.ident... around byte offset pos.
func selectorAt(code string, pos int) string {
	isPart := func(r rune) bool { return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	start, end := pos, pos
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(code[:start])
		if !isPart(r) {
			break
		}
		start -= n
	}
	for end < len(code) {
		r, n := utf8.DecodeRuneInString(code[end:])
		if r == '.' || !isPart(r) {
			break
		}
		end += n
	}
	return strings.Trim(code[start:end], ".")
}
