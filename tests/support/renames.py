"""An editor's renames, applied to a copy of the project: shared by the site and browser tests
of links that last (`renamed_site` in conftest.py builds it)."""

from __future__ import annotations

from pathlib import Path


def rename_and_move(project: Path) -> Path:
    """What an editor does: rename an exercise id and move the article, keeping old links."""
    library = project / "data/exercises.yaml"
    text = library.read_text(encoding="utf-8")
    assert "  - id: goblet-squat\n" in text
    library.write_text(
        text.replace("  - id: goblet-squat\n", "  - id: kettlebell-goblet-squat\n    former_ids: [goblet-squat]\n"),
        encoding="utf-8",
    )
    for week in (project / "data/weeks").glob("*.yaml"):
        text = week.read_text(encoding="utf-8")
        week.write_text(text.replace("exercise: goblet-squat\n", "exercise: kettlebell-goblet-squat\n"))
    (project / "docs/why-lift-heavy.md").rename(project / "docs/evidence.md")
    for page in (project / "docs").glob("*.md"):
        page.write_text(page.read_text(encoding="utf-8").replace("(why-lift-heavy.md)", "(evidence.md)"))
    hook = project / "hooks/program_pages.py"
    assert '"why-lift-heavy.md"' in hook.read_text(encoding="utf-8")
    hook.write_text(hook.read_text(encoding="utf-8").replace('"why-lift-heavy.md"', '"evidence.md"'))
    (project / "data/redirects.yaml").write_text(
        "redirects:\n  - from: /why-lift-heavy/\n    to: /evidence/\n  - from: /program.html\n    to: /\n",
        encoding="utf-8",
    )
    return project
