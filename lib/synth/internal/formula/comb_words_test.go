package formula

import "testing"

// occurrences counts the (overlapping) occurrences of p in s.
func occurrences(s, p string) int {
	c := 0
	for i := 0; i+len(p) <= len(s); i++ {
		if s[i:i+len(p)] == p {
			c++
		}
	}
	return c
}

// wordsRef counts the words of length n over the digits 0..q-1 for which
// ok holds: the brute-force reference.
func wordsRef(q, n int64, ok func(s string) bool) int64 {
	if n < 0 {
		return 0
	}
	buf := make([]byte, n)
	var walk func(i int64) int64
	walk = func(i int64) int64 {
		if i == n {
			if ok(string(buf)) {
				return 1
			}
			return 0
		}
		var c int64
		for d := int64(0); d < q; d++ {
			buf[i] = byte('0' + d)
			c += walk(i + 1)
		}
		return c
	}
	return walk(0)
}

func TestCountWords(t *testing.T) {
	newRunner(t).allMatch(t, []refCase{
		{"Number of binary strings of length n with equal numbers of 00010 and 10001 substrings.", 0, 13, func(n int64) int64 {
			return wordsRef(2, n, func(s string) bool { return occurrences(s, "00010") == occurrences(s, "10001") })
		}},
		{"Number of binary sequences of length n containing exactly one subsequence 001.", 0, 13, func(n int64) int64 {
			return wordsRef(2, n, func(s string) bool { return occurrences(s, "001") == 1 })
		}},
		{"Number of ternary words of length n avoiding 00 and 121.", 0, 9, func(n int64) int64 {
			return wordsRef(3, n, func(s string) bool { return occurrences(s, "00") == 0 && occurrences(s, "121") == 0 })
		}},
		{"Number of binary words of length n+2 with at least 2 occurrences of 010.", 0, 11, func(n int64) int64 {
			return wordsRef(2, n+2, func(s string) bool { return occurrences(s, "010") >= 2 })
		}},
		{"Number of length-n binary words with at most 1 occurrences of 11.", 0, 13, func(n int64) int64 {
			return wordsRef(2, n, func(s string) bool { return occurrences(s, "11") <= 1 })
		}},
		{"Number of ternary words of length n with no three consecutive 2's.", 0, 9, func(n int64) int64 {
			return wordsRef(3, n, func(s string) bool { return occurrences(s, "222") == 0 })
		}},
		{"Number of n-bit sequences that contain the pattern 0110.", 0, 13, func(n int64) int64 {
			return wordsRef(2, n, func(s string) bool { return occurrences(s, "0110") > 0 })
		}},
	})
}

// TestCountWordsRefused: wordings the words reader does not read.
func TestCountWordsRefused(t *testing.T) {
	refuses(t,
		"Number of binary strings of length n with equal numbers of 00010 and 00010 substrings.",
		"Number of binary words of length n avoiding 0120.", // 2 is no binary letter
		"Number of binary words of length n avoiding 0110 and having no two adjacent 0's.",
		"Number of binary words of length n containing exactly one of 00 and 11.",
		"Number of binary words of length n avoiding 0110 up to rotation.",
		"Number of binary words of length n with no three consecutive 2's.", // 2 is no binary letter
	)
}
