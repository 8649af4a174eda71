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

The shaking is by names, never by meaning: a top-level declaration runs from its line (which
starts in column 0) to the next line that starts in column 0 with anything but a closing
bracket or a comment, and it is kept if any kept code spells its name (in a string too;
comments do not count). So it can keep too much, never too little; every other top-level statement
is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rjsmin

IMPORT = re.compile(r'import\s*\{(?P<names>[^}]*)\}\s*from\s*"(?P<source>\./[\w.-]+\.js)";')
DECLARATION = re.compile(
    r"(?P<export>export\s+)?(?:async\s+)?(?:function\*?|const|let|var|class)\s+(?P<name>[A-Za-z_$][\w$]*)"
)
NAME = re.compile(r"[A-Za-z_$][\w$]*")
# A template literal inside another's ${…}: rjsmin reads the inner one as code and squeezes
# the spaces out of its text ("3 daysand updates 2you changed"), so it is refused.
NESTED_TEMPLATE = re.compile(r"`[^`]*\$\{[^}`]*`")


class BundleError(Exception):
    """A module the bundler cannot join safely; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Import:
    source: str  # the file name, "./loads.js"
    names: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Chunk:
    """A top-level declaration (`name`) with the lines after it, or a statement (name None)."""

    name: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Module:
    path: Path
    imports: tuple[Import, ...]
    declared: dict[str, int]  # top-level name -> line
    exported: frozenset[str]
    chunks: tuple[Chunk, ...]  # the body cut at each top-level declaration and statement


def parse_module(path: Path, text: str) -> Module:
    """Read one module's imports, top-level names and exports; raise BundleError if unsupported."""
    imports: list[Import] = []
    declared: dict[str, int] = {}
    exported: set[str] = set()
    chunks: list[tuple[str | None, list[str]]] = []
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
        if NESTED_TEMPLATE.search(line):
            raise BundleError(f"{where}: a template literal inside another's ${{…}}; join the inner text with +")
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
        if line[:1] not in _CONTINUES or not chunks:
            chunks.append((declaration["name"] if declaration else None, []))
        chunks[-1][1].append(line)
    cut = tuple(Chunk(name, "\n".join(lines)) for name, lines in chunks)
    return Module(path, tuple(imports), declared, frozenset(exported), cut)


# A line starting with one of these continues what is above it (blank, indented, a closing
# bracket, a comment); any other line starts a new top-level declaration or statement.
_CONTINUES = ("", " ", "\t", "}", ")", "]", "/", "*")


def shaken(modules: list[Module]) -> dict[str, str]:
    """Each module's kept text: its statements, and the declarations they name, and so on."""
    declarations = {chunk.name: chunk for module in modules for chunk in module.chunks if chunk.name}
    wanted = [chunk for module in modules for chunk in module.chunks if chunk.name is None]
    kept: set[str] = set()
    while wanted:
        for name in set(NAME.findall(rjsmin.jsmin(wanted.pop().text))) & declarations.keys() - kept:
            kept.add(name)
            wanted.append(declarations[name])
    return {
        module.path.name: "\n".join(c.text for c in module.chunks if c.name is None or c.name in kept).strip("\n")
        for module in modules
    }


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
    texts = shaken(modules)
    parts = [f"/* {module.path.name} */\n{texts[module.path.name]}" for module in modules]
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
