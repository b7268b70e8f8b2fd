# postbot: the Telegram bot with the shipped corpus and its search index baked in.
#   docker build -t postbot .
#   docker volume create postbot-data
#   docker run -d --name postbot -e TELEGRAM_BOT_TOKEN=123456:ABC... -v postbot-data:/data postbot
# scripts/container-smoke builds it and checks it answers (see the README).

# Pinned: Python 3.11 on Debian 12. For a byte-identical base, add its digest:
#   --build-arg BASE_IMAGE=python:3.11-slim-bookworm@sha256:...
ARG BASE_IMAGE=python:3.11-slim-bookworm
FROM ${BASE_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POSTBOT_CACHE_DIR=/opt/postbot/cache

WORKDIR /src
COPY constraints.txt pyproject.toml README.md ./
COPY bot ./bot
COPY corpus ./corpus
COPY retrieval ./retrieval
COPY answers ./answers
# The versions the tests passed with (constraints.txt, from scripts/freeze-constraints).
# The corpus (corpus/data/articles.jsonl) is package data, so it is installed with the code.
RUN pip install --constraint constraints.txt . \
    && rm -rf /src

# Build the search index, and jieba's dictionary cache, into POSTBOT_CACHE_DIR now, readable by
# any user, so the first question after start-up is fast whoever runs the image. The build
# fails if either was not written.
RUN postbot ask "When did China Post sign with Jilin?" > /dev/null \
    && postbot ask "中国邮政和农业农村部签了什么协议？" > /dev/null \
    && test -f "$POSTBOT_CACHE_DIR"/articles.jsonl-*/manifest.json \
    && test -f "$POSTBOT_CACHE_DIR/jieba.cache" \
    && chmod -R a+rX /opt/postbot \
    && useradd --create-home --uid 10001 postbot \
    && mkdir /data && chown postbot:postbot /data

USER postbot
WORKDIR /home/postbot
# As that user the baked caches must be used as they are: any warning (a stale index it cannot
# rewrite, say) fails the build.
RUN warnings="$(postbot ask '中国邮政和农业农村部签了什么协议？' 2>&1 > /dev/null)" \
    && if [ -n "$warnings" ]; then echo "$warnings"; exit 1; fi
# The query log; mount a named volume here to keep it across containers.
ENV POSTBOT_DB=/data/postbot.sqlite3
VOLUME ["/data"]
# Used only in webhook mode (POSTBOT_WEBHOOK_URL set); PORT changes it.
EXPOSE 8443
CMD ["postbot", "run"]
