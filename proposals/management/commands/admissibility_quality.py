"""Print the admissibility assistant's precision and recall per rule on the
labelled set (proposals/admissibility/labelled_set.json)."""

from django.core.management.base import BaseCommand, CommandError

from proposals.admissibility import quality
from proposals.models import SuggestionBoxPage


def _share(value):
    return "-" if value is None else f"{value:.2f}"


class Command(BaseCommand):
    help = (
        "Measure the admissibility rules on the labelled set: precision and recall "
        "per rule. Duplicates are looked for among the demo's proposals, so load "
        "the demo first (manage.py load_demo)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--misses", action="store_true", help="list the cases a rule got wrong"
        )

    def handle(self, misses=False, **options):
        box = SuggestionBoxPage.objects.live().first()
        if box is None or not box.proposals.exists():
            raise CommandError("No suggestion box with proposals: run load_demo first.")
        measured, wrong = quality.measure(box)
        cases = quality.cases()
        self.stdout.write(f"{len(cases)} labelled proposals, box: {box.title}")
        self.stdout.write(
            f"{'rule':<16}{'labelled':>9}{'found':>7}{'precision':>11}{'recall':>8}"
        )
        for rule, result in measured.items():
            labelled = result.true_positives + result.false_negatives
            found = result.true_positives + result.false_positives
            self.stdout.write(
                f"{rule:<16}{labelled:>9}{found:>7}"
                f"{_share(result.precision):>11}{_share(result.recall):>8}"
            )
        if misses:
            for case, found in wrong:
                self.stdout.write(
                    f"- {case['title']}: labelled {case['rules']}, found {found}"
                )
