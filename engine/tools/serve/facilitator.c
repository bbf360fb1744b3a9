/* facilitator.c: the facilitator's routes of `ladder serve`: the room's state for the facilitator's
 * page (/api/room, with an ETag so an unchanged room costs a 304), the session's report
 * (/api/report makes a one-time address, /report/NONCE serves the page `ladder report` makes),
 * and the join address as a QR code (/api/qr.svg). Facilitator routes need the admin token
 * (Authorization: Bearer TOKEN), compared in constant time. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/story.h"
#include "tools/report/report.h"
#include "tools/serve/serve.h"

bool serve_is_admin(const Server *sv, const ServeRequest *rq)
{
    const char *a = rq->authorization;
    if (!a || strncmp(a, "Bearer ", 7) != 0 || strlen(a + 7) != 64)
        return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < 64; i++)
        diff |= (unsigned char)(a[7 + i] ^ sv->admin[i]);
    return diff == 0;
}

static void add_nullable(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static void iso_time(double t, char *buf, size_t n)
{
    time_t s = (time_t)t;
    struct tm tm;
    gmtime_r(&s, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* One participant as the facilitator sees them. */
static cJSON *participant(const Player *pl)
{
    cJSON *x = cJSON_CreateObject();
    cJSON_AddStringToObject(x, "id", pl->id);
    add_nullable(x, "name", pl->anonymous ? NULL : pl->name);
    cJSON_AddBoolToObject(x, "anonymous", pl->anonymous);
    char when[32];
    iso_time(pl->updated, when, sizeof when);
    cJSON_AddStringToObject(x, "updated", when);
    if (!pl->session) {
        add_nullable(x, "story", NULL);
        cJSON_AddBoolToObject(x, "playing", false);
        return x;
    }
    const Game *g = session_game(pl->session);
    const Story *st = game_story(g);
    const Scene *sc = game_scene(g);
    cJSON_AddStringToObject(x, "story", session_root(pl->session)->id);
    cJSON_AddStringToObject(x, "title", session_root(pl->session)->title);
    cJSON_AddBoolToObject(x, "playing", true);
    add_nullable(x, "chapter", game_chapter(g));
    cJSON_AddStringToObject(x, "scene", sc->id);
    cJSON_AddNumberToObject(x, "decisions", (double)game_decision_count(g));
    cJSON_AddBoolToObject(x, "ended", sc->ending);
    if (sc->ending) {
        cJSON *e = cJSON_AddObjectToObject(x, "ending");
        cJSON_AddStringToObject(e, "id", sc->id);
        cJSON_AddStringToObject(e, "title", sc->title);
        cJSON_AddStringToObject(e, "verdict", story_verdict_name(sc->verdict));
    } else {
        cJSON_AddNullToObject(x, "ending");
    }
    cJSON *stats = cJSON_AddArrayToObject(x, "stats");
    for (size_t i = 0; i < st->n_stats; i++) {
        const StatDef *d = &st->stats[i];
        if (d->hidden && !sc->ending)
            continue;
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "id", d->id);
        cJSON_AddStringToObject(s, "label", d->label);
        cJSON_AddNumberToObject(s, "value", game_stat(g, i));
        cJSON_AddNumberToObject(s, "min", d->min);
        cJSON_AddNumberToObject(s, "max", d->max);
        cJSON_AddStringToObject(s, "good", story_stat_good_name(d->good));
        cJSON_AddItemToArray(stats, s);
    }
    const char *res = session_results_path(pl->session);
    const char *base = res ? strrchr(res, '/') : NULL;
    add_nullable(x, "results_file", base ? base + 1 : res);
    return x;
}

/* The endings reached so far, by story and ending, with how many reached each. */
static void add_endings(cJSON *o, Players *ps)
{
    cJSON *a = cJSON_AddArrayToObject(o, "endings");
    for (size_t i = 0; i < players_count(ps); i++) {
        const Player *pl = players_at(ps, i);
        if (!pl->session || !game_ended(session_game(pl->session)))
            continue;
        const char *story = session_root(pl->session)->id;
        const Scene *sc = game_scene(session_game(pl->session));
        cJSON *e;
        bool found = false;
        cJSON_ArrayForEach(e, a)
        {
            if (strcmp(cJSON_GetObjectItem(e, "story")->valuestring, story) == 0 &&
                strcmp(cJSON_GetObjectItem(e, "id")->valuestring, sc->id) == 0) {
                cJSON *c = cJSON_GetObjectItem(e, "count");
                cJSON_SetNumberValue(c, c->valuedouble + 1);
                found = true;
                break;
            }
        }
        if (!found) {
            e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "story", story);
            cJSON_AddStringToObject(e, "id", sc->id);
            cJSON_AddStringToObject(e, "title", sc->title);
            cJSON_AddStringToObject(e, "verdict", story_verdict_name(sc->verdict));
            cJSON_AddNumberToObject(e, "count", 1);
            cJSON_AddItemToArray(a, e);
        }
    }
}

static void room(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    char etag[48];
    snprintf(etag, sizeof etag, "\"room-%lu\"", players_version(sv->players));
    if (rq->if_none_match && strcmp(rq->if_none_match, etag) == 0) {
        out->status = 304;
        out->type = "application/json; charset=utf-8";
        out->etag = xstrdup(etag);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    add_nullable(o, "session", sv->session_code);
    cJSON_AddStringToObject(o, "join", sv->join_url);
    add_nullable(o, "results", sv->results_dir);
    size_t playing = 0, finished = 0, n = players_count(sv->players);
    cJSON *people = cJSON_CreateArray();
    for (size_t i = 0; i < n; i++) {
        const Player *pl = players_at(sv->players, i);
        playing += pl->session && !game_ended(session_game(pl->session));
        finished += pl->session && game_ended(session_game(pl->session));
        cJSON_AddItemToArray(people, participant(pl));
    }
    cJSON *counts = cJSON_AddObjectToObject(o, "counts");
    cJSON_AddNumberToObject(counts, "joined", (double)n);
    cJSON_AddNumberToObject(counts, "playing", (double)playing);
    cJSON_AddNumberToObject(counts, "finished", (double)finished);
    cJSON_AddItemToObject(o, "participants", people);
    add_endings(o, sv->players);
    serve_json(out, o);
    out->etag = xstrdup(etag);
}

static void report_link(Server *sv, ServeResponse *out)
{
    if (!sv->results_dir) {
        serve_error(out, 409, "there is no report without a results folder: start the server "
                              "with --session CODE --results DIR");
        return;
    }
    double now = util_now_seconds();
    ServeReportLink *slot = &sv->links[0];
    for (size_t i = 0; i < SERVE_REPORT_LINKS; i++) /* a free slot, else the oldest */
        if (sv->links[i].expires < slot->expires)
            slot = &sv->links[i];
    unsigned char b[16];
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
        serve_error(out, 500, "no random numbers for the report's address");
        return;
    }
    for (size_t i = 0; i < sizeof b; i++)
        snprintf(slot->nonce + 2 * i, 3, "%02x", b[i]);
    slot->expires = now + SERVE_REPORT_SECONDS;
    cJSON *o = cJSON_CreateObject();
    char *url = xasprintf("/report/%s", slot->nonce);
    cJSON_AddStringToObject(o, "url", url);
    free(url);
    cJSON_AddNumberToObject(o, "expires_in", SERVE_REPORT_SECONDS);
    serve_json(out, o);
}

static void report(Server *sv, const char *nonce, ServeResponse *out)
{
    double now = util_now_seconds();
    ServeReportLink *hit = NULL;
    for (size_t i = 0; i < SERVE_REPORT_LINKS; i++)
        if (sv->links[i].expires > now && strlen(nonce) == 32 &&
            strcmp(sv->links[i].nonce, nonce) == 0)
            hit = &sv->links[i];
    if (!hit) {
        serve_error(out, 404, "this report address is unknown or has expired: make the report "
                              "again from the facilitator's page");
        return;
    }
    Err err;
    char *page = report_page_of_folder(sv->results_dir, &err);
    if (!page) {
        serve_error(out, 409, "%s", err.msg);
        return;
    }
    out->status = 200;
    out->type = "text/html; charset=utf-8";
    out->report_page = true;
    buf_puts(&out->body, page);
    free(page);
}

bool serve_room_route(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    bool get = strcmp(rq->method, "GET") == 0, post = strcmp(rq->method, "POST") == 0;
    if (strcmp(rq->path, "/api/qr.svg") == 0 && get) {
        if (!sv->qr_svg) {
            serve_error(out, 500, "the join address could not be drawn as a QR code");
            return true;
        }
        out->status = 200;
        out->type = "image/svg+xml";
        buf_puts(&out->body, sv->qr_svg);
        return true;
    }
    if (strncmp(rq->path, "/report/", 8) == 0 && get) {
        report(sv, rq->path + 8, out);
        return true;
    }
    bool is_room = strcmp(rq->path, "/api/room") == 0 && get;
    bool is_report = strcmp(rq->path, "/api/report") == 0 && post;
    if (!is_room && !is_report)
        return false;
    if (!serve_is_admin(sv, rq)) {
        serve_error(out, rq->authorization ? 403 : 401,
                    "the facilitator's token is %s: open the address `ladder serve` printed",
                    rq->authorization ? "wrong" : "missing");
        return true;
    }
    if (is_room)
        room(sv, rq, out);
    else
        report_link(sv, out);
    return true;
}
