package kernel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"
)

func frames(key string, parts ...string) [][]byte {
	mac := hmac.New(sha256.New, []byte(key))
	for _, p := range parts {
		mac.Write([]byte(p))
	}
	out := [][]byte{[]byte("peer"), []byte(delimiter), []byte(hex.EncodeToString(mac.Sum(nil)))}
	for _, p := range parts {
		out = append(out, []byte(p))
	}
	return out
}

func TestDecode(t *testing.T) {
	header := `{"msg_id":"1","session":"s","username":"u","date":"","msg_type":"execute_request","version":"5.3"}`
	good := []string{header, "{}", "{}", `{"code":"1"}`}
	s := signer{key: []byte("secret")}
	cases := []struct {
		name    string
		given   [][]byte
		wantErr error
	}{
		{"signed with the key", frames("secret", good...), nil},
		{"signed with another key", frames("other", good...), ErrBadSignature},
		{"content changed after signing", func() [][]byte {
			f := frames("secret", good...)
			f[len(f)-1] = []byte(`{"code":"2"}`)
			return f
		}(), ErrBadSignature},
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, ErrMalformedMessage},
		{"missing frames", frames("secret", header, "{}"), ErrMalformedMessage},
		{"header not JSON", frames("secret", "{", "{}", "{}", "{}"), ErrMalformedMessage},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := s.decode(tc.given)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("decode error = %v, want %v", err, tc.wantErr)
			}
			if err == nil && (m.Header.MsgType != "execute_request" || string(m.Identities[0]) != "peer") {
				t.Fatalf("decoded %+v", m)
			}
		})
	}
}

// TestEncodeSignsWhatDecodeVerifies: a message the kernel sends verifies
// with an independent HMAC over its four JSON frames.
func TestEncodeRoundTrip(t *testing.T) {
	s := signer{key: []byte("k")}
	content, _ := json.Marshal(map[string]any{"status": "ok"})
	m := &Message{Identities: [][]byte{[]byte("id")}, Header: Header{MsgID: "m", MsgType: "kernel_info_reply", Version: ProtocolVersion},
		Parent: json.RawMessage(`{"msg_id":"p"}`), Content: content}
	f, err := s.encode(m)
	if err != nil {
		t.Fatal(err)
	}
	mac := hmac.New(sha256.New, []byte("k"))
	for _, p := range f[3:7] {
		mac.Write(p)
	}
	if string(f[2]) != hex.EncodeToString(mac.Sum(nil)) {
		t.Fatalf("signature %s does not match an independent HMAC", f[2])
	}
	back, err := s.decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if back.Header != m.Header || string(back.Content) != string(content) || string(back.Parent) != `{"msg_id":"p"}` {
		t.Fatalf("round trip changed the message: %+v", back)
	}
}

func TestEmptyKeyDisablesSigning(t *testing.T) {
	s := signer{}
	f, err := s.encode(&Message{Header: Header{MsgType: "status"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f[1]) != 0 {
		t.Fatalf("signature %q with an empty key", f[1])
	}
}

func TestDropImportWarnings(t *testing.T) {
	cases := []struct{ given, want string }{
		{"hello\n", "hello\n"},
		{"// warning: skipping import of func sync.OnceValue[T any]: not supported\n", ""},
		{"a\n// warning: expression returns 2 values, using only the first one: [bool bool]\nb\n", "a\nb\n"},
		{"// warning: mine\n", "// warning: mine\n"},
		{"not // warning: skipping import of at line start\n", "not // warning: skipping import of at line start\n"},
	}
	for _, tc := range cases {
		if got := dropImportWarnings(tc.given); got != tc.want {
			t.Errorf("dropImportWarnings(%q) = %q, want %q", tc.given, got, tc.want)
		}
	}
}

func TestCompleteUTF8(t *testing.T) {
	e := []byte("é") // 2 bytes
	cases := []struct {
		given []byte
		want  int
	}{
		{[]byte("abc"), 3},
		{append([]byte("ab"), e[0]), 2},
		{append([]byte("ab"), e...), 4},
		{nil, 0},
	}
	for _, tc := range cases {
		if got := completeUTF8(tc.given); got != tc.want {
			t.Errorf("completeUTF8(%q) = %d, want %d", tc.given, got, tc.want)
		}
	}
}
