"""Old addresses that keep working: stub pages for the redirects in `data/redirects.yaml`.

    Redirect + the built pages --check_redirects--> the ones to write, or file:line:col problems
    Redirect + target preview --render_stub--> a small HTML page at the old address

GitHub Pages has no server-side redirects, so each old address gets a page that sends the
browser on with `<meta http-equiv="refresh">` (no script, so it works under a strict
Content-Security-Policy), names the new page as canonical for search engines, carries the
new page's link-preview tags (an old link shared again still previews well), and shows a
plain link for anyone whose browser does not follow the refresh. Query strings (UTM tags) and
#fragments of the old link are not carried over: a static page cannot do that without script.

Renamed exercise ids need no stub: the library and the week pages keep an empty anchor for
each `former_ids` entry (see `render.former_anchors`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from markupsafe import Markup

from liftheavy.data.errors import Problem
from liftheavy.data.model import Redirect
from liftheavy.pages.render import render_template
from liftheavy.sharing.previewcards import PagePreview, render_preview_tags


def stub_file(redirect: Redirect) -> str:
    """The file the stub is written to, below the site root: /weeks/2/ → weeks/2/index.html."""
    path = redirect.old.lstrip("/")
    return f"{path}index.html" if redirect.old.endswith("/") else path


def _old_dir(redirect: Redirect) -> str:
    return redirect.old if redirect.old.endswith("/") else posixpath.dirname(redirect.old) + "/"


def relative_link(redirect: Redirect) -> str:
    """The link from the old address to the new one, relative so any host or base path works."""
    path, hash_mark, anchor = redirect.new.partition("#")
    relative = posixpath.relpath(path, _old_dir(redirect))
    relative = "./" if relative == "." else f"{relative}/"
    return f"{relative}{hash_mark}{anchor}"


def relative_file(redirect: Redirect, path: str) -> str:
    """The link from the old address to a file below the site root (the favicon)."""
    return posixpath.relpath("/" + path.lstrip("/"), _old_dir(redirect))


def check_redirects(
    redirects: tuple[Redirect, ...],
    pages: Mapping[str, frozenset[str]],
    unpublished: frozenset[str],
    taken: frozenset[str],
) -> tuple[list[Redirect], list[Problem]]:
    """The redirects to write now, and the problems that stop the build.

    `pages` maps each built page's address (/week-2/) to its anchor ids; `unpublished` holds
    the addresses of weeks not out yet (their redirects wait for them); `taken` holds every
    file the site already has, which a stub must not replace.
    """
    ready, problems = [], []
    for index, redirect in enumerate(redirects):
        path, _, anchor = redirect.new.partition("#")
        if stub_file(redirect) in taken:
            line, column = redirect.old_at
            message = f"'{redirect.old}' is the address of a page of this site; a redirect cannot replace it"
            problems.append(Problem(redirect.file, line, column, f"redirects[{index}].from", message))
        elif path in unpublished:
            continue  # the week is not out yet: its old address starts working on the same day
        elif path not in pages:
            near = ", ".join(sorted(pages))
            line, column = redirect.new_at
            message = f"no page at '{path}'; the pages are {near}"
            problems.append(Problem(redirect.file, line, column, f"redirects[{index}].to", message))
        elif anchor and anchor not in pages[path]:
            line, column = redirect.new_at
            message = f"the page '{path}' has no anchor '#{anchor}'"
            problems.append(Problem(redirect.file, line, column, f"redirects[{index}].to", message))
        else:
            ready.append(redirect)
    return ready, problems


def render_stub(redirect: Redirect, preview: PagePreview, site_name: str, favicon: str) -> str:
    """The stub page at the old address; `preview` is the new page's; `favicon` is below the site root.

    The icon link keeps browsers from asking for /favicon.ico, which does not exist.
    """
    return render_template(
        "redirect.html.j2",
        preview=preview,
        site_name=site_name,
        link=relative_link(redirect),
        favicon=relative_file(redirect, favicon),
        canonical=preview.url,
        # Our own autoescaped template's output: safe to include as HTML.
        preview_tags=Markup(render_preview_tags(preview, site_name)),
    )
