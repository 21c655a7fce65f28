"""The pikepdf adapter: join the parts of a book written in several processes into one PDF.

WeasyPrint cannot join PDFs, and a join in Python (pypdf) took 12 s and 630 MB for 1,400
pages; pikepdf (qpdf) copies them in 0.1 s and 60 MB. The first part gives the joined file
its metadata (title, authors, languages, dates) and catalog; every part keeps its own
fonts, embedded as subsets. What each part could not know of the others is made here:
the outline of the whole book (``engine.outline``), one table of named destinations (the
first part holding a name wins, as WeasyPrint takes an anchor's first occurrence).
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String


def join(parts: list, tree: list) -> bytes:
    """One PDF of the parts' pages in order (``parts``: ``engine.Part``; ``tree``: the
    whole book's outline, ``engine.outline``)."""
    files = [pikepdf.open(io.BytesIO(part.pdf)) for part in parts]
    out, offsets = files[0], [0]
    for other in files[1:]:
        offsets.append(len(out.pages))
        out.pages.extend(other.pages)
    pages = [page.obj for page in out.pages]
    names = _destinations(parts, files, offsets, pages)
    _set_names(out, names)
    _set_outline(out, tree, pages)
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True)
    return buffer.getvalue()


def _destinations(parts, files, offsets, pages) -> dict[str, Array]:
    """Every named destination, pointing into the joined pages."""
    found: dict[str, Array] = {}
    for part, pdf, offset in zip(parts, files, offsets):
        own = set(part.anchors)
        index = {page.obj.objgen: k for k, page in enumerate(pdf.pages)}
        for name, target in _name_tree(pdf):
            if name in own and name not in found:
                where = pages[offset + index[target[0].objgen]]
                found[name] = Array([where, *list(target)[1:]])
    return found


def _name_tree(pdf) -> list[tuple[str, Array]]:
    """WeasyPrint's named destinations: one flat, sorted ``Names`` array."""
    names = pdf.Root.get("/Names")
    dests = names.get("/Dests") if names is not None else None
    flat = list(dests.Names) if dests is not None else []
    return [(str(flat[k]), flat[k + 1]) for k in range(0, len(flat), 2)]


def _set_names(out, names: dict) -> None:
    root = out.Root
    if not names:
        if "/Names" in root and "/Dests" in root.Names:
            del root.Names["/Dests"]
        return
    flat = []
    for name in sorted(names):
        flat += [String(name), names[name]]
    if "/Names" not in root:
        root.Names = Dictionary()
    root.Names.Dests = Dictionary(Names=Array(flat))


def _set_outline(out, tree: list, pages) -> None:
    """The outline as WeasyPrint writes it: each item's count of open descendants
    (negative when closed), its destination an ``XYZ`` point."""
    if "/Outlines" in out.Root:
        del out.Root["/Outlines"]
    if not tree:
        return
    top = out.make_indirect(Dictionary(Type=Name.Outlines))
    items, count = _items(out, tree, pages, top)
    top.Count, top.First, top.Last = count, items[0], items[-1]
    out.Root.Outlines = top


def _items(out, tree: list, pages, parent) -> tuple[list, int]:
    items, count = [], len(tree)
    for title, (page, x, y), children, state in tree:
        item = out.make_indirect(Dictionary(Title=String(title), Parent=parent,
                                            Dest=Array([pages[page], Name.XYZ, x, y, 0])))
        kids, kids_count = _items(out, children, pages, item) if children else ([], 0)
        item.Count = -kids_count if state == "closed" else kids_count
        count += 0 if state == "closed" else kids_count
        if kids:
            item.First, item.Last = kids[0], kids[-1]
        if items:
            item.Prev, items[-1].Next = items[-1], item
        items.append(item)
    return items, count
