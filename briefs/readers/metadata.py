"""Metadata sidecars: ``metadata.jsonl`` or ``metadata.csv`` beside the files they describe.

Each row names a ``file`` (relative to the sidecar's folder) and fills or overrides its
metadata: title, author, publisher, date, url, type, country; any other column is kept as extra.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from briefs.errors import ReadError

SIDECAR_NAMES = ("metadata.jsonl", "metadata.csv")
KNOWN = ("title", "author", "publisher", "date", "url", "type", "country")


def load_sidecar(folder: Path) -> dict[str, dict[str, str]]:
    """Return {file name: metadata} from the sidecars in ``folder`` (empty when there are none).

    Raises ReadError naming the sidecar and line when it cannot be parsed.
    """
    rows: dict[str, dict[str, str]] = {}
    jsonl = folder / "metadata.jsonl"
    if jsonl.is_file():
        for n, line in enumerate(jsonl.read_text("utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise ReadError(str(jsonl), f"line {n} is not JSON ({e.msg})") from e
            _add(rows, row, jsonl, n)
    table = folder / "metadata.csv"
    if table.is_file():
        with table.open(encoding="utf-8-sig", newline="") as fh:
            for n, row in enumerate(csv.DictReader(fh), 2):
                _add(rows, row, table, n)
    return rows


def _add(rows: dict[str, dict[str, str]], row: object, sidecar: Path, n: int) -> None:
    if not isinstance(row, dict) or not row.get("file"):
        raise ReadError(str(sidecar), f"line {n} has no 'file' field")
    clean = {k: str(v) for k, v in row.items() if v not in (None, "") and k != "file"}
    if "author" not in clean and "speaker" in clean:
        clean["author"] = clean["speaker"]  # a speech's author is who delivered it
    rows[str(row["file"])] = clean
