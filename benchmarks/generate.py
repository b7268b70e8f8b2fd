"""A seeded generator of synthetic China Post news pages in the raw seed-page format.

Each page has the site's navigation bullets and hotlines, the title twice, a
``|China Post|YYYY-MM-DD`` line, about twenty sentences in three to six paragraphs drawn
from this domain's vocabulary, and the footer — like ``corpus/raw/*.txt``. About one page
in eight is Chinese, with the Chinese site's lines. The same seed gives the same pages.

    python -m benchmarks.generate 1000 OUT_FOLDER [--seed 7]
"""

from __future__ import annotations

import argparse
import itertools
import random
from datetime import date, timedelta
from pathlib import Path

CHINESE_SHARE = 0.125


def _words(text: str) -> tuple[str, ...]:
    """A vocabulary table written one entry per line."""
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


def _split(text: str) -> tuple[str, ...]:
    """A vocabulary table of one-word entries separated by spaces."""
    return tuple(text.split())


PROVINCES = _words("""
Jilin
Hunan
Gansu
Yunnan
Guizhou
Sichuan
Shaanxi
Shanxi
Hebei
Henan
Hubei
Anhui
Jiangxi
Fujian
Zhejiang
Jiangsu
Shandong
Liaoning
Heilongjiang
Qinghai
Hainan
Guangdong
Guangxi
Ningxia
Xinjiang
Tibet
Inner Mongolia
Chongqing
Tianjin
""")
CITIES = _split(
    "Changchun Changsha Lanzhou Kunming Guiyang Chengdu Xi'an Taiyuan Shijiazhuang Zhengzhou "
    "Wuhan Hefei Nanchang Fuzhou Hangzhou Nanjing Jinan Shenyang Harbin Xining Haikou "
    "Guangzhou Nanning Yinchuan Urumqi Lhasa Hohhot Yanbian Zunyi Dali Yichang Luoyang"
)
PARTNERS = _words("""
the Ministry of Agriculture and Rural Affairs
the Ministry of Commerce
the National Rural Revitalization Administration
the Supply and Marketing Cooperative
China Railway
China Mobile
China Unicom
Agricultural Bank of China
the National Health Commission
the Ministry of Culture and Tourism
Sinopec
China Eastern Airlines
the State Grid
COSCO Shipping
JD Logistics
the Ministry of Education
the General Administration of Customs
""")
KINDS = _words("""
strategic cooperation
cooperation framework
comprehensive strategic
memorandum of understanding on cooperation
""")
AREAS = _words("""
postal finance
e-commerce
logistics and express
cold chain logistics
rural revitalization
convenience services
cross-border e-commerce
agricultural products circulation
inclusive finance
smart agriculture
rural consumption
public services
cultural industry
outlets construction
digital government services
pension payment
tourism promotion
green packaging
warehousing
philately
insurance services
medical supplies delivery
""")
SURNAMES = _split("Liu Wang Zhang Li Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Gao")
GIVEN = _split("Aili Jun Junhai Wei Fang Min Jing Lei Yong Tao Ming Hua Qiang Ping Gang Hong")
ROLES = _words("""
governor
vice governor
mayor
party secretary
minister
vice minister
chairman
general manager
deputy general manager
director
""")
SYLLABLES = _split("xin an ping shan he long qing yuan feng hai tai ning bao dong xi nan bei kang")
MONTHS = _split(
    "January February March April May June July August September October November December"
)
PRODUCTS = _words("""
apples
tea
rice
ginseng
navel oranges
kiwifruit
walnuts
mushrooms
honey
yak meat
potatoes
chili peppers
""")
SENTENCES = _words("""
On {month} {day}, {person}, {role} of {place}, met with {person2} of China Post in {city}.
The two sides signed a {kind} agreement in {city}, witnessed by {person}.
According to the agreement, the two sides will cooperate in {area}, {area2} and {area3}.
{partner} will take China Post as one of its main partners in {area} and {area2}.
China Post will support the high-quality development of {area} in {place}.
The cooperation aims to serve {number} family farms and {number2} cooperatives in {town}.
Both sides agreed to form a joint working group and a long-term mechanism for {area}.
In {year}, China Post delivered {number} parcels from {town} village, up {pct} percent.
The two sides had in-depth exchanges on deepening cooperation in {area} and {area2}.
{person} said that China Post would give full play to its network advantages in {place}.
The {town} postal outlet opened a service station for {area} in {month}.
Officials from {partner} and China Post discussed {area} projects worth {number} million yuan.
Farmers in {town} sold {product} worth {number} thousand yuan through postal e-commerce.
The agreement covers {area}, {area2}, {area3} and other fields.
""")

ZH_PROVINCES = _split(
    "吉林 湖南 甘肃 云南 贵州 四川 陕西 河南 湖北 安徽 江西 福建 浙江 山东 青海 广西"
)
ZH_CITIES = _split(
    "长春 长沙 兰州 昆明 贵阳 成都 西安 郑州 武汉 合肥 南昌 福州 杭州 济南 西宁 南宁"
)
ZH_AREAS = _split(
    "普惠金融 农村电商 寄递物流 冷链物流 乡村振兴 便民服务 跨境电商 智慧农业 政务服务 "
    "文化旅游 绿色包装 仓储配送"
)
ZH_PARTNERS = _split("农业农村部 商务部 国家乡村振兴局 供销合作总社 中国移动 农业银行 国家电网")
ZH_KINDS = ("战略合作", "合作框架", "全面战略合作")
ZH_SENTENCES = _words("""
{month}月{day}日，中国邮政与{place}人民政府在{city}签署{kind}协议。
根据协议，双方将在{area}、{area2}和{area3}等领域开展合作。
{partner}将把中国邮政作为{area}领域的主要合作伙伴。
双方表示，将建立常态化沟通机制，推动{area}合作落地见效。
{year}年，{city}邮政寄递包裹{number}万件，同比增长{pct}%。
中国邮政将发挥网络优势，支持{place}{area}高质量发展。
双方就深化{area}和{area2}合作进行了深入交流。
当地农户通过邮政电商平台销售农产品{number}万元。
""")

EN_HEADER = """• Postman Story
  • Postal Equipments
  • {year} Stamps
Postal Business: 8610 11185
Postal Savings: 8610 95580
Logistics and EMS: 8610 11183
China Post Life: 8610 4008909999
"""
EN_FOOTER = """Register number: 京ICP备15035540号 京公网安备110401400185号
Powered by CHINA POST | About Us | Sitemap | Contact Us |
"""
ZH_HEADER = """• 邮政故事
  • 邮政装备
  • {year}年邮票
邮政业务：8610 11185
邮政储蓄：8610 95580
物流与EMS：8610 11183
中邮人寿：8610 4008909999
"""
ZH_FOOTER = """备案号：京ICP备15035540号
中国邮政集团有限公司 版权所有
"""


def generate_pages(count: int, folder: Path, seed: int = 7) -> list[Path]:
    """Write `count` raw pages into `folder` (created if needed); returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        chinese = rng.random() < CHINESE_SHARE
        text = _chinese_page(rng) if chinese else _english_page(rng, number)
        path = folder / f"{number:06d}_{rng.getrandbits(64):016x}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _published(rng: random.Random) -> date:
    return date(2015, 1, 1) + timedelta(days=rng.randrange(10 * 365))


def _town(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _english_page(rng: random.Random, number: int) -> str:
    published = _published(rng)
    place = rng.choice(PROVINCES)
    partner = rng.choice(PARTNERS)
    party = f"{place} provincial government" if rng.random() < 0.6 else partner
    title = f"China Post and {party} sign {rng.choice(KINDS)} agreement"
    if rng.random() < 0.3:
        title = f"China Post {rng.choice(AREAS)} project launched in {_town(rng)}, {place}"
    sentences = [_english_sentence(rng, place, partner) for _ in range(rng.randint(16, 24))]
    paragraphs = _paragraphs(rng, sentences, " ")
    source = rng.choice(("China Post", " China Post News "))
    return (
        EN_HEADER.format(year=published.year)
        + f"{title}\n{title}\n|{source}|{published.isoformat()}\n\n"
        + "\n\n".join(paragraphs)
        + "\n\n"
        + EN_FOOTER
    )


def _english_sentence(rng: random.Random, place: str, partner: str) -> str:
    return rng.choice(SENTENCES).format(
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        person=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        person2=f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        role=rng.choice(ROLES),
        place=place if rng.random() < 0.8 else rng.choice(PROVINCES),
        city=rng.choice(CITIES),
        kind=rng.choice(KINDS),
        area=rng.choice(AREAS),
        area2=rng.choice(AREAS),
        area3=rng.choice(AREAS),
        partner=(partner if rng.random() < 0.7 else rng.choice(PARTNERS)).capitalize(),
        number=rng.randint(2, 5000),
        number2=rng.randint(2, 5000),
        year=rng.randint(2015, 2024),
        pct=rng.randint(2, 80),
        town=_town(rng),
        product=rng.choice(PRODUCTS),
    )


def _chinese_page(rng: random.Random) -> str:
    published = _published(rng)
    place = rng.choice(ZH_PROVINCES)
    kind = rng.choice(ZH_KINDS)
    title = f"中国邮政与{place}省人民政府签署{kind}协议"
    sentences = [
        rng.choice(ZH_SENTENCES).format(
            month=rng.randint(1, 12),
            day=rng.randint(1, 28),
            place=place,
            city=rng.choice(ZH_CITIES),
            kind=kind,
            area=rng.choice(ZH_AREAS),
            area2=rng.choice(ZH_AREAS),
            area3=rng.choice(ZH_AREAS),
            partner=rng.choice(ZH_PARTNERS),
            year=rng.randint(2015, 2024),
            number=rng.randint(2, 5000),
            pct=rng.randint(2, 80),
        )
        for _ in range(rng.randint(16, 24))
    ]
    return (
        ZH_HEADER.format(year=published.year)
        + f"{title}\n{title}\n｜中国邮政｜{published.isoformat()}\n\n"
        + "\n\n".join(_paragraphs(rng, sentences, ""))
        + "\n\n"
        + ZH_FOOTER
    )


def _paragraphs(rng: random.Random, sentences: list[str], joiner: str) -> list[str]:
    cuts = sorted(rng.sample(range(1, len(sentences)), rng.randint(2, 5)))
    bounds = [0, *cuts, len(sentences)]
    return [joiner.join(sentences[a:b]) for a, b in itertools.pairwise(bounds)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many pages")
    parser.add_argument("folder", type=Path, help="where to write them")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate_pages(args.count, args.folder, args.seed)
    print(f"wrote {len(paths)} pages to {args.folder}")


if __name__ == "__main__":
    main()
