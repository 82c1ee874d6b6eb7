"""wirewatch: news into an auditable event dataset."""

from .config import Config, load_config
from .errors import WirewatchError
from .pipeline import Pipeline
from .records import Article, Event, Figure, Place, TimeExpr

__version__ = "0.1.0"
__all__ = ["Article", "Config", "Event", "Figure", "Pipeline", "Place", "TimeExpr", "WirewatchError",
           "load_config"]
