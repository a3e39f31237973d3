"""One window per catalog: a second start hands over to the first and quits."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from filmdesk.ui.shell.single_instance import SingleInstance, bring_to_front, instance_name


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    monkeypatch.delenv("DESKTOP_STARTUP_ID", raising=False)
    return folder


@pytest.fixture
def first(qtbot: QtBot) -> Iterator[SingleInstance]:
    instance = SingleInstance(instance_name("/films/library.sqlite3"))
    assert instance.claim()
    assert instance.is_listening
    yield instance
    instance.release()


def test_one_name_per_catalog_and_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = instance_name(str(tmp_path / "library.sqlite3"), user="anna")
    assert instance_name("library.sqlite3", user="anna") == name
    assert instance_name("./sub/../library.sqlite3", user="anna") == name
    assert instance_name(f"sqlite:///{tmp_path}/library.sqlite3", user="anna") == name
    assert instance_name("other.sqlite3", user="anna") != name
    assert instance_name("library.sqlite3", user="boris") != name
    assert instance_name("postgresql+psycopg://u@host/films", user="anna") != name
    assert instance_name("nonsense://", user="anna").startswith("filmdesk-")


def test_the_socket_lives_in_the_private_runtime_folder(
    first: SingleInstance, runtime_dir: Path
) -> None:
    assert Path(first.server_name).parent == runtime_dir
    assert Path(first.server_name).exists()


def test_flatpak_copies_meet_in_the_app_folder(
    runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = runtime_dir / "app" / "io.github.filmdesk.Filmdesk"
    shared.mkdir(parents=True)
    monkeypatch.setenv("FLATPAK_ID", "io.github.filmdesk.Filmdesk")
    assert Path(SingleInstance("filmdesk-x").server_name).parent == shared


def test_a_second_copy_asks_the_first_to_show_its_window(
    qtbot: QtBot, first: SingleInstance
) -> None:
    second = SingleInstance(instance_name("/films/library.sqlite3"))
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=5000) as blocker:
        assert second.activate_running(timeout_ms=5000)
    assert blocker.args == [""]


def test_the_launchers_activation_token_is_passed_on(
    qtbot: QtBot, first: SingleInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "token-42")
    second = SingleInstance(instance_name("/films/library.sqlite3"))
    with qtbot.waitSignal(first.activation_requested, timeout=5000) as blocker:
        assert second.activate_running(timeout_ms=5000)
    assert blocker.args == ["token-42"]


def test_another_catalog_gets_its_own_window(first: SingleInstance) -> None:
    other = SingleInstance(instance_name("/films/other.sqlite3"))
    assert other.claim()
    other.release()


def test_nobody_answers_when_nobody_listens() -> None:
    lonely = SingleInstance(instance_name("/films/nobody.sqlite3"))
    started = time.monotonic()
    assert not lonely.activate_running(timeout_ms=500)
    assert time.monotonic() - started < 3


def test_a_crashed_copy_leaves_nothing_in_the_way(runtime_dir: Path) -> None:
    name = instance_name("/films/library.sqlite3")
    crash = (
        "import os, signal, sys;"
        "from PySide6.QtCore import QCoreApplication;"
        "from filmdesk.ui.shell.single_instance import SingleInstance;"
        "app = QCoreApplication([]);"
        f"i = SingleInstance({name!r}); assert i.claim() and i.is_listening;"
        "os.kill(os.getpid(), signal.SIGKILL)"
    )
    result = subprocess.run([sys.executable, "-c", crash], timeout=60, check=False)
    assert result.returncode == -signal.SIGKILL
    assert (runtime_dir / name).exists()  # the socket file outlived its server
    assert (runtime_dir / f"{name}.lock").exists()

    again = SingleInstance(name)
    assert again.claim()
    assert again.is_listening
    again.release()


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_to_front(window)
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()


def _start(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "filmdesk", "--database", str(db), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


@pytest.mark.slow
def test_starting_filmdesk_twice_shows_the_first_window(tmp_path: Path, runtime_dir: Path) -> None:
    db = tmp_path / "library.sqlite3"
    running = _start(db)
    try:
        socket_file = runtime_dir / instance_name(str(db))
        deadline = time.monotonic() + 60
        while not socket_file.exists():
            assert running.poll() is None, running.communicate()
            assert time.monotonic() < deadline, "the first copy never listened"
            time.sleep(0.1)

        second = _start(db)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "already open" in err
        assert running.poll() is None  # the first copy goes on

        other = _start(tmp_path / "other.sqlite3", "--smoke-test")
        out, err = other.communicate(timeout=60)
        assert other.returncode == 0, err
        assert "main window shown" in out and "10 films" in out
    finally:
        running.terminate()
        running.communicate(timeout=30)


# --- a folder only the user can enter --------------------------------------------------------


def _in_tmp(name: str) -> list[str]:
    return [n for n in os.listdir(QDir.tempPath()) if n.startswith(name)]


@pytest.fixture
def home_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # A cache folder with a path as short as a home's (a socket's path has room for about
    # 100 bytes; pytest's own folders are longer).
    folder = Path(tempfile.mkdtemp(prefix="fd-"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
    yield folder / "cache"
    shutil.rmtree(folder)


@pytest.fixture
def first_without_runtime_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home_cache: Path
) -> Iterator[SingleInstance]:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    instance = SingleInstance(instance_name(str(tmp_path / "library.sqlite3")))
    assert instance.claim() and instance.is_listening
    yield instance
    instance.release()


def test_without_a_runtime_folder_the_lock_and_socket_are_in_a_private_cache_folder(
    qtbot: QtBot, tmp_path: Path, home_cache: Path, first_without_runtime_folder: SingleInstance
) -> None:
    # Once /tmp/filmdesk-<hash>.lock and /tmp/filmdesk-<hash>: names anyone could work out.
    first = first_without_runtime_folder
    name = instance_name(str(tmp_path / "library.sqlite3"))
    private = home_cache / "filmdesk" / "instances"
    assert Path(first.server_name) == private / name
    assert sorted(os.listdir(private)) == [name, f"{name}.lock"]
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    assert _in_tmp(name) == []
    second = SingleInstance(name)
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert second.activate_running(timeout_ms=5000)


def test_a_runtime_folder_others_can_enter_is_not_used(
    runtime_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime_dir.chmod(0o755)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    instance = SingleInstance("filmdesk-x")
    assert Path(instance.server_name).parent == tmp_path / "cache" / "filmdesk" / "instances"


def test_a_cache_folder_others_could_enter_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    private = tmp_path / "cache" / "filmdesk" / "instances"
    private.mkdir(parents=True, mode=0o777)
    private.chmod(0o777)
    SingleInstance("filmdesk-x")
    assert stat.S_IMODE(private.stat().st_mode) == 0o700


def test_a_link_in_place_of_the_folder_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Someone's folder put where ours goes: nothing is written there; this copy runs on its
    # own rather than meet others through it.
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    elsewhere = tmp_path / "someone-elses"
    elsewhere.mkdir(mode=0o777)
    (tmp_path / "cache" / "filmdesk").mkdir(parents=True)
    (tmp_path / "cache" / "filmdesk" / "instances").symlink_to(elsewhere)
    name = instance_name(str(tmp_path / "library.sqlite3"))
    instance = SingleInstance(name)
    assert instance.claim() and not instance.is_listening
    instance.release()
    assert os.listdir(elsewhere) == [] and _in_tmp(name) == []
