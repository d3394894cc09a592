"""Build the one-folder PyInstaller bundle from build_app.spec and run it.

Slow (a full PyInstaller build, about a minute): marked `slow`. The bundle is
built once per module into a temporary folder, never into the repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kortrijk_cockpit import APP_ID, __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "build_app.spec"
BUILD_TIMEOUT_S = 900
RUN_TIMEOUT_S = 120
TAIL_CHARS = 4000

# Variables that would let the frozen app find things outside its bundle.
_LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "QT_PLUGIN_PATH",
              "QT_QPA_PLATFORM_PLUGIN_PATH", "PSYCOPG_IMPL")


def _tail(text: str | bytes | None) -> str:
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    return text[-TAIL_CHARS:]


def _report(what: str, result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"{what}: exit code {result.returncode}\n"
        f"--- command: {result.args!r}\n"
        f"--- stdout (tail) ---\n{_tail(result.stdout)}\n"
        f"--- stderr (tail) ---\n{_tail(result.stderr)}"
    )


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float,
         what: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command, cwd=cwd, env=env, timeout=timeout,
            stdin=subprocess.DEVNULL, capture_output=True,
            text=True, encoding="utf-8", errors="replace", check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"{what}: no result after {timeout} s\n--- command: {command!r}\n"
            f"--- stdout (tail) ---\n{_tail(exc.stdout)}\n"
            f"--- stderr (tail) ---\n{_tail(exc.stderr)}"
        )


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundle once; return the path of its executable."""
    pytest.importorskip("PyInstaller")
    out = tmp_path_factory.mktemp("frozen")
    dist, work = out / "dist", out / "build"
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY_ENV}
    result = _run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC.name)],
        cwd=REPO_ROOT, env=env, timeout=BUILD_TIMEOUT_S, what="PyInstaller build",
    )
    assert result.returncode == 0, _report("PyInstaller build failed", result)
    exe = dist / APP_ID / (f"{APP_ID}.exe" if sys.platform == "win32" else APP_ID)
    assert exe.is_file(), f"no executable at {exe}\n" + _report("PyInstaller build", result)
    return exe


@pytest.fixture
def frozen_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment; temp files (the --temp-basedir folder) go under tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in _LEAKY_ENV}
    env["QT_QPA_PLATFORM"] = "offscreen"
    temp = tmp_path / "tmp"
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        env[name] = str(temp)
    return env


@pytest.mark.slow
def test_frozen_app_passes_smoke_test(frozen_app: Path, frozen_env: dict[str, str],
                                      tmp_path: Path) -> None:
    base = tmp_path / "base"
    result = _run([str(frozen_app), "--smoke-test", "--basedir", str(base)], cwd=tmp_path,
                  env=frozen_env, timeout=RUN_TIMEOUT_S, what="frozen smoke test")
    assert result.returncode == 0, _report("frozen smoke test failed", result)
    # The run really opened a store: the Alembic migrations (loaded as files from
    # the bundle) created the database in the base folder.
    assert (base / "data" / "cockpit.sqlite3").is_file(), \
        _report("frozen smoke test made no database", result)

    # A --temp-basedir run leaves nothing behind in the temp folder after a clean exit.
    result = _run([str(frozen_app), "--smoke-test", "--temp-basedir"], cwd=tmp_path,
                  env=frozen_env, timeout=RUN_TIMEOUT_S, what="frozen smoke test")
    assert result.returncode == 0, _report("frozen --temp-basedir smoke test failed", result)
    assert not list((tmp_path / "tmp").glob("kortrijk-cockpit-*")), \
        _report("frozen --temp-basedir run left its folder", result)


@pytest.mark.slow
def test_frozen_app_reports_version(frozen_app: Path, frozen_env: dict[str, str],
                                    tmp_path: Path) -> None:
    result = _run([str(frozen_app), "--version"], cwd=tmp_path, env=frozen_env,
                  timeout=RUN_TIMEOUT_S, what="frozen --version")
    assert result.returncode == 0, _report("frozen --version failed", result)
    assert __version__ in result.stdout, _report(
        f"frozen --version did not print {__version__!r}", result
    )


@pytest.mark.slow
def test_frozen_app_bundles_postgresql_driver(frozen_app: Path, frozen_env: dict[str, str],
                                              tmp_path: Path) -> None:
    """psycopg and its bundled libpq load in the bundle (no server needed).

    PSYCOPG_IMPL=binary forbids psycopg's fallback to a system libpq, so a
    missing psycopg_binary shows as an ImportError crash instead of passing
    by accident. Nothing listens on port 1, so the app must end with its
    ordinary "database unreachable" message and exit code 3.
    """
    frozen_env["PSYCOPG_IMPL"] = "binary"
    result = _run(
        [str(frozen_app), "--smoke-test", "--temp-basedir",
         "--database", "postgresql+psycopg://cockpit@127.0.0.1:1/cockpit"],
        cwd=tmp_path, env=frozen_env, timeout=RUN_TIMEOUT_S, what="frozen PostgreSQL start",
    )
    assert result.returncode == 3, _report("frozen app with PostgreSQL URL", result)
    assert "Traceback" not in result.stderr, _report("frozen app with PostgreSQL URL", result)


@pytest.mark.slow
def test_frozen_app_syncs_from_the_frozen_sandbox(frozen_app: Path, frozen_env: dict[str, str],
                                                  tmp_path: Path) -> None:
    """exchangelib, the sandbox server and the sync engine all work inside the bundle."""
    from kortrijk_cockpit.sandbox.ews.server import PASSWORD, USERNAME

    server = subprocess.Popen([str(frozen_app), "sandbox", "--mails", "30", "--events", "10"],
                              cwd=tmp_path, env=frozen_env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url, mailbox = server.stdout.readline().strip(), server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), server.stderr.read() if server.poll() else url
        result = subprocess.run(
            [str(frozen_app), "--basedir", str(tmp_path / "base"), "sync", "--once",
             "--server", url, "--mailbox", mailbox, "--user", USERNAME, "--auth", "basic",
             "--password-stdin"],
            input=PASSWORD + "\n", cwd=tmp_path, env=frozen_env, capture_output=True,
            text=True, timeout=RUN_TIMEOUT_S, check=False,
        )
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert result.returncode == 0, _report("frozen sync --once failed", result)
    assert "gesynchroniseerd:" in result.stdout
