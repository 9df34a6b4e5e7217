// The status page's live part: listens to /events/stream and redraws what an event says changed, from the
// read-only routes. Every value is set as text (textContent), never as markup.
"use strict";
(function () {
  const districtsEl = document.getElementById("districts");
  const nodesBody = document.querySelector("#nodes tbody");
  const detail = document.getElementById("node-detail");
  const eventsEl = document.getElementById("events");
  const live = document.getElementById("live");
  const maxEvents = 200;
  let selected = null;
  let refreshTimer = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) e.setAttribute(k, String(v));
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }

  function pct(n) { return (Math.round(n * 10) / 10) + "%"; }

  async function getJson(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(path + " answered " + r.status);
    return r.json();
  }

  // The same markup the server renders (StatusPage.District): keep the two alike.
  function district(d) {
    let util = d.utilisation === null || d.utilisation === undefined ? "utilisation unknown" : pct(d.utilisation) + " used";
    if (d.highWaterMark != null && d.lowWaterMark != null) util += " (low-water " + pct(d.lowWaterMark) + ", high-water " + pct(d.highWaterMark) + ")";
    const states = Object.keys(d.nodesByState).sort().map(k => k + " " + d.nodesByState[k]).join(" · ");
    const article = el("article", { class: "district", "data-district": d.name },
      el("h3", {}, d.name),
      el("p", { class: "bounds" }, "profile " + d.profile + " · " + d.minNodes + "–" + d.maxNodes + " nodes" + (d.paused ? " · paused" : "")),
      el("p", { class: "utilisation" }, util),
      meter(d),
      el("p", { class: "states" }, states),
      el("ul", { class: "conditions" }, ...d.conditions.map(c => el("li", { "data-condition": c.type }, c.type + ": " + c.message))));
    if (d.lastDecision) {
      article.append(el("p", { class: "decision" }, el("b", {}, d.lastDecision.kind), " " + d.lastDecision.reason));
    }
    return article;
  }

  // Utilisation as a bar with the water marks drawn on it.
  function meter(d) {
    const m = el("div", { class: "meter", role: "img", "aria-label": "utilisation against the water marks" });
    const fill = el("div", { class: "fill" });
    const u = d.utilisation == null ? 0 : Math.max(0, Math.min(100, d.utilisation));
    fill.style.width = u + "%";
    if (d.highWaterMark != null && d.utilisation >= d.highWaterMark) fill.classList.add("hot");
    else if (d.lowWaterMark != null && d.utilisation != null && d.utilisation <= d.lowWaterMark) fill.classList.add("cold");
    m.append(fill);
    for (const [cls, v] of [["low", d.lowWaterMark], ["high", d.highWaterMark]]) {
      if (v == null) continue;
      const mark = el("div", { class: "mark " + cls });
      mark.style.left = v + "%";
      m.append(mark);
    }
    return m;
  }

  function nodeRow(n) {
    const button = el("button", { type: "button", class: "node-link" }, n.name);
    return el("tr", { "data-node": n.name, "data-state": n.state },
      el("td", {}, button), el("td", {}, n.district), el("td", { class: "state" }, n.state),
      el("td", {}, n.activeGears == null ? "" : n.activeGears), el("td", {}, n.lastError || ""));
  }

  async function refresh() {
    try {
      const [d, n] = await Promise.all([getJson("/districts"), getJson("/nodes")]);
      districtsEl.replaceChildren(...d.districts.map(district));
      nodesBody.replaceChildren(...n.nodes.map(nodeRow));
      document.getElementById("starting")?.remove();
      document.body.dataset.refreshed = String(Date.now());
    } catch (e) {
      live.textContent = "could not read the controller: " + e.message;
    }
  }

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; refresh(); }, 250);
  }

  async function showNode(name) {
    selected = name;
    try {
      const body = await getJson("/nodes/" + encodeURIComponent(name));
      const n = body.node;
      document.getElementById("node-detail-name").textContent = n.name;
      document.getElementById("node-detail-summary").textContent =
        n.state + " · district " + n.district + " · server " + (n.serverId || "none") + (n.lastError ? " · " + n.lastError : "");
      detail.querySelector("tbody").replaceChildren(...n.history.map(h =>
        el("tr", { "data-history-state": h.state }, el("td", {}, h.at), el("td", {}, h.state), el("td", {}, h.event), el("td", {}, h.detail || ""))));
      detail.dataset.node = n.name;
      detail.dataset.state = n.state;
      detail.hidden = false;
    } catch (e) {
      document.getElementById("node-detail-summary").textContent = e.message;
      detail.hidden = false;
    }
  }

  function addEvent(e) {
    eventsEl.prepend(el("li", { "data-kind": e.kind, "data-event-id": e.id },
      el("time", {}, e.at), " ", el("b", {}, e.kind + " " + e.type), " " + e.district + (e.node ? " " + e.node : "") + ": " + e.message));
    while (eventsEl.children.length > maxEvents) eventsEl.lastElementChild.remove();
  }

  nodesBody.addEventListener("click", ev => {
    const row = ev.target.closest("tr[data-node]");
    if (row && ev.target.closest("button")) showNode(row.dataset.node);
  });

  function listen() {
    const source = new EventSource("/events/stream");
    source.onopen = () => { live.dataset.live = "open"; live.textContent = "live"; refresh(); };
    const onEvent = m => {
      const e = JSON.parse(m.data);
      addEvent(e);
      scheduleRefresh();
      if (selected && e.node === selected) showNode(selected);
    };
    for (const kind of ["node", "decision", "condition", "operator"]) source.addEventListener(kind, onEvent);
    source.onerror = () => {
      live.dataset.live = "reconnecting";
      live.textContent = "reconnecting…";
      // The browser retries by itself unless the answer was an error; then try again a little later.
      if (source.readyState === EventSource.CLOSED) setTimeout(listen, 5000);
    };
  }

  getJson("/events?limit=50").then(b => b.events.slice().reverse().forEach(addEvent)).catch(() => {});
  listen();
})();
