"""What an officer's change of a complaint brings the citizen besides the
new status: the officer's latest note and, once resolved, the after-photo and
the question whether the problem is really fixed (buttons: confirm -> rating,
or reopen). Supporters who joined the complaint get the same."""
from __future__ import annotations

from typing import Any, Mapping, Optional

from actions.complaints.backend import open311
from actions.complaints.content import buttons
from actions.complaints.views import extended, is_closed
from actions.tasks.talk import Talk


def after_photo(view: Mapping[str, Any]) -> Optional[str]:
    """The newest photo the department took of the fixed problem, if it can be linked."""
    photos = [photo for photo in extended(view).get("photos") or [] if photo.get("kind") == "after"]
    url = str(photos[-1].get("media_url") or "") if photos else ""
    return url if url.startswith(("http://", "https://")) else None


def tell_complaint_update(talk: Talk, number: str) -> None:
    """Raises BackendUnavailable/BackendRejected when the 311 system cannot tell more."""
    view = open311().request(number, talk.language)
    if view is None:
        return
    if view.get("status_notes"):
        talk.say("complaints.texts.latest_note", note=view["status_notes"])
    if not is_closed(view):
        return
    photo = after_photo(view)
    if photo:
        talk.dispatcher.utter_message(image=photo, key="complaints.after_photo")
    if extended(view).get("rating", "") is None:  # not rated yet
        talk.say("complaints.texts.ask_fixed", buttons=buttons("fixed_or_not", talk.language, complaint_id=number))
