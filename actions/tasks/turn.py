"""One turn of a task: what the citizen's message does to it, then what the
bot says next.

In order: a system message only brings the open question back; files and
pins go to the task's kind; a cancel word stops the task; an answer to the
confirmation submits or opens a change; a yes or no settles a value the bot
offered; then the message is read against every field (actions/tasks/reading):
answers to any field are taken, a change request reopens its field, and what
no field claims is the answer to the question asked if it reads as one.
A message that answers nothing and is plainly something else (an
information question, a status request, a language change, help, a request
for an officer) is answered first, then the open question is asked again.

No question is asked a third time unchanged: after two unusable answers the
bot explains with an example and offers a way out (skip if optional, an
officer, cancel). An optional question the citizen passes over is not asked
again.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional

from actions.clients.errors import BackendRejected
from actions.tasks.asking import (
    HELPED,
    MAX_ASKS_IN_A_ROW,
    ask,
    ask_again_or_help,
    button,
    help_with,
    name_of,
    resume,
    shown_in_a_row,
    turn_page,
)
from actions.tasks.fields import (
    CHOICE,
    CONFIRM,
    DATE,
    FREE_TEXT,
    LOCATION,
    MOBILE,
    NAME,
    NUMBER,
    SHAPED,
    TEXT,
    Field,
    skeleton,
)
from actions.tasks.kinds.base import CONFIRM_FIELD, TaskKind, shown_value
from actions.tasks.message import Message
from actions.tasks.reading import (
    FILES,
    FINISHED,
    SHORT_REPLY,
    VALUE_TEXT,
    WRITTEN,
    Reading,
    corrected_part,
    files_promised_later,
    is_question,
    meaningful,
    named_fields,
    not_at_hand,
    place_said_instead,
    promised_later,
    read,
    same_person,
    says_change,
    skips_files,
    speaker_is,
    strip_links,
    vague_place,
)
from actions.tasks.side_questions import SIDE_INTENTS, TASK_REQUESTS, answer_side_question, is_control
from actions.tasks.state import SKIPPED, Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid, PartChanged, a_year, written_as_name
from actions.texts import entry, pick
from common.backend_call import BackendUnavailable
from common.ids import fold_digits
from common.words import (
    after_leading,
    ends_with,
    leads_with,
    means,
    mentions,
    normalise,
    said_in_a_part,
    without_words,
    words_for,
)

CONFIDENT = 0.6  # an intent this sure, answering no field, is a side question
SURE_FOR_SHORT = 0.85  # a short free-text reply this sure of another intent is not an answer
SHORT = 3  # words
FILE_INTENTS = ("share_media", "share_media_rejected")
FILES_IN_A_ROW = "files_in_a_row"  # context flag: the last message was a file too
NOT_TYPED = ("voice_note", "sticker", "unsupported_message")


class Ended(Exception):
    """The task is over (submitted, cancelled or replaced): the slot is cleared."""


class EndedForAnother(Ended):
    """Cancelled for the request in the same message ("cancel karo, mujhe jati praman patra chahiye")."""


class _Handled(Exception):
    """The turn has said everything it needs to."""


def fields_of(kind: TaskKind, talk: Talk, task: Task) -> List[Field]:
    fields = kind.fields(talk, task)
    if kind.confirms(task) and all(task.answered(spec.name) for spec in fields):
        fields = fields + [CONFIRM_FIELD]
    return fields


# context: offered values the citizen answered around ("मोबाइल …, पता …" under "write the name as X?")
PASSED_OVER = "offers_passed_over"
SPEAKER = "speaker_is"  # context: the field of the person the citizen said they are
UNREAD = "unread"  # context: messages sent before the questions they answer existed
WITHOUT_YEAR = "date_without_year"  # context: field -> the day and month told without a year ("12 march")
KEPT_AT_MOST = 5


def open_field(kind: TaskKind, talk: Talk, task: Task) -> Optional[Field]:
    """The next question: in the task's order, but an offer the citizen passed over waits until the other
    questions are answered (before the documents and the summary)."""
    passed_over = task.context.get(PASSED_OVER, ())
    return min((spec for spec in fields_of(kind, talk, task) if not task.answered(spec.name)),
               key=lambda spec: 1 if spec.name in passed_over else 2 if spec.kind in FILES or spec.kind == CONFIRM
               else 0, default=None)


def asked_field(kind: TaskKind, talk: Talk, task: Task) -> Optional[Field]:
    fields = fields_of(kind, talk, task)
    return next((spec for spec in fields if spec.name == task.asking and not task.answered(spec.name)), None) \
        or open_field(kind, talk, task)


# --- taking values ---------------------------------------------------------------

def take(kind: TaskKind, talk: Talk, task: Task, spec: Field, value: Any) -> Optional[Invalid]:
    """Keeps the value unless the task's kind refuses it (and says why)."""
    if spec.kind in FILES and value == FINISHED:
        value = kind.files_value(task)
    value = kind.canonical(talk, task, spec, value)
    if spec.several and not isinstance(value, list):
        value = [value]  # one option tapped
    refusal = kind.accept(talk, task, spec, value)
    if refusal is None:
        task.values[spec.name] = value
        task.offer = None
    return refusal


def take_reading(kind: TaskKind, talk: Talk, task: Task, reading: Reading, asked: Optional[Field]) -> Dict[str, Any]:
    """The answers found anywhere in the message; refusals are kept in the reading for the reply."""
    taken: Dict[str, Any] = {}
    # in the order asked: a village is known before its khasra number is checked against it
    order = {spec.name: index for index, spec in enumerate(fields_of(kind, talk, task))}
    for name, value in sorted(reading.found.items(), key=lambda item: order.get(item[0], len(order))):
        # fields appear as others are answered (a service's questions): looked up afresh each time
        spec = next((spec for spec in fields_of(kind, talk, task) if spec.name == name), None)
        given = task.answered(name) and task.values[name] is not SKIPPED  # a passed-over question takes it
        if spec is None or (name in reading.passing and given and (asked is None or asked.name != name)
                            and not _taken_back(talk, task, spec)):
            continue  # an answer is changed by saying so, not by naming another option in passing
        before = task.values.get(name, _UNSET)
        if isinstance(value, PartChanged):
            written = "" if before in (_UNSET, SKIPPED) else _as_written(spec, before, talk.language)
            value = value.applied_to(written)
            if spec.kind not in WRITTEN:
                value = read(value, [spec], spec, talk.today).asked_value  # "5 din ho gye": 5
                if value is None or isinstance(value, Invalid):
                    continue
        refusal = take(kind, talk, task, spec, value)
        if refusal is not None:
            reading.invalid[name] = refusal
            continue
        taken[name] = task.values[name]
        if before is not _UNSET and before not in (task.values[name], SKIPPED) \
                and name != (asked.name if asked else None):
            talk.say("tasks.updated", label=pick(spec.label, talk.language),
                     value=shown_value(spec, task.values[name], talk.language))
    for name in reading.skipped:
        if name not in task.values:
            task.values[name] = SKIPPED
            taken[name] = SKIPPED
    speaker, own_name = speaker_is(talk.message.typed, fields_of(kind, talk, task))
    if speaker:
        task.context[SPEAKER] = speaker  # "मैं दुल्हन हूँ" before either name is known: kept for when one is
    person = next((spec for spec in fields_of(kind, talk, task) if spec.name == speaker), None)
    if person is not None and own_name and not task.answered(speaker) \
            and take(kind, talk, task, person, own_name) is None:
        taken[speaker] = own_name  # "main Anita Garwal uski mummy": the mother's name, and so the applicant's
    taken.update(_same_person_named(kind, talk, task))
    taken.update(_read_what_was_kept(kind, talk, task))
    return taken


NAMING_WORD = 4  # letters: a word of an option's names this long names it when taken back ("dustbin")


def _taken_back(talk: Talk, task: Task, spec: Field) -> bool:
    """"अरे माफ़ कीजिए, गलत बोल दिया, … पानी भरा है": the citizen takes back the answer given last, or the one
    whose option they name as said wrongly ("sorry galti se dustbin bola, asal me malba pada hai")."""
    if not mentions(talk.message.typed, "said_wrong"):
        return False
    given = [answered for answered, value in task.values.items() if value is not SKIPPED]
    held = spec.choice(task.values[spec.name]) if isinstance(task.values.get(spec.name), str) else None
    said = set(normalise(talk.message.typed).split())
    named = held is not None and any(len(word) >= NAMING_WORD and word in said
                                     for name in held.names() for word in name.split())
    return (bool(given) and given[-1] == spec.name) or named


def keep_to_read_later(kind: TaskKind, task: Task, text: str) -> None:
    """"Need to register my son's birth. His name is Kabir…" before the service is known: the details
    are kept and read once the service's questions exist (nothing a citizen said is lost)."""
    if kind.questions_pending(task) and meaningful(text):
        task.context[UNREAD] = [*task.context.get(UNREAD, []), text][-KEPT_AT_MOST:]


def _read_what_was_kept(kind: TaskKind, talk: Talk, task: Task) -> Dict[str, Any]:
    if kind.questions_pending(task) or not task.context.get(UNREAD):
        return {}
    taken: Dict[str, Any] = {}
    for text in task.context.pop(UNREAD):
        open_now = [spec for spec in fields_of(kind, talk, task) if not task.answered(spec.name)]
        for name, value in read(text, open_now, None, talk.today).found.items():
            spec = next(spec for spec in open_now if spec.name == name)
            if not isinstance(value, PartChanged) and take(kind, talk, task, spec, value) is None:
                taken[name] = task.values[name]
    return taken


def _same_person_named(kind: TaskKind, talk: Talk, task: Task) -> Dict[str, Any]:
    """"I am the father": once the applicant's name or the father's is known, the other is the same."""
    speaker = task.context.get(SPEAKER)
    fields = fields_of(kind, talk, task)
    taken: Dict[str, Any] = {}
    for name, value in (same_person(fields, task.values, speaker) if speaker else {}).items():
        spec = next(spec for spec in fields if spec.name == name)
        if take(kind, talk, task, spec, value) is None:
            taken[name] = task.values[name]
    return taken


_UNSET = object()


QUESTION_CONFIDENT = 0.4  # a question ("iska kitna paisa lagega?") needs less certainty to be one


def _asks(message: Message) -> bool:
    return mentions(message.typed, "question_words") or message.typed.endswith("?")


COURTESIES = frozenset({"thank", "greet", "bot_challenge"})
REQUEST_ENTITIES = ("service", "complaint_category", "application_id", "complaint_id")


def _names_a_request(message: Message) -> bool:
    """A service, a problem, a number or a request's word: "aap log aake dekh lo na" reads as a request to
    the NLU but names none."""
    return any(message.entity(name) for name in REQUEST_ENTITIES) or any(
        mentions(message.typed, key) for key in ("application_words", "complaint_words", "request_words"))


def _is_side_question(message: Message) -> bool:
    if message.intent == "goodbye":  # "will send it later" is no goodbye: only a few words of leave-taking are
        return message.says("goodbye_words")
    if message.intent == "thank" and not _thanks_in(message.typed):
        return False  # "सीता भूरिया" asked the name: an answer, whatever it sounded like
    if message.intent in TASK_REQUESTS and not _names_a_request(message):
        return False
    return message.intent in SIDE_INTENTS and message.confidence >= (QUESTION_CONFIDENT if _asks(message) else CONFIDENT)


def _thanks_in(typed: str) -> bool:
    """A word of thanks, as written or by its sound ("धन्यबाद")."""
    listed = words_for("thank_words")
    sounds = {skeleton(word) for word in listed} - {""}
    return any(word in listed or skeleton(word) in sounds for word in normalise(typed).split()) or "🙏" in typed


def _side_question(message: Message, asked: Optional[Field]) -> bool:
    """A question beside the form; "ye kitne din me ban jayega?" is one whatever the NLU made of it (not
    at a question of a number of days, which it may answer)."""
    how_long = _asks(message) and mentions(message.typed, "when_words") and asked is not None \
        and asked.kind != NUMBER and not any(ch.isdigit() for ch in fold_digits(message.typed))
    return how_long or _is_side_question(message)


HOLD_ON_WORDS = 4  # "ek minute ruko": a few words asking to wait, and no answer among them
SENDING_WORDS = 8  # "wait, I'll send the exact spot": the answer is coming in the next message


def _holds_on(kind: TaskKind, talk: Talk, task: Task) -> bool:
    """"ruko", "ek minute ruko", "wait a min": the citizen is looking something up."""
    message = talk.message
    if message.says("hold_on"):
        return True
    words = len(message.typed.split())
    if words <= HOLD_ON_WORDS and mentions(message.typed, "hold_on"):
        rest = message.typed
    elif words <= SENDING_WORDS and mentions(message.typed, "sending_soon"):
        rest = without_words(message.typed, "sending_soon")  # "location bhej raha hu": no place named "bhej"
    else:
        return False
    return not read(rest, fields_of(kind, talk, task), None, talk.today).found


DONT_KNOW_WORDS = 5  # "पिन कोड पता नहीं": short enough to be only that


def _does_not_know(message: Message) -> bool:
    """"पता नहीं", "pin code pata nahi", "कितने दिन से, याद नहीं, काफी दिन हो गए" (a part of its own says it)."""
    return message.says("dont_know") or (
        len(message.typed.split()) <= DONT_KNOW_WORDS and mentions(message.typed, "dont_know")) \
        or any(means(part, "dont_know") for part in re.split(r"[,;।!?]", message.typed))


def _names_another_item(kind: TaskKind, message: Message) -> bool:
    """An application or complaint number in the middle of a task asks about that item."""
    return bool(message.tracking_number("application_id") or message.tracking_number("complaint_id")) \
        and not kind.takes_numbers


def _same_request(kind: TaskKind, message: Message) -> bool:
    """"नई शिकायत दर्ज करो" in the middle of a complaint is more of the same, not another request."""
    from actions.tasks.kinds import kind_for
    other = kind_for(message) if message.intent in TASK_REQUESTS else None
    return other is kind


def _reads_as_answer(talk: Talk, kind: TaskKind, spec: Field) -> bool:
    """Free text is taken only when the message is not plainly something else."""
    message = talk.message
    typed = message.typed
    if not meaningful(typed):
        return False  # "हम्म", "ok", "🙏": nothing said
    if message.intent in COURTESIES and message.confidence >= CONFIDENT and not message.entity("location") \
            and (message.intent != "thank" or _thanks_in(typed)):
        return False  # "thank you so much sir" is no address; "विजय नगर, मंगल सिटी के पीछे" read as a greeting is
    if _asks(message):
        return False  # "where is the office?" asked the place of birth: a question, whatever it is about
    if mentions(typed, "urge") or message.says("yes") or message.says("no"):
        return False
    if not spec.required and mentions(typed, "skip"):
        return False  # "padosiyo ke naam nhi pta, skip kr do": nothing to give
    if (spec.kind in FREE_TEXT and message.entity("location")) or _attempted(spec, typed):
        return True
    if _same_request(kind, message):
        return True
    short = len(typed.split()) <= SHORT
    # "Deepak Solanki" asked the name, read as a complaint (0.97): a request that names nothing is no request
    side = message.intent in SIDE_INTENTS and (message.intent not in TASK_REQUESTS or _names_a_request(message))
    return not (side and short and message.confidence >= SURE_FOR_SHORT)


def _year_of_the_date(talk: Talk, task: Task, reading: Reading, asked: Optional[Field]) -> None:
    """"12 march ko" asks which year; "2025" then completes the date. A day and month told without their
    year are kept (for any date field) until a year comes for them."""
    kept = task.context.setdefault(WITHOUT_YEAR, {})
    year = a_year(talk.message.typed, talk.today)
    if asked is not None and asked.kind == DATE and asked.name in kept and year and asked.name not in reading.found:
        completed = read(f"{kept.pop(asked.name)}-{year}", [asked], asked, talk.today).asked_value
        reading.invalid.pop(asked.name, None)
        if isinstance(completed, Invalid):
            reading.invalid[asked.name] = completed  # "29-02" of a year without it, or a date yet to come
        elif completed is not None:
            reading.found[asked.name] = completed
    told = {**reading.invalid, **({asked.name: reading.asked_value} if asked is not None else {})}
    kept.update({name: value.params["day_month"] for name, value in told.items()
                 if isinstance(value, Invalid) and value.code == "date_needs_year"})
    if not kept:
        task.context.pop(WITHOUT_YEAR)


def _asked_answer(talk: Talk, kind: TaskKind, reading: Reading, spec: Field) -> Any:
    """The asked field's value read from the unclaimed words, or an Invalid, or None."""
    value = reading.asked_value
    if spec.kind in FREE_TEXT or spec.kind == NAME:
        # "nahi mummy ka naam …", "nahi nahi naam …": the "nahi" left over from a correction is no address
        if value is None or not _reads_as_answer(talk, kind, spec) \
                or (isinstance(value, str) and not meaningful(without_words(value, "no"))):
            return None
    return value


WHY_WORDS_AT_MOST = 10  # a longer message with "kyu" says more than "why is this asked?"


def _asks_why(message: Message, asked: Field) -> bool:
    """"ye kyu puch rahe ho?", "why do you need my name?": why the question is asked (a "why" about the
    Aadhaar number is a privacy question; at a description it may be the complaint itself)."""
    account = asked.kind == TEXT and (asked.max_length or 0) > VALUE_TEXT
    return mentions(message.typed, "why_words") and message.intent != "privacy" and asked.kind != CONFIRM \
        and not account and len(message.typed.split()) <= WHY_WORDS_AT_MOST \
        and not any(ch.isdigit() for ch in message.typed)


def _attempted(asked: Optional[Field], typed: str) -> bool:
    """A reply that tried to answer: digits to a question of numbers ("98765 4321" is a wrong mobile), a
    place too vague to find to the place asked ("मेरे घर के पास ही है", though it reads as home delivery),
    a time too vague to date to the date asked ("holi ke kuch din baad", though it reads as out of scope)."""
    return asked is not None and ((asked.kind in SHAPED and any(ch.isdigit() for ch in fold_digits(typed)))
                                  or (asked.kind == LOCATION and vague_place(typed))
                                  or (asked.kind == DATE and mentions(typed, "vague_time_words")))


# --- the turn ----------------------------------------------------------------------

def continue_task(kind: TaskKind, talk: Talk, task: Task) -> None:
    """Raises Ended when the task is over."""
    message = talk.message
    asked = asked_field(kind, talk, task)
    control = message.entity("do")
    picked = message.entity("field")
    if message.from_system or control == "continue":
        resume(kind, talk, task, asked)
        return
    if message.intent in FILE_INTENTS or message.pin:
        kind.take_file_or_pin(talk, task, asked)
        if not (message.pin and asked is not None and not task.answered(asked.name)):
            task.times_asked = 0  # a photo after a photo is progress; a pin refused (another city) is not
        if asked is not None and asked.kind not in FILES and message.file_id and (
                task.context.get(FILES_IN_A_ROW) or shown_in_a_row(task, asked.name) >= MAX_ASKS_IN_A_ROW):
            # the question stands just above: more files in a row, or a file after the question was shown
            # twice already, are only acknowledged (the question is not shown a third time in a row)
            task.context[FILES_IN_A_ROW] = True
            return
        task.context[FILES_IN_A_ROW] = bool(message.file_id)
        ask_next(kind, talk, task)
        return
    task.context.pop(FILES_IN_A_ROW, None)
    if message.intent in NOT_TYPED:
        talk.say("tasks.voice_note" if message.intent == "voice_note" else "general.not_typed")
        if asked is not None and (shown_in_a_row(task, asked.name) >= MAX_ASKS_IN_A_ROW
                                  or task.context.get(HELPED) == asked.name):
            help_with(kind, talk, task, asked)  # not a third time the same, nor after its help: with its ways out
            return
        resume(kind, talk, task, asked, counts=False)  # a voice note or a sticker: not typed, not a wrong answer
        return
    leads_with_cancel = leads_with(message.typed, "cancel")  # "cancel karo, mujhe jati praman patra chahiye": below
    if control == "cancel" or message.says("cancel") or (said_in_a_part(message.typed, "cancel") and not leads_with_cancel) \
            or mentions(message.typed, "not_wanted") \
            or (mentions(message.typed, "done_elsewhere") and ends_with(message.typed, "skip")):
        cancel(kind, talk, task)
    if leads_with_cancel:
        # "cancel karo, galti se bola, mujhe jati praman patra chahiye tha": the other service is started
        asks_another = message.entity("service") not in (None, kind.service_of(task)) \
            and mentions(message.typed, "asking_words")
        cancel(kind, talk, task, for_another=asks_another or (
            message.intent in TASK_REQUESTS and not _same_subject(kind, task, message)))
    if control == "more" and asked is not None:
        turn_page(task, asked)
        task.times_asked = 0
        ask(kind, talk, task, asked)
        return
    if picked and message.intent == "inform" and message.entity("value") is None and control is None:
        _reopen(kind, talk, task, str(picked))  # a field chosen from "what would you like to change?"
        return
    if asked is not None and asked.required and asked.kind not in (*FILES, CONFIRM) \
            and _files_put_off(kind, talk, task, asked):
        return
    # "pta bad me btata hu" puts this question off; "I'll bring the documents later" another one
    later = asked is not None and asked.kind not in (*FILES, CONFIRM) and promised_later(message.typed) \
        and not set(named_fields(message.typed, fields_of(kind, talk, task))) - {asked.name}
    if asked is not None and asked.kind != CONFIRM and message.says("not_understood"):
        help_with(kind, talk, task, asked)  # "समझा नहीं": the question explained, not refused as an answer
        return
    if asked is not None and (_holds_on(kind, talk, task) or (later and asked.required)):
        talk.say("tasks.take_your_time")  # "ruko", "ek min", "pta bad me btata hu": no answer, the question waits
        resume(kind, talk, task, asked, counts=False)  # waiting: the question does not give way to another
        return
    if asked is not None and later:
        task.values[asked.name] = SKIPPED  # "baad me bataungi" to an optional question: passed over
        ask_next(kind, talk, task)
        return
    if asked is not None and _asks_why(message, asked):
        # "why do you need my address?" asked the mobile: the address's reason
        fields = fields_of(kind, talk, task)
        names = set(named_fields(message.typed, fields)) - {asked.name}
        named = [spec for spec in fields if spec.name in names]
        about = (named[0] if len(named) == 1 else asked).short_name
        talk.say(f"tasks.why_asked.{about if about in entry('tasks', 'why_asked') else 'default'}")
        resume(kind, talk, task, asked)
        return
    if asked is not None and asked.kind == CONFIRM:
        _confirmation(kind, talk, task)
        return
    if asked is not None and _settles_offer_or_step(kind, talk, task, asked, control):
        ask_next(kind, talk, task, submit_now=mentions(message.typed, "submit"))
        return
    if is_control(message) or _names_another_item(kind, message):
        answer_side_question(kind, talk, task)
        return
    if asked is not None and _does_not_know(message):
        # "don't know the pole number" asked another question: that one is left, this one stays
        fields = fields_of(kind, talk, task)
        unknown = [name for name in named_fields(message.typed, fields) if name != asked.name]
        optional = {spec.name for spec in fields if not spec.required}
        if unknown and all(name in optional for name in unknown):
            task.values.update({name: SKIPPED for name in unknown if not task.answered(name)})
            resume(kind, talk, task, asked)
            return
        if not asked.required:  # "खंभे का नंबर पता नहीं": nothing to give, the question is left
            task.values[asked.name] = SKIPPED
            ask_next(kind, talk, task)
            return
        help_with(kind, talk, task, asked)  # the citizen cannot answer: explain it and offer the ways out
        return
    files_step = next((spec for spec in fields_of(kind, talk, task) if spec.kind in FILES), None)
    if files_step is not None and task.files and not task.answered(files_step.name) and message.says("done"):
        task.values[files_step.name] = kind.files_value(task)  # "bas ho gaya" after sending documents
        if asked is not None and not asked.required and asked is not files_step:
            task.values[asked.name] = SKIPPED  # the citizen is done: an optional question is passed over
        ask_next(kind, talk, task)
        return
    _read_answers(kind, talk, task, asked)


SHORT_REPEAT = 6  # words: "I am his son" repeats an answer; a longer message may tell more (kept by the kind)


def _read_answers(kind: TaskKind, talk: Talk, task: Task, asked: Optional[Field]) -> None:
    message = talk.message
    picked = message.entity("field")
    offered = task.offer.get("field") if task.offer else None  # taking any answer clears the offer
    answered_before = set(task.values)
    given_before = {name for name, value in task.values.items() if value is not SKIPPED}
    keep_to_read_later(kind, task, message.typed)
    reading = _read(kind, talk, task, fields_of(kind, talk, task), asked)
    if reading.unclear:
        _ask_which_answer(kind, talk, task, reading.unclear)
        return
    reading = _whole_answer_beside_repeats(kind, talk, task, reading, asked) or reading
    _year_of_the_date(talk, task, reading, asked)
    if picked and message.entity("value") is not None:
        reading.found[str(picked)] = message.entity("value")  # a button of the field's options
    elif not reading.found and _asks(message) and _side_question(message, asked) and not _same_request(kind, message):
        _nothing_taken(kind, talk, task, asked, reading)  # "income certificate ka process batao?" asked, not answered
        return
    add_entity_answers(kind, talk, task, reading, kind.entity_fields)
    taken = take_reading(kind, talk, task, reading, asked)
    if asked is not None and asked.name not in taken and asked.name not in reading.invalid:
        # beside other answers, filler words ("mera ... aur", "पहले ये सुधार दो") do not answer the question asked
        value = _asked_answer(talk, kind, reading, asked) if not taken or asked.kind not in (*FREE_TEXT, NAME) \
            or (meaningful(reading.rest) and not says_change(reading.rest)
                and (asked.kind != NAME or written_as_name(reading.rest))) else None
        repeats_only = not taken and reading.found and not reading.invalid and not meaningful(reading.rest) \
            and len(message.typed.split()) <= SHORT_REPEAT and all(task.answered(name) for name in reading.found)
        if isinstance(value, Invalid) and repeats_only:
            resume(kind, talk, task, asked)  # "I am his son" once more: known already, no wrong answer to the question
            return
        if isinstance(value, Invalid):
            reading.invalid[asked.name] = value
        elif value is not None:
            refusal = take(kind, talk, task, asked, value)
            if refusal is None:
                taken[asked.name] = task.values[asked.name]
            else:
                reading.invalid[asked.name] = refusal
    if reading.change:
        _reopen(kind, talk, task, reading.change)
        return
    if taken:
        new_answers = bool(set(taken) - answered_before)  # a correction alone passes no question over
        if asked is not None and new_answers and not task.answered(asked.name):
            if offered == asked.name and asked.name not in task.context.get(PASSED_OVER, ()):
                task.context.setdefault(PASSED_OVER, []).append(asked.name)
            elif not asked.required and asked.kind not in FILES:
                task.values[asked.name] = SKIPPED  # passed over: an optional question is not asked again (files may come)
        # a changed answer was told as changed ("tasks.updated"); only the new ones are noted
        _noted(kind, talk, task, {name: value for name, value in taken.items() if name not in given_before}, asked)
        year_wanted = next((name for name, why in reading.invalid.items() if why.code == "date_needs_year"), None)
        if year_wanted is not None:  # "बेटी का जन्म 12 मार्च को": the gender noted, and which year asked now
            talk.say(reading.invalid[year_wanted].text_key, **reading.invalid[year_wanted].params)
            ask(kind, talk, task, next(spec for spec in fields_of(kind, talk, task) if spec.name == year_wanted))
            return
        ask_next(kind, talk, task, progressed=True)
        return
    _nothing_taken(kind, talk, task, asked, reading)


def _repeats(known: Any, value: Any) -> bool:
    """A value the answer already holds: the same, or words of it ("ग्राम कालीदेवी" of "फलिया नीचला, ग्राम कालीदेवी")."""
    return known == value or (isinstance(known, str) and isinstance(value, str) and value.casefold() in known.casefold())


def _whole_answer_beside_repeats(kind: TaskKind, talk: Talk, task: Task, reading: Reading,
                                 asked: Optional[Field]) -> Optional[Reading]:
    """"घर पर ही, ग्राम मदरानी में" asked the place of death, the address being ग्राम मदरानी: the words the
    address repeats are part of the one free-text answer the message gives (the asked one, or the only other)."""
    repeated = [name for name, value in reading.found.items() if name in task.values
                and _repeats(task.values[name], value)]
    new = [name for name in reading.found if name not in repeated and (asked is None or name != asked.name)]
    if not repeated or says_change(talk.message.typed) or len(new) > 1:
        return None
    by_name = {spec.name: spec for spec in fields_of(kind, talk, task)}
    target = by_name.get(new[0]) if new else asked
    if target is None or target.kind not in FREE_TEXT:
        return None
    alone = read(talk.message.typed, [target], target, talk.today)
    value = alone.found.get(target.name, alone.asked_value)
    return Reading(found={target.name: value}) if value is not None and not isinstance(value, Invalid) else None


def _as_written(spec: Field, value: Any, language: str) -> str:
    """An answer as the citizen wrote it, for a correction of a part of it: as summaries show it, but a
    mobile number whole ("47 nahi 74" may correct any of its digits; summaries show the last four)."""
    return str(value) if spec.kind == MOBILE else shown_value(spec, value, language)


def _read(kind: TaskKind, talk: Talk, task: Task, fields: List[Field], asked: Optional[Field]) -> Reading:
    """The message read against the task's fields; a short "Ranapur nahi Rajpur" only changes the answer that
    holds "Ranapur", whatever was asked (or asks which, when several do)."""
    written = {spec.name: (spec, _as_written(spec, task.values[spec.name], talk.language)) for spec in fields
               if task.answered(spec.name) and task.values[spec.name] != SKIPPED}
    changes = corrected_part(talk.message.typed, list(written.values()), talk.today)
    if len(changes) == 1:
        return Reading(found=dict(changes))
    place = next((spec for spec, _ in written.values() if spec.kind == LOCATION), None)
    instead = place_said_instead(talk.message.typed) if place is not None else None
    if place is not None and instead:
        return Reading(found={place.name: instead})  # "sorry, wrong pin, it is behind Khajrana temple"
    reading = read(talk.message.typed, fields, asked, talk.today, named=written)
    if is_question(talk.message.typed) and not says_change(talk.message.typed):
        # "tehsil office kab khulta h?": a question's words change no answer given ("tehsil" cues the address)
        reading.found = {name: value for name, value in reading.found.items() if name not in written}
    own_name_written_out(kind, talk, task, fields, reading)
    if changes and not set(reading.found) & set(changes):  # "पति के नाम में …, भूरिया नहीं डामोर": the cue says which
        return Reading(unclear={name: change.applied_to(written[name][1]) for name, change in changes.items()})
    return reading


def own_name_written_out(kind: TaskKind, talk: Talk, task: Task, fields: List[Field], reading: Reading) -> None:
    """"Old age pension for me, Jhitri Bai Damor" from the WhatsApp profile "Jhitri Bai": a part of the
    message that is a name holding the profile's name is the applicant's own, written out."""
    applicant = next((spec for spec in fields if spec.kind == NAME and spec.short_name == "name"), None)
    if applicant is None or task.answered(applicant.name) or applicant.name in reading.found:
        return
    offered = kind.offer(talk, task, applicant)
    profile = {word.casefold() for word in str(offered[0]).split()} if offered else set()
    parts = [part.strip(" .") for part in re.split(r"[,;।\n]", reading.rest)]
    name = next((part for part in parts if profile and written_as_name(part)
                 and profile <= {word.casefold() for word in part.split()}), None)
    if name is not None:
        reading.found[applicant.name] = name
        reading.rest = ", ".join(part for part in parts if part and part != name)


def _ask_which_answer(kind: TaskKind, talk: Talk, task: Task, unclear: Mapping[str, Any]) -> None:
    """"रामा नहीं, रानापुर" when the address and the place of marriage both say रामा: a button for each,
    carrying that answer as changed."""
    by_name = {spec.name: spec for spec in fields_of(kind, talk, task)}
    talk.say("tasks.which_answer", buttons=[
        {"title": pick(by_name[name].label, talk.language)[:24],
         "payload": talk.payload("inform", field=name, value=value)}
        for name, value in unclear.items()])


def _nothing_taken(kind: TaskKind, talk: Talk, task: Task, asked: Optional[Field], reading: Reading) -> None:
    message = talk.message
    why = reading.invalid.get(asked.name) if asked is not None else None
    other = next((spec for spec in fields_of(kind, talk, task) if spec.name in reading.invalid
                  and (asked is None or spec.name != asked.name)), None)
    if why is None and other is not None:
        # "date of birth 12-12-2031" while asked the mobile: what is wrong with it, and that question
        spec = other
        refusal = reading.invalid[spec.name]
        talk.say(refusal.text_key, **refusal.params)
        ask(kind, talk, task, spec)
        return
    if kind.explain_unmatched(talk, task, asked, why):  # the kind knows better than the NLU ("vidhwa pension")
        resume(kind, talk, task, asked)
        return
    side = _side_question(message, asked) and not _same_request(kind, message)
    if side and not (why is not None and _attempted(asked, message.typed)):
        answer_side_question(kind, talk, task)
        return
    if asked is not None and not asked.required and (
            message.says("yes") or message.says("done") or mentions(message.typed, "submit")
            # "poori gali me pani nahi h, …" at the photo step describes the problem: no skip of the photo
            or (skips_files(message.typed) if asked.kind in FILES else mentions(message.typed, "skip"))):
        task.values[asked.name] = SKIPPED  # "ok, submit": nothing more to say here
        ask_next(kind, talk, task, submit_now=mentions(message.typed, "submit"))
        return
    if asked is not None and asked.required and asked.kind != CONFIRM and (
            mentions(message.typed, "submit") or message.says("yes") or message.says("done")):
        # "haan jama karo" before all is answered: what is missing, not "that is no name"
        still_needed = Invalid("still_needed", {"label": pick(asked.label, talk.language)}, key="tasks.still_needed")
        ask_again_or_help(kind, talk, task, asked, still_needed)  # asked a third time: explained, with the ways out
        return
    if mentions(message.typed, "urge"):
        answer_side_question(kind, talk, task)
        return
    if asked is not None and kind.keep_unmatched(talk, task, asked):
        ask_next(kind, talk, task)
        return
    if asked is not None:
        ask_again_or_help(kind, talk, task, asked, why)


def add_entity_answers(kind: TaskKind, talk: Talk, task: Task, reading: Reading,
                       entity_fields: Mapping[str, str]) -> None:
    """Entities the NLU found for fields (a service, a complaint category), if no cue said otherwise."""
    names = {spec.name for spec in fields_of(kind, talk, task)}
    for entity, name in entity_fields.items():
        value = talk.message.entity(entity)
        if isinstance(value, str):
            value = strip_links(value)
        if value and name in names and name not in reading.found and not task.answered(name):
            reading.found[name] = value


def _noted(kind: TaskKind, talk: Talk, task: Task, taken: Dict[str, Any], asked: Optional[Field]) -> None:
    """Several answers at once, or one the bot did not ask for: say what was noted."""
    by_name = {spec.name: spec for spec in fields_of(kind, talk, task)}
    given = [name for name, value in taken.items() if value is not SKIPPED and name in by_name]
    if len(given) > 1 or (given and asked is not None and given != [asked.name]):
        talk.say("tasks.noted", fields=", ".join(pick(by_name[name].label, talk.language) for name in given))


PLAIN_WORDS = 2  # a yes or a no from the NLU alone counts only for a reply this short ("haan ji", "nahi")


def _plain(message: Message, intent: str, words: str) -> bool:
    """A plain yes (or no): a button, one of the words for it, or a short reply the NLU reads so;
    "naam Neha Chouhan" is a name, whatever the NLU makes of it."""
    if message.says(words):
        return True
    return message.intent == intent and (message.is_payload or (
        message.confidence >= CONFIDENT and len(message.typed.split()) <= PLAIN_WORDS))


AGREEING_WORDS = 4  # "yes that place", "haan wahi jagah": a yes with a few words about the offer


def _agrees(message: Message) -> bool:
    """A reply that adds no value of its own to the offer: only words that agree with it ("इसी नंबर पर"),
    or a yes with a few words or with such words ("ha whatsapp wala number hi le lo")."""
    words = message.typed.split()
    if not words or any(ch.isdigit() for ch in message.typed):
        return False
    if not leads_with(message.typed, "yes"):  # "?" or "🙏" alone agrees with nothing
        return mentions(message.typed, "offer_agreeing") and not meaningful(without_words(message.typed, "offer_agreeing"))
    # "हाँ यही नंबर ठीक है": a yes, words that agree, and another yes
    rest = without_words(without_words(after_leading(message.typed, "yes"), "offer_agreeing"), "yes")
    return len(words) <= AGREEING_WORDS or len(words) <= CONFIRMING_WORDS and not meaningful(rest)


CONFIRMING_WORDS = 8  # "haan ji sab sahi hai", "yes that's all correct": a yes said at more length


def _all_correct(message: Message) -> bool:
    """At the summary, a yes with words that only agree (no digits, no "no", no change asked for)."""
    return len(message.typed.split()) <= CONFIRMING_WORDS and leads_with(message.typed, "yes") \
        and not any(ch.isdigit() for ch in message.typed) and not mentions(message.typed, "no") \
        and not says_change(message.typed)


def _settles_offer_or_step(kind: TaskKind, talk: Talk, task: Task, asked: Field, control: Optional[str]) -> bool:
    """A yes/no to a value the bot offered, a skip, or the end of a files step; True when settled."""
    message = talk.message
    if task.offer and task.offer.get("field") == asked.name:
        detail = after_leading(message.typed, "yes", "same_place") if leads_with(message.typed, "yes") else ""
        if detail and not meaningful(detail):
            detail = ""
        if not (asked.kind == LOCATION and detail) and (_plain(message, "affirm", "yes") or _agrees(message)):
            take(kind, talk, task, asked, task.offer["value"])
            return True
        if asked.kind == LOCATION and detail and not _asks(message):  # "haan wahi, Geeta Bhawan ke paas": more exactly
            # "… के पीछे वाली गली. रात को पूरी बंद रहती है, खंभे पर 56": the other answers are not the place
            reading = read(detail, fields_of(kind, talk, task), asked, talk.today)
            place = reading.asked_value if isinstance(reading.asked_value, str) and reading.asked_value else detail
            offered = dict(task.offer["value"])
            known = offered.get("address") or ""
            # "yes, 12 Tilak Path" to "Tilak Path": the detail says it all; else the two together
            offered["address"] = place if normalise(known) in normalise(place) else f"{known}, {place}".strip(", ")
            take(kind, talk, task, asked, offered)
            reading.found.pop(asked.name, None)
            _noted(kind, talk, task, take_reading(kind, talk, task, reading, asked), asked)
            return True
        if control == "other" or _plain(message, "deny", "no"):
            task.offer = None
            task.context.setdefault("declined_offers", []).append(asked.name)
            return True
    if asked.kind in FILES:
        # "surname galat ho gaya, Bhabor नहीं Bhabar" mentions "ho gaya" but corrects an answer
        finished = control in ("done", "skip") or any(message.says(key) for key in ("done", "skip")) \
            or _plain(message, "affirm", "yes") or _plain(message, "deny", "no") \
            or ((any(mentions(message.typed, key) for key in ("done", "submit"))
                 or skips_files(message.typed))  # not "pani nahi h, …"
                and not _read(kind, talk, task, fields_of(kind, talk, task), asked).found)
        if finished:
            task.values[asked.name] = kind.files_value(task)
        return finished
    wants_skip = control == "skip" or message.says("skip") or (not asked.required and (
        _no_to_the_question(message, asked) or ((_plain(message, "deny", "no") or not_at_hand(message.typed))
                                                and not _answers_another(kind, talk, task, asked))))
    if wants_skip:
        if asked.required:
            talk.say("tasks.required")
            _ask_stop(kind, talk, task)
            raise _Handled()
        task.values[asked.name] = SKIPPED
        return True
    return False


def _no_to_the_question(message: Message, asked: Field) -> bool:
    """"no, no pole number", "nahi, number nahi hai": a no whose other words only name what was asked (to a
    question of options, "no, water is not collected" answers it)."""
    if asked.kind == CHOICE or not leads_with(message.typed, "no"):
        return False
    named = {normalise(word) for text in (*asked.label.values(), *asked.question.values(), *asked.cues)
             for word in re.findall(r"[\w\u0900-\u097F]+", text)}
    return not meaningful(" ".join(word for word in without_words(message.typed, "no").split()
                                   if normalise(word) not in named))


def _answers_another(kind: TaskKind, talk: Talk, task: Task, asked: Field) -> bool:
    """"no photo" asked the kind of garbage: a no to the photo, not to this question."""
    others = [spec for spec in fields_of(kind, talk, task) if spec.name != asked.name]
    reading = read(talk.message.typed, others, None, talk.today)
    return bool(reading.found or reading.skipped)


def _ask_stop(kind: TaskKind, talk: Talk, task: Task) -> None:
    talk.say("tasks.stop_or_continue", task=name_of(task, talk.language), buttons=[
        button(talk, "tasks.buttons.stop", "deny", do="cancel"),
        button(talk, "tasks.buttons.continue", "inform", do="continue"),
    ])


def _confirmation(kind: TaskKind, talk: Talk, task: Task) -> None:
    message = talk.message
    control = message.entity("do")
    # "bas", "ho gaya" agree; "no more", "aur nahi" (nothing more to add?) are no consent to submit
    finished = message.says("done") and not mentions(message.typed, "no")
    if control == "submit" or (control is None and (_plain(message, "affirm", "yes") or _agrees(message)
                                                    or _all_correct(message)
                                                    or finished or mentions(message.typed, "submit"))):
        submit(kind, talk, task)
    if files_promised_later(message.typed):
        _waits(kind, talk, task, "tasks.files_later")  # "parchi bad me": files can follow the submission
        return
    reading = _read(kind, talk, task, kind.fields(talk, task), None)
    if reading.unclear:
        _ask_which_answer(kind, talk, task, reading.unclear)
        return
    taken = take_reading(kind, talk, task, reading, None)
    if reading.change:
        _reopen(kind, talk, task, reading.change)
        return
    if taken:
        ask(kind, talk, task, open_field(kind, talk, task))
        return
    if control == "change" or _plain(message, "deny", "no") or _says_no_to_the_summary(message.typed):
        _what_to_change(kind, talk, task)
        return
    if kind.keep_unmatched(talk, task, CONFIRM_FIELD):
        resume(kind, talk, task, CONFIRM_FIELD, counts=False)  # the summary again, with the words kept
        return
    if _is_side_question(message):
        answer_side_question(kind, talk, task)
        return
    if promised_later(message.typed):
        _waits(kind, talk, task, "tasks.take_your_time")  # "baad me": the summary waits
        return
    ask_again_or_help(kind, talk, task, CONFIRM_FIELD, Invalid("choice"))


def _says_no_to_the_summary(typed: str) -> bool:
    """A no to the summary: "nahi", "no, the place is wrong"; not one in passing in a sentence that goes on
    about the problem ("railway phatak ke paas bda gdda, raat me dikhta nhi")."""
    if not mentions(typed, "no"):
        return False
    return len(typed.split()) <= SHORT_REPLY or leads_with(typed, "no")


def _files_put_off(kind: TaskKind, talk: Talk, task: Task, asked: Field) -> bool:
    """"shadi ki photo or umar ka praman bad me bhejunga" at a question that needs its answer, with no answer in
    it: the files step is passed over (files can follow the submission) and the question stands. True when so."""
    fields = fields_of(kind, talk, task)
    files = [spec for spec in fields if spec.kind in FILES and not task.answered(spec.name)]
    if not files or not files_promised_later(talk.message.typed):
        return False
    reading = read(talk.message.typed, fields, asked, talk.today)
    answered = reading.asked_value is not None and not isinstance(reading.asked_value, Invalid)
    if answered or set(reading.found) - {spec.name for spec in files}:
        return False
    for spec in files:
        task.values[spec.name] = kind.files_value(task)
    talk.say("tasks.files_later", task=name_of(task, talk.language))
    resume(kind, talk, task, asked, counts=False)
    return True


def _waits(kind: TaskKind, talk: Talk, task: Task, said: str) -> None:
    talk.say(said, task=name_of(task, talk.language))
    resume(kind, talk, task, CONFIRM_FIELD, counts=False)


def _what_to_change(kind: TaskKind, talk: Talk, task: Task) -> None:
    choices = [spec for spec in kind.fields(talk, task) if spec.kind != CONFIRM][:9]
    buttons = [{"title": pick(spec.label, talk.language)[:24], "payload": talk.payload("inform", field=spec.name)}
               for spec in choices]
    buttons.append(button(talk, "tasks.buttons.cancel", "deny", do="cancel"))
    talk.say("tasks.what_to_change", buttons=buttons)


def _reopen(kind: TaskKind, talk: Talk, task: Task, name: str) -> None:
    spec = next((spec for spec in kind.fields(talk, task) if spec.name == name), None)
    if spec is None:
        ask(kind, talk, task, open_field(kind, talk, task))
        return
    kind.reopen(talk, task, spec)
    task.values.pop(name, None)
    task.values.pop(CONFIRM_FIELD.name, None)
    task.asking, task.times_asked = name, 1
    talk.say("tasks.ask_changed", label=pick(spec.label, talk.language), question=spec.text(talk.language),
             tag=f"ask:{name}", buttons=kind.choice_buttons(talk, task, spec))


def ask_next(kind: TaskKind, talk: Talk, task: Task, submit_now: bool = False, progressed: bool = False) -> None:
    """Asks what is still open, or submits. "haan, jama karo" with only optional questions left
    submits at once: the citizen has said so, and the answer shows what was sent."""
    if submit_now and not any(spec.required for spec in fields_of(kind, talk, task)
                              if not task.answered(spec.name) and spec.kind != CONFIRM):
        submit(kind, talk, task)
    _same_person_named(kind, talk, task)  # a name taken as offered names the speaker's person too
    spec = open_field(kind, talk, task)
    while spec is not None and spec.name in task.context.get(PASSED_OVER, ()):
        offered = kind.offer(talk, task, spec)
        if offered is None or take(kind, talk, task, spec, offered[0]) is not None:
            break
        _same_person_named(kind, talk, task)
        spec = open_field(kind, talk, task)  # taken as offered: the summary shows it, to change if wrong
    if spec is None:
        submit(kind, talk, task)
    ask(kind, talk, task, spec, progressed)


def submit(kind: TaskKind, talk: Talk, task: Task) -> None:
    kind.submit(talk, task)
    raise Ended()


def cancel(kind: TaskKind, talk: Talk, task: Task, for_another: bool = False) -> None:
    talk.say("tasks.cancelled", task=name_of(task, talk.language))
    raise EndedForAnother() if for_another else Ended()


def _same_subject(kind: TaskKind, task: Task, message: Message) -> bool:
    """A request for what this task already is (no other service or category named)."""
    service = message.entity("service")
    return _same_request(kind, message) and (service is None or service == kind.service_of(task))


OPEN, ENDED, ENDED_FOR_ANOTHER = "open", "ended", "ended_for_another"


def run_turn(kind: TaskKind, talk: Talk, task: Task) -> str:
    """Continues the task: OPEN, ENDED, or ENDED_FOR_ANOTHER (start the message's request).
    The backends' absence is told, answers are kept."""
    try:
        continue_task(kind, talk, task)
    except EndedForAnother:
        return ENDED_FOR_ANOTHER
    except Ended:
        return ENDED
    except _Handled:
        return OPEN
    except BackendUnavailable:
        talk.say("tasks.unavailable")
    except BackendRejected as rejected:
        talk.say_text(rejected.message(talk.language), key="backend.rejected")
    return OPEN
