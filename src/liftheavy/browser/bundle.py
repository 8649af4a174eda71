"""The gym script as served: its ES modules joined into one classic script at build time.

The sources are plain, dependency-free ES modules in `liftheavy/browser/js/` (unit-tested
with `node --test tests/js`). One file costs one request where native modules would cost
one per module (the first-load request budget in perf/budgets.toml), so `bundle` orders the
modules by their imports, drops the `import` lines and the `export` keywords, and wraps the
lot in one strict IIFE; the build's minifier then shrinks it like our other assets. The MkDocs
glue (`hooks/minify.py`) serves one such script per kind of page (`SCRIPTS`).

Only the module syntax the sources use is accepted, so nothing is silently mistranslated:
`import { a, b } from "./x.js";` on one line, and `export` before a top-level `function`,
`const`, `let` or `class`. All modules share one scope once joined, so a top-level name
declared in two modules is refused, as is an import of a name its module does not export
and a cycle of imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

IMPORT = re.compile(r'import\s*\{(?P<names>[^}]*)\}\s*from\s*"(?P<source>\./[\w.-]+\.js)";')
DECLARATION = re.compile(
    r"(?P<export>export\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+(?P<name>[A-Za-z_$][\w$]*)"
)
NAME = re.compile(r"[A-Za-z_$][\w$]*")


class BundleError(Exception):
    """A module the bundler cannot join safely; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the file name, "./loads.js"
    names: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Module:
    path: Path
    imports: tuple[Import, ...]
    declared: dict[str, int]  # top-level name -> line
    exported: frozenset[str]
    body: str  # the source without its import lines and export keywords


def parse_module(path: Path, text: str) -> Module:
    """Read one module's imports, top-level names and exports; raise BundleError if unsupported."""
    imports: list[Import] = []
    declared: dict[str, int] = {}
    exported: set[str] = set()
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{path.name}:{number}"
        if line.startswith("import"):
            match = IMPORT.fullmatch(line.strip())
            if not match:
                raise BundleError(f'{where}: only `import {{ a, b }} from "./file.js";` on one line is supported')
            names = tuple(name.strip() for name in match["names"].split(",") if name.strip())
            if not names or not all(NAME.fullmatch(name) for name in names):
                raise BundleError(f"{where}: import plain names (no `as`, no defaults): {match['names'].strip()!r}")
            imports.append(Import(match["source"], names, number))
            continue
        declaration = DECLARATION.match(line)
        if declaration:
            name = declaration["name"]
            if name in declared:
                raise BundleError(f"{where}: {name!r} is declared twice (first on line {declared[name]})")
            declared[name] = number
            if declaration["export"]:
                exported.add(name)
                line = line[declaration.end("export") :]
        elif line.startswith("export"):
            raise BundleError(f"{where}: only `export` before a function, const, let or class is supported")
        body.append(line)
    return Module(path, tuple(imports), declared, frozenset(exported), "\n".join(body).strip("\n"))


def ordered_modules(entry: Path) -> list[Module]:
    """`entry` and every module it imports, each after the modules it imports."""
    done: dict[Path, Module] = {}
    visiting: list[Path] = []

    def visit(path: Path) -> Module:
        if path in done:
            return done[path]
        if path in visiting:
            cycle = " -> ".join(p.name for p in [*visiting[visiting.index(path) :], path])
            raise BundleError(f"import cycle: {cycle}")
        if not path.is_file():
            raise BundleError(f"{path}: no such module")
        visiting.append(path)
        module = parse_module(path, path.read_text(encoding="utf-8"))
        for item in module.imports:
            dependency = visit((path.parent / item.source).resolve())
            missing = [name for name in item.names if name not in dependency.exported]
            if missing:
                raise BundleError(f"{path.name}:{item.line}: {item.source} does not export {', '.join(missing)}")
        visiting.pop()
        done[path] = module
        return module

    visit(entry.resolve())
    return list(done.values())


def bundle(entry: Path) -> str:
    """One classic script: the modules from `entry` in import order, in one strict IIFE."""
    modules = ordered_modules(entry)
    owner: dict[str, Module] = {}
    for module in modules:
        for name, line in module.declared.items():
            if name in owner:
                first = owner[name]
                raise BundleError(
                    f"{module.path.name}:{line}: top-level {name!r} is also declared in "
                    f"{first.path.name}:{first.declared[name]}; joined, they would share one scope"
                )
            owner[name] = module
    parts = [f"/* {module.path.name} */\n{module.body}" for module in modules]
    return '(() => {\n"use strict";\n' + "\n\n".join(parts) + "\n})();\n"


# The served scripts: each page links one (overrides/partials/liftheavy/body-end.html, by
# the page's `lh_script`), so a page pays only for its own tools. URL in the site -> entry.
GYM_MODULES = Path(__file__).parent / "js"
GYM_SCRIPT = "assets/javascripts/liftheavy-gym.js"  # week pages: the gym layer and the log on cards
SCRIPTS = {
    GYM_SCRIPT: "main.js",
    "assets/javascripts/liftheavy-site.js": "site.js",  # every other page: offline only
    "assets/javascripts/liftheavy-log.js": "logpage.js",  # Your log's page: the list, export, import
}


# The stylesheet every page but the week pages links (head-end.html): the library, the
# overview's schedule, follow box and plan, Your log's page. Minified with the extra_css files by hooks/minify.py.
SITE_STYLESHEET = "assets/stylesheets/liftheavy-site.css"


def gym_script() -> str:
    """The gym script as one file, before minifying: `js/main.js` and what it imports."""
    return bundle(GYM_MODULES / SCRIPTS[GYM_SCRIPT])


def page_scripts() -> dict[str, str]:
    """Every served script (URL in the site -> its text before minifying)."""
    return {url: bundle(GYM_MODULES / entry) for url, entry in SCRIPTS.items()}
