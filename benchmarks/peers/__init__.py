"""The peers' models of the response resource, one module per library.

Every module models the same fields as respmodel (see ``docs/spec.md``),
all optional, open enums as plain strings, tagged unions through the
library's own tag support.  The bare-``{"id": ...}`` custom voice is left out:
msgspec cannot put an untagged object next to tagged ones, and no benchmark
payload carries one.
"""
