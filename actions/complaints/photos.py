"""Citizens' photos of a problem: published for the 311 system (a media URL
without the picture's metadata), whether sent while the complaint is drafted
or after it was registered."""
from __future__ import annotations

from typing import Optional

from actions.complaints.citizen import phone_of
from actions.complaints.delivery import deliver
from actions.complaints.operations import update_payload
from actions.complaints.telling import tell
from actions.tasks.message import Message
from actions.tasks.talk import Talk
from jan_seva.complaint_photos import NotAPhoto, PhotoUnavailable, publish_photo

OPERATION = "photo"


def published(talk: Talk, message: Message) -> Optional[str]:
    """The photo's public URL; None when it is no photo or cannot be read (the citizen is told)."""
    try:
        return publish_photo(str(message.file_id or ""))
    except NotAPhoto:
        talk.say("complaints.texts.photo_only")
    except (PhotoUnavailable, OSError):
        talk.say("complaints.texts.photo_unavailable")
    return None


def add_to_registered(talk: Talk, complaint_id: str) -> None:
    """"photo bhi bhej du?" and then the photo: it joins the complaint just registered, for the officers."""
    url = published(talk, talk.message)
    if url is None:
        return
    message_id = talk.message.whatsapp.get("message_id") or url.rsplit("/", 1)[-1]
    payload = update_payload(OPERATION, complaint_id, phone_of(talk.sender_id), talk.language, media_url=url)
    tell(talk, deliver(talk.sender_id, talk.language, payload, f"{OPERATION}-{message_id}"), OPERATION)
