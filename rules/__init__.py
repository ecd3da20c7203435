"""The rule modules: one module per rule, one sub-package per category."""
