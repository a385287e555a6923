"""storyline.stories."""
