"""Precision and recall of each admissibility rule on the labelled set
(labelled_set.json), checked against the box's proposals (the Mittköping demo for
the duplicates) with the demo's word lists."""

import json
from dataclasses import dataclass
from pathlib import Path

from proposals.admissibility.defaults import MITTKOPING_LISTS
from proposals.admissibility.findings import RULES, check

LABELLED_SET = Path(__file__).with_name("labelled_set.json")


@dataclass
class RuleQuality:
    rule: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self):
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self):
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else None


def cases():
    return json.loads(LABELLED_SET.read_text(encoding="utf-8"))["cases"]


def measure(box, labelled=None):
    """({rule: RuleQuality}, [(case, found rules)] where the rules differ)."""
    quality = {rule: RuleQuality(rule) for rule in RULES}
    misses = []
    for case in labelled if labelled is not None else cases():
        found = {
            finding.rule
            for finding in check(
                case["title"], case["text"], box=box, lists=MITTKOPING_LISTS
            )
        }
        expected = set(case["rules"])
        for rule in found & expected:
            quality[rule].true_positives += 1
        for rule in found - expected:
            quality[rule].false_positives += 1
        for rule in expected - found:
            quality[rule].false_negatives += 1
        if found != expected:
            misses.append((case, sorted(found)))
    return quality, misses
