from __future__ import annotations

import pytest

from storyline.errors import InputError
from storyline.web.settings import SETTINGS, WebSettings


@pytest.mark.parametrize(
    ("env", "field", "expected"),
    [
        ({"STORYLINE_API_TOKEN": "s3cret"}, "api_token", "s3cret"),
        ({"STORYLINE_API_TOKEN": "  "}, "api_token", None),
        ({"STORYLINE_MAX_BODY_BYTES": "1000"}, "max_body_bytes", 1000),
        ({"STORYLINE_ALLOW_URL_FETCH": "1"}, "allow_url_fetch", True),
        ({"STORYLINE_ALLOW_URL_FETCH": "no"}, "allow_url_fetch", False),
        ({}, "allow_url_fetch", False),
        ({}, "api_token", None),
    ],
)
def test_from_env_reads_each_setting(env: dict[str, str], field: str, expected: object) -> None:
    assert getattr(WebSettings.from_env(env), field) == expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"STORYLINE_MAX_BODY_BYTES": "lots"}, "STORYLINE_MAX_BODY_BYTES='lots' is not a whole"),
        ({"STORYLINE_MAX_BODY_BYTES": "-5"}, "must be a positive"),
        ({"STORYLINE_ALLOW_URL_FETCH": "maybe"}, "is not a yes/no value"),
    ],
)
def test_from_env_bad_value_is_input_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        WebSettings.from_env(env)


@pytest.mark.parametrize(("var", "field", "help_text"), SETTINGS)
def test_settings_each_names_a_real_field_with_help(var: str, field: str, help_text: str) -> None:
    assert var.startswith("STORYLINE_")
    assert hasattr(WebSettings(), field)
    assert len(help_text) > 20
