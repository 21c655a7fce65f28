"""What makes an SVG image unfit to publish: a script (the HTML edition copies the file to
its assets, where a browser opening it runs it on the publisher's site), or what a few
kilobytes can make the PDF renderer do for minutes: ``<use>`` references that multiply
into millions of elements, markers drawn on markers, a stylesheet of thousands of rules
over thousands of elements, another SVG embedded as a ``data:`` image (none of it counted
by the checks of the file itself); or a reference to an outside resource (a tracker's image,
a remote stylesheet) that a reader's browser would fetch. ``media`` refuses such an image
with the error of its place in the text.

Parsed with the standard library's expat, which expands no external entity and caps the
amplification of internal ones; nothing is fetched.
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote_to_bytes

from diglot import pixels

MAX_ELEMENTS = 100_000  # once every <use> is expanded
# Characters of text: the PDF renderer lays out each glyph of an SVG's text on its own, some
# 0.25 ms each (an attack round's 1 MB <text> ran past five minutes); 20,000 is 5 s.
MAX_TEXT_CHARS = 20_000
_NOT_DRAWN = frozenset({"style", "title", "desc", "metadata"})
# Style rules times elements: WeasyPrint matches every rule against every element (N
# universal rules over N elements, 6,000 each in 197 KB of SVG, took two minutes).
MAX_STYLE_MATCHES = 1_000_000
_MARKED = ("marker-start", "marker-mid", "marker-end", "marker")
# In any attribute value, once the whitespace and control characters a browser drops from a
# URL are gone ("java&#9;script:"), and anywhere in it (an <animate values="a;javascript:…">).
_SCRIPTED = ("javascript:", "vbscript:", "data:text/html")
_DROPPED = re.compile(r"[\x00-\x20]+")
_XSLT = "{http://www.w3.org/1999/XSL/Transform}"
_UNSAFE_ELEMENTS = frozenset({"script", "foreignObject", "iframe", "embed", "object"})


def is_svg(data: bytes) -> bool:
    """Whether the file may be an SVG whatever its name (a sniff; a ``.svg`` is read as one)."""
    head = data[:65536].lower()
    return b"<svg" in head or b":svg" in head or data.startswith((b"\xff\xfe", b"\xfe\xff"))


def problem(data: bytes, suffix: str = "") -> str | None:
    """Why ``data``, an image whose file name ends in ``suffix``, cannot be published as
    an SVG; None when it can, or is no SVG (a file that is no XML and not named ``.svg``)."""
    named = suffix.lower() == ".svg"
    if not named and not is_svg(data):
        return None
    try:
        root, instructions = _parse(data)
    except (ElementTree.ParseError, ValueError) as exc:
        return f"the SVG is not well-formed XML ({str(exc)[:60]})" if named else None
    if any(text.lstrip().lower().startswith("xml-stylesheet") for text in instructions):
        return "the SVG calls a stylesheet (<?xml-stylesheet?>), which can make script"
    return _scripted(root) or _expansion(root) or _dear(root) or _external(root)


def _parse(data: bytes):
    """The root element and the text of every processing instruction, the prolog's too
    (``fromstring`` drops them: an ``<?xml-stylesheet?>`` there applies an XSLT sheet)."""
    parser = ElementTree.XMLPullParser(events=("start", "pi"))
    parser.feed(data)
    parser.close()
    root, instructions = None, []
    for event, element in parser.read_events():
        if event == "pi":
            instructions.append(element.text or "")
        elif root is None:
            root = element
    if root is None:
        raise ValueError("no root element")
    return root, instructions


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _scripted(root) -> str | None:
    for element in root.iter():
        if str(element.tag).startswith(_XSLT):
            return "the SVG holds an XSLT stylesheet, which can make script"
        if _local(str(element.tag)) in _UNSAFE_ELEMENTS:
            return f"the SVG holds a <{_local(str(element.tag))}> element, which can run script"
        for name, value in element.attrib.items():
            url = _DROPPED.sub("", value).lower()
            if _local(name).lower().startswith("on") or any(s in url for s in _SCRIPTED):
                return f"the SVG holds script (its {_local(name)} attribute)"
    return None


def _expansion(root) -> str | None:
    """Too many elements once each ``<use>`` stands for what it refers to (in the
    document; a reference elsewhere is never fetched), or a ``<use>`` inside what it uses."""
    ids = {e.get("id"): e for e in root.iter() if e.get("id")}
    try:
        total = _size(root, ids, {}, set(), lambda e: 1, MAX_ELEMENTS)
        text = _size(root, ids, {}, set(), _letters, MAX_TEXT_CHARS)
    except RecursionError:
        return "the SVG nests too deep, or its <use> elements refer to each other in a loop"
    if total > MAX_ELEMENTS:
        return (f"its <use> elements multiply it past {MAX_ELEMENTS:,} elements, more than "
                "diglot renders")
    if text > MAX_TEXT_CHARS:
        return (f"it holds more than {MAX_TEXT_CHARS:,} characters of text (its <use> elements "
                "counted), more than diglot renders")
    return None


def _letters(element) -> int:
    """The characters an element holds itself (and after each child): the renderer lays out
    the text of any element inside a <text>, and of an <a>, whatever its name (a code
    review: "<text><g>…</g></text>" went uncounted); a style sheet or a title is no text."""
    if _local(str(element.tag)) in _NOT_DRAWN:
        return 0
    return len((element.text or "").strip()) + sum(len((c.tail or "").strip()) for c in element)


def _size(element, ids: dict, sizes: dict[int, int], open_: set[int], weight, cap: int) -> int:
    """``weight`` summed over the element's tree, each ``<use>`` counting what it uses (at
    most ``cap`` + 1: a loop of uses would count for ever)."""
    key = id(element)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise RecursionError
    open_.add(key)
    total = weight(element) + sum(_size(child, ids, sizes, open_, weight, cap) for child in element)
    if _local(str(element.tag)) == "use":
        href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
        used = ids.get(href[1:]) if href.startswith("#") else None
        total += _size(used, ids, sizes, open_, weight, cap) if used is not None else 0
    open_.discard(key)
    sizes[key] = min(total, cap + 1)
    return sizes[key]


def _dear(root) -> str | None:
    """What costs the renderer far more than the file's size says (see the module)."""
    elements = list(root.iter())
    styles = _css(" ".join((e.text or "") for e in elements if _local(str(e.tag)) == "style"))
    for element in elements:
        for name, value in element.attrib.items():
            found = _local(name) == "href" and _embedded(value)
            if found:
                return found
    if _marker_in_marker(root, _MARKER_PROPERTY.search(styles) is not None):
        return "the SVG draws markers inside markers, which multiply past what diglot renders"
    # Each selector of a list is matched on its own: count them, not the rules.
    selectors = styles.count("{") + styles.count(",")
    if selectors * len(elements) > MAX_STYLE_MATCHES:
        return (f"its stylesheet's {selectors:,} selectors over its {len(elements):,} elements "
                "are more than diglot renders")
    return None


def _marker_in_marker(root, styled: bool) -> bool:
    """Whether a marker's drawing may draw markers: a marker property on an element inside
    a marker, or on one around it (a marker's content inherits from its ancestors), or in
    the stylesheet (which may reach inside one)."""
    def walk(element, inherited: bool) -> bool:
        marked = inherited or _marks(element)
        if _local(str(element.tag)) == "marker":
            if marked or styled or any(_marks(e) for e in element.iter()):
                return any(_local(str(e.tag)) != "marker" for e in element.iter())
        return any(walk(child, marked) for child in element)
    try:
        return walk(root, False)
    except RecursionError:
        return True


def _embedded(value: str) -> str | None:
    """Why an image embedded as a ``data:`` URI cannot be rendered: SVG whatever type it
    claims (the renderer tries a picture it cannot read as SVG, so its own checks would
    never run), bytes no picture reader knows, or a picture past the pixel bound."""
    url = _DROPPED.sub("", value)
    if not url.lower().startswith("data:"):
        return None
    head, _, body = url.partition(",")
    try:
        data = base64.b64decode(body) if head.lower().endswith(";base64") else unquote_to_bytes(body)
    except ValueError:
        return "the SVG embeds a data: image it cannot decode"
    if is_svg(data) or pixels.kind(data) in ("", "svg"):
        return "the SVG embeds another SVG, or bytes that are no picture, as a data: image"
    too_large = pixels.too_large(data)
    return f"the image it embeds as data: cannot be decoded safely ({too_large})" if too_large else None


def embedded_pixels(data: bytes) -> int:
    """The pixels of the pictures an SVG embeds as ``data:`` images, each once: a renderer
    decodes them all (an attack round: six of 88 million pixels in an 87 kB SVG took the
    PDF a minute, past its bound for pictures shown on their own)."""
    try:
        root, _ = _parse(data)
    except (ElementTree.ParseError, ValueError):
        return 0
    found: dict[str, int] = {}  # by address: a renderer decodes each address, not each picture
    for element in root.iter():
        for name, value in element.attrib.items():
            url = _DROPPED.sub("", value)
            if _local(name) == "href" and url.lower().startswith("data:") and url not in found:
                picture = _data(url)
                size = pixels.size(picture) if picture else None
                found[url] = abs(size[0] * size[1]) if size else 0
    return sum(found.values())


def _data(url: str) -> bytes | None:
    head, _, body = url.partition(",")
    try:
        return base64.b64decode(body) if head.lower().endswith(";base64") else unquote_to_bytes(body)
    except ValueError:
        return None


def _marks(element) -> bool:
    """Whether an element draws markers (an attribute, or its style attribute)."""
    return any(element.get(name) for name in _MARKED) or \
        _MARKER_PROPERTY.search(_css(element.get("style") or "")) is not None


_MARKER_PROPERTY = re.compile(r"marker(?:-start|-mid|-end)?\s*:", re.IGNORECASE)
# A reference a browser opening the published SVG would fetch: not "#id", not "data:".
_OUTSIDE_URL = re.compile(r"""@import|url\(\s*(?!['"]?\s*(?:#|data:))""", re.IGNORECASE)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)")


def _css(text: str) -> str:
    """CSS with its escapes read (``\\75rl(`` is ``url(``) and in lower case, as a browser
    matches it."""
    if "\\" in text:
        text = _CSS_ESCAPE.sub(lambda m: chr(min(int(m[1], 16), 0x10FFFF) or 0xFFFD) if m[1]
                               else m[2], text)
    return text.lower()


def _external(root) -> str | None:
    """A reference to something outside the file (a tracker's image, a stylesheet on
    another site): the HTML edition publishes the SVG as it is."""
    for element in root.iter():
        for name, value in element.attrib.items():
            url = _DROPPED.sub("", value)
            if _local(name) == "href" and url and not url.startswith(("#", "data:")) \
                    and _local(str(element.tag)) != "a":  # a link is followed, never fetched
                return (f"the SVG refers to an outside resource ({value[:60]}), which a "
                        "reader's browser would fetch")
            if _local(name) != "href" and _OUTSIDE_URL.search(_css(value)):
                return (f"the SVG's {_local(name)} refers to an outside resource, which a "
                        "reader's browser would fetch")
        if _local(str(element.tag)) == "style" and _OUTSIDE_URL.search(_css(element.text or "")):
            return ("the SVG's stylesheet refers to an outside resource, which a reader's "
                    "browser would fetch")
    return None
