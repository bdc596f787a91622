"""The HTML path: decode, prune furniture with selectolax, extract the main text, clean the text.

The main text comes from trafilatura (`extractor="trafilatura"`, the default), from our DOM
model (`"model"`, `main_content`), or from the model where it is confident and trafilatura
elsewhere (`"auto"`).

`clean_html_and_explain` returns an `HtmlResult` whose `source` is the page's visible text, one
line per block (`visible`), and whose ledger covers every line of it that is not in the text:
pruned with its node (step `prune`, the rule as reason), left out by trafilatura (step `extract`,
`not_main_content`) or by our model (step `main_content`), or removed by the text pipeline run on the extracted text (`ledger`). So
`apply_removals(source, removals) == text` holds as for text input. It also lists the nodes
pruned before extraction (code included), and, when the text is empty, why. The pipeline's page-aware step, `link_teasers`, gets the page's link
texts (`links.anchor_keys`): lines that are the text of a link on the page go, and the headings
of such blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..blocks import PLAIN, Style
from ..filters.edge_chrome import EdgeChrome
from ..filters.link_teasers import LinkTeasers
from ..limits import Limits
from ..lines import count_words
from ..normalize import Normalizer
from ..pipeline import Pipeline
from ..types import CleanResult, Field, Metadata
from . import main_content, tokens
from .bounds import bound, cap
from .decode import decode
from .dom_features import Blocks
from .extract import extends, extract_document, tiny
from .ledger import account
from .links import anchor_keys, box_keys, button_keys
from .main_content import EXTRACTORS
from .meta import page_metadata
from .prune import PrunedNode, furniture
from .structure import align, line_styles
from .visible import NO_OWNER, visible_lines

__all__ = ["HtmlResult", "PrunedNode", "clean_html", "clean_html_and_explain"]


@dataclass(frozen=True, slots=True)
class HtmlResult(CleanResult):
    """A `CleanResult` for an HTML page: also the pruned nodes, and why the text is empty.

    `empty_reason` is "" when there is text, else a stable code: "empty_input" (nothing or only
    whitespace came in), "no_article_text" (no article text found in the page) or
    "all_text_removed" (the text filters removed every line; `removals` say which and why).
    """

    pruned: tuple[PrunedNode, ...] = ()
    empty_reason: str = ""
    styles: tuple[Style, ...] = ()  # the block of each line of `source` (`structure.line_styles`)
    language: str = ""  # the page's declared language (<html lang>), "" when it declares none
    extractor: str = ""  # what chose the main text: "trafilatura" or "model" ("" for empty input)


_TEXT_FIRST = frozenset({"author", "outlet"})


@cache
def _default() -> Pipeline:
    """The default text pipeline less `duplicates`, plus `edge_chrome` (before the learned
    `off_topic`, so its prompts keep their own reasons): trafilatura already keeps a block once, and
    on extracted text the step only cost article lines (docs/decisions.md); the head and tail of an
    extraction are where its leftover marketing chrome sits."""
    pipeline = Pipeline.default().add("edge_chrome", before="off_topic")
    return pipeline.without("duplicates") if "duplicates" in pipeline.names else pipeline


PARAGRAPH_WORDS = 15


def _paragraphs(text: str) -> bool:
    """Whether `text` holds a line of `PARAGRAPH_WORDS` words or more: a paragraph, not a label."""
    return any(count_words(line) >= PARAGRAPH_WORDS for line in text.split("\n"))


def run_keeping_prose(pipeline: Pipeline, text: str, url: str | None, limits: Limits | None = None) -> CleanResult:
    """`pipeline.run`, unless it removes every paragraph of `text`: then again without the steps
    that removed one. A page's only paragraph is its article, whatever it looks like (a caption
    with its credit, a teaser), and losing the article is worse than keeping a crumb."""
    result = pipeline.run(text, url, limits=limits)
    if _paragraphs(result.text):
        return result
    culprits = {r.filter for r in result.removals if _paragraphs(result.removed_text(r))}
    return pipeline.without(*culprits).run(text, url, limits=limits) if culprits else result


def _field(value: str, source: str) -> Field:
    """`value` with its span in `source`, or (-1, -1) when the text does not contain it."""
    at = f"\n{source}\n".find(f"\n{value}\n")  # a whole line, not a substring ("T" is in every "The")
    return Field(value, at, at + len(value)) if at >= 0 and "\n" not in value else Field(value, -1, -1)


def merge_metadata(page: dict[str, str], found: Metadata, source: str) -> Metadata:
    """Title and dates as the page declares them; author and outlet as found in the text when they are.

    Each declared value gets its span in the text when the text contains it, else (-1, -1). A
    declared author or outlet that the text does not contain gives way to the one the text
    pipeline read from a byline (with its span); the pipeline's title (the first line) is kept
    only when the page declares none, since the first extracted line is often not the headline.
    """
    fields = {}
    for name in ("title", "author", "published", "updated", "outlet"):
        value = page.get(name)
        declared = _field(value, source) if value else None
        own = getattr(found, name)
        if declared is None or (own is not None and declared.start < 0 and name in _TEXT_FIRST):
            fields[name] = own
        else:
            fields[name] = declared
    return Metadata(**fields)


def clean_html_and_explain(
    html: str | bytes, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None,
    include_comments: bool = False, extractor: str = "trafilatura", dom_model: str = "",
) -> HtmlResult:
    """Clean an HTML page: the article text, every removal from its visible text, the pruned nodes and page metadata.

    `limits` (default `Limits()`) bound the page's size, depth, elements and cells per row; what
    they cut comes first in `pruned`. `include_comments` keeps the readers' comments that the
    extractor finds below the article (for collections whose truth counts them as content).
    `extractor` picks the main text: "trafilatura" (default), "model" (our DOM model,
    `main_content`) or "auto" (the model where it is confident, else trafilatura; always
    trafilatura with `include_comments`, which the model knows nothing of); `dom_model` is the
    path of another model file ("" for the packaged one)."""
    if extractor not in EXTRACTORS:
        raise ValueError(f"extractor {extractor!r}: expected one of {', '.join(EXTRACTORS)}")
    limits = limits or Limits()
    page, bounded = bound(decode(cap(html, limits)), limits, capped=len(html) > limits.max_html_bytes)
    if not page.strip():
        return HtmlResult("", "", empty_reason="empty_input")
    tree = LexborHTMLParser(page)
    declared = page_metadata(tree)
    language = _language(tree)
    code, found = furniture(tree)
    root = tree.body or tree.root
    blocks = Blocks() if extractor == "model" or (extractor == "auto" and not include_comments) else None
    visible = visible_lines(root, {node.mem_id: index for index, (node, _) in enumerate(found)}, blocks) if root is not None else []
    for node, _ in found:
        node.decompose()
    pruned = bounded + code + tuple(record for _, record in found)
    furniture_records = [record for _, record in found]
    ours = None if blocks is None else main_content.extract(blocks, visible, main_content.load_model(dom_model), force=extractor == "model")
    if ours is not None:
        text, body = ours.text, None
    else:
        text, body = extract_document(tree.html or "", url, comments=include_comments)
    if ours is None and tiny(text, sum(len(line.text.split()) for line in visible if line.owner == NO_OWNER)):
        again = extract_document(page, url, comments=include_comments)  # pruning misled trafilatura: extract the page as it came
        if extends(again.text, text):
            text, body = again
    used = "trafilatura" if ours is None else "model"
    pipeline = pipeline or _default()
    normalize = _normalizer(pipeline)
    if not text.strip():
        whole = account("", (), visible, furniture_records, normalize, None if ours is None else ours.left_out)
        metadata = merge_metadata(declared, Metadata(), whole.source)
        return HtmlResult(
            "", whole.source, whole.removals, metadata, pruned, "no_article_text", (PLAIN,) * len(whole.extracted), language, used
        )
    result = run_keeping_prose(_for_page(pipeline, root, include_comments), text, url, limits)
    whole = (
        account(result.source, result.removals, visible, furniture_records, normalize)
        if ours is None
        else account(result.source, result.removals, visible, furniture_records, normalize, ours.left_out, ours.origin)
    )
    metadata = merge_metadata(declared, whole.move_metadata(result.metadata), whole.source)
    reason = "" if result.text.strip() else "all_text_removed"
    found_styles = line_styles(body, result.source) if ours is None else align(result.source.split("\n"), ours.styles, PLAIN)
    own = iter(found_styles)
    styles = tuple(next(own, PLAIN) if extracted else PLAIN for extracted in whole.extracted)
    return HtmlResult(result.text, whole.source, whole.removals, metadata, pruned, reason, styles, language, used)


def _for_page(pipeline: Pipeline, root: LexborNode | None, comments: bool = False) -> Pipeline:
    """`pipeline` given what the page tells: its link texts for `link_teasers`, its short links,
    buttons and call-to-action boxes for `edge_chrome`; without `page_furniture` and `glued_page`
    (the extractor has chosen the main text, from the page's blocks) and `link_markup` (extracted text holds no markup: a "[text](url)"
    in it is the page's own), and without `reader_comments` when the caller asked for the comments."""
    for name in ("page_furniture", "glued_page", "link_markup", *(("reader_comments",) if comments else ())):
        if name in pipeline.names:
            pipeline = pipeline.without(name)
    if LinkTeasers.name in pipeline.names:
        anchors = anchor_keys(root) if root is not None else frozenset()
        teasers = next(s for s in pipeline.steps if isinstance(s, LinkTeasers))
        pipeline = pipeline.replace(LinkTeasers.name, replace(teasers, anchors=anchors))
    if EdgeChrome.name in pipeline.names:
        edges = next(s for s in pipeline.steps if isinstance(s, EdgeChrome))
        links = button_keys(root, edges.link_words) if root is not None else frozenset()
        boxes = box_keys(root, tokens.CTA_WORDS, tokens.CTA_BOX_WORDS) if root is not None else frozenset()
        pipeline = pipeline.replace(EdgeChrome.name, replace(edges, links=links, boxes=boxes))
    return pipeline


def _normalizer(pipeline: Pipeline) -> Callable[[str], str]:
    """The pipeline's normalizers as one function: the lines the ledger adds read like the rest."""
    steps = [step for step in pipeline.steps if isinstance(step, Normalizer)]

    def normalize(text: str) -> str:
        for step in steps:
            text = step.normalize(text)
        return text

    return normalize


def _language(tree: LexborHTMLParser) -> str:
    root = tree.root
    value = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "") if root is not None else ""
    return value.strip()[:35]


def clean_html(
    html: str | bytes, url: str | None = None, *, pipeline: Pipeline | None = None, limits: Limits | None = None,
    include_comments: bool = False, extractor: str = "trafilatura", dom_model: str = "",
) -> str:
    """The article text of an HTML page, cleaned by the text pipeline; "" when there is none
    (`include_comments`, `extractor` and `dom_model` as in `clean_html_and_explain`)."""
    return clean_html_and_explain(
        html, url, pipeline=pipeline, limits=limits, include_comments=include_comments, extractor=extractor, dom_model=dom_model
    ).text
