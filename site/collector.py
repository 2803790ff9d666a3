"""Garbage collection in a web process (bench/README.md, "Processes").

What a process has loaded when it starts serving lives as long as the process:
moved out of the collector's generations, it is never scanned again (a full
collection over it took ~170 ms of CPU, about once every 100 requests, and landed on
some visitor's request). Young collections run every YOUNG_THRESHOLD allocations
instead of Python's 700: almost everything a request allocates is freed by reference
counting before that."""

import gc

YOUNG_THRESHOLD = 10_000


def freeze_loaded():
    """Call once everything that lives as long as the process is loaded."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
