"""What ``import respmodel`` does, and does not do, in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import respmodel

PAYLOAD = (
    b'{"object": "realtime.response", "id": "resp_1", "status": "completed",'
    b' "output": [{"type": "function_call", "name": "f", "arguments": "{}"}],'
    b' "usage": {"total_tokens": 3}}'
)


def run_fresh(code: str, tmp_path: Path) -> Any:
    """Run ``code`` in a new interpreter that imports this respmodel; return what it prints as JSON."""
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(respmodel.__file__).parent.parent),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_generates_no_code(tmp_path: Path) -> None:
    """Importing respmodel generates and compiles no function."""
    out = run_fresh(
        """
        import json, linecache
        import respmodel, respmodel._codegen
        print(json.dumps({
            "functions": len(respmodel._codegen._DECODER_FUNCTIONS),
            "generated": [k for k in linecache.cache if k.startswith("<respmodel ")],
        }))
        """,
        tmp_path,
    )
    assert out == {"functions": 0, "generated": []}


def test_import_reads_no_data_files(tmp_path: Path) -> None:
    """Importing respmodel opens module files only: no package data, no metadata."""
    out = run_fresh(
        """
        import importlib.machinery, json, os, sys
        opened = []
        def audit(event, args):
            if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
                opened.append(os.fsdecode(args[0]))
        sys.addaudithook(audit)
        import respmodel
        modules = tuple(importlib.machinery.all_suffixes())
        print(json.dumps([p for p in opened if not p.endswith(modules)]))
        """,
        tmp_path,
    )
    assert out == []


def test_import_and_first_use_leave_the_global_converter_alone(tmp_path: Path) -> None:
    """Neither importing respmodel nor decoding and encoding registers anything on cattrs' global converter."""
    out = run_fresh(
        f"""
        import json
        import cattrs
        calls = []
        glob = cattrs.global_converter
        cls = type(glob)
        for name in [n for n in dir(cls) if n.startswith("register_")]:
            def spy(self, *args, _name=name, _orig=getattr(cls, name), **kwargs):
                if self is glob:
                    calls.append(_name)
                return _orig(self, *args, **kwargs)
            setattr(cls, name, spy)
        structure, unstructure = cattrs.structure, cattrs.unstructure
        import respmodel
        resp = respmodel.loads({PAYLOAD!r})
        respmodel.unstructure(respmodel.structure(respmodel.unstructure(resp)))
        respmodel.dumps(resp, case="camel")
        respmodel.configure_converter(cattrs.Converter())
        respmodel.make_converter()
        print(json.dumps({{
            "calls": calls,
            "same": cattrs.global_converter is glob
                    and cattrs.structure == structure and cattrs.unstructure == unstructure,
        }}))
        """,
        tmp_path,
    )
    assert out == {"calls": [], "same": True}


def test_first_decode_after_import(tmp_path: Path) -> None:
    """In a fresh process, the first decode works and is what generates the code."""
    out = run_fresh(
        f"""
        import json
        import respmodel, respmodel._codegen
        resp = respmodel.loads({PAYLOAD!r})
        print(json.dumps({{
            "output": [type(i).__name__ for i in resp.output],
            "total": resp.usage.total_tokens,
            "planned": len(respmodel._codegen._DECODER_FUNCTIONS) > 0,
        }}))
        """,
        tmp_path,
    )
    assert out == {"output": ["FunctionCallItem"], "total": 3, "planned": True}
