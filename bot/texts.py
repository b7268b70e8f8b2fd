"""Everything the bot says that does not come from the corpus, in English and Chinese.

Values are Telegram HTML: anything filled in with `str.format` must already be escaped. Those
shown where Telegram reads no HTML (a button, a toast, an inline result's title, the
"slow down" notice) hold no markup and no `&`, `<` or `>`, so they read the same either way.
The terminal chat's texts (`terminal_…`) are plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("en", "zh")


@dataclass(frozen=True, slots=True)
class Command:
    """A Telegram command: what Telegram's command menu says of it, and how /help shows it."""

    name: str
    menu: dict[str, str]  # language -> the description in the command menu
    usage: dict[str, str]  # language -> how /help writes the command, with its arguments
    does: dict[str, str]  # language -> what /help says it does (HTML)


# In the order of Telegram's command menu.
COMMANDS: tuple[Command, ...] = (
    Command(
        "start",
        menu={"en": "What I know, with example questions", "zh": "我知道什么，以及示例问题"},
        usage={"en": "/start", "zh": "/start"},
        does={"en": "what I know, with examples", "zh": "我知道什么，以及示例问题"},
    ),
    Command(
        "help",
        menu={"en": "How to ask me", "zh": "如何向我提问"},
        usage={"en": "/help", "zh": "/help"},
        does={"en": "how to ask me", "zh": "如何向我提问"},
    ),
    Command(
        "agreements",
        menu={"en": "The agreements, newest first", "zh": "合作协议列表，最新的在前"},
        usage={"en": "/agreements [filter]", "zh": "/agreements [筛选词]"},
        does={
            "en": "the agreements, newest first; a filter such as <code>2024</code>, "
            "<code>e-commerce</code> or <code>bank</code> narrows them",
            "zh": "合作协议列表，最新的在前；可加年份、地名、主题等筛选，"
            "如 <code>/agreements 2024</code>",
        },
    ),
    Command(
        "agreement",
        menu={
            "en": "Details of one agreement: /agreement N",
            "zh": "某一协议的详情：/agreement 编号",
        },
        usage={"en": "/agreement N", "zh": "/agreement 编号"},
        does={"en": "details of agreement N", "zh": "某一协议的详情"},
    ),
    Command(
        "timeline",
        menu={
            "en": "The agreements as a picture over time",
            "zh": "协议时间线图（也可发送 /时间线）",
        },
        # Telegram commands are Latin letters only; /时间线 is read from the message's text.
        usage={"en": "/timeline [filter]", "zh": "/时间线 [筛选词]"},
        does={
            "en": "the agreements as a picture over time",
            "zh": "协议时间线图（也可用 /timeline）",
        },
    ),
    Command(
        "ask",
        menu={"en": "Ask a question: /ask QUESTION", "zh": "提问：/ask 问题"},
        usage={"en": "/ask QUESTION", "zh": "/ask 问题"},
        does={"en": "ask a question", "zh": "提问"},
    ),
)

# The commands /help lists, in its order: what to do first, then the greeting; not itself.
HELP_ORDER = ("agreements", "agreement", "timeline", "ask", "start")

EXAMPLE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "en": (
        "When did China Post sign the cooperation agreement with Jilin?",
        "What are the six key areas of the agreement with the Ministry of Agriculture "
        "and Rural Affairs?",
        "What is the double thousand project?",
    ),
    "zh": (
        "中国邮政和吉林省什么时候签署的合作协议？",
        "中国邮政和农业农村部的战略合作协议包括哪些领域？",
    ),
}

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "start": (
            "Hello! I answer questions about China Post's cooperation agreements, "
            "citing the news article each answer comes from.\n\n{summary}\n\n"
            "Tap an example or just type your question."
        ),
        "help": (
            "<b>How to ask me</b>\n"
            "In a private chat, just type your question. In a group, use /ask, "
            "mention me, or reply to one of my messages.\n\n"
            "{commands}\n\n"
            "You can also type <code>@{username} question</code> in any chat."
        ),
        "ask_usage": (
            "Put your question after /ask, for example:\n"
            "<code>/ask When did China Post sign the agreement with Jilin?</code>"
        ),
        "too_long": (
            "That message is {length} characters long. Please ask a shorter question "
            "(at most {limit} characters)."
        ),
        "not_text": "I can only read text. Please type your question.",
        "unknown_command": "I don't know that command. /help lists what I can do.",
        "error": "Sorry, something went wrong while answering. Please try again later.",
        "agreements_header": "<b>Agreements</b>, newest first ({first}–{last} of {count}):",
        "agreements_header_filtered": (
            "<b>Agreements</b> matching “{query}”, newest first ({first}–{last} of {count}):"
        ),
        "agreements_no_match": (
            "No agreement matches “{query}”. I know {count} agreements: {command} shows "
            "them all. Filter by a year (<code>{command} 2024</code>), a partner, a place, "
            "a topic or a kind of partner (<code>{command} bank</code>)."
        ),
        "no_agreements": "I don't know of any agreements yet.",
        # The terminal chat's (plain text, no markup).
        "terminal_no_agreements": "No agreements yet.",
        "terminal_help": "Ask me about China Post's cooperation agreements, in English or Chinese, "
        "for example “When did China Post sign with Jilin?” or "
        "“中国邮政和农业农村部的合作包括哪些领域？”.\n"
        "/agreements lists the agreements I know, /help shows this, /quit ends the chat.",
        "terminal_greeting": (
            "postbot: ask about China Post's cooperation agreements. /help for help."
        ),
        "terminal_unknown_command": "Unknown command {command}. /help lists the commands.",
        "agreement_usage": (
            "Give the agreement's number, for example <code>/agreement 1</code>. "
            "/agreements lists them."
        ),
        "agreement_missing": (
            "There is no agreement {number}: I know agreements 1 to {count}. "
            "/agreements lists them."
        ),
        "agreement_title": "<b>Agreement {number}</b>",
        "parties": "Parties",
        "kind": "Kind",
        "signed_on": "Signed",
        "published": "Published",
        "source": "Source",
        "areas": "Areas",
        "article": "Article",
        "articles": "Articles",
        "unknown": "not given",
        "separator": ": ",
        "citation": "Source: <i>{title}</i> ({source}, {published})",
        "citation_unnamed": "Source: <i>{title}</i> ({published})",
        "previous": "‹ Previous",
        "next": "Next ›",
        "expired": "That button no longer works. Try /agreements again.",
        "inline_agreements": "Agreements",
        "inline_no_answer": "No answer",
        "slow_down": (
            "You're asking faster than I can keep up with. Please wait a minute, then ask again."
        ),
        "thanks": "🙏 Thanks for the feedback",
        "thanks_toast": "Thanks!",
        "button_expired": "That button no longer works.",
        "only_admins": "Sorry, only admins can {action}.",
        "action_stats": "see the stats",
        "action_reload": "reload the corpus",
        "action_add": "add articles",
        "add_usage": "Put one or more page addresses after /add, for example:\n"
        "/add https://www.example.com/news/china-post-signs.html",
        "add_busy": "Pages are already being added; wait for that to finish.",
        "add_failed": "Nothing was added: {reason}",
        "reloaded": "Reloaded {articles} articles ({agreements} agreements).",
        "reload_failed": "Reload failed, so I'm still answering from the old corpus: {reason}",
        "reload_busy": "A reload is already running; wait for it to finish.",
        "no_log": "The query log cannot be read: {reason}",
    },
    "zh": {
        "start": (
            "你好！我回答有关中国邮政合作协议的问题，并注明每个答案出自哪篇新闻。\n\n"
            "{summary}\n\n点击示例问题，或直接输入你的问题。"
        ),
        "help": (
            "<b>如何向我提问</b>\n"
            "私聊时直接输入问题即可。在群组里，请使用 /ask、@我，或回复我的消息。\n\n"
            "{commands}\n\n"
            "在任何聊天中也可以输入 <code>@{username} 问题</code>。"
        ),
        "ask_usage": (
            "请在 /ask 后面写上问题，例如：\n"
            "<code>/ask 中国邮政和吉林省什么时候签署的合作协议？</code>"
        ),
        "too_long": "这条消息有 {length} 个字符。请把问题缩短到 {limit} 个字符以内。",
        "not_text": "我只能读文字，请输入你的问题。",
        "unknown_command": "我不认识这个命令。/help 列出了我能做的事。",
        "error": "抱歉，回答时出了点问题，请稍后再试。",
        "agreements_header": "<b>合作协议</b>，最新的在前（第 {first}–{last} 项，共 {count} 项）：",
        "agreements_header_filtered": (
            "与“{query}”相符的<b>合作协议</b>，最新的在前（第 {first}–{last} 项，共 {count} 项）："
        ),
        "agreements_no_match": (
            "没有与“{query}”相符的协议。我知道 {count} 项协议，发送 {command} 查看全部。"
            "可以按年份（<code>{command} 2024</code>）、合作方、地名、主题或合作方类型"
            "（<code>{command} 银行</code>）筛选。"
        ),
        "no_agreements": "我还不知道任何合作协议。",
        "terminal_no_agreements": "还没有协议。",
        "terminal_help": "可以用中文或英文问我中国邮政的合作协议，"
        "例如“中国邮政和吉林省什么时候签署的合作协议？”。\n"
        "/agreements 列出协议，/help 显示本说明，/quit 结束对话。",
        "terminal_greeting": "postbot：欢迎提问中国邮政的合作协议。发送 /help 查看帮助。",
        "terminal_unknown_command": "未知命令 {command}。发送 /help 查看命令。",
        "agreement_usage": (
            "请给出协议编号，例如 <code>/agreement 1</code>。/agreements 列出所有协议。"
        ),
        "agreement_missing": (
            "没有第 {number} 号协议：编号范围是 1 到 {count}。/agreements 列出所有协议。"
        ),
        "agreement_title": "<b>第 {number} 号协议</b>",
        "parties": "签约方",
        "kind": "类型",
        "signed_on": "签署日期",
        "published": "发布日期",
        "source": "来源",
        "areas": "合作领域",
        "article": "文章",
        "articles": "报道文章",
        "unknown": "未注明",
        "separator": "：",
        "citation": "来源：《{title}》（{source}，{published}）",
        "citation_unnamed": "来源：《{title}》（{published}）",
        "previous": "‹ 上一页",
        "next": "下一页 ›",
        "expired": "这个按钮已失效，请重新发送 /agreements。",
        "inline_agreements": "合作协议",
        "inline_no_answer": "没有答案",
        "slow_down": "您提问太快了，请稍等一分钟再问。",
        "thanks": "🙏 谢谢您的反馈",
        "thanks_toast": "谢谢！",
        "button_expired": "这个按钮已失效。",
        "only_admins": "抱歉，只有管理员可以{action}。",
        "action_stats": "查看统计",
        "action_reload": "重新加载资料",
        "action_add": "添加文章",
        "add_usage": "请在 /add 后面写上一个或多个网页地址，例如：\n"
        "/add https://www.example.com/news/china-post-signs.html",
        "add_busy": "正在添加网页，请等它完成。",
        "add_failed": "没有添加任何文章：{reason}",
        "reloaded": "已重新加载 {articles} 篇文章（{agreements} 项协议）。",
        "reload_failed": "重新加载失败，仍使用原有资料：{reason}",
        "reload_busy": "已有一次重新加载正在进行，请等它完成。",
        "no_log": "无法读取问题日志：{reason}",
    },
}


def message(lang: str, key: str, **values: object) -> str:
    """The bot's text `key` in `lang` (English for any other language), filled with `values`."""
    table = MESSAGES.get(lang, MESSAGES["en"])
    return table[key].format(**values) if values else table[key]


def help_text(lang: str, username: str) -> str:
    """/help in `lang`: how to ask, then one line per command of `HELP_ORDER`."""
    lang = lang if lang in LANGS else "en"
    by_name = {command.name: command for command in COMMANDS}
    lines = [f"{by_name[name].usage[lang]} — {by_name[name].does[lang]}" for name in HELP_ORDER]
    return message(lang, "help", commands="\n".join(lines), username=username)


def menu(lang: str) -> list[tuple[str, str]]:
    """Telegram's command menu in `lang`: (command, description) in the order of `COMMANDS`."""
    return [(command.name, command.menu[lang]) for command in COMMANDS]
