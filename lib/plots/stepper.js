// irsynth stepper: steps through an ir.Trace (the view plots.NewStepperView
// builds). Self-contained: no network, no libraries; the dashboard serves it
// as /static/stepper.js and notebook outputs carry it inline.
(function () {
  "use strict";
  if (window.IrsynthStepper) return;

  var CSS = [
    ".irsynth-stepper{font:16px/1.45 ui-monospace,'DejaVu Sans Mono',Menlo,monospace;color:#1d2330;border:1px solid #dde2ea;border-radius:6px;padding:10px;background:#fff;outline:none}",
    ".irsynth-stepper:focus-within,.irsynth-stepper:focus{border-color:#2f5bd3}",
    ".irsynth-stepper .st-bar{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin-bottom:8px}",
    ".irsynth-stepper button{font:inherit;font-size:15px;padding:4px 12px;border:1px solid #c7cfdb;border-radius:4px;background:#f5f7fa;color:#1d2330;cursor:pointer}",
    ".irsynth-stepper button:hover{background:#e8edf5}",
    ".irsynth-stepper input[type=range]{flex:1;min-width:160px}",
    ".irsynth-stepper .st-pos{min-width:9em;text-align:right}",
    ".irsynth-stepper .st-now{margin:4px 0 8px;font-size:17px}",
    ".irsynth-stepper .st-now b{color:#2f5bd3}",
    ".irsynth-stepper .st-edge{color:#8a5a00;margin-left:.6em}",
    ".irsynth-stepper .st-loop{color:#1e7b3c;margin-left:.6em}",
    ".irsynth-stepper .st-grid{display:grid;grid-template-columns:minmax(0,1.35fr) minmax(0,1fr) minmax(200px,.6fr);gap:10px}",
    ".irsynth-stepper .st-pane{background:#f5f7fa;border-radius:4px;padding:6px 8px;max-height:340px;overflow:auto}",
    ".irsynth-stepper .st-pane h4{margin:0 0 4px;font:600 13px system-ui,sans-serif;color:#5b6475;text-transform:uppercase;letter-spacing:.04em}",
    ".irsynth-stepper .st-ir div{white-space:normal;font-size:14px}",
    ".irsynth-stepper .st-wat div{white-space:pre;font-size:13px}",
    ".irsynth-stepper .st-op{padding:0 2px;border-radius:3px}",
    ".irsynth-stepper .st-op.cur{background:#2f5bd3;color:#fff;font-weight:700}",
    ".irsynth-stepper .st-wat div.cur{background:#dbe5ff;font-weight:700}",
    ".irsynth-stepper table{border-collapse:collapse;width:100%}",
    ".irsynth-stepper td{padding:1px 6px;border-bottom:1px solid #dde2ea;font-size:15px}",
    ".irsynth-stepper td.k{color:#5b6475;width:6em}",
    ".irsynth-stepper .changed{background:#fff1b8;font-weight:700}",
    ".irsynth-stepper .st-empty{color:#5b6475;font-style:italic}",
    ".irsynth-stepper .st-end{margin-top:8px;font-size:18px;font-weight:700}",
    ".irsynth-stepper .st-end.ok{color:#1e7b3c}.irsynth-stepper .st-end.bad{color:#b3261e}",
    ".irsynth-stepper .st-help{color:#5b6475;font:13px system-ui,sans-serif}"
  ].join("\n");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var EDGES = {
    if_true: "condition true: into the then-arm", if_false: "condition false: past the then-arm",
    skip_else: "end of then-arm: skip the else-arm", loop_enter: "enter the loop body (costs its opcodes in fuel)",
    loop_back: "branch taken: back to the loop start", fall_through: "branch not taken: fall through",
    loop_exit: "leave the loop", return: "return early"
  };

  // watLines maps each WAT line to the IR opcodes it came from, [lo, hi]
  // or null, from the notes the WAT printer writes: ";; 7 I32_GT_S", a
  // folded run ";; 15-17 CONST_2 CONST_1 I32_ADD", ";; fuel" for the fuel
  // bookkeeping (shown with the LOOP_BEGIN that pays). Lines without a
  // note belong to the note above them.
  function watLines(wat) {
    var lines = wat.replace(/\n$/, "").split("\n"), map = [], cur = null, curOp = "", inBody = false;
    for (var i = 0; i < lines.length; i++) {
      var l = lines[i], m = /;; (\d+)(?:-(\d+))? ([A-Z0-9_ ]+?)\s*$/.exec(l);
      if (/^\s*\(func /.test(l)) inBody = true;
      if (/^\s*\((global|export)/.test(l)) inBody = false;
      if (m) {
        cur = [Number(m[1]), Number(m[2] || m[1])];
        curOp = m[3].split(" ").pop();
      } else if (/;; fuel\s*$/.test(l)) {
        cur = curOp === "LOOP_BEGIN" ? cur : null;
      }
      map.push(inBody && !/^\s*\(local /.test(l) ? cur : null);
    }
    return { lines: lines, map: map };
  }

  function mount(root, v, opts) {
    opts = opts || {};
    if (!document.getElementById("irsynth-stepper-css")) {
      var st = el("style");
      st.id = "irsynth-stepper-css";
      st.textContent = CSS;
      document.head.appendChild(st);
    }
    root.textContent = "";
    root.classList.add("irsynth-stepper");
    root.tabIndex = 0;
    var n = v.steps.length, pos = 0, timer = null;

    var bar = el("div", "st-bar");
    function btn(role, label, title) {
      var b = el("button", "", label);
      b.type = "button";
      b.dataset.role = role;
      b.title = title;
      bar.appendChild(b);
      return b;
    }
    var bStart = btn("start", "|◀ first", "first step (Home)"), bBack = btn("back", "◀ back", "step back (←)"),
      bFwd = btn("forward", "step ▶", "step forward (→)"), bPlay = btn("play", "play", "play / pause (space)"),
      bEnd = btn("end", "end ▶|", "run to the end (End)");
    var slider = el("input");
    slider.type = "range";
    slider.min = 0;
    slider.max = n - 1;
    slider.value = 0;
    slider.dataset.role = "slider";
    slider.setAttribute("aria-label", "step");
    bar.appendChild(slider);
    var posEl = el("span", "st-pos");
    posEl.dataset.role = "pos";
    bar.appendChild(posEl);
    root.appendChild(bar);

    var now = el("div", "st-now");
    now.dataset.role = "now";
    root.appendChild(now);

    var grid = el("div", "st-grid");
    var irPane = el("div", "st-pane st-ir"), watPane = el("div", "st-pane st-wat"), statePane = el("div", "st-pane st-state");
    irPane.appendChild(el("h4", "", "IR " + v.name + "(" + v.args.join(", ") + ")"));
    watPane.appendChild(el("h4", "", "WAT"));
    grid.appendChild(irPane);
    grid.appendChild(watPane);
    grid.appendChild(statePane);
    root.appendChild(grid);

    var opSpans = [];
    v.lines.forEach(function (ln) {
      var d = el("div");
      d.style.paddingLeft = (2 * ln[0] + 4) + "ch"; // a wrapped statement hangs 4ch in
      d.style.textIndent = "-4ch";
      for (var i = ln[1]; i < ln[2]; i++) {
        if (i > ln[1]) d.appendChild(document.createTextNode(" "));
        var s = el("span", "st-op", v.ops[i]);
        s.dataset.index = i;
        opSpans[i] = s;
        d.appendChild(s);
      }
      irPane.appendChild(d);
    });
    var wl = watLines(v.wat || ""), watDivs = [];
    wl.lines.forEach(function (l) {
      var d = el("div", "", l);
      watDivs.push(d);
      watPane.appendChild(d);
    });

    var end = el("div", "st-end");
    end.dataset.role = "outcome";
    root.appendChild(end);
    var help = el("div", "st-help", "Keys: ← → step, space play/pause, Home/End first/last step." +
      (v.cut ? " The trace stops after " + v.max_steps + " steps." : ""));
    root.appendChild(help);

    function table(title, role, rows) {
      statePane.appendChild(el("h4", "", title));
      var t = el("table");
      t.dataset.role = role;
      if (rows.length === 0) {
        var tr = el("tr"), td = el("td", "st-empty", "empty");
        tr.appendChild(td);
        t.appendChild(tr);
      }
      rows.forEach(function (r) {
        var tr = el("tr"), k = el("td", "k", r[0]), val = el("td", r[2] ? "changed" : "", String(r[1]));
        val.dataset.value = r[1];
        tr.appendChild(k);
        tr.appendChild(val);
        t.appendChild(tr);
      });
      statePane.appendChild(t);
    }

    // Memory: the words the stores up to step p wrote (every other word is
    // 0), at most MEM_ROWS of them around the latest store; the word step p
    // wrote is marked.
    var usesMemory = v.steps.some(function (x) { return !!x.store; }), MEM_ROWS = 24;
    function memoryRows(p) {
      var mem = {}, last = null;
      for (var i = 0; i <= p; i++) {
        var st = v.steps[i].store;
        if (st) { mem[st.addr] = st.value; last = st.addr; }
      }
      var addrs = Object.keys(mem).map(Number).sort(function (a, b) { return a - b; });
      if (addrs.length > MEM_ROWS) {
        var at = Math.max(0, addrs.indexOf(last) - MEM_ROWS / 2);
        addrs = addrs.slice(Math.min(at, addrs.length - MEM_ROWS), Math.min(at, addrs.length - MEM_ROWS) + MEM_ROWS);
      }
      var cur = v.steps[p].store;
      return addrs.map(function (a) { return ["[" + a + "]", mem[a], !!cur && cur.addr === a]; });
    }

    function render() {
      var s = v.steps[pos], prev = pos > 0 ? v.steps[pos - 1] : s;
      slider.value = pos;
      posEl.textContent = "step " + pos + " / " + (n - 1);
      now.textContent = "";
      now.appendChild(document.createTextNode("op " + s.index + " "));
      now.appendChild(el("b", "", s.op));
      if (s.edge) now.appendChild(el("span", "st-edge", EDGES[s.edge] || s.edge));
      if (s.loop >= 0) {
        var lp = el("span", "st-loop", "loop @" + s.loop + ": iteration " + s.iteration);
        lp.dataset.role = "iteration";
        now.appendChild(lp);
      }
      opSpans.forEach(function (sp, i) { sp.classList.toggle("cur", i === s.index); });
      var first = null;
      watDivs.forEach(function (d, i) {
        var r = wl.map[i], on = r !== null && r[0] <= s.index && s.index <= r[1];
        d.classList.toggle("cur", on);
        if (on && !first) first = d;
      });
      scrollInto(irPane, opSpans[s.index]);
      scrollInto(watPane, first);
      statePane.textContent = "";
      var rows = [];
      for (var i = s.stack.length - 1; i >= 0; i--) {
        rows.push([i === s.stack.length - 1 ? "top" : "[" + i + "]", s.stack[i], pos > 0 && (i >= prev.stack.length || prev.stack[i] !== s.stack[i])]);
      }
      table("stack", "stack", rows);
      table("locals", "locals", s.locals.map(function (x, i) { return ["LOCAL_" + i, x, x !== prev.locals[i]]; }));
      if (usesMemory) table("memory (words written so far)", "memory", memoryRows(pos));
      table("fuel", "fuel", [["left", s.fuel, s.fuel !== prev.fuel]]);
      end.className = "st-end";
      end.textContent = "";
      if (pos === n - 1) {
        if (v.cut) {
          end.textContent = "stopped after " + n + " steps (the step limit); the run goes on";
        } else if (v.error) {
          end.classList.add("bad");
          end.textContent = v.error;
        } else {
          end.classList.add("ok");
          end.appendChild(document.createTextNode(v.name + "(" + v.args.join(", ") + ") = "));
          var r = el("span", "st-result", String(v.value));
          r.dataset.role = "result";
          end.appendChild(r);
        }
      }
      root.dataset.step = pos;
      if (opts.onStep) opts.onStep(pos);
    }

    function scrollInto(pane, e) {
      if (!e) return;
      var top = e.offsetTop - pane.offsetTop;
      if (top < pane.scrollTop + 24 || top > pane.scrollTop + pane.clientHeight - 24) {
        pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
      }
    }

    function go(i) {
      pos = Math.max(0, Math.min(n - 1, i));
      render();
    }
    function stop() {
      if (timer) { clearInterval(timer); timer = null; }
      bPlay.textContent = "play";
    }
    function play() {
      if (timer) { stop(); return; }
      if (pos === n - 1) go(0);
      bPlay.textContent = "pause";
      timer = setInterval(function () { if (pos >= n - 1) stop(); else go(pos + 1); }, 120);
    }
    bStart.onclick = function () { stop(); go(0); };
    bBack.onclick = function () { stop(); go(pos - 1); };
    bFwd.onclick = function () { stop(); go(pos + 1); };
    bEnd.onclick = function () { stop(); go(n - 1); };
    bPlay.onclick = play;
    slider.oninput = function () { stop(); go(Number(slider.value)); };

    function key(ev) {
      var t = ev.target;
      if (t && t !== root && (t.tagName === "INPUT" && t.type !== "range" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      var k = ev.key;
      if (t && t.tagName === "BUTTON" && (k === " " || k === "Enter")) return; // the button's own click
      if (k === "ArrowRight") { stop(); go(pos + 1); } else if (k === "ArrowLeft") { stop(); go(pos - 1); } else if (k === " " || k === "Spacebar") play();
      else if (k === "Home") { stop(); go(0); } else if (k === "End") { stop(); go(n - 1); } else return;
      ev.preventDefault();
      ev.stopPropagation();
    }
    // The page owns the keyboard when it asks (the playground); in a
    // notebook only a focused stepper listens, so cells keep their keys.
    var keyTarget = opts.globalKeys ? document : root;
    if (root._irsynthKeys) root._irsynthKeys.target.removeEventListener("keydown", root._irsynthKeys.fn);
    keyTarget.addEventListener("keydown", key);
    root._irsynthKeys = { target: keyTarget, fn: key };

    go(opts.step || 0);
    return { go: go, step: function () { return pos; }, steps: n, stop: stop };
  }

  window.IrsynthStepper = { mount: mount };
})();
