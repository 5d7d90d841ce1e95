"""The SQLite store implements the whole corpus-store interface the pipeline relies on."""

from __future__ import annotations

import inspect

from briefs.corpus import CorpusStore
from briefs.store import Store


def test_store_implements_every_method_with_the_same_parameters() -> None:
    for name, member in inspect.getmembers(CorpusStore, inspect.isfunction):
        if name.startswith("_"):
            continue
        impl = getattr(Store, name, None)
        assert impl is not None, name
        wanted = list(inspect.signature(member).parameters)
        assert list(inspect.signature(impl).parameters) == wanted, name
