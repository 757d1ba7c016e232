from rasa.shared.nlu.training_data.message import Message

from jan_seva.components.phonetic_featurizer import PhoneticNgramFeaturizer

EXAMPLES = [
    ("प्रमाण पत्र चाहिए", "apply_service"),
    ("mera praman patra kab milega", "check_status"),
    ("कचरा नहीं उठा", "file_complaint"),
    ("light nahi hai", "file_complaint"),
]


def sentence_features(featurizer, tokenizer, text):
    [message] = featurizer.process(tokenizer.process([Message(data={"text": text})]))
    _, sentence = message.get_sparse_features("text")
    return sentence.features.toarray()


def trained(create, tokenized):
    featurizer = create(
        PhoneticNgramFeaturizer, analyzer="char_wb", min_ngram=1, max_ngram=3
    )
    data = tokenized(EXAMPLES)
    featurizer.train(data)
    featurizer.process_training_data(data)
    return featurizer, data


def test_devanagari_and_romanized_spellings_get_identical_features(create, tokenized, tokenizer):
    featurizer, _ = trained(create, tokenized)
    devanagari = sentence_features(featurizer, tokenizer, "प्रमाण पत्र चाहिए")
    romanized = sentence_features(featurizer, tokenizer, "praman patra chahiye")
    assert devanagari.sum() > 0
    assert (devanagari == romanized).all()


def test_different_sentences_get_different_features(create, tokenized, tokenizer):
    featurizer, _ = trained(create, tokenized)
    certificate = sentence_features(featurizer, tokenizer, "praman patra chahiye")
    complaint = sentence_features(featurizer, tokenizer, "कचरा नहीं उठा")
    assert not (certificate == complaint).all()


def test_training_examples_get_the_same_features_as_at_inference(create, tokenized, tokenizer):
    featurizer, data = trained(create, tokenized)
    _, sentence = data.training_examples[0].get_sparse_features("text")
    inferred = sentence_features(featurizer, tokenizer, "praman patra chahiye")
    assert (sentence.features.toarray() == inferred).all()
