"""`mestore-relay`: tokens, prune, serve (secrets from the environment or a file, never argv),
the default database, SIGTERM; merchants (issue 12): add, rotate, list, remove, their tokens."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys

import httpx
import pytest

from mestore_desktop.relay import cli
from mestore_desktop.relay.config import ConfigError, RelayConfig, resolve_environment
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


# -- merchants (issue 12) -------------------------------------------------------------------------


def test_merchant_add_list_rotate_remove(store_url, tmp_path, monkeypatch, capsys):
    db = ["--database", store_url]
    old, new = new_events_secret(), new_events_secret()
    secret_file = tmp_path / "secrets"
    secret_file.write_text(f"{old}\n", encoding="utf-8")
    code, out, err = run(
        ["merchant", "add", "tienda-a", "--events-secret-file", str(secret_file), *db], capsys
    )
    assert code == 0 and old not in out + err
    assert (
        run(["merchant", "add", "tienda-a", "--events-secret-file", str(secret_file), *db], capsys)[
            0
        ]
        == 2
    )
    # Rotation from stdin: the old and the new one, one per line.
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{old}\n{new}\n"))
    code, out, err = run(["merchant", "secrets", "tienda-a", *db], capsys)
    assert (
        code == 0 and "2 events secret(s)" in out and old not in out + err and new not in out + err
    )
    code, out, _ = run(["merchant", "list", *db], capsys)
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert set(lines) == {"default", "tienda-a"} and "active\t2 secret(s)" in lines["tienda-a"]
    assert old not in out and new not in out
    code, out, err = run(["token", "create", "caja-a", "--merchant", "tienda-a", *db], capsys)
    token = out.strip()
    assert code == 0 and "tienda-a" in err
    assert "caja-a\tmerchant tienda-a\t" in run(["token", "list", *db], capsys)[1]
    code, out, _ = run(["merchant", "remove", "tienda-a", *db], capsys)
    assert code == 0 and "revoked" in out
    listed = run(["token", "list", *db], capsys)[1]
    assert "caja-a\tmerchant tienda-a\t" in listed and "\trevoked " in listed
    assert "tienda-a\tcreated " in run(["merchant", "list", *db], capsys)[1]
    assert "\tremoved " in run(["merchant", "list", *db], capsys)[1]
    store = RelayStore(store_url)
    assert store.token_info(token) is None
    store.dispose()


def test_token_for_an_unknown_or_removed_merchant_is_one_plain_line(tmp_path, monkeypatch, capsys):
    db = ["--database", str(tmp_path / "r.db")]
    code, out, err = run(["token", "create", "caja-x", "--merchant", "nadie", *db], capsys)
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1
    assert "no merchant 'nadie'" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(new_events_secret()))
    assert run(["merchant", "add", "tienda-r", *db], capsys)[0] == 0
    assert run(["merchant", "remove", "tienda-r", *db], capsys)[0] == 0
    code, _, err = run(["token", "create", "caja-r", "--merchant", "tienda-r", *db], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert run(["token", "create", "caja-x", "--merchant", "Mal/Id", *db], capsys)[0] == 2
    assert "caja" not in run(["token", "list", *db], capsys)[1]
    assert run(["merchant", "remove", "tienda-r", *db], capsys)[0] == 2
    assert run(["merchant", "remove", "nadie", *db], capsys)[0] == 2
    assert run(["merchant", "remove", "default", *db], capsys)[0] == 2


@pytest.mark.parametrize(
    ("stdin", "extra", "said"),
    [
        ("", [], "at least one"),
        ("\n\n", [], "at least one"),
        ("test_events_con espacio\n", [], "secret 1 has whitespace"),
        ("test_events_ok\ntest_events_" + "x" * 200 + "\n", [], "secret 2 is longer"),
        ("prod_events_abc\n", ["--environment", "test"], "another environment"),
        ("test_events_a\nprod_events_b\n", [], "different environments"),
    ],
)
def test_merchant_secrets_are_checked_and_never_echoed(
    tmp_path, monkeypatch, capsys, stdin, extra, said
):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code, out, err = run(
        ["merchant", "add", "t", *extra, "--database", str(tmp_path / "r.db")], capsys
    )
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1
    for secret in stdin.split():
        assert secret not in out + err


def test_merchant_secret_mistakes(tmp_path, monkeypatch, capsys):
    db = ["--database", str(tmp_path / "r.db")]
    missing = tmp_path / "no-such-file"
    code, _, err = run(["merchant", "add", "t", "--events-secret-file", str(missing), *db], capsys)
    assert code == 2 and "cannot read the events secret file" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(new_events_secret()))
    assert run(["merchant", "secrets", "default", *db], capsys)[0] == 2  # the serve config's
    monkeypatch.setattr("sys.stdin", io.StringIO(new_events_secret()))
    assert run(["merchant", "secrets", "nadie", *db], capsys)[0] == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(new_events_secret()))
    assert run(["merchant", "add", "Mayus", *db], capsys)[0] == 2
    # Never on the command line: a second positional argument is refused by the parser.
    with pytest.raises(SystemExit) as exc:
        cli.main(["merchant", "add", "t", "test_events_abc", *db])
    assert exc.value.code == 2
    assert "test_events_abc" not in capsys.readouterr().err.split("unrecognized arguments")[0]


def test_serve_passes_the_backpressure_setting(tmp_path, monkeypatch, capsys):
    seen: list[RelayConfig] = []

    class NoServer:
        def __init__(self, app):
            seen.append(app.state.relay.config)
            self.should_exit = False

        def run(self, sockets):
            return None

    monkeypatch.setattr(cli, "DrainingServer", NoServer)
    monkeypatch.setenv("MESTORE_RELAY_EVENTS_SECRET", new_events_secret())
    db = ["--database", str(tmp_path / "r.db"), "--port", "0"]
    assert run(["serve", "--backpressure-ms", "75", *db], capsys)[0] == 0
    assert run(["serve", *db], capsys)[0] == 0
    assert [c.backpressure_ms for c in seen] == [75, 200]
    code, _, err = run(["serve", "--backpressure-ms", "0", *db], capsys)
    assert code == 2 and "backpressure" in err
