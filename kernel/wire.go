package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// ProtocolVersion is the Jupyter messaging protocol version the kernel speaks.
const ProtocolVersion = "5.3"

const delimiter = "<IDS|MSG>"

// Header is a Jupyter message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one Jupyter message: routing identities, the four JSON parts
// and any binary buffers.
type Message struct {
	Identities [][]byte
	Header     Header
	Parent     json.RawMessage // the parent header, verbatim ({} when none)
	Metadata   map[string]any
	Content    json.RawMessage
	Buffers    [][]byte
}

// signer signs and verifies messages with HMAC-SHA256; an empty key
// disables signing, as the protocol allows.
type signer struct{ key []byte }

func (s signer) sign(parts [][]byte) []byte {
	if len(s.key) == 0 {
		return nil
	}
	mac := hmac.New(sha256.New, s.key)
	for _, p := range parts {
		mac.Write(p)
	}
	sum := mac.Sum(nil)
	out := make([]byte, hex.EncodedLen(len(sum)))
	hex.Encode(out, sum)
	return out
}

// decode parses the frames of a message and verifies its signature.
func (s signer) decode(frames [][]byte) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], []byte(delimiter)) {
		i++
	}
	if i == len(frames) {
		return nil, fmt.Errorf("%w: no %s delimiter", ErrMalformedMessage, delimiter)
	}
	if len(frames) < i+6 {
		return nil, fmt.Errorf("%w: %d frames after the delimiter, want at least 5", ErrMalformedMessage, len(frames)-i-1)
	}
	sig, parts := frames[i+1], frames[i+2:i+6]
	if len(s.key) > 0 {
		want := s.sign(parts)
		if !hmac.Equal(want, sig) {
			return nil, ErrBadSignature
		}
	}
	m := &Message{Identities: frames[:i], Parent: json.RawMessage(parts[1]), Content: json.RawMessage(parts[3])}
	if err := json.Unmarshal(parts[0], &m.Header); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrMalformedMessage, err)
	}
	if err := json.Unmarshal(parts[2], &m.Metadata); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrMalformedMessage, err)
	}
	if !json.Valid(m.Content) || !json.Valid(m.Parent) {
		return nil, fmt.Errorf("%w: content or parent header is not JSON", ErrMalformedMessage)
	}
	m.Buffers = frames[i+6:]
	return m, nil
}

// encode serialises and signs a message into frames.
func (s signer) encode(m *Message) ([][]byte, error) {
	header, err := json.Marshal(m.Header)
	if err != nil {
		return nil, err
	}
	parent := []byte(m.Parent)
	if len(parent) == 0 {
		parent = []byte("{}")
	}
	md := m.Metadata
	if md == nil {
		md = map[string]any{}
	}
	metadata, err := json.Marshal(md)
	if err != nil {
		return nil, err
	}
	content := []byte(m.Content)
	if len(content) == 0 {
		content = []byte("{}")
	}
	parts := [][]byte{header, parent, metadata, content}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(delimiter), s.sign(parts))
	frames = append(frames, parts...)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// newID returns a random message id.
func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// reply builds a message of type msgType whose parent is req, with the given
// content, addressed to the same identities.
func (k *Kernel) reply(req *Message, msgType string, content any) (*Message, error) {
	c, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("kernel: encode %s: %w", msgType, err)
	}
	parent, err := json.Marshal(req.Header)
	if err != nil {
		return nil, err
	}
	return &Message{
		Identities: req.Identities,
		Header: Header{
			MsgID:    newID(),
			Session:  k.session,
			Username: "kernel",
			Date:     time.Now().UTC().Format(time.RFC3339Nano),
			MsgType:  msgType,
			Version:  ProtocolVersion,
		},
		Parent:  parent,
		Content: c,
	}, nil
}
