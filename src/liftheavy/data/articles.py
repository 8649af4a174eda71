"""Hand-written articles: pages in `docs/` whose front matter gives a publication `date:`.

    docs/*.md --front matter--> model.Article --> the feed (one item each) and a preview image

Only the front matter is read here (MkDocs renders the page itself). It goes through the same
safe node composer as `data/`, so a bad date is reported as `docs/page.md:line:col`. Pages
without a `date:` are not articles and are left alone, whatever else their front matter holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import MappingNode, Node

from liftheavy.data.errors import DataError, Problem, Where
from liftheavy.data.model import Article
from liftheavy.data.yamlnodes import Reader, compose

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_DATE_LINE = re.compile(r"^date\s*:", re.MULTILINE)
_TOP = Where()  # front matter fields are named on their own ("date"), without a breadcrumb


def load_articles(root: Path, docs_dir: Path) -> tuple[Article, ...]:
    """Every article under `docs_dir`, sorted by path; raise `DataError` listing every problem."""
    problems: list[Problem] = []
    articles = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT_MATTER.match(text)
        if match is None or not _DATE_LINE.search(match.group(1)):
            continue
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        article = _read_article(shown, path.relative_to(docs_dir).as_posix(), match.group(1), problems)
        if article is not None:
            articles.append(article)
    if problems:
        raise DataError(problems)
    return tuple(articles)


def _read_article(shown: str, src_uri: str, front_matter: str, problems: list[Problem]) -> Article | None:
    # A blank first line stands in for the opening '---', so line numbers match the file.
    node, found = compose(shown, ("\n" + front_matter).encode("utf-8"))
    problems.extend(found)
    if node is None:
        return None
    reader = Reader(shown)
    keys = _keys(reader, node)
    if "date" not in keys:  # the front matter was not a mapping (reported by _keys)
        problems.extend(reader.problems)
        return None
    for key in ("title", "description"):
        if key not in keys:
            reader.error(node, _TOP, f"an article (a page with a date:) needs a {key}: in its front matter")
    title = reader.text(keys["title"], _TOP / "title", max_length=80) if "title" in keys else None
    description = (
        reader.text(keys["description"], _TOP / "description", max_length=200) if "description" in keys else None
    )
    published = reader.date(keys["date"], _TOP / "date")
    problems.extend(reader.problems)
    if reader.problems or title is None or description is None or published is None:
        return None
    return Article(src_uri=src_uri, title=title, description=description, published=published)


def _keys(reader: Reader, node: Node) -> dict[str, Node]:
    """The front matter's keys; other keys (Material's hide:, icon:, …) are not ours to judge."""
    if not isinstance(node, MappingNode):
        reader.error(node, _TOP, "front matter must be 'key: value' lines")
        return {}
    return {str(key.value): value for key, value in node.value}
