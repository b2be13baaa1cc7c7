-- The relay's PostgreSQL role and database (deploy/README.md, step 3). Run by
-- deploy/postgres-setup.sh, which passes the names as psql variables and the password only as
-- a SCRAM-SHA-256 verifier in its environment (never the password itself, never argv):
--   psql -v ON_ERROR_STOP=1 -v role=mestore_relay -v db=mestore_relay -f postgres-setup.sql
-- Safe to run again: it creates what is missing and sets the password anew (a rotation).

-- Nothing this session runs (the password's verifier included) goes to the server log, even
-- when a statement fails.
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
SET log_min_duration_statement = -1;

\set verifier ''
\getenv verifier MESTORE_RELAY_DB_VERIFIER
SELECT :'verifier' LIKE 'SCRAM-SHA-256$%' AS verifier_ok \gset
\if :verifier_ok
\else
  \warn 'postgres-setup.sql: no SCRAM-SHA-256 verifier in MESTORE_RELAY_DB_VERIFIER: run postgres-setup.sh'
  DO $$ BEGIN RAISE EXCEPTION 'no password verifier given'; END $$;
\endif

-- A plain login role: it owns its database and nothing else.
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'verifier';

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'role', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"role";
-- Only the relay's role connects to it.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"role";

\connect :"db"
-- The relay's migrations create their tables in `public`, which its role owns.
ALTER SCHEMA public OWNER TO :"role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
\echo postgres-setup.sql: role :"role" owns database :"db"
