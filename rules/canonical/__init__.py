"""Rules of the `canonical` category."""
