"""The one error type of the review feature, so the CLI reports it like any other."""

from __future__ import annotations

from diglot.errors import DocumentError


class ReviewError(DocumentError):
    """A review document cannot be exported, or cannot be imported into this project."""
