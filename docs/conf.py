"""Sphinx configuration of respmodel's reference (``python -m tox -e docs``).

The reference is built from the docstrings, the field descriptions from the
attribute docstrings in the source (the same text ``help()`` shows), and the
guides are the README's sections, included as they are.  ``check_all`` makes
the build fail when a name of ``respmodel.__all__`` is not in the reference.
"""

from __future__ import annotations

from typing import Any

import respmodel
from respmodel import _docs

project = "respmodel"
author = "The respmodel authors"
copyright = "the respmodel authors"
release = respmodel.__version__

extensions = ["sphinx.ext.autodoc", "myst_parser"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path: list[str] = []

# The guides include README sections, whose headings start at H2 or H3.
# "ref.python" is "more than one target found": the builtin ``type`` in a
# signature (``structure(obj, type)``) also matches every field named ``type``.
suppress_warnings = ["myst.header", "ref.python"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints_format = "short"
# Inherited docstrings carry the descriptions of fields declared in private
# bases (``_Item.id``) to the public classes.
autodoc_inherit_docstrings = True
autodoc_default_options = {
    # A class's modelled fields, including those declared in private bases
    # (``_Item``, ``_Event`` ...); Model's and Unknown's own members once, on them.
    "members": True,
    "inherited-members": "Model, Unknown, object",
    "show-inheritance": True,
}

# Names the signatures mention that the reference does not document itself.
nitpick_ignore = [
    ("py:class", "cattrs.Converter"),
    ("py:class", "cattrs.preconf.orjson.OrjsonConverter"),
    ("py:class", "OrjsonConverter"),
    ("py:class", "attrs.Attribute"),
    ("py:class", "os.PathLike"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "respmodel._json.T"),
    ("py:class", "T"),
    ("py:class", "TypeForm"),
    # The summary's building blocks: described in Summary's and Row's docstrings.
    ("py:class", "Tally"),
    ("py:class", "respmodel._summary.Tally"),
    ("py:class", "respmodel._summary.Transcription"),
    ("py:class", "respmodel._pricing.Pricer"),
    ("py:obj", "respmodel._frozen._K"),
    ("py:obj", "respmodel._shapes._T"),
    ("py:class", "respmodel._shapes._T"),
    ("py:obj", "respmodel._frozen._V"),
]


def strip_generated_fields(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Drop the field list ``help()`` adds to a class docstring: the reference lists the fields itself."""
    if what in ("class", "exception") and _docs.HEADING in lines:
        del lines[lines.index(_docs.HEADING) :]
        while lines and not lines[-1].strip():
            lines.pop()


_ALIAS_MODULES = ("respmodel._unions", "respmodel._events", "respmodel._converter")


def alias_docs(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """A union alias's docstring is the string after its definition in its own module.

    autodoc looks for it in ``respmodel/__init__.py``, where the alias is only
    imported, and would show the docstring of ``types.UnionType`` instead.
    """
    from sphinx.pycode import ModuleAnalyzer

    if what != "data":
        return
    short = name.rpartition(".")[2]
    for module in _ALIAS_MODULES:
        found = ModuleAnalyzer.for_module(module).find_attr_docs().get(("", short))
        if found:
            lines[:] = list(found)
            return


def public_bases(app: Any, name: str, obj: Any, options: Any, bases: list[type]) -> None:
    """Show a class's first public ancestor instead of a private base (``_Item`` -> ``Model``)."""
    for i, base in enumerate(bases):
        while base.__name__.startswith("_"):
            base = base.__bases__[0]
        bases[i] = base


def alias_references(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve a type named in a signature (``OutputItem``) to the alias documented as data.

    Sphinx 8 looks such names up as classes only; the aliases are data.
    """
    from sphinx.util.nodes import make_refnode

    if node.get("refdomain") != "py" or node.get("reftype") != "class":
        return None
    name = "respmodel." + node["reftarget"].rpartition(".")[2]
    found = env.get_domain("py").objects.get(name)
    if found is None or found.objtype != "data":
        return None
    return make_refnode(app.builder, node["refdoc"], found.docname, found.node_id, contnode, name)


def check_all(app: Any, env: Any) -> None:
    """Warn (an error under ``-W``) for each public name the reference does not document."""
    from sphinx.util import logging

    documented = set(env.get_domain("py").objects)
    for name in respmodel.__all__:
        if f"respmodel.{name}" not in documented:
            logging.getLogger(__name__).warning(
                "respmodel.%s is in respmodel.__all__ but not in the reference", name
            )


def setup(app: Any) -> None:
    app.connect("autodoc-process-docstring", strip_generated_fields)
    app.connect("autodoc-process-docstring", alias_docs)
    app.connect("autodoc-process-bases", public_bases)
    app.connect("missing-reference", alias_references)
    app.connect("env-check-consistency", check_all)
