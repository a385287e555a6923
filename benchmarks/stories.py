"""Story clustering on ECB+: BCubed P/R/F1 at the gold-story (subtopic) level.

Develop on topics 1-35 (``--split dev``, the default); test topics 36-45 (``--split test``) are
looked at rarely and every look is logged in docs/benchmarks.md. Each run also scores the
plain baseline (TF-IDF, sublinear tf, English stop words, average-link agglomerative clustering on
cosine distance at 0.82, the threshold tuned on dev) on the same documents.

    .venv/bin/python benchmarks/stories.py [--split dev|test] [--orders 5] [--batch 0]
        [--topics odd|even|A-B|Nk+R] [--each-topic] [--no-nlp] [--cache DIR] [--json]
        [--explain] [--set FIELD=VALUE ...]

Each text is analysed by the real pipeline, as ``storyline ingest`` does (the people channel
reads its PERSON entities); analyses are cached under ``--cache`` (keyed by text and component
versions), so only the first run pays for them. ``--no-nlp`` clusters bare texts instead.
ECB+ documents have no publication dates, so this measures the text, name, people, number and
year signals; documents are fed to the online clusterer in manifest order and in ``--orders``
random orders, in batches of ``--batch`` (0, the default: one batch, so every article is
weighed with the document frequencies of the whole split, as in earlier runs; 128: as
``storyline ingest`` links them, the first articles weighed with the frequencies of the first
batch only).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.eval.bcubed import bcubed  # noqa: E402
from storyline.model import Analysis, Article  # noqa: E402
from storyline.stories.cluster import ClusterParams, cluster  # noqa: E402
from storyline.stories.features import article_features  # noqa: E402

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
ECB = SHARED / "ecbplus"
DEV_TOPICS = set(range(1, 36))
TEST_TOPICS = set(range(36, 46))


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (['’]s|n't|['’]re|['’]ll|['’]ve|['’]d)\b", r"\1", text)
    # The ECB+ half of the corpus splits figures into tokens ("6 . 1", "120 , 000", "02 : 24");
    # inside one sentence these are one figure, as the ECB half and real articles write them.
    text = re.sub(r"(?<=\d)([.:]) (?=\d)|(?<=\d)(,) (?=\d{3}\b)", r"\1\2", text)
    return text.replace("`` ", '"').replace(" ''", '"')


def load_doc(path: Path) -> str:
    """A document's text, one sentence a line; the URL line of ECB+ documents is dropped."""
    sents: dict[int, list[str]] = {}
    for tok in ET.parse(path).getroot().iter("token"):
        sents.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    lines = [detokenize(sents[k]) for k in sorted(sents)]
    if lines and lines[0].startswith("http"):
        lines = lines[1:]
    return "\n".join(lines)


def topic_filter(spec: str | None) -> set[int] | None:
    """Topics of a part of a split: "odd", "even", a range "1-17", or "3k+0" (topics whose
    remainder by 3 is 0). Tuning on one half and reporting on the other is how thresholds are
    checked for over-fitting; parts of 10-13 topics are the size of the test split."""
    if not spec:
        return None
    if spec in ("odd", "even"):
        return {t for t in range(1, 100) if t % 2 == (spec == "odd")}
    m = re.fullmatch(r"(\d+)-(\d+)", spec)
    if m:
        return set(range(int(m.group(1)), int(m.group(2)) + 1))
    m = re.fullmatch(r"(\d+)k\+(\d+)", spec)
    if m:
        return {t for t in range(1, 100) if t % int(m.group(1)) == int(m.group(2))}
    raise SystemExit(f"--topics: expected odd, even, A-B or Nk+R, got {spec!r}")


def load(split: str, part: str | None = None) -> tuple[list[str], list[str], dict[str, str]]:
    topics = DEV_TOPICS if split == "dev" else TEST_TOPICS if split == "test" else None
    chosen = topic_filter(part)
    docs, texts, gold = [], [], {}
    with (ECB / "manifest.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if topics is not None and int(row["topic"]) not in topics:
                continue
            if chosen is not None and int(row["topic"]) not in chosen:
                continue
            docs.append(row["doc"])
            texts.append(load_doc(ECB / row["doc"]))
            gold[row["doc"]] = row["subtopic"]
    return docs, texts, gold


def cluster_each_topic(feats: list, params: ClusterParams, batch: int) -> dict[str, object]:
    """Every topic clustered alone (a collection of one topic, ~22 documents, as the demo)."""
    by_topic: dict[str, list] = {}
    for f in feats:
        by_topic.setdefault(str(f.key).split("/")[1], []).append(f)
    out: dict[str, object] = {}
    for topic, group in by_topic.items():
        out.update({k: (topic, v) for k, v in cluster(group, params, batch=batch).items()})
    return out


def topic_losses(gold: dict[str, str], runs: list[dict]) -> dict[str, dict[str, float]]:
    """Where BCubed loses, per ECB+ topic: the precision and recall each document misses
    (1 - its BCubed precision or recall), summed over the topic's documents and averaged over
    the runs, in documents. Precision lost is look-alike events mixed; recall lost, one event
    split (a lone follow-up left alone, or two stories that never merged)."""
    sizes: dict[str, int] = {}
    for g in gold.values():
        sizes[g] = sizes.get(g, 0) + 1
    out: dict[str, dict[str, float]] = {}
    for pred in runs:
        members: dict[object, list[str]] = {}
        for doc in gold:
            members.setdefault(pred.get(doc, ("alone", doc)), []).append(doc)
        for group in members.values():
            for doc in group:
                same = sum(1 for other in group if gold[other] == gold[doc])
                row = out.setdefault(doc.split("/")[1], {"precision": 0.0, "recall": 0.0})
                row["precision"] += (1 - same / len(group)) / len(runs)
                row["recall"] += (1 - same / sizes[gold[doc]]) / len(runs)
    return out


def baseline(docs: list[str], texts: list[str], threshold: float = 0.82) -> dict[str, int]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts).toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(x)
    return dict(zip(docs, (int(v) for v in labels), strict=True))


def analyses(texts: list[str], cache: Path | None) -> list[Analysis]:
    """The full analysis of each text, read from ``cache`` when an earlier run with the same
    text and component versions stored it there (analysing 772 texts takes minutes)."""
    from storyline.analysis import analyze_article, component_versions
    from storyline.model import analysis_from_dict
    from storyline.nlp.pipeline import get_nlp

    stamp = json.dumps(component_versions(), sort_keys=True)
    out: list[Analysis] = []
    nlp = None
    for text in texts:
        key = hashlib.sha256(f"{stamp}\n{text}".encode()).hexdigest()[:24]
        path = cache / f"{key}.json" if cache is not None else None
        if path is not None and path.exists():
            out.append(analysis_from_dict(json.loads(path.read_text(encoding="utf-8"))))
            continue
        nlp = nlp or get_nlp()
        analysis = analyze_article(Article(text=text), nlp=nlp)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(analysis.to_dict()), encoding="utf-8")
        out.append(analysis)
    return out


def features(docs: list[str], texts: list[str], use_nlp: bool, cache: Path | None = None) -> list:
    out = []
    if use_nlp:
        for doc, analysis in zip(docs, analyses(texts, cache), strict=True):
            out.append(article_features(doc, analysis))
    else:
        for doc, text in zip(docs, texts, strict=True):
            out.append(article_features(doc, Analysis(article=Article(text=text))))
    return out


def run(
    split: str,
    orders: int,
    params: ClusterParams,
    use_nlp: bool,
    cache: Path | None = None,
    batch: int = 0,
    part: str | None = None,
    each_topic: bool = False,
    explain: bool = False,
) -> dict[str, object]:
    docs, texts, gold = load(split, part)
    t0 = time.perf_counter()
    base = bcubed(gold, baseline(docs, texts))
    t_base = time.perf_counter() - t0
    feats = features(docs, texts, use_nlp, cache)

    def place(articles: list) -> dict:
        if each_topic:
            return cluster_each_topic(articles, params, batch)
        return cluster(articles, params, batch=batch)

    t0 = time.perf_counter()
    runs = [place(feats)]
    t_ours = time.perf_counter() - t0
    rng = random.Random(13)
    for _ in range(orders):
        shuffled = feats[:]
        rng.shuffle(shuffled)
        runs.append(place(shuffled))
    ours = [bcubed(gold, run) for run in runs]
    mean = {k: sum(getattr(s, k) for s in ours) / len(ours) for k in ("precision", "recall", "f1")}
    return {
        "split": split,
        "topics": part or "all",
        "each_topic_alone": each_topic,
        "documents": len(docs),
        "gold_stories": len(set(gold.values())),
        "baseline": base.to_dict(),
        "baseline_seconds": round(t_base, 2),
        "storyline_manifest_order": ours[0].to_dict(),
        "storyline_mean_over_orders": {k: round(v, 4) for k, v in mean.items()},
        "storyline_min_f1_over_orders": round(min(s.f1 for s in ours), 4),
        "storyline_min_precision_over_orders": round(min(s.precision for s in ours), 4),
        "orders": len(ours),
        "batch": batch,
        "analysed": use_nlp,
        "storyline_seconds_one_pass": round(t_ours, 2),
        **({"losses_by_topic": topic_losses(gold, runs)} if explain else {}),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--orders", type=int, default=5, help="random document orders besides manifest")
    ap.add_argument(
        "--no-nlp",
        dest="nlp",
        action="store_false",
        help="cluster bare texts (no analysis: no people channel)",
    )
    ap.add_argument(
        "--batch",
        type=int,
        default=0,
        help="articles per batch (the workspace links 128 at a time); 0: one batch, whose "
        "document frequencies are counted before any article is placed",
    )
    ap.add_argument(
        "--cache",
        type=Path,
        default=Path("/tmp/storyline-ecb-analyses"),
        help="where the analyses are kept between runs",
    )
    ap.add_argument(
        "--topics",
        default=None,
        help="only these topics of the split: odd, even, A-B (1-17) or Nk+R (3k+0)",
    )
    ap.add_argument(
        "--each-topic",
        action="store_true",
        help="cluster every topic alone (a collection of ~22 documents, as in the demo)",
    )
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--explain",
        action="store_true",
        help="also show the topics that lose most precision and recall (documents, mean of orders)",
    )
    ap.add_argument("--set", action="append", default=[], help="override a ClusterParams field")
    args = ap.parse_args()
    overrides = {}
    for item in args.set:
        key, value = item.split("=", 1)
        kind = type(getattr(ClusterParams(), key))
        # bool("0") is True: a switch is read from its spelling.
        switch = value.lower() in ("1", "true", "yes", "on")
        overrides[key] = switch if kind is bool else kind(value)
    result = run(
        args.split,
        args.orders,
        ClusterParams(**overrides),
        args.nlp,
        args.cache,
        args.batch,
        args.topics,
        args.each_topic,
        args.explain,
    )
    if args.json:
        print(json.dumps(result, indent=2))
        return
    b = result["baseline"]
    o = result["storyline_manifest_order"]
    m = result["storyline_mean_over_orders"]
    part = f" topics {args.topics}" if args.topics else ""
    alone = ", each topic clustered alone" if args.each_topic else ""
    print(
        f"ECB+ {args.split}{part}: {result['documents']} docs, "
        f"{result['gold_stories']} gold stories{alone}"
    )
    for name, s in (("baseline ", b), ("storyline", o)):
        print(
            f"  {name} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
            f"  ({s['n_predicted']} clusters)"
        )
    print(
        f"  storyline mean over {result['orders']} orders: P {m['precision']:.3f}"
        f" R {m['recall']:.3f} F1 {m['f1']:.3f}; min F1 {result['storyline_min_f1_over_orders']},"
        f" min P {result['storyline_min_precision_over_orders']}"
    )
    losses = result.get("losses_by_topic")
    if isinstance(losses, dict):
        for kind in ("precision", "recall"):
            worst = sorted(losses.items(), key=lambda kv: -kv[1][kind])[:10]
            shown = ", ".join(f"{t} {row[kind]:.1f}" for t, row in worst if row[kind] >= 0.05)
            print(f"  {kind} lost by topic (documents): {shown or 'none'}")


if __name__ == "__main__":
    main()
