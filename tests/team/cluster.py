"""A throwaway PostgreSQL cluster for the team-mode tests, built from the installed server.

``initdb`` refuses to run as root, so under root the cluster belongs to the ``postgres`` OS
user (``runuser``); elsewhere it belongs to whoever runs the tests. It listens on a free
loopback port only, with password authentication (scram) for TCP, and is stopped at the end.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "sup3r:p@ss/w%rd"  # URL-hostile on purpose (failure-modes.md)


@dataclass(frozen=True)
class Cluster:
    """A running test cluster: its folder, loopback port and superuser credentials."""

    folder: Path
    port: int
    bin_dir: Path
    run_as: str | None

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)


def server_bin_dir() -> Path | None:
    """Return the newest installed server's ``bin`` folder (Debian layout), or the one on PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_cluster(bin_dir: Path) -> Cluster:
    """Create and start a cluster in a new folder under the system temp dir."""
    run_as = SUPERUSER if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="privacy-desk-pg-"))
    cluster = Cluster(folder, free_port(), bin_dir, run_as)
    password_file = folder / "pwfile"
    password_file.write_text(SUPERUSER_PASSWORD + "\n")
    if run_as is not None:
        shutil.chown(folder, run_as)
        shutil.chown(password_file, run_as)
    data = str(folder / "data")
    cluster._run(
        "initdb",
        "-D",
        data,
        "-U",
        SUPERUSER,
        f"--pwfile={password_file}",
        "--auth-host=scram-sha-256",
        "--auth-local=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    options = f"-h 127.0.0.1 -p {cluster.port} -k {folder} -c fsync=off -c ssl=off"
    cluster._run("pg_ctl", "-D", data, "-o", options, "-l", str(folder / "log"), "-w", "start")
    return cluster
