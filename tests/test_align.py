"""``diglot align``: proposals from an existing English text, through the CLI, on articles
of our own (same structure; then merged, split, deleted and added English paragraphs), plain
text and Word input, the PO protections, the review page, and a slice of a real novel."""

from __future__ import annotations

import html
import importlib.util
import re
import textwrap

import pytest

from conftest import CORPORA, ROOT
from project_fixture import Proj

from diglot.align.cut import cut
from diglot.align.refine import sentences
from diglot.align.dp import best_path
from diglot.align.scoring import Scorer
from diglot.model import PARAGRAPH, Block

# (Markdown prefix, French, English): the article and its translation, segment by segment.
ARTICLE = [
    ("# ", "Le phare de Sein", "The Sein lighthouse"),
    ("", "L'île de Sein se trouve à huit kilomètres de la pointe du Raz. En 1839, les marins y "
         "comptaient déjà plus de vingt naufrages par décennie.",
     "The Île de Sein lies eight kilometres off the Pointe du Raz. By 1839, sailors already "
     "counted more than twenty shipwrecks a decade there."),
    ("", "Le premier phare fut allumé le 1er mars 1839, après quatre ans de travaux difficiles.",
     "The first light was lit on 1 March 1839, after four years of hard work."),
    ("## ", "Une construction difficile", "A difficult build"),
    ("", "Les ouvriers ne pouvaient débarquer que par temps calme, soit une quarantaine de jours "
         "par an. Chaque pierre arrivait de Brest par bateau, taillée d'avance.",
     "Workers could land only in calm weather, about forty days a year. Every stone came from "
     "Brest by boat, cut in advance."),
    ("", "Le chantier employa soixante hommes. Trois d'entre eux périrent noyés pendant "
         "l'hiver 1837, quand une vague emporta la chaloupe.",
     "The site employed sixty men. Three of them drowned during the winter of 1837, when a "
     "wave swept the launch away."),
    ("", "Pourtant la tour atteignit 43 mètres, et sa lanterne portait à 50 kilomètres.",
     "Even so, the tower reached 43 metres, and its lantern carried 50 kilometres."),
    ("", "Les habitants de l'île, d'abord méfiants, vinrent bientôt apporter du poisson aux "
         "ouvriers. Certains apprirent même le métier de tailleur de pierre.",
     "The islanders, wary at first, soon came to bring the workers fish. Some even learned "
     "the stonemason's trade."),
    ("## ", "Ce qu'il faut savoir", "What to know"),
    ("- ", "La tour mesure 49 mètres depuis sa reconstruction en 1952.",
     "The tower has stood 49 metres tall since it was rebuilt in 1952."),
    ("- ", "Le feu est automatisé depuis 1990.", "The light has been automatic since 1990."),
    ("- ", "Le site est classé monument historique.", "The site is a listed historic monument."),
    ("> ", "« La mer ici ne pardonne rien », écrivait Anatole Le Braz.",
     "\"The sea here forgives nothing,\" wrote Anatole Le Braz."),
    ("", "Pour les horaires, consultez [le site](https://www.ile-de-sein.fr/visites) ou tapez "
         "`sein-visites` dans l'application.",
     "For opening hours, see [the website](https://www.ile-de-sein.fr/visites) or type "
     "`sein-visites` in the app."),
    ("", "Le gardien Jean Guilcher y passa trente-deux ans de sa vie, de 1921 à 1953, sans "
         "jamais manquer une nuit.",
     "The keeper Jean Guilcher spent thirty-two years of his life there, from 1921 to 1953, "
     "without ever missing a night."),
    ("", "Sa femme tenait le registre des passages de navires. Ses carnets, conservés à Quimper, "
         "comptent plus de quatre mille pages.",
     "His wife kept the register of passing ships. Her notebooks, kept in Quimper, run to more "
     "than four thousand pages."),
]
FR = {k: fr for k, (_, fr, _) in enumerate(ARTICLE)}
EN = {k: en for k, (_, _, en) in enumerate(ARTICLE)}
NOTE = ("Translator's note: the dates in this passage were checked against the registers of "
        "the Lighthouse Service, which the archives of Finistère keep and lend on request.")


def markdown(parts) -> str:
    return "\n\n".join(prefix + text for prefix, text in parts) + "\n"


@pytest.fixture
def proj(make_project):
    return make_project({"sein": markdown((prefix, fr) for prefix, fr, _ in ARTICLE)}, update=False)


def align(proj: Proj, english: str, *options: str, name: str = "sein.en.md"):
    path = proj.write(name, english)
    return proj.run("align", "sein", str(path), *options)


def english_variant(merge=(), split=(), delete=(), add=()) -> str:
    """The English with paragraphs ``merge`` joined, ``split`` cut at their first sentence
    end, ``delete`` dropped and a translator's note added after each of ``add``."""
    parts = []
    for k, (prefix, _, en) in enumerate(ARTICLE):
        if k in delete:
            continue
        if k - 1 in merge:
            parts[-1] = (parts[-1][0], parts[-1][1] + " " + en)
        elif k in split:
            first, rest = en.split(". ", 1)
            parts += [(prefix, first + "."), (prefix, rest)]
        else:
            parts.append((prefix, en))
        if k in add:
            parts.append(("", NOTE))
    return markdown(parts)


def note(entry) -> str:
    return next(c for c in entry.translator_comments if c.startswith("align:"))


def translations(proj: Proj) -> dict[int, str]:
    entries = proj.entries("sein")
    return {k: entries[fr].msgstr for k, fr in FR.items()}


# --- alignment quality -----------------------------------------------------------------------

def test_same_structure_gives_every_segment_its_translation(proj):
    result = align(proj, english_variant())
    assert result.exit_code == 0, result.output
    assert translations(proj) == EN
    assert "merges (French paragraphs joined in one English): 0" in result.output
    assert "French without English: 0; English unmatched: 0" in result.output


def test_merged_split_and_deleted_paragraphs_leave_the_others_right(proj):
    merged, split, deleted = 4, 15, 6
    result = align(proj, english_variant(merge={merged}, split={split}, delete={deleted}))
    assert result.exit_code == 0, result.output
    entries = proj.entries("sein")
    untouched = set(FR) - {merged, merged + 1, split, deleted}
    assert {k: entries[FR[k]].msgstr for k in untouched} == {k: EN[k] for k in untouched}
    assert "merges (French paragraphs joined in one English): 1" in result.output
    assert "splits (one French in several English): 1" in result.output
    assert "French without English: 1" in result.output
    # The merged English is cut back at its sentence end; the split one joined again.
    assert [entries[FR[k]].msgstr for k in (merged, merged + 1)] == [EN[merged], EN[merged + 1]]
    assert "(2-1 merge)" in note(entries[FR[merged]])
    assert entries[FR[split]].msgstr == EN[split]
    assert "(1-2 split)" in note(entries[FR[split]])
    assert entries[FR[deleted]].msgstr == ""


def test_english_that_matches_nothing_is_listed_with_its_line(proj):
    result = align(proj, english_variant(add={14}))
    assert "English unmatched: 1" in result.output
    assert re.search(r"sein\.en\.md:\d+: Translator's note: the dates", result.output)
    assert translations(proj) == EN


def test_plain_text_input(proj):
    wrapped = "\n\n".join(textwrap.fill(en, 40, break_on_hyphens=False,
                                           break_long_words=False) for _, _, en in ARTICLE) + "\n"
    result = align(proj, wrapped, name="sein-en.txt")
    assert result.exit_code == 0, result.output
    assert translations(proj) == EN


def test_docx_input(proj):
    import docx

    document = docx.Document()
    for prefix, _, en in ARTICLE:
        level = prefix.count("#")
        if level:
            document.add_heading(en, level)
        else:
            document.add_paragraph(en, "List Bullet" if prefix == "- " else None)
    path = proj.root / "sein.docx"
    document.save(str(path))
    result = proj.run("align", "sein", str(path))
    assert result.exit_code == 0, result.output
    got = translations(proj)
    # Word text is literal: Markdown's own characters come back escaped.
    assert got.pop(13).startswith("For opening hours, see \\[the website\\]")
    assert got == {k: en for k, en in EN.items() if k != 13}


# --- the PO file ------------------------------------------------------------------------------

def test_proposals_are_fuzzy_with_a_confidence_comment(proj):
    align(proj, english_variant())
    entry = proj.entries("sein")[FR[5]]
    assert entry.fuzzy
    assert re.fullmatch(r"align: confidence (0\.\d\d|1\.00) \(1-1\), proposal [0-9a-f]{8}",
                        note(entry))
    assert "\n# align: confidence" in (proj.root / "translations/en/sein.po").read_text("utf-8")
    # Aligning again replaces the comment rather than adding a second one.
    align(proj, english_variant())
    assert sum(c.startswith("align:") for c in proj.entries("sein")[FR[5]].translator_comments) == 1


def test_accept_above_marks_confident_proposals_translated(proj):
    result = align(proj, english_variant(), "--accept-above", "0.7")
    entries = proj.entries("sein")
    scores = {fr: float(note(entries[fr]).split()[2]) for fr in FR.values()}
    assert all(entries[fr].translated == (score >= 0.7) for fr, score in scores.items())
    accepted = sum(score >= 0.7 for score in scores.values())
    assert accepted > len(FR) // 2
    assert f"({accepted} accepted as translated)" in result.output


def test_translated_entries_are_kept_unless_overwrite(proj):
    assert proj.run("update").exit_code == 0
    proj.translate("sein", {FR[2]: "The first lamp burned on 1 March 1839."})
    result = align(proj, english_variant())
    assert "translations kept: 1" in result.output
    kept = proj.entries("sein")[FR[2]]
    assert kept.msgstr == "The first lamp burned on 1 March 1839." and kept.translated
    assert not kept.translator_comments
    align(proj, english_variant(), "--overwrite")
    replaced = proj.entries("sein")[FR[2]]
    assert replaced.msgstr == EN[2] and replaced.fuzzy


def test_a_memory_proposal_is_kept_unless_overwrite_which_drops_its_comment(proj):
    proj.source("autre", f"# Autre\n\n{FR[2]}\n")
    assert proj.run("update").exit_code == 0
    proj.translate("autre", {FR[2]: "The first lamp burned on 1 March 1839."})
    assert proj.run("update").exit_code == 0
    remembered = proj.entries("sein")[FR[2]]
    assert remembered.fuzzy and remembered.translator_comments == ("memory: 100% from autre",)
    result = align(proj, english_variant())
    assert "translations kept: 1" in result.output
    assert proj.entries("sein")[FR[2]] == remembered
    align(proj, english_variant(), "--overwrite")
    replaced = proj.entries("sein")[FR[2]]
    assert replaced.msgstr == EN[2]
    assert [c.split(" ")[0] for c in replaced.translator_comments] == ["align:"]


def test_a_fuzzy_draft_is_kept_unless_overwrite_but_aligns_own_proposals_are_renewed(proj):
    """A fuzzer's find: update's old translation of a changed paragraph (fuzzy, with its
    #| msgid) was replaced by align's guess, and kept nowhere."""
    assert proj.run("update").exit_code == 0
    proj.edit("sein", {FR[2]: {"msgstr": "My careful draft.", "flags": ("fuzzy",)}})
    draft = proj.entries("sein")[FR[2]]
    result = align(proj, english_variant())
    assert "translations kept: 1" in result.output and proj.entries("sein")[FR[2]] == draft
    renewed = [e for e in proj.entries("sein").values()
               if any(c.startswith("align:") for c in e.translator_comments)]
    assert renewed and align(proj, english_variant()).exit_code == 0  # its own: proposed again


def test_an_align_proposal_reviewed_then_made_fuzzy_by_update_is_kept():
    """A code review's find: the "align:" comment update carries made a reviewed
    translation align's own again; a re-run replaced it."""
    from types import SimpleNamespace

    from diglot.align.apply import Proposal, apply_proposals
    from diglot.po.model import Catalog, Entry

    reviewed = Entry("Le tram part de la grande gare.", "The tram leaves the station (reviewed).",
                     flags=("fuzzy",), previous_msgid="Le tram part de la gare.",
                     translator_comments=("align: confidence 0.97 (1-1)",))
    catalog = Catalog(Entry("", "Language: en\n"), [reviewed])
    out, counts = apply_proposals(catalog, [SimpleNamespace(text=reviewed.msgid)],
                                  [Proposal(0, "A guess.", 0.5, "1-1")])
    assert out.entries[0] == reviewed and (counts.kept, counts.proposed) == (1, 0)


def test_po_and_template_match_what_update_would_write(proj):
    align(proj, english_variant())
    assert proj.run("update", "--check").exit_code == 0


def test_errors_write_nothing(proj):
    proj.write("empty.md", "\n")
    before = proj.snapshot()
    for args, message in [(("nope", "empty.md"), "no article named 'nope'"),
                          (("sein", "empty.md"), "no text to align"),
                          (("sein", "empty.md", "--lang", "de"), "not a target language")]:
        result = proj.run("align", args[0], str(proj.root / args[1]), *args[2:])
        assert result.exit_code == 2 and message in result.output
    assert proj.snapshot() == before


# --- the review page -------------------------------------------------------------------------

def test_review_page_is_escaped_and_lists_the_weakest_first(proj):
    proj.source("sein", markdown([(p, fr) for p, fr, _ in ARTICLE] + [
        ("", "Un paragraphe avec <script>alert(1)</script> dedans, et rien en face.")]))
    assert align(proj, english_variant()).exit_code == 0
    page = (proj.root / "build/review/sein.en.align.html").read_text("utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "script-src 'none'" in html.unescape(page)
    scores = re.findall(r'class="align-meta"><strong>([^<]+)</strong>', page)
    assert scores[0] == "unpaired"
    numbers = [float(s) for s in scores[1:]]
    assert numbers == sorted(numbers) and len(numbers) == len(ARTICLE)


def test_sentences_end_at_sentence_ends_not_abbreviations():
    text = "Ask Mr. Fogg. He knows J. Smith well: “Yes,” said he. Done!"
    assert sentences(text) == ["Ask Mr. Fogg.", "He knows J. Smith well:", "“Yes,” said he.",
                               "Done!"]
    assert sentences("No end here") == ["No end here"]


def test_merged_english_is_cut_where_the_anchors_say():
    french = [Block(PARAGRAPH, t, 1) for t in (
        "Le gardien arriva en 1921 avec sa femme, une lampe et deux valises.",
        "Quimper garde ses carnets.", "Personne ne sait pourquoi.")]
    english = [Block(PARAGRAPH, t, 1) for t in (
        "The keeper arrived in 1921. He had a wife, a lamp and two cases. Quimper keeps "
        "his notebooks.", "Nobody knows why.")]
    scorer = Scorer(french, english)
    assert cut(scorer, 0, 2, 0, 1) == (
        "The keeper arrived in 1921. He had a wife, a lamp and two cases.",
        "Quimper keeps his notebooks.")
    scorer = Scorer(french, [Block(PARAGRAPH, "One sentence only", 1)])
    assert sorted(cut(scorer, 0, 3, 0, 1)) == ["", "", "One sentence only"]


def test_band_keeps_memory_linear(monkeypatch):
    import diglot.align.dp as dp

    n, rows, fill = 3000, [], dp._fill
    monkeypatch.setattr(dp, "_fill", lambda cost, ranges, moves, keep=False: (
        rows.extend(hi - lo + 1 for lo, hi in ranges), fill(cost, ranges, moves, keep))[1])
    path = best_path(lambda i, a, j, b: 0.0 if (a, b) == (1, 1) else 5.0, n, n,
                     moves=((1, 1), (1, 0), (0, 1)))
    assert path == [(i, 1, i, 1) for i in range(n)]
    assert max(rows) <= 2 * dp.BAND + 2 and sum(rows) < 60 * n


def test_the_band_stops_doubling_at_its_budget(monkeypatch):
    """An attack round: 500 paragraphs of "Ok." before the real English made the path run
    along the band's edge, and the band doubled to the whole matrix (64 s, 380 MB)."""
    import diglot.align.dp as dp

    n, extra, rows, fill = 1000, 500, [], dp._fill
    monkeypatch.setattr(dp, "_fill", lambda cost, ranges, moves, keep=False: (
        rows.extend(hi - lo + 1 for lo, hi in ranges), fill(cost, ranges, moves, keep))[1])
    # English j matches French j - extra: the best path first skips `extra` English.
    cost = lambda i, a, j, b: 0.0 if (a, b) == (1, 1) and j == i + extra else \
        0.1 if (a, b) == (0, 1) else 5.0  # noqa: E731
    best_path(cost, n, n + extra, moves=((1, 1), (1, 0), (0, 1)))
    first = (n + 1) * (2 * dp.BAND + 1)
    assert sum(rows) <= max(dp.MAX_CELLS, 4 * first)


# --- a real novel ----------------------------------------------------------------------------

VERNE = CORPORA / "literature" / "around-the-world-in-eighty-days"


@pytest.mark.skipif(not VERNE.is_dir(), reason="../shared/corpora is not present")
def test_verne_first_chapters_keep_their_headings(make_project):
    spec = importlib.util.spec_from_file_location("align_verne", ROOT / "bench" / "align_verne.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    french, _ = bench.to_markdown((VERNE / "fr.txt").read_text("utf-8"), "fr")
    english, _ = bench.to_markdown((VERNE / "en.txt").read_text("utf-8"), "en")
    proj = make_project({"verne": french[:french.index("\n## IV.")]}, update=False)
    path = proj.write("verne.en.md", english[:english.index("\n## CHAPTER IV.")])
    assert proj.run("align", "verne", str(path)).exit_code == 0
    headings = {e.msgid[:4]: e.msgstr[:12] for e in proj.po("verne").entries
                if "heading 2" in e.extracted_comments}
    assert headings == {"I. D": "CHAPTER I. I", "II. ": "CHAPTER II. ", "III.": "CHAPTER III."}


def test_a_proposal_a_translator_edited_is_kept_by_the_next_align(proj):
    """A new user's find: a draft edited from align's proposal, left fuzzy (a text editor,
    Weblate's "needs editing"), was replaced by the next align without --overwrite."""
    align(proj, english_variant())
    edited = proj.entries("sein")[FR[5]].msgstr + " (revised)"
    proj.edit("sein", {FR[5]: {"msgstr": edited}})
    result = align(proj, english_variant())
    assert "translations kept: 1" in result.output
    assert proj.entries("sein")[FR[5]].msgstr == edited and proj.entries("sein")[FR[5]].fuzzy
    others = [e for k, e in proj.entries("sein").items() if k != FR[5] and e.fuzzy]
    assert others and all(e.msgstr for e in others)  # its own, unedited: proposed again
    align(proj, english_variant(), "--overwrite")
    assert proj.entries("sein")[FR[5]].msgstr != edited
