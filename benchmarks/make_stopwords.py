"""Write cleanarticle/content/stopwords.json from jusText's stop lists (BSD-2-Clause, Jan Pomikálek).

    python benchmarks/make_stopwords.py      # needs the `bench` extra (justext)

The content model reads the share of a line's words that are stop words of the document's
language; these are the languages of most of the web's news text. The longer lists (Finnish,
Russian: thousands of inflected forms) are cut to their shortest words.
"""

from __future__ import annotations

import json
from pathlib import Path

LANGUAGES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "fi": "Finnish", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "tr": "Turkish", "id": "Indonesian", "ru": "Russian", "uk": "Ukrainian", "el": "Greek",
}
MOST = 800  # words per language at most: the shortest, which are the commonest function words
OUT = Path(__file__).resolve().parent.parent / "cleanarticle" / "content" / "stopwords.json"


def main() -> None:
    import justext

    lists = {}
    for code, name in LANGUAGES.items():
        shortest = sorted(justext.get_stoplist(name), key=lambda word: (len(word), word))[:MOST]
        lists[code] = sorted(shortest)
    data = {"source": "jusText stop lists (BSD-2-Clause), https://github.com/miso-belica/jusText", "languages": lists}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({sum(map(len, lists.values()))} words, {len(lists)} languages)")


if __name__ == "__main__":
    main()
