vcl 4.1;
# Habarshy behind Varnish 7 (Debian: apt-get install varnish varnish-modules).
#
# - Pages are cached by URL and host for as long as the app's Cache-Control says (max-age, or
#   s-maxage, or a Surrogate-Control max-age, which wins as on Fastly); stale-while-revalidate
#   becomes grace (a stale page is served while a fresh one is fetched).
# - Each cached page carries the keys of the app's `Surrogate-Key` header (space-separated, the
#   same strings as the app's own cache tags: a123, s45, l-kz, sec3-kz, t7, au2, p-kz, e-kz,
#   sections). The app purges exactly those keys when an article is published, corrected or
#   unpublished (EDGE_PURGE_URL points here).
# - Purge, Fastly style: `PURGE /` (any path) with `Surrogate-Key: k1 k2` (or xkey's
#   `xkey-purge: k1 k2`), only from the `purgers` ACL. `Fastly-Soft-Purge: 1` marks the pages
#   stale instead of removing them. The answer is 200 with `X-Purged: <objects>`.
# - Never cached: the newsroom and its API, the beacon, metrics and probes, anything but GET/HEAD,
#   and any request of a signed-in newsroom user (the hb_session cookie).
# - Responses say X-Cache: HIT|MISS and X-Cache-Hits; Surrogate-Key and Surrogate-Control are
#   removed before the reader sees them (as Fastly does), unless the request sends Fastly-Debug.
#
# Run (the backend below is the app's HOST:PORT):
#   varnishd -a :80 -f /etc/varnish/habarshy.vcl -s malloc,1g
import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 3s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the app's hosts. Add their addresses here.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.Surrogate-Key) {
            set req.http.xkey-purge = req.http.Surrogate-Key;
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Surrogate-Key header missing"));
        }
        if (req.http.Fastly-Soft-Purge == "1") {
            set req.http.X-Purged = xkey.softpurge(req.http.xkey-purge);
        } else {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(newsroom|api/newsroom|beacon|metrics|healthz|readyz)([/?]|$)") {
        return (pass);
    }
    # A signed-in newsroom user: never from the cache, never into it.
    if (req.http.Cookie ~ "(^|;\s*)hb_session=") {
        return (pass);
    }
    # "/" picks the reader's edition from the `edition` cookie and Accept-Language: the app answers
    # it `private`, so it is not cached; its cookie must reach the app.
    if (req.url ~ "^/(\?|$)") {
        return (pass);
    }
    # Reader pages do not depend on cookies (analytics cookies would make every request a miss).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_backend_response {
    # The keys this page shows, for xkey.purge.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Fastly semantics: Surrogate-Control is for the edge only and overrides Cache-Control here.
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, ".*max-age=([0-9]+).*", "\1") + "s", beresp.ttl);
    }
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1") + "s", beresp.grace);
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.keep = std.duration(regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", beresp.keep);
    }
    # Server errors and what the app marks private or no-store are never kept.
    if (beresp.status >= 500 || beresp.http.Cache-Control ~ "(private|no-store|no-cache)" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    set resp.http.X-Cache-Hits = obj.hits;
    unset resp.http.xkey;
    if (!req.http.Fastly-Debug) {
        unset resp.http.Surrogate-Key;
        unset resp.http.Surrogate-Control;
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.X-Purged = req.http.X-Purged;
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
