"""Timeline JSON exactly as design.md fixes it (fields may be added, none renamed)."""

from __future__ import annotations

import json
from typing import Any


def to_json(timeline: dict[str, Any]) -> str:
    return json.dumps(timeline, ensure_ascii=False, indent=2) + "\n"
