"""Asking a task's questions: the question with its options, a value the bot
already knows offered with one tap, the question again after a side
question, and, after two unusable answers, an explanation with an example
and a way out instead of the same question a third time."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

from actions.tasks.fields import CHOICE, CONFIRM, Field
from actions.tasks.reading import FILES
from actions.tasks.state import SKIPPED, Task
from actions.tasks.talk import Talk
from actions.tasks.values import Invalid
from actions.texts import entry, pick

if TYPE_CHECKING:
    from actions.tasks.kinds.base import TaskKind

CHOICES_PER_PAGE = 9  # with "more", ten rows: WhatsApp still shows them as one list
MAX_ASKS_IN_A_ROW = 2


def name_of(task: Task, language: str) -> str:
    return pick(entry("tasks", f"names.{task.kind}"), language)


def button(talk: Talk, title_key: str, intent: str, **entities: object) -> Dict[str, str]:
    return {"title": talk.text(title_key), "payload": talk.payload(intent, **entities)}


def choice_buttons(talk: Talk, task: Task, spec: Field) -> List[Dict[str, str]]:
    """The field's options as buttons, a page at a time ("more" turns the page)."""
    if spec.kind != CHOICE:
        return []
    page = int((task.context.get("pages") or {}).get(spec.name, 0))
    start = page * CHOICES_PER_PAGE if len(spec.choices) > CHOICES_PER_PAGE + 1 else 0
    shown = spec.choices[start:start + CHOICES_PER_PAGE] if start or len(spec.choices) > CHOICES_PER_PAGE + 1 \
        else spec.choices
    buttons = [{"title": pick(choice.label, talk.language),
                "payload": talk.payload("inform", field=spec.name, value=choice.value)} for choice in shown]
    if start + CHOICES_PER_PAGE < len(spec.choices) and len(spec.choices) > CHOICES_PER_PAGE + 1:
        buttons.append(button(talk, "tasks.buttons.more", "inform", do="more", field=spec.name))
    return buttons


def turn_page(task: Task, spec: Field) -> None:
    pages = task.context.setdefault("pages", {})
    last_page = max(len(spec.choices) - 1, 0) // CHOICES_PER_PAGE
    pages[spec.name] = 0 if int(pages.get(spec.name, 0)) >= last_page else int(pages.get(spec.name, 0)) + 1


def question_buttons(kind: "TaskKind", talk: Talk, task: Task, spec: Field) -> List[Dict[str, str]]:
    buttons = kind.choice_buttons(talk, task, spec)
    if not spec.required and spec.kind != CONFIRM:
        buttons.append(button(talk, "tasks.buttons.skip", "inform", do="skip"))
    return buttons


def confirm_buttons(talk: Talk) -> List[Dict[str, str]]:
    return [button(talk, "tasks.buttons.submit", "affirm", do="submit"),
            button(talk, "tasks.buttons.change", "deny", do="change"),
            button(talk, "tasks.buttons.cancel", "deny", do="cancel")]


HELPED = "helped"  # context: the field whose help was shown; failing it again shows the ways out again


SHOWN = "shown_in_a_row"  # context: [field, how many times its question was shown in a row, failed or not]


def _count(task: Task, spec: Field) -> None:
    if task.asking == spec.name:
        task.times_asked += 1
    else:
        task.asking, task.times_asked = spec.name, 1
        task.context.pop(HELPED, None)


def _shown(task: Task, spec: Field) -> None:
    field_name, times = task.context.get(SHOWN) or (None, 0)
    task.context[SHOWN] = [spec.name, times + 1 if field_name == spec.name else 1]


def shown_in_a_row(task: Task, name: str) -> int:
    """How many times this question was shown in a row, counting those after a voice note or a wait."""
    field_name, times = task.context.get(SHOWN) or (None, 0)
    return times if field_name == name else 0


def ask(kind: "TaskKind", talk: Talk, task: Task, spec: Optional[Field], progressed: bool = False) -> None:
    """Asks `spec`. A question already asked twice in a row gives way to another open one when the
    citizen is answering others (`progressed`), else it is explained, with the ways out."""
    if spec is None:
        return
    if task.asking == spec.name and task.times_asked >= MAX_ASKS_IN_A_ROW:
        from actions.tasks.turn import fields_of  # the order of questions lives with the turn
        # another question, not the documents: a name still missing is asked before the files
        others = [other for other in fields_of(kind, talk, task) if not task.answered(other.name)
                  and other.name != spec.name and other.kind != CONFIRM and other.kind not in FILES]
        if not (progressed and others):
            help_with(kind, talk, task, spec)
            return
        if not spec.required:
            task.values[spec.name] = SKIPPED  # passed over three times: not asked again
        spec = others[0]
    _count(task, spec)
    _shown(task, spec)
    if spec.kind == CONFIRM:
        talk.say("tasks.confirm", summary=kind.summary(talk, task), buttons=confirm_buttons(talk), tag="ask:confirm")
        return
    offered = kind.offer(talk, task, spec) if spec.name not in task.context.get("declined_offers", []) else None
    if offered is not None:
        _offer(talk, task, spec, offered)
        return
    if kind.ask_specially(talk, task, spec):
        return
    key = "tasks.question" if spec.required else "tasks.optional"
    talk.say(key, question=spec.text(talk.language), tag=f"ask:{spec.name}",
             buttons=question_buttons(kind, talk, task, spec))


def _offer(talk: Talk, task: Task, spec: Field, offered: Tuple[Any, str]) -> None:
    """"Shall I write the mobile as XXXXXX0001?" with yes and something-else buttons."""
    value, shown = offered
    task.offer = {"field": spec.name, "value": value}
    talk.say(f"tasks.offer.{spec.short_name}" if spec.short_name in entry("tasks", "offer") else "tasks.offer.name",
             shown=shown, tag=f"ask:{spec.name}", buttons=[
                 button(talk, "tasks.buttons.yes", "affirm", field=spec.name),
                 button(talk, "tasks.buttons.other", "deny", do="other", field=spec.name)])


def resume(kind: "TaskKind", talk: Talk, task: Task, spec: Optional[Field], counts: bool = True) -> None:
    """The open question again after something else was answered. It counts as asking: a third time in a
    row gives way to another open question (or to help), as in `ask`. Shown again after a wait or a voice
    note (`counts=False`), it is no failed ask."""
    if spec is None:
        return
    again = task.asking == spec.name
    if counts and again and task.times_asked >= MAX_ASKS_IN_A_ROW:
        ask(kind, talk, task, spec, progressed=True)
        return
    if counts or not again:
        _count(task, spec)
    _shown(task, spec)
    offered = kind.offer(talk, task, spec) if task.offer and task.offer.get("field") == spec.name else None
    if offered is not None:  # after a question in the middle, the same offer and its buttons
        _offer(talk, task, spec, offered)
        return
    if spec.kind == CONFIRM:
        talk.say("tasks.confirm", summary=kind.summary(talk, task), buttons=confirm_buttons(talk), tag="ask:confirm")
        return
    if kind.ask_specially(talk, task, spec):
        return
    question = kind.question_text(talk, task, spec)
    talk.say("tasks.resume", task=name_of(task, talk.language), question=question, tag=f"ask:{spec.name}",
             buttons=question_buttons(kind, talk, task, spec))


def help_with(kind: "TaskKind", talk: Talk, task: Task, spec: Field) -> None:
    """The explanation that replaces a third identical question, with the ways out as buttons."""
    task.asking, task.times_asked = spec.name, 0
    task.context[HELPED] = spec.name
    buttons = [] if spec.kind == CONFIRM else kind.choice_buttons(talk, task, spec)[:7]
    if spec.kind == CONFIRM:
        buttons = confirm_buttons(talk)[:1]
    elif not spec.required:
        buttons.append(button(talk, "tasks.buttons.skip", "inform", do="skip"))
    buttons += [button(talk, "tasks.buttons.officer", "human_handoff"),
                button(talk, "tasks.buttons.cancel", "deny", do="cancel")]
    question = kind.question_text(talk, task, spec)
    example = pick(spec.example, talk.language) or pick(entry("tasks", "examples").get(spec.answer_form), talk.language)
    if example:
        talk.say("tasks.help", question=question, example=example, buttons=buttons, tag=f"help:{spec.name}")
    else:
        talk.say("tasks.help_without_example", question=question, buttons=buttons, tag=f"help:{spec.name}")


def ask_again_or_help(kind: "TaskKind", talk: Talk, task: Task, spec: Field, why: Optional[Invalid]) -> None:
    """An unusable answer: why, then the question again; the third time (or after help), help instead. A question
    shown twice in a row already (a photo sent at it the first time) is not shown a third time either."""
    if task.asking == spec.name and (task.times_asked >= MAX_ASKS_IN_A_ROW or task.context.get(HELPED) == spec.name
                                     or shown_in_a_row(task, spec.name) >= MAX_ASKS_IN_A_ROW):
        if why is not None:
            talk.say(why.text_key, **why.params)
        help_with(kind, talk, task, spec)
        return
    if why is not None:
        talk.say(why.text_key, **why.params)
    elif spec.kind not in (CHOICE, CONFIRM):
        talk.say("tasks.invalid.text")
    else:
        talk.say("tasks.invalid.choice")
    ask(kind, talk, task, spec)
