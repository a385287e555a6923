"""storyline.eval."""
