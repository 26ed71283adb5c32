#!/usr/bin/env python3
"""Build records, gold and scare lists from news-own-articles.txt.

usage: make-own-news.py ARTICLES OUTDIR
writes OUTDIR/news-own-{records,gold,scare}.jsonl (code points, the marks
left out), as the Alpino dev gold and news-*-gold.jsonl are.
"""
import json
import re
import sys

ANNOTATION = re.compile(r'⟦(.*?)⟧(.)\{([^}]*)\}', re.S)


def main():
    src, out = sys.argv[1], sys.argv[2]
    text = ''.join(l for l in open(src, encoding='utf-8') if not l.startswith('# '))
    rows = {'records': [], 'gold': [], 'scare': []}
    for article in re.split(r'^### ', text, flags=re.M)[1:]:
        head, body = article.split('\n', 1)
        doc = head.split()[0]
        body = body.strip('\n') + '\n'
        plain, pos = '', 0
        for m in ANNOTATION.finditer(body):
            plain += body[pos:m.start()]
            start = len(plain)
            plain += m.group(1)
            end = len(plain)
            plain += m.group(2)   # the closing mark
            label = m.group(3).split('|')
            if label[0] == 'scare':
                rows['scare'].append({'doc': doc, 'text': m.group(1), 'start': start, 'end': end,
                                      'why': 'title or term'})
            else:
                rows['gold'].append({'doc': doc, 'quote': m.group(1), 'start': start, 'end': end,
                                     'speaker': label[0], 'cue_pos': label[1]})
            pos = m.end()
        plain += body[pos:]
        if '⟦' in plain or '⟧' in plain:
            sys.exit(f'{doc}: an annotation is not closed')
        rows['records'].append({'id': doc, 'text': plain.rstrip('\n')})
    for name, items in rows.items():
        with open(f'{out}/news-own-{name}.jsonl', 'w', encoding='utf-8') as f:
            for item in items:
                f.write(json.dumps(item, ensure_ascii=False) + '\n')
    print(f"{len(rows['records'])} articles, {len(rows['gold'])} quotations, {len(rows['scare'])} not-quotes")


if __name__ == '__main__':
    main()
