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
    """A header entry (msgid ``""``) and the other entries in file order."""

    header: Entry | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def active(self) -> list[Entry]:
        return [e for e in self.entries if not e.obsolete]

    @property
    def obsolete(self) -> list[Entry]:
        return [e for e in self.entries if e.obsolete]

    def header_fields(self) -> list[tuple[str, str]]:
        """The ``Key: value`` lines of the header msgstr, in order."""
        if self.header is None:
            return []
        fields = []
        for line in self.header.msgstr.split("\n"):
            key, sep, value = line.partition(":")
            if sep:
                fields.append((key.strip(), value.strip()))
        return fields

    def header_field(self, name: str) -> str | None:
        for key, value in self.header_fields():
            if key.lower() == name.lower():
                return value
        return None
