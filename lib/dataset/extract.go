package dataset

import (
	"fmt"
	"regexp"
	"strconv"
	"unicode"
)

// number is one integer literal found in a text.
type number struct {
	value      int32
	start, end int // byte offsets
}

// numbers finds the integer literals of text. A '-' directly before the
// digits is a sign when it does not follow a letter, digit or closing
// bracket ("from -5 to 3", "|4 - -2|"); otherwise it is subtraction.
func numbers(text string) []number {
	var out []number
	b := []byte(text)
	for i := 0; i < len(b); {
		if b[i] < '0' || b[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		start := i
		if i > 0 && b[i-1] == '-' {
			sign := true
			if i > 1 {
				r := rune(b[i-2])
				sign = !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == ')' || r == ']')
			}
			if sign {
				start = i - 1
			}
		}
		v, err := strconv.ParseInt(text[start:j], 10, 32)
		if err == nil {
			out = append(out, number{value: int32(v), start: start, end: j})
		}
		i = j
	}
	return out
}

// seriesStart matches the literal start of a written-out series,
// "1 + 2 + ... +" or "1² + 2² + 3² + … +", whose numbers are not operands.
var seriesStart = regexp.MustCompile(`(^|[^0-9])1\s*²?\s*\+\s*(?:\d+\s*²?\s*\+\s*)+(?:\.\.\.|…)\s*\+`)

// Extract returns the operands written in text, in order: every integer
// literal except those of a written-out series start ("What is 1 + 2 + ...
// + 50?" gives [50]; "from 5 to 15" gives [5 15]; "4 ** 5" gives [4 5]).
func Extract(text string) []int32 {
	skip := seriesStart.FindAllStringIndex(text, -1)
	var out []int32
	for _, n := range numbers(text) {
		inSeries := false
		for _, s := range skip {
			if n.start >= s[0] && n.end <= s[1] {
				inSeries = true
			}
		}
		if !inSeries {
			out = append(out, n.value)
		}
	}
	return out
}

// ExtractN returns the arity operands of text for a program that takes
// arity operands. Requests put literal numbers ("Sum 1 to 50", "1 + 2 +
// ... + 50") before the operands, so when a text holds more numbers than
// the program takes, the last arity are its operands.
func ExtractN(text string, arity int) ([]int32, error) {
	if arity == 0 {
		return []int32{}, nil
	}
	nums := Extract(text)
	if len(nums) < arity {
		all := numbers(text)
		if len(all) < arity {
			return nil, fmt.Errorf("%w: %q holds %d numbers, the program takes %d", ErrOperands, text, len(all), arity)
		}
		nums = nums[:0]
		for _, n := range all {
			nums = append(nums, n.value)
		}
	}
	return append([]int32(nil), nums[len(nums)-arity:]...), nil
}
