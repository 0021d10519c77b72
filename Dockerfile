# Reply Nudge: the Slack app and the polling loop (`replynudge run`).
#   docker build -t reply-nudge .
#   docker run --env-file .env -v reply-nudge-data:/data -v "$PWD/replynudge.toml:/data/replynudge.toml:ro" \
#     -p 3000:3000 reply-nudge
# The config file and the SQLite database live in /data unless REPLYNUDGE_CONFIG / DATABASE_URL say otherwise.

FROM python:3.12-slim AS build
WORKDIR /src
RUN pip install --no-cache-dir build==1.*
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY migrations ./migrations
RUN python -m build --wheel --outdir /wheels

FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite:////data/replynudge.db \
    REPLYNUDGE_CONFIG=/data/replynudge.toml \
    PORT=3000
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin replynudge \
    && mkdir -p /data && chown replynudge /data
USER replynudge
WORKDIR /data
VOLUME /data
EXPOSE 3000
STOPSIGNAL SIGTERM
ENTRYPOINT ["replynudge"]
CMD ["run"]
