#!/usr/bin/env python3
"""Write COUNT small records that all contain TOKEN, for the re-ingest check.

usage: probe_records.py NAME COUNT TOKEN OUT.jsonl

Ids are "probe-NAME-00001"...; the other fields use values the synthetic records use too, so
facets stay meaningful. TOKEN appears nowhere else, so a search for it counts exactly these
records.
"""
import json
import sys

CLUSTERS = ["Health", "Energy", "Climate", "Digital", "Water"]
COUNTRIES = ["Germany", "France", "Italy", "Spain"]
PROGRAMMES = ["FP7", "Horizon 2020", "Horizon Europe"]
TYPES = ["project", "report", "news"]


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    name, count, token, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(out, "w", encoding="utf-8") as f:
        for i in range(1, count + 1):
            rec = {
                "id": "probe-%s-%05d" % (name, i),
                "title": "Probe %s record %d" % (name.upper(), i),
                "body": "This record belongs to probe set %s and carries the marker word %s. "
                        "It exists to check that a re-ingest becomes visible all at once." % (name, token),
                "doc_type": TYPES[i % len(TYPES)],
                "programme": PROGRAMMES[i % len(PROGRAMMES)],
                "country": [COUNTRIES[i % len(COUNTRIES)]],
                "cluster": [CLUSTERS[i % len(CLUSTERS)]],
                "population": 1000 * i,
            }
            f.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
