"""Run a test scenario in a private network and mount namespace (Linux, `unshare`).

Autodiscover only talks to https on port 443 of names derived from the mail domain,
and resolves them with dnspython via /etc/resolv.conf: to test it for real without a
network, a child process gets its own network namespace (only `lo`, nothing reaches
the outside) and mount namespace (its own /etc/hosts and /etc/resolv.conf), where it
may bind ports 53 and 443. Namespaces end with the child: nothing to clean up.

Parent side: `run_isolated(module, payload)` starts `python -m module` under
`unshare --net --mount` (as root) or `unshare --user --map-root-user --net --mount`
(an unprivileged user, where the kernel allows user namespaces), sends `payload` as
JSON on stdin and returns the JSON result the child prints. The child prints one
JSON line per event: {"namespace": "ok"} once `isolate_network()` worked, or
{"namespace": "unavailable", "reason": ...}, then {"result": ...}.
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
UNAVAILABLE = 75  # the child's exit status when it could not set up the namespace (EX_TEMPFAIL)
_MS_BIND, _MS_REC, _MS_PRIVATE = 0x1000, 0x4000, 0x40000
_SIOCGIFFLAGS, _SIOCSIFFLAGS, _IFF_UP = 0x8913, 0x8914, 0x1


class NamespaceUnavailable(RuntimeError):
    pass


def _variants() -> list[list[str]]:
    unshare = shutil.which("unshare")
    if sys.platform != "linux" or unshare is None:
        raise NamespaceUnavailable("needs Linux and the unshare command (util-linux)")
    rootless = [unshare, "--user", "--map-root-user", "--net", "--mount"]
    return [[unshare, "--net", "--mount"], rootless] if os.geteuid() == 0 else [rootless]


def run_isolated(module: str, payload: dict[str, Any], *, timeout: float = 60) -> Any:
    """The child's {"result": ...}; NamespaceUnavailable if no variant could isolate it."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "*"  # nothing in the namespace goes through a proxy
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    reasons = []
    for command in _variants():
        child = [*command, sys.executable, "-W", "error", "-m", module]  # as filterwarnings=error
        proc = subprocess.run(child, input=json.dumps(payload), capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT, env=env, check=False)
        events = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        setup = events[0] if events else {}
        if setup.get("namespace") != "ok":
            last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
            reasons.append(f"{' '.join(command[1:])}: {setup.get('reason') or last}")
            continue
        results = [e["result"] for e in events if "result" in e]
        if proc.returncode != 0 or not results:
            raise AssertionError(f"{module} failed (exit {proc.returncode}):\n{proc.stderr}")
        return results[-1]
    raise NamespaceUnavailable("; ".join(reasons))


# -- child side ---------------------------------------------------------------------------
def report(event: dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


def isolate_network(folder: Path, hosts: dict[str, str]) -> None:
    """In the fresh namespaces: `lo` up, our hosts file, DNS at 127.0.0.1 only.

    Exits with UNAVAILABLE (after reporting why) if the namespaces are not what we
    need: better no test than one that reaches the real network or /etc.
    """
    try:
        if _other_interfaces_up():
            raise OSError("not in a private network namespace (other interfaces are up)")
        _bring_up("lo")
        _mount(None, "/", _MS_REC | _MS_PRIVATE)  # our binds must not show outside
        write_hosts(folder / "hosts", hosts)
        (folder / "resolv.conf").write_text("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
        for name in ("hosts", "resolv.conf"):
            _mount(str(folder / name), f"/etc/{name}", _MS_BIND)
        if Path("/etc/resolv.conf").read_text() != (folder / "resolv.conf").read_text():
            raise OSError("/etc/resolv.conf did not change")
    except OSError as exc:
        report({"namespace": "unavailable", "reason": str(exc)})
        raise SystemExit(UNAVAILABLE) from exc
    report({"namespace": "ok"})


def write_hosts(path: Path, hosts: dict[str, str]) -> None:
    """Rewrite the (bind-mounted) hosts file in place: name -> IPv4 address."""
    lines = ["127.0.0.1 localhost", "::1 localhost"]
    lines += [f"{address} {name}" for name, address in hosts.items()]
    with path.open("r+" if path.exists() else "w") as handle:  # same inode: the bind stays
        handle.truncate(0)
        handle.write("\n".join(lines) + "\n")


def _other_interfaces_up() -> bool:
    return any(name != "lo" and name != "lo0" and _is_up(name)
               for _, name in socket.if_nameindex())


def _ifreq(name: str, flags: int = 0) -> bytes:
    return struct.pack("16sH14s", name.encode(), flags, b"")


def _is_up(name: str) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        flags = struct.unpack("16sH14s", fcntl.ioctl(sock, _SIOCGIFFLAGS, _ifreq(name)))[1]
    return bool(flags & _IFF_UP)


def _bring_up(name: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        flags = struct.unpack("16sH14s", fcntl.ioctl(sock, _SIOCGIFFLAGS, _ifreq(name)))[1]
        fcntl.ioctl(sock, _SIOCSIFFLAGS, _ifreq(name, flags | _IFF_UP))


def _mount(source: str | None, target: str, flags: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.mount(source.encode() if source else None, target.encode(), None, flags, None) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {source} on {target}: {os.strerror(error)}")
