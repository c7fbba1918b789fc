"""keyring is asked for the OS keyring only where it can find one (issue 6: its D-Bus backends
cost 10 MiB and 0.15-0.2 s of the start on a Linux box without a session bus)."""

import json
import os
import socket
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from keyring.util import platform_

from app.store.secrets import (
    BACKEND_ENV,
    keyring_config_path,
    keyring_plugin_installed,
    keyring_reachable,
)

ROOT = Path(__file__).resolve().parents[2]
BENCH_BACKEND = "benchmarks.bench_keyring.BenchmarkKeyring"  # a keyring without D-Bus
_PROBE = (
    "import sys\n"
    "from app.store.secrets import system_secret_store\n"
    "store = system_secret_store()\n"
    "print(store is not None, 'keyring' in sys.modules, store and store.get('k'))\n"
)


def _bus_socket(folder: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(folder / "bus"))


def test_without_a_session_bus_or_configuration_linux_and_bsd_have_no_keyring(
    tmp_path: Path,
) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}
    assert not keyring_reachable(environ, "linux")
    assert not keyring_reachable(environ, "freebsd14")
    assert not keyring_reachable(environ | {"DBUS_SESSION_BUS_ADDRESS": ""}, "linux")


def test_windows_and_macos_are_always_asked(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert keyring_reachable(environ, "win32")
    assert keyring_reachable(environ, "darwin")


def test_a_session_bus_address_or_the_user_bus_socket_is_a_bus(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    address = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    assert keyring_reachable(environ | address, "linux")
    _bus_socket(tmp_path)
    assert keyring_reachable(environ | {"XDG_RUNTIME_DIR": str(tmp_path)}, "linux")
    assert not keyring_reachable(environ | {"XDG_RUNTIME_DIR": str(tmp_path / "no")}, "linux")


def test_a_backend_named_in_the_environment_or_the_config_file_is_asked(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert keyring_reachable(environ | {BACKEND_ENV: BENCH_BACKEND}, "linux")
    config = tmp_path / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir()
    config.write_text(f"[backend]\ndefault-keyring={BENCH_BACKEND}\n")
    assert keyring_reachable(environ, "linux")


def test_the_config_file_is_where_keyring_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for xdg in (str(tmp_path / "xdg"), ""):
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        # keyring's own function for Linux and the BSDs (untyped in keyring 25)
        expected = platform_._config_root_Linux() / "keyringrc.cfg"  # type: ignore[no-untyped-call]
        assert keyring_config_path(os.environ) == expected
    assert keyring_config_path({}) == tmp_path / "home" / ".config/python_keyring/keyringrc.cfg"


def _distribution(folder: Path, name: str, entry_points_text: str) -> None:
    listing = folder / f"{name}.dist-info" / "entry_points.txt"
    listing.parent.mkdir(parents=True)
    listing.write_text(entry_points_text)


def test_a_backend_plugin_of_another_distribution_is_asked(tmp_path: Path) -> None:
    own = "[keyring.backends]\nSecretService = keyring.backends.SecretService\n"
    _distribution(tmp_path, "keyring-25.7.0", own)
    _distribution(tmp_path, "pytest-8.3.0", "[console_scripts]\npytest = pytest:console_main\n")
    assert not keyring_plugin_installed([str(tmp_path), str(tmp_path / "missing")])
    _distribution(tmp_path, "keyring_pass-0.9.3", "[keyring.backends]\npass = keyring_pass\n")
    assert keyring_plugin_installed([str(tmp_path)])


def test_the_plugin_check_agrees_with_importlib_metadata() -> None:
    others = [
        e for e in entry_points(group="keyring.backends") if e.dist and e.dist.name != "keyring"
    ]
    assert keyring_plugin_installed(sys.path) == bool(others)


def _probe(tmp_path: Path, **extra: str) -> list[str]:
    """Run ``system_secret_store()`` in a fresh process without a session bus."""
    removed = {"DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", BACKEND_ENV, "XDG_CONFIG_HOME"}
    environ = {k: v for k, v in os.environ.items() if k not in removed}
    environ |= {"HOME": str(tmp_path), "PYTHONPATH": str(ROOT)} | extra
    run = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.split()


def test_without_a_bus_the_app_falls_back_to_the_passphrase_without_importing_keyring(
    tmp_path: Path,
) -> None:
    assert _probe(tmp_path) == ["False", "False", "None"]


def test_with_a_bus_that_answers_nothing_keyring_is_asked_and_finds_none(tmp_path: Path) -> None:
    bus = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    assert _probe(tmp_path, **bus) == ["False", "True", "None"]


def test_a_keyring_configured_without_d_bus_is_still_used(tmp_path: Path) -> None:
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({"Privacy Desk/k": "00ff"}))
    from_env = {BACKEND_ENV: BENCH_BACKEND, "PRIVACY_DESK_BENCH_KEYS": str(keys)}
    assert _probe(tmp_path, **from_env) == ["True", "True", "00ff"]
    config = tmp_path / ".config" / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text(f"[backend]\ndefault-keyring={BENCH_BACKEND}\n")
    from_file = {"PRIVACY_DESK_BENCH_KEYS": str(keys)}
    assert _probe(tmp_path, **from_file) == ["True", "True", "00ff"]
