"""A syrupy extension that stores synthesized documents as readable, stable JSON snapshots.

Absolute paths of the machine (the local backend's state path) are replaced by ``<cwd>`` so a snapshot taken
in one checkout matches in another. Needs the ``test`` extra (syrupy).

```python
@pytest.fixture
def snapshot_json(snapshot):
    return snapshot.use_extension(SynthSnapshotExtension)
```
"""

from __future__ import annotations

import json
import os
from typing import Any

from syrupy.extensions.json import JSONSnapshotExtension

__all__ = ["SynthSnapshotExtension", "normalize_paths"]


def normalize_paths(document: Any, cwd: str | None = None) -> Any:
    """``document`` with the current directory in every string replaced by ``<cwd>``."""
    root = cwd or os.getcwd()
    if isinstance(document, dict):
        return {k: normalize_paths(v, root) for k, v in document.items()}
    if isinstance(document, list):
        return [normalize_paths(v, root) for v in document]
    if isinstance(document, str) and root in document:
        return document.replace(root, "<cwd>")
    return document


class SynthSnapshotExtension(JSONSnapshotExtension):
    """Snapshots as sorted, two-space-indented JSON, one file per test, paths normalized."""

    def serialize(self, data: Any, **kwargs: Any) -> str:
        return json.dumps(normalize_paths(data), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
