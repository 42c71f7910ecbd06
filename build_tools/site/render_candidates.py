"""The contributors' page of candidate terms (docs/glossary/candidates/index.md)."""

from __future__ import annotations

from build_tools.candidates import Candidate, find_candidates
from build_tools.edition import Edition
from build_tools.site.markup import escape_markdown, front_matter


def render_candidates_page(edition: Edition) -> str:
    """The contributors' page of candidate terms, with their contexts."""
    return render_candidates_table(find_candidates(edition))


def render_candidates_table(candidates: tuple[Candidate, ...]) -> str:
    title = "待注释术语 · Candidate terms"
    chinese = ("下列字串在文本中加了引号、带有数字提法或以“+”连接，像是政策术语，但术语表尚未收录。"
               "按出现的文本数和次数排序；并非每条都是术语，请先读上下文。"
               "收录一条：`python -m build_tools new-term 术语`。本页供贡献者使用，见[关于本版](../../about.md#contributing)。")
    english = ("*Strings the texts quote, number or join with “+”, which look like policy terms but "
               "have no glossary entry yet, ranked by the number of texts and occurrences. Not every "
               "one is a term: read the context first. To add one: "
               "`python -m build_tools new-term TERM`.*")
    lines = [front_matter(title, searchable=False), f"# {title}", "", chinese, "", english, ""]
    if not candidates:
        return "\n".join([*lines, "目前没有候选术语。 *No candidates at the moment.*", ""])
    lines += ["| 候选 Candidate | 文本 Texts | 次数 Occurrences | 首见 First seen |",
              "| --- | --- | --- | --- |"]
    for c in candidates:
        anchor = f"#{c.first.anchor}" if c.first.anchor else ""  # none: the title, atop the page
        where = f"[{c.first.text_id} {c.first.anchor or '标题'}](../../texts/{c.first.text_id}/index.md{anchor})"
        context = (f"{escape_markdown(c.first.before)}**{escape_markdown(c.form)}**"
                   f"{escape_markdown(c.first.after)}")
        lines.append(f"| {escape_markdown(c.form)} | {c.texts} | {c.occurrences} | {where}：{context} |")
    return "\n".join(lines) + "\n"
