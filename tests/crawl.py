"""Walking the site as a visitor does: every page reachable from some seeds."""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

HREF = re.compile(r"""(?:href|src)="([^"#]*)""")
FOLLOWED_TYPES = ("text/html", "application/atom+xml", "application/xml")
NOT_FOLLOWED = ("/admin", "/static/", "/media/", "/documents/")


def crawl(client, seeds, root, within="/", limit=400, links=None):
    """{path: (response, body)} for the pages reachable from `seeds` on `root`
    (an address like http://host:port) under the path `within`. `links(body)`
    gives the further addresses a body names (its href and src by default)."""
    netloc = urlsplit(root).netloc
    seen, queue, found = set(), deque(seeds), {}
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or not hasattr(response, "content"):
            continue
        body = response.content.decode("utf-8", "replace")
        found[path] = (response, body)
        if not response["Content-Type"].startswith(FOLLOWED_TYPES):
            continue
        named = HREF.findall(body) + (links(body) if links else [])
        for href in named:
            address = urlsplit(urljoin(root + path, href.replace("&amp;", "&")))
            if address.netloc != netloc or not address.path.startswith(within):
                continue
            if address.path.startswith(NOT_FOLLOWED):
                continue
            queue.append(address.path + (f"?{address.query}" if address.query else ""))
    return found
