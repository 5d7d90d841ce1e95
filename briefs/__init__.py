"""briefs: turn a corpus of documents into a cited policy brief.

The public API::

    from briefs import Settings, build_brief, load_settings
    built = build_brief(load_settings(country="Cambodia", formats=("md", "json")))
    built.brief.check  # claim check: every item verified against its source
"""

from briefs.config import Settings
from briefs.config import load as load_settings
from briefs.errors import BriefsError
from briefs.model import Brief
from briefs.pipeline import build_brief

__all__ = ["Brief", "BriefsError", "Settings", "build_brief", "load_settings"]
