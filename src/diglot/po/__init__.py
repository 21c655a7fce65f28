"""The gettext PO format: an entry/catalog model, a strict parser and a msgcat-compatible writer."""

from diglot.po.model import Catalog, Entry
from diglot.po.parser import parse_po
from diglot.po.writer import dump_po

__all__ = ["Catalog", "Entry", "dump_po", "parse_po"]
