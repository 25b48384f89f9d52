package dataset

import (
	"errors"
	"slices"
	"testing"
)

func TestExtract(t *testing.T) {
	cases := []struct {
		name  string
		given string
		want  []int32
	}{
		{"range", "Sum from 5 to 15", []int32{5, 15}},
		{"power operator", "4 ** 5", []int32{4, 5}},
		{"series", "What is 1 + 2 + ... + 50?", []int32{50}},
		{"longer series", "Compute 1 + 2 + 3 + ... + 7", []int32{7}},
		{"squares series", "What is 1² + 2² + ... + 30²?", []int32{30}},
		{"ordinal suffix", "Calculate 5 to the 3th power", []int32{5, 3}},
		{"factorial", "9 factorial", []int32{9}},
		{"negative after space", "Sum from -5 to 15", []int32{-5, 15}},
		{"negative in brackets", "max(-5, -7)", []int32{-5, -7}},
		{"subtraction is not a sign", "What is |12 - 7|?", []int32{12, 7}},
		{"subtraction then negative", "What is |-12 - -7|?", []int32{-12, 7 * -1}},
		{"tight subtraction", "abs(12-7)", []int32{12, 7}},
		{"sum a to b starting at one", "What is 1 + ... + 15?", []int32{1, 15}},
		{"no numbers", "Is it prime?", nil},
		{"too large for i32", "Reverse 99999999999", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Extract(tc.given); !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) = %v, want %v", tc.given, got, tc.want)
			}
		})
	}
}

func TestExtractN(t *testing.T) {
	cases := []struct {
		name    string
		given   string
		arity   int
		want    []int32
		wantErr bool
	}{
		{"literal start", "Sum 1 to 50", 1, []int32{50}, false},
		{"series", "What is 1 + 2 + ... + 50?", 1, []int32{50}, false},
		{"range", "Sum 1 to 50", 2, []int32{1, 50}, false},
		{"word literal", "How many steps does the 3n+1 sequence take from 27?", 1, []int32{27}, false},
		{"two of three", "Count the multiples of k in 1..100 for k = 7", 2, []int32{100, 7}, false},
		{"missing", "Max of 3", 2, nil, true},
		{"nullary", "anything 5", 0, []int32{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ExtractN(tc.given, tc.arity)
			if tc.wantErr {
				if !errors.Is(err, ErrOperands) {
					t.Fatalf("err = %v, want ErrOperands", err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("ExtractN(%q, %d) = %v, %v; want %v", tc.given, tc.arity, got, err, tc.want)
			}
		})
	}
}
