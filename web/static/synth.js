"use strict";
// The synthesis page: POST /api/synth streamed as server-sent events
// (progress, then the record), cancel through AbortController (the server
// stops the search when the connection closes), the ambiguity question, a
// run of the found program on new inputs, and the request in the address.
(function () {
  const $ = (id) => document.getElementById(id);
  const text = $("syn-text"), examples = $("syn-examples"), budget = $("syn-budget");
  let controller = null;

  function show(id, on) { $(id).hidden = !on; }

  function state(extra) {
    const q = new URLSearchParams();
    if (text.value) q.set("text", text.value);
    q.set("examples", examples.value);
    q.set("budget", budget.value);
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    history.replaceState(null, "", location.pathname + "?" + q.toString());
  }

  function fail(err) {
    show("syn-error", true);
    $("syn-error").textContent = (err.kind ? err.kind + ": " : "") + err.message;
  }

  function busy(on) {
    $("syn-go").disabled = on;
    $("syn-cancel").disabled = !on;
    document.body.dataset.searching = on ? "1" : "0";
  }

  function progress(p) {
    $("syn-cands").textContent = p.candidates.toLocaleString("en");
    $("syn-size").textContent = String(p.size);
    $("syn-elapsed").textContent = (p.elapsed_ms / 1000).toFixed(1);
  }

  function showProgram(status, program, wat, summary) {
    show("syn-result", true);
    const st = $("syn-status");
    st.textContent = status;
    st.className = "status-word " + status;
    $("syn-summary").textContent = summary || "";
    show("syn-found", !!program);
    if (!program) return;
    $("syn-program").textContent = program;
    $("syn-wat").textContent = wat || "";
    show("syn-wat", !!wat);
    show("try-out", false);
    const first = (examples.value.split(/[,;\n]/)[0] || "").split(/→|->/)[0].replace(/[()\[\]]/g, " ").trim();
    $("syn-step").href = "/playground?" + new URLSearchParams({ ir: program, args: first, step: "0" }).toString();
  }

  function record(r) {
    document.body.dataset.status = r.status;
    progress({ candidates: r.candidates, size: r.cost_level || 0, elapsed_ms: Math.round(r.seconds * 1000) });
    const summary = r.candidates.toLocaleString("en") + " candidates in " + r.seconds.toFixed(2) + " s" +
      (r.stopped ? " (stopped: " + r.stopped + ")" : "") +
      (r.method ? "; from " + (r.method === "search" ? "the search" : r.method === "formula" ? "the text's formula" : "a closed form (" + r.method + ")") : "") +
      (r.formula ? ": " + r.formula : "") +
      (r.confidence ? "; the judge gives it " + Math.round(100 * r.confidence) + "%" : "");
    showProgram(r.status, r.program, r.wat, summary);
    const extra = { status: r.status };
    if (r.program) extra.program = r.program;
    state(extra);
    if (r.status === "ambiguous" && r.ambiguity) {
      const input = r.ambiguity.input.join(", ");
      $("amb-input").textContent = input;
      $("amb-input2").textContent = input;
      const ul = $("amb-candidates");
      ul.textContent = "";
      for (const c of r.ambiguity.candidates) {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = c.program;
        li.append(code, " gives ", c.error ? c.error : String(c.output));
        ul.append(li);
      }
      $("amb-output").value = "";
      show("syn-ambiguous", true);
      $("amb-output").focus();
    }
  }

  async function search() {
    delete document.body.dataset.status;
    show("syn-error", false);
    show("syn-ambiguous", false);
    show("syn-result", false);
    state();
    controller = new AbortController();
    busy(true);
    progress({ candidates: 0, size: 0, elapsed_ms: 0 });
    show("syn-progress", true);
    try {
      const r = await fetch("/api/synth", {
        method: "POST", signal: controller.signal,
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify({ text: text.value, examples: examples.value, budget: budget.value }),
      });
      if (!r.ok) { fail((await r.json()).error); return; }
      const reader = r.body.getReader(), dec = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let ev = "message", data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith("event: ")) ev = line.slice(7);
            else if (line.startsWith("data: ")) data += line.slice(6);
          }
          const v = JSON.parse(data);
          if (ev === "progress") progress(v);
          else if (ev === "result") record(v);
          else if (ev === "error") fail(v.error);
        }
      }
    } catch (e) {
      if (e.name === "AbortError") {
        showProgram("cancelled", "", "", "the search was stopped on the server");
        document.body.dataset.status = "cancelled";
      } else {
        fail({ kind: "network", message: e.message });
      }
    } finally {
      controller = null;
      busy(false);
    }
  }

  $("synth-form").addEventListener("submit", (ev) => { ev.preventDefault(); search(); });
  $("syn-cancel").addEventListener("click", () => { if (controller) controller.abort(); });

  $("amb-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const out = $("amb-output").value.trim();
    if (!/^[-+]?\d+$/.test(out)) { fail({ kind: "examples", message: "the output must be an integer" }); return; }
    const input = $("amb-input").textContent;
    const lhs = input.indexOf(",") >= 0 ? "(" + input + ")" : input;
    examples.value = examples.value.replace(/[\s,;]+$/, "") + ", " + lhs + "→" + out;
    search();
  });

  $("try-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const toks = $("try-args").value.split(/[\s,]+/).filter((t) => t !== "");
    if (!toks.every((t) => /^[-+]?\d+$/.test(t))) { fail({ kind: "args", message: "arguments must be integers" }); return; }
    const r = await fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ir: $("syn-program").textContent, args: toks.map(Number) }) });
    const out = await r.json();
    const box = $("try-out");
    show("try-out", true);
    if (!r.ok) { box.textContent = out.error.message; return; }
    box.textContent = "(" + out.args.join(", ") + ") = ";
    const v = document.createElement("span");
    v.className = "value";
    v.id = "try-value";
    v.textContent = String(out.result);
    box.append(v);
  });

  // A link restores the request and, when it carries one, the answer.
  const q = new URLSearchParams(location.search);
  if (q.has("text")) text.value = q.get("text");
  if (q.has("examples")) examples.value = q.get("examples");
  if (q.has("budget")) budget.value = q.get("budget");
  if (q.has("status")) showProgram(q.get("status"), q.get("program") || "", "", "(from the link)");
  document.body.dataset.ready = "1";
})();
