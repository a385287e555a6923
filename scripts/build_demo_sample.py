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
    return re.sub(r"\s+", " ", "".join(out)).strip()


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
        "title": lines[0] if lines else None,
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
