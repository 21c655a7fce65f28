"""Reading and writing PO/POT files of a project: bytes on disk ↔ Catalog, with errors that
name the file, and writes that are atomic."""

from __future__ import annotations

from pathlib import Path

from diglot.errors import CatalogError
from diglot.fsio import TooLarge, read_limited
from diglot.safety import MAX_PO_BYTES, MB
from diglot.po.model import Catalog
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po


def read_bytes(path: Path, shown: str) -> bytes | None:
    """The file's bytes, or None when there is no such file."""
    try:
        return read_limited(path, MAX_PO_BYTES)
    except FileNotFoundError:
        return None
    except TooLarge:
        raise CatalogError(f"the file is larger than {MAX_PO_BYTES // MB} MB, diglot's bound "
                           "for a PO file", shown) from None
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror}; check its permissions",
                           shown) from exc


def read_catalog(path: Path, shown: str) -> Catalog | None:
    """The catalog at ``path``, or None when there is no such file."""
    data = read_bytes(path, shown)
    return None if data is None else decode(data, shown)


def decode(data: bytes, shown: str) -> Catalog:
    """The catalog of a file's bytes (read, or made by ``encode``)."""
    return parse_po(data, shown)


def encode(catalog: Catalog, wrap: bool = True, shown: str | None = None) -> bytes:
    """The file's bytes; an error (a character the declared charset lacks) names ``shown``."""
    try:
        return dump_po(catalog, wrap=wrap)
    except CatalogError as exc:
        if exc.path is None and shown:
            raise CatalogError(exc.message, shown, exc.line) from exc
        raise

