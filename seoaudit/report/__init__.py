"""report: one module per output format. Formatters take a `Report` and never exit."""
