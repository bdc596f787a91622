"""Shallow features of each line of a document, and of its neighbours: what the content model reads.

The features are those that carry over between sites and renderers (boilerpipe's word counts and
their neighbours', jusText's stop-word density, the shape of a sentence, position, repetition,
whether a line speaks of what the prose speaks of), not words of any one publisher. Each is
computed once per document as a row of a matrix.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import numpy as np
import regex

from ..lines import count_words, ends_sentence, is_list_item

_WORD = re.compile(r"\w+")
_HANDLE = regex.compile(r"(?:^|\s)[@#]\w")
_MD_LINK = regex.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_URL_MARKS = ("://", "www.", ".com", ".org", ".net", ".htm")
_SENTENCE_MARKS = (". ", "! ", "? ", "。", "！", "？")
_SYMBOLS = np.array([ord(c) for c in "|•·»›‹«/\\>_=~^"], dtype=np.uint32)
# Code points that are punctuation or symbols rather than letters, beyond ASCII.
_NOT_LETTERS = ((0xA0, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x2BFF), (0x3000, 0x303F), (0xFF00, 0xFF20))
_CAPITALS = ((65, 90), (0xC0, 0xDE), (0x391, 0x3A9), (0x410, 0x42F))

# The raw shape of one line, then context features derived from the raw ones.
RAW = (
    "log_words", "log_chars", "ends_sentence", "ends_colon", "sentences", "capitalised",
    "digits", "letters", "symbols", "url", "handle", "copyright", "link_share", "list_mark",
    "heading_mark", "stop_share", "all_caps", "commas",
)
CONTEXT = (
    "position", "position_sq", "repeated", "block_lines", "relative_words",
    "prev_words", "next_words", "prev_sentence", "next_sentence", "prev_stop", "next_stop",
    "prev_link", "next_link", "window3_words", "window3_sentence", "window10_words",
    "window10_sentence", "window10_stop", "doc_stop", "inside_body", "body_distance", "body_overlap",
)
NAMES = RAW + CONTEXT


@cache
def _stop_lists() -> tuple[tuple[frozenset[str], ...], dict[str, tuple[int, ...]]]:
    """Each language's stop words (jusText's lists, see stopwords.json), and each word's languages."""
    data = json.loads(files(__package__).joinpath("stopwords.json").read_text(encoding="utf-8"))
    lists = tuple(frozenset(words) for words in data["languages"].values())
    languages: dict[str, tuple[int, ...]] = {}
    for index, words in enumerate(lists):
        for word in words:
            languages[word] = (*languages.get(word, ()), index)
    return lists, languages


def stop_words(tokens: Sequence[str]) -> frozenset[str]:
    """The stop words of the language whose list covers most of `tokens` (empty when none covers 5 %)."""
    lists, languages = _stop_lists()
    covered = [0] * len(lists)
    for token, count in Counter(tokens[:5000]).items():
        for index in languages.get(token, ()):
            covered[index] += count
    best = max(range(len(lists)), key=covered.__getitem__)
    return lists[best] if covered[best] >= 0.05 * min(len(tokens), 5000) else frozenset()


def _in_ranges(codes: np.ndarray, ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    found = np.zeros(len(codes), dtype=bool)
    for low, high in ranges:
        found |= (codes >= low) & (codes <= high)
    return found


def _characters(texts: Sequence[str]) -> np.ndarray:
    """Per line: letters, digits, symbols and capitalised words, counted over the code points of
    the whole document at once (ASCII exactly; beyond it, letters are what is not punctuation)."""
    n = len(texts)
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    sizes = np.fromiter(map(len, texts), dtype=np.intp, count=n)
    line = np.repeat(np.arange(n), sizes + 1)[: len(codes)]
    ascii_letter = ((codes | 32) >= 97) & ((codes | 32) <= 122)
    letter = ascii_letter | ((codes >= 0xC0) & ~_in_ranges(codes, _NOT_LETTERS))
    digit = (codes >= 48) & (codes <= 57)
    symbol = np.isin(codes, _SYMBOLS)
    space = (codes == 32) | (codes == 10)
    starts = ~space & np.concatenate(([True], space[:-1]))
    capital = starts & _in_ranges(codes, _CAPITALS)
    count = [np.bincount(line[mask], minlength=n) for mask in (letter, digit, symbol, capital, starts)]
    return np.column_stack(count).astype(float)


def _line(text: str, lowered: str, tokens: list[str], stops: frozenset[str]) -> tuple[float, ...]:
    """What one line's shape needs beyond character counts: words, ends, marks, stop words."""
    return (
        count_words(text),
        ends_sentence(text),
        text.rstrip().endswith(":"),
        min(sum(map(text.count, _SENTENCE_MARKS)), 5),
        any(map(lowered.__contains__, _URL_MARKS)),
        ("@" in text or "#" in text) and _HANDLE.search(text) is not None,
        "©" in text or "(c)" in lowered,
        sum(len(m.group(0)) - len(m.group(1)) for m in _MD_LINK.finditer(text)) if "](" in text else 0,
        is_list_item(text),
        text.lstrip().startswith("#"),
        (sum(map(stops.__contains__, tokens)) / len(tokens)) if tokens and stops else 0.0,
        text.isupper(),
        min(text.count(",") + text.count("，") + text.count("、"), 5),
    )


def _raw(texts: Sequence[str], lowered: Sequence[str], tokens: Sequence[list[str]], stops: frozenset[str]) -> np.ndarray:
    """The `RAW` columns of every line, given it lower-cased, its word tokens and the document's stop words."""
    per_line = np.array([_line(*row, stops) for row in zip(texts, lowered, tokens)], dtype=float)
    words, ends, colon, marks, url, handle, copyright, linked, listed, heading, stop, upper, commas = per_line.T
    letters, digits, symbols, capitals, starts = _characters(texts).T
    chars = np.fromiter(map(len, texts), dtype=float, count=len(texts))
    return np.column_stack(
        [
            np.log1p(words),
            np.log1p(chars),
            ends,
            colon,
            marks / 5,
            capitals / np.maximum(starts, 1),
            digits / np.maximum(chars, 1),
            letters / np.maximum(chars, 1),
            np.minimum(symbols, 5) / 5,
            url,
            handle,
            copyright,
            linked / np.maximum(chars, 1),
            listed,
            heading,
            stop,
            upper * (letters > 3),
            commas / 5,
        ]
    )


def window(values: np.ndarray, half: int) -> np.ndarray:
    """Mean of `values` over each row's neighbours within `half` rows, the row included."""
    padded = np.concatenate(([0.0], np.cumsum(values)))
    n = len(values)
    low = np.clip(np.arange(n) - half, 0, n)
    high = np.clip(np.arange(n) + half + 1, 0, n)
    return (padded[high] - padded[low]) / (high - low)


def shift(values: np.ndarray, by: int) -> np.ndarray:
    """`values` moved `by` rows (positive: the previous row's value), zeros at the ends."""
    out = np.zeros_like(values)
    if by > 0:
        out[by:] = values[:-by]
    else:
        out[:by] = values[-by:]
    return out


def features(texts: Sequence[str], blank_before: Sequence[bool] | None = None) -> np.ndarray:
    """One row of `NAMES` per text: the non-blank lines of a document, in order, and for each
    whether a blank line stands before it (None: no blank lines, each line its own block)."""
    n = len(texts)
    if not n:
        return np.zeros((0, len(NAMES)))
    lowered = [text.lower() for text in texts]
    tokens = [_WORD.findall(low) for low in lowered]
    stops = stop_words([token for line in tokens for token in line])
    raw = _raw(texts, lowered, tokens, stops)
    words, sentence, stop, link = raw[:, 0], raw[:, 2], raw[:, 15], raw[:, 12]
    inside, distance = body(np.expm1(words), sentence)
    sizes = np.array([len(text) + 1 for text in texts], dtype=float)
    before = np.cumsum(sizes) - sizes
    position = before / max(before[-1], 1.0)
    keys = [text.strip().lower() for text in texts]
    counts = Counter(keys)
    repeated = np.fromiter((counts[key] > 1 for key in keys), dtype=float, count=n)
    context = np.column_stack(
        [
            position,
            position**2,
            repeated,
            block_sizes([True] * n if blank_before is None else blank_before),
            words - words.mean(),
            shift(words, 1),
            shift(words, -1),
            shift(sentence, 1),
            shift(sentence, -1),
            shift(stop, 1),
            shift(stop, -1),
            shift(link, 1),
            shift(link, -1),
            window(words, 3),
            window(sentence, 3),
            window(words, 10),
            window(sentence, 10),
            window(stop, 10),
            np.full(n, stop.mean()),
            inside,
            distance,
            overlap(tokens, stops, inside),
        ]
    )
    return np.hstack([raw, context])


def body(words: np.ndarray, sentence: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each line lies in the densest run of prose (`densest_run`), and log(1 + its
    distance in lines from that run)."""
    start, end = densest_run(words.tolist(), sentence.tolist())
    index = np.arange(len(words))
    distance = np.maximum(start - index, 0) + np.maximum(index - end, 0)
    return (distance == 0).astype(float), np.log1p(distance)


def overlap(tokens: Sequence[list[str]], stops: frozenset[str], inside: np.ndarray) -> np.ndarray:
    """Share of each line's topic words that another line of the densest run of prose holds too:
    an article's list, heading or reference speaks of what its prose speaks of, a menu or a
    footer seldom does. Topic words are those of three letters or more that are no stop word,
    compared by their first six letters less a plural's "s", so "hats" meets "hat" and
    "organic" "organically"."""
    vocabulary = {token for line in tokens for token in line}
    stem_of = {token: _stem(token) for token in vocabulary if len(token) >= 3 and token not in stops and not token.isdigit()}
    stems = [{stem_of[token] for token in line if token in stem_of} for line in tokens]
    held = inside.astype(int).tolist()  # plain ints: numpy scalars make the comparisons below slow
    counts = Counter(stem for line, own in zip(stems, held) if own for stem in line)
    shares = [sum(counts[stem] > own for stem in line) / len(line) if line else 0.0 for line, own in zip(stems, held)]
    return np.array(shares, dtype=float)


def _stem(token: str) -> str:
    """A word's first six letters, a final "s" dropped first: the crudest stemming that carries
    over between languages."""
    return (token[:-1] if token.endswith("s") else token)[:6]


def densest_run(words: Sequence[float], sentence: Sequence[float]) -> tuple[int, int]:
    """First and last line of the densest run of prose (body-text extraction, Finn et al. 2001):
    the contiguous run maximising words of sentence lines (of 5 words or more) minus words of the
    others, the first such run on ties. Plain Python: one pass, cheaper than numpy's calls on the
    few dozen lines of an article (the page gate reads it for every text)."""
    best, start, end = -math.inf, 0, 0
    total, lowest, lowest_at = 0.0, 0.0, 0
    for i, (count, ends) in enumerate(zip(words, sentence)):
        total += count if ends > 0 and count >= 5 else -max(count, 1)
        if total - lowest > best:
            best, start, end = total - lowest, lowest_at, i
        if total < lowest:
            lowest, lowest_at = total, i + 1
    return start, end


def prose(rows: np.ndarray, min_words: int = 8, colon: bool = False) -> np.ndarray:
    """Which rows are lines of prose (`lines.is_prose`), read from their `log_words` and
    `ends_sentence`; with `colon`, a sentence as long that ends in a colon counts too."""
    ends = (rows[:, 2] > 0) | (rows[:, 3] > 0) if colon else rows[:, 2] > 0
    return (np.expm1(rows[:, 0]) >= min_words - 0.5) & ends


def block_sizes(blank_before: Sequence[bool]) -> np.ndarray:
    """log(1 + lines) of the blank-line-separated block each line belongs to."""
    ids = np.cumsum(np.asarray(blank_before, dtype=int))
    sizes = np.bincount(ids)
    return np.log1p(sizes[ids])
