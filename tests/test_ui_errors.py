"""Errors reach the user literally: a hostile file name cannot become a link, an image or LaTeX."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from ui.errors import plain


def test_plain_escapes_markdown_and_latex():
    assert plain("[x](http://e.vil) ![i](a.png) $x$ *b* `c` <b>") == (
        r"\[x\]\(http\://e\.vil\) \!\[i\]\(a\.png\) \$x\$ \*b\* \`c\` \<b\>")


def _page_raising(message: str) -> None:
    from analytics.errors import ReboundError
    from ui.errors import user_errors

    with user_errors():
        raise ReboundError(message, title="Bad *file*")


def test_user_errors_shows_title_and_message_once_and_stops():
    app = AppTest.from_function(_page_raising, args=("evil[link](http://x).csv is empty.",))
    app.run()
    assert not app.exception
    assert len(app.error) == 1
    body = app.error[0].value
    assert body.startswith(r"**Bad \*file\***")
    assert r"evil\[link\]\(http\://x\)\.csv" in body
