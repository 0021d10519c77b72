"""docker-compose.yml holds together: no Docker engine runs here, so the file is read as Compose would read it (YAML,
`${VAR:-default}` interpolation) and what the bot gets is put through the bot's own settings loader."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.config import load_llm_settings
from bot.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}


def interpolated(value, environ: dict[str, str]):
    """Compose's `${VAR:-default}`: the variable from the shell or the project's .env, else the default."""
    if isinstance(value, str):
        return re.sub(r"\$\{(\w+):-([^}]*)\}", lambda m: environ.get(m.group(1)) or m.group(2), value)
    if isinstance(value, list):
        return [interpolated(item, environ) for item in value]
    if isinstance(value, dict):
        return {key: interpolated(item, environ) for key, item in value.items()}
    return value


def compose(environ: dict[str, str] | None = None) -> dict:
    return interpolated(yaml.safe_load(COMPOSE.read_text()), environ or {})


def llm_lines() -> dict[str, str]:
    """The .env lines the file's opening comment gives for the llm profile."""
    return dict(re.findall(r"^#   ([A-Z_]+)=(\S+)$", COMPOSE.read_text(), re.MULTILINE))


def started(document: dict, environ: dict[str, str]) -> dict:
    """The services `docker compose up` starts: those without a profile, and those of COMPOSE_PROFILES."""
    profiles = set(filter(None, environ.get("COMPOSE_PROFILES", "").split(",")))
    return {name: service for name, service in document["services"].items()
            if not service.get("profiles") or profiles & set(service["profiles"])}


def bot_environment(document: dict, dotenv: dict[str, str]) -> dict[str, str]:
    """What the bot process sees: .env (env_file), then `environment`, which wins."""
    return {**dotenv, **document["services"]["bot"]["environment"]}


def test_without_the_llm_profile_the_bot_runs_on_postgresql_with_offline_questions():
    document = compose()
    services = started(document, {})
    assert set(services) == {"db", "bot"}
    for dependency, how in services["bot"]["depends_on"].items():
        assert dependency in services or how.get("required") is False, dependency
    bot = bot_environment(document, {})
    assert load_llm_settings(bot) is None

    url = make_engine(bot["DATABASE_URL"]).url
    db = services["db"]["environment"]
    assert (url.host, url.port, url.username, url.password, url.database) == (
        "db", 5432, db["POSTGRES_USER"], db["POSTGRES_PASSWORD"], db["POSTGRES_DB"]
    )
    config = next(v for v in services["bot"]["volumes"] if v.endswith(":ro"))
    assert config.split(":")[1] == bot["REPLYNUDGE_CONFIG"]


def test_with_the_llm_profile_the_bot_asks_the_model_the_file_pulls():
    dotenv = llm_lines()
    assert dotenv["COMPOSE_PROFILES"] == "llm"
    document = compose(dotenv)
    services = started(document, dotenv)
    assert set(services) == {"db", "ollama", "ollama-pull", "bot"}
    llm = load_llm_settings(bot_environment(document, dotenv))
    assert llm.base_url == "http://ollama:11434/v1"
    assert services["ollama-pull"]["command"] == ["pull", llm.model]
    assert services["ollama-pull"]["environment"]["OLLAMA_HOST"] == "http://ollama:11434"
    assert compose()["services"]["ollama-pull"]["command"] == ["pull", llm.model]  # the default is the same model


def test_every_dependency_waits_on_something_that_can_happen():
    document = compose(llm_lines())
    services = document["services"]
    for name, service in services.items():
        for dependency, how in service.get("depends_on", {}).items():
            assert dependency in services and how["condition"] in CONDITIONS, name
            if how["condition"] == "service_healthy":
                assert services[dependency]["healthcheck"]["test"], dependency
            if how["condition"] == "service_completed_successfully":
                assert services[dependency]["restart"] == "no", dependency
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source.startswith(".") or source in document["volumes"], volume


def test_the_docs_give_the_llm_profile_as_the_file_does():
    page = (ROOT / "docs" / "suggestions.md").read_text()
    for key, value in llm_lines().items():
        assert f"{key}={value}" in page, key
    assert f"`{llm_lines()['LLM_MODEL']}`" in page and "docker compose up" in page


@pytest.mark.skipif(shutil.which("docker") is None or subprocess.run(["docker", "compose", "version"],
                    capture_output=True).returncode != 0, reason="no docker compose CLI on this machine")
def test_docker_compose_reads_the_file(tmp_path):
    """Compose itself, where its CLI is installed (it needs no engine for `config`)."""
    (tmp_path / ".env").write_text("".join(f"{key}={value}\n" for key, value in llm_lines().items()))
    read = subprocess.run(["docker", "compose", "--project-directory", str(tmp_path), "-f", str(COMPOSE),
                           "config", "--services"], capture_output=True, text=True, timeout=60)
    assert read.returncode == 0, read.stderr
    assert set(read.stdout.split()) == {"db", "ollama", "ollama-pull", "bot"}
