package kernel

import (
	"encoding/json"
	"fmt"
	"os"
)

// ConnectionInfo is the content of the connection file Jupyter passes to a
// kernel: where to listen and how to sign messages.
type ConnectionInfo struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	ControlPort     int    `json:"control_port"`
	StdinPort       int    `json:"stdin_port"`
	IOPubPort       int    `json:"iopub_port"`
	HBPort          int    `json:"hb_port"`
	SignatureScheme string `json:"signature_scheme"`
	Key             string `json:"key"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and checks a Jupyter connection file.
func ReadConnectionFile(path string) (ConnectionInfo, error) {
	var ci ConnectionInfo
	data, err := os.ReadFile(path)
	if err != nil {
		return ci, fmt.Errorf("%w: %v", ErrConnectionFile, err)
	}
	if err := json.Unmarshal(data, &ci); err != nil {
		return ci, fmt.Errorf("%w: %s: %v", ErrConnectionFile, path, err)
	}
	return ci, ci.check()
}

func (ci ConnectionInfo) check() error {
	if ci.Transport != "tcp" {
		return fmt.Errorf("%w: transport %q (only tcp is supported)", ErrConnectionFile, ci.Transport)
	}
	if ci.IP == "" {
		return fmt.Errorf("%w: no ip", ErrConnectionFile)
	}
	if ci.SignatureScheme != "hmac-sha256" && !(ci.SignatureScheme == "" && ci.Key == "") {
		return fmt.Errorf("%w: signature_scheme %q (only hmac-sha256 is supported)", ErrConnectionFile, ci.SignatureScheme)
	}
	for name, port := range map[string]int{"shell_port": ci.ShellPort, "control_port": ci.ControlPort,
		"stdin_port": ci.StdinPort, "iopub_port": ci.IOPubPort, "hb_port": ci.HBPort} {
		if port <= 0 || port > 65535 {
			return fmt.Errorf("%w: %s %d", ErrConnectionFile, name, port)
		}
	}
	return nil
}

// endpoint returns the ZeroMQ endpoint of one port.
func (ci ConnectionInfo) endpoint(port int) string {
	return fmt.Sprintf("%s://%s:%d", ci.Transport, ci.IP, port)
}
