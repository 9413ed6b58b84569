#!/usr/bin/env python3
"""Generate a synthetic guidance site, the same content for waymark, Hugo and mdBook.

Deterministic: the same arguments always give the same files. Pages look like guidance: front
matter with document control, headings, paragraphs, lists, tables, links to other pages (by source
path, with anchors) and to outside sites, and a definitions folder whose terms appear in the text.

    gen_site.py OUT --pages 5000 [--terms 200] [--words 640]

writes OUT/waymark (a waymark site), OUT/hugo (a Hugo site with minimal templates) and
OUT/mdbook (an mdBook book).
"""

import argparse
import os
import random
import shutil

WORDS = (
    "child children family families parent carer neglect needs care home school health "
    "practitioner worker social visitor teacher support plan assessment risk harm safety "
    "development emotional physical medical nutritional educational supervision early help "
    "review agency partnership record concern referral meeting outcome voice experience daily "
    "routine sleep food clothing hygiene attendance appointment growth weight language play "
    "relationship attachment trauma poverty housing income benefit debt stress alcohol drug "
    "mental domestic abuse violence isolation community service team manager lead plan action "
    "evidence chronology pattern change progress drift delay escalation threshold consent "
    "information share duty statutory guidance local national policy procedure training "
    "the a of and to in for with on at by from is are was be will can should must may "
    "this that these those their they we you it as or not but if when where who which how"
).split()

TERM_WORDS = (
    "assessment care plan review profile conference group meeting tool matrix scale index "
    "model framework pathway protocol order register panel hub service network forum"
).split()


def zipf_word(rng):
    # Smaller indexes are more common, as in real text.
    i = int(len(WORDS) * (rng.random() ** 2.2))
    return WORDS[min(i, len(WORDS) - 1)]


def sentence(rng, terms, n_words=None):
    n = n_words or rng.randint(8, 20)
    words = [zipf_word(rng) for _ in range(n)]
    if terms and rng.random() < 0.35:
        t = rng.choice(terms)
        words.insert(rng.randrange(len(words)), t["abbr"] if rng.random() < 0.4 else t["term"].lower())
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, terms, sentences=None):
    return " ".join(sentence(rng, terms) for _ in range(sentences or rng.randint(3, 6)))


def make_terms(rng, count):
    terms = []
    seen = set()
    letters = "ABCDEFGHIJKLMNOPRSTUVW"
    while len(terms) < count:
        first = rng.choice(WORDS[:60]).capitalize()
        second = rng.choice(TERM_WORDS)
        extra = rng.choice(TERM_WORDS)
        term = f"{first} {second} {extra}" if rng.random() < 0.5 else f"{first} {second}"
        key = term.lower()
        if key in seen:
            continue
        seen.add(key)
        abbr = "".join(rng.choice(letters) for _ in range(rng.randint(3, 4)))
        while abbr in {t["abbr"] for t in terms}:
            abbr = "".join(rng.choice(letters) for _ in range(4))
        slug = key.replace(" ", "-")
        terms.append({"term": term, "abbr": abbr, "slug": f"{slug}-{len(terms)}"})
    return terms


def page_body(rng, terms, page_paths, me, words_target):
    parts = []
    words = 0
    section = 0
    while words < words_target:
        section += 1
        heading = f"{sentence(rng, [], 3)[:-1]} {section}"
        parts.append(f"## {heading}\n")
        p = paragraph(rng, terms)
        words += len(p.split())
        parts.append(p + "\n")
        kind = rng.random()
        if kind < 0.3:
            items = [sentence(rng, terms, rng.randint(5, 10)) for _ in range(rng.randint(3, 6))]
            words += sum(len(i.split()) for i in items)
            parts.append("\n".join(f"- {i}" for i in items) + "\n")
        elif kind < 0.45:
            rows = ["| Age | What you may see | What to do |", "|---|---|---|"]
            for _ in range(rng.randint(3, 5)):
                cells = [sentence(rng, [], rng.randint(2, 6))[:-1] for _ in range(3)]
                words += sum(len(c.split()) for c in cells)
                rows.append("| " + " | ".join(cells) + " |")
            parts.append("\n".join(rows) + "\n")
        elif kind < 0.55:
            parts.append(f"### Practice points {section}\n")
            p = paragraph(rng, terms, 2)
            words += len(p.split())
            parts.append(p + "\n")
        if rng.random() < 0.5 and len(page_paths) > 1:
            other = rng.choice(page_paths)
            if other != me:
                rel = os.path.relpath(other, os.path.dirname(me) or ".")
                parts.append(f"See also [related guidance]({rel}).\n")
        if rng.random() < 0.15:
            parts.append("Read the [national guidance on working together](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).\n")
    return "\n".join(parts)


def front_matter(rng, title, weight, extra=""):
    month = rng.randint(1, 12)
    return (
        "+++\n"
        f'title = "{title}"\n'
        f'summary = "{sentence(rng, [], 12)}"\n'
        f"weight = {weight}\n"
        'owner = "Neglect Strategy Group"\n'
        f'version = "{rng.randint(1, 4)}.{rng.randint(0, 9)}"\n'
        f"approved = 2026-{month:02d}-01\n"
        f"published = 2026-{month:02d}-15\n"
        f'review_due = "2028-{month:02d}"\n'
        f"{extra}"
        "\n[[changes]]\n"
        f"date = 2026-{month:02d}-15\n"
        'summary = "First published."\n'
        "+++\n"
    )


def generate(out, pages, n_terms, words):
    rng = random.Random(20261123)
    terms = make_terms(rng, n_terms)
    sections = ["strategy", "toolkit", "signposting", "practice"]
    per_folder = 50
    n_content = pages - n_terms - 1
    paths = []
    for i in range(n_content):
        section = sections[i % len(sections)]
        folder = f"{section}/part-{i // (per_folder * len(sections)):03d}"
        paths.append(f"{folder}/page-{i:05d}.md")
    folders = sorted({os.path.dirname(p) for p in paths} | set(sections))

    wm = os.path.join(out, "waymark")
    hugo = os.path.join(out, "hugo")
    book = os.path.join(out, "mdbook")
    for d in (wm, hugo, book):
        if os.path.exists(d):
            shutil.rmtree(d)

    files = {}  # path under content/ -> (front matter, body, title)
    files["_index.md"] = ("+++\ntitle = \"Synthetic guidance\"\n+++\n", "A synthetic guidance site for benchmarks.\n", "Synthetic guidance")
    for folder in folders:
        title = folder.split("/")[-1].replace("-", " ").capitalize()
        files[f"{folder}/_index.md"] = (f"+++\ntitle = \"{title}\"\n+++\n", paragraph(rng, terms) + "\n", title)
    files["definitions/_index.md"] = ("+++\ntitle = \"Definitions\"\n+++\n", "What words mean.\n", "Definitions")
    for t in terms:
        fm = (
            "+++\n"
            f'title = "{t["term"]}"\n'
            f'term = "{t["term"]}"\n'
            f'abbreviation = "{t["abbr"]}"\n'
            f'summary = "{sentence(rng, [], 14)}"\n'
            'category = "Practice"\n'
            'source = "Synthetic source 2026"\n'
            "+++\n"
        )
        files[f"definitions/{t['slug']}.md"] = (fm, paragraph(rng, []) + "\n\n" + paragraph(rng, []) + "\n", t["term"])
    for i, path in enumerate(paths):
        title = f"{sentence(rng, [], 4)[:-1]} {i}"
        files[path] = (front_matter(rng, title, i % 50), page_body(rng, terms, paths, path, words), title)

    # waymark
    with open_w(os.path.join(wm, "waymark.toml")) as f:
        f.write('title = "Synthetic guidance"\npartnership = "Benchmark Partnership"\nbase_url = "https://bench.example/"\n')
    for path, (fm, body, _) in files.items():
        with open_w(os.path.join(wm, "content", path)) as f:
            f.write(fm + body)

    # Hugo: the same files, with minimal templates doing comparable work (page, list, contents).
    with open_w(os.path.join(hugo, "hugo.toml")) as f:
        f.write('baseURL = "https://bench.example/"\ntitle = "Synthetic guidance"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
                '[markup.tableOfContents]\nstartLevel = 2\nendLevel = 3\n[markup.goldmark.renderer]\nunsafe = false\n')
    layouts = {
        "_default/baseof.html": '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>'
                                 '<link rel="stylesheet" href="{{ "css/site.css" | relURL }}"></head><body><a href="#main">Skip</a>'
                                 '<nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>'
                                 '<main id="main">{{ block "main" . }}{{ end }}</main></body></html>',
        "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .TableOfContents }}{{ .Content }}'
                                 '<dl><dt>Owner</dt><dd>{{ .Params.owner }}</dd><dt>Version</dt><dd>{{ .Params.version }}</dd></dl>{{ end }}',
        "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
                               '<p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}',
    }
    for name, text in layouts.items():
        with open_w(os.path.join(hugo, "layouts", name)) as f:
            f.write(text)
    with open_w(os.path.join(hugo, "static/css/site.css")) as f:
        f.write("body{font-family:sans-serif}\n")
    for path, (fm, body, _) in files.items():
        with open_w(os.path.join(hugo, "content", path)) as f:
            f.write(fm + body)

    # mdBook: no front matter; SUMMARY.md lists every page.
    with open_w(os.path.join(book, "book.toml")) as f:
        f.write('[book]\ntitle = "Synthetic guidance"\nlanguage = "en"\n\n[output.html]\nno-section-label = true\n'
                '[output.html.search]\nenable = false\n')
    summary = ["# Summary\n"]
    for path, (fm, body, title) in sorted(files.items()):
        target = path.replace("_index.md", "README.md")
        depth = 0 if path == "_index.md" else path.count("/") - (1 if path.endswith("_index.md") else 0)
        summary.append(f"{'  ' * depth}- [{title}]({target})")
        with open_w(os.path.join(book, "src", target)) as f:
            f.write(f"# {title}\n\n{body}")
    with open_w(os.path.join(book, "src", "SUMMARY.md")) as f:
        f.write("\n".join(summary) + "\n")

    total_words = sum(len(body.split()) for _, body, _ in files.values())
    print(f"{len(files)} pages, {total_words} words of body text, {len(terms)} definitions -> {out}")


def open_w(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return open(path, "w", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--terms", type=int, default=200)
    parser.add_argument("--words", type=int, default=530, help="body words per content page")
    args = parser.parse_args()
    generate(args.out, args.pages, args.terms, args.words)


if __name__ == "__main__":
    main()
