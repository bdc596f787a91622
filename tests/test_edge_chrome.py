"""edge_chrome: marketing, call-to-action and newsletter lines at the head or tail of the text go,
with their reason; the same words inside the article, and prose that looks like them, stay."""

from __future__ import annotations

import pytest
from test_filters import PARAGRAPHS as NEUTRAL

from cleanarticle import Pipeline
from cleanarticle.filters.edge_chrome import EdgeChrome
from cleanarticle.lines import is_prose

PARAGRAPHS = [
    *NEUTRAL,
    "Bus riders' groups welcomed the plan but said they would watch how quickly routes change.",
    "Library staff said the new branches could open within two years if building goes to plan.",
]
PIPELINE = Pipeline.default().add("edge_chrome", before="off_topic")  # as the HTML path has it


def _article(line: str, where: str) -> str:
    blocks = list(PARAGRAPHS)
    blocks.insert({"head": 0, "middle": 4, "tail": len(blocks)}[where], line)
    return "\n".join(blocks) + "\n"


def _removed(line: str, where: str) -> set[tuple[str, str]]:
    result = PIPELINE.run(_article(line, where))
    start = result.source.index(line)
    return {(r.filter, r.reason) for r in result.removals if r.start <= start < r.end}


REMOVED = [  # (line, where, reason): from several publishers and languages
    ("Request a Demo", "tail", "call_to_action"),  # B2B software
    ("Get a free quote today.", "tail", "call_to_action"),  # solar installer
    ("Schedule Your Free Consultation", "head", "call_to_action"),  # law firm
    ("Talk to our experts", "tail", "call_to_action"),
    ("Subscribe for the Latest Updates", "tail", "newsletter_signup"),  # security cameras
    ("Become A Money Boss And Join 15,000 Others", "tail", "newsletter_signup"),  # personal finance blog
    ("Join the Insiders community today", "head", "newsletter_signup"),  # ("Join our mailing list" goes earlier, as widgets' channel_prompt)
    ("Download Chrome extension", "tail", "app_promo"),
    ("Download our free buyer's guide", "head", "app_promo"),
    ("Back to Blogs", "head", "site_navigation"),  # agency blog
    ("Improve this Blog Post", "tail", "site_navigation"),
    ("LIKE IT? PIN IT!", "tail", "social_prompt"),  # recipe blog
    ("Share your story", "tail", "social_prompt"),
    ("Jetzt kostenlos Angebot anfordern", "tail", "call_to_action"),  # German
    ("Jetzt Newsletter abonnieren und nichts verpassen", "tail", "newsletter_signup"),
    ("Demandez votre devis gratuit", "tail", "call_to_action"),  # French
    ("Solicita una demo gratis", "tail", "call_to_action"),  # Spanish
    ("Richiedi un preventivo gratuito", "head", "call_to_action"),  # Italian
    ("Vraag een gratis offerte aan", "tail", "call_to_action"),  # Dutch
    ("Products are chosen independently by our editors. Purchases made through our links may earn us a commission.", "head", "affiliate_note"),
    ("Disclosure: As an affiliate marketer, I earn from qualifying purchases. If you click a link, I may earn a commission.", "tail", "affiliate_note"),
    ("Advertiser Disclosure", "head", "affiliate_note"),
    ("Book a demo", "middle", "call_to_action"),  # a button: anywhere
    # two or three sentences, one of them a prompt of the vocabulary or of `widgets`
    ("Submit your letter to the editor via this form. Read more Letters to the Editor.", "tail", "edge_prompt"),  # US daily
    ("We want to hear what you think about this article. Submit a letter to the editor or write to us.", "tail", "edge_prompt"),
    ("Like this article? Subscribe to our blog and have great financial insights delivered weekly.", "tail", "edge_prompt"),
    ("Love the Weekly Byte Newsletter? Tell your friends and get rewards.", "tail", "edge_prompt"),  # Substack
    ("Found this useful? Join 20,000 readers and subscribe today.", "tail", "edge_prompt"),
    ("Want to see how it works? Request a demo!", "tail", "edge_prompt"),  # software vendor
    ("Ready to simplify your nutrition? Get started today.", "tail", "edge_prompt"),  # meal service
    ("We help you find the best of the city. Sign up for the newsletter for the best of the city.", "tail", "edge_prompt"),  # city guide
    ("Sie haben Fragen? Jetzt kostenlos Angebot anfordern.", "tail", "edge_prompt"),  # German
    ("Follow us", "middle", "social_prompt"),
]

KEPT = [  # (line, where): prose and headings that use the same words
    ("We asked three roofing firms to give us a free quote, and two of them never called back.", "tail"),
    ("Request a demo, the sales team told us, and you will see how the tool works.", "tail"),
    ("Residents can subscribe to the council's newsletter for updates on the works.", "tail"),
    ("Why the council wants a new library in every district", "head"),
    ("Get your free quote today.", "middle"),  # a sentence-shaped prompt in the middle: not an edge
    ("Download our free buyer's guide for first-time owners", "middle"),
    ("Share your thoughts with us in the comments below. The survey closes on Friday.", "middle"),  # not an edge
    ("Residents want to hear from the council. It has not answered their letters since May.", "tail"),  # prose opening
    ("The firm answered none of our questions. Request a demo, its website says, and a salesman calls within the hour.", "tail"),
    ("The mayor wants to hear from residents. Sign-ups for the town hall opened on Monday.", "tail"),  # no sentence a prompt
]


@pytest.mark.parametrize(("line", "where", "reason"), REMOVED, ids=[row[0] for row in REMOVED])
def test_edge_prompts_go_with_their_reason(line: str, where: str, reason: str) -> None:
    assert ("edge_chrome", reason) in _removed(line, where)


@pytest.mark.parametrize(("line", "where"), KEPT, ids=[row[0] for row in KEPT])
def test_look_alikes_and_the_middle_stay(line: str, where: str) -> None:
    """edge_chrome leaves them; prose stays whatever the step (a short promo in the middle, a
    sentence or not, may still go as off topic, by the learned step)."""
    assert not {reason for step, reason in _removed(line, where) if step == "edge_chrome"}
    clean = PIPELINE.run(_article(line, where)).text
    assert line in clean.splitlines() or not is_prose(line)
    for paragraph in PARAGRAPHS:
        assert paragraph in clean


def test_the_budget_stops_a_rule_from_taking_a_section() -> None:
    prompts = ["Get started today", "Book a demo", "Contact us today", "Learn more", "Shop now", "Follow us"]
    text = "\n".join([*prompts, *PARAGRAPHS[:2]]) + "\n"
    assert Pipeline((EdgeChrome(budget=0.15),)).run(text).removals == ()
    assert len(Pipeline((EdgeChrome(budget=0.6),)).run(text).removals) >= 3


def test_a_text_that_is_all_prompt_is_left_to_the_budget() -> None:
    assert PIPELINE.run("").text == ""
    assert PIPELINE.run("Request a demo\n").text == "Request a demo\n"  # one line is all edge, and over budget


def test_a_prompt_opening_the_text_is_its_title() -> None:
    """The first line is the title even when it reads like a prompt ("Who's Reading Your
    Newsletter? Increasingly, Not a Human."): the sentence test leaves it."""
    title = "Love the Weekly Byte Newsletter? Tell your friends and get rewards."
    text = "\n".join([title, *PARAGRAPHS]) + "\n"
    assert title in PIPELINE.run(text).text.splitlines()
