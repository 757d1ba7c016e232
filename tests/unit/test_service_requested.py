"""Of several services named in one message, the one asked for."""
from actions.tasks.kinds.application import service_requested
from actions.tasks.message import Message


def named(text, *services):
    """The message with each (value, words) the NLU read as a service, at the words' place."""
    entities = [{"entity": "service", "value": value, "start": text.index(words), "end": text.index(words) + len(words)}
                for value, words in services]
    return Message(text=text, intent="apply_service", entities=entities)


def test_one_service_named_is_the_one():
    assert service_requested(named("aay praman patra banwana hai", ("income_certificate", "aay praman patra"))) \
        == "income_certificate"


def test_a_land_records_word_names_what_the_other_service_is_about():
    text = "Kalidevi village me khasra 45/2 ka mutation karwana hai"
    assert service_requested(named(text, ("land_record_copy", "khasra"), ("mutation", "mutation"))) == "mutation"


def test_the_service_the_asking_words_follow_is_asked_for():
    text = "papa ki death ke baad jameen ka namantran mere naam krwana h, khasra no 118/2"
    assert service_requested(named(text, ("death_certificate", "death"), ("mutation", "namantran"),
                                   ("land_record_copy", "khasra"))) == "mutation"
    text = "mutation ho gaya, ab uski khatauni ki nakal chahiye"
    assert service_requested(named(text, ("mutation", "mutation"), ("land_record_copy", "khatauni ki nakal"))) \
        == "land_record_copy"
