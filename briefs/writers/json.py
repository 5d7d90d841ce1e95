"""The JSON sidecar: the Brief as plain data (the contract other tools read)."""

from __future__ import annotations

import json
from pathlib import Path

from briefs.model import Brief, as_dict
from briefs.writers import atomic_write


def dumps(brief: Brief) -> str:
    data = as_dict(brief)
    data["manifest"] = as_dict(brief.manifest)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(brief: Brief, path: Path) -> Path:
    text = dumps(brief)
    return atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))
