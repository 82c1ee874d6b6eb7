// Event page: a small map of the event's place; clicking it (or picking a candidate) fills the correction form.
"use strict";
(function () {
  const box = document.getElementById("event-map");
  if (!box) return;
  const lat = parseFloat(box.dataset.lat), lon = parseFloat(box.dataset.lon);
  const has = !isNaN(lat) && !isNaN(lon);
  const map = L.map(box, { zoomControl: true, attributionControl: false }).setView(has ? [lat, lon] : [10, 0], has ? 5 : 1);
  WW.basemap(map);
  if (has) {
    const prec = parseInt(box.dataset.precision, 10) || 1;
    if (prec > 1) L.circle([lat, lon], { radius: (prec === 2 ? 25 : 120) * 1000, color: "#c0392b", weight: 1, dashArray: "4 4", fillOpacity: 0.08 }).addTo(map);
    L.circleMarker([lat, lon], { radius: 7, color: "#fff", weight: 1.5, fillColor: "#c0392b", fillOpacity: 0.95 }).addTo(map);
  }
  const fields = ["place_name", "place_lat", "place_lon", "place_ref", "place_country"].reduce(function (o, k) { o[k] = document.getElementById(k); return o; }, {});
  if (!fields.place_lat) return;
  let pick = null;
  function setPlace(name, la, lo, ref, cc) {
    fields.place_name.value = name || ""; fields.place_lat.value = la.toFixed(5); fields.place_lon.value = lo.toFixed(5);
    fields.place_ref.value = ref || "analyst"; fields.place_country.value = cc || "";
    if (pick) map.removeLayer(pick);
    pick = L.circleMarker([la, lo], { radius: 8, color: "#1f6feb", weight: 3, fill: false }).addTo(map);
  }
  map.on("click", function (ev) { setPlace(fields.place_name.value, ev.latlng.lat, ev.latlng.lng, "analyst", ""); });
  const sel = document.getElementById("candidates");
  sel.addEventListener("change", function () {
    const o = sel.selectedOptions[0];
    if (!o || o.value === "") return;
    setPlace(o.dataset.name, parseFloat(o.dataset.lat), parseFloat(o.dataset.lon), o.dataset.ref, o.dataset.country);
  });
})();
