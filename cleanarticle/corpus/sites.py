"""The site of a document: the registered domain of its URL ("news.bbc.co.uk" → "bbc.co.uk").

A small pure function with a compact built-in list of multi-part public suffixes, not
tldextract: that would be a new run-time dependency with its own network fetch and cache, and
site grouping only needs the common cases right. Two-letter country codes under a generic
second level ("co.uk", "com.au", "gouv.fr", "ac.jp") are recognised by rule, the rest by list.
A value that is not a URL or host name (a `--site-key` field such as "bbc") is its own site.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# Second-level labels that, under a two-letter country code, make a public suffix: "co.uk".
_GENERIC_SECOND_LEVEL = frozenset(
    "ac co com edu gob gouv gov go govt ltd mil ne net nic nom or org plc sch".split()
)
# Multi-part suffixes the rule above misses, and hosting platforms whose subdomains are sites.
_SUFFIXES = frozenset(
    """
    blogspot.com wordpress.com substack.com tumblr.com github.io gitlab.io medium.com
    herokuapp.com netlify.app vercel.app pages.dev web.app appspot.com
    co.in firm.in gen.in ind.in net.in org.in res.in
    asn.au id.au info.au
    ab.ca bc.ca mb.ca nb.ca nl.ca ns.ca on.ca qc.ca sk.ca
    blog.br art.br jor.br
    or.at co.at
    """.split()
)
# A bare host name, maybe with a port and a path: "www.example.com:8080/news/1".
_BARE_HOST = re.compile(r"([\w.-]+)(?::\d+)?(?:[/?#]\S*)?")


def host_of(value: str) -> str:
    """The lower-case host of a URL or bare host name, without port, credentials or final dot;
    "" when `value` is neither."""
    value = value.strip()
    if "://" not in value and not value.startswith("//"):
        bare = _BARE_HOST.fullmatch(value)
        return bare.group(1).rstrip(".").lower() if bare else ""
    try:
        netloc = urlsplit(value if "://" in value else "http:" + value).netloc
    except ValueError:
        return ""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):  # IPv6 literal
        return host[1:].partition("]")[0].lower()
    return host.partition(":")[0].rstrip(".").lower()


def registered_domain(host: str) -> str:
    """The public suffix plus one label: "www.lemonde.fr" → "lemonde.fr"; IPs stay whole."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return host
    labels = [label for label in host.split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels)
    suffix = 1
    last_two = ".".join(labels[-2:])
    if last_two in _SUFFIXES or (len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND_LEVEL):
        suffix = 2
    return ".".join(labels[-(suffix + 1) :])


def site_of(value: str | None) -> str | None:
    """The site a URL (or site field) belongs to; None when there is nothing to go by."""
    if not value or not value.strip():
        return None
    host = host_of(value)
    return registered_domain(host) if host else value.strip().lower()
