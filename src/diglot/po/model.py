"""The in-memory shape of a PO file: a header plus entries, active and obsolete, in file order.

Pure data: no I/O, no formatting. The parser builds it, the writer prints it, and the
catalog logic (template, update, statistics) transforms it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class Entry:
    """One PO message, with every comment kind gettext knows, so nothing is lost on rewrite."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    translator_comments: tuple[str, ...] = ()
    extracted_comments: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = field(default=0, compare=False)  # line of the msgid keyword when read from a file

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        """Has a non-empty translation and is not fuzzy (msgfmt's definition)."""
        if self.fuzzy:
            return False
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def with_flag(self, flag: str, present: bool) -> "Entry":
        """Return a copy with ``flag`` added (at the front, as gettext does) or removed."""
        flags = tuple(f for f in self.flags if f != flag)
        if present:
            flags = (flag, *flags)
        return replace(self, flags=flags)


@dataclass(slots=True)
class Catalog:
    """A header entry (msgid ``""``) and the other entries in file order.

    ``find`` looks an active entry up by its msgid (and context) through an index built on
    first use. Code that changes a catalog gives it a new ``entries`` list (as every diglot
    module does): the index follows a new list or a longer one, not an entry replaced in
    place."""

    header: Entry | None = None
    entries: list[Entry] = field(default_factory=list)
    _index: dict[str | tuple[str, str], Entry] | None = field(
        default=None, init=False, repr=False, compare=False)
    _indexed: tuple[list | None, int] = field(default=(None, 0), init=False, repr=False,
                                              compare=False)

    @property
    def active(self) -> list[Entry]:
        return [e for e in self.entries if not e.obsolete]

    @property
    def obsolete(self) -> list[Entry]:
        return [e for e in self.entries if e.obsolete]

    def find(self, msgid: str, msgctxt: str | None = None) -> Entry | None:
        """The active entry with this msgid and context (gettext's identity of a message),
        or None; obsolete entries are not messages of the catalog."""
        return self._lookup().get(msgid if msgctxt is None else (msgctxt, msgid))

    def _lookup(self) -> dict[str | tuple[str, str], Entry]:
        # The list indexed and its length: a new list, or entries appended, index again.
        # (Holding the list, not its id: a freed list's id can be reused.)
        indexed, count = self._indexed
        if self._index is None or indexed is not self.entries or count != len(self.entries):
            # Keyed by the msgid alone when there is no context (most entries: no tuple
            # to build per lookup), else by (context, msgid); a str never equals a tuple.
            self._index = {e.msgid if e.msgctxt is None else e.key: e
                           for e in reversed(self.entries) if not e.obsolete}
            self._indexed = (self.entries, len(self.entries))
        return self._index

    def __getstate__(self):
        return (self.header, self.entries)  # the index is rebuilt where it is needed

    def __setstate__(self, state) -> None:
        self.header, self.entries = state
        self._index, self._indexed = None, (None, 0)

    def header_fields(self) -> list[tuple[str, str]]:
        """The ``Key: value`` lines of the header msgstr, in order."""
        return header_fields(self.header)

    def header_field(self, name: str) -> str | None:
        """The value of the header's field ``name`` (any case), or None."""
        return header_field(self.header, name)


def header_fields(header: Entry | None) -> list[tuple[str, str]]:
    """The ``Key: value`` lines of a header entry's msgstr, in order (none without one)."""
    if header is None:
        return []
    fields = []
    for line in header.msgstr.split("\n"):
        key, sep, value = line.partition(":")
        if sep:
            fields.append((key.strip(), value.strip()))
    return fields


def header_field(header: Entry | None, name: str) -> str | None:
    """The value of the first field called ``name`` (any case), or None."""
    for key, value in header_fields(header):
        if key.lower() == name.lower():
            return value
    return None
