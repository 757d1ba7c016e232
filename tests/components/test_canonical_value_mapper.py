import pytest
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from jan_seva.components.canonical_value_mapper import CanonicalValueMapper


def example(text, phrase, value, entity="service"):
    start = text.index(phrase)
    entities = [{"entity": entity, "value": value, "start": start, "end": start + len(phrase)}]
    return Message(data={"text": text, "intent": "apply_service", "entities": entities})


TRAINING = TrainingData(
    training_examples=[
        example("मुझे आय प्रमाण पत्र चाहिए", "आय प्रमाण पत्र", "income_certificate"),
        example("aay praman patra chahiye", "aay praman patra", "income_certificate"),
        example("जाति प्रमाण पत्र बनवाना है", "जाति प्रमाण पत्र", "caste_certificate"),
        example("jati praman patra banwana hai", "jati praman patra", "caste_certificate"),
        example("निवास प्रमाण पत्र कैसे मिलेगा", "निवास प्रमाण पत्र", "residence_certificate"),
        example("sadak mein gaddha hai", "gaddha", "road", entity="complaint_category"),
        example("sadak kharab hai", "sadak kharab", "road", entity="complaint_category"),
        example("स्ट्रीट लाइट बंद है", "स्ट्रीट लाइट", "streetlight", entity="complaint_category"),
        example("light nahi jal rahi", "light", "streetlight", entity="complaint_category"),
        example("sewer overflow ho raha", "sewer", "drainage", entity="complaint_category"),
        example("B-1 ki nakal chahiye", "B-1", "land_record_copy"),
    ]
)


@pytest.fixture
def mapper(create, model_storage, execution_context):
    """A mapper trained, persisted and loaded back as in a real model."""
    trainee = create(CanonicalValueMapper, resource_name="mapper")
    resource = trainee.train(TRAINING)
    return CanonicalValueMapper.load(
        CanonicalValueMapper.get_default_config(), model_storage, resource, execution_context
    )


def mapped(mapper, value, entity="service"):
    """The canonical value the span `value` gets; None when the mapper drops it."""
    text = f"x {value}"
    entity_dict = {"entity": entity, "value": value, "start": 2, "end": len(text)}
    [message] = mapper.process([Message(data={"text": text, "entities": [entity_dict]})])
    return next((e["value"] for e in message.get("entities")), None)


def processed(mapper, text, *spans):
    """The entities of `text` after the mapper, given the model's (entity, phrase) spans."""
    entities = [{"entity": name, "value": phrase, "start": text.index(phrase), "end": text.index(phrase) + len(phrase),
                 "extractor": "DIETClassifier", "confidence_entity": 0.9} for name, phrase in spans]
    [message] = mapper.process([Message(data={"text": text, "entities": entities})])
    return [(e["entity"], text[e["start"]:e["end"]], e["value"]) for e in message.get("entities")]


@pytest.mark.parametrize(
    "value, canonical",
    [
        ("aay praman patra", "income_certificate"),  # seen
        ("aay parmaan patr", "income_certificate"),  # misspelled
        ("AAY PRAMAAN PATRA", "income_certificate"),
        ("आय प्रमाण-पत्र", "income_certificate"),
        ("jaati pramaan patr", "caste_certificate"),
        ("जाति प्रमाणपत्र", "caste_certificate"),
        ("nivas praman patra", "residence_certificate"),  # only seen in Devanagari
        ("income certificate", "income_certificate"),  # the value's own words
        ("गड्ढा", "road"),
    ],
)
def test_variants_map_to_the_canonical_value(mapper, value, canonical):
    entity = "complaint_category" if canonical == "road" else "service"
    assert mapped(mapper, value, entity) == canonical


@pytest.mark.parametrize("value", ["स्ट्रीट लाइट खराब", "street light kharab", "light kharab hai"])
def test_a_span_a_word_too_long_keeps_its_known_phrase_or_majority(mapper, value):
    assert mapped(mapper, value, entity="complaint_category") == "streetlight"


def test_words_split_evenly_between_values_are_not_guessed(mapper):
    assert mapped(mapper, "gaddha light", entity="complaint_category") is None


def test_short_words_are_no_misspelling_of_a_value_nor_enough_to_name_one(mapper):
    assert mapped(mapper, "Sanwer", entity="complaint_category") is None  # "snvr" is one letter from "svr"
    assert mapped(mapper, "seweer", entity="complaint_category") == "drainage"  # the same skeleton
    assert mapped(mapper, "बी") is None and mapped(mapper, "B-1") == "land_record_copy"


def test_a_span_that_is_no_value_of_its_closed_set_is_dropped(mapper):
    assert mapped(mapper, "driving licence") is None
    assert processed(mapper, "hamari gali me gaddha hai", ("complaint_category", "hamari gali"),
                     ("complaint_category", "gaddha")) == [("complaint_category", "gaddha", "road")]


def test_generic_certificate_is_not_mapped_to_one_certificate(mapper):
    for generic in ("praman patra", "प्रमाण पत्र", "certificate"):
        assert mapped(mapper, generic) is None


def test_entity_types_do_not_mix(mapper):
    assert mapped(mapper, "gaddha", entity="service") is None


def test_a_phrase_tagged_word_by_word_is_joined_before_mapping(mapper):
    text = "street light kharab hai"
    assert processed(mapper, text, ("complaint_category", "street"), ("complaint_category", "light")) == [
        ("complaint_category", "street light", "streetlight")]


def test_pieces_with_words_between_them_and_open_entities_stay_as_they_are(mapper):
    text = "light aur gaddha Rajwada ke paas"
    assert processed(mapper, text, ("complaint_category", "light"), ("complaint_category", "gaddha"),
                     ("location", "Rajwada")) == [("complaint_category", "light", "streetlight"),
                                                  ("complaint_category", "gaddha", "road"),
                                                  ("location", "Rajwada", "Rajwada")]


def test_loading_needs_the_trained_resource(model_storage, execution_context):
    with pytest.raises(Exception):
        CanonicalValueMapper.load(
            CanonicalValueMapper.get_default_config(), model_storage, Resource("missing"), execution_context
        )


def test_a_span_a_word_too_long_is_narrowed_to_the_known_phrase(mapper):
    text = "स्ट्रीट लाइट खराब है"
    assert processed(mapper, text, ("complaint_category", "स्ट्रीट लाइट खराब")) == [
        ("complaint_category", "स्ट्रीट लाइट", "streetlight")]
