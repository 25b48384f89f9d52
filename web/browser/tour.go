package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/irsynth/irsynth/lib/results"
)

// PageVisit is what Tour saw on one page.
type PageVisit struct {
	Name   string // "overview", "charts", "playground", "playground-error", "reports"
	URL    string
	Errors []string // console errors and exceptions
	// Expected holds the console errors the visit causes on purpose: the
	// browser logs the 422 answer to the playground's invalid IR.
	Expected []string
	Shot     string // screenshot file, when saved
}

// TourResult is what Tour observed across the dashboard.
type TourResult struct {
	Pages []PageVisit
	// Ink is, per chart id on /charts, the number of canvas pixels that
	// are neither transparent nor white.
	Ink map[string]int
	// RunText is the playground's result line after running RunProgram
	// on RunArgs, and RunValue the value shown.
	RunText, RunValue string
	// BadOp is the text of the token the playground marked for BadIR.
	BadOp, BadMessage string
	// Asked is the playground's account of the Ask request (or the error
	// it showed) and AskValue the value shown; both empty when no model is
	// trained.
	Asked, AskValue string
}

// TourOptions says what Tour does on the playground and where it saves
// screenshots ("" saves none).
type TourOptions struct {
	RunProgram string // a library program, e.g. "sum_1_to_n"
	RunArgs    string // e.g. "100"
	BadIR      string // invalid IR, e.g. "START CONST_1 I32_ADD END"
	Ask        string // a natural-language request, asked when a model is trained
	ShotsDir   string
	Timeout    time.Duration // per page (20 s when 0)
}

// InkJS returns a JavaScript expression counting the pixels drawn (neither
// transparent nor near-white) on the canvases matching a CSS selector.
func InkJS(selector string) string { return fmt.Sprintf(inkJS, selector) }

// inkJS counts the pixels a chart's canvases drew.
const inkJS = `(function(){var n=0;document.querySelectorAll(%q).forEach(function(c){
var x=c.getContext('2d');if(!x||!c.width||!c.height)return;var d=x.getImageData(0,0,c.width,c.height).data;
for(var i=0;i<d.length;i+=4){if(d[i+3]>0&&!(d[i]>245&&d[i+1]>245&&d[i+2]>245))n++;}});return n;})()`

// Tour visits every page of the dashboard at base (http://127.0.0.1:PORT).
func Tour(b *Browser, base string, opt TourOptions) (TourResult, error) {
	if opt.Timeout == 0 {
		opt.Timeout = 20 * time.Second
	}
	res := TourResult{Ink: map[string]int{}}
	b.Errors() // start clean
	visit := func(name, path, ready string, then func() error) error {
		url := base + path
		if err := b.Open(url, ready, opt.Timeout); err != nil {
			return err
		}
		if then != nil {
			if err := then(); err != nil {
				return fmt.Errorf("browser: %s: %w", name, err)
			}
		}
		v := PageVisit{Name: name, URL: url}
		var err error
		if v.Shot, err = saveShot(b, opt.ShotsDir, name); err != nil {
			return err
		}
		for _, e := range b.Errors() {
			if (name == "playground-error" && strings.Contains(e, "status of 422") && strings.Contains(e, "/api/run")) ||
				(name == "playground-ask" && strings.Contains(e, "status of 4") && strings.Contains(e, "/api/ask")) {
				v.Expected = append(v.Expected, e)
			} else {
				v.Errors = append(v.Errors, e)
			}
		}
		res.Pages = append(res.Pages, v)
		return nil
	}

	if err := visit("overview", "/", "document.querySelector('.phase') !== null", nil); err != nil {
		return res, err
	}
	err := visit("charts", "/charts", "document.body.dataset.chartsVersion !== undefined", func() error {
		ids, err := Eval[[]string](b, `Array.from(document.querySelectorAll('.chart:not([hidden])')).map(function(e){return e.dataset.chart})`)
		if err != nil {
			return err
		}
		// echarts paints on the next animation frame: wait for ink, all
		// charts sharing one deadline.
		deadline := time.Now().Add(10 * time.Second)
		for _, id := range ids {
			sel := "#chart-" + id + " canvas"
			for {
				n, err := Eval[int](b, InkJS(sel))
				if err != nil {
					return err
				}
				res.Ink[id] = n
				if n > 0 || time.Now().After(deadline) {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	if opt.RunProgram != "" {
		err := visit("playground", "/playground", "document.querySelectorAll('#program option').length > 1", func() error {
			ctx, cancel := context.WithTimeout(b.Context(), opt.Timeout)
			defer cancel()
			// Picking a program loads its IR and example arguments.
			if err := chromedp.Do(ctx,
				chromedp.SetValue(chromedp.CSS("#program"), opt.RunProgram),
				chromedp.Poll[chromedp.Void](`document.getElementById('ir').value.indexOf('START') >= 0`, chromedp.WithPollingInterval(50*time.Millisecond)),
				chromedp.SetValue(chromedp.CSS("#args"), opt.RunArgs),
				chromedp.Click(chromedp.CSS("#run")),
				chromedp.WaitVisible(chromedp.CSS("#value")),
			); err != nil {
				return err
			}
			var err error
			if res.RunValue, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#value"))); err != nil {
				return err
			}
			res.RunText, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#result")))
			return err
		})
		if err != nil {
			return res, err
		}
	}
	if opt.BadIR != "" {
		err := visit("playground-error", "/playground", "document.getElementById('ir') !== null", func() error {
			ctx, cancel := context.WithTimeout(b.Context(), opt.Timeout)
			defer cancel()
			if err := chromedp.Do(ctx,
				chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById('ir').value = %s`, jsString(opt.BadIR))),
				chromedp.Evaluate[chromedp.Void](`document.getElementById('args').value = ''`),
				chromedp.Click(chromedp.CSS("#run")),
				chromedp.WaitVisible(chromedp.CSS("#bad-op")),
			); err != nil {
				return err
			}
			var err error
			if res.BadOp, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#bad-op"))); err != nil {
				return err
			}
			res.BadMessage, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#error")))
			return err
		})
		if err != nil {
			return res, err
		}
	}
	if opt.Ask != "" {
		ready := "document.getElementById('ask-form').dataset.ready !== undefined"
		if err := b.Open(base+"/playground", ready, opt.Timeout); err != nil {
			return res, err
		}
		ok, err := Eval[bool](b, "document.getElementById('ask-form').dataset.ready === '1'")
		if err != nil {
			return res, err
		}
		if ok {
			err := visit("playground-ask", "/playground", ready, func() error {
				ctx, cancel := context.WithTimeout(b.Context(), opt.Timeout)
				defer cancel()
				if err := chromedp.Do(ctx,
					chromedp.SetValue(chromedp.CSS("#ask-text"), opt.Ask),
					chromedp.Click(chromedp.CSS("#ask")),
					chromedp.Poll[chromedp.Void](`!document.getElementById('asked').hidden || !document.getElementById('error').hidden`,
						chromedp.WithPollingInterval(50*time.Millisecond)),
				); err != nil {
					return err
				}
				var err error
				res.Asked, err = Eval[string](b, `document.getElementById('asked').hidden ? document.getElementById('error').textContent : document.getElementById('asked').textContent`)
				if err != nil {
					return err
				}
				res.AskValue, err = Eval[string](b, `document.getElementById('asked').hidden ? "" : document.getElementById('value').textContent`)
				return err
			})
			if err != nil {
				return res, err
			}
		}
	}
	if err := visit("reports", "/reports", "document.querySelector('main h1') !== null", nil); err != nil {
		return res, err
	}
	return res, nil
}

// Summary is a one-line account of a tour, for logs.
func (r TourResult) Summary() string {
	n := 0
	for _, p := range r.Pages {
		n += len(p.Errors)
	}
	return fmt.Sprintf("%d pages, %d console errors, %d charts drawn, run %q, marked %q", len(r.Pages), n, len(r.Ink), r.RunText, r.BadOp)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// saveShot writes a screenshot of the current page to dir/name.png and
// returns its path; with no dir it takes none and returns "".
func saveShot(b *Browser, dir, name string) (string, error) {
	if dir == "" {
		return "", nil
	}
	png, err := b.Screenshot()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+".png")
	if err := results.WriteFile(path, png); err != nil {
		return "", err
	}
	return path, nil
}
