#!/usr/bin/env bash
# Creates (or updates) the relay's PostgreSQL role and database (deploy/README.md, step 3):
#
#   sudo cat /etc/mestore-relay/db-password | sudo -u postgres ./postgres-setup.sh [ROLE [DATABASE]]
#
# The password comes on stdin, never on a command line (any user of the host can read those).
# The server never sees it either: this script sends PostgreSQL only its SCRAM-SHA-256
# verifier (what `\password` would send), through psql's environment. psql connects as libpq's
# environment says (PGHOST, PGPORT, PGUSER): by default the local socket as the user running it.
# ROLE and DATABASE default to mestore_relay. Safe to run again (a new password: a rotation).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
role=${1:-mestore_relay}
db=${2:-mestore_relay}
name_pattern='^[a-z_][a-z0-9_]{0,62}$'
if ! [[ $role =~ $name_pattern && $db =~ $name_pattern ]]; then
  echo "postgres-setup.sh: ROLE and DATABASE must be lower-case names ([a-z_][a-z0-9_]*)" >&2
  exit 2
fi

IFS= read -r password || true
# URL-safe characters only: the password goes into the relay's database URL as it is, and a
# plain ASCII password needs no SASLprep to match what PostgreSQL computes at login.
if ! [[ $password =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
  echo "postgres-setup.sh: give the password on stdin, at least 16 of A-Z a-z 0-9 . _ ~ -" >&2
  echo "  (for example: python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" >&2
  exit 2
fi

# RFC 5802/7677 SCRAM-SHA-256 verifier in PostgreSQL's format, 4096 iterations as its default.
verifier=$(printf '%s' "$password" | python3 -c '
import base64, hashlib, hmac, os, sys
password = sys.stdin.buffer.read()
salt, iterations = os.urandom(16), 4096
salted = hashlib.pbkdf2_hmac("sha256", password, salt, iterations)
client_key = hmac.digest(salted, b"Client Key", "sha256")
server_key = hmac.digest(salted, b"Server Key", "sha256")
b64 = lambda b: base64.b64encode(b).decode()
print(f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(hashlib.sha256(client_key).digest())}:{b64(server_key)}")
')
unset password

MESTORE_RELAY_DB_VERIFIER=$verifier exec psql -X -q -v ON_ERROR_STOP=1 \
  -v role="$role" -v db="$db" -d postgres -f "$here/postgres-setup.sql"
