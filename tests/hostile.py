"""A corpus of hostile input, submitted through every public form."""

SCRIPT = "<script>alert('xss-script')</script>"
ATTRIBUTE = '"><img src=x onerror="alert(\'xss-attr\')">'
JS_LINK = "javascript:alert('xss-link')"
DATA_LINK = "data:text/html,<script>alert('xss-data')</script>"
SQL = "'; DROP TABLE proposals_proposal; --"
RTL = "Förslag \u202egnp.exe\u202c med \u200bnollbredd\u200d"
LONG = "lång " * 2000

# Text a resident could type in a browser (no null bytes: browsers drop them).
BROWSER_CORPUS = [SCRIPT, ATTRIBUTE, JS_LINK, DATA_LINK, SQL, RTL]
# Everything, for direct HTTP requests.
HTTP_CORPUS = [*BROWSER_CORPUS, LONG, "null\x00byte", "\x00" * 50]
