"""Build demo/ecbplus-topic12.jsonl, the bundled demo sample, from the ECB+ corpus.

ECB+ (Cybulska & Vossen 2014) is licensed CC BY 3.0, which allows redistribution with
attribution (see demo/README.md). Its documents are stored as tokens; this joins them back into
readable text, one sentence per line, and writes storyline's JSONL input format.

    python scripts/build_demo_sample.py ../shared/data/ecbplus/ECB+ 12 > demo/ecbplus-topic12.jsonl
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = text.replace("``", '"').replace("''", '"')
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    # Straight double quotes: attach an opening quote to the next word, a closing one to the last.
    out, opening = [], True
    for part in re.split(r'( ?" ?)', text):
        if part.strip() == '"':
            out.append(' "' if opening else '" ')
            opening = not opening
        else:
            out.append(part)
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    # The tokens lost the spacing of hyphens and clock times: "face - off", "20: 09".
    text = re.sub(r"(?<=[a-z]) - (?=[a-z])", "-", text)
    return re.sub(r"(?<=\d): (?=\d\d\b)", ":", text)


_NOT_A_HEADLINE = re.compile(
    r"^(updated|posted|published|last updated)\b|^\W*$|^[\d\s:,./-]+$"
    r"|^(mon|tue|wed|thu|fri|sat|sun)\w*\b.*\d{4}",
    re.IGNORECASE,
)


def headline(lines: list[str]) -> str | None:
    """The first line that reads like a headline (not a time stamp or a byline)."""
    for line in lines[:4]:
        if len(line.split()) >= 4 and not _NOT_A_HEADLINE.search(line):
            return line
    return lines[0] if lines else None


def read_document(path: Path) -> dict[str, object]:
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [detokenize(sentences[n]) for n in sorted(sentences)]
    url = None
    if lines and lines[0].replace(" ", "").startswith("http"):
        url = lines.pop(0).replace(" ", "")
    return {
        "id": path.stem,
        "url": url,
        "title": headline(lines),
        "text": "\n\n".join(lines),
        "outlet": None,
        "published": None,
        "license": "CC BY 3.0, ECB+ corpus (Cybulska & Vossen 2014)",
    }


def main(argv: list[str]) -> None:
    corpus, topic = Path(argv[1]), argv[2]
    for path in sorted((corpus / topic).glob("*.xml"), key=lambda p: p.name):
        print(json.dumps(read_document(path), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv)
