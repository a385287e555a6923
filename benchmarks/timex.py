"""Time-expression benchmark: storyline's tagger + the TE3 scorer on TempEval-3 data.

    .venv/bin/python benchmarks/timex.py                 # TBAQ (dev): timebank + aquaint
    .venv/bin/python benchmarks/timex.py --errors 40     # ... and show wrong values / misses
    .venv/bin/python benchmarks/timex.py --parse         # tense from a spaCy parse
    .venv/bin/python benchmarks/timex.py --test          # TE3-platinum (test: log every look
                                                         # in docs/benchmarks.md)

Platinum is tagged from ``platinum-input/`` (the system input skeletons), written as TimeML
and read back (the same path as ``storyline timeml``), then scored against ``platinum/``.
Speed is CPU time of tagging alone (the model, when used, is loaded before the clock starts).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from storyline.eval.tempeval import Counts, Scores, match, score_dirs, score_document
from storyline.eval.timeml import parse_timeml, read_timeml, write_timeml
from storyline.nlp.timex import tag

DATA = Path(
    os.environ.get("STORYLINE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)
TE3 = DATA / "tempeval3"


# (doc, system text, gold text) for each relaxed match whose offsets differ, for --errors.
BOUNDARIES: list[tuple[str, str, str]] = []


def _boundaries(name: str, text: str, gold: list, system: list) -> None:
    """Record relaxed matches with different offsets (the strict-only errors)."""
    for gi, si in match(gold, system):
        g, s = gold[gi], system[si]
        if (g.start, g.end) != (s.start, s.end):
            BOUNDARIES.append((name, text[s.start : s.end], text[g.start : g.end]))


def _run(files: list[tuple[Path, Path]], parse: bool) -> tuple[Counts, float, int]:
    """(input, gold) pairs -> counts, CPU seconds spent tagging, tokens tagged.

    With ``parse`` the spaCy parse's own CPU time is printed as the baseline of the same run.
    """
    nlp = None
    if parse:
        from storyline.nlp.pipeline import get_nlp

        nlp = get_nlp()
    total = Counts()
    cpu = 0.0
    parse_cpu = 0.0
    tokens = 0
    for inp, gold_path in files:
        doc_in = read_timeml(inp)
        gold = read_timeml(gold_path)
        t0 = time.process_time()
        parsed = nlp(doc_in.text) if nlp is not None else None
        parse_cpu += time.process_time() - t0
        t0 = time.process_time()
        timexes = tag(doc_in.text, doc_in.dct, doc=parsed)
        cpu += time.process_time() - t0
        tokens += len(re.findall(r"\w+|[^\w\s]", doc_in.text))
        out = parse_timeml(write_timeml(doc_in, timexes), name=inp.name)
        if out.text != gold.text:
            raise SystemExit(f"{inp.name}: the written TEXT differs from the gold TEXT")
        total.add(score_document(gold.timexes, out.timexes, text=gold.text, name=gold_path.name))
        _boundaries(gold_path.name, gold.text, gold.timexes, out.timexes)
    if nlp is not None:
        ratio = parse_cpu / cpu if cpu else float("inf")
        print(
            f"baseline: the spaCy parse of the same texts took {parse_cpu:.3f} s CPU "
            f"({ratio:.0f}x the tagger)"
        )
    return total, cpu, tokens


def _report(name: str, counts: Counts, cpu: float, tokens: int, errors: int) -> None:
    s = Scores.from_counts(counts).as_percentages()
    print(f"\n== {name}: {counts.gold} gold timexes, {counts.system} found")
    print(
        f"strict  P {s['strict_p']:.1f}  R {s['strict_r']:.1f}  F1 {s['strict_f1']:.1f}\n"
        f"relaxed P {s['relaxed_p']:.1f}  R {s['relaxed_r']:.1f}  F1 {s['relaxed_f1']:.1f}\n"
        f"value   accuracy {s['value_accuracy']:.1f}  F1 {s['value_f1']:.1f}\n"
        f"type    accuracy {s['type_accuracy']:.1f}  F1 {s['type_f1']:.1f}"
    )
    if tokens:
        rate = tokens / cpu if cpu else float("inf")
        print(f"speed   {cpu:.3f} s CPU for {tokens} tokens = {rate:,.0f} tokens/s")
    if errors:
        print(
            "\n-- wrong values (system text | gold text | system value | gold value), "
            f"first {errors}"
        )
        for e in counts.value_errors[:errors]:
            print("  ", " | ".join(e))
        print(f"\n-- missed (gold text, value), first {errors}")
        for e in counts.missed[:errors]:
            print("  ", " | ".join(e))
        print(f"\n-- spurious (system text, value), first {errors}")
        for e in counts.spurious[:errors]:
            print("  ", " | ".join(e))
        if tokens:
            print(f"\n-- extent boundaries (system text | gold text), first {errors}")
            for e in BOUNDARIES[:errors]:
                print("  ", " | ".join(e))
            BOUNDARIES.clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--test", action="store_true", help="also score TE3-platinum (the test split)")
    ap.add_argument("--parse", action="store_true", help="give the tagger a spaCy parse")
    ap.add_argument("--errors", type=int, default=0, help="list this many errors of each kind")
    ap.add_argument("--only", choices=["timebank", "aquaint"], help="one half of TBAQ")
    ap.add_argument(
        "--reference",
        action="store_true",
        help="also score HeidelTime 2.2.1's stored outputs (reference-outputs/) the same way",
    )
    args = ap.parse_args(argv)
    if not TE3.is_dir():
        print(f"TempEval-3 data not found at {TE3} (set STORYLINE_SHARED_DATA)", file=sys.stderr)
        return 2
    dev = []
    for part in ("timebank", "aquaint"):
        if args.only and part != args.only:
            continue
        dev += [(p, p) for p in sorted((TE3 / part).glob("*.tml"))]
    counts, cpu, tokens = _run(dev, args.parse)
    _report("TBAQ (dev)" if not args.only else args.only, counts, cpu, tokens, args.errors)
    if args.reference:
        ref = TE3 / "reference-outputs" / "heideltime-2.2.1"
        for part in ("timebank", "aquaint") + (("platinum",) if args.test else ()):
            gold_dir = TE3 / part
            counts = score_dirs(gold_dir, ref / part)
            _report(f"HeidelTime 2.2.1 on {part}", counts, 0.0, 0, 0)
    if args.test:
        pairs = [
            (p, TE3 / "platinum" / p.name.replace(".TE3input", ""))
            for p in sorted((TE3 / "platinum-input").glob("*.tml.TE3input"))
        ]
        counts, cpu, tokens = _run(pairs, args.parse)
        _report("TE3-platinum (test)", counts, cpu, tokens, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
