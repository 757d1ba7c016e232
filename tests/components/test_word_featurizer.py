"""Why DevanagariWordFeaturizer exists: the stock word analyzer breaks Devanagari words."""
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer

from jan_seva.components.word_featurizer import DevanagariWordFeaturizer

EXAMPLES = [
    ("क्या मेरा प्रमाण पत्र बन गया", "check_status"),
    ("मुझे आय प्रमाण पत्र चाहिए", "apply_service"),
    ("कचरा नहीं उठा", "file_complaint"),
]


def vocabulary(create, tokenized, cls, name):
    featurizer = create(cls, resource_name=name, analyzer="word")
    featurizer.train(tokenized(EXAMPLES))
    return featurizer.vectorizers["text"].vocabulary_


def test_custom_vocabulary_keeps_devanagari_words_whole(create, tokenized):
    vocab = vocabulary(create, tokenized, DevanagariWordFeaturizer, "words")
    assert {"क्या", "प्रमाण", "पत्र", "चाहिए", "नहीं"} <= set(vocab)


def test_stock_count_vectors_featurizer_breaks_them(create, tokenized):
    vocab = vocabulary(create, tokenized, CountVectorsFeaturizer, "stock")
    assert "क्या" not in vocab and "प्रमाण" not in vocab
    assert "क" in vocab  # what is left of "क्या"
