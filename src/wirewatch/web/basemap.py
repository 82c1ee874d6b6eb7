"""Builds the offline basemap ``static/basemap/countries.geojson`` (country outlines, Natural Earth 1:110m).

No registry package ships Natural Earth outlines as GeoJSON inside its wheel; geopandas 0.14 ships them as
a shapefile (``geopandas/datasets/naturalearth_lowres``, public domain). This developer tool reads that
shapefile (the polygon subset of the format: a few struct reads) and writes a compact GeoJSON with
coordinates rounded to 0.01°. The app only ever serves the generated file; it needs no geopandas.

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    python -m wirewatch.web.basemap geopandas/datasets/naturalearth_lowres/naturalearth_lowres
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "static" / "basemap" / "countries.geojson"


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    n, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields = []
    for off in range(32, header_len - 1, 32):
        name = data[off : off + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[off + 16]))
    rows = []
    for i in range(n):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        pos, row = 1, {}
        for name, size in fields:
            row[name] = rec[pos : pos + size].decode("utf-8", "replace").strip()
            pos += size
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Rings of each polygon record (shape type 5)."""
    data = path.read_bytes()
    pos = 100
    shapes: list[list[list[tuple[float, float]]]] = []
    while pos < len(data):
        _, length = struct.unpack(">ii", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length * 2]
        pos += 8 + length * 2
        if struct.unpack("<i", body[:4])[0] != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = [*struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]), n_points]
        pts_off = 44 + 4 * n_parts
        pts = [struct.unpack("<dd", body[pts_off + 16 * k : pts_off + 16 * k + 16]) for k in range(n_points)]
        shapes.append([pts[parts[j] : parts[j + 1]] for j in range(n_parts)])
    return shapes


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 2), round(y, 2)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def build(stem: Path) -> dict[str, Any]:
    attrs = read_dbf(stem.with_suffix(".dbf"))
    features = []
    for row, rings in zip(attrs, read_polygons(stem.with_suffix(".shp")), strict=True):
        polys = [[_ring(r)] for r in rings if len(r) >= 4]
        geom = {"type": "MultiPolygon", "coordinates": polys}
        features.append(
            {
                "type": "Feature",
                "properties": {"name": row.get("name", ""), "iso_a3": row.get("iso_a3", "")},
                "geometry": geom,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    data = build(Path(argv[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({len(data['features'])} countries, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main(sys.argv[1:])
