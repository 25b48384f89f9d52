package kernel

// The kernel process and its session child talk over two pipes, one JSON
// object per line. The kernel sends requests (execute, complete, inspect)
// one at a time, plus interrupt at any moment; the child answers each
// request with one reply, after the stream and display events of that
// request, in order on the same pipe.

// Operations of pipeMsg.
const (
	opExecute   = "execute"
	opComplete  = "complete"
	opInspect   = "inspect"
	opInterrupt = "interrupt"
	opStream    = "stream"  // child → kernel: output of the running cell
	opDisplay   = "display" // child → kernel: display_data of the running cell
	opReply     = "reply"   // child → kernel: the end of a request
)

// pipeMsg is one message between the kernel and its session child.
type pipeMsg struct {
	Op string `json:"op"`

	// requests
	Code   string `json:"code,omitempty"`
	Cursor int    `json:"cursor,omitempty"`
	Silent bool   `json:"silent,omitempty"`

	// stream
	Name string `json:"name,omitempty"`
	Text string `json:"text,omitempty"`

	// display, execute result (Data empty: nothing to show)
	Data     map[string]any `json:"data,omitempty"`
	Metadata map[string]any `json:"metadata,omitempty"`

	// replies
	Error   *errorReply `json:"error,omitempty"`
	Matches []string    `json:"matches,omitempty"`
	Start   int         `json:"start,omitempty"`
	End     int         `json:"end,omitempty"`
	Found   bool        `json:"found,omitempty"`
}
