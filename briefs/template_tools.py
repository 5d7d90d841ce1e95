"""What `briefs templates` does: list, show, init and check template folders, and the page
that documents the data a template sees (generated from the model, so it cannot drift).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tomllib
import typing
from dataclasses import dataclass
from pathlib import Path

import jinja2

from briefs import model
from briefs.cite_styles import format_sources
from briefs.errors import TemplateError
from briefs.resources import templates_dir
from briefs.sample import sample_brief
from briefs.templating import environment

_TEXT = (".j2", ".toml", ".md")
_CURLY_IN_TAG = re.compile(r"(\{\{|\{%)([^}]*?[“”‘’][^}]*?)(\}\}|%\})")
REQUIRED_DOCX_STYLES = ("Title", "Heading 1", "Body Text", "List Bullet", "List Number")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {'error' if self.fatal else 'warning'}: {self.message}"


def builtin_names() -> list[str]:
    """Every built-in template and look file, relative to the templates folder."""
    root = templates_dir()
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file()
        and "examples" not in p.relative_to(root).parts
        and p.suffix in (".j2", ".toml", ".docx")
    )


def examples() -> dict[str, Path]:
    """The example template sets shipped beside the default (name -> folder)."""
    folder = templates_dir() / "examples"
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_dir()} if folder.is_dir() else {}


def list_templates(user_dir: Path | None) -> list[tuple[str, str]]:
    """(name, where it comes from) for every template a run would use."""
    out = []
    for name in builtin_names():
        if user_dir and (user_dir / name).is_file():
            out.append((name, str(user_dir / name)))
        else:
            out.append((name, "built-in"))
    if user_dir:
        for p in sorted(user_dir.rglob("*.j2")):
            name = str(p.relative_to(user_dir))
            if name not in builtin_names():
                out.append((name, f"{p} (only in this folder)"))
    return out


def show(name: str) -> str:
    """The text of built-in template ``name``. Raises TemplateError for unknown or binary."""
    path = templates_dir() / name
    if name not in builtin_names() and not (templates_dir() / "examples" / name).is_file():
        raise TemplateError(f"no built-in template {name!r}; see `briefs templates list`")
    if path.suffix == ".docx":
        raise TemplateError(f"{name} is a Word file; `briefs templates init DIR` copies it")
    return path.read_text("utf-8")


def init(dest: Path, example: str | None = None, force: bool = False) -> list[Path]:
    """Copy the defaults (or an example set) into ``dest``; existing files are kept unless
    ``force``. Returns the files written. Raises TemplateError for an unknown example."""
    if example is not None and example not in examples():
        raise TemplateError(
            f"no example template set {example!r}; choose from {', '.join(examples())}"
        )
    written = []
    sources = [(templates_dir() / n, n) for n in builtin_names()]
    if example:
        root = examples()[example]
        sources += [(p, str(p.relative_to(root))) for p in root.rglob("*") if p.is_file()]
    for src, name in sources:
        target = dest / name
        if target.exists() and not force and not example:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        written.append(target)
    return written


def sample_context(style: str = "numbered") -> dict[str, typing.Any]:
    brief = sample_brief()
    return {
        "brief": brief,
        "scope_label": "country: Cambodia",
        "period_label": "2023-01-01 to 2025-12-31",
        "style": style,
        "charts": True,
        "references": format_sources(brief.sources, style).references,
    }


def _template_frame(tb) -> tuple[str | None, int | None]:
    file = line = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            file, line = name, tb.tb_lineno
        tb = tb.tb_next
    return file, line


def check(user_dir: Path) -> list[Problem]:
    """Dry-run the templates in ``user_dir`` against the sample brief; return the problems."""
    if not user_dir.is_dir():
        raise TemplateError(f"templates folder {str(user_dir)!r} does not exist")
    problems: list[Problem] = []
    env = environment(user_dir)
    for path in sorted(user_dir.rglob("*.j2")):
        rel = str(path.relative_to(user_dir))
        source = path.read_text("utf-8")
        for n, text in enumerate(source.splitlines(), 1):
            if _CURLY_IN_TAG.search(text):
                problems.append(
                    Problem(
                        rel, n, "curly quotes inside a Jinja tag; use straight quotes (\" or ')"
                    )
                )
        try:
            env.parse(source, name=rel, filename=str(path))
        except jinja2.TemplateSyntaxError as e:
            problems.append(Problem(rel, e.lineno, e.message or "syntax error"))
    if any(p.fatal for p in problems):
        return problems
    context = sample_context()
    for name in ["brief.md.j2", *sorted(n for n in builtin_names() if n.startswith("sections/"))]:
        try:
            text = env.get_template(name).render(**context)
        except jinja2.UndefinedError as e:
            file, line = _template_frame(e.__traceback__)
            problems.append(Problem(_rel(file, user_dir) or name, line, f"undefined: {e.message}"))
            continue
        except jinja2.exceptions.SecurityError as e:
            file, line = _template_frame(e.__traceback__)
            problems.append(Problem(_rel(file, user_dir) or name, line, f"refused: {e}"))
            continue
        except jinja2.TemplateError as e:
            file, line = _template_frame(e.__traceback__)
            problems.append(Problem(_rel(file, user_dir) or name, line, str(e)))
            continue
        if name.startswith("sections/") and (user_dir / name).is_file() and not text.strip():
            problems.append(
                Problem(
                    name,
                    None,
                    "renders empty for a sample brief that has data for every section",
                    fatal=False,
                )
            )
    problems += _check_looks(user_dir)
    return problems


def _rel(file: str | None, root: Path) -> str | None:
    if not file:
        return None
    try:
        return str(Path(file).relative_to(root))
    except ValueError:
        return Path(file).name


def _check_looks(user_dir: Path) -> list[Problem]:
    problems = []
    style = user_dir / "pdf-style.toml"
    if style.is_file():
        try:
            tomllib.loads(style.read_text("utf-8"))
        except tomllib.TOMLDecodeError as e:
            problems.append(Problem("pdf-style.toml", e.lineno, e.msg))
    reference = user_dir / "reference.docx"
    if reference.is_file():
        import docx

        try:
            names = {s.name for s in docx.Document(str(reference)).styles}
        except Exception as e:  # python-docx raises assorted errors on broken packages
            problems.append(Problem("reference.docx", None, f"does not open: {e}"))
        else:
            missing = [s for s in REQUIRED_DOCX_STYLES if s not in names]
            if missing:
                problems.append(
                    Problem(
                        "reference.docx",
                        None,
                        f"lacks styles {', '.join(missing)}; Word's defaults will be used",
                        fatal=False,
                    )
                )
    return problems


# -- the template data page ---------------------------------------------------------------------

_CONTEXT = {
    "brief": "Brief: the whole brief (below).",
    "scope_label": 'str: the scope in words, e.g. "country: Cambodia; topic: ceasefire".',
    "period_label": 'str: the period in words, e.g. "2024-01-01 to 2024-12-31".',
    "style": 'str: the citation style, "numbered" or "apa".',
    "charts": "bool: whether pictures are wanted; a paragraph `[[chart:tiles]]`, "
    "`[[chart:timeline]]`, `[[chart:coverage]]` or (digests) `[[chart:countries]]` places one.",
    "references": "list of (Source, str): the reference list in the style's order, with each "
    "entry formatted in that style.",
}
_FILTERS = {
    "cite": "`{{ sentence.cites | cite }}` or `{{ figure.source | cite }}` (a figure with its "
    "corroborating sources: `{{ ([figure.source] + figure.also) | cite }}`): citation markers "
    "(`[@S1]`, with `, p. N` where the source has pages); drawn as [1] or (Author, "
    "2022) and linked to the reference list.",
    "anchor": "`{{ source.id | anchor }}`: the link target a reference-list entry carries.",
    "reference": "`{{ source | reference }}`: the house-style reference, title in italics.",
    "date": '`{{ "2022-01-14" | date }}` -> 14 January 2022 (also "June 2022", "2024").',
    "number": "`{{ 9205 | number }}` -> 9,205; `{{ 17.4 | number(1) }}` -> 17.4.",
    "happened": "`{{ figure | happened }}`: the figure as written and what happened to it, "
    'where its sentence says ("525,000 people displaced").',
    "counted": "`{{ figure | counted }}`: what the figure counts and what happened to it, "
    'where its sentence says ("people displaced", "people killed" for "the massacre of 11 '
    'people").',
    "md": "`{{ text | md }}`: print text as Markdown without escaping (for your own fixed "
    "text only; source text is always escaped).",
}
_TYPES = [
    model.Brief,
    model.Source,
    model.Section,
    model.Sentence,
    model.Cite,
    model.Figure,
    model.Keyword,
    model.TimelineEntry,
    model.Check,
    model.Manifest,
]


def _type_name(t: typing.Any) -> str:
    if isinstance(t, type):
        return t.__name__
    return str(t).replace("typing.", "").replace("briefs.model.", "")


def data_page() -> str:
    """The Markdown page that documents what templates can reach."""
    lines = [
        "# The data a template sees",
        "",
        "Generated from `briefs/model.py` by `briefs templates doc`; do not edit by hand.",
        "",
        "## Variables",
        "",
    ]
    lines += [f"- `{name}`: {text}" for name, text in _CONTEXT.items()]
    lines += ["", "## Filters", ""]
    lines += [f"- `{name}`: {text}" for name, text in _FILTERS.items()]
    for cls in _TYPES:
        hints = typing.get_type_hints(cls)
        doc = " ".join((cls.__doc__ or "").split())
        lines += ["", f"## {cls.__name__}", "", doc, "", "| field | type |", "|---|---|"]
        lines += [
            f"| `{f.name}` | `{_type_name(hints[f.name])}` |" for f in dataclasses.fields(cls)
        ]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"
