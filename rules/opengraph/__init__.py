"""Rules of the `opengraph` category."""
