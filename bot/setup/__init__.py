"""`replynudge init`: the guided setup that writes replynudge.toml and .env (see docs/getting-started.md)."""
