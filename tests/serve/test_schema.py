"""Schemathesis fuzzes every operation of /openapi.json against the running server (its CLI:
the pytest plugin's fixture loader does not run under pytest 9): no input may cause a server
error, and every answer must match the published schema. Bounded: 15 examples an operation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    ]
)


def test_no_server_error_and_answers_match_the_schema(base_url: str, tmp_path: Path) -> None:
    schemathesis = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [
            str(schemathesis),
            "run",
            f"{base_url}/openapi.json",
            f"--checks={CHECKS}",
            "--max-examples=15",
            "--seed=20261129",
            "--workers=1",
            "--request-timeout=60",
            "--generation-database=none",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    tested = re.search(r"Tested:\s+(\d+)", done.stdout)
    assert tested and int(tested.group(1)) >= 8, done.stdout[-3000:]
