"use strict";
// Stepping in the playground: POST /api/trace, the stepper (stepper.js)
// under the form, and the page's state in its address: ?program=NAME or
// ?ir=TEXT, &args=..., &step=N, so a copied link opens the same view.
(function () {
  const $ = (id) => document.getElementById(id);
  const pg = window.IrsynthPlayground;
  let stepper = null;

  // link writes the request (and the step shown, if any) into the address.
  function link(body, step) {
    const q = new URLSearchParams();
    if (body.program) q.set("program", body.program); else q.set("ir", body.ir);
    q.set("args", body.args.join(" "));
    if (step !== null && step !== undefined) q.set("step", String(step));
    history.replaceState(null, "", location.pathname + "?" + q.toString());
  }
  window.IrsynthLink = link;

  async function trace(body, step) {
    const btn = $("step");
    btn.disabled = true;
    try {
      const r = await fetch("/api/trace", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const v = await r.json();
      if (!r.ok) { $("trace").hidden = true; pg.fail(v.error, body.ir); return; }
      $("out").hidden = true;
      $("trace").hidden = false;
      $("trace-meta").textContent = (v.steps.length - 1) + " steps on the reference interpreter, " + v.fuel + " fuel" +
        (v.cut ? " (cut at the " + v.max_steps + "-step limit)" : "");
      stepper = window.IrsynthStepper.mount($("stepper"), v, {
        globalKeys: true, step: step || 0,
        onStep: (i) => link(body, i),
      });
      $("trace").scrollIntoView({ block: "start" });
    } catch (e) {
      pg.fail({ kind: "network", message: e.message });
    } finally {
      btn.disabled = false;
    }
  }

  $("step").addEventListener("click", () => {
    let body;
    try {
      body = pg.request();
    } catch (e) {
      pg.fail({ kind: "args", message: e.message });
      return;
    }
    trace(body, 0);
  });
  $("run-form").addEventListener("submit", () => { if (stepper) stepper.stop(); $("trace").hidden = true; });

  // Open the state a link carries.
  async function open() {
    const q = new URLSearchParams(location.search);
    if (!q.has("program") && !q.has("ir")) return;
    if (q.has("program")) {
      if (!(await pg.loadProgram(q.get("program")))) return;
    } else {
      $("program").value = "";
      $("ir").value = q.get("ir");
    }
    if (q.has("args")) $("args").value = q.get("args");
    if (q.has("step")) {
      let body;
      try { body = pg.request(); } catch (e) { pg.fail({ kind: "args", message: e.message }); return; }
      await trace(body, Number(q.get("step")) || 0);
    }
  }
  open().finally(() => { document.body.dataset.linkLoaded = "1"; });
})();
