"""docker-compose.yml holds together: no Docker engine runs here, so the file is read as Compose would read it (YAML,
`${VAR:-default}` interpolation) and what the bot gets is put through the bot's own settings loader."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.config import load_llm_settings
from bot.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}


def interpolated(value):
    """Compose's `${VAR:-default}` with nothing set in the environment: the default."""
    if isinstance(value, str):
        return re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)
    if isinstance(value, list):
        return [interpolated(item) for item in value]
    if isinstance(value, dict):
        return {key: interpolated(item) for key, item in value.items()}
    return value


def compose() -> dict:
    return interpolated(yaml.safe_load((ROOT / "docker-compose.yml").read_text()))


def test_the_bot_reaches_the_database_and_the_model_the_file_starts():
    services = compose()["services"]
    assert set(services) == {"db", "ollama", "ollama-pull", "bot"}
    bot = services["bot"]["environment"]

    llm = load_llm_settings(bot)
    assert llm.base_url == "http://ollama:11434/v1"
    assert services["ollama-pull"]["command"] == ["pull", llm.model]
    assert services["ollama-pull"]["environment"]["OLLAMA_HOST"] == "http://ollama:11434"

    url = make_engine(bot["DATABASE_URL"]).url
    db = services["db"]["environment"]
    assert (url.host, url.port, url.username, url.password, url.database) == (
        "db", 5432, db["POSTGRES_USER"], db["POSTGRES_PASSWORD"], db["POSTGRES_DB"]
    )
    config = next(v for v in services["bot"]["volumes"] if v.endswith(":ro"))
    assert config.split(":")[1] == bot["REPLYNUDGE_CONFIG"]


def test_every_dependency_waits_on_something_that_can_happen():
    document = compose()
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


def test_the_docs_name_the_model_the_file_pulls():
    model = compose()["services"]["bot"]["environment"]["LLM_MODEL"]
    page = (ROOT / "docs" / "suggestions.md").read_text()
    assert f"`{model}`" in page and "docker compose up" in page
