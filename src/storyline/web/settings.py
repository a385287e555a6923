"""Settings of the web server, defined once each (name, default, help) and read from the
environment by ``WebSettings.from_env``. Internal constants stay in the modules that use them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from storyline.errors import InputError

# (environment variable, WebSettings field, help): the one place a setting is documented.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    (
        "STORYLINE_API_TOKEN",
        "api_token",
        "Bearer token that write endpoints (POST /api/articles) require; unset = no token asked.",
    ),
    (
        "STORYLINE_MAX_BODY_BYTES",
        "max_body_bytes",
        "Largest request body accepted, in bytes (default 2 MB); bigger bodies get 413.",
    ),
    (
        "STORYLINE_ALLOW_URL_FETCH",
        "allow_url_fetch",
        "1 lets POST /api/analyze fetch a public http(s) URL; private and loopback hosts are "
        "always refused.",
    ),
)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Everything ``create_app`` may be told; frozen so a running app cannot drift."""

    api_token: str | None = None
    max_body_bytes: int = 2_000_000
    allow_url_fetch: bool = False
    # Pagination: the default and the largest page a client may ask for.
    page_size: int = 50
    max_page_size: int = 500

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WebSettings:
        """Settings from ``STORYLINE_*`` environment variables; a bad value is an InputError."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        types = {f.name: f.type for f in fields(cls)}
        for var, name, _help in SETTINGS:
            raw = env.get(var)
            if raw is None:
                continue
            kind = str(types[name])
            if "bool" in kind:
                values[name] = _parse_bool(var, raw)
            elif "int" in kind:
                values[name] = _parse_int(var, raw)
            else:
                values[name] = raw.strip() or None
        return cls(**values)  # type: ignore[arg-type]


def _parse_bool(var: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InputError(f"{var}={raw!r} is not a yes/no value: use 1 or 0")


def _parse_int(var: str, raw: str) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise InputError(f"{var}={raw!r} is not a whole number of bytes") from None
    if value <= 0:
        raise InputError(f"{var}={raw!r} must be a positive number of bytes")
    return value
