package enum

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// TextConstants lists, in order of appearance and without repeats, the
// non-negative integers written in a task's text, for Options.Constants:
// "Primes congruent to 14 mod 45" gives [14 45], "steps to reach 1 in
// '3x+1' problem" gives [1 3]. A digit run glued to a letter before it (an
// A-number such as A006577, a name such as x2) or part of a decimal (1.5)
// is not a constant; nor is one past i32. The search drops the values its
// language already has (0, 1, 2, 10) and keeps at most MaxConstants.
func TextConstants(text string) []int32 {
	var out []int32
	seen := map[int32]bool{}
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		glued := i > 0 && (unicode.IsLetter(before) || before == '_')
		decimal := (i > 0 && before == '.' && i > 1 && text[i-2] >= '0' && text[i-2] <= '9') ||
			(j+1 < len(text) && text[j] == '.' && text[j+1] >= '0' && text[j+1] <= '9')
		if v, err := strconv.ParseInt(text[i:j], 10, 32); err == nil && !glued && !decimal && !seen[int32(v)] {
			seen[int32(v)] = true
			out = append(out, int32(v))
		}
		i = j
	}
	return out
}
