"""Lines of a news page that are not the article: navigation, hotlines, widgets, bylines, footers.

Each kind of line is one pattern in a table; `is_boilerplate` asks them all, and
`ends_article` says where the article stops (a footer, "Comments are closed.", related links).
Lines are expected normalised (NFKC, single spaces).
"""

from __future__ import annotations

import re

from corpus.text import HAN

# Hotline lines: `Postal Business: 8610 11185`, `邮政业务:11185`, `物流与EMS 11183`.
_HOTLINE = re.compile(
    rf"^(?:[^\d:]{{2,40}}:\s*|[{HAN}][{HAN}A-Za-z]{{1,9}}\s*)\+?\d[\d\s\-()]{{3,}}\d$"
)
# Navigation bullets are short (`• Postman Story`); a long bulleted line is body text.
_NAV_BULLET = re.compile(r"^[•·●▪◦■□*>]\s*\S.{0,40}$")
# Breadcrumbs: `首頁 > 財經 > 企業動態`, `Home » Banks » PSBC`, `Home / Partnerships / …`.
_BREADCRUMB = re.compile(
    r"^(?:当前位置|當前位置|You are here)?:?\s*[^>»/]{1,30}(?:\s*[>»]\s*[^>»]+)+$"
    r"|^(?:Home|首页|首頁)\s*(?:[>»/]\s*[^>»/]+)+$",
    re.IGNORECASE,
)
# Page widgets: font size, share and print buttons, view counters, follow-us prompts.
_WIDGET = re.compile(
    r"^(?:字[号號](?::.*)?|放大|缩小|縮小|标准|標準|分享(?:到)?(?::.*)?|打印|列印|收藏"
    r"|(?:点击|點擊|浏览|瀏覽|阅读|閱讀)(?:数|數|量|次)?:?\s*\d*|\d+\s*(?:阅读|閱讀):?\s*\d*"
    r"|Follow us on.{0,30}|Share(?: this)?(?: on .{0,20})?|Print|Close|Back to top|Subscribe"
    r"|[A-Za-z]+ \d{1,3}|[\d.,\s%+-]+)$",
    re.IGNORECASE,
)
# Page tools and bylines: `【打印】`, `关闭窗口`, `责任编辑:李明`, `By Reuters Staff`.
_BYLINE = re.compile(
    r"^(?:【?(?:打印|打印本页|关闭|关闭窗口|返回顶部|字体|分享到)[^】]{0,20}】?"
    r"|(?:责任编辑|責任編輯|编辑|編輯|Editor|Print|Close|Share|Back to top)\s*(?::.{0,30})?"
    r"|By [A-Z][\w.' -]{1,40}|(?:本报)?(?:记者|記者)\s*\S{1,12}|Staff (?:Reporter|Writer)"
    r"|\((?:Reporting|Writing|Editing|Additional reporting) by [^)]*\)"
    r"|(?:Credit|Photo|Photograph|Source|图|圖|摄影|攝影)\s*:.{0,80})$",
    re.IGNORECASE,
)
# A line of related links or sections: `A | B | C`, `Alibaba to expand overseas | … |`, `|`.
_LINK_ROW = re.compile(r"^(?:[^|]{0,80}\|){2,}[^|]{0,80}$|^[^|]{0,80}\|$|^\|$")
# Lines that start the footer or the page's tail; nothing after them belongs to the article.
_FOOTER = re.compile(
    r"^(?:Register number\s*:|Powered by\s+(?:CHINA POST|中国邮政)|Copyright\s*(?:©|\(c\)|\d{4})|©"
    r"|All rights reserved|主办单位|技术支持|备案号|Comments are closed"
    r"|Related (?:posts|news|articles|stories|links)|More (?:from|on|news)\b|Our Standards:"
    r"|Read more\b|相关(?:新闻|阅读|文章|链接)|相關(?:新聞|閱讀|文章|連結)"
    r"|(?:责任编辑|責任編輯)\s*:|【(?:打印|列印)|\d+\s*(?:阅读|閱讀)\s*:)"
    r"|版权所有|版權所有|ICP备|ICP備|公网安备",
    re.IGNORECASE,
)
# Navigation lines of the Chinese and English sites that may appear without a bullet.
NAV_WORDS = frozenset(
    {
        "首页",
        "首頁",
        "新闻中心",
        "邮政业务",
        "邮政储蓄",
        "物流与EMS",
        "中邮人寿",
        "集邮",
        "邮票",
        "邮政故事",
        "邮政装备",
        "关于我们",
        "联系我们",
        "网站地图",
        "Home",
        "News",
        "About Us",
        "Contact Us",
        "Sitemap",
        "Pressroom",
    }
)
# News agencies credited on a line of their own at the end of a story (`REUTERS`).
AGENCIES = {"reuters": "Reuters", "xinhua": "Xinhua", "afp": "AFP", "ap": "AP"}
_SENTENCE_END = re.compile(r"[.!?。！？”\"』」)）]$")
_HAN = re.compile(rf"[{HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_MIN_TITLE_HAN = 8
_MIN_TITLE_WORDS = 4


def is_boilerplate(line: str) -> bool:
    """Whether `line` is navigation, a hotline, a widget, a byline or a row of links."""
    return bool(
        line in NAV_WORDS
        or _NAV_BULLET.match(line)
        or _HOTLINE.match(line)
        or _BREADCRUMB.match(line)
        or _WIDGET.match(line)
        or _BYLINE.match(line)
        or _LINK_ROW.match(line)
        or _FOOTER.search(line)
    )


def ends_article(line: str) -> bool:
    """Whether `line` starts the footer or the tail (related links, comments, editor's name)."""
    return _FOOTER.search(line) is not None


def is_title_like(line: str) -> bool:
    """Long enough to be a headline: 8 Chinese characters or 4 words, not a label or site name."""
    return len(_HAN.findall(line)) >= _MIN_TITLE_HAN or len(_LATIN_WORD.findall(line)) >= (
        _MIN_TITLE_WORDS
    )


def is_label(line: str) -> bool:
    """A short line that is not a sentence: a section name, a site name, `财讯快报`, `REUTERS`."""
    return not is_title_like(line) and not _SENTENCE_END.search(line)


def agency(line: str) -> str | None:
    """The news agency a credit line such as `REUTERS` names, if it is one."""
    return AGENCIES.get(line.strip(" -–—().").lower())
