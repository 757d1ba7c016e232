"""Documents sent as WhatsApp photos or PDFs during an application."""
from __future__ import annotations

import uuid
from pathlib import Path

from tests.actions.citizen_chat import asked, keys
from tests.actions.lok_seva.test_lok_seva_application import answer_up_to_the_address, application, applications_of
from tests.servers import free_port

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200


def received(store: Path, data: bytes, extension: str, filename: str) -> dict:
    """A file as the WhatsApp channel keeps it, and the entities and metadata it sends Rasa about it."""
    file_id = f"wa-{uuid.uuid4().hex}"
    path = store / "whatsapp" / f"{file_id}{extension}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    media = {"path": str(path), "mime_type": "image/jpeg", "size": len(data), "filename": filename, "caption": None}
    return {"entities": {"media_type": "image", "file_id": file_id},
            "metadata": {"whatsapp": {"type": "image", "image": media, "media": media}}}


def at_documents(citizen):
    citizen.says("income certificate", "apply_service", service="income_certificate")
    for typed in ("Sunita Bhuria", citizen.mobile, "3 4 5 6", "Kalidevi village, Jhabua", "457661", "Ramesh Bhuria",
                  "120000", "kheti", "scholarship"):
        replies = citizen.says(typed)
    assert asked(replies) == "documents"
    return citizen


def test_photos_go_with_the_application_and_bad_files_are_refused(chat, actions_env, api_url):
    store = actions_env / "files"
    citizen = at_documents(chat(language="en"))
    citizen.sends_file(received(store, JPEG, ".jpg", "aadhaar.jpg"))
    more = citizen.sends_file(received(store, JPEG, ".jpg", "samagra.jpg"))
    assert asked(more) == "documents" and len(citizen.task["files"]) == 2
    too_large = citizen.says('/share_media_rejected{"reason": "too_large"}', "share_media_rejected", reason="too_large")
    assert keys(too_large)[0] == "lok_seva.media_rejected.too_large"
    fake = citizen.sends_file(received(store, b"MZ not really a picture", ".jpg", "photo.jpg"))
    assert keys(fake)[0] == "lok_seva.document_refused"  # the API's own check
    outside = received(actions_env, JPEG, ".jpg", "x.jpg")
    outside["metadata"]["whatsapp"]["media"]["path"] = "/etc/passwd"
    assert keys(citizen.sends_file(outside))[0] == "lok_seva.media_rejected.download_failed"

    assert asked(citizen.taps("inform", do="done")) == "confirm"
    citizen.taps("affirm", do="submit")
    [item] = applications_of(api_url, citizen)
    assert len(application(api_url, item["application_id"])["document_ids"]) == 2


def test_a_photo_sent_while_the_api_is_away_is_attached_later(chat, actions_env, api_url, monkeypatch):
    citizen = at_documents(chat())
    monkeypatch.setenv("LOKSEVA_API_URL", f"http://127.0.0.1:{free_port()}")
    citizen.sends_file(received(actions_env / "files", JPEG, ".jpg", "a.jpg"))
    monkeypatch.setenv("LOKSEVA_API_URL", api_url)
    citizen.says("हो गया")
    citizen.taps("affirm", do="submit")
    [item] = applications_of(api_url, citizen)
    assert len(application(api_url, item["application_id"])["document_ids"]) == 1


def test_a_file_after_a_question_shown_twice_is_only_acknowledged(chat, actions_env):
    citizen = chat(profile_name="Leela Kharadi")
    citizen.says("ration card banwana h", "apply_service", service="ration_card")  # the name offered
    again = citizen.says("gehu chawal kab se milega card banne ke baad?", "service_info", service="ration_card")
    assert asked(again) == "name"  # shown a second time, after the side answer
    kept = citizen.sends_file(received(actions_env / "files", JPEG, ".jpg", "samagra.jpg"))
    assert asked(kept) is None and len(citizen.task["files"]) == 1  # not a third time in a row


def test_a_question_shown_again_after_a_file_gets_help_at_the_next_miss(chat, actions_env):
    citizen = chat(language="en")
    citizen.says("income certificate", "apply_service", service="income_certificate")
    answer_up_to_the_address(citizen)
    citizen.says("457661")
    assert asked(citizen.says("Ramesh Bhuria")) == "annual_income"
    again = citizen.sends_file(received(actions_env / "files", JPEG, ".jpg", "income_proof.jpg"))
    assert asked(again) == "annual_income"  # shown a second time, after the file
    helped = citizen.says("the number is on the card I sent, can't you read it?", "nlu_fallback", confidence=0.4)
    assert any(str(reply.get("tag", "")).startswith("help:") for reply in helped)  # not a third plain ask
