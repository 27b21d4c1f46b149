"""The SQL that reads a quote occurrence and a speaker summary: one spelling, shared by search,
look-ups and check, so that every answer has the fields of ``store.models``."""

OCCURRENCE = (
    "SELECT q.rowid AS id, q.quote_id, q.text, q.type, q.confidence, p.name AS speaker,"
    " q.person_id AS speaker_id, a.id AS article_id, a.source, a.url, a.published, a.date,"
    " a.title, q.cluster_id, q.anonymity AS speaker_anonymity, q.role AS speaker_role,"
    " q.gender AS speaker_gender"
)
FROM = (
    " FROM quotes q JOIN articles a ON a.rowid = q.article_rowid"
    " LEFT JOIN people p ON p.id = q.person_id"
)
# Per speaker, by index look-ups only: quote count and first/last dates from (person_id,
# date), article count from the speaker links.
SUMMARY = (
    "SELECT p.id, p.name, p.kind,"
    " (SELECT COUNT(*) FROM quotes WHERE person_id = p.id) AS quotes,"
    " (SELECT COUNT(*) FROM article_speakers WHERE person_id = p.id) AS articles,"
    " (SELECT MIN(date) FROM quotes WHERE person_id = p.id) AS first_seen,"
    " (SELECT MAX(date) FROM quotes WHERE person_id = p.id) AS last_seen FROM people p"
)
OLDEST_FIRST = " ORDER BY q.date IS NULL, q.date, q.rowid"
NEWEST_FIRST = " ORDER BY q.date DESC, q.rowid DESC"  # SQLite puts NULL below every date
