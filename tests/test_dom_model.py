"""The DOM main-content step: features of hand-made pages, the confidence fallback, the ledger, training."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanarticle import apply_removals
from cleanarticle.content.model import ContentModel, Trees
from cleanarticle.html import clean_html_and_explain, dom_features, main_content
from cleanarticle.html.visible import visible_lines

PAGES = Path(__file__).parent / "html_pages"
ARTICLE = " ".join(["The council voted on Tuesday to rebuild the old bridge over the river, after years of debate."] * 3)
PAGE = f"""<html><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="sidebar-widget"><a href="/a">Most read: ten things</a></div>
<article><div class="post-content">
<h2>Bridge to be rebuilt</h2>
<p>{ARTICLE}</p>
<ul><li>First point of the plan, with a few words.</li></ul>
<p>{ARTICLE} <a href="/x">a link</a></p>
</div></article>
<footer><p>Copyright 2026 The Paper</p></footer>
</body></html>"""


def rows_of(html: str) -> tuple[list[str], np.ndarray]:
    """Every visible line of `html` (nothing pruned) and its feature row."""
    blocks = dom_features.Blocks()
    root = LexborHTMLParser(html).body
    assert root is not None
    visible = visible_lines(root, None, blocks)
    texts = [line.text for line in visible]
    return texts, dom_features.features(blocks, texts, list(range(len(texts))))


def column(rows: np.ndarray, name: str) -> np.ndarray:
    return rows[:, dom_features.NAMES.index(name)]


def test_features_tell_navigation_and_footers_from_article_paragraphs() -> None:
    texts, rows = rows_of(PAGE)
    assert rows.shape == (len(texts), len(dom_features.NAMES))
    at = {text[:12]: i for i, text in enumerate(texts)}
    home, widget, heading, item, footer = at["Home"], at["Most read: t"], at["Bridge to be"], at["First point "], at["Copyright 20"]
    paragraph = texts.index(f"{ARTICLE}")
    assert column(rows, "link_density")[[home, widget]].tolist() == [1.0, 1.0]
    assert column(rows, "link_density")[paragraph] == 0.0
    assert 0.0 < column(rows, "link_density")[paragraph + 2] < 0.1
    assert column(rows, "in_nav")[home] == 1.0 and column(rows, "in_list")[home] == 1.0
    assert column(rows, "in_footer")[footer] == 1.0 and column(rows, "in_article")[footer] == 0.0
    assert column(rows, "in_article")[[heading, paragraph, item]].tolist() == [1.0, 1.0, 1.0]
    assert column(rows, "class_near")[widget] < 0 < column(rows, "class_near")[paragraph]
    assert column(rows, "heading")[heading] == 2.0 and column(rows, "kind_item")[item] == 1.0
    assert column(rows, "kind_p")[paragraph] == 1.0
    # the paragraph's parent (the post) holds most of the page's words, a menu item's (the menu) a few
    assert column(rows, "parent_share")[paragraph] > 0.8 > 0.1 > column(rows, "parent_share")[home]


def test_cjk_words_count_by_characters() -> None:
    _, rows = rows_of("<body><p>今日は晴れです。明日は雨が降るでしょう。</p></body>")
    assert np.expm1(rows[0, 0]) >= 8


def constant(log_odds: float) -> ContentModel:
    """A model that gives every line the same log-odds."""
    tree = {"feature": [0], "threshold": [0.0], "left": [0], "right": [0], "value": [log_odds], "leaf": [1], "roots": [0], "depth": 0, "base": 0.0}
    return ContentModel(dom_features.NAMES, Trees.from_dict(tree), Trees.from_dict(tree), {})


def write(model: ContentModel, folder: Path) -> str:
    path = folder / f"model{len(list(folder.iterdir()))}.json"  # a new name: models load once per path
    path.write_text(model.to_json(), encoding="utf-8")
    return str(path)


def test_an_unsure_model_falls_back_to_trafilatura(tmp_path: Path) -> None:
    unsure = write(constant(0.5), tmp_path)  # p = 0.62 on every line: kept, but unsure
    auto = clean_html_and_explain(PAGE, extractor="auto", dom_model=unsure)
    assert auto == clean_html_and_explain(PAGE, extractor="trafilatura")
    forced = clean_html_and_explain(PAGE, extractor="model", dom_model=unsure)
    assert forced.text and apply_removals(forced.source, forced.removals) == forced.text


def test_a_confident_model_skips_trafilatura_and_says_why_lines_went(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sure = write(constant(-6.0), tmp_path)  # every line furniture: sure, but too few words chosen
    assert clean_html_and_explain(PAGE, extractor="auto", dom_model=sure) == clean_html_and_explain(PAGE)
    import cleanarticle.html as html_path

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura ran")

    monkeypatch.setattr(html_path, "extract_document", fail)
    result = clean_html_and_explain(PAGE, extractor="auto", dom_model=write(constant(6.0), tmp_path))
    assert ARTICLE in result.text and apply_removals(result.source, result.removals) == result.text
    heading = result.source.split("\n").index("Bridge to be rebuilt")
    assert result.styles[heading].kind == "h" and result.styles[heading].level == 2


def test_left_out_lines_name_the_step_the_reason_and_the_deciding_features() -> None:
    _, rows = rows_of(PAGE)
    reason, detail = main_content.reason(rows[0], -3.0)
    assert reason == main_content.LOW_SCORE
    assert "link_density=1.00" in detail and "in=nav,list" in detail and "p=0.05" in detail
    assert main_content.reason(rows[0], 1.0)[0] == main_content.OUTSIDE


def test_an_unknown_extractor_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'readability'"):
        clean_html_and_explain(PAGE, extractor="readability")


def sample_pages() -> list[tuple[str, str]]:
    out = []
    for name in sorted(p.name for p in PAGES.glob("*.htm*")):
        raw = (PAGES / name).read_bytes()
        out.append((name, (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8", "replace")))
    return out


@pytest.mark.parametrize(("name", "html"), sample_pages())
def test_the_model_mode_ledger_replays(name: str, html: str) -> None:
    result = clean_html_and_explain(html, extractor="model")
    assert apply_removals(result.source, result.removals) == result.text, name
    assert all(r.filter and r.reason for r in result.removals)
    assert len(result.styles) == len(result.source.split("\n")) - result.source.endswith("\n")


def _trainer():  # type: ignore[no-untyped-def]
    folder = Path(__file__).resolve().parent.parent / "benchmarks"
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("train_dom_model", folder / "train_dom_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_on_a_tiny_sample_gives_the_same_trees_twice() -> None:
    pytest.importorskip("sklearn")
    from cleanarticle.content.train import fit_trees

    trainer = _trainer()
    import labels

    index = json.loads((PAGES / "index.json").read_text(encoding="utf-8"))
    xs, ys = [], []
    for name in ("wcxb-0309.html.gz", "wcxb-4142.html.gz"):
        texts, rows = trainer.page_rows(gzip.decompress((PAGES / name).read_bytes()).decode("utf-8", "replace"))
        truth = (PAGES / index[name]["main_content"]).read_text(encoding="utf-8")
        marks = labels.label_lines(texts, truth)
        known = [i for i, mark in enumerate(marks) if mark is not None]
        xs.append(rows[known])
        ys.append(np.array([marks[i] for i in known]))
    x, y = np.vstack(xs), np.concatenate(ys)
    assert 0 < y.sum() < len(y)
    weights = np.expm1(x[:, 0]) + 1.0
    first, second = (fit_trees(x, y, weights, trees=5, depth=3).to_dict() for _ in range(2))
    assert first == second


def test_the_packaged_model_records_its_data_settings_and_held_out_scores() -> None:
    info = main_content.load().info
    assert len(info["trained_on"]["labelled_data_sha256"]) == 64
    assert set(info["dev_scores_held_out"]["held_out"]) == {"trafilatura-eval-dev", "readability-pages", "wcxb-dev-articles"}
    assert info["settings"]["max_unsure"] == main_content.Settings().max_unsure


def test_auto_leaves_pages_with_comments_to_trafilatura(tmp_path: Path) -> None:
    sure = write(constant(6.0), tmp_path)
    assert clean_html_and_explain(PAGE, extractor="auto", dom_model=sure).extractor == "model"
    kept = clean_html_and_explain(PAGE, extractor="auto", dom_model=sure, include_comments=True)
    assert kept == clean_html_and_explain(PAGE, include_comments=True) and kept.extractor == "trafilatura"
