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


def write(blocks: object, brief: Brief, path: Path, user_dir: Path | None = None) -> Path:
    """The sidecar of ``brief``; ``blocks`` and ``user_dir`` are unused (one writer signature)."""
    text = dumps(brief)
    return atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))
