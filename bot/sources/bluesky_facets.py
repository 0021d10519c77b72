"""Rich text for Bluesky posts: the `facets` that make links clickable, @mentions notify and #tags searchable.

A post's text is plain; what is a link, a mention or a tag is said beside it, as byte ranges of the UTF-8 text
(`app.bsky.richtext.facet`: `index.{byteStart,byteEnd}` and one feature, `#link {uri}`, `#mention {did}` or
`#tag {tag}`). The rules follow the Bluesky apps' own detection (`packages/api/src/rich-text/detection.ts` in
bluesky-social/atproto): a mention is `@handle` after a space, an opening bracket or the start, resolved to its DID
(one that does not resolve stays plain text); a link is an `http(s)://` URL without trailing punctuation (a bare
domain stays plain text: telling `acme.coffee` from `notes.txt` needs the TLD list the apps ship); a tag is `#word`
after a space or the start, up to 64 characters, without trailing punctuation and not all digits.
"""

from __future__ import annotations

import re
from typing import Callable

MENTION = re.compile(r"(?:^|(?<=[\s(]))@([a-zA-Z0-9.-]+)\b")
LINK = re.compile(r"(?:^|(?<=[\s(]))(https?://\S+)", re.IGNORECASE)
TAG = re.compile(r"(?:^|(?<=\s))[#＃](\S+)")
TRAILING_PUNCTUATION = re.compile(r"[^\w\s]+$")
INVISIBLE = re.compile("[\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2\ufe0f]")  # zero-width and soft characters end a tag
MAX_TAG = 64


def _byte(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _facet(text: str, start: int, end: int, feature: dict) -> dict:
    return {"$type": "app.bsky.richtext.facet", "index": {"byteStart": _byte(text, start), "byteEnd": _byte(text, end)},
            "features": [feature]}


def facets(text: str, resolve: Callable[[str], str | None]) -> list[dict]:
    """The facets of `text`, in text order; `resolve(handle)` gives a handle's DID or None."""
    found: list[tuple[int, dict]] = []
    for match in MENTION.finditer(text):
        handle = match.group(1).rstrip(".-").lower()
        if "." not in handle:
            continue  # not a handle (`@team`)
        did = resolve(handle)
        if did:
            start = match.start()
            found.append((start, _facet(text, start, start + 1 + len(handle),
                                        {"$type": "app.bsky.richtext.facet#mention", "did": did})))
    for match in LINK.finditer(text):
        uri, start = match.group(1), match.start(1)
        if uri[-1] in ".,;:!?":
            uri = uri[:-1]
        if uri.endswith(")") and "(" not in uri:
            uri = uri[:-1]
        found.append((start, _facet(text, start, start + len(uri), {"$type": "app.bsky.richtext.facet#link",
                                                                      "uri": uri})))
    for match in TAG.finditer(text):
        tag = TRAILING_PUNCTUATION.sub("", INVISIBLE.split(match.group(1))[0])
        if not tag or len(tag) > MAX_TAG or tag.isdigit():
            continue
        start = match.start()
        found.append((start, _facet(text, start, start + 1 + len(tag), {"$type": "app.bsky.richtext.facet#tag",
                                                                         "tag": tag})))
    return [facet for _, facet in sorted(found, key=lambda pair: pair[0])]
