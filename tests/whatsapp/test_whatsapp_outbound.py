"""Bot responses -> WhatsApp messages within WhatsApp's limits."""
from __future__ import annotations

import pytest

from jan_seva.whatsapp.custom_messages import InvalidCustomMessage, custom_content
from jan_seva.whatsapp.numbered_options import Option, chosen_number, options_from_buttons, payload_for_reply
from jan_seva.whatsapp.outbound import (
    LOCAL_FILE,
    choice_contents,
    content_text,
    offered_ids,
    outside_window_template,
    text_contents,
)
from jan_seva.whatsapp.text_units import graphemes, split_text, truncate

CONJUNCT_WORD = "स्त्रीक्षि"  # स + ् + त + ् + र + ी, क + ् + ष + ि: two conjunct clusters


def options(count, title="विकल्प संख्या"):
    return [Option(f"{title} {n}", f'/choose{{"n": {n}}}') for n in range(1, count + 1)]


def test_conjuncts_are_single_letters():
    assert graphemes(CONJUNCT_WORD) == ["स्त्री", "क्षि"]
    assert graphemes("प्रमाण") == ["प्र", "मा", "ण"]


@pytest.mark.parametrize("limit", range(2, 12))
def test_truncation_never_cuts_inside_a_letter(limit):
    text = CONJUNCT_WORD * 3
    cut = truncate(text, limit)
    assert len(cut) <= limit and cut.endswith("…")
    kept = graphemes(cut[:-1])
    assert kept == graphemes(text)[: len(kept)]  # a prefix of whole letters


def test_short_text_is_not_truncated():
    assert truncate("आय प्रमाण पत्र", 20) == "आय प्रमाण पत्र"


def test_long_text_is_split_at_4096_between_words():
    words = ["प्रमाणपत्र"] * 1000  # 10 characters + space each
    chunks = [content["text"]["body"] for content in text_contents(" ".join(words))]
    assert len(chunks) == 3
    assert all(len(chunk) <= 4096 for chunk in chunks)
    assert " ".join(chunks).split() == words  # nothing lost, no word cut


def test_a_word_longer_than_the_limit_is_cut_between_letters():
    word = CONJUNCT_WORD * 5
    chunks = split_text(word, 7)
    assert "".join(chunks) == word
    assert all(len(chunk) <= 7 for chunk in chunks)
    assert [letter for chunk in chunks for letter in graphemes(chunk)] == graphemes(word)


def test_up_to_three_options_with_whole_titles_are_reply_buttons():
    offered = [Option("आय प्रमाण पत्र", '/apply_service{"service":"income_certificate"}'),
               Option("Status", "/check_application_status"), Option("Menu", "/main_menu")]
    (content,) = choice_contents("क्या करना चाहेंगे?", offered)
    interactive = content["interactive"]
    assert interactive["type"] == "button"
    assert interactive["body"]["text"] == "क्या करना चाहेंगे?"
    buttons = [button["reply"] for button in interactive["action"]["buttons"]]
    assert buttons == [{"id": option.payload, "title": option.title} for option in offered]


def test_options_whose_titles_do_not_fit_a_button_are_a_list_showing_them_whole():
    offered = [Option("निःशक्तता प्रमाण पत्र", "/a"), Option("आय प्रमाण पत्र के लिए आवेदन करें", "/b"),
               Option("Menu", "/main_menu")]
    (content,) = choice_contents("कौन सी सेवा?", offered)
    assert content["interactive"]["type"] == "list"
    rows = content["interactive"]["action"]["sections"][0]["rows"]
    assert [row["title"] for row in rows] == ["निःशक्तता प्रमाण पत्र", "आय प्रमाण पत्र के लिए आ…", "Menu"]
    assert rows[1]["description"] == "आय प्रमाण पत्र के लिए आवेदन करें"
    assert all(len(row["title"]) <= 24 for row in rows)


@pytest.mark.parametrize("body, label", [("सेवा चुनें", "विकल्प"), ("Choose a service", "Options")])
def test_four_to_ten_options_are_a_list_labelled_in_the_body_language(body, label):
    (content,) = choice_contents(body, options(10))
    interactive = content["interactive"]
    assert interactive["type"] == "list"
    assert interactive["action"]["button"] == label
    rows = interactive["action"]["sections"][0]["rows"]
    assert [row["id"] for row in rows] == [option.payload for option in options(10)]
    assert all(len(row["title"]) <= 24 for row in rows)


def test_list_rows_keep_long_titles_in_the_description():
    long_title = "मूल निवास प्रमाण पत्र (डोमिसाइल) के लिए नया आवेदन"
    (content,) = choice_contents("सेवा चुनें", [Option(long_title, "/a")] + options(3), list_button="सेवाएं देखें")
    action = content["interactive"]["action"]
    row = action["sections"][0]["rows"][0]
    assert len(row["title"]) <= 24 and row["title"].endswith("…")
    assert row["description"] == long_title
    assert "description" not in action["sections"][0]["rows"][1]
    assert action["button"] == "सेवाएं देखें"


def test_more_than_ten_options_are_a_numbered_text_in_the_body_language():
    (content,) = choice_contents("सेवा चुनें", options(12))
    body = content["text"]["body"]
    assert body.startswith("सेवा चुनें\n\n1. विकल्प संख्या 1\n2. विकल्प संख्या 2\n")
    assert "\n12. विकल्प संख्या 12" in body
    assert body.endswith("अपने विकल्प का नंबर लिखकर भेजें।")


def test_long_body_falls_back_to_text_with_numbered_options():
    contents = choice_contents("शब्द " * 300, options(2, "Yes"))
    assert all(content["type"] == "text" for content in contents)
    assert "1. Yes 1\n2. Yes 2" in contents[-1]["text"]["body"]


def test_titles_clashing_once_shortened_fall_back_to_a_list_then_numbers():
    clashing = [Option("Income certificate, new", "/a"), Option("Income certificate, renewal", "/b")]
    (content,) = choice_contents("Choose", clashing)
    assert content["interactive"]["type"] == "list"  # distinct at 24 characters, not at 20
    same = [Option("Income certificate for the year 2025", "/a"), Option("Income certificate for the year 2026", "/b")]
    (content,) = choice_contents("Choose", same)
    assert content["type"] == "text" and "2. Income certificate for the year 2026" in content["text"]["body"]


def test_buttons_without_payload_send_their_title():
    assert options_from_buttons([{"title": "हाँ"}, {"title": "No", "payload": "/deny"}, {"payload": ""}]) == [
        Option("हाँ", "हाँ"), Option("No", "/deny")]


@pytest.mark.parametrize("typed, number", [("2", 2), ("२", 2), ("2.", 2), (" 2 ", 2), ("(2)", 2), ("१२", 12),
                                          ("2)", 2), ("२।", 2), ("2️⃣", 2), ("2⃣", 2), ("🔟", 10), ("1️⃣2️⃣", 12)])
def test_typed_numbers(typed, number):
    assert chosen_number(typed) == number


@pytest.mark.parametrize("typed", ["2 बजे", "LS-2026-000123", "two", "", "1.5", "123", "#️⃣", "👍"])
def test_other_texts_are_not_option_numbers(typed):
    assert chosen_number(typed) is None


def test_typed_number_maps_to_the_offered_payload_only_within_range():
    offered = options(12)
    assert payload_for_reply("१२", offered) == '/choose{"n": 12}'
    assert payload_for_reply("13", offered) is None
    assert payload_for_reply("0", offered) is None
    assert payload_for_reply("1", []) is None


def test_outside_window_template_carries_the_flattened_text():
    content = outside_window_template({"type": "text", "text": {"body": "आपका आवेदन\nस्वीकृत\tहो गया है"}})
    template = content["template"]
    assert template["name"] == "jan_seva_update"
    assert template["language"] == {"code": "hi"}
    assert template["components"] == [
        {"type": "body", "parameters": [{"type": "text", "text": "आपका आवेदन स्वीकृत हो गया है"}]}]
    english = outside_window_template({"type": "location_request", "interactive": {}})
    assert english["template"]["language"] == {"code": "en"}
    assert english["template"]["components"][0]["parameters"][0]["text"] == "There is a new update for you."


def template_text(content):
    return outside_window_template(content)["template"]["components"][0]["parameters"][0]["text"]


@pytest.mark.parametrize("count", [2, 5, 12])
def test_outside_window_template_numbers_the_options_on_one_line(count):
    (content, *_) = choice_contents("कौन सी सेवा?\nचुनें:", options(count))
    text = template_text(content)
    assert text.startswith("कौन सी सेवा? चुनें: 1. विकल्प संख्या 1 2. विकल्प संख्या 2")
    assert f"{count}. विकल्प संख्या {count}" in text and text.endswith("अपने विकल्प का नंबर लिखकर भेजें।")
    assert "\n" not in text and "  " not in text


def test_outside_window_template_keeps_the_options_of_a_long_body():
    (content,) = choice_contents("शब्द " * 200, options(5))
    text = template_text(content)
    assert len(text) <= 900 and "5. विकल्प संख्या 5" in text


def test_outside_window_template_gives_list_rows_their_whole_titles():
    long_title = "मूल निवास प्रमाण पत्र (डोमिसाइल) के लिए नया आवेदन"
    (content,) = choice_contents("सेवा चुनें", [Option(long_title, "/a")] + options(3))
    assert f"1. {long_title} 2. विकल्प संख्या 1" in template_text(content)


@pytest.mark.parametrize("caption, expected", [
    ("आपका प्रमाण पत्र", "आपका प्रमाण पत्र आपके लिए एक फ़ाइल है। उसे पाने के लिए हमें कोई भी संदेश भेजें।"),
    (None, "There is a file for you. Send us any message to receive it."),
])
def test_outside_window_template_for_a_file_says_how_to_receive_it(caption, expected):
    document = custom_content({"whatsapp": {"type": "document", "path": "c.pdf", "caption": caption}})
    assert template_text(document) == expected


def test_outside_window_template_text_is_cut_to_the_configured_length():
    content = outside_window_template({"type": "text", "text": {"body": "word " * 1000}})
    assert len(content["template"]["components"][0]["parameters"][0]["text"]) <= 900


def test_content_text_reads_bodies_and_captions():
    assert content_text(choice_contents("Choose", options(2))[0]) == "Choose"
    assert content_text({"type": "image", "image": {"link": "https://x", "caption": "c"}}) == "c"


def test_custom_document_by_path_and_by_link():
    by_path = custom_content({"whatsapp": {"type": "document", "path": "certificates/LS-2026-000123.pdf",
                                           "caption": "आपका प्रमाण पत्र"}})
    assert by_path == {"type": "document", "document": {LOCAL_FILE: "certificates/LS-2026-000123.pdf",
                                                        "caption": "आपका प्रमाण पत्र",
                                                        "filename": "LS-2026-000123.pdf"}}
    by_link = custom_content({"whatsapp": {"type": "image", "link": "https://example.org/map.png?x=1"}})
    assert by_link == {"type": "image", "image": {"link": "https://example.org/map.png?x=1"}}


def test_custom_location_request_and_template():
    request = custom_content({"whatsapp": {"type": "location_request", "text": "अपनी लोकेशन भेजें"}})
    assert request["interactive"] == {"type": "location_request_message", "body": {"text": "अपनी लोकेशन भेजें"},
                                      "action": {"name": "send_location"}}
    components = [{"type": "body", "parameters": [{"type": "text", "text": "LS-2026-000123"}]}]
    template = custom_content({"whatsapp": {"type": "template", "name": "application_update", "language": "hi",
                                            "components": components}})
    assert template["template"] == {"name": "application_update", "language": {"code": "hi"},
                                    "components": components}


@pytest.mark.parametrize("json_message", [
    {}, {"whatsapp": "document"}, {"whatsapp": {"type": "sticker"}}, {"whatsapp": {"type": "document"}},
    {"whatsapp": {"type": "location_request"}}, {"whatsapp": {"type": "template", "name": "x"}}])
def test_invalid_custom_messages_are_refused(json_message):
    with pytest.raises(InvalidCustomMessage):
        custom_content(json_message)


def test_offered_ids_are_those_a_reply_to_the_content_can_carry():
    (buttons,) = choice_contents("Choose", options(2))
    (rows,) = choice_contents("Choose", options(5))
    template = custom_content({"whatsapp": {"type": "template", "name": "jan_seva_update", "language": "hi",
                                            "components": [{"type": "button", "sub_type": "quick_reply", "index": 0,
                                                            "parameters": [{"type": "payload", "payload": "/yes"}]}]}})
    assert offered_ids(buttons) == [option.payload for option in options(2)]
    assert offered_ids(rows) == [option.payload for option in options(5)]
    assert offered_ids(template) == ["/yes"]
    assert offered_ids({"type": "text", "text": {"body": "/yes"}}) == []
