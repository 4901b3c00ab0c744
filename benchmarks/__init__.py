"""Throughput benchmarks: respmodel side by side with its peers, in one run.

Run ``python -m benchmarks --help`` from the repository root.  Each library
runs in a subprocess of its own (``benchmarks.worker``), so imports, caches
and generated code of one library never affect another's figures.
"""
