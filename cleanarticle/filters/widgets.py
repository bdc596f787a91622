"""Widgets and prompts: share, follow, subscribe, newsletters, feedback, navigation, ads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

import regex

from ..lines import FULL_STOP, ends_sentence, is_label
from ..registry import register
from ..types import Line, Removal
from .base import Filter, View, remove_each
from .phrases import compile_phrases, keys, pattern, union, whole_line_reasons, words

REASONS = whole_line_reasons("widgets")
OPENERS = pattern("widget_blocks", "openers")
FORMS = whole_line_reasons("forms")
FORM_FIELDS = pattern("form_fields", "labels")
# Decoration between sections: "* * *", "___", "• • •". Code lines such as "});" are not.
_DECORATION = frozenset("*-_=~•·.–—#+◆■□●○ ")
# A clause inviting the reader to the publisher's newsletter or accounts (`[channel_prompts]`).
_CHANNEL = compile_phrases(
    rf"(?:^|[.!?:,]\s+|\b(?:{union(words('channel_prompts', 'joins'))})\s+)(?:{union(words('channel_prompts', 'verbs'))})\b"
    rf"[^.!?]{{0,60}}?\b(?:{union(words('channel_prompts', 'owners'))})\b[^.!?]{{0,40}}?\b(?:{union(words('channel_prompts', 'channels'))})\b"
)
_CHANNEL_NEEDLES = words("channel_prompts", "needles")
_QUOTES = frozenset("\"'“”‘’„«»")
# Where a scraper ran two labels together without a space: "NotesProjects", "PolicyTerms".
_JOIN = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}")
# Code, addresses, markup and lists written out in prose ("YouTube, TikTok and LinkedIn").
_NOT_LABELS = re.compile(r"[(),=;{}<>_/\\\[\]@#*`|:]|\.\w")


def _separator(text: str) -> str | None:
    return "separator" if set(text) <= _DECORATION else None


def _glued_menu(line: Line, joins: int, max_words: int) -> str | None:
    """A menu whose labels a scraper ran together ("About UsContact UsCareersPrivacy Policy"):
    at least `joins` places where a lower-case letter runs into a capitalised word, one for every
    three words at least, and one more or two in one word, in two to `max_words` words that do
    not end as a sentence and hold no sign of code or an address. A name such as "YouTube",
    "iPad" or "MacBook" joins once ("iPhone vs iPad vs MacBook" stays), and a one-word line
    ("HttpRawMessageLoggingOptions") may be a program's name."""
    if not 2 <= line.words <= max_words or ends_sentence(line.text) or _NOT_LABELS.search(line.text):
        return None
    found = len(_JOIN.findall(line.text))
    if found < joins or 3 * found < line.words:
        return None
    twice = found > joins or any(len(_JOIN.findall(word)) > 1 for word in line.text.split())
    return "glued_menu" if twice else None


def _channel_prompt(line: Line, max_words: int) -> str | None:
    """A line of at most `max_words` words with a clause that invites the reader to the
    publisher's newsletter or social accounts, in any wording ("... and follow us on Facebook,
    Instagram and TikTok to stay up to date."): a verb of joining or following at the head of
    a clause, the publisher (our, us, this writer) and a channel, in that order. An article's
    sentence about such things tells of someone else's ("The council asked residents to follow
    its Facebook page")."""
    if not 3 <= line.words <= max_words:
        return None  # a verb, the publisher and a channel: three words at least
    for needle in _CHANNEL_NEEDLES:  # the clause pattern only where a channel is named
        if needle in line.key:
            quoted = line.text.lstrip()[:1] in _QUOTES  # someone's words, not the page's
            return "channel_prompt" if not quoted and _CHANNEL.search(line.key) else None
    return None


def widget_reason(line: Line, max_words: int, sentence_words: int) -> str | None:
    """The reason code whose phrase list matches the whole line, if any."""
    if line.words > max_words or (line.words >= sentence_words and line.text.endswith(FULL_STOP)):
        return None  # prompts are not long sentences with a full stop
    match = REASONS.match(line.key)
    return match.lastgroup if match else None


@register("widgets")
@dataclass(frozen=True, slots=True)
class Widgets(Filter):
    """Standalone share, follow, subscribe, newsletter, feedback, navigation and ad lines.

    A newsletter block (a sign-up prompt with its newsletters' names, between blank lines)
    goes whole. So do the marks of a form, however long: an empty comment form's ("Your email
    address will not be published.", "Save my name, email, and website in this browser ...")
    and a sign-up or contact form's notices ("Thank you! Your submission has been received!",
    "By signing up, you agree to our Privacy Policy."), each with the field labels next to it
    ("Name *", "Website", "Subscribe"); and the lines of the banner that US government sites
    share ("An official website of the United States government", "A .gov website belongs to an
    official government organization in the United States."), and what a page shows when its
    scripts do not run ("You need to enable JavaScript to run this app.").

    A menu whose labels the scraper ran together ("Privacy PolicyTerms of ServiceCookie
    Preferences") goes by that shape alone.

    Removes: "Share this article", "Do you find this article useful?", "goTop", "* * *"
    Keeps:   "I have no information to share on that."
    """

    reasons: ClassVar[tuple[str, ...]] = (
        *keys("widgets"), *keys("forms"), "newsletter_block", "separator", "glued_menu", "channel_prompt"
    )
    contextual: ClassVar[bool] = True

    max_words: int = 30
    max_block_label_words: int = 8
    sentence_words: int = 12  # a line this long ending in a full stop is a sentence, not a prompt
    menu_joins: int = 3  # labels run together at this many places make a glued menu
    menu_words: int = 25  # the most words of a glued menu
    prompt_words: int = 40  # the most words of a line with an invitation to the publisher's channels

    def find(self, view: View) -> Iterator[Removal]:
        lines = view.lines
        found: dict[int, str] = {}
        for position, line in enumerate(lines if not view.again else ()):  # a line alone: asked once
            if line.text:
                reason = widget_reason(line, self.max_words, self.sentence_words) if line.key else _separator(line.text)
                reason = reason or _glued_menu(line, self.menu_joins, self.menu_words)
                reason = reason or _channel_prompt(line, self.prompt_words)
                if reason:
                    found[position] = reason
        for position, reason in (_forms(lines) if not view.again else {}).items():
            found.setdefault(position, reason)
        for block in _blocks(lines):
            if all(p in found or is_label(lines[p], self.max_block_label_words) for p in block) and any(
                OPENERS.match(lines[p].key) for p in block
            ):
                for p in block:
                    found.setdefault(p, "newsletter_block")
        yield from remove_each(lines, found, self.name)


def _forms(lines: tuple[Line, ...]) -> dict[int, str]:
    """The marks of forms (reason: their key in `[forms]`) and the runs of field labels ("Name
    *", "Email") beside them, with the reason of the mark they stand by: a lone "Name" or
    "Website" elsewhere is a table's header or a heading."""
    content = [p for p, line in enumerate(lines) if line.text]
    marks = {i: match.lastgroup for i, p in enumerate(content) if (match := FORMS.match(lines[p].key)) and match.lastgroup}
    found = dict(marks)
    for i, reason in marks.items():
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(content) and j not in found and FORM_FIELDS.match(lines[content[j]].key):
                found[j] = reason
                j += step
    return {content[i]: reason for i, reason in found.items()}


def _blocks(lines: tuple[Line, ...]) -> Iterator[list[int]]:
    """Runs of non-blank lines that have a blank line (or an end of text) on both sides."""
    run: list[int] = []
    for position, line in enumerate(lines):
        if line.text:
            run.append(position)
        elif run:
            yield run
            run = []
    if run:
        yield run
