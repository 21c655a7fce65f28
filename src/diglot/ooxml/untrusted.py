"""Reading DOCX packages that come from outside (a reviewed document, an English text to
align, an old output on disk) without trusting them: the file, each part and all parts
together read with a size cap, a compression-ratio check against zip bombs, damaged
streams reported in one line, and XML parsed with no DTD, no entity and no network.

Once a package has passed ``check_package`` python-docx may open it: its own parser
(which keeps entities unexpanded) then only meets XML without a DTD.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from diglot.errors import PackageError
from diglot.fsio import TooLarge, read_limited

MB = 1024 * 1024
MAX_FILE = 100 * MB  # the .docx file itself
MAX_PART = 100 * MB  # one part, uncompressed
MAX_TOTAL = 200 * MB  # every part, uncompressed
MAX_PARTS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FROM
# Markup in one XML part: a parsed element costs about 150 bytes (a review of 10,000 rows
# holds 1.35 million and takes 340 MB to import); 16 million empty paragraphs in 767 KB took
# 2.3 GB. This bound is a review of some 22,000 rows.
MAX_TAGS = 3_000_000
RATIO_FROM = 1 * MB
_XML_SUFFIXES = (".xml", ".rels")
_CHUNK = 1 * MB


def _parser() -> etree.XMLParser:
    # huge_tree=False keeps libxml2's own limits (nesting depth, text node size).
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)


def read_file(path: Path, shown: str) -> bytes:
    """The bytes of a package file, refused above ``MAX_FILE``."""
    try:
        return read_limited(path, MAX_FILE)  # a named pipe is refused, not waited on
    except TooLarge:
        raise PackageError(f"the file is larger than {MAX_FILE // MB} MB; diglot reads "
                           "DOCX documents up to that size", shown) from None
    except OSError as exc:
        raise PackageError(f"cannot read the file: {exc.strerror}", shown) from None


def read_parts(data: bytes, shown: str) -> dict[str, bytes]:
    """Every part of the package, checked against the caps before it is inflated."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        raise PackageError("not a DOCX document (not a zip package); give a .docx file",
                           shown) from None
    with package:
        infos = package.infolist()
        _check_sizes(infos, shown)
        return {info.filename: _read_part(package, info, shown) for info in infos
                if not info.is_dir()}


def _check_sizes(infos: list[zipfile.ZipInfo], shown: str) -> None:
    if len(infos) > MAX_PARTS:
        raise PackageError(f"the package holds {len(infos)} parts; diglot reads at most "
                           f"{MAX_PARTS}", shown)
    total = stored = 0
    for info in infos:
        size = info.file_size
        total, stored = total + size, stored + info.compress_size
        if size > MAX_PART or total > MAX_TOTAL:
            raise PackageError(f"part {info.filename} inflates beyond diglot's caps "
                               f"({MAX_PART // MB} MB a part, {MAX_TOTAL // MB} MB in all)",
                               shown)
        if size > RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
            raise PackageError(f"part {info.filename} inflates {size // max(info.compress_size, 1)}"
                               " times its stored size: a zip bomb, not a document", shown)
    # The same for the parts together: 199 parts of 1 MB each, each just under the bound
    # above, took 10 s to inflate and parse from 286 KB.
    if total > RATIO_FROM and total > MAX_RATIO * max(stored, 1):
        raise PackageError(f"the package inflates {total // max(stored, 1)} times its stored "
                           "size: a zip bomb, not a document", shown)


def _read_part(package: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    # In chunks: zipfile cuts a part at its declared size (checked above) and then checks
    # the CRC, but read() whole first inflates up to 2 GiB of a part that lies about its
    # size. A chunk is inflated at most 1 MiB at a time.
    try:
        with package.open(info) as stream:
            chunks = []
            while chunk := stream.read(_CHUNK):
                chunks.append(chunk)
            return b"".join(chunks)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise PackageError(f"part {info.filename} is damaged ({reason}); save the document "
                           "again", shown) from None


def parse_xml(data: bytes, name: str, shown: str):
    """An XML part as an lxml element: no DTD (so no entity) accepted, nothing fetched, and
    no more markup than ``MAX_TAGS`` (counted before anything is built)."""
    if data.count(b"<") > MAX_TAGS:
        raise PackageError(f"part {name} holds more than {MAX_TAGS:,} XML tags; diglot reads "
                           "documents up to that (a review of some 22,000 rows)", shown)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise PackageError(f"part {name} is not well-formed XML (line {exc.lineno}: "
                           f"{exc.msg}); save the document again", shown) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise PackageError(f"part {name} declares a DTD, which Word never writes; diglot "
                           "expands no entity and reads no such document", shown)
    return root


def check_package(path: Path, shown: str) -> bytes:
    """The package's bytes once every part is within the caps and every XML part (by
    name or by declared content type: what python-docx would parse) parses cleanly;
    PackageError otherwise."""
    data = read_file(path, shown)
    parts = read_parts(data, shown)
    types = _content_types(parts, shown)
    for name, part in parts.items():
        declared = types.get("/" + name.lower()) or types.get(name.rsplit(".", 1)[-1].lower(), "")
        if name.lower().endswith(_XML_SUFFIXES) or declared.endswith("xml") or \
                (_looks_xml(part) and not _html(name, declared)):
            parse_xml(part, name, shown)
    return data


def _html(name: str, declared: str) -> bool:
    """An HTML part (Word's altChunk): markup, but no XML; python-docx does not parse it."""
    return declared.startswith("text/html") or name.lower().endswith((".htm", ".html"))


def _looks_xml(part: bytes) -> bool:
    """Markup, whatever the part is named or declared: a decoy content type must not let
    a part python-docx parses go unchecked."""
    return part[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _content_types(parts: dict[str, bytes], shown: str) -> dict[str, str]:
    """``[Content_Types].xml`` as a map: "/part/name" or "extension" → content type."""
    data = parts.get("[Content_Types].xml")
    if data is None:
        raise PackageError("not a DOCX document (no [Content_Types].xml part)", shown)
    types: dict[str, str] = {}
    for node in parse_xml(data, "[Content_Types].xml", shown):
        # Only what python-docx reads: Default and Override in their namespace (a decoy
        # element of another name declared the main part a binary one).
        key = {_DEFAULT: "Extension", _OVERRIDE: "PartName"}.get(node.tag)
        if key:
            types[(node.get(key) or "").lower()] = node.get("ContentType") or ""
    return types


_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DEFAULT, _OVERRIDE = _TYPES_NS + "Default", _TYPES_NS + "Override"
