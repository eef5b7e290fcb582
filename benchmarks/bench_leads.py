"""How fast ``resolve_leads`` is on 5,000 distinct names, against a naive all-pairs match.

Run ``python benchmarks/bench_leads.py [--names 5000] [--seed 7]``. Names are
made deterministically from first and last name lists, plus one-letter surname
typos of a tenth of them (the spellings the resolver should join). The baseline
is what matching without blocking would cost: every pair compared with
``fuzz.ratio`` in Python, timed on 500 names and scaled by the square of the
count. Target: under 2 s for 5,000 names on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from normalise.leads import LeadMention, resolve_leads


def _names(text: str) -> list[str]:
    return text.split()


FIRST = _names("""
Aaron Abigail Adam Aisha Alan Alice Amanda Amir Andrew Angela Anne Anthony Asha Barbara
Beau Ben Bernadette Carl Caroline Catherine Charlotte Chloe Chris Claire Colin Craig Daniel David
Deborah Dennis Diane Donna Edward Elaine Eleanor Emily Emma Fatima Fiona Frances Gareth Gary George
Grace Hannah Harry Hayley Helen Ian Imran Irene Jack Jacqueline James Jane Janet Jason Jennifer
Joanne John Jonathan Joseph Julie Karen Karl Kate Keith Kelly Kevin Laura Leon Linda Lisa Louise
Lucy Mark Martin Mary Maureen Michael Michelle Mohammed Natalie Neil Nicola Oliver Patricia Paul
Pete Peter Priya Rachel Rebecca Richard Robert Ruth Sam Sandra Sarah Sean Sharon Simon Sophie
Stephen Susan Tendai Thomas Tina Tom Tracey Victoria Wendy William Yasmin Zoe""")

LAST = _names("""
Adams Ahmed Akamo Ali Allen Anderson Armstrong Atkinson Bailey Baker Barker Barnes Bell
Bennett Brewster Brosnan Brown Butler Campbell Carrick Carter Chapman Clarke Collins Cooper Cox
Davenport Davies Dickson Dooley Edwards Ellis Evans Fadahunsi Fisher Fletcher Foster Gallen Gibson
Graham Gray Green Griffiths Hall Harris Harrison Harvey Hill Holmes Hughes Hunt Hussain Jackson
James Jenkins Johnson Jones Kaur Kelly Kennedy Khan King Knight Lawrence Leach Lee Lewis Lloyd
Mansfield Marshall Martin Mason Matthews Mawhinney Mehmood Miller Mills Mitchell Mittelstadt Moore
Morgan Morris Murphy Murray Nelson Okafor Owen Palmer Parker Patel Pearson Phillips Powell Price
Reid Richards Roberts Robinson Rogers Russell Saunders Scott Shaw Shipman Simpson Singh Smith
Stevens Stewart Taylor Thomas Thompson Turner Waldron Walker Walsh Ward Watson Webb White Wilkinson
Williams Wilson Wood Wright Young""")

ORGANISATIONS = ["LB Merton", "NHS", "Police", "CCG", ""]


def typo(word: str, rng: random.Random) -> str:
    """One wrong letter (swap, drop or change) after the first letter."""
    i = rng.randrange(1, len(word) - 1)
    how = rng.choice(("swap", "drop", "change"))
    if how == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if how == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice("aeiourstnl") + word[i + 1 :]


def make_mentions(count: int, seed: int) -> tuple[list[LeadMention], dict[str, str], list[str]]:
    """Mentions of ``count`` distinct people plus typos; each spelling's true person; the names."""
    rng = random.Random(seed)
    pairs = rng.sample([(f, s) for f in FIRST for s in LAST], count)
    names = [f"{f} {s}" for f, s in pairs]
    truth = {name: name for name in names}
    mentions = []
    for name in names:
        organisation = rng.choice(ORGANISATIONS)
        for _ in range(rng.randint(1, 3)):
            mentions.append(LeadMention(name, organisation, workplan_key=f"WP{rng.randrange(40)}"))
    for first, surname in rng.sample(pairs, count // 10):
        variant = f"{first} {typo(surname, rng)}"
        if variant not in truth:
            truth[variant] = f"{first} {surname}"
            mentions.append(LeadMention(variant, workplan_key=f"WP{rng.randrange(40)}"))
    rng.shuffle(mentions)
    return mentions, truth, names


def naive_all_pairs(names: list[str]) -> float:
    """Seconds to score every pair in Python: what matching without blocking costs."""
    start = time.perf_counter()
    for a, b in combinations(names, 2):
        fuzz.ratio(a, b, processor=default_process, score_cutoff=80.0)
    return time.perf_counter() - start


def pairwise_quality(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of predicted clusters of spellings against true ones."""

    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = {}
        for spelling, label in labels.items():
            groups.setdefault(label, []).append(spelling)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]

    gold, got = pairs(truth), pairs(predicted)
    precision = len(gold & got) / len(got) if got else 1.0
    recall = len(gold & got) / len(gold) if gold else 1.0
    return precision, recall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    mentions, truth, names = make_mentions(args.names, args.seed)
    spellings = len(truth)
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        resolution = resolve_leads(mentions, aliases={})
        timings.append(time.perf_counter() - start)
    best = min(timings)

    sample = names[:500]
    naive = naive_all_pairs(sample)
    scaled = naive * (spellings / len(sample)) ** 2

    predicted = {s: resolution.canonical_for(s) for s in truth}
    precision, recall = pairwise_quality(truth, predicted)
    print(f"mentions: {len(mentions)}, distinct spellings: {spellings}, people: {len(names)}")
    print(
        f"resolve_leads: best of {args.repeat} {best:.3f} s (all: "
        + ", ".join(f"{t:.3f}" for t in timings)
        + ")"
    )
    print(
        f"naive all-pairs fuzz.ratio: {naive:.3f} s for 500 names, "
        f"{scaled:.1f} s scaled to {spellings} spellings"
    )
    print(
        f"speed-up over naive: {scaled / best:.0f}x; target < 2 s: "
        + ("met" if best < 2.0 else "NOT met")
    )
    print(
        f"pairwise precision {precision:.3f}, recall {recall:.3f} against the generated truth "
        f"({len(resolution.leads)} leads found for {len(names)} people)"
    )


if __name__ == "__main__":
    main()
