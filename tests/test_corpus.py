"""Site profiles: sites, counting, thresholds, the file format, and the site_boilerplate filter.

The in-memory `reference_profiles` is the oracle: the hashed, two-pass `build_profiles` (in one
process or in workers) must give the same profiles whatever the order of the documents.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from cleanarticle import ConfigError, Pipeline, config
from cleanarticle.corpus import (
    Counts,
    Profiles,
    SiteProfile,
    Thresholds,
    build_profiles,
    count_documents,
    document_keys,
    reference_profiles,
    site_of,
)
from cleanarticle.corpus.count import document_hashes, key_hash
from cleanarticle.corpus.profile import normalizers_of
from cleanarticle.filters.site_boilerplate import SiteBoilerplate
from cleanarticle.testing import check_filter
from cleanarticle.text import apply_removals, line_key, split_lines

WORDS = "harbour council budget river station minister market school bridge report village farmers".split()


def article(rng: random.Random, n: int) -> list[str]:
    """Paragraphs unique to one document (a number and random words in each)."""
    return [f"Paragraph {n}.{i}: " + " ".join(rng.choice(WORDS) for _ in range(12)) + "." for i in range(3)]


def corpus(seed: int = 0, sites: int = 3, per_site: int = 20) -> tuple[list[tuple[str, str]], dict[str, list[str]]]:
    """(url, text) documents of a few sites, each with its own header and footer template
    lines (each template line in about 80 % of the site's documents), and the templates."""
    rng = random.Random(seed)
    templates = {
        f"site{s}.co.uk": [
            f"Site {s} Daily | Home | World | Sport",
            f"Sign in to Site {s}",
            f"© 2025 Site {s} Media Ltd. Registered in England {s}.",
            f"Follow Site {s} on social media",
        ]
        for s in range(sites)
    }
    docs = []
    for n in range(sites * per_site):
        site = f"site{n % sites}.co.uk"
        header, *rest = [line for line in templates[site] if rng.random() < 0.8] or [""]
        body = "\n\n".join(article(rng, n))
        docs.append((f"https://www.{site}/news/{n}", "\n".join([header, "", body, "", *rest]) + "\n"))
    return docs, templates


DOCS, TEMPLATES = corpus()


# sites --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "site"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("http://user:pw@news.example.com:8080/a?b#c", "example.com"),
        ("https://www.abc.net.au/news", "abc.net.au"),
        ("https://edition.cnn.com/2025/06/05/x", "cnn.com"),
        ("https://www.lemonde.fr/", "lemonde.fr"),
        ("https://www.interieur.gouv.fr/a", "interieur.gouv.fr"),
        ("https://someone.blogspot.com/2025/01/post.html", "someone.blogspot.com"),
        ("HTTPS://WWW.Example.COM./x", "example.com"),
        ("www.spiegel.de/politik/a-1", "spiegel.de"),
        ("//cdn.example.org/x", "example.org"),
        ("http://192.168.1.10/a", "192.168.1.10"),
        ("https://[2001:db8::1]:443/a", "2001:db8::1"),
        ("localhost", "localhost"),
        ("Le Monde", "le monde"),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_site_of(value: str | None, site: str | None) -> None:
    assert site_of(value) == site


# line keys and counting ---------------------------------------------------------------------


def test_document_keys_are_the_filters_keys_once_each() -> None:
    normalizers = normalizers_of(None)
    text = "Share this article!\n\n  SHARE THIS ARTICLE \n* * *\nBody text.\n"
    assert document_keys(text, normalizers) == {"share this article", "body text"}
    assert document_keys(text, normalizers, min_chars=10) == {"share this article"}
    source = Pipeline.default().run(text).source
    assert document_keys(text, normalizers) <= {line.key for line in split_lines(source)}


def test_key_hash_is_stable_across_processes() -> None:
    # a fixed value: xxh3_64 of the UTF-8 bytes, never Python's salted hash()
    assert key_hash("share this article") == key_hash("share this article")
    assert key_hash("share this article") != key_hash("share this articles")
    assert key_hash("") == 0x2D06800538D394C2
    assert key_hash("\ud800") != key_hash("\ufffd")  # lone surrogates hash too, distinctly
    assert document_hashes("b\na\nb\n", ()) == sorted({key_hash("a"), key_hash("b")})


def test_counts_merge_like_one_count() -> None:
    normalizers = normalizers_of(None)
    whole, left, right = Counts(), Counts(), Counts()
    for index, (url, text) in enumerate(DOCS):
        hashes = document_hashes(text, normalizers)
        whole.add(site_of(url), hashes)  # type: ignore[arg-type]
        (left if index % 3 else right).add(site_of(url), hashes)  # type: ignore[arg-type]
    merged = Counts().merge(left).merge(right)
    assert merged.documents == whole.documents
    assert merged.lines == whole.lines
    assert merged.chosen(Thresholds()) == whole.chosen(Thresholds())


# the reference ------------------------------------------------------------------------------


def test_reference_finds_each_sites_template_and_no_article_line() -> None:
    profiles = reference_profiles(DOCS)
    assert sorted(profiles.sites) == sorted(TEMPLATES)
    for site, template in TEMPLATES.items():
        profile = profiles.sites[site]
        assert profile.documents == 20
        assert set(profile.lines) == {line_key(line) for line in template}
        assert all(12 <= count <= 20 for count in profile.lines.values())


def test_thresholds_documents_and_share() -> None:
    docs = [("https://a.com/1", "common line\n"), ("https://a.com/2", "common line\n")] + [
        (f"https://a.com/x{i}", f"other {i}\n") for i in range(8)
    ]
    profiles = reference_profiles(docs, Thresholds(min_documents=2, min_share=0.2))
    assert profiles.sites["a.com"].lines == {"common line": 2}
    assert not reference_profiles(docs, Thresholds(min_documents=3, min_share=0.0)).sites
    assert not reference_profiles(docs, Thresholds(min_documents=2, min_share=0.25)).sites
    assert not reference_profiles(docs, Thresholds(min_documents=2, min_share=0.2, min_chars=12)).sites


def test_documents_without_a_site_are_skipped_and_a_line_counts_once_per_document() -> None:
    docs = [(None, "x\n"), ("", "x\n")] + [("https://b.org/1", "dup\ndup\ndup\n")] * 2 + [("https://b.org/2", "y\n")]
    profiles = reference_profiles(docs, Thresholds(min_documents=2, min_share=0.5))
    assert profiles.sites == {"b.org": SiteProfile(3, {"dup": 2})}


@pytest.mark.parametrize("bad", [{"min_documents": 1}, {"min_share": 1.5}, {"min_share": -0.1}, {"min_chars": 0}])
def test_thresholds_refuse_nonsense(bad: dict) -> None:
    with pytest.raises(ConfigError):
        Thresholds(**bad)


# the streaming builder against the reference ------------------------------------------------


def test_build_profiles_equals_the_reference_whatever_the_order() -> None:
    reference = reference_profiles(DOCS)
    for seed in range(3):
        shuffled = random.Random(seed).sample(DOCS, len(DOCS))
        assert build_profiles(lambda: iter(shuffled)) == reference
    assert build_profiles(lambda: iter(DOCS)).dumps() == reference.dumps()


def test_build_profiles_in_workers_equals_the_reference() -> None:
    docs, _ = corpus(seed=5, sites=4, per_site=150)  # several chunks per worker
    thresholds = Thresholds(min_documents=3, min_share=0.1, min_chars=3)
    assert build_profiles(lambda: iter(docs), thresholds, jobs=2) == reference_profiles(docs, thresholds)


def test_count_documents_skips_siteless_documents() -> None:
    counts = count_documents([(None, "a\n"), ("https://c.net/", "a\n")], Thresholds())
    assert counts.documents == {"c.net": 1}


def test_naming_fails_loudly_when_the_corpus_changes_between_reads() -> None:
    reads = iter([DOCS, DOCS[:1]])
    with pytest.raises(ValueError, match="changed between its two reads"):
        build_profiles(lambda: iter(next(reads)))


# the file ------------------------------------------------------------------------------------


def test_profile_file_round_trips_with_sorted_keys(tmp_path: Path) -> None:
    profiles = reference_profiles(DOCS)
    path = tmp_path / "p.json"
    profiles.save(path)
    text = path.read_text("utf-8")
    data = json.loads(text)
    assert data["format"] == "cleanarticle.site_profiles" and data["version"] == 1
    assert data["thresholds"] == {"min_chars": 1, "min_documents": 5, "min_share": 0.05}
    assert list(data["sites"]) == sorted(data["sites"])
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    loaded = Profiles.load(path)
    assert loaded == profiles and hash(loaded) == hash(profiles) and loaded.dumps() == text
    assert "3 sites" in repr(loaded)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read site profile"),
        ('{"format": "other"}', "not a cleanarticle site profile"),
        ('{"format": "cleanarticle.site_profiles", "version": 1, "sites": {"a": {"lines": {}}}}', "malformed"),
    ],
)
def test_bad_profile_files_are_config_errors_naming_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        Profiles.load(path)
    assert str(path) in str(caught.value)
    with pytest.raises(ConfigError, match="cannot read"):
        Profiles.load(tmp_path / "missing.json")


# the filter ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def profile_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("profiles") / "profiles.json"
    reference_profiles(DOCS).save(path)
    return path


def test_filter_removes_the_template_lines_and_says_how_often(profile_path: Path) -> None:
    pipeline = Pipeline.default().enable(SiteBoilerplate(profile=str(profile_path)))
    url, text = DOCS[0]
    result = pipeline.run(text, url)
    ours = [r for r in result.removals if r.filter == "site_boilerplate"]
    assert ours and all(r.reason == "site_repeated_line" for r in ours)
    assert all(r.detail.startswith("in ") and r.detail.endswith(" of 20 documents of site0.co.uk") for r in ours)
    assert apply_removals(result.source, result.removals) == result.text
    assert "Site 0" not in result.text and result.text.count("Paragraph 0.") == 3


def test_filter_leaves_unknown_sites_and_siteless_documents_alone(profile_path: Path) -> None:
    step = SiteBoilerplate(profile=str(profile_path))
    pipeline = Pipeline.from_names(["whitespace", step])
    text = DOCS[0][1]
    assert pipeline.run(text, "https://elsewhere.com/a").text == text
    assert pipeline.run(text).text == text
    assert pipeline.run(text, "https://site0.co.uk/").text != text
    with_site = Pipeline.from_names(["whitespace", SiteBoilerplate(profile=str(profile_path), site="site0.co.uk")])
    assert with_site.run(text).text != text


def test_filter_without_profile_removes_nothing_and_is_not_a_default_step() -> None:
    assert "site_boilerplate" not in Pipeline.default().names
    url, text = DOCS[0]
    assert Pipeline.default().enable("site_boilerplate").run(text, url).text == Pipeline.default().run(text).text


def test_filter_keeps_the_filter_contract(profile_path: Path) -> None:
    check_filter(SiteBoilerplate)
    template = TEMPLATES["site1.co.uk"]
    check_filter(
        SiteBoilerplate(profile=str(profile_path), site="site1.co.uk"),
        removes=[template[1], template[3]],
        keeps=["Sign in to Site 2", "Paragraph text that no template has."],
    )


def test_filter_config_round_trips_through_toml_with_a_path(profile_path: Path, tmp_path: Path) -> None:
    pipeline = Pipeline.default().enable("site_boilerplate").set("site_boilerplate.profile", str(profile_path))
    (tmp_path / "c.toml").write_text(config.dumps(pipeline), "utf-8")
    loaded = config.load(tmp_path / "c.toml")
    assert loaded == pipeline
    assert loaded.run(DOCS[1][1], DOCS[1][0]).text == pipeline.run(DOCS[1][1], DOCS[1][0]).text


def test_filter_accepts_loaded_profiles_in_memory(profile_path: Path) -> None:
    profiles = Profiles.load(profile_path)
    by_path = Pipeline.default().enable(SiteBoilerplate(profile=str(profile_path)))
    in_memory = Pipeline.default().enable(SiteBoilerplate(profile=profiles))
    assert Pipeline.from_config(in_memory.to_config()) == in_memory
    for url, text in DOCS[:6]:
        assert in_memory.run(text, url) == by_path.run(text, url)


def test_filter_reloads_a_profile_file_that_changed(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    Profiles({"a.com": SiteProfile(5, {"old line": 5})}).save(path)
    step = SiteBoilerplate(profile=str(path))
    assert step.profiles().sites["a.com"].lines == {"old line": 5}  # type: ignore[union-attr]
    Profiles({"a.com": SiteProfile(5, {"new line": 5})}).save(path)
    os.utime(path, ns=(1, 1))
    assert step.profiles().sites["a.com"].lines == {"new line": 5}  # type: ignore[union-attr]


def test_a_missing_profile_fails_when_the_pipeline_is_built(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="missing.json"):
        Pipeline.default().enable("site_boilerplate").set("site_boilerplate.profile", str(tmp_path / "missing.json"))
