#!/usr/bin/env python3
"""Field F1 of istinad's parser per family of real forms (issue 10's seven families).

    python3 benches/families.py target/release/istinad ../shared/corpus/references/*.json
    python3 benches/families.py target/release/istinad fixtures/real/*.json

An entry belongs to every family whose signs it shows (by its raw text and its
gold label), so the rows overlap; "none" holds entries with no sign of any.
Scoring is ../shared/tools/score.py's own (imported, not copied): the same
folding, the same title-with-or-without-subtitle rule. Set SCORE_TOOLS to the
folder of score.py when ../shared/tools is elsewhere.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("SCORE_TOOLS", os.path.join(HERE, "..", "..", "shared", "tools")))
import score  # noqa: E402

ARABIC = re.compile(r"[\u0600-\u06ff]")
FAMILIES = [
    ("1 compact punctuation", lambda raw, g: bool(re.search(
        r"\.\s?[-—–]\s?\w|\w\.\w\w|[«»]|,\d{4}|:\s*[«\"“]", raw))),
    ("2 names", lambda raw, g: len(g.get("authors") or []) > 1 or bool(re.search(
        r"\b(b\.|ibn|bint|al-)\s|ابن|بن |/|Сост|ред\.|Tərtib|red\.|\bed\.|\btr\.|trans|ترجمه|تحقيق|تحقیق|[A-ZА-Я]{3,} ",
        raw))),
    ("3 containers", lambda raw, g: g.get("kind") in ("article", "chapter", "newspaper")
     or "//" in raw or bool(re.search(r"\b(In|in|içinde|В кн\.|Kn\.)[: ]", raw))),
    ("4 notes", lambda raw, g: bool(re.search(
        r"Ibid|Там же|Тамже|a\.g\.e|همان|Цит\. по|[Qq]uoted|^See |^См\.", raw))),
    ("5 persian and arabic", lambda raw, g: bool(ARABIC.search(raw)) or bool(g.get("original_year"))),
    ("6 archival", lambda raw, g: g.get("kind") == "archival"),
    ("7 theses, catalogues, OCR", lambda raw, g: g.get("kind") == "thesis" or bool(re.search(
        r" / |\{\{|Enstitüsü|[Dd]issertat|диссерт|автореф|pāyān|پایان", raw))),
]


def predictions(binary, path):
    doc = json.load(open(path, encoding="utf-8"))
    entries = doc.get("entries") or doc.get("references") or []
    body = "".join("%d. %s\n" % (i + 1, e["raw"]) for i, e in enumerate(entries))
    text = score.HEADINGS.get(doc.get("language", "en"), "References") + "\n\n" + body
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
    out = subprocess.run([binary, "refs", "--format", "json", f.name], capture_output=True)
    os.unlink(f.name)
    preds = json.loads(out.stdout.decode("utf-8")).get("references", [])
    bynum = {p.get("number"): p for p in preds}
    return [(e["raw"], e["gold"], bynum.get(i + 1, {})) for i, e in enumerate(entries)]


def figure(rows):
    tally, exact = {}, 0
    for _, gold, pred in rows:
        exact += score.compare(gold, pred, tally)
    tp = sum(t[0] for t in tally.values())
    fp = sum(t[1] for t in tally.values())
    fn = sum(t[2] for t in tally.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, exact, len(rows)


def main():
    binary, paths = sys.argv[1], sys.argv[2:]
    rows = [row for path in paths for row in predictions(binary, path)]
    print("| family | entries | field F1 | exact |")
    print("|---|---|---|---|")
    for name, test in FAMILIES + [("none", None)]:
        if test is None:
            members = [r for r in rows if not any(t(r[0], r[1]) for _, t in FAMILIES)]
        else:
            members = [r for r in rows if test(r[0], r[1])]
        if members:
            f1, exact, n = figure(members)
            print("| %s | %d | %.3f | %d/%d |" % (name, n, f1, exact, n))
    f1, exact, n = figure(rows)
    print("| all | %d | %.3f | %d/%d |" % (n, f1, exact, n))


if __name__ == "__main__":
    main()
