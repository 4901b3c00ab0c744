#!/usr/bin/env python3
"""Make a folder of session files from the bundled sample, for benchmarks and memory checks.

Each file holds ``--copies`` copies of ``respmodel/data/sample_session.jsonl`` whose
session and response ids are made unique (``sess_`` and ``resp_`` ids get a prefix
per file and copy), plain or gzip-compressed::

    python scripts/make_sessions.py /tmp/sessions --files 8 --copies 4 [--gzip]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "respmodel" / "data" / "sample_session.jsonl"


def make_sessions(folder: Path, files: int, copies: int, compress: bool = False) -> list[Path]:
    """Write the files; returns their paths."""
    sample = SAMPLE.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(files):
        path = folder / (f"session-{i:04d}.jsonl" + (".gz" if compress else ""))
        opener = gzip.open(path, "wb", compresslevel=1) if compress else path.open("wb")  # noqa: SIM115
        with opener as f:
            for c in range(copies):
                tag = f"f{i}c{c}_".encode()
                f.write(
                    sample.replace(b'"sess_', b'"sess_' + tag).replace(b'"resp_', b'"resp_' + tag)
                )
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument(
        "--copies", type=int, default=4, help="sample copies per file (about 1 MB each)"
    )
    parser.add_argument("--gzip", action="store_true", help="write .jsonl.gz files")
    args = parser.parse_args()
    paths = make_sessions(args.folder, args.files, args.copies, args.gzip)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:,.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
