"""Load OPA's own Go engine for comparison runs.

OPA v1.20.2 is published on PyPI inside `opa-golib-python-bindings` 0.4.4 (a shared
library plus a ctypes wrapper). Its wheel is tagged for CPython 3.14 but is plain
ctypes, so it is downloaded for that tag, unpacked under target/, and imported from
there by any Python 3.
"""

import glob
import os
import subprocess
import sys
import zipfile

PACKAGE = "opa-golib-python-bindings==0.4.4"
CACHE = os.path.join(os.path.dirname(__file__), "..", "target", "opa-bindings")


def load():
    unpacked = os.path.join(CACHE, "unpacked")
    if not os.path.isdir(os.path.join(unpacked, "opa_bindings")):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--python-version", "3.14", PACKAGE, "-d", CACHE],
            check=True,
        )
        wheels = glob.glob(os.path.join(CACHE, "opa_golib_python_bindings-*.whl"))
        if not wheels:
            raise SystemExit(f"pip did not download {PACKAGE}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            wheel.extractall(unpacked)
    sys.path.insert(0, unpacked)
    import opa_bindings  # noqa: E402  (importable only once the path is set)

    return opa_bindings
