"""Shared by the stories tests: ``make`` builds an ``Analysis`` by hand (see story_helpers)."""

import importlib.util
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "story_helpers", Path(__file__).with_name("story_helpers.py")
)
helpers = importlib.util.module_from_spec(_spec)
# Importable by the test modules too: ``from storyline_test_story_helpers import QUAKE_A``.
sys.modules["storyline_test_story_helpers"] = helpers
_spec.loader.exec_module(helpers)


@pytest.fixture
def make():
    return helpers.make
