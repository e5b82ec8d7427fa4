"""Score labelled claim sets: how many claims claimlint catches, how many careful lines it flags.

A claim set is a TSV file, one item a line: `LABEL<TAB>TEXT`, where LABEL is `pass` or one or
more line-level categories joined by commas (efficacy, route-comparison, safety, approval,
guarantee). Each item is linted on its own, as a one-item document; a flag item is caught when
claimlint reports any line-level finding on it, a pass item is a false finding when it reports
one. Document-level findings (the missing FDA or crisis statements, CL3xx) are left out: one
sentence is not a page.

The sets in benchmarks/detection/ were written for this project by helper sessions from the
labelling guideline alone, to check detection on wording nobody tuned for; see its README.

    python benchmarks/claim_sets.py benchmarks/detection/claims/*.tsv
    python benchmarks/claim_sets.py --show --format markdown set.tsv
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = frozenset({"efficacy", "route-comparison", "safety", "approval", "guarantee"})


@dataclass
class Item:
    """One labelled line of a set: the categories it should draw (none for `pass`)."""

    line: int
    labels: frozenset[str]
    text: str


@dataclass
class Score:
    """A set's counts, and the items that went wrong (for --show)."""

    name: str
    flags: int = 0
    caught: int = 0
    passes: int = 0
    false: int = 0
    wrong: list[str] = field(default_factory=list)


def read_set(path: Path) -> list[Item]:
    """The items of a TSV set; a malformed line is an error naming the file and the line."""
    items = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        label, tab, text = raw.partition("\t")
        labels = frozenset(part.strip() for part in label.split(",") if part.strip())
        if not tab or not text.strip() or not (labels == {"pass"} or labels <= CATEGORIES):
            raise ValueError(f"{path}:{number}: expected LABEL<TAB>TEXT, got {raw[:60]!r}")
        items.append(Item(number, frozenset() if labels == {"pass"} else labels, text.strip()))
    return items


def score_set(path: Path, fmt: str = "text") -> Score:
    """Lint every item of the set on its own and count catches and false findings."""
    from claimlint.api import lint_text

    score = Score(path.name)
    for item in read_set(path):
        found = [
            d for d in lint_text(item.text, fmt=fmt) if not d.category.startswith("disclaimer")
        ]
        rules = ", ".join(sorted({d.rule for d in found}))
        if item.labels:
            score.flags += 1
            score.caught += bool(found)
            if not found:
                score.wrong.append(f"  miss  {path.name}:{item.line} {item.text}")
        else:
            score.passes += 1
            score.false += bool(found)
            if found:
                score.wrong.append(f"  false {path.name}:{item.line} ({rules}) {item.text}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="TSV claim sets")
    parser.add_argument("--format", default="text", help="document format of each item")
    parser.add_argument("--show", action="store_true", help="list the misses and false findings")
    args = parser.parse_args(argv)
    total = Score("all")
    for path in args.sets:
        try:
            score = score_set(path, args.format)
        except (OSError, ValueError) as error:
            print(f"claim_sets: {error}", file=sys.stderr)
            return 2
        print(
            f"{score.name:<12} caught {score.caught}/{score.flags}"
            f"  false {score.false}/{score.passes}"
        )
        if args.show:
            print("\n".join(score.wrong))
        total.flags += score.flags
        total.caught += score.caught
        total.passes += score.passes
        total.false += score.false
    if len(args.sets) > 1:
        print(
            f"{'all':<12} caught {total.caught}/{total.flags}  false {total.false}/{total.passes}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
