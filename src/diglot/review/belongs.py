"""Whether a review document fits this project before any row is read: the project it
names, its language, the article whose PO file it goes to; and what is said of a document
from a folder of another name, or of comments on no row.
"""

from __future__ import annotations

from diglot.errors import DiglotError
from diglot.project import Project
from diglot.review import identity
from diglot.review.docx_read import ReviewDoc
from diglot.review.errors import ReviewError
from diglot.review.manifest import Manifest


def article(project: Project, manifest: Manifest, shown: str,
                   article: str | None) -> str:
    """The article whose PO file the document goes to, once it is known to fit here."""
    here = identity.project_identity(project)
    if manifest.project != here and project.config.title:
        raise ReviewError(f"this review document belongs to the project '{manifest.project}', "
                          f"not to this one ('{here}', the 'title' of its configuration)", shown)
    if manifest.lang not in project.languages:
        raise ReviewError(f"this review document is for the language '{manifest.lang}', "
                          "which is not a target language of this project", shown)
    if article is not None:
        return project.check_slug(article)
    try:
        return project.check_slug(manifest.article)
    except DiglotError:
        raise ReviewError(f"this review document is for the article '{manifest.article}', "
                          "which this project does not have; if it was renamed, name it: "
                          "--article NEW-NAME", shown) from None


def elsewhere(project: Project, manifest: Manifest) -> list[str]:
    """A project without a title is named by its folder: a document from a folder of
    another name (a clone, a renamed folder) is read, and said to be (its rows are matched
    by identity and French, as in any import)."""
    here = identity.project_identity(project)
    if manifest.project == here:
        return []
    return [f"this review document was exported from a project named '{manifest.project}', "
            f"this one is '{here}' (its folder's name); set the same 'title' in both "
            "configurations to silence this"]


def stray(doc: ReviewDoc) -> list[str]:
    return [f"a comment by {n.author or 'an unnamed reviewer'} is not on a row of the table; "
            f"not imported: {n.text}" for n in doc.stray_notes]
