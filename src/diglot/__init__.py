"""diglot: bilingual French/English editions from Markdown sources and gettext PO files."""

__version__ = "0.1.0"
