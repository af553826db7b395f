"""Fetch the official SARIF 2.1.0 JSON schema for the SARIF validation test.

The OASIS schema ships inside Microsoft's SARIF Multitool package on the npm registry
(@microsoft/sarif-multitool-linux). The package is downloaded once, its checksum
checked against the registry's published sha512, and only the schema is kept, under
target/sarif/. The test reads it from there (or from STEWARD_SARIF_SCHEMA).
"""

import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request

PACKAGE = "@microsoft/sarif-multitool-linux"
VERSION = "5.7.0"
URL = f"https://registry.npmjs.org/{PACKAGE}/-/sarif-multitool-linux-{VERSION}.tgz"
# dist.integrity as the npm registry publishes it for this version.
INTEGRITY = "sha512-NxUbpq6ISCWoTQ/NfOYEwEDKq1Heka/rMoJ5R5LMydcAZQX/X7g5mWHcgxDub+0M07LC96tZ5LZHvF1Qy3gjTA=="
MEMBER = "package/sarif-2.1.0.json"


def main():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
    out = os.path.join(target, "sarif", "sarif-2.1.0.json")
    if os.path.exists(out):
        return
    with urllib.request.urlopen(URL, timeout=300) as response:
        data = response.read()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"{URL}: checksum mismatch ({digest}); refusing to use it")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        schema = archive.extractfile(MEMBER)
        if schema is None:
            sys.exit(f"{URL} has no {MEMBER}")
        content = schema.read()
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out + ".tmp", "wb") as f:
        f.write(content)
    os.replace(out + ".tmp", out)
    print(f"SARIF schema: {out}")


if __name__ == "__main__":
    main()
