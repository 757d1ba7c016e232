"""A likely duplicate is shown before submitting and can be joined; photos
sent during the draft reach the 311 system as URLs served by the photo server."""
from __future__ import annotations

import threading

import requests
from complaint_chat import TRACKING_NUMBER, Chat, payload, payloads, pin, registered, texts

from actions.complaints.flow import ActionSubmitComplaint
from actions.complaints.photo_server import make_server
from jan_seva.complaint_photos import PhotoSettings
from jan_seva.whatsapp.file_store import FileStore

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def test_a_likely_duplicate_is_shown_and_can_be_joined(api, spot, operator):
    first = registered(spot, "919800000011")
    neighbour = Chat(sender_id="919800000012", language="hi")
    neighbour.says("kachra pada hai", "register_complaint", {"complaint_category": "garbage"})
    neighbour.start_complaint()
    nearby = (spot[0] + 0.0002, spot[1])  # about 22 m away
    shown = neighbour.taps(pin(nearby)).form_turn()

    assert neighbour.slots["requested_slot"] == "complaint_duplicate_choice"
    assert first in texts(shown) and payloads(shown) == ["/affirm", "/deny"]
    neighbour.taps(payload("affirm"))
    assert neighbour.form_turn() == [] and neighbour.active_loop is None  # nothing more to ask
    answer = texts(neighbour.run(ActionSubmitComplaint()))

    assert first in answer and "जुड़ गए" in answer
    assert operator.complaint(first)["extended_attributes"]["supporters_count"] == 1
    assert neighbour.slots["my_complaint_ids"] == [first]


def test_a_new_complaint_can_be_filed_next_to_a_duplicate(api, spot):
    registered(spot, "919800000013")
    chat = Chat(sender_id="919800000014", language="en")
    chat.says("garbage here", "register_complaint", {"complaint_category": "garbage"})
    chat.start_complaint()
    chat.taps(pin(spot)).form_turn()
    chat.taps(payload("deny")).form_turn()
    assert chat.slots["complaint_duplicate_choice"] == "new"
    assert chat.slots["requested_slot"] == "complaint_description"


def test_photos_are_published_and_sent_with_the_complaint(api, spot, operator, settings_env):
    store = FileStore(settings_env["FILE_STORE_DIR"])
    photo = store.save(JPEG, ".jpg")
    scan = store.save(b"%PDF-1.4", ".pdf")
    server = make_server(("127.0.0.1", 0), PhotoSettings.from_env())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/complaint-photos"
    try:
        chat = Chat(sender_id="919800000015", language="en")
        chat.says("water pipe leaking", "register_complaint", {"complaint_category": "water_supply"})
        chat.start_complaint()
        chat.taps(pin(spot)).form_turn()
        chat.says("pipeline leaking since morning").form_turn()
        assert chat.slots["requested_slot"] == "complaint_photos"

        captioned = {"whatsapp": {"type": "image", "image": {"caption": "पाइप  फटा है"}}}
        refused = chat.taps(payload("share_media", media_type="document", file_id=scan.file_id), captioned).form_turn()
        assert "Only photos" in texts(refused) and chat.slots["requested_slot"] == "complaint_photos"
        assert chat.slots["complaint_description"] == "pipeline leaking since morning"  # a refused file adds nothing
        accepted = chat.taps(payload("share_media", media_type="image", file_id=photo.file_id), captioned).form_turn()
        assert "Photo received (1)" in texts(accepted) and "Photos: 1" in texts(accepted)
        assert chat.slots["complaint_description"] == "pipeline leaking since morning — पाइप फटा है"  # the caption

        url = chat.slots["complaint_photos"][0]
        served = requests.get(base + url[url.rindex("/"):], timeout=5)
        assert served.content == JPEG and served.headers["Content-Type"] == "image/jpeg"
        assert requests.get(f"{base}/{photo.file_id}.jpg", timeout=5).status_code == 404  # the store is not exposed

        chat.taps(payload("affirm")).form_turn()
        number = TRACKING_NUMBER.search(texts(chat.run(ActionSubmitComplaint()))).group()
        assert operator.complaint(number)["media_url"] == url
    finally:
        server.shutdown()
        server.server_close()
