"""The README's promises are checked: its first commands exist as Makefile targets and CI runs exactly one of them."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", (REPO / "README.md").read_text(), re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_makefile_has_the_documented_targets():
    makefile = (REPO / "Makefile").read_text()
    for target in ("run", "test", "lint", "bench", "demo"):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_ci_runs_make_test_and_nothing_else():
    lines = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines[-1] == "make test"
    assert not [line for line in lines if line.startswith(("python", "pytest", "pip"))]


def test_readme_screenshot_exists():
    image = REPO / "docs" / "overview.png"
    assert image.exists() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_readme_images_exist():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (REPO / "README.md").read_text()):
        assert (REPO / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image


def test_readme_cli_examples_run(tmp_path):
    # The README's own commands, in order, against a scratch workspace instead of /tmp/x.duckdb.
    import subprocess
    import sys

    lines = [line.split("#")[0].strip() for line in (REPO / "README.md").read_text().splitlines()
             if line.startswith(".venv/bin/python -m analytics")]
    assert len(lines) >= 6
    for line in lines:
        args = line.replace("/tmp/x.duckdb", str(tmp_path / "x.duckdb")).split()[3:]
        result = subprocess.run([sys.executable, "-m", "analytics", *args], cwd=REPO, capture_output=True, text=True,
                                timeout=600, check=False)
        assert result.returncode == 0, (line, result.stderr)


def test_readme_python_example_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(.*?)```", (REPO / "README.md").read_text(), re.S).group(1)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "followers.csv").write_text("date,followers\n2026-06-01,10\n")
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # the README's own example
    assert list(namespace["scores"].columns) == ["compound", "pos", "neu", "neg"]
    assert namespace["scores"]["compound"].iloc[0] < 0 < namespace["scores"]["compound"].iloc[1]
    assert namespace["reports"][0].error is None
