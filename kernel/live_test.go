package kernel_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/irsynth/irsynth/internal/testenv"
	"github.com/irsynth/irsynth/web/browser"
)

// TestLiveNotebook opens notebooks/01_ir_programs.ipynb in Debian's Jupyter
// Notebook server (on loopback, with this kernel installed) in headless
// Chromium, runs all cells as a user would, and checks what the browser
// shows: every code cell ran, no cell failed, a chart's canvas has ink, and
// the stepper renders and, stepped to its end, shows collatz_length(7) = 16.
func TestLiveNotebook(t *testing.T) {
	if testing.Short() {
		t.Skip("live notebook test skipped in -short mode")
	}
	needJupyter(t, "notebook", "jupyter_client")
	server := "/usr/bin/jupyter-notebook"
	if _, err := os.Stat(server); err != nil {
		testenv.Missing(t, "%s missing (scripts/setup.sh installs jupyter-notebook)", server)
	}
	chromium, err := browser.ChromiumPath()
	if err != nil {
		testenv.Missing(t, "%v", err)
	}

	// The notebook runs from a copy, so autosave cannot touch the repository.
	dir := t.TempDir()
	src, err := os.ReadFile("../notebooks/01_ir_programs.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "01_ir_programs.ipynb"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	const token = "irsynth-live-test"
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	home := t.TempDir()
	cmd := exec.CommandContext(ctx, python, server, "--no-browser", "--ip=127.0.0.1", fmt.Sprintf("--port=%d", port),
		"--port-retries=0", "--allow-root", "--NotebookApp.token="+token, "--NotebookApp.password=", "--notebook-dir="+dir)
	cmd.Env = append(jupyterEnv(home), "HOME="+home, "IRSYNTH_RESULTS="+t.TempDir())
	stderr, _ := cmd.StderrPipe()
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	logDone := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
		}
		close(logDone)
	}()
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		go func() { time.Sleep(5 * time.Second); cmd.Process.Kill() }()
		cmd.Wait()
		<-logDone
		if t.Failed() {
			t.Logf("jupyter-notebook log:\n%s", log.String())
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for up := false; !up; time.Sleep(200 * time.Millisecond) {
		select {
		case <-logDone:
			t.Fatal("jupyter-notebook exited")
		default:
		}
		if ctx.Err() != nil {
			t.Fatal("jupyter-notebook did not start")
		}
		if resp, err := http.Get(base + "/api/status?token=" + token); err == nil {
			resp.Body.Close()
			up = resp.StatusCode == 200
		}
	}

	b, err := browser.Start(ctx, browser.Options{ExecPath: chromium, Width: 1280, Height: 900})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	start := time.Now()
	ready := `typeof Jupyter !== 'undefined' && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()`
	if err := b.Open(base+"/notebooks/01_ir_programs.ipynb?token="+token, ready, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := browser.Eval[bool](b, `(Jupyter.notebook.execute_all_cells(), true)`); err != nil {
		t.Fatal(err)
	}
	done := `Jupyter.notebook.get_cells().filter(function(c){return c.cell_type==='code'}).every(function(c){return typeof c.input_prompt_number==='number'}) && !Jupyter.notebook.kernel_busy`
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(250 * time.Millisecond) {
		ok, err := browser.Eval[bool](b, done)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			prompts, _ := browser.Eval[[]string](b, `Array.from(document.querySelectorAll('.input_prompt')).map(function(e){return e.textContent})`)
			t.Fatalf("cells did not finish in 3 minutes (prompts %q)", prompts)
		}
	}
	t.Logf("ran all cells in %v", time.Since(start).Round(time.Millisecond))
	failed, err := browser.Eval[[]string](b, `Array.from(document.querySelectorAll('.output_error, .output_stderr')).map(function(e){return e.textContent.slice(0, 300)})`)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range failed {
		t.Errorf("a cell failed: %s", f)
	}
	ink := 0
	for deadline := time.Now().Add(15 * time.Second); ink < 2000 && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if ink, err = browser.Eval[int](b, browser.InkJS(".irsynth-chart canvas")); err != nil {
			t.Fatal(err)
		}
	}
	if ink < 2000 {
		t.Errorf("the chart drew %d pixels, want a drawn chart", ink)
	}
	if ok, err := browser.Eval[bool](b, `document.querySelector('.irsynth-stepper button[data-role=end]') !== null`); err != nil || !ok {
		t.Fatalf("no stepper in the output area (%v)", err)
	}
	got, err := browser.Eval[string](b, `(function(){var s=document.querySelector('.irsynth-stepper');
		s.querySelector('button[data-role=end]').click();
		var r=s.querySelector('[data-role=result]');return r?r.textContent:'(no result: '+s.querySelector('[data-role=outcome]').textContent+')'})()`)
	if err != nil {
		t.Fatal(err)
	}
	if got != "16" {
		t.Errorf("the stepper's last step shows %q, want collatz_length(7) = 16", got)
	}
	for _, e := range b.Errors() {
		t.Logf("console: %s", e)
	}
}
