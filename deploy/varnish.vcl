vcl 4.1;
# The caching proxy in front of gunicorn (Debian's varnish). A template: the
# launcher (deploy/serve-production.sh) fills in the @NAMES@ and writes it to
# a temporary directory. What Django offers (Cache-Control: public with
# s-maxage, only on anonymous pages that are the same for every visitor; see
# caching/edge.py) is kept and served from here without reaching Python;
# everything else passes through. Wagtail's frontend cache purges with PURGE.

import std;

backend default {
    .host = "@BACKEND_HOST@";
    .port = "@BACKEND_PORT@";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the web processes and the task worker.
acl purgers {
    "127.0.0.1";
    "::1";
@EXTRA_PURGERS@
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        return (synth(405, "Not allowed"));
    }
    # Posts (forms), the admin and anything signed pass straight to Django.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/@ADMIN_PATH@/" || req.http.Authorization) {
        return (pass);
    }
    # The CSRF cookie alone does not make a visitor known (Django's page cache
    # serves them too); any other cookie (a session, messages) does: pass.
    if (req.http.Cookie) {
        set req.http.Cookie = regsuball(req.http.Cookie,
            "(^|;)\s*(__Host-csrftoken|csrftoken)=[^;]*", "");
        set req.http.Cookie = regsub(req.http.Cookie, "^[;\s]+", "");
        if (req.http.Cookie ~ "^\s*$") {
            unset req.http.Cookie;
        } else {
            return (pass);
        }
    }
    # The language is in the path (/en/ or none): Accept-Language changes nothing
    # there, so it does not split the cache. Elsewhere (the API) it is kept.
    if (req.url !~ "^/(api|documents|static|media)/") {
        unset req.http.Accept-Language;
    }
    return (hash);
}

sub vcl_backend_response {
    # Keep only what Django offers to share, and never a response with a cookie.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Remembered for a while as "fetch each time" (hit-for-miss), so requests
        # for it are not queued behind one another.
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    # A short grace: at a peak, one request refreshes an expired page while the
    # others get the old one for at most this long (the README's freshness).
    set beresp.grace = @GRACE@;
    # Kept compressed (most browsers ask for gzip; others get it unpacked): a
    # shared page holds no secret (no token), so compression gives nothing away.
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|atom\+xml|javascript))"
        && !beresp.http.Content-Encoding) {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Edge-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
    # s-maxage is for this proxy; a browser asks again each time.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = "no-cache";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
