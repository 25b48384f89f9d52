package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumEnv names the environment variable that overrides the browser path.
const ChromiumEnv = "IRSYNTH_CHROMIUM"

// ErrNoChromium: no Chromium executable was found.
var ErrNoChromium = errors.New("browser: chromium not found")

// ChromiumPath returns $IRSYNTH_CHROMIUM, /usr/bin/chromium, or the first
// chromium on PATH.
func ChromiumPath() (string, error) {
	if p := os.Getenv(ChromiumEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%w: $%s=%s: %v", ErrNoChromium, ChromiumEnv, p, err)
		}
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: install Debian's chromium (scripts/setup.sh) or set $%s", ErrNoChromium, ChromiumEnv)
}

// Options configures Start. The zero value finds Chromium itself and uses
// a 1280x900 window.
type Options struct {
	ExecPath      string
	Width, Height int
}

// Browser is one headless Chromium with one tab.
type Browser struct {
	ctx     context.Context
	cancel  func()
	dataDir string

	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

// Start launches Chromium. Close it when done.
func Start(parent context.Context, opt Options) (*Browser, error) {
	if opt.ExecPath == "" {
		p, err := ChromiumPath()
		if err != nil {
			return nil, err
		}
		opt.ExecPath = p
	}
	if opt.Width == 0 {
		opt.Width, opt.Height = 1280, 900
	}
	dir, err := os.MkdirTemp("", "irsynth-chromium-")
	if err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(opt.ExecPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(opt.Width, opt.Height),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	}
	actx, acancel := chromedp.NewExecAllocator(parent, allocOpts...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &Browser{ctx: ctx, dataDir: dir}
	b.cancel = func() { cancel(); acancel(); os.RemoveAll(dir) }
	// The first Run starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		b.cancel()
		return nil, fmt.Errorf("browser: start %s: %w", opt.ExecPath, err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.msgs = append(b.msgs, m)
			b.mu.Unlock()
		}
	}()
	return b, nil
}

// Close stops Chromium and removes its profile directory.
func (b *Browser) Close() { b.cancel() }

// Context is the tab's chromedp context, for chromedp.Run.
func (b *Browser) Context() context.Context { return b.ctx }

// Errors returns the console errors, uncaught exceptions and browser-log
// errors (failed loads, blocked requests) seen since the last call.
func (b *Browser) Errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.msgs {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			s := m.String()
			if m.URL != "" {
				s += fmt.Sprintf(" (%s:%d)", m.URL, m.Line+1)
			}
			out = append(out, s)
		}
	}
	b.msgs = nil
	return out
}

// Open navigates to url and waits until the JavaScript predicate ready is
// true (or "true" when empty), at most timeout.
func (b *Browser) Open(url, ready string, timeout time.Duration) error {
	if ready == "" {
		ready = "true"
	}
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("browser: open %s: %w", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](
		"document.readyState === 'complete' && ("+ready+")", chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		return fmt.Errorf("browser: %s: waiting for %s: %w", url, ready, err)
	}
	return nil
}

// Eval evaluates a JavaScript expression in the page.
func Eval[T any](b *Browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// Screenshot returns a PNG of the whole page.
func (b *Browser) Screenshot() ([]byte, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return nil, fmt.Errorf("browser: screenshot: %w", err)
	}
	return png, nil
}
