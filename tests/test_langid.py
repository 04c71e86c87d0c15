"""Language identification: cheap checks decide, langdetect is the seeded fallback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

import declutter
from declutter import langid
from declutter.langid import (
    FALLBACK_LANGUAGE, SAMPLE_CHARS, SCAN_CHARS, VOTING_LANGUAGES, detect_language, sample,
    scanned, stopword_scores,
)
from declutter.lexicon import available_languages

PARAGRAPHS = {
    "en": "The government approved a bill on Wednesday that aims to cap rents in large "
          "cities. According to the ministry, landlords will not be allowed to raise the rent "
          "by more than three percent a year, and industry groups warned that the measure "
          "could reduce investment in new housing.",
    "de": "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf beschlossen, mit dem die "
          "Mieten in Großstädten stärker begrenzt werden sollen. Nach Angaben des "
          "Justizministeriums dürfen Vermieter die Miete künftig nur noch um höchstens elf "
          "Prozent innerhalb von drei Jahren erhöhen.",
    "fr": "Le gouvernement a présenté mercredi un projet de loi destiné à encadrer davantage "
          "les loyers dans les grandes villes. Selon le ministère, les propriétaires ne "
          "pourront plus augmenter le loyer de plus de trois pour cent par an.",
    "es": "El Gobierno aprobó este miércoles un proyecto de ley que pretende limitar el precio "
          "del alquiler en las grandes ciudades. Según el ministerio, los propietarios no "
          "podrán subir la renta más de un tres por ciento al año.",
    "it": "Il governo ha approvato mercoledì un disegno di legge che punta a limitare gli "
          "affitti nelle grandi città. Secondo il ministero, i proprietari non potranno "
          "aumentare il canone di oltre il tre per cento all'anno.",
    "pt": "O governo aprovou nesta quarta-feira um projeto de lei que pretende limitar o valor "
          "dos aluguéis nas grandes cidades. Segundo o ministério, os proprietários não "
          "poderão aumentar a renda em mais de três por cento ao ano.",
    "pl": "Rząd przyjął w środę projekt ustawy, który ma ograniczyć wysokość czynszów w dużych "
          "miastach. Według ministerstwa właściciele mieszkań nie będą mogli podnieść czynszu "
          "o więcej niż trzy procent rocznie.",
    "nl": "Het kabinet heeft woensdag een wetsvoorstel aangenomen dat de huren in de grote "
          "steden verder moet beperken. Volgens het ministerie mogen verhuurders de huur "
          "straks met niet meer dan drie procent per jaar verhogen.",
    "ru": "Представители строительной отрасли предупреждают, что новые правила могут сократить "
          "инвестиции в жильё, а арендаторы говорят о реформе, которую ждали много лет. Кроме "
          "того, законопроект ужесточает контроль за краткосрочной арендой.",
    "zh": "国务院总理周三主持召开常务会议，部署进一步稳定房地产市场的措施。会议指出，要加快保障性住房"
          "建设，满足居民刚性住房需求。",
    "ja": "不動産業界からは、民間の賃貸市場への影響を懸念する声も上がっている。業界団体の幹部は、空き家"
          "対策とあわせて進めなければ効果は限られると話した。",
}

#: Traditional Chinese reads as Chinese too.
ZH_TRADITIONAL = ("行政院週三召開院會，通過住宅法修正草案，將加強對租賃市場的管理。內政部表示，新制上路後房東"
                  "調漲租金每年不得超過百分之三。")

#: Other scripts: the script alone (or its own letters) decides.
SCRIPTS = {
    "ja": "政府は水曜日、大都市の家賃上昇を抑えるための法案を閣議決定した。省によると、家主は年に3パーセントを"
          "超えて家賃を引き上げることができなくなる。",
    "ko": "정부는 수요일 대도시의 임대료 상승을 억제하기 위한 법안을 통과시켰다. 부처에 따르면 집주인은 "
          "1년에 3퍼센트 이상 임대료를 올릴 수 없다.",
    "ru": "Правительство в среду одобрило законопроект, который должен ограничить арендную плату "
          "в крупных городах. По данным министерства, арендодатели не смогут повышать плату "
          "более чем на три процента в год.",
    "uk": "Уряд у середу схвалив законопроєкт, який має обмежити орендну плату у великих містах. "
          "За даними міністерства, орендодавці не зможуть підвищувати плату більш ніж на три "
          "відсотки на рік.",
    "el": "Η κυβέρνηση ενέκρινε την Τετάρτη νομοσχέδιο που στοχεύει στον περιορισμό των "
          "ενοικίων στις μεγάλες πόλεις.",
    "ar": "وافقت الحكومة يوم الأربعاء على مشروع قانون يهدف إلى الحد من الإيجارات في المدن الكبرى.",
    "fa": "دولت روز چهارشنبه لایحه‌ای را تصویب کرد که هدف آن محدود کردن اجاره‌بها در شهرهای بزرگ است.",
    "he": "הממשלה אישרה ביום רביעי הצעת חוק שנועדה להגביל את שכר הדירה בערים הגדולות.",
    "th": "รัฐบาลอนุมัติร่างกฎหมายเมื่อวันพุธที่มุ่งจำกัดค่าเช่าในเมืองใหญ่",
}

#: Latin-script languages without a lexicon: the vote names them, it does not pick the
#: nearest lexicon language (Catalan is not Spanish, Swedish not Dutch).
OTHER_LATIN = {
    "ca": "El Govern va aprovar dimecres un projecte de llei que vol limitar el preu del "
          "lloguer a les grans ciutats. Segons el departament, els propietaris no podran "
          "apujar la renda més d'un tres per cent l'any.",
    "sv": "Regeringen lade på onsdagen fram ett lagförslag som ska begränsa hyrorna i de "
          "större städerna. Enligt departementet får hyresvärdar inte höja hyran med mer än "
          "tre procent per år.",
    "ro": "Guvernul a aprobat miercuri un proiect de lege care urmărește să limiteze chiriile "
          "în marile orașe. Potrivit ministerului, proprietarii nu vor mai putea crește "
          "chiria cu mai mult de trei la sută pe an.",
}

#: Lexicon languages written in a non-Latin script: their letters decide, not the vote.
SCRIPT_LEXICON_LANGUAGES = frozenset({"ru", "zh", "ja"})

#: Cyrillic languages: the letters only some of them use decide (ы э Russian, ї є ґ і
#: Ukrainian, ў Belarusian, ђ ћ џ ј љ њ Serbian, ѓ ќ ѕ Macedonian); Bulgarian has none of
#: them and goes to langdetect.
CYRILLIC = {
    "ru": ("Правительство одобрило законопроект об аренде жилья. Арендаторы и эксперты "
           "считают, что это лишь первый шаг.", "script"),
    "uk": ("Уряд у середу схвалив законопроект, який має обмежити орендну плату у великих "
           "містах. За даними міністерства, орендодавці не зможуть підвищувати плату більш "
           "ніж на три відсотки на рік.", "script"),
    "be": ("Урад у сераду ўхваліў законапраект, які павінен абмежаваць арэндную плату ў "
           "вялікіх гарадах.", "script"),
    "sr": ("Влада је у среду усвојила предлог закона који треба да ограничи кирије у великим "
           "градовима.", "script"),
    "mk": ("Владата во среда го одобри предлогот закон со кој треба да се ограничат кириите "
           "во големите градови. Според министерството, сопствениците нема да можат да ја "
           "зголемуваат киријата за повеќе од три отсто годишно.", "script"),
    "bg": ("Правителството одобри в сряда законопроект, който трябва да ограничи наемите в "
           "големите градове. Според министерството наемодателите няма да могат да повишават "
           "наема с повече от три процента годишно.", "langdetect"),
}

MIXED = (
    "The government approved a bill on Wednesday that aims to cap rents in large cities.\n"
    "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf beschlossen, mit dem die Mieten "
    "begrenzt werden sollen.\n"
)


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_lexicon_language_paragraph_is_decided_cheaply(lang: str) -> None:
    assert detect_language(PARAGRAPHS[lang]) == (
        lang, "script" if lang in SCRIPT_LEXICON_LANGUAGES else "stopwords")


def test_every_lexicon_language_has_a_paragraph() -> None:
    assert set(available_languages()) <= set(PARAGRAPHS)


def test_lexicon_languages_take_part_in_the_vote() -> None:
    assert set(available_languages()) - SCRIPT_LEXICON_LANGUAGES <= set(VOTING_LANGUAGES)
    assert not SCRIPT_LEXICON_LANGUAGES & set(VOTING_LANGUAGES)


def test_traditional_chinese() -> None:
    assert detect_language(ZH_TRADITIONAL) == ("zh", "script")


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_script_decides(lang: str) -> None:
    assert detect_language(SCRIPTS[lang]) == (lang, "script")


@pytest.mark.parametrize("lang", sorted(CYRILLIC))
def test_cyrillic_languages_are_told_apart(lang: str) -> None:
    text, method = CYRILLIC[lang]
    assert detect_language(text) == (lang, method)


def test_russian_page_gets_the_russian_lexicon() -> None:
    result = declutter.explain(PARAGRAPHS["ru"] + "\nПоделиться\n")
    assert (result.language, result.language_method) == ("ru", "script")
    assert [s.rule for s in result.segments if not s.kept] == ["share_prompt"]


def test_a_stray_letter_does_not_decide() -> None:
    russian = (SCRIPTS["ru"] + " ") * 4 + "Ї"
    assert detect_language(russian) == ("ru", "script")


@pytest.mark.parametrize("lang", sorted(OTHER_LATIN))
def test_other_latin_languages_are_not_taken_for_lexicon_languages(lang: str) -> None:
    assert detect_language(OTHER_LATIN[lang]) == (lang, "stopwords")


def test_words_shared_by_many_stoplists_weigh_less() -> None:
    # each word casts one vote, split between the stoplists that hold it: "de" is in
    # nearly all of them, "und" in a few
    shared = stopword_scores("de de de de")
    own = stopword_scores("und und und und")
    assert sum(shared.values()) == pytest.approx(4) == sum(own.values())
    assert len(shared) > len(own)
    assert own["de"] > 2 * shared["de"]


def test_names_and_initials_do_not_vote() -> None:
    # the Finnish stoplist holds "davis", "brown", "johnson", "bay" and "d"
    scores = ("Palm Bay d. Rockledge 70-44\nDavis 17 points. Moore 3 points. Brown 4 points. "
              "Williams 6 points. Johnson 6 points. Jackson 1 goal. Howard 6 steals.\n"
              "Heritage d. Titusville 53-9\nMelbourne d. Space Coast 69-54\n") * 3
    assert "fi" not in stopword_scores(scores)
    assert detect_language(scores)[0] != "fi"


def test_urls_do_not_vote() -> None:
    slugs = "".join(f"Photo {n} on https://unsplash.com/de/fotos/lila-und-blaue-lichter-auf-der-"
                    f"buhne-mit-einem-grossen-schild-{n}\n" for n in range(20))
    text = PARAGRAPHS["en"] + "\n" + slugs
    assert "unsplash" not in sample(text) and "blaue" not in sample(text)
    assert detect_language(text) == ("en", "stopwords")


def test_mixed_text_goes_to_langdetect() -> None:
    language, method = detect_language(MIXED)
    assert method == "langdetect"
    assert language in ("en", "de")


@pytest.mark.parametrize("text", ["Hallo", "Kommentare\nAntworten", "Ok"])
def test_short_text_falls_back(text: str) -> None:
    assert detect_language(text) == (FALLBACK_LANGUAGE, "fallback")


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "12345 678\n90", "!!! ??? ...",
                                  "\u00a0\u200b", "2024-01-09 10:30"])
def test_text_without_letters_falls_back(text: str) -> None:
    assert detect_language(text) == (FALLBACK_LANGUAGE, "fallback")


@pytest.mark.parametrize("text", [PARAGRAPHS["de"], PARAGRAPHS["zh"], MIXED,
                                  "Wolodymyr Selenskyj Kyjiw Charkiw Odesa Dnipro Lwiw Cherson"])
def test_deterministic(text: str) -> None:
    answers = {detect_language(text) for _ in range(20)}
    assert len(answers) == 1


def test_deterministic_across_processes() -> None:
    texts = [PARAGRAPHS["de"], MIXED, "Wolodymyr Selenskyj Kyjiw Charkiw Odesa Dnipro Lwiw Cherson",
             SCRIPTS["ru"]]
    code = ("import json, sys\nfrom declutter.langid import detect_language\n"
            "print(json.dumps([detect_language(t) for t in json.load(sys.stdin)]))")
    answers = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts),
                              capture_output=True, text=True, env=env, check=True, timeout=120)
        answers.append(done.stdout)
    assert answers[0] == answers[1]
    assert json.loads(answers[0])[0] == ["de", "stopwords"]


def test_sample_is_bounded() -> None:
    text = (PARAGRAPHS["de"] + "\n") * 50_000  # about 13 MB
    assert len(scanned(text)) <= SCAN_CHARS + 10
    assert len(sample(text)) <= 2 * SAMPLE_CHARS


def test_ten_megabytes_are_not_scanned() -> None:
    text = ("Kurz\n" * 100 + PARAGRAPHS["de"] + "\n") * 20_000
    assert len(text) > 10_000_000
    detect_language(PARAGRAPHS["de"])  # warm the stoplists
    start = time.perf_counter()
    assert detect_language(text) == ("de", "stopwords")
    assert time.perf_counter() - start < 0.5  # a full scan of 10 MB takes seconds


def test_article_in_the_middle_of_a_long_page_is_seen() -> None:
    menu = "Home\nNews\nSport\nWeather\nContact\n" * 2_000  # 60 000 characters of menu
    text = menu + PARAGRAPHS["nl"] + "\n" + menu
    assert detect_language(text) == ("nl", "stopwords")


def test_given_language_skips_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> tuple[str, str]:
        raise AssertionError("detect_language called although lang= was given")

    monkeypatch.setattr("declutter.engine.detect_language", fail)
    result = declutter.explain(PARAGRAPHS["fr"], lang="fr")
    assert (result.language, result.language_method) == ("fr", "given")


def test_detected_language_reaches_explain() -> None:
    result = declutter.explain(PARAGRAPHS["pl"])
    assert (result.language, result.language_method) == ("pl", "stopwords")


def test_langdetect_is_imported_lazily() -> None:
    code = (
        "import sys, declutter\n"
        "assert 'langdetect' not in sys.modules, 'imported by import declutter'\n"
        f"declutter.clean({PARAGRAPHS['de']!r})\n"
        f"declutter.clean({MIXED!r}, lang='en')\n"
        "assert 'langdetect' not in sys.modules, 'imported by a cheap decision'\n"
        f"declutter.clean({MIXED!r})\n"
        "assert 'langdetect' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_stoplists_missing_means_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "_vote_table", lambda: ({}, VOTING_LANGUAGES))
    assert detect_language(PARAGRAPHS["it"]) == ("it", "langdetect")
