"""URL canonicalisation for deduplication, and the outlet (site) a URL belongs to.

Two URLs that a browser would show as the same article should canonicalise to the same string: scheme and host
are lower-cased, default ports, fragments and tracking parameters are dropped, and the remaining query
parameters are sorted. The path is left as is (case matters there on most servers).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that only say how the reader arrived (campaigns, click ids, share widgets), never which article.
_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "piwik_", "matomo_", "hsa_", "_hs", "oly_", "vero_", "at_", "ns_")
_TRACKING_NAMES = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "cmpid",
        "ito",
        "icid",
        "ncid",
        "ocid",
        "smid",
        "smtyp",
        "spm",
        "wt.mc_id",
        "wt_mc_id",
        "xtor",
        "_ga",
        "_gl",
        "mkt_tok",
        "s_cid",
        "soc_src",
        "soc_trk",
    }
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in _TRACKING_NAMES or low.startswith(_TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """The canonical form of ``url``; strings that are not absolute http(s) URLs come back stripped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # malformed netloc or port: keep what we were given
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = re.sub(r"/{2,}", "/", parts.path) or "/"
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(sorted(params))
    return urlunsplit((scheme, netloc, path, query, ""))


def site_of(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host without ``www.``/``m.``/``amp.`` prefixes, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return re.sub(r"^(?:www\d?|m|mobile|amp)\.(?=[^.]+\.[^.]+)", "", host)
