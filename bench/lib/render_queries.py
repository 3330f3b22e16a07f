#!/usr/bin/env python3
"""Turn a file of unencoded /api/search parameter lines (see bench/soak-queries.txt) into
URL-encoded request paths, one per line, for wrk.

usage: render_queries.py QUERIES.txt [ENDPOINT=/api/search] > paths.txt
"""
import sys
from urllib.parse import quote, urlencode


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    endpoint = sys.argv[2] if len(sys.argv) == 3 else "/api/search"
    for line in open(sys.argv[1], encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        params = []
        for part in line.split("&"):
            name, sep, value = part.partition("=")
            if not sep:
                sys.exit("no '=' in %r (line %r)" % (part, line))
            params.append((name, value))
        print("%s?%s" % (endpoint, urlencode(params, quote_via=quote)))


if __name__ == "__main__":
    main()
