"""The structure step on the seed article (asserting only short fragments of it), on PolNeAR
dev (where the body must keep every quotation) and on the bundled demo corpus. Skips where
../shared is absent."""

from __future__ import annotations

from saidwhat.read import iter_documents
from saidwhat.records import Article, Document
from saidwhat.structure import structure_document

READ_KINDS = ("paragraph", "key_point", "headline")


def test_seed_article_structure(seed_article, body):
    [document] = iter_documents([str(seed_article)])
    article = structure_document(document)
    assert article.kicker == "Donald Trump"
    assert article.headline.startswith("De Blasio Ditches")
    assert len(article.key_points) == 3
    assert article.key_points[0].startswith("New York City")
    assert article.credit == "Copyright AP - Associated Press"
    assert article.source == "AP"
    assert body(article).startswith("Mayor Bill de Blasio")  # not the key points
    assert body(article).endswith("needs.")  # the last paragraph, not the credit
    assert "Contact Us" not in body(article) and "Copyright" not in body(article)
    assert "What to Know" not in body(article)
    assert len(article.paragraphs) == 18


def test_polnear_dev_bodies_keep_every_quotation(polnear_dev):
    lost = []
    for gold in polnear_dev:
        article = structure_document(Document(text=gold["text"], origin=gold["id"]))
        if article.text != gold["text"]:  # NFC changed the text: offsets differ, skip it
            continue
        read = [(s.start, s.end) for s in article.sections if s.kind in READ_KINDS]
        for quote in gold["quotes"]:
            for start, end in quote["fragments"] or [(quote["start"], quote["end"])]:
                outside = [
                    i
                    for i in range(start, end)
                    if not gold["text"][i].isspace() and not any(s <= i < e for s, e in read)
                ]
                if outside:
                    lost.append((gold["id"], gold["text"][start:end][:60]))
    assert lost == []


def test_polnear_dev_headlines_are_found(polnear_dev):
    found = sum(
        1
        for gold in polnear_dev
        if structure_document(Document(text=gold["text"], origin="x")).headline
    )
    assert found >= 0.75 * len(polnear_dev)


def demo_articles(demo_dir) -> dict[str, Article]:
    return {
        d.origin.rsplit("/", 1)[-1]: structure_document(d) for d in iter_documents([str(demo_dir)])
    }


def test_demo_corpus_reads_and_structures(demo_dir, body):
    articles = demo_articles(demo_dir)
    assert len(articles) >= 10 and "README.md" not in articles
    for name, article in articles.items():
        assert article.headline, name
        assert len(article.paragraphs) >= 3, name
        assert 150 <= len(body(article).split()) + len(article.headline.split()) <= 400, name


def test_demo_has_a_syndicated_pair(demo_dir, body):
    articles = demo_articles(demo_dir)
    wire, copy = articles["wire-ferry-strike.txt"], articles["courier-ferry-strike.txt"]
    assert wire.headline != copy.headline
    assert wire.source == copy.source == "AP"
    assert len(copy.paragraphs) < len(wire.paragraphs)
    assert "getting home alive." in body(wire) and "getting home alive!" in body(copy)
    assert "Contact Us" not in body(copy) and copy.key_points


def test_every_demo_article_has_a_date_and_an_outlet(demo_dir):
    articles = demo_articles(demo_dir)
    for name, article in articles.items():
        assert article.published and article.source, name
    days = sorted(article.published[:10] for article in articles.values())
    assert len(set(days)) >= 8  # spread over several weeks
    wire, copy = articles["wire-ferry-strike.txt"], articles["courier-ferry-strike.txt"]
    assert wire.published[:10] < copy.published[:10]  # the syndicated copy came later
