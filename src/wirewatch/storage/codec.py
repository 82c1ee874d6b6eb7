"""The store's record codec: the records module's compiled JSON form, under the names the store uses."""

from __future__ import annotations

from ..records import from_dict as decode
from ..records import to_dict as encode

__all__ = ["decode", "encode"]
