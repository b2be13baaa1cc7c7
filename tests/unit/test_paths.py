"""The home directory is chosen by --home, then MESTORE_HOME, then the platform directory."""

from __future__ import annotations

import stat
from pathlib import Path

import platformdirs
import pytest

from mestore_desktop import paths


@pytest.fixture
def platform_calls() -> list[tuple[str, object]]:
    return []


@pytest.fixture
def platform_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform_calls: list[tuple[str, object]]
) -> Path:
    """platformdirs answers with a tmp folder and records how it was asked."""
    target = tmp_path / "platform" / "mestore-desktop"

    def fake_user_data_dir(appname: str, appauthor: object = None) -> str:
        platform_calls.append((appname, appauthor))
        return str(target)

    monkeypatch.setattr(platformdirs, "user_data_dir", fake_user_data_dir)
    return target


def test_cli_home_wins_over_env_and_platform(tmp_path: Path, platform_dir: Path) -> None:
    cli = tmp_path / "cli"
    env = {"MESTORE_HOME": str(tmp_path / "env")}
    assert paths.resolve_home(cli, env) == cli.resolve()
    assert cli.is_dir()
    assert not (tmp_path / "env").exists()
    assert not platform_dir.exists()


def test_env_wins_over_platform(tmp_path: Path, platform_dir: Path) -> None:
    env_home = tmp_path / "env"
    assert paths.resolve_home(None, {"MESTORE_HOME": str(env_home)}) == env_home.resolve()
    assert not platform_dir.exists()


def test_platform_dir_is_the_fallback(
    platform_dir: Path, platform_calls: list[tuple[str, object]]
) -> None:
    assert paths.resolve_home(None, {}) == platform_dir
    assert platform_dir.is_dir()
    assert platform_calls == [("mestore-desktop", False)]


def test_blank_values_count_as_unset(platform_dir: Path) -> None:
    assert paths.resolve_home("", {"MESTORE_HOME": ""}) == platform_dir


def test_reads_os_environ_by_default(
    tmp_path: Path, platform_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MESTORE_HOME", str(tmp_path / "from-os-env"))
    assert paths.resolve_home() == (tmp_path / "from-os-env").resolve()


def test_created_owner_only_and_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    home = paths.resolve_home("relative/nested", {})
    assert home.is_absolute()
    assert home == tmp_path / "relative" / "nested"
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_existing_dir_is_reused_untouched(tmp_path: Path) -> None:
    existing = tmp_path / "existing"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    (existing / "keep.txt").write_text("x")
    assert paths.resolve_home(existing, {}) == existing
    assert (existing / "keep.txt").read_text() == "x"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o755


def test_home_that_is_a_file_is_refused(tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("")
    with pytest.raises(paths.HomeError, match="no es una carpeta"):
        paths.resolve_home(afile, {})


def test_file_names(home: Path) -> None:
    assert paths.database_path(home) == home / "mestore.sqlite3"
    assert paths.settings_path(home) == home / "settings.json"
    assert paths.log_dir(home) == home / "logs"
    assert paths.APP_NAME == "mestore-desktop"
