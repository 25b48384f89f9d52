package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// ClassroomOptions says what Classroom does: the program and arguments it
// steps through, the examples it synthesizes from, the examples of a search
// it cancels, and where it saves screenshots ("" saves none).
type ClassroomOptions struct {
	StepProgram string // a library program, e.g. "collatz_length"
	StepArgs    string // e.g. "7"
	Examples    string // e.g. "1→1, 2→3, 3→6, 10→55"
	Hard        string // examples no small program fits, for a long search
	// Ambiguous are examples that several programs fit, and Intended the
	// function the user has in mind: the walk answers each question the
	// page asks with it.
	Ambiguous string
	Intended  func(in []int64) int64
	ShotsDir  string
	Timeout   time.Duration // per wait (30 s when 0)
}

// ClassroomResult is what the page showed at each point of the walk.
type ClassroomResult struct {
	Pages []PageVisit
	// Steps is the number of steps the stepper offers; EndResult the
	// result it shows at the last step and EndStack the stack there.
	Steps     int
	EndResult string
	EndStack  []string
	// Back holds the stack shown after each of three steps back from
	// the end, BackStep the step then shown.
	Back     [][]string
	BackStep int
	// Link is the address after stepping back; LinkStep and LinkStack
	// what a fresh page opened at Link shows.
	Link      string
	LinkStep  int
	LinkStack []string
	// SynthStatus, SynthProgram: the synthesis page's answer for
	// Examples; TryValue what the program gave on 100.
	SynthStatus, SynthProgram, TryValue string
	// SynthLink is the synthesis page's address after the answer, and
	// SynthLinkExamples, SynthLinkStatus what a fresh page opened there shows.
	SynthLink, SynthLinkExamples, SynthLinkStatus string
	// AmbInputs are the inputs the page asked about for Ambiguous,
	// AmbStatus its final answer, AmbExamples the examples it ended with
	// and AmbTry what the program gave on 12.
	AmbInputs                      [][]int64
	AmbStatus, AmbExamples, AmbTry string
	// RunningBefore and RunningAfter are the server's search count
	// (GET /api/synth/running) during the long search and after Cancel,
	// and CancelStatus what the page said.
	RunningBefore, RunningAfter int
	CancelStatus                string
}

const stackJS = `Array.from(document.querySelectorAll('#stepper [data-role=stack] td[data-value]')).map(function(e){return e.dataset.value})`

// Classroom walks the teaching features as a user would: steps a program
// to its end in the playground and back, reopens the copied link, asks
// the synthesis page for a program, runs it, reopens that link, and
// cancels a long search.
func Classroom(b *Browser, base string, opt ClassroomOptions) (ClassroomResult, error) {
	if opt.Timeout == 0 {
		opt.Timeout = 30 * time.Second
	}
	var res ClassroomResult
	b.Errors()
	shot := func(name, url string) error {
		v := PageVisit{Name: name, URL: url, Errors: b.Errors()}
		var err error
		if v.Shot, err = saveShot(b, opt.ShotsDir, name); err != nil {
			return err
		}
		res.Pages = append(res.Pages, v)
		return nil
	}
	run := func(actions ...chromedp.Action[chromedp.Void]) error {
		ctx, cancel := context.WithTimeout(b.Context(), opt.Timeout)
		defer cancel()
		return chromedp.Do(ctx, actions...)
	}
	poll := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond))
	}
	key := func(k string) chromedp.Action[chromedp.Void] { return chromedp.KeyEvent(k) }
	// try runs the synthesized program on args in the page's "try it" box
	// and returns what the page shows.
	try := func(args string) (string, error) {
		if err := run(
			chromedp.SetValue(chromedp.CSS("#try-args"), args),
			chromedp.Click(chromedp.CSS("#try-go")),
			poll(`document.getElementById('try-value') !== null`),
		); err != nil {
			return "", err
		}
		return Eval[string](b, `document.getElementById('try-value').textContent`)
	}

	// Step a program through to its end, then back.
	if err := b.Open(base+"/playground", "document.querySelectorAll('#program option').length > 1", opt.Timeout); err != nil {
		return res, err
	}
	if err := run(
		chromedp.SetValue(chromedp.CSS("#program"), opt.StepProgram),
		poll(`document.getElementById('ir').value.indexOf('START') >= 0`),
		chromedp.SetValue(chromedp.CSS("#args"), opt.StepArgs),
		chromedp.Click(chromedp.CSS("#step")),
		poll(`document.querySelector('#stepper [data-role=pos]') !== null`),
		chromedp.Click(chromedp.CSS(`#stepper button[data-role=forward]`)),
		chromedp.Click(chromedp.CSS(`#stepper button[data-role=forward]`)),
		chromedp.Click(chromedp.CSS(`#stepper button[data-role=end]`)),
		poll(`document.querySelector('#stepper [data-role=result]') !== null`),
	); err != nil {
		return res, fmt.Errorf("browser: stepping: %w", err)
	}
	var err error
	if res.Steps, err = Eval[int](b, `Number(document.getElementById('stepper').dataset.step) + 1`); err != nil {
		return res, err
	}
	if res.EndResult, err = Eval[string](b, `document.querySelector('#stepper [data-role=result]').textContent`); err != nil {
		return res, err
	}
	if res.EndStack, err = Eval[[]string](b, stackJS); err != nil {
		return res, err
	}
	if err := shot("stepper-end", base+"/playground"); err != nil {
		return res, err
	}
	for i := 0; i < 3; i++ { // the keyboard: the left arrow steps back
		if err := run(key(kb.ArrowLeft)); err != nil {
			return res, err
		}
		st, err := Eval[[]string](b, stackJS)
		if err != nil {
			return res, err
		}
		res.Back = append(res.Back, st)
	}
	if res.BackStep, err = Eval[int](b, `Number(document.getElementById('stepper').dataset.step)`); err != nil {
		return res, err
	}
	if res.Link, err = Eval[string](b, `location.href`); err != nil {
		return res, err
	}
	if err := shot("stepper-back", res.Link); err != nil {
		return res, err
	}

	// The copied link, loaded afresh.
	if err := b.Open(res.Link, `document.body.dataset.linkLoaded === '1'`, opt.Timeout); err != nil {
		return res, err
	}
	if res.LinkStep, err = Eval[int](b, `document.getElementById('stepper').dataset.step === undefined ? -1 : Number(document.getElementById('stepper').dataset.step)`); err != nil {
		return res, err
	}
	if res.LinkStack, err = Eval[[]string](b, stackJS); err != nil {
		return res, err
	}
	if err := shot("stepper-link", res.Link); err != nil {
		return res, err
	}

	// Synthesis from examples, then a run of the program found.
	if err := b.Open(base+"/synth", `document.body.dataset.ready === '1'`, opt.Timeout); err != nil {
		return res, err
	}
	if err := run(
		chromedp.SetValue(chromedp.CSS("#syn-text"), "add up the numbers from 1 to n"),
		chromedp.SetValue(chromedp.CSS("#syn-examples"), opt.Examples),
		chromedp.SetValue(chromedp.CSS("#syn-budget"), "30s"),
		chromedp.Click(chromedp.CSS("#syn-go")),
		poll(`document.body.dataset.status !== undefined`),
	); err != nil {
		return res, fmt.Errorf("browser: synthesis: %w", err)
	}
	if res.SynthStatus, err = Eval[string](b, `document.getElementById('syn-status').textContent`); err != nil {
		return res, err
	}
	if res.SynthProgram, err = Eval[string](b, `document.getElementById('syn-program').textContent`); err != nil {
		return res, err
	}
	if res.SynthStatus == "solved" {
		if res.TryValue, err = try("100"); err != nil {
			return res, err
		}
	}
	if res.SynthLink, err = Eval[string](b, `location.href`); err != nil {
		return res, err
	}
	if err := shot("synth", res.SynthLink); err != nil {
		return res, err
	}
	if err := b.Open(res.SynthLink, `document.body.dataset.ready === '1'`, opt.Timeout); err != nil {
		return res, err
	}
	if res.SynthLinkExamples, err = Eval[string](b, `document.getElementById('syn-examples').value`); err != nil {
		return res, err
	}
	if res.SynthLinkStatus, err = Eval[string](b, `document.getElementById('syn-status').textContent`); err != nil {
		return res, err
	}

	// An ambiguous request: answer the page's questions until it is sure.
	if opt.Ambiguous != "" {
		if err := b.Open(base+"/synth", `document.body.dataset.ready === '1'`, opt.Timeout); err != nil {
			return res, err
		}
		if err := run(
			chromedp.Evaluate[chromedp.Void](`document.getElementById('syn-text').value = ''`),
			chromedp.SetValue(chromedp.CSS("#syn-examples"), opt.Ambiguous),
			chromedp.SetValue(chromedp.CSS("#syn-budget"), "10s"),
			chromedp.Click(chromedp.CSS("#syn-go")),
			poll(`document.body.dataset.status !== undefined`),
		); err != nil {
			return res, fmt.Errorf("browser: ambiguous search: %w", err)
		}
		for round := 0; round < 4; round++ {
			if res.AmbStatus, err = Eval[string](b, `document.body.dataset.status`); err != nil {
				return res, err
			}
			if res.AmbStatus != "ambiguous" {
				break
			}
			in, err := Eval[[]int64](b, `document.getElementById('amb-input').textContent.split(',').map(function(s){return Number(s.trim())})`)
			if err != nil {
				return res, err
			}
			res.AmbInputs = append(res.AmbInputs, in)
			if round == 0 {
				if err := shot("synth-ambiguous", base+"/synth"); err != nil {
					return res, err
				}
			}
			if err := run(
				chromedp.SetValue(chromedp.CSS("#amb-output"), fmt.Sprint(opt.Intended(in))),
				chromedp.Click(chromedp.CSS("#amb-go")),
				poll(`document.body.dataset.status !== undefined`),
			); err != nil {
				return res, fmt.Errorf("browser: answering the ambiguity: %w", err)
			}
		}
		if res.AmbExamples, err = Eval[string](b, `document.getElementById('syn-examples').value`); err != nil {
			return res, err
		}
		if res.AmbStatus == "solved" {
			if res.AmbTry, err = try("12"); err != nil {
				return res, err
			}
		}
	}

	// A long search, cancelled.
	if err := run(
		chromedp.SetValue(chromedp.CSS("#syn-examples"), opt.Hard),
		chromedp.SetValue(chromedp.CSS("#syn-budget"), "30s"),
		chromedp.Click(chromedp.CSS("#syn-go")),
		poll(`document.body.dataset.searching === '1' && Number(document.getElementById('syn-cands').textContent.replace(/,/g, '')) > 0`),
	); err != nil {
		return res, fmt.Errorf("browser: long search: %w", err)
	}
	if res.RunningBefore, err = searchesRunning(base); err != nil {
		return res, err
	}
	if err := shot("synth-searching", base+"/synth"); err != nil {
		return res, err
	}
	if err := run(chromedp.Click(chromedp.CSS("#syn-cancel")), poll(`document.body.dataset.searching === '0'`)); err != nil {
		return res, err
	}
	res.RunningAfter = -1
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if res.RunningAfter, err = searchesRunning(base); err != nil || res.RunningAfter == 0 {
			break
		}
	}
	if err != nil {
		return res, err
	}
	if res.CancelStatus, err = Eval[string](b, `document.getElementById('syn-status').textContent`); err != nil {
		return res, err
	}
	if err := shot("synth-cancelled", base+"/synth"); err != nil {
		return res, err
	}
	return res, nil
}

// searchesRunning asks the server how many searches run now.
func searchesRunning(base string) (int, error) {
	c := http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(base + "/api/synth/running")
	if err != nil {
		return 0, fmt.Errorf("browser: %w", err)
	}
	defer resp.Body.Close()
	var m struct {
		Running int `json:"running"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		return 0, fmt.Errorf("browser: /api/synth/running: %w", err)
	}
	return m.Running, nil
}
