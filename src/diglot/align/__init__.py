"""``diglot align``: propose a PO file from an English text that already exists.

The package reads the English (``english``), finds the anchors both texts share
(``anchors``), scores candidate pairings (``scoring``), chooses the best monotonic pairing by
dynamic programming in bands (``dp``, driven chapter by chapter by ``aligner``), cuts an
English paragraph that merges several French ones back at sentence ends (``cut``), writes
the proposals as fuzzy PO entries (``apply``) and a side-by-side review page (``page``);
``run`` ties these together for the CLI.
"""
