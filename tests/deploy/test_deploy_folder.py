"""deploy/README.md followed on this machine (issue 13, item 4).

The README's steps, with this machine's stand-ins for the host: a throwaway PostgreSQL cluster
(tests/relay/postgres.py) made to ask for passwords as Debian's does, `/etc/mestore-relay` and
`/var/lib/mestore-relay` as temporary directories, `/opt/mestore-relay/venv` as this venv. The
test plays systemd's part: the relay processes run with the command line, environment and
working directory parsed from deploy/mestore-relay@.service (ExecStart=, Environment=,
EnvironmentFile=, WorkingDirectory=, LoadCredential= copied into a private credentials
directory, %i and %d expanded), never a copy written here. Two things differ from a host: the
processes run as this test's user, and PYTHONPATH adds a probe that records which modules each
relay process imported (for the check of deploy/requirements-relay.txt).
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from mestore_desktop.relay.cli import build_parser
from mestore_desktop.relay.store import HEAD_REVISION
from tests.relay.helpers import event_body, new_events_secret, post_headers, signed_event
from tests.relay.postgres import SUPERUSER, ThrowawayPostgres, free_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
README = (DEPLOY / "README.md").read_text(encoding="utf-8")
UNIT_FILE = DEPLOY / "mestore-relay@.service"
CADDY = shutil.which("caddy")
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
# What systemd gives a service besides its unit's variables.
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
ROLE = DATABASE = "mestore_relay"  # postgres-setup.sh's defaults, as the README uses them
MERCHANT = "tienda-2"
# Put on the relay processes' PYTHONPATH: they run as in the host's venv, where only
# deploy/requirements-relay.txt is installed (importing any other installed distribution fails,
# as it would there), and each records which modules it imported.
PROBE = """
import atexit, importlib.abc, os, sys

with open(os.environ["MESTORE_DEPLOY_NOT_INSTALLED"], encoding="utf-8") as listed:
    _blocked = set(listed.read().split())

class _OnlyTheDeployedPackages(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in _blocked:
            raise ModuleNotFoundError(f"No module named {name!r} (not deployed)", name=name)
        return None

sys.meta_path.insert(0, _OnlyTheDeployedPackages())

def _record_modules():
    names = sorted({name.partition(".")[0] for name in list(sys.modules)})
    path = os.path.join(os.environ["MESTORE_DEPLOY_PROBE_DIR"], f"modules-{os.getpid()}.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\\n".join(names))

atexit.register(_record_modules)
"""


# -- the unit file, read as systemd reads it ------------------------------------------------------


def parse_unit(text: str) -> dict[str, dict[str, list[str]]]:
    """Sections → keys → values in order (a key may repeat); a trailing backslash continues a
    line (systemd joins with a space); `#` and `;` lines are comments."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    logical = ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not logical and (not stripped or stripped[0] in "#;"):
            continue
        if stripped.endswith("\\"):
            logical += stripped[:-1] + " "
            continue
        line, logical = logical + stripped, ""
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        key, sep, value = line.partition("=")
        assert current is not None and sep, f"not a unit file line: {line!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def parse_environment_file(text: str) -> dict[str, str]:
    """systemd's EnvironmentFile=: KEY=VALUE lines, `#`/`;` comments only at a line's start."""
    env: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Z_][A-Z0-9_]*", key), f"bad line: {line!r}"
        assert "#" not in value, f"systemd would keep this comment in the value: {line!r}"
        env[key] = value.strip().strip('"')
    return env


@dataclass
class Unit:
    """deploy/mestore-relay@.service with the host's paths mapped onto this machine's."""

    host_paths: dict[str, Path]
    credentials_root: Path
    service: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.service = parse_unit(UNIT_FILE.read_text(encoding="utf-8"))["Service"]

    def here(self, path: str) -> Path:
        for prefix, local in self.host_paths.items():
            if path == prefix or path.startswith(prefix + "/"):
                return local / path[len(prefix) :].lstrip("/")
        raise AssertionError(f"the unit uses {path}, which this test does not map")

    def one(self, key: str) -> str:
        (value,) = self.service[key]
        return value

    def credentials(self, instance: str) -> Path:
        """LoadCredential=: root-only files copied where only the service reads them."""
        directory = self.credentials_root / f"mestore-relay@{instance}.service"
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        for entry in self.service["LoadCredential"]:
            name, _, source = entry.partition(":")
            target = directory / name
            shutil.copyfile(self.here(source), target)
            target.chmod(0o400)
        return directory

    def environment(self, credentials: Path) -> dict[str, str]:
        env = {"PATH": SYSTEMD_PATH, "LANG": "C.UTF-8"}
        for entry in self.service.get("Environment", []):
            env |= dict(word.split("=", 1) for word in shlex.split(entry))
        # Read after Environment=, so the files' settings win (systemd.exec).
        for entry in self.service.get("EnvironmentFile", []):
            env |= parse_environment_file(self.here(entry).read_text(encoding="utf-8"))
        env["CREDENTIALS_DIRECTORY"] = str(credentials)
        return env

    def command(self, instance: str) -> tuple[list[str], dict[str, str], Path]:
        """ExecStart= as systemd would run it for `mestore-relay@<instance>`."""
        credentials = self.credentials(instance)
        env = self.environment(credentials)
        specifiers = {"i": instance, "d": str(credentials), "%": "%"}

        def specifier(match: re.Match[str]) -> str:
            assert match[1] in specifiers, f"specifier %{match[1]} is not emulated here"
            return specifiers[match[1]]

        def variable(match: re.Match[str]) -> str:
            assert match[1] in env, f"the unit uses ${{{match[1]}}}: set it in relay.env"
            return env[match[1]]

        words = shlex.split(re.sub(r"%(.)", specifier, self.one("ExecStart")))
        assert not any(re.search(r"\$(?!\{)", w) for w in words), "use ${VAR}: one argument"
        argv = [re.sub(r"\$\{([A-Za-z0-9_]+)\}", variable, w) for w in words]
        argv[0] = str(self.here(argv[0]))
        return argv, env, self.here(self.one("WorkingDirectory"))


class Instance:
    """One `mestore-relay@PORT` as systemd starts and stops it."""

    def __init__(self, unit: Unit, port: int, logs: Path, probe: dict[str, str]) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.argv, env, self.cwd = unit.command(str(port))
        self.env = env | probe
        self.log_path = logs / f"mestore-relay@{port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> Instance:
        self.cwd.mkdir(mode=0o700, parents=True, exist_ok=True)  # StateDirectory=
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                self.argv, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def await_healthy(self, timeout_s: float = 30.0) -> Instance:
        assert self.proc is not None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"relay exited: {self.log_tail()}"
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"relay not healthy: {self.log_tail()}")

    def stop(self) -> int | None:
        """systemctl stop: SIGTERM (KillSignal=), then the relay drains and exits."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        return self.proc.returncode

    def log_tail(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-3000:]


# -- the host, set up as the README says ----------------------------------------------------------


@dataclass
class Host:
    cluster: ThrowawayPostgres
    etc: Path
    unit: Unit
    probe: dict[str, str]
    admin_env: dict[str, str]
    instances: list[Instance] = field(default_factory=list)
    tokens: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    tmp: Path = Path()

    @property
    def password(self) -> str:
        return (self.etc / "db-password").read_text(encoding="utf-8").strip()

    def relayctl(self, *args: str, stdin: str | None = None) -> str:
        """README step 4's `relayctl`: mestore-relay … --database-file /etc/…/database-url."""
        result = subprocess.run(
            [
                str(self.unit.here("/opt/mestore-relay/venv/bin/mestore-relay")),
                *args,
                "--database-file",
                str(self.etc / "database-url"),
            ],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.admin_env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result.stdout

    def new_instance(self) -> Instance:
        return Instance(self.unit, free_port(), self.tmp, self.probe)


def bash_blocks(markdown: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", markdown, flags=re.DOTALL)


def readme_command(startswith: str) -> list[str]:
    """The README's one command starting with `startswith`, continuation lines joined."""
    for block in bash_blocks(README):
        joined = block.replace("\\\n", " ")
        found = [
            line.strip() for line in joined.splitlines() if line.strip().startswith(startswith)
        ]
        if found:
            return shlex.split(found[0], comments=True)
    raise AssertionError(f"no `{startswith}…` command in deploy/README.md")


def run_postgres_setup(cluster: ThrowawayPostgres, password: str) -> str:
    """Step 3: `cat db-password | runuser -u postgres -- ./postgres-setup.sh`, from a copy of
    the two files where `postgres` can read them (as /opt/mestore-relay/src on the host; this
    checkout may be in a home directory it cannot enter)."""
    as_postgres = ["runuser", "-u", SUPERUSER, "--"] if os.geteuid() == 0 else []
    copy = cluster.root / "deploy"
    copy.mkdir(mode=0o755, exist_ok=True)
    for name in ("postgres-setup.sh", "postgres-setup.sql"):
        shutil.copy2(DEPLOY / name, copy / name)
    env = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": str(cluster.port), "PGUSER": SUPERUSER}
    result = subprocess.run(
        [*as_postgres, "./postgres-setup.sh"],
        cwd=copy,
        input=password + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def ask_for_passwords(cluster: ThrowawayPostgres) -> None:
    """Debian's pg_hba.conf: a password (scram-sha-256) on 127.0.0.1, for all but the test's
    superuser (which plays `runuser -u postgres` over the socket)."""
    (cluster.data / "pg_hba.conf").write_text(
        f"local all {SUPERUSER} trust\n"
        f"host all {SUPERUSER} 127.0.0.1/32 trust\n"
        "host all all 127.0.0.1/32 scram-sha-256\n",
        encoding="utf-8",
    )
    with cluster.admin() as conn:
        conn.execute("SELECT pg_reload_conf()")


def write_private(path: Path, text: str) -> None:
    """`(umask 077; … > file)`: root-only from the start."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def database_url_as_the_readme_writes_it(password: str, port: int) -> str:
    """Step 4's printf template, with this cluster's port for 5432."""
    template = re.search(r"printf '(postgresql://[^']+)\\n'", README)
    assert template is not None, "step 4 writes database-url with printf"
    url = template[1].replace("%s", password)
    assert ":5432/" in url
    return url.replace(":5432/", f":{port}/") + "\n"


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    tmp = tmp_path_factory.mktemp("deploy")
    etc = tmp / "etc-mestore-relay"
    etc.mkdir(mode=0o700)
    probe_dir = tmp / "probe"
    (probe_dir / "records").mkdir(parents=True)
    (probe_dir / "sitecustomize.py").write_text(PROBE, encoding="utf-8")
    probe = {
        "PYTHONPATH": str(probe_dir),
        "MESTORE_DEPLOY_PROBE_DIR": str(probe_dir / "records"),
        "MESTORE_DEPLOY_NOT_INSTALLED": str(probe_dir / "not-installed.txt"),
    }
    (probe_dir / "not-installed.txt").write_text("\n".join(not_deployed_modules()))
    unit = Unit(
        {
            "/etc/mestore-relay": etc,
            "/opt/mestore-relay/venv": Path(sys.prefix),
            "/var/lib/mestore-relay": tmp / "var-lib-mestore-relay",
        },
        tmp / "credentials",
    )
    # Admin commands run from root's shell: nothing of the test's own relay settings leaks in.
    admin_env = {k: v for k, v in os.environ.items() if not k.startswith("MESTORE_RELAY")}
    cluster = ThrowawayPostgres().start()
    host = Host(cluster, etc, unit, probe, admin_env | probe, tmp=tmp)
    try:
        # Step 3: a password only root reads, the role and database, then Debian's pg_hba.
        write_private(etc / "db-password", secrets.token_urlsafe(32) + "\n")
        out = run_postgres_setup(cluster, host.password)
        assert f'role "{ROLE}" owns database "{DATABASE}"' in out
        ask_for_passwords(cluster)
        # Step 4: the two secret files.
        write_private(
            etc / "database-url", database_url_as_the_readme_writes_it(host.password, cluster.port)
        )
        host.secrets["default"] = new_events_secret("test")
        write_private(etc / "events-secret", host.secrets["default"] + "\n")
        # Step 5: settings (the sandbox's environment, as the README says for a trial), schema.
        example = (DEPLOY / "relay.env.example").read_text(encoding="utf-8")
        assert example.count("MESTORE_RELAY_ENVIRONMENT=prod\n") == 1
        write_private(etc / "relay.env", example.replace("ENVIRONMENT=prod", "ENVIRONMENT=test"))
        assert (
            host.relayctl("migrate").strip() == f"schema at revision {HEAD_REVISION} (postgresql)"
        )
        host.instances = [host.new_instance().start(), host.new_instance().start()]
        # Step 9 and step 10 while both instances start (each command is a Python start-up).
        host.secrets[MERCHANT] = new_events_secret("test")
        with ThreadPoolExecutor(2) as pool:
            default_token = pool.submit(host.relayctl, "token", "create", "caja-1")
            merchant_token = pool.submit(add_merchant_and_terminal, host)
            host.tokens = {
                "default": default_token.result().strip(),
                MERCHANT: merchant_token.result(),
            }
        for instance in host.instances:
            instance.await_healthy()
        yield host
    finally:
        codes = [instance.stop() for instance in host.instances]
        cluster.stop()
    assert codes == [0] * len(codes), "a relay did not stop cleanly on SIGTERM"


def add_merchant_and_terminal(host: Host) -> str:
    """Step 10: `relayctl merchant add tienda-2` (its secret on stdin), then a terminal's token."""
    secret = host.secrets[MERCHANT] + "\n"
    host.relayctl("merchant", "add", MERCHANT, "--environment", "test", stdin=secret)
    return host.relayctl("token", "create", "caja-t2-1", "--merchant", MERCHANT).strip()


# -- the tests ----------------------------------------------------------------------------------


def post(url: str, event: dict[str, Any]) -> httpx.Response:
    return httpx.post(url, content=event_body(event), headers=post_headers(event), timeout=15)


def feed(base_url: str, token: str) -> list[str]:
    """Every transaction id in the token's feed."""
    ids: list[str] = []
    after = 0
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=15) as client:
        while True:
            r = client.get(base_url + "/v1/events", params={"after": after})
            assert r.status_code == 200, r.text
            page = r.json()
            if not page["events"]:
                return ids
            ids += [e["event"]["data"]["transaction"]["id"] for e in page["events"]]
            after = page["next_after"]


def test_postgres_setup_gives_a_password_login_to_a_role_that_owns_only_its_database(
    host: Host,
) -> None:
    params = {"host": "127.0.0.1", "port": host.cluster.port, "user": ROLE, "dbname": DATABASE}
    with psycopg.connect(**params, password=host.password) as conn:
        row = conn.execute(
            "SELECT current_user, rolsuper, rolcreatedb, rolcreaterole, "
            "pg_get_userbyid(datdba) FROM pg_roles, pg_database "
            "WHERE rolname = current_user AND datname = current_database()"
        ).fetchone()
    assert row == (ROLE, False, False, False, ROLE)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(**params, password="not-" + host.password).close()
    # Run again (a rotation): the new verifier replaces the old, the database stays.
    rotated = secrets.token_urlsafe(32)
    run_postgres_setup(host.cluster, rotated)
    try:
        psycopg.connect(**params, password=rotated).close()
    finally:
        run_postgres_setup(host.cluster, host.password)
    psycopg.connect(**params, password=host.password).close()


def test_setup_refuses_a_weak_or_missing_password() -> None:
    for stdin in ("", "short\n", "has space and is long enough\n"):
        result = subprocess.run(
            ["./postgres-setup.sh"],
            cwd=DEPLOY,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert result.returncode == 2, result
        assert "give the password on stdin" in result.stderr


def test_an_event_posted_to_one_instance_is_read_from_the_other(host: Host) -> None:
    a, b = host.instances[0].url, host.instances[1].url
    own = signed_event(host.secrets["default"])
    assert post(a + "/wompi/events", own).status_code == 200
    theirs = signed_event(host.secrets[MERCHANT])
    assert post(b + f"/wompi/events/{MERCHANT}", theirs).status_code == 200
    # A wrong secret, or another merchant's, is refused.
    assert (
        post(a + f"/wompi/events/{MERCHANT}", signed_event(host.secrets["default"])).status_code
        == 401
    )
    own_id, their_id = (e["data"]["transaction"]["id"] for e in (own, theirs))
    # Each merchant's terminal reads its own event from the instance that did not take it, and
    # never the other merchant's.
    assert own_id in feed(b, host.tokens["default"])
    assert their_id not in feed(b, host.tokens["default"])
    assert feed(a, host.tokens[MERCHANT]) == [their_id]


def test_no_secret_is_on_a_relay_s_command_line_or_in_its_environment(host: Host) -> None:
    database_url = (host.etc / "database-url").read_text(encoding="utf-8").strip()
    for instance in host.instances:
        assert instance.proc is not None
        proc = Path(f"/proc/{instance.proc.pid}")
        seen = (proc / "cmdline").read_bytes() + (proc / "environ").read_bytes()
        for secret in [host.password, database_url, *host.secrets.values()]:
            assert secret.encode() not in seen
        assert b"--database-file" in (proc / "cmdline").read_bytes()


def fill_caddyfile_as_the_readme_says(tmp: Path) -> str:
    """Step 7's `sed … deploy/Caddyfile > /etc/caddy/Caddyfile`, run as written."""
    argv = readme_command("sed -e")
    assert argv[-2:] == [">", "/etc/caddy/Caddyfile"]
    argv = [*argv[:-3], str(DEPLOY / "Caddyfile")]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=True)
    filled = result.stdout
    assert "example.com" not in filled, "a placeholder is left"
    return filled


def test_caddy_validates_the_site_file_filled_as_the_readme_says(
    tmp_path: Path, caddy_env: dict[str, str]
) -> None:
    config = tmp_path / "Caddyfile"
    config.write_text(fill_caddyfile_as_the_readme_says(tmp_path), encoding="utf-8")
    result = subprocess.run(
        [CADDY or "caddy", "validate", "--adapter", "caddyfile", "--config", str(config)],
        capture_output=True,
        text=True,
        env=caddy_env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr


@pytest.fixture
def caddy_env(tmp_path: Path) -> dict[str, str]:
    # Caddy keeps its certificates and autosaved config under these; never the user's own.
    return {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def test_caddy_balances_over_the_instances_through_a_rolling_restart(
    host: Host, tmp_path: Path, caddy_env: dict[str, str]
) -> None:
    """The site file as deployed, but on a loopback HTTP address (no certificate here) with its
    admin API off, and its upstreams on this test's ports. Each instance in turn is restarted as
    `systemctl restart` does while events keep coming through Caddy: the one request that finds
    the stopped instance may get 502 (the Caddyfile says why: Debian's Caddy cannot resend a
    POST's body), every other is answered by the other instance, and every acknowledged event
    is in the feed."""
    port = free_port()
    site = fill_caddyfile_as_the_readme_says(tmp_path)
    for old, new in [
        ("relay.mitienda.co {", f"http://127.0.0.1:{port} {{"),
        ("127.0.0.1:8787 127.0.0.1:8788", " ".join(f"127.0.0.1:{i.port}" for i in host.instances)),
        ("{\n\temail", "{\n\tadmin off\n\temail"),
    ]:
        assert site.count(old) == 1, old
        site = site.replace(old, new)
    config = tmp_path / "Caddyfile"
    config.write_text(site, encoding="utf-8")
    log = (tmp_path / "caddy.log").open("wb")
    caddy = subprocess.Popen(
        [CADDY or "caddy", "run", "--adapter", "caddyfile", "--config", str(config)],
        env=caddy_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    proxy = f"http://127.0.0.1:{port}"
    bearer = {"Authorization": f"Bearer {host.tokens['default']}"}
    acked: list[str] = []
    try:
        await_status(proxy + "/healthz", 200, caddy)
        for instance in host.instances:
            assert instance.stop() == 0, instance.log_tail()
            # Events and polls in turn until ten in a row are answered by the other instance.
            refused, in_a_row = 0, 0
            while in_a_row < 10:
                event = signed_event(host.secrets["default"])
                if in_a_row % 2:
                    r = httpx.get(proxy + "/v1/events", headers=bearer, timeout=15)
                else:
                    r = post(proxy + "/wompi/events", event)
                if r.status_code != 200:
                    refused, in_a_row = refused + 1, 0
                    assert (r.status_code, refused) == (502, 1), caddy_errors(log)
                    continue
                if r.request.method == "POST":
                    acked.append(event["data"]["transaction"]["id"])
                in_a_row += 1
            instance.start().await_healthy()
            if instance is not host.instances[-1]:
                # README step 13's wait: Caddy's health check, and its passive window, pass.
                time.sleep(caddy_wait_s(site))
        received = feed(proxy, host.tokens["default"])
        assert [tx for tx in received if tx in acked] == acked
    finally:
        caddy.send_signal(signal.SIGTERM)
        caddy.wait(15)
        log.close()


def caddy_wait_s(site: str) -> float:
    """How long after an instance is back Caddy may still keep it out: the longer of its
    health-check interval and its passive failure window."""
    durations = re.findall(r"^\s*(?:health_interval|fail_duration) (\d+)s$", site, re.MULTILINE)
    assert len(durations) == 2
    return max(map(float, durations)) + 0.5


def caddy_errors(log: Any) -> str:
    """Caddy's own lines (not the access log): why it answered what it did."""
    lines = Path(log.name).read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join(line[:600] for line in lines if "http.log.access" not in line)


def await_status(
    url: str, status: int, proc: subprocess.Popen[bytes], timeout_s: float = 20
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, "caddy exited"
        try:
            if httpx.get(url, timeout=2).status_code == status:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise AssertionError(f"{url} never answered {status}")


def unit_with_this_venv(host: Host, tmp_path: Path) -> Path:
    """The unit file as installed, but ExecStart's program at this venv's path (systemd-analyze
    checks that it exists and is executable); nothing else changes."""
    text = UNIT_FILE.read_text(encoding="utf-8")
    program = "/opt/mestore-relay/venv/bin/mestore-relay"
    assert text.count(program) == 1
    copy = tmp_path / UNIT_FILE.name
    copy.write_text(text.replace(program, str(host.unit.here(program))), encoding="utf-8")
    return copy


def test_systemd_analyze_verifies_the_unit_and_rates_it_ok(host: Host, tmp_path: Path) -> None:
    unit = unit_with_this_venv(host, tmp_path)
    verify = subprocess.run(
        [SYSTEMD_ANALYZE or "systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # Any warning (an unknown key, a value systemd ignores) is a failure too.
    assert (verify.returncode, verify.stdout + verify.stderr) == (0, "")
    security = subprocess.run(
        [SYSTEMD_ANALYZE or "systemd-analyze", "security", "--offline=yes", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    level = re.search(r"Overall exposure level for \S+: (\d+\.\d+) (\w+)", security.stdout)
    assert level is not None, security.stdout + security.stderr
    print(f"systemd-analyze security: {level[1]} {level[2]}")
    assert float(level[1]) <= 2.0, security.stdout  # README step 5: "about 1.4, OK"


def deployed_distributions() -> set[str]:
    """What README step 2 installs: the pinned packages, the project (--no-deps), and the
    venv's own pip and setuptools."""
    return set(pins(DEPLOY / "requirements-relay.txt")) | {"mestore-desktop", "pip", "setuptools"}


def not_deployed_modules() -> list[str]:
    """Top-level modules of this venv's distributions that README step 2 does not install."""
    deployed = deployed_distributions()
    return sorted(
        module
        for module, dists in importlib.metadata.packages_distributions().items()
        if not any(canonicalize_name(d) in deployed for d in dists)
    )


def pins(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep, f"not pinned: {line}"
            found[canonicalize_name(name)] = version.strip()
    return found


def test_requirements_pin_everything_the_relay_imports_at_ci_s_versions(host: Host) -> None:
    pinned = pins(DEPLOY / "requirements-relay.txt")
    constraints = pins(ROOT / ".ci" / "constraints.txt")
    assert {n: constraints.get(n) for n in pinned} == pinned, "differs from .ci/constraints.txt"
    # Complete: every dependency of a pinned package is pinned too (as pip would resolve it).
    for name in pinned:
        for spec in importlib.metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                assert canonicalize_name(req.name) in pinned, f"{name} needs {req.name}"
    # Enough: every relay process of this module ran with nothing else importable (the probe),
    # and one serving on PostgreSQL takes an event and a poll here; each recorded its modules.
    extra = host.new_instance().start().await_healthy()
    try:
        event = signed_event(host.secrets["default"])
        assert post(extra.url + "/wompi/events", event).status_code == 200
        assert feed(extra.url, host.tokens["default"])
    finally:
        assert extra.stop() == 0, extra.log_tail()
    records = list(Path(host.probe["MESTORE_DEPLOY_PROBE_DIR"]).glob("modules-*.txt"))
    assert len(records) >= 5  # migrate, merchant add, token create ×2, this instance
    imported = {m for r in records for m in r.read_text(encoding="utf-8").split()}
    assert {"uvicorn", "psycopg", "sqlalchemy", "alembic", "mestore_desktop"} <= imported
    by_module = importlib.metadata.packages_distributions()
    dists = {canonicalize_name(d) for m in imported for d in by_module.get(m, [])}
    assert dists <= deployed_distributions()
    # The probe does hide what the host does not have.
    hidden = subprocess.run(
        [sys.executable, "-c", "import PySide6"],
        env={**os.environ, **host.probe},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert "No module named 'PySide6' (not deployed)" in hidden.stderr


def test_readme_commands_parse_and_name_every_file_of_the_folder() -> None:
    parser = build_parser()
    commands = [
        shlex.split(line.strip(), comments=True)
        for block in bash_blocks(README)
        for line in block.replace("\\\n", " ").splitlines()
        if line.strip().startswith("relayctl ")
    ]
    assert len(commands) >= 10
    for argv in commands:
        parser.parse_args([*argv[1:], "--database-file", "/etc/mestore-relay/database-url"])
    for path in DEPLOY.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in README, f"deploy/README.md does not name {path.name}"
    assert "https://relay.mitienda.co/wompi/events/<merchant>" in README


def run_readme_line(host: Host, startswith: str, paths: dict[str, str]) -> None:
    """The README's command line starting with `startswith`, run by bash as written but for
    `paths` (host path → this machine's) and, when not root, without `runuser -u postgres --`."""
    for block in bash_blocks(README):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip().startswith(startswith)]
        if lines:
            break
    else:
        raise AssertionError(f"no `{startswith}…` line in deploy/README.md")
    line = lines[0]
    for old, new in paths.items():
        assert old in line, (old, line)
        line = line.replace(old, new)
    if os.geteuid() != 0:
        line = line.replace("runuser -u postgres -- ", "")
    env = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": str(host.cluster.port)}
    env["PGUSER"] = SUPERUSER
    result = subprocess.run(
        ["bash", "-c", line],
        cwd=host.cluster.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, (line, result.stderr)


def epoch_of(base_url: str, token: str) -> str:
    r = httpx.get(base_url + "/v1/events", headers={"Authorization": f"Bearer {token}"}, timeout=15)
    assert r.status_code == 200, r.text
    return str(r.json()["epoch"])


def test_a_backup_restored_as_the_readme_says_serves_under_a_new_epoch(host: Host) -> None:
    """Step 12, last in this module: dump, stop, recreate, restore as the relay's role, new
    epoch, start; the restored events are there and the relay's role can write again."""
    a, b = host.instances
    token = host.tokens["default"]
    before = signed_event(host.secrets["default"])
    assert post(a.url + "/wompi/events", before).status_code == 200
    old_epoch = epoch_of(b.url, token)
    backups = host.cluster.root / "backups"  # `install -d -o postgres -g postgres -m 0700 …`
    backups.mkdir(mode=0o700)
    if os.geteuid() == 0:
        shutil.chown(backups, user=SUPERUSER, group=SUPERUSER)
    here = {"/var/backups/mestore-relay": str(backups)}
    run_readme_line(host, "runuser -u postgres -- pg_dump", here)
    for instance in host.instances:  # systemctl stop 'mestore-relay@*'
        assert instance.stop() == 0, instance.log_tail()
    run_readme_line(host, "runuser -u postgres -- dropdb", {})
    run_postgres_setup(host.cluster, host.password)
    (dump,) = backups.glob("relay-*.dump")
    run_readme_line(
        host,
        "runuser -u postgres -- pg_restore",
        {"/var/backups/mestore-relay/relay-2026-12-06.dump": str(dump)},
    )
    run_readme_line(host, "runuser -u postgres -- psql -d mestore_relay -c", {})
    for instance in host.instances:
        instance.start()
    for instance in host.instances:
        instance.await_healthy()
    assert epoch_of(a.url, token) not in ("", old_epoch)
    after = signed_event(host.secrets["default"])
    assert post(b.url + "/wompi/events", after).status_code == 200
    received = feed(a.url, token)
    assert {tx_id(before), tx_id(after)} <= set(received)


def tx_id(event: dict[str, Any]) -> str:
    return str(event["data"]["transaction"]["id"])
