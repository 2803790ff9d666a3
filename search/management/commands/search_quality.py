"""manage.py search_quality: recall and precision of the site search and of the
similar-proposal suggestions on the relevance test set (search/quality/), over
the Mittköping demo (`load_demo`) with whatever search backend is configured;
with --bench, of the queries over generate_bench_data's proposals instead."""

from django.core.management.base import BaseCommand

from search.quality.measure import bench_quality, search_quality, similar_quality


class Command(BaseCommand):
    help = "Print recall and precision of the search on its Swedish test set."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bench",
            action="store_true",
            help=(
                "the queries over generate_bench_data's proposals instead (the demo's "
                "set cannot be judged among 100,000 generated proposals)"
            ),
        )

    def handle(self, *args, **options):
        if options["bench"]:
            self._bench()
            return
        measured, recall, precision = search_quality()
        for m in measured:
            flags = []
            if m.missed:
                flags.append(f"missed {sorted(m.missed)}")
            if m.wrong:
                flags.append(f"unexpected {sorted(m.wrong)}")
            if not m.first_ok:
                flags.append("all-words match not first")
            if m.unpublished:
                flags.append(f"UNPUBLISHED {sorted(m.unpublished)}")
            status = "ok" if not flags else "; ".join(flags)
            self.stdout.write(
                f"{m.kind:20} {m.query!r:32} {len(m.found):2} hits  {status}"
            )
        unpublished = sum(len(m.unpublished) for m in measured)
        first = sum(1 for m in measured if not m.first_ok)
        self.stdout.write(
            f"\nsearch: {len(measured)} queries, recall {recall:.3f}, "
            f"precision {precision:.3f}, all-words-first failures {first}, "
            f"unpublished hits {unpublished}"
        )
        rows, s_precision, s_recall = similar_quality()
        for text, suggested, relevant in rows:
            wrong = [title for title in suggested if title not in relevant]
            status = f"unrelated {wrong}" if wrong else "ok"
            self.stdout.write(
                f"similar  {text!r:40} {len(suggested)} suggested  {status}"
            )
        self.stdout.write(
            f"similar proposals: {len(rows)} texts, precision {s_precision:.3f}, "
            f"recall {s_recall:.3f}"
        )

    def _bench(self):
        rows, recall, precision, unpublished = bench_quality()
        for query, kind, found, relevant, right in rows:
            self.stdout.write(
                f"bench    {kind:20} {query!r:20} {found:3} hits, {right:3} relevant "
                f"of {relevant} relevant proposals"
            )
        self.stdout.write(
            f"bench data: {len(rows)} queries, recall {recall:.3f} (of at most "
            f"100 per query), precision {precision:.3f}, unpublished hits {unpublished}"
        )
