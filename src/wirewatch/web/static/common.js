// Shared helpers. Untrusted text is only ever set with textContent, never innerHTML.
"use strict";
const WW = (function () {
  const cfg = JSON.parse(document.getElementById("ww-config").textContent);
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "href" && !/^\/(?!\/)/.test(String(v))) continue;  // only same-site links
      node.setAttribute(k, v);
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function colour(type) { return cfg.colours[type] || "#566573"; }
  function paintSwatches(root) {
    (root || document).querySelectorAll("[data-colour]").forEach(function (n) {
      const c = n.getAttribute("data-colour");
      if (/^#[0-9a-fA-F]{6}$/.test(c)) { n.style.backgroundColor = c; }
    });
  }
  function basemap(map) {
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;
    return fetch("/static/basemap/countries.geojson").then(function (r) { return r.json(); }).then(function (g) {
      L.geoJSON(g, { pane: "basemap", interactive: false,
        style: { color: "#9aa5b1", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { paintSwatches(document); });
  // stored values stay codes; only what is shown is translated (labels of the page's language)
  function typeLabel(code) { return (cfg.labels && cfg.labels.plover[code]) || code; }
  function acledLabel(value) { return (cfg.labels && cfg.labels.acled[value]) || value; }
  // place and country in the page's language (the API adds the labels; stored names are the fallback)
  function placeText(e, empty) {
    const place = e.place_label || e.place_name || empty;
    const country = e.country_label || e.country;
    return place + (country ? ", " + country : "");
  }
  return { cfg: cfg, el: el, colour: colour, basemap: basemap, paintSwatches: paintSwatches, placeText: placeText,
           typeLabel: typeLabel, acledLabel: acledLabel,
           s: function (k) { return cfg.strings[k] || k; } };
})();
