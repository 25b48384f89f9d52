package hook

import "context"

var (
	// Publish sends a display_data message for the running cell.
	Publish func(data, metadata map[string]any) error
	// Context returns the running cell's context.
	Context func() context.Context
)
