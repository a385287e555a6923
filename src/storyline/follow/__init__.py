"""storyline.follow."""
