"""storyline.scale."""
