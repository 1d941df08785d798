"""HTML abstracts become readable Markdown: structure kept, tags and entities never shown."""

import pytest

from desktop.core.html_to_markdown import html_to_markdown
from desktop.core.render import render_html


@pytest.mark.parametrize(
    "html,markdown",
    [
        ("<p>One &amp; two.</p><p>Three</p>", "One & two.\n\nThree"),
        ("<p>a<br>b</p>", "a  \nb"),
        ("<ul><li>x</li><li>y <em>z</em></li></ul>", "- x\n- y *z*"),
        ("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"),
        (
            '<p>See <a href="https://x.org/a_b">the <strong>docs</strong></a>.</p>',
            "See [the **docs**](https://x.org/a_b).",
        ),
        ("<p>Use <code>a_b*c</code> and 2*3</p>", "Use `a_b*c` and 2\\*3"),  # code: verbatim
        ("<P>Upper<BR/>case</P>", "Upper  \ncase"),
        ("<p>1 < 2 <!-- hidden <b>x</b> --> ok</p>", "1 < 2 ok"),
        ('<a title="a > b" href="/x?a=1&amp;b=2">q</a>', "[q](/x?a=1&b=2)"),
        ("<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n    - b"),
        ("<p>lead:<br>\n- one<br>\n- two</p>", "lead:  \n- one  \n- two"),
        ("<p>x</p><!DOCTYPE html><?php echo 1 ?><p>y</p>", "x\n\ny"),
        ("<p>open <script>never</p>", "open"),
        ("<h2>Agenda</h2><p>x</p>", "## Agenda\n\nx"),
        ("<pre><code>if a:\n    b()</code></pre>", "```\nif a:\n    b()\n```"),
        ("<blockquote><p>Quoted</p></blockquote><p>after</p>", "> Quoted\n\nafter"),
        ("<p>ok</p><script>alert(1)</script><style>p{}</style>", "ok"),
        ("<p>unknown <span class='x'>span</span> kept</p>", "unknown span kept"),
    ],
)
def test_converts(html, markdown):
    assert html_to_markdown(html) == markdown


def test_roundtrip_through_renderer_shows_no_tags():
    html = "<p>Ada &lt;3 <b>Lovelace</b></p><ul><li>a</li></ul>"
    rendered = render_html(html_to_markdown(html))
    assert "&lt;3" in rendered and "<strong>Lovelace</strong>" in rendered
    assert "<li>a</li>" in rendered
