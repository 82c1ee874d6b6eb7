// The map page: map, timeline and list share one filter state; brushing the timeline sets the time range.
"use strict";
(function () {
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#events tbody");
  const moreBtn = document.getElementById("more");
  const GRID_BELOW_ZOOM = 6;      // below this zoom the server aggregates events into grid cells
  const POINT_LIMIT = 1000;       // never more markers than this in one view
  const AREA_KM = { 2: 25, 3: 120 };  // ACLED geo_precision -> radius of the "somewhere here" circle
  let cursor = null;
  let brush = null;

  const map = L.map("map", { worldCopyJump: true, preferCanvas: false, zoomControl: true })
    .setView([15, 10], 2);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  WW.basemap(map);
  const layer = L.layerGroup().addTo(map);

  function params(withBbox) {
    const p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim() !== "") p.append(k, String(v).trim()); });
    if (brush) { p.set("since", brush[0]); p.set("until", brush[1]); }
    if (withBbox) {
      const b = map.getBounds();
      const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
      p.set("bbox", [w, Math.max(-90, b.getSouth()), e, Math.min(90, b.getNorth())].map(function (x) { return x.toFixed(4); }).join(","));
    }
    return p;
  }

  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) { return r.json().then(function (j) { throw new Error(j.error || r.status); }); }
      return r.json();
    });
  }

  function popup(e) {
    const box = WW.el("div", { "class": "pop" });
    const a = WW.el("a", { href: "/events/" + encodeURIComponent(e.id) }, WW.typeLabel(e.plover_type) + " · " + e.day);
    box.appendChild(a);
    box.appendChild(WW.el("div", {}, WW.placeText(e, "")));
    box.appendChild(WW.el("div", { "class": "muted" }, WW.s("killed") + ": " + (e.fatalities == null ? "—" : e.fatalities) +
      " · " + e.independent + " src · " + (e.precision > 1 ? WW.s("area") : WW.s("point"))));
    return box;
  }

  function drawPoints(items) {
    const cluster = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
    items.forEach(function (e) {
      if (e.lat == null) return;
      const c = WW.colour(e.plover_type);
      const r = 5 + Math.min(12, Math.sqrt(e.fatalities || 0) * 2);
      const m = L.circleMarker([e.lat, e.lon], { radius: r, color: "#fff", weight: 1, fillColor: c, fillOpacity: 0.9 });
      m.bindPopup(function () { return popup(e); });
      cluster.addLayer(m);
      if (e.precision > 1) {
        layer.addLayer(L.circle([e.lat, e.lon], { radius: (AREA_KM[e.precision] || 120) * 1000, color: c, weight: 1,
          dashArray: "4 4", fill: true, fillOpacity: 0.05, interactive: false }));
      }
    });
    layer.addLayer(cluster);
  }

  function drawCells(cells) {
    cells.forEach(function (c) {
      const r = 6 + Math.min(30, Math.sqrt(c.count) * 3);
      const m = L.circleMarker([c.lat, c.lon], { radius: r, color: "#fff", weight: 1.5, fillColor: WW.colour(c.type), fillOpacity: 0.8 });
      m.bindTooltip(c.count + " " + WW.s("events") + " · " + WW.s("killed") + " " + c.fatalities, { direction: "top" });
      m.on("click", function () { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 12)); });
      layer.addLayer(m);
    });
  }

  function refreshMap() {
    const p = params(true);
    const zoom = map.getZoom();
    let req;
    if (zoom < GRID_BELOW_ZOOM) {
      p.set("zoom", zoom);
      req = getJSON("/api/events/grid?" + p).then(function (d) { layer.clearLayers(); drawCells(d.cells); });
    } else {
      p.set("limit", POINT_LIMIT);
      p.set("display_lang", WW.cfg.lang);
      req = getJSON("/api/events?" + p).then(function (d) { layer.clearLayers(); drawPoints(d.items); });
    }
    return req.catch(function (err) { console.warn(err); });
  }

  function row(e) {
    const tr = WW.el("tr", { "data-id": e.id });
    const td1 = WW.el("td", { "class": "mono" });
    td1.appendChild(WW.el("a", { href: "/events/" + encodeURIComponent(e.id), "class": "event-link" }, e.day));
    tr.appendChild(td1);
    const td2 = WW.el("td");
    const sw = WW.el("i", { "class": "sw" });
    sw.style.backgroundColor = WW.colour(e.plover_type);
    td2.appendChild(sw);
    td2.appendChild(document.createTextNode(WW.typeLabel(e.plover_type) + (e.acled_sub_event_type ? " · " + WW.acledLabel(e.acled_sub_event_type) : "")));
    tr.appendChild(td2);
    tr.appendChild(WW.el("td", {}, WW.placeText(e, "—") + (e.precision > 1 ? " ◌" : "")));
    tr.appendChild(WW.el("td", { "class": "num" + (e.disputed ? " disputed" : "") }, e.fatalities == null ? "" : e.fatalities + (e.disputed ? "±" : "")));
    tr.appendChild(WW.el("td", { "class": "num" }, e.independent));
    const td6 = WW.el("td", { "class": "review" });
    // the default state says nothing: a quiet dot keeps the column narrow and reviewed rows stand out
    if (e.review === "unreviewed") td6.appendChild(WW.el("span", { "class": "muted", title: WW.s(e.review) }, "·"));
    else td6.appendChild(WW.el("span", { "class": "badge review-" + e.review }, WW.s(e.review)));
    tr.appendChild(td6);
    tr.addEventListener("mouseenter", function () { if (e.lat != null) highlight(e); });
    return tr;
  }

  let ghost = null;
  function highlight(e) {
    if (ghost) map.removeLayer(ghost);
    ghost = L.circleMarker([e.lat, e.lon], { radius: 14, color: "#111", weight: 2, fill: false, interactive: false }).addTo(map);
  }

  function refreshList(append) {
    const p = params(false);
    p.set("limit", 50);
    p.set("display_lang", WW.cfg.lang);
    if (append && cursor) p.set("cursor", cursor); else p.set("count", "1");
    return getJSON("/api/events?" + p).then(function (d) {
      if (!append) { tbody.replaceChildren(); document.getElementById("total").textContent = "(" + d.total + " " + WW.s("total") + ")"; }
      d.items.forEach(function (e) { tbody.appendChild(row(e)); });
      cursor = d.next_cursor;
      moreBtn.hidden = !cursor;
      document.getElementById("none").hidden = tbody.children.length > 0;
    }).catch(function (err) { console.warn(err); });
  }

  // ---------------------------------------------------------------- timeline (own SVG, brushable)
  const svg = document.getElementById("timeline");
  const NS = "http://www.w3.org/2000/svg";
  let days = [];

  function svgEl(tag, attrs) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    return n;
  }

  function dayNum(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000; }
  function dayStr(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

  // axis ticks between the end dates: years over long spans, months or weeks over shorter ones
  function ticks(first, last) {
    const out = [], days = last - first, start = new Date(first * 86400000);
    if (days > 3 * 365) {
      for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) / 86400000 < last; y++) {
        out.push([Date.UTC(y, 0, 1) / 86400000, String(y)]);
      }
    } else if (days > 75) {
      const step = days > 400 ? 3 : 1;
      for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); ; m += step) {
        const n = Date.UTC(y, m, 1) / 86400000;
        if (n >= last) break;
        out.push([n, dayStr(n).slice(0, 7)]);
      }
    } else {
      for (let n = first + 7; n < last; n += 7) out.push([n, dayStr(n).slice(5)]);
    }
    return out;
  }

  function refreshTimeline() {
    const p = params(false);
    p.delete("since"); p.delete("until");
    if (!brush) { ["since", "until"].forEach(function (k) { const v = form.elements[k].value; if (v) p.set(k, v); }); }
    return getJSON("/api/timeline?" + p).then(function (d) { days = d.days; drawTimeline(); });
  }

  function drawTimeline() {
    svg.replaceChildren();
    const W = svg.clientWidth || 600, H = svg.clientHeight || 90, pad = 18;
    if (!days.length) return;
    const first = dayNum(days[0].day), last = dayNum(days[days.length - 1].day) + 1;
    const span = Math.max(1, last - first);
    const stacks = {};
    days.forEach(function (d) { (stacks[d.day] = stacks[d.day] || []).push(d); });
    let max = 1;
    Object.values(stacks).forEach(function (s) { max = Math.max(max, s.reduce(function (a, b) { return a + b.count; }, 0)); });
    const bw = Math.max(1, (W - 2) / span - 0.5);
    Object.entries(stacks).forEach(function ([day, s]) {
      let y = H - pad;
      const x = 1 + (dayNum(day) - first) / span * (W - 2);
      s.forEach(function (d) {
        const h = d.count / max * (H - pad - 4);
        const r = svgEl("rect", { x: x, y: y - h, width: bw, height: Math.max(h, 0.5), fill: WW.colour(d.type) });
        const tip = svgEl("title", {}); tip.textContent = day + " · " + WW.typeLabel(d.type) + " · " + d.count;
        r.appendChild(tip);
        svg.appendChild(r);
        y -= h;
      });
    });
    svg.appendChild(svgEl("line", { x1: 0, y1: H - pad + 0.5, x2: W, y2: H - pad + 0.5, "class": "baseline" }));
    ticks(first, last).forEach(function ([n, label]) {
      const x = 1 + (n - first) / span * (W - 2);
      svg.appendChild(svgEl("line", { x1: x, y1: H - pad, x2: x, y2: H - pad + 4, "class": "tick" }));
      if (x < 80 || x > W - 80) return;  // the end dates are written there
      const t = svgEl("text", { x: x, y: H - 4, "class": "axis", "text-anchor": "middle" }); t.textContent = label;
      svg.appendChild(t);
    });
    const l1 = svgEl("text", { x: 2, y: H - 4, "class": "axis" }); l1.textContent = dayStr(first);
    const l2 = svgEl("text", { x: W - 2, y: H - 4, "class": "axis", "text-anchor": "end" }); l2.textContent = dayStr(last - 1);
    svg.appendChild(l1); svg.appendChild(l2);
    svg.dataset.first = first; svg.dataset.span = span;
    if (brush) {
      const x0 = (dayNum(brush[0]) - first) / span * W, x1 = (dayNum(brush[1]) + 1 - first) / span * W;
      svg.appendChild(svgEl("rect", { x: x0, y: 0, width: Math.max(2, x1 - x0), height: H - pad, "class": "brush" }));
    }
  }

  function toDay(clientX) {
    const b = svg.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - b.left) / b.width));
    return dayStr(Math.floor(+svg.dataset.first + f * +svg.dataset.span));
  }

  let dragFrom = null;
  svg.addEventListener("mousedown", function (ev) { if (days.length) { dragFrom = toDay(ev.clientX); ev.preventDefault(); } });
  window.addEventListener("mouseup", function (ev) {
    if (dragFrom === null) return;
    const to = toDay(ev.clientX);
    brush = dragFrom <= to ? [dragFrom, to] : [to, dragFrom];
    dragFrom = null;
    document.getElementById("brush-label").textContent = brush[0] + " – " + brush[1];
    drawTimeline(); refreshMap(); refreshList(false); syncUrl();
  });
  svg.addEventListener("dblclick", function () { brush = null; document.getElementById("brush-label").textContent = ""; drawTimeline(); refreshAll(); });

  function syncUrl() {
    const p = params(false);
    history.replaceState(null, "", "/?" + p.toString());
    document.querySelectorAll("a.export").forEach(function (a) { a.setAttribute("href", "/api/export/events." + a.dataset.fmt + "?" + p); });
  }

  function refreshAll() { syncUrl(); refreshTimeline(); refreshMap(); return refreshList(false); }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); brush = null; document.getElementById("brush-label").textContent = ""; refreshAll(); });
  form.addEventListener("reset", function () { setTimeout(function () { brush = null; refreshAll(); }, 0); });
  moreBtn.addEventListener("click", function () { refreshList(true); });
  map.on("moveend", refreshMap);
  window.addEventListener("resize", drawTimeline);
  refreshAll().then(function () { document.body.dataset.ready = "1"; });
})();
