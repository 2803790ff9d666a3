"""The caching layer: the whole-page cache for anonymous visitors, the shared cache
of what every request looks up the same way, shared template fragments, and every
receiver that empties them. It sits above every other app: it imports them, none
imports it (they reach it through settings, templates and signals)."""
