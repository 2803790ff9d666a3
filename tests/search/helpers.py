"""Reading the search results page."""

import re

RESULT = re.compile(
    r'<li class="search-result search-result--(?P<kind>\w+)">\s*<h3><a href="'
    r'(?P<url>[^"]+)">(?P<title>[^<]+)</a>'
)


def results(response):
    """[(kind, title)] in the order shown."""
    html = response.content.decode()
    return [(m["kind"], m["title"]) for m in RESULT.finditer(html)]


def titles(response):
    return {title for _kind, title in results(response)}


def results_html(response):
    """Only the list of results (the footer holds the municipality's address)."""
    html = response.content.decode()
    start = html.find('<ol class="search-results"')
    return html[start : html.find("</ol>", start)] if start >= 0 else ""
