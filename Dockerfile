# postbot: the Telegram bot with the shipped corpus baked in.
#   docker build -t postbot .
#   docker run --rm -e TELEGRAM_BOT_TOKEN=123456:ABC... postbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY corpus ./corpus
COPY retrieval ./retrieval
COPY answers ./answers
# The corpus (corpus/data/articles.jsonl) is package data, so it is installed with the code.
RUN pip install . \
    && useradd --create-home --uid 10001 postbot \
    && mkdir /data && chown postbot:postbot /data \
    && rm -rf /src

USER postbot
WORKDIR /home/postbot
# Build the search index cache now, so the first question after start-up is fast.
RUN postbot ask "When did China Post sign with Jilin?" > /dev/null
# The query log; mount a volume here to keep it across containers.
ENV POSTBOT_DB=/data/postbot.sqlite3
VOLUME ["/data"]
# Used only in webhook mode (POSTBOT_WEBHOOK_URL set); PORT changes it.
EXPOSE 8443
CMD ["postbot", "run"]
