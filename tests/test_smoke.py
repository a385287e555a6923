import storyline


def test_package_exports_analyze():
    assert callable(storyline.analyze)
    assert "analyze" in storyline.__all__
