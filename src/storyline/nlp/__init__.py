"""Per-article language analysis: spaCy parse, time expressions, entities, attribution,
quotes, money and event mentions. Each step is a pure function of the article and what the
steps before it wrote (see ``storyline.analysis``)."""
