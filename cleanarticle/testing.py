"""Checks and hypothesis strategies for people who write filters.

`check_filter` runs the contract every filter must keep (as scikit-learn's `check_estimator`
does for estimators); `articles()` and `boilerplate_lines()` generate clean articles and known
cruft for property tests. The strategies need hypothesis (the `test` extra); the checks do not.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import regex

from . import registry
from .filters.base import Filter, View
from .normalize import Whitespace
from .pipeline import Pipeline
from .text import line_key, split_lines
from .types import Removal

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["ARTICLE", "BOILERPLATE", "HOSTILE", "articles", "boilerplate_lines", "check_filter", "hostile_input"]

_SNAKE_CASE = regex.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")

# A neutral article: a title, plain paragraphs and one section heading; no cruft at all.
ARTICLE = """\
Council approves new budget for the town library

The town council voted on Tuesday to approve a larger budget for the public library.

Members said the extra money would pay for longer opening hours and more staff.

The library has seen a steady rise in visitors since the reading room was renovated.

What comes next

Work on the children's section is due to start in the spring and end before summer.

The head librarian thanked residents who had written letters in support of the plan.
"""

# Texts every filter must survive: edge cases a scraper produces, without hypothesis.
_EDGE_TEXTS = (
    "",
    "\n",
    "\n\n\n",
    "One line without a newline",
    "A single line with a newline.\n",
    "Control\x00characters\x07and\x1bescapes\x7f in\x0ba\x0cline\r\nand CR\rline\n",
    "Zero\u200bwidth\ufeffand\u00adsoft hyphens\u2028line separator\u2029paragraph\n",
    "Emoji 🎉🇨🇳🇺🇸👩🏽‍🚀 and a family 👨‍👩‍👧‍👦 on one line\n\n🔥🔥🔥\n",
    "שלום עולם, זה משפט בעברית.\n"
    "مرحبا بالعالم، هذه جملة عربية طويلة بما يكفي.\n"
    "\u202eReversed\u202c\n",
    "Lone surrogates \ud800 and \udfff in text\n",
    "word " * 20_000 + "\n",
    "x" * 50_000,
    "\n".join(["Share this article", "", "Read also: elsewhere", "By Jane Doe", "Advertisement"] * 40),
)

# Cruft that the default pipeline removes wherever it stands in an article.
BOILERPLATE = (
    "Share this story",
    "Share on Facebook",
    "Copy link",
    "Follow us on Google News",
    "Sign up for our daily briefing newsletter",
    "Enter your email address",
    "Advertisement",
    "Story continues below advertisement",
    "Sponsored Content",
    "IMG_4521.JPG",
    "shutterstock_2310554.jpg",
    "Featured image",
    "Image placeholder",
    "Photo: Reuters/Evelyn Hockstein",
    "Image source, Getty Images",
    "Source: Shutterstock",
    "Traders work on the floor of the exchange on Monday. (AP Photo/Seth Wenig)",
    "Read also: Oil prices climb as Gulf tensions rise",
    "READ MORE: Central bank holds rates steady",
    "— Jane Doe (@janedoe) June 5, 2025",
    "View this post on Instagram",
    "Back to top",
    "Was this article helpful?",
)

# Words for generated articles. Sentences use all three lists (the last holds words that
# widgets also use, which prose must be free to use); headings and titles start with a
# content word and use no widget words.
_FUNCTION_WORDS = tuple(
    """
    the a an of to in on at for with from by about after before over under between during
    and but or so because while although if when where which that this these those it its
    they their them we our he she his her you your who what how why
    is are was were has have had will would could should may might can
    """.split()
)
_CONTENT_WORDS = tuple(
    """
    government council minister officials police court judge residents workers students
    company market prices shares bank economy budget report plan law vote election
    city town country region village border river bridge school hospital station harbour
    year month week morning evening night season decade century history record figure
    new old large small early late local national public private former recent several
    rose fell grew announced approved rejected opened closed built signed agreed warned
    expected decided began ended raised cut moved reached returned visited described said
    people family children teachers doctors farmers drivers voters leaders members
    water energy power food housing transport health safety climate weather rain snow
    money cost price rate tax fund loan debt trade deal talks meeting agreement inquiry
    first second third last next many most some few every each other another same
    long short high low strong weak quickly slowly again still already also only even
    """.split()
)
_WIDGET_WORDS = tuple(
    """
    share follow subscribe read more news photo image source credit video comments top
    related latest updated published email print save newsletter advertisement sponsored
    """.split()
)
_NAMES = ("Anna", "Okafor", "Lisbon", "Kenya", "Monday", "March", "Ottawa", "Priya", "Delgado", "Baltic")
_NUMBERS = ("2", "12", "45", "90", "145", "1.5", "2024", "2025", "30%", "$600")


def _opening(text: str) -> tuple[str, ...]:
    """The first five words, casefolded: blocks that share them could read as repeats."""
    return tuple(line_key(text).split()[:5])


def _frozen_dataclass(cls: type) -> bool:
    return dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


def _own_docstring(cls: type) -> str:
    """The class's docstring, or "" when it has none (dataclass fills in its signature)."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    generated = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    return "" if doc == generated else doc


def _view(text: str) -> View:
    return View(text, split_lines(text))


def _find(instance: Filter, text: str) -> tuple[Removal, ...]:
    try:
        return tuple(instance.find(_view(text)))
    except Exception as error:
        raise AssertionError(f"{instance!r}.find() raised {error!r} on {text[:80]!r}") from error


def _paragraphs(context: str) -> list[str]:
    return [block.strip("\n") for block in context.split("\n\n") if block.strip()]


def _kept_lines(pipeline: Pipeline, paragraphs: Sequence[str]) -> list[str]:
    return [line for line in pipeline.run("\n\n".join(paragraphs)).text.split("\n") if line]


def _insertions(paragraphs: list[str], block: str) -> Iterable[tuple[str, list[str]]]:
    """The block as its own paragraph after the title, in the middle, and at the end."""
    places = {"after the title": 1, "in the middle": len(paragraphs) // 2, "at the end": len(paragraphs)}
    for label, at in places.items():
        yield label, paragraphs[:at] + [block] + paragraphs[at:]


def _with_block(base: list[str], kept: list[str], block: list[str]) -> bool:
    """True when `kept` is `base` with `block` inserted, whole and in order, somewhere."""
    size = len(block)
    starts = range(len(kept) - size + 1)
    return any(kept[at : at + size] == block and kept[:at] + kept[at + size :] == base for at in starts)


def check_filter(
    filter: Filter | type[Filter],
    removes: Iterable[str] = (),
    keeps: Iterable[str] = (),
    context: str | None = None,
) -> None:
    """Assert that a filter keeps the contract; raise AssertionError at the first breach.

    `filter` is an instance or a class (built with its defaults). Checked: it is a frozen
    dataclass, registered under its `name`, with a docstring; `find()` on edge-case texts
    yields in-bounds `Removal`s with its name and a snake_case reason, the same ones on every
    run; it leaves the built-in neutral article alone (when no `context` is given).

    Each `removes` entry (a line, or lines joined by "\\n" for a block) is inserted as its own
    paragraph into `context` after the title, in the middle and at the end, and run through
    whitespace → the filter → blank_lines: at one of those places at least it must be removed
    and nothing else change. Each `keeps` entry must survive at all three, nothing else changing.
    """
    instance = filter() if isinstance(filter, type) else filter
    _check_class(instance)
    article = ARTICLE if context is None else context
    for text in (*_EDGE_TEXTS, article):
        _check_find(instance, text)
    _check_examples(instance, _paragraphs(article), removes, keeps, neutral=context is None)


def _check_class(instance: Filter) -> None:
    cls = type(instance)
    label = cls.__qualname__
    assert isinstance(instance, Filter), f"{label} must subclass cleanarticle.filters.base.Filter"
    assert _frozen_dataclass(cls), f"{label} must be a frozen dataclass: its fields are its settings"
    name = getattr(cls, "name", None)
    assert name, f"{label} is not registered: decorate it with @register(name) or declare an entry point"
    try:
        registered = registry.get(name)
    except KeyError:
        registered = None
    assert registered is cls, f"{label} is not registered as {name!r}: registry.get({name!r}) gives {registered!r}"
    assert _own_docstring(cls), f"{label} needs a docstring whose first line says what it removes"


def _check_find(instance: Filter, text: str) -> None:
    removals = _find(instance, text)
    for removal in removals:
        where = f"{instance!r} on {text[:80]!r} returned {removal!r}"
        assert isinstance(removal, Removal), f"{where}: find() must yield Removal objects"
        inside = 0 <= removal.start < removal.end <= len(text)
        assert inside, f"{where}: empty span or span outside the text (0..{len(text)})"
        assert removal.filter == instance.name, f"{where}: filter must be its registry name {instance.name!r}"
        assert _SNAKE_CASE.fullmatch(removal.reason), f"{where}: reason must be a snake_case code"
    again = _find(instance, text)
    assert again == removals, f"{instance!r} is not deterministic on {text[:80]!r}: {removals} then {again}"


def _check_examples(
    instance: Filter, paragraphs: list[str], removes: Iterable[str], keeps: Iterable[str], neutral: bool
) -> None:
    names: list[str | Filter] = ["whitespace", instance]
    if instance.name != "blank_lines":
        names.append("blank_lines")
    pipeline = Pipeline.from_names(names)
    base = _kept_lines(pipeline, paragraphs)
    if neutral:
        lost = [line for line in _kept_lines(Pipeline.from_names(["whitespace"]), paragraphs) if line not in base]
        assert not lost, f"{instance!r} removes lines of a plain article: {lost}"
    for entry in removes:
        tried = {where: _kept_lines(pipeline, inserted) for where, inserted in _insertions(paragraphs, entry)}
        assert base in tried.values(), (
            f"{instance!r} should remove {entry!r} (alone, leaving the rest) but did not; kept lines:\n"
            + "\n".join(f"  {where}: {kept}" for where, kept in tried.items())
        )
    normalize = Whitespace(final_newline=False).normalize
    for entry in keeps:
        block = [line for line in normalize(entry).split("\n") if line]
        for where, inserted in _insertions(paragraphs, entry):
            kept = _kept_lines(pipeline, inserted)
            assert _with_block(base, kept, block), (
                f"{instance!r} should keep {entry!r} ({where}) and change nothing else; kept lines: {kept}"
            )


def articles(min_paragraphs: int = 3, max_paragraphs: int = 10, headings: bool = True) -> SearchStrategy[str]:
    """Clean article text: a title, paragraphs of sentences and optional section headings.

    Sentences have eight words or more and end in a full stop. No two sentences, headings or
    the title open with the same five words, so that nothing reads as a repeated standfirst or
    caption. Blocks are separated by blank lines; the text ends with a newline.
    """
    from hypothesis import strategies as st

    words = _FUNCTION_WORDS + _CONTENT_WORDS
    tokens = words + _WIDGET_WORDS + tuple(w + "," for w in _CONTENT_WORDS) + _NAMES * 3 + _NUMBERS
    content = st.sampled_from(_CONTENT_WORDS + _NAMES)

    def sentence_of(parts: list[str]) -> str:
        text = " ".join(parts).rstrip(",")
        return text[0].upper() + text[1:] + "."

    def capitalised(first: str, rest: list[str], title_case: bool, question: bool) -> str:
        parts = [first, *rest]
        text = " ".join(p[0].upper() + p[1:] for p in parts) if title_case else " ".join(parts)
        return text[0].upper() + text[1:] + ("?" if question else "")

    sentence = st.lists(st.sampled_from(tokens), min_size=8, max_size=20).map(sentence_of)
    def heading(paragraph: str) -> SearchStrategy[str]:
        """A section heading that names what its paragraph is about: its content words are the
        paragraph's, as a heading's mostly are (`off_topic` takes a label that shares none)."""
        own = sorted({w.strip(",.").lower() for w in paragraph.split()} & set(_CONTENT_WORDS))
        first = st.sampled_from(own) if own else content
        rest = st.sampled_from(_FUNCTION_WORDS + tuple(own)) if own else st.sampled_from(words)
        return st.builds(capitalised, first, st.lists(rest, min_size=1, max_size=6), st.booleans(), st.booleans())

    title_words = st.lists(st.sampled_from(words + _NUMBERS), min_size=3, max_size=13)
    title = st.builds(capitalised, content, title_words, st.booleans(), st.booleans())

    @st.composite
    def article(draw: st.DrawFn) -> str:
        count = draw(st.integers(min_paragraphs, max_paragraphs))
        sizes = draw(st.lists(st.integers(1, 3), min_size=count, max_size=count))
        pool = draw(st.lists(sentence, min_size=sum(sizes), max_size=sum(sizes), unique_by=_opening))
        used = {_opening(s) for s in pool}

        def fresh(block: str) -> bool:
            return _opening(block) not in used

        blocks = [draw(title.filter(fresh))]
        used.add(_opening(blocks[0]))
        for size in sizes:
            paragraph = " ".join(pool[:size])
            if headings and len(blocks) > 1 and draw(st.integers(0, 3)) == 0:
                name = draw(heading(paragraph).filter(fresh))
                used.add(_opening(name))
                blocks.append(name)
            blocks.append(paragraph)
            del pool[:size]
        return "\n\n".join(blocks) + "\n"

    return article()


def boilerplate_lines() -> SearchStrategy[str]:
    """One line of known cruft (share prompts, ad labels, credits, promos, embeds, ...)."""
    from hypothesis import strategies as st

    return st.sampled_from(BOILERPLATE)


def _article_html() -> str:
    title, *paragraphs = [block for block in ARTICLE.split("\n\n") if block.strip()]
    return f"<article><h1>{title}</h1>" + "".join(f"<p>{p.strip()}</p>" for p in paragraphs) + "</article>"


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Library budget</title></head><body>{body}</body></html>"


def _repeat(piece: str, size: int) -> str:
    return piece * max(1, size // len(piece))


# Inputs that cost the parsers or the pipeline far more than their size (issue 12): name → how
# to build it at `scale` of its full size. A name ending in ".html" is a page, else text.
HOSTILE = {
    "nested_divs.html": lambda n: _page("<div>" * n(200_000) + _article_html() + "</div>" * n(200_000)),
    "article_255_deep.html": lambda n: _page("<div>" * 255 + _article_html() + "</div>" * 255),
    "many_paragraphs.html": lambda n: _page(_article_html() + "<p>x" * n(300_000)),
    "wide_row.html": lambda n: _page(_article_html() + "<table><tr>" + "<td>c</td>" * n(200_000) + "</tr></table>"),
    "utf16_without_bom.html": lambda n: _page(_article_html()).encode("utf-16-le"),
    "page_100mb.html": lambda n: _page(_repeat(_article_html(), n(100_000_000))),
    "short_lines.txt": lambda n: "\n".join(BOILERPLATE[i % 8] for i in range(n(1_000_000))),
    "newlines_20mb.txt": lambda n: "\n" * n(20_000_000),
    "text_100mb.txt": lambda n: _repeat(ARTICLE + "\n".join(BOILERPLATE) + "\n\n", n(100_000_000)),
}


def hostile_input(name: str, scale: float = 1.0) -> str | bytes:
    """The hostile input `name` (a key of `HOSTILE`) at `scale` of its full size: 1.0 for the
    benchmark (benchmarks/bench_hostile.py), a few hundredths for fast tests."""
    return HOSTILE[name](lambda full: max(1, int(full * scale)))
