"""The catalog layer: Article → template, PO update (exact, loose, fuzzy), PO files on disk,
and an Article translated by its PO file (a Bilingual)."""
