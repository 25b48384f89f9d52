"use strict";
// The playground: load a library program, run IR text with arguments via
// POST /api/run, show the result or the validation error with the
// offending opcode marked.
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("run-form"), sel = $("program"), args = $("args"), text = $("ir");
  let loaded = { name: "", text: "" };

  function show(el, on) { el.hidden = !on; }

  sel.addEventListener("change", async () => {
    const name = sel.value;
    if (!name) { loaded = { name: "", text: "" }; return; }
    const r = await fetch("/api/programs/" + encodeURIComponent(name));
    const p = await r.json();
    if (!r.ok) { fail(p.error); return; }
    text.value = "# " + p.name + ": " + p.summary + "\n" + p.indented;
    loaded = { name: p.name, text: text.value };
    args.value = sel.selectedOptions[0].dataset.example || "";
    show($("ir-marked"), false);
  });

  function parseArgs(s) {
    const toks = s.split(/[\s,]+/).filter((t) => t !== "");
    return toks.map((t, i) => {
      if (!/^[-+]?\d+$/.test(t)) throw new Error("argument " + (i + 1) + " (" + JSON.stringify(t) + ") is not an integer");
      return Number(t);
    });
  }

  function hexDump(hex) {
    const lines = [];
    for (let i = 0; i < hex.length; i += 32) {
      const chunk = hex.slice(i, i + 32).match(/../g).join(" ");
      lines.push((i / 2).toString(16).padStart(4, "0") + "  " + chunk);
    }
    return lines.join("\n");
  }

  function fail(err, source) {
    show($("out"), true);
    show($("details"), false);
    $("result").textContent = "";
    show($("asked"), false);
    const box = $("error");
    box.textContent = (err.kind ? err.kind + ": " : "") + err.message;
    show(box, true);
    const marked = $("ir-marked");
    if (source !== undefined && err.span) {
      const [a, b] = err.span;
      marked.textContent = "";
      marked.append(source.slice(0, a));
      const m = document.createElement("mark");
      m.id = "bad-op";
      m.title = "op " + err.index + ": " + (err.rule || "");
      m.textContent = source.slice(a, b);
      marked.append(m, source.slice(b));
      show(marked, true);
      if (source === text.value) {
        text.focus();
        text.setSelectionRange(a, b);
      }
    } else {
      show(marked, false);
    }
  }

  function showRun(out) {
    show($("error"), false);
    show($("ir-marked"), false);
    show($("out"), true);
    const res = $("result");
    res.textContent = out.name + "(" + out.args.join(", ") + ") = ";
    const v = document.createElement("span");
    v.className = "value";
    v.id = "value";
    v.textContent = String(out.result);
    res.append(v);
    $("prog-meta").textContent = out.length + " opcodes, arity " + out.arity + ", answered in " + (out.elapsed_ns / 1000).toFixed(1) + " µs";
    $("prog-text").textContent = out.indented;
    $("wat").textContent = out.wat;
    $("wasm-size").textContent = out.wasm_size + " bytes";
    $("wasm").textContent = hexDump(out.wasm_hex);
    show($("details"), true);
  }

  // Natural-language requests, once a model is trained.
  const askForm = $("ask-form"), askStatus = $("ask-status"), askModel = $("ask-model");
  fetch("/api/models").then((r) => r.json()).then((m) => {
    const ready = m.models.filter((x) => x.available);
    for (const opt of askModel.options) {
      const info = m.models.find((x) => x.kind === opt.value);
      opt.disabled = !(info && info.available);
    }
    if (ready.length === 0) {
      askForm.dataset.ready = "0";
      askStatus.textContent = "No trained model yet (irsynth train classifier|decoder); IR and library programs work meanwhile.";
      $("ask").disabled = true;
    } else {
      askModel.value = ready[0].kind;
      askForm.dataset.ready = "1";
      askStatus.textContent = "Trained: " + ready.map((x) => x.kind + (x.labels ? " (knows " + x.labels.join(", ") + ")" : "")).join("; ");
    }
  }, () => { askForm.dataset.ready = "0"; askStatus.textContent = "could not ask the server for models"; });

  askForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    $("ask").disabled = true;
    try {
      const r = await fetch("/api/ask", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: $("ask-text").value, model: askModel.value }) });
      const out = await r.json();
      if (!r.ok) { fail(out.error, out.error.program); return; }
      showRun(out.run);
      const a = $("asked");
      a.textContent = out.model + " read “" + out.text + "” as " + (out.model === "classifier" ? out.predicted : "a program of its own") +
        " with operands [" + out.operands.join(", ") + "]";
      show(a, true);
    } catch (e) {
      fail({ kind: "network", message: e.message });
    } finally {
      $("ask").disabled = false;
    }
  });

  // request is what the form asks for: a library program by name while its
  // text is unchanged, else the IR text; throws on bad arguments.
  function request() {
    const body = { args: parseArgs(args.value) };
    const source = text.value;
    if (loaded.name && source === loaded.text) body.program = loaded.name; else body.ir = source;
    return body;
  }
  // For playground_step.js (stepping and links).
  window.IrsynthPlayground = { request, fail, loadProgram: async (name) => {
    sel.value = name;
    sel.dispatchEvent(new Event("change"));
    for (let i = 0; i < 100 && loaded.name !== name; i++) await new Promise((r) => setTimeout(r, 30));
    return loaded.name === name;
  } };

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let body;
    try {
      body = request();
    } catch (e) {
      fail({ kind: "args", message: e.message });
      return;
    }
    if (window.IrsynthLink) window.IrsynthLink(body, null);
    $("run").disabled = true;
    try {
      const r = await fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const out = await r.json();
      if (!r.ok) { fail(out.error, body.ir); return; }
      show($("asked"), false);
      showRun(out);
    } catch (e) {
      fail({ kind: "network", message: e.message });
    } finally {
      $("run").disabled = false;
    }
  });
})();
