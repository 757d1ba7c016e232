"""A likely duplicate is offered before the details and can be joined (the
citizen then gets its updates too); photos reach the 311 system as URLs
served by the photo server; a captioned photo starts the complaint it shows."""
from __future__ import annotations

import threading

import pytest
import requests
from complaint_chat import TRACKING_NUMBER, at_confirmation, registered

from actions.complaints.photo_server import make_server
from actions.follow_up import ActionFollowUp
from actions.lok_seva.requested_documents import PHOTO_FOLLOWS_WITHIN, ActionTakeDocument
from jan_seva.complaint_photos import PhotoSettings
from jan_seva.whatsapp.file_store import FileStore
from tests.actions.citizen_chat import Chat, asked, keys, message, payload, texts
from tests.images import exif_of, jpeg_with_gps

JPEG = jpeg_with_gps()


def photo(settings_env, caption=None, data=JPEG, extension=".jpg", media_type="image"):
    """A file as the WhatsApp channel keeps it: its entities and metadata for Rasa."""
    saved = FileStore(settings_env["FILE_STORE_DIR"]).save(data, extension)
    media = {"caption": caption} if caption else {}
    return {"entities": {"media_type": media_type, "file_id": saved.file_id},
            "metadata": {"whatsapp": {"type": media_type, media_type: media}}}


@pytest.mark.parametrize("said, intent, confidence", [("haan usi me jod do", "inform", 0.95),
                                                      ("हाँ वही शिकायत है, मुझे भी जोड़ दो", "human_handoff", 0.74)])
def test_a_likely_duplicate_is_offered_and_joined(api, spot, operator, said, intent, confidence):
    first = registered(spot)
    neighbour = Chat(language="hi")
    neighbour.says("kachra pada hai", "register_complaint", complaint_category="garbage")
    offered = neighbour.sends_pin(spot[0] + 0.0002, spot[1])  # about 22 m away
    assert asked(offered) == "duplicate" and first in texts(offered)
    joined = neighbour.says(said, intent, confidence=confidence)  # "मुझे भी जोड़ दो": no officer asked for
    assert keys(joined)[0] == "complaints.texts.joined" and neighbour.task is None
    assert operator.complaint(first)["extended_attributes"]["supporters_count"] == 1
    assert operator.complaint(first)["contact"]["supporter_phones"] == [f"+{neighbour.sender}"]


def test_a_complaint_at_the_same_typed_address_is_offered_to_join(api, operator):
    first = Chat(language="hi")
    first.says("awara pashu ki complaint", "register_complaint", complaint_category="stray_animals")
    first.says("scheme 78, sector A ka main chauraha")
    while asked(first.taps("inform", do="skip")) != "confirm":
        pass
    number = TRACKING_NUMBER.search(texts(first.taps("affirm", do="submit"))).group()
    neighbour = Chat(language="hi")
    neighbour.says("saand baithe rehte h", "register_complaint", complaint_category="stray_animals")
    offered = neighbour.says("Scheme 78 sector A chauraha pe")
    assert asked(offered) == "duplicate" and number in texts(offered)
    assert keys(neighbour.says("haan usi me jod do"))[0] == "complaints.texts.joined"
    assert operator.complaint(number)["extended_attributes"]["supporters_count"] == 1


def at_the_duplicate_question(spot, opening: str, language: str) -> Chat:
    """A garbage complaint pinned where one is registered already: asked whether to join that one."""
    registered(spot)
    chat = Chat(language=language)
    chat.says(opening, "register_complaint", complaint_category="garbage")
    assert asked(chat.sends_pin(*spot)) == "duplicate"
    return chat


def test_a_new_complaint_can_be_filed_next_to_a_duplicate(api, spot):
    chat = at_the_duplicate_question(spot, "garbage here", "en")
    chat.says("no, this is another heap")
    assert chat.task["values"]["duplicate"] == "new"


def test_a_pin_corrected_to_a_typed_place_no_longer_offers_the_duplicate_near_it(api, spot):
    chat = at_the_duplicate_question(spot, "garbage heap on our road", "en")
    replies = chat.says("Sorry, I sent my office location by mistake. The garbage is in Sudama Nagar, on Annapurna Road")
    assert chat.task["values"]["location"]["lat"] is None and asked(replies) != "duplicate"
    assert "duplicate" not in chat.task["values"] and not chat.task["context"].get("duplicate")


def test_details_told_at_the_duplicate_question_are_kept_and_the_question_stays(api, spot):
    chat = at_the_duplicate_question(spot, "kachra pada hai ghar ke saamne", "hi")
    replies = chat.says("kachre ki badbu ab ghar ke andar tak aa rahi h")
    assert keys(replies)[0] == "tasks.noted" and asked(replies) == "duplicate"
    assert "badbu" in chat.task["values"]["description"]


def test_details_at_the_duplicate_question_shown_twice_bring_the_help_not_a_third_ask(api, spot):
    chat = at_the_duplicate_question(spot, "kachra pada hai ghar ke saamne", "hi")
    chat.says("", "voice_note")  # the question shown again
    replies = chat.says("kachre ki badbu ab ghar ke andar tak aa rahi h")
    assert any(str(r.get("tag")) == "help:duplicate" for r in replies) and "badbu" in chat.task["values"]["description"]


def test_photos_are_published_and_sent_with_the_complaint(api, spot, operator, settings_env):
    server = make_server(("127.0.0.1", 0), PhotoSettings.from_env())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/complaint-photos"
    try:
        chat = Chat(language="en")
        chat.says("water pipe leaking", "register_complaint", complaint_category="water_supply")
        replies = chat.sends_pin(*spot)
        while asked(replies) != "photo":
            replies = chat.says("pipeline leaking since morning") if asked(replies) == "description" \
                else chat.taps("inform", do="skip")
        scan = photo(settings_env, "पाइप फटा है", b"%PDF-1.4", ".pdf", "document")
        refused = chat.sends_file(scan)
        assert keys(refused)[0] == "complaints.texts.photo_only" and chat.task["files"] == []
        more = chat.sends_file(photo(settings_env, "पाइप  फटा है"))
        assert asked(more) == "photo" and len(chat.task["files"]) == 1
        assert chat.task["values"]["description"].endswith("पाइप फटा है")  # the caption joins the details

        url = chat.task["files"][0]["url"]
        served = requests.get(base + url[url.rindex("/"):], timeout=5)
        assert served.headers["Content-Type"] == "image/jpeg" and exif_of(served.content) == {}

        chat.taps("inform", do="done")
        number = TRACKING_NUMBER.search(texts(chat.taps("affirm", do="submit"))).group()
        assert operator.complaint(number)["media_url"] == url
    finally:
        server.shutdown()
        server.server_close()


def sends_captioned_photo(chat: Chat, settings_env, caption: str) -> list:
    """A photo with a caption, as the first message: the replies."""
    file = photo(settings_env, caption)
    return chat.run(ActionTakeDocument(), message(payload("share_media", **file["entities"]), "share_media",
                                                   file["metadata"], **file["entities"]))


def test_a_photo_with_a_caption_starts_the_complaint_it_shows(api, settings_env):
    chat = Chat()
    started = sends_captioned_photo(chat, settings_env, "नाली चोक है, गंदा पानी सड़क पर")
    assert asked(started) == "location" and chat.task["values"]["category"] == "drainage"
    assert len(chat.task["files"]) == 1


def test_a_place_in_a_photos_caption_is_offered(api, settings_env):
    chat = Chat()
    started = sends_captioned_photo(chat, settings_env, "Mhow Naka chauraha pe chamber ka dhakkan toota h")
    assert asked(started) == "location" and chat.task["context"]["named_place"] == "Mhow Naka chauraha"


def test_the_photo_that_started_the_complaint_is_not_asked_for_again(api, spot, settings_env):
    chat = Chat()
    sends_captioned_photo(chat, settings_env, "नाली चोक है, गंदा पानी सड़क पर")
    questions = [asked(chat.sends_pin(*spot))]
    while questions[-1] not in ("confirm", None) and len(questions) < 6:
        questions.append(asked(chat.taps("inform", do="skip")))
    assert questions[-1] == "confirm" and "photo" not in questions


def test_a_photo_sent_right_after_registering_joins_that_complaint(api, spot, operator, settings_env):
    chat = Chat(language="en")
    at_confirmation(chat, spot, "garbage heap near the temple")
    number = TRACKING_NUMBER.search(texts(chat.taps("affirm", do="submit"))).group()
    file = photo(settings_env, "kachra")  # a caption naming the same problem starts no new complaint
    added = chat.run(ActionTakeDocument(), message(payload("share_media", **file["entities"]), "share_media",
                                                    file["metadata"], **file["entities"]))
    assert keys(added) == ["complaints.texts.photo_added"] and chat.task is None
    assert [item["kind"] for item in operator.complaint(number)["extended_attributes"]["photos"]] == ["report"]


def test_a_photo_long_after_the_complaint_is_not_added_to_it(api, spot, operator, settings_env):
    chat = Chat(language="en")
    at_confirmation(chat, spot, "garbage heap near the temple")
    number = TRACKING_NUMBER.search(texts(chat.taps("affirm", do="submit"))).group()
    for _ in range(PHOTO_FOLLOWS_WITHIN):  # other talk since
        chat.events.append({"event": "user", "text": "ok", "parse_data": message("ok", "affirm")})
    file = photo(settings_env)
    chat.run(ActionTakeDocument(), message(payload("share_media", **file["entities"]), "share_media",
                                           file["metadata"], **file["entities"]))
    assert operator.complaint(number)["extended_attributes"]["photos"] == []


def test_asked_whether_to_send_a_photo_the_citizen_is_told_to_send_it(api, spot):
    chat = Chat(language="en")
    at_confirmation(chat, spot, "garbage heap near the temple")
    during = chat.says("should I send a photo too?", "download_certificate")  # what the NLU may make of it
    assert "complaints.texts.send_photo_now" in keys(during) and asked(during) == "confirm"
    number = TRACKING_NUMBER.search(texts(chat.taps("affirm", do="submit"))).group()
    after = chat.run(ActionFollowUp(), message("photo bhi bhej du?", "nlu_fallback"))
    assert keys(after) == ["complaints.texts.send_photo_here"] and number in texts(after)


def one_photo_sent(spot, settings_env) -> Chat:
    """A garbage complaint at a pin, its questions passed over, one photo sent."""
    chat = Chat()
    chat.says("kachra pada hai", "register_complaint", complaint_category="garbage")
    replies = chat.sends_pin(*spot)
    while asked(replies) != "photo":
        replies = chat.taps("inform", do="skip")
    chat.sends_file(photo(settings_env))
    return chat


def test_that_is_the_only_photo_ends_the_photo_step(api, spot, settings_env):
    chat = one_photo_sent(spot, settings_env)
    finished = chat.says("bs ek hi h, ha kr do", "info_samadhan_ek_din")  # what the NLU made of "ek"
    assert asked(finished) != "photo" and "information.samadhan_ek_din" not in keys(finished)


def test_a_yes_to_register_typed_in_two_scripts_after_the_photo_registers(api, spot, settings_env):
    chat = one_photo_sent(spot, settings_env)
    done = chat.says("bas, haan कर दो", "affirm")
    assert TRACKING_NUMBER.search(texts(done)) and chat.task is None


def test_a_photo_sent_before_the_place_is_not_asked_for_again(api, spot, settings_env):
    chat = Chat()
    chat.says("kachra pada hai", "register_complaint", complaint_category="garbage")
    chat.sends_file(photo(settings_env, "गली में कचरे का ढेर"))
    replies = chat.sends_pin(*spot)
    while asked(replies) not in ("photo", "confirm"):
        replies = chat.taps("inform", do="skip")
    assert asked(replies) == "confirm" and "1" in texts(replies)  # the summary counts the photo


def test_submit_again_right_after_registering_says_it_is_done(api, spot):
    chat = Chat()
    at_confirmation(chat, spot, "kachra pada hai")
    number = TRACKING_NUMBER.search(texts(chat.taps("affirm", do="submit"))).group()
    again = chat.run(ActionFollowUp(), message("haan darj karo", "affirm"))
    assert keys(again) == ["general.already_done"] and number in texts(again)
