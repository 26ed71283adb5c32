# tests/demo.jq — what `make demo` prints for each record of the nl-news
# pipeline: a few lines a person reads (title, sentence count, entities by
# type, each quote with its speaker, the summary), cut to fit a terminal.
# Input: records with sentences, entities, quotes and summary (jq -r).
def cut($n): if length > $n then .[0:$n - 1] + "…" else . end;
def wrap($width; $indent):
  reduce (split(" ")[] | select(length > 0)) as $w ([];
    if length > 0 and ((.[-1] | length) + 1 + ($w | length)) <= $width
    then .[-1] += " " + $w else . + [$w] end)
  | .[] | $indent + .;
def column: . + "               " | .[0:15];
def typename: {"PER": "people", "LOC": "places", "ORG": "organisations", "MISC": "other names"}[.] // .;
# the distinct names of a group of entities, most mentioned first
def names: group_by(.text) | sort_by(-length, .[0].start)
  | map(.[0].text + (if length > 1 then " (\(length))" else "" end)) | join(", ");
def speaker: .speaker.name // .speaker.text // "unattributed";
"\(.id)" + (if .meta.date then " (\(.meta.date))" else "" end)
  + ": \(.sentences | length) sentences, \(.entities | length) entity mentions, \(.quotes | length) quotes",
"  " + ("title" | column) + ((.sentences[0].text // .text) | cut(82)),
( .entities | group_by(.type)
  | sort_by(.[0].type as $t | ["PER", "LOC", "ORG", "MISC"] | index($t) // 9)[]
  | "  " + (.[0].type | typename | column) + (names | cut(82)) ),
( if (.quotes | length) > 0 then "  quotes" else empty end ),
( .quotes[:6][] | "    " + ((speaker + ": “" + .text) | cut(92)) + "”" ),
( if (.quotes | length) > 6 then "    … and \(.quotes | length - 6) more" else empty end ),
"  summary",
( .summary.text | wrap(92; "    ") ),
""
