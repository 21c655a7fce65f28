"""The gettext PO format: an entry/catalog model, a strict parser and a msgcat-compatible writer."""

from diglot.po.model import Catalog, Entry

__all__ = ["Catalog", "Entry"]
