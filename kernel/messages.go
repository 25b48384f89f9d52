package kernel

// Typed contents of the messages the kernel sends, one struct per message
// type as the Jupyter messaging protocol 5.3 defines them.

type statusContent struct {
	ExecutionState string `json:"execution_state"`
}

type streamContent struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type executeInputContent struct {
	Code           string `json:"code"`
	ExecutionCount int    `json:"execution_count"`
}

// displayContent is display_data's content; executeResult adds the count.
type displayContent struct {
	Data      map[string]any `json:"data"`
	Metadata  map[string]any `json:"metadata"`
	Transient map[string]any `json:"transient"`
}

type executeResultContent struct {
	ExecutionCount int            `json:"execution_count"`
	Data           map[string]any `json:"data"`
	Metadata       map[string]any `json:"metadata"`
}

// errorReply is the error part of any reply, and the content of the error
// message on iopub (without status).
type errorReply struct {
	Status    string   `json:"status,omitempty"`
	Ename     string   `json:"ename"`
	Evalue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

func newError(ename, evalue string, traceback []string) *errorReply {
	if traceback == nil {
		traceback = []string{ename + ": " + evalue}
	}
	return &errorReply{Status: "error", Ename: ename, Evalue: evalue, Traceback: traceback}
}

type executeReply struct {
	Status          string         `json:"status"`
	ExecutionCount  int            `json:"execution_count"`
	UserExpressions map[string]any `json:"user_expressions"`
	Payload         []any          `json:"payload"`
}

type executeErrorReply struct {
	errorReply
	ExecutionCount int `json:"execution_count"`
}

type abortedReply struct {
	Status         string `json:"status"`
	ExecutionCount int    `json:"execution_count"`
}

type languageInfo struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	Mimetype       string `json:"mimetype"`
	FileExtension  string `json:"file_extension"`
	PygmentsLexer  string `json:"pygments_lexer"`
	CodemirrorMode string `json:"codemirror_mode"`
}

type helpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

type kernelInfoReply struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          languageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []helpLink   `json:"help_links"`
}

type completeReply struct {
	Status      string         `json:"status"`
	Matches     []string       `json:"matches"`
	CursorStart int            `json:"cursor_start"`
	CursorEnd   int            `json:"cursor_end"`
	Metadata    map[string]any `json:"metadata"`
}

type isCompleteReply struct {
	Status string  `json:"status"`
	Indent *string `json:"indent,omitempty"` // only when incomplete
}

type inspectReply struct {
	Status   string         `json:"status"`
	Found    bool           `json:"found"`
	Data     map[string]any `json:"data"`
	Metadata map[string]any `json:"metadata"`
}

type historyReply struct {
	Status  string `json:"status"`
	History []any  `json:"history"`
}

type commInfoReply struct {
	Status string         `json:"status"`
	Comms  map[string]any `json:"comms"`
}

type interruptReply struct {
	Status string `json:"status"`
}

type shutdownReply struct {
	Status  string `json:"status"`
	Restart bool   `json:"restart"`
}
