"""`mestore-relay`: tokens, prune, serve (secrets from the environment or a file, never argv),
the default database, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import httpx
import pytest

from mestore_desktop.relay import cli
from mestore_desktop.relay.config import ConfigError, resolve_environment
from mestore_desktop.relay.store import RelayStore
from tests.relay.helpers import (
    ROOT,
    RelayProcess,
    event_body,
    free_port,
    new_events_secret,
    signed_event,
)


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_token_create_list_revoke(store_url, capsys):
    code, out, _ = run(["token", "create", "caja-1", "--database", store_url], capsys)
    token = out.strip()
    assert code == 0 and len(token) >= 40 and "\n" not in token
    code, out, _ = run(["token", "list", "--database", store_url], capsys)
    assert code == 0 and "caja-1" in out and "active" in out and token not in out
    assert run(["token", "create", "caja-1", "--database", store_url], capsys)[0] == 2
    assert run(["token", "revoke", "caja-1", "--database", store_url], capsys)[0] == 0
    assert run(["token", "revoke", "caja-1", "--database", store_url], capsys)[0] == 1
    assert "revoked" in run(["token", "list", "--database", store_url], capsys)[1]
    store = RelayStore(store_url)
    assert store.token_name(token) is None
    store.dispose()


def test_prune_and_default_database(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MESTORE_RELAY_DATABASE", raising=False)
    code, out, _ = run(["prune"], capsys)
    assert code == 0 and "deleted 0 events" in out
    assert (tmp_path / "mestore-relay.db").exists()
    monkeypatch.setenv("MESTORE_RELAY_DATABASE", str(tmp_path / "env.db"))
    assert run(["token", "create", "x"], capsys)[0] == 0
    assert (tmp_path / "env.db").exists()
    assert run(["prune", "--retention-days", "0"], capsys)[0] == 2


def test_a_secret_on_the_command_line_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["serve", "--events-secret", "test_events_x"])
    assert exc.value.code == 2


def test_environment_follows_the_secret_prefix():
    assert resolve_environment(None, ("test_events_a",)) == "test"
    assert resolve_environment(None, ("prod_events_a", "prod_events_b")) == "prod"
    assert resolve_environment(None, ()) == "prod"
    with pytest.raises(ConfigError):
        resolve_environment("prod", ("test_events_a",))


def test_serve_with_a_secret_file_of_several_secrets_and_sigterm(tmp_path):
    old, new = new_events_secret(), new_events_secret()
    secret_file = tmp_path / "secrets"
    secret_file.write_text(f"{old}\n\n{new}\n", encoding="utf-8")
    relay = RelayProcess(
        tmp_path / "r.db",
        "",
        port=free_port(),
        extra_args=("--events-secret-file", str(secret_file)),
    )
    with relay:
        for s in (old, new):
            r = httpx.post(relay.events_url, content=event_body(signed_event(s)))
            assert r.status_code == 200
        assert relay.terminate() == 0  # SIGTERM: graceful, exit status 0
    log = relay.log_tail(100_000)
    assert old not in log and new not in log


def test_serve_refuses_a_secret_of_the_other_environment(tmp_path):
    env = {**os.environ, "MESTORE_RELAY_EVENTS_SECRET": new_events_secret("test")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mestore_desktop.relay",
            "serve",
            "--environment",
            "prod",
            "--database",
            str(tmp_path / "r.db"),
            "--port",
            "0",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "another environment" in result.stderr
    assert env["MESTORE_RELAY_EVENTS_SECRET"] not in result.stderr


def test_serve_prints_its_url_and_stops_on_sigint(tmp_path):
    env = {**os.environ, "MESTORE_RELAY_EVENTS_SECRET": new_events_secret()}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mestore_desktop.relay",
            "serve",
            "--port",
            "0",
            "--database",
            str(tmp_path / "r.db"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()
    assert line.startswith("relay_url=http://127.0.0.1:")
    url = line.strip().split("=", 1)[1]
    assert httpx.get(url + "/healthz").json()["status"] == "ok"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(20) == 0
    _, err = proc.communicate()
    assert env["MESTORE_RELAY_EVENTS_SECRET"] not in err
    assert '"msg": "relay listening"' in err
