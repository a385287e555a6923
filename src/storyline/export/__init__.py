"""storyline.export."""
