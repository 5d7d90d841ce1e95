"""Topics: the words an analyst types, and the related terms a desk files under them.

``topics.json`` (shipped) holds a small list per subject (inflation ~ consumer prices, CPI);
``[topics]`` in briefs.toml adds to it. Related terms widen what is found, so each list is
kept to words an editor would file under the topic.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from briefs.errors import ScopeError

_WORD = re.compile(r"\w[\w'-]*")


@functools.cache
def _shipped() -> dict[str, tuple[str, ...]]:
    data = json.loads(Path(__file__).with_name("topics.json").read_text("utf-8"))
    return {k.casefold(): tuple(v) for k, v in data.items() if not k.startswith("_")}


def words(topic: str) -> list[str]:
    """The words of ``topic`` worth searching for. Raises ScopeError when there are none."""
    found = [w for w in _WORD.findall(topic) if len(w) > 1]
    if not found:
        raise ScopeError(f"topic {topic!r} has no words to search for")
    return found


def related(topic: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Related terms for ``topic``: the shipped list's and the user's."""
    return tuple(dict.fromkeys((*_shipped().get(topic.casefold().strip(), ()), *extra)))


def terms(topic: str, extra: tuple[str, ...] = ()) -> list[str]:
    """What a passage about ``topic`` holds: the topic as a phrase, or a related term."""
    phrase = " ".join(words(topic))
    return list(dict.fromkeys([phrase, *related(topic, extra)]))
