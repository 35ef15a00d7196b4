"""Language identification: script rules, langdetect on Latin text, Malay vs Indonesian."""

from __future__ import annotations

import pytest

from indexer.lang import (
    LANGUAGE_NAMES,
    LANGUAGE_NAMES_EN,
    detect_languages,
    language_label,
    malay_or_indonesian,
    report_languages,
)
from indexer.models import Page

SENTENCES = {
    "en": "Human trafficking remains a serious crime across Southeast Asia. Many migrant "
    "workers are deceived by brokers and forced to work on fishing boats without pay.",
    "th": "การค้ามนุษย์ยังคงเป็นอาชญากรรมร้ายแรงในภูมิภาคเอเชียตะวันออกเฉียงใต้ "
    "แรงงานข้ามชาติจำนวนมากถูกนายหน้าหลอกลวงและถูกบังคับให้ทำงานบนเรือประมงโดยไม่ได้รับค่าจ้าง",
    "km": "ការជួញដូរមនុស្សនៅតែជាឧក្រិដ្ឋកម្មធ្ងន់ធ្ងរនៅក្នុងតំបន់អាស៊ីអាគ្នេយ៍។ "
    "ពលករចំណាកស្រុកជាច្រើនត្រូវបានឈ្មួញកណ្តាលបោកប្រាស់ និងបង្ខំឱ្យធ្វើការនៅលើទូកនេសាទដោយគ្មានប្រាក់ឈ្នួល។",
    "lo": "ການຄ້າມະນຸດຍັງເປັນອາດຊະຍາກຳທີ່ຮ້າຍແຮງໃນພາກພື້ນອາຊີຕາເວັນອອກສ່ຽງໃຕ້. "
    "ແຮງງານເຄື່ອນຍ້າຍຈຳນວນຫຼາຍຖືກນາຍໜ້າຫຼອກລວງ ແລະ ຖືກບັງຄັບໃຫ້ເຮັດວຽກໂດຍບໍ່ໄດ້ຮັບຄ່າຈ້າງ.",
    "my": "လူကုန်ကူးမှုသည် အရှေ့တောင်အာရှတွင် ပြင်းထန်သော ရာဇဝတ်မှုတစ်ခု ဖြစ်နေဆဲဖြစ်သည်။ "
    "ရွှေ့ပြောင်းအလုပ်သမားများစွာကို ပွဲစားများက လှည့်စားပြီး ငါးဖမ်းလှေများပေါ်တွင် လုပ်အားခမပေးဘဲ "
    "အတင်းအကျပ် အလုပ်ခိုင်းစေကြသည်။",
    "vi": "Mua bán người vẫn là một tội phạm nghiêm trọng ở Đông Nam Á. Nhiều lao động di cư bị "
    "môi giới lừa gạt và bị ép buộc làm việc trên tàu cá mà không được trả lương.",
    "id": "Tindak pidana perdagangan orang masih menjadi kejahatan serius di Asia Tenggara. "
    "Banyak pekerja migran ditipu oleh calo karena dijanjikan gaji tinggi, dan korban "
    "dipaksa bekerja di kapal ikan tanpa upah.",
    "ms": "Pemerdagangan orang masih merupakan jenayah yang serius di Asia Tenggara. Ramai "
    "pekerja asing ditipu oleh ejen kerana dijanjikan gaji yang tinggi, dan mangsa dipaksa "
    "bekerja di atas kapal nelayan tanpa dibayar sebarang upah.",
    "tl": "Ang human trafficking ay nananatiling isang malubhang krimen sa Timog-Silangang Asya. "
    "Maraming manggagawang migrante ang nalilinlang ng mga recruiter at pinipilit na "
    "magtrabaho sa mga bangkang pangisda nang walang bayad.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_each_language(code: str) -> None:
    assert detect_languages(SENTENCES[code]) == (code,)


@pytest.mark.parametrize("text", ["", "   ", "12345 6789", "Hello world", "Pekerja migran", "Hanoi, Viet Nam"])
def test_short_latin_text_is_not_guessed(text: str) -> None:
    assert detect_languages(text) == ()


def test_short_script_text_is_exact() -> None:
    assert detect_languages("ภาษาไทย") == ("th",)
    assert detect_languages("ភាសាខ្មែរ") == ("km",)


def test_mixed_english_thai_page_keeps_both_by_share() -> None:
    mixed = SENTENCES["en"] + "\n" + SENTENCES["th"]
    assert set(detect_languages(mixed)) == {"en", "th"}
    more_thai = SENTENCES["en"] + "\n" + SENTENCES["th"] * 3
    assert detect_languages(more_thai) == ("th", "en")


def test_stray_characters_of_another_script_are_ignored() -> None:
    assert detect_languages(SENTENCES["en"] * 3 + " (ไทย)") == ("en",)


def test_deterministic() -> None:
    texts = [*SENTENCES.values(), "Ang human trafficking ay krimen sa Pilipinas at sa ibang bansa."]
    first = [detect_languages(t) for t in texts]
    for _ in range(20):
        assert [detect_languages(t) for t in texts] == first


def test_vietnamese_rule_survives_without_the_detector_agreeing() -> None:
    # Mostly proper names and short words: the Vietnamese letters decide.
    text = "Bộ Lao động – Thương binh và Xã hội; Cục Việc làm; Đường dây nóng 111; tỉnh Hà Tĩnh."
    assert "vi" in detect_languages(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCES["ms"], "ms"),
        (SENTENCES["id"], "id"),
        ("Kerajaan berkata bahawa mangsa pemerdagangan orang dilindungi kerana undang-undang.", "ms"),
        ("Pemerintah menyatakan bahwa korban perdagangan orang dilindungi karena undang-undang.", "id"),
        ("Mahkamah Agung menolak kasasi.", "id"),  # shared word only: Indonesian by default
    ],
)
def test_malay_or_indonesian(text: str, expected: str) -> None:
    assert malay_or_indonesian(text) == expected


def test_long_page_is_sampled(monkeypatch) -> None:
    """langdetect only ever sees a bounded sample, so a long page costs what a short one does."""
    import indexer.lang as lang

    seen: list[int] = []
    real = lang.detect_langs

    def spy(text: str):
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(lang, "detect_langs", spy)
    page = (SENTENCES["tl"] + " ") * 400  # ~60,000 characters (English would skip langdetect)
    assert detect_languages(page) == ("tl",)
    assert seen and max(seen) <= lang.SAMPLE_CHARS + 2


ENGLISH_PAGE = (
    "The report describes how the recruitment agencies that were operating in the region "
    "charged fees to workers who had no way of paying them, and how the debts that followed "
    "were used to keep them on the vessels for years. It is based on interviews with "
    "survivors, and on the records of the courts in three of the provinces."
)


def test_plain_english_skips_langdetect(monkeypatch) -> None:
    import indexer.lang as lang

    calls: list[str] = []
    monkeypatch.setattr(lang, "detect_langs", lambda text: calls.append(text) or [])
    assert lang.clearly_english(ENGLISH_PAGE)
    assert detect_languages(ENGLISH_PAGE) == ("en",)
    assert calls == []


@pytest.mark.parametrize("code", ["id", "ms", "tl", "vi"])
def test_english_shortcut_leaves_other_languages_to_langdetect(code: str) -> None:
    """Mixed with English prose, the other language's words keep the page off the shortcut."""
    from indexer.lang import clearly_english

    assert not clearly_english(SENTENCES[code] * 3)
    assert not clearly_english(ENGLISH_PAGE + " " + SENTENCES[code])


def test_english_shortcut_agrees_with_langdetect() -> None:
    from indexer.lang import _detect

    assert [c for c, p in _detect(ENGLISH_PAGE) if p >= 0.2] == ["en"]


def test_report_languages_weights_pages() -> None:
    pages = [Page(i + 1, str(i + 1), SENTENCES["th"] * 5) for i in range(4)]
    pages.append(Page(5, "5", SENTENCES["en"]))
    assert report_languages(pages) == ("th",)
    pages += [Page(6, "6", SENTENCES["en"]), Page(7, "7", SENTENCES["en"])]
    assert report_languages(pages) == ("th", "en")  # main language of >= 2 pages
    assert report_languages([]) == ()


def test_report_languages_reuses_page_languages() -> None:
    page = Page(1, "1", SENTENCES["en"], languages=("fr",))  # trust what the pipeline set
    assert report_languages([page]) == ("fr",)


def test_labels() -> None:
    assert language_label("th") == "ไทย (Thai)"
    assert language_label("en") == "English"
    assert language_label("xx") == "xx"
    assert set(LANGUAGE_NAMES) <= set(LANGUAGE_NAMES_EN)
    assert LANGUAGE_NAMES["vi"] == "Tiếng Việt"
