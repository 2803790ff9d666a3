"""Apps depend downward, never in circles. Every first-party module outside
migrations and tests is read (not imported) and each import of another app checked
against the layer order below."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. An app may import apps in lower layers only; apps in one layer do
# not import each other.
LAYERS = [
    ["background"],
    ["municipality", "eid"],
    ["home"],
    ["comments"],
    ["dialogues"],
    ["proposals"],
    ["search", "stats", "opendata"],
]
# The caching layer listens to every app: it may import anything, nothing imports it.
CACHING = "caching"
LAYER = {app: level for level, apps in enumerate(LAYERS) for app in apps}
APPS = [*LAYER, CACHING]

# Known offences, each to be deleted with the change that ends it (none today).
ALLOWED = set()


def _modules():
    for app in APPS:
        folder = ROOT / app
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            parts = path.relative_to(folder).parts
            if "migrations" in parts or "tests" in parts:
                continue
            yield app, path


def _imported_apps(tree):
    """(app, module, line) for every absolute import of a first-party app."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in APPS:
                yield app, name, node.lineno


def _imports():
    """(importing app, file, imported app, module, line) across the project."""
    for app, path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        relative = path.relative_to(ROOT).as_posix()
        for imported, module, line in _imported_apps(tree):
            if imported != app:
                yield app, relative, imported, module, line


def _offence(app, imported):
    if app == CACHING:
        return None
    if imported == CACHING:
        return f"nothing may import the caching layer ({CACHING})"
    if LAYER[imported] >= LAYER[app]:
        below = f"layer {LAYER[imported]}"
        return f"{app} (layer {LAYER[app]}) imports {imported} ({below})"
    return None


def test_every_app_is_in_a_layer():
    found = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "__init__.py").exists()
    }
    assert found <= set(APPS), f"add {sorted(found - set(APPS))} to LAYERS"


def test_apps_import_only_apps_below_them():
    offences = [
        f"{relative}:{line}: import {module}: {reason}"
        for app, relative, imported, module, line in _imports()
        if (reason := _offence(app, imported)) and (relative, module) not in ALLOWED
    ]
    assert not offences, "Imports against the layer order:\n" + "\n".join(offences)


def test_no_import_cycle_between_apps():
    graph = {app: set() for app in APPS}
    where = {}
    for app, relative, imported, module, line in _imports():
        if (relative, module) in ALLOWED:
            continue
        graph[app].add(imported)
        where.setdefault((app, imported), f"{relative}:{line} (import {module})")

    def cycle_from(start, path, seen):
        for nxt in sorted(graph[path[-1]]):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                found = cycle_from(start, [*path, nxt], seen)
                if found:
                    return found
        return None

    for app in APPS:
        cycle = cycle_from(app, [app], {app})
        if cycle:
            steps = [where[(a, b)] for a, b in zip(cycle, cycle[1:], strict=False)]
            raise AssertionError(
                "Import cycle " + " -> ".join(cycle) + ":\n" + "\n".join(steps)
            )


def test_the_check_names_the_offending_file_and_import(tmp_path):
    """A home module importing proposals is reported with its file and line."""
    tree = ast.parse("def f():\n    from proposals.models import Proposal\n")
    ((app, module, line),) = _imported_apps(tree)
    assert (app, module, line) == ("proposals", "proposals.models", 2)
    assert _offence("home", app) == "home (layer 2) imports proposals (layer 5)"
    assert _offence("stats", "opendata") == "stats (layer 6) imports opendata (layer 6)"
    assert _offence(CACHING, "proposals") is None
    assert _offence("municipality", CACHING).startswith("nothing may import")
