"""A photo or PDF sent outside any task: a photo right after a complaint was
talked about joins that complaint; otherwise the file is added to the
citizen's application whose documents an officer asked for, or to their
application talked about just before (submitted with the documents to
follow), or to the one named in the officer's update or taken the latest
such files; without one the citizen is told what files are for. Sent
through the outbox like every submission: a Lok Seva API that is away
gets it later."""
from __future__ import annotations

import uuid
from typing import Dict, Optional, Text

from actions.answer_action import AnswerAction
from actions.clients.errors import BackendRejected
from actions.clients.lokseva import LokSevaClient
from actions.complaints.categories import category_meant
from actions.complaints.photos import add_to_registered
from actions.lok_seva.citizen import application_for_files
from actions.lok_seva.documents import describe, received_file
from actions.lok_seva.submission import submit
from actions.lok_seva.updates import DOCUMENTS_SLOT
from actions.subject import APPLICATION as APPLICATION_SUBJECT
from actions.subject import COMPLAINT as COMPLAINT_SUBJECT
from actions.subject import recent_item
from actions.tasks.action import start_kind
from actions.tasks.kinds.complaint import ComplaintKind
from actions.tasks.state import Task
from actions.tasks.talk import Talk
from common.backend_call import BackendUnavailable

KIND = "documents"
PHOTO_FOLLOWS_WITHIN = 3  # the citizen's messages since the complaint was registered or shown
COMPLAINT = ComplaintKind.name


def _target(talk: Talk, recent: Optional[Dict[str, str]]) -> Optional[str]:
    """While the API is away only the application this conversation named can be trusted."""
    just_named = recent["id"] if recent and recent["kind"] == APPLICATION_SUBJECT else None
    try:
        found = application_for_files(LokSevaClient(), talk.sender_id, just_named)
    except (BackendUnavailable, BackendRejected):
        found = None
    return found or talk.slot(DOCUMENTS_SLOT)


class ActionTakeDocument(AnswerAction):
    def name(self) -> Text:
        return "action_take_document"

    def answer(self, talk: Talk, task: Optional[Task]) -> None:
        message = talk.message
        path = received_file(message)
        if path is None:
            talk.say("lok_seva.media_rejected.download_failed")
            return
        recent = recent_item(talk.tracker, PHOTO_FOLLOWS_WITHIN)
        if message.media_type == "image" and recent and recent["kind"] == COMPLAINT_SUBJECT:
            add_to_registered(talk, recent["id"])  # "photo bhi bhej du?" after registering it
            return
        if message.media_type == "image" and message.caption and category_meant(message.caption, None):
            start_kind(talk, COMPLAINT)  # a photo captioned "नाली जाम है": the complaint it shows
            return
        number = _target(talk, recent)
        if number is None:
            talk.dispatcher.utter_message(response="utter_media_received")
            return
        payload = {"application_id": number, "wa_id": talk.sender_id[:32], "files": [describe(path, message)]}
        message_id = message.whatsapp.get("message_id") or uuid.uuid4().hex
        submit(talk, KIND, payload, f"{KIND}-{message_id}")
        talk.set_slot(DOCUMENTS_SLOT, number)
