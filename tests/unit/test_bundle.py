"""The gym script's bundler (`liftheavy.browser.bundle`): ES modules joined in import order
into one classic script, and every module form it cannot join safely refused by name."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import missing_tool
from liftheavy.browser.bundle import (
    GYM_MODULES,
    GYM_SCRIPT,
    SCRIPTS,
    BundleError,
    bundle,
    gym_script,
    ordered_modules,
    page_scripts,
)


def _modules(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "main.js"


def test_modules_come_after_what_they_import_without_import_or_export(tmp_path: Path) -> None:
    entry = _modules(
        tmp_path,
        {
            "a.js": 'import { b } from "./b.js";\nexport const a = () => b + 1;\n',
            "b.js": "export const b = 1;\nconst hidden = 2;\n",
            "c.js": 'import { b } from "./b.js";\nexport function c() {\n  return b;\n}\n',
            "main.js": 'import { a } from "./a.js";\nimport { c } from "./c.js";\nconsole.log(a(), c());\n',
        },
    )
    assert [module.path.name for module in ordered_modules(entry)] == ["b.js", "a.js", "c.js", "main.js"]
    script = bundle(entry)
    assert script.startswith('(() => {\n"use strict";\n')
    assert script.endswith("})();\n")
    assert "import" not in script
    assert "export" not in script
    assert script.index("const b = 1;") < script.index("const a = () => b + 1;") < script.index("console.log")
    assert script.count("const b = 1;") == 1  # imported twice, included once


def test_declarations_no_kept_code_names_are_left_out(tmp_path: Path) -> None:
    entry = _modules(
        tmp_path,
        {
            "a.js": (
                "// used() is named here, in a comment, which does not keep it\n"
                "export function used() {\n  return helper();\n}\n"
                "const helper = () => 1;\n"
                "export function unused() {\n  return gone;\n}\n"
                "const gone = {\n  a: 1,\n};\n"
                'export const named = "kept: spelled in a string below";\n'
            ),
            "main.js": 'import { used, unused, named } from "./a.js";\nconsole.log(used(), "named");\n',
        },
    )
    script = bundle(entry)
    assert "function used()" in script
    assert "const helper" in script  # named by a kept declaration
    assert "unused" not in script.replace("import { used, unused", "")
    assert "const gone" not in script
    assert "a: 1" not in script  # the whole declaration, to its closing bracket
    assert "const named" in script  # a name in a string keeps it: too much, never too little


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"a.js": "export const x = 1;\n", "main.js": 'import { x } from "./a.js";\nconst x = 2;\n'},
            "main.js:2: top-level 'x' is also declared in a.js:1",
        ),
        (
            {"a.js": "export const y = 1;\n", "main.js": 'import { x } from "./a.js";\n'},
            "main.js:1: ./a.js does not export x",
        ),
        (
            {
                "a.js": 'import { m } from "./main.js";\nexport const a = 1;\n',
                "main.js": 'import { a } from "./a.js";\nexport const m = 1;\n',
            },
            "import cycle: main.js -> a.js -> main.js",
        ),
        ({"main.js": 'import { a } from "./gone.js";\n'}, "gone.js: no such module"),
        ({"main.js": 'import * as all from "./a.js";\n'}, 'main.js:1: only `import { a, b } from "./file.js";`'),
        ({"main.js": 'import { a as b } from "./a.js";\n'}, "main.js:1: import plain names"),
        ({"main.js": "export default 1;\n"}, "main.js:1: only `export` before a function"),
        ({"main.js": 'const t = `${n} days${m ? ` and ${m} more` : ""}`;\n'}, "main.js:1: a template literal inside"),
        ({"main.js": "const a = 1;\nfunction a() {}\n"}, "main.js:2: 'a' is declared twice (first on line 1)"),
    ],
)
def test_what_cannot_be_joined_safely_is_refused(tmp_path: Path, files: dict[str, str], message: str) -> None:
    with pytest.raises(BundleError) as error:
        bundle(_modules(tmp_path, files))
    assert message in str(error.value)


def test_each_page_script_is_valid_javascript_and_every_module_is_used(tmp_path: Path) -> None:
    used = {module.path.name for entry in SCRIPTS.values() for module in ordered_modules(GYM_MODULES / entry)}
    # lazysearch.js is a classic script of its own (liftheavy.browser.themefixes serves it).
    modules = {path.name for path in GYM_MODULES.glob("*.js") if path.name != "lazysearch.js"}
    assert used == modules  # no module left out, none unused
    node = shutil.which("node")
    if node is None:
        missing_tool("node is missing; `make test` installs it with apt-get (needs root)")
        return
    for url, script in page_scripts().items():
        (tmp_path / "page.js").write_text(script, encoding="utf-8")
        result = subprocess.run(
            [node, "--check", str(tmp_path / "page.js")], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{url}: {result.stderr}"
    assert gym_script() == page_scripts()[GYM_SCRIPT]
