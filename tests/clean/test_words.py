from __future__ import annotations

from newsgraph.clean.words import count_words, tokens


def test_spaced_scripts_count_their_words() -> None:
    assert count_words("The council voted on Tuesday, 12 to 3.") == 8
    assert count_words("Der Stadtrat stimmte am Dienstag zu.") == 6
    assert count_words("The U.S.-led coalition's plan — in full") == 6
    assert count_words("") == 0


def test_chinese_and_japanese_count_about_a_word_per_two_characters() -> None:
    chinese = "市议会周二投票批准了一项新预算，未来两年公共交通支出将增加百分之十二。"
    assert 14 <= count_words(chinese) <= 20  # 32 characters, about 16 words
    japanese = "東京都議会は火曜日に新しい予算案を可決した。"
    assert 8 <= count_words(japanese) <= 12


def test_thai_is_not_one_word_per_sentence() -> None:
    thai = "สภาเมืองลงมติอนุมัติงบประมาณใหม่เมื่อวันอังคาร"
    assert count_words(thai) >= 5


def test_mixed_text_counts_both_kinds() -> None:
    assert count_words("Reuters 报道 said") == 3
    assert tokens("東京 is 大きい") == ["東", "京", "is", "大", "き", "い"]
