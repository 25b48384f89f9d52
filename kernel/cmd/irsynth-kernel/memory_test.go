package main

import "testing"

func TestParseSize(t *testing.T) {
	cases := []struct {
		given   string
		want    int64
		wantErr bool
	}{
		{"0", 0, false},
		{"1073741824", 1 << 30, false},
		{"512MiB", 512 << 20, false},
		{"4GiB", 4 << 30, false},
		{" 64 KiB ", 64 << 10, false},
		{"12Q", 0, true},
		{"-1GiB", 0, true},
		{"4GB", 0, true}, // decimal units are ambiguous: say MiB or GiB
		{"", 0, true},
	}
	for _, tc := range cases {
		got, err := parseSize(tc.given)
		if (err != nil) != tc.wantErr || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, error %v", tc.given, got, err, tc.want, tc.wantErr)
		}
	}
}
