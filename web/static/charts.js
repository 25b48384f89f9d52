"use strict";
// Draws every chart from /api/charts/<id> and redraws when /api/version
// reports that a results file changed.
(function () {
  const grid = document.querySelector(".charts");
  const status = document.getElementById("status");
  const instances = {};
  let version = grid.dataset.version;

  async function getJSON(url) {
    const r = await fetch(url, { cache: "no-store" });
    const body = await r.json();
    if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
    return body;
  }

  async function draw(info) {
    const el = document.getElementById("chart-" + info.id);
    const none = document.getElementById("none-" + info.id);
    if (!el) return;
    if (!info.available) {
      if (instances[info.id]) { instances[info.id].dispose(); delete instances[info.id]; }
      el.hidden = true;
      none.hidden = false;
      none.textContent = info.title + ": " + (info.reason || "not run yet");
      return;
    }
    const option = await getJSON(info.url);
    el.hidden = false;
    none.hidden = true;
    const chart = instances[info.id] || (instances[info.id] = echarts.init(el, null, { renderer: "canvas" }));
    chart.setOption(option, true);
  }

  async function refresh() {
    const list = await getJSON("/api/charts");
    for (const c of list.charts) {
      try { await draw(c); } catch (e) { status.textContent = c.id + ": " + e.message; }
    }
    version = list.version;
    document.body.dataset.chartsVersion = version;
  }

  async function poll() {
    try {
      const v = await getJSON("/api/version");
      if (v.version !== version) {
        await refresh();
        status.textContent = "updated " + new Date().toLocaleTimeString();
      }
    } catch (e) {
      status.textContent = "server not answering";
    }
    setTimeout(poll, 2000);
  }

  window.addEventListener("resize", () => Object.values(instances).forEach((c) => c.resize()));
  refresh().then(() => setTimeout(poll, 2000), (e) => { status.textContent = e.message; });
})();
