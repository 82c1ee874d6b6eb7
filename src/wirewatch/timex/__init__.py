"""Time expressions: finding them in text and resolving them to calendar intervals.

``find_timexes`` is the engine behind the ``time`` stage (``wirewatch.stages.time``); the per-language
knowledge (month and weekday names, deictic words, qualifiers, markers) lives in ``lang/<code>/time_*.tsv``.
"""

from __future__ import annotations

from .finder import find_timexes, month_first_for

__all__ = ["find_timexes", "month_first_for"]
