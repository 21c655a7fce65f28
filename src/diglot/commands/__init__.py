"""The use cases, one module per command: plain functions over a Project that return small
report objects. No click and no printing here; the CLI presents the reports."""
