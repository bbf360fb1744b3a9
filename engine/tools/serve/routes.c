/* routes.c: what `ladder serve` answers: the embedded files of assets/web, and the players' API
 * (README.md, "Playing in a browser": /api/hello, /api/start, /api/game, /api/play, /api/leave).
 * A game's requests are the JSON protocol's (ui/json/request.h parses them, strictly) and its
 * answers are the protocol's messages (ui/json/protocol.h), so the page is one more front end
 * on the protocol. Anything else goes to the facilitator's routes (facilitator.c) or is a 404. */
#include <cJSON.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/utf8.h"
#include "tools/serve/serve.h"
#include "ui/json/protocol.h"
#include "ui/json/request.h"
#include "web_assets.h"

/* A year, in seconds: how long a browser keeps its player's cookie. */
#define COOKIE_SECONDS 31536000

void serve_response_free(ServeResponse *r)
{
    buf_free(&r->body);
    free(r->set_cookie);
    free(r->etag);
}

static void error_v(ServeResponse *out, int status, const char *reason, const char *fmt,
                    va_list ap) LADDER_PRINTF(4, 0);
static void error_v(ServeResponse *out, int status, const char *reason, const char *fmt,
                    va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "error", msg);
    if (reason)
        cJSON_AddStringToObject(o, "reason", reason);
    serve_json(out, o);
    out->status = status;
}

void serve_error(ServeResponse *out, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_v(out, status, NULL, fmt, ap);
    va_end(ap);
}

void serve_refuse(ServeResponse *out, int status, const char *reason, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_v(out, status, reason, fmt, ap);
    va_end(ap);
}

void serve_json(ServeResponse *out, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    buf_free(&out->body);
    out->status = 200;
    out->type = "application/json; charset=utf-8";
    if (s) { /* RFC 8259 section 8.1: only UTF-8 goes out, whatever a story's strings hold */
        utf8_repair(s, strlen(s), &out->body);
        cJSON_free(s);
    } else {
        out->status = 500;
        buf_puts(&out->body, "{\"error\":\"out of memory\"}");
    }
}

static bool is(const ServeRequest *rq, const char *method, const char *path)
{
    return strcmp(rq->path, path) == 0 && strcmp(rq->method, method) == 0;
}

/* The embedded file at path: "/" is the player's page ("/room", the phone's, in room mode),
 * "/facilitator", "/room", "/projector" and "/presenter" the others. */
static const WebAsset *asset_at(const char *path, bool phones)
{
    static const char *const pages[][2] = {{"/facilitator", "/facilitator.html"},
                                           {"/room", "/room.html"},
                                           {"/projector", "/projector.html"},
                                           {"/presenter", "/presenter.html"}};
    if (strcmp(path, "/") == 0)
        path = phones ? "/room.html" : "/index.html";
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++)
        if (strcmp(path, pages[i][0]) == 0)
            path = pages[i][1];
    for (size_t i = 0; i < web_n_assets; i++)
        if (strcmp(web_assets[i].path, path) == 0)
            return &web_assets[i];
    return NULL;
}

/* The body of a POST as a JSON object, or NULL with out set to the 4xx answer. The caller
 * deletes what is returned. */
static cJSON *body_object(const ServeRequest *rq, ServeResponse *out)
{
    if (!rq->content_type || strncmp(rq->content_type, "application/json", 16) != 0) {
        serve_error(out, 415, "send the request as JSON (Content-Type: application/json)");
        return NULL;
    }
    if (!rq->body || !utf8_valid(rq->body, rq->body_len)) {
        serve_error(out, 400, "the request body is empty or not UTF-8");
        return NULL;
    }
    cJSON *o = cJSON_ParseWithLength(rq->body, rq->body_len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        serve_error(out, 400, "the request body is not a JSON object");
        return NULL;
    }
    return o;
}

static const ServeStory *story_by_id(const Server *sv, const char *id)
{
    for (size_t i = 0; i < sv->n_stories; i++)
        if (strcmp(sv->stories[i].id, id) == 0)
            return &sv->stories[i];
    return NULL;
}

static void add_nullable(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static void hello(Server *sv, Player *pl, ServeResponse *out)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "welcome");
    cJSON_AddNumberToObject(o, "protocol", REQUEST_PROTOCOL);
    cJSON_AddStringToObject(o, "engine", LADDER_VERSION);
    add_nullable(o, "session", sv->session_code);
    cJSON_AddBoolToObject(o, "participant", players_participants(sv->players));
    cJSON *a = cJSON_AddArrayToObject(o, "stories");
    for (size_t i = 0; i < sv->n_stories; i++) {
        const ServeStory *st = &sv->stories[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", st->id);
        cJSON_AddStringToObject(x, "title", st->title);
        cJSON_AddStringToObject(x, "summary", st->summary);
        add_nullable(x, "content_note", st->content_note);
        cJSON_AddBoolToObject(x, "can_continue",
                              pl && players_can_continue(sv->players, pl, st->id));
        cJSON_AddItemToArray(a, x);
    }
    if (pl) {
        cJSON *p = cJSON_AddObjectToObject(o, "player");
        add_nullable(p, "name", pl->name);
        cJSON_AddBoolToObject(p, "anonymous", pl->anonymous);
        add_nullable(p, "story", pl->session ? session_root(pl->session)->id : NULL);
        cJSON_AddBoolToObject(p, "playing", pl->session != NULL);
    } else {
        cJSON_AddNullToObject(o, "player");
    }
    serve_json(out, o);
}

/* {"messages": msgs} */
static void messages(ServeResponse *out, cJSON *msgs)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "messages", msgs);
    serve_json(out, o);
}

static void start(Server *sv, Player *pl, const ServeRequest *rq, ServeResponse *out)
{
    cJSON *o = body_object(rq, out);
    if (!o)
        return;
    const cJSON *story = cJSON_GetObjectItemCaseSensitive(o, "story");
    const cJSON *cont = cJSON_GetObjectItemCaseSensitive(o, "continue");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
    const cJSON *anon = cJSON_GetObjectItemCaseSensitive(o, "anonymous");
    const ServeStory *st = cJSON_IsString(story) ? story_by_id(sv, story->valuestring) : NULL;
    bool participant = players_participants(sv->players);
    if (!st) {
        serve_error(out, cJSON_IsString(story) ? 404 : 400, "%s",
                    cJSON_IsString(story) ? "this server does not offer that story"
                                          : "\"story\" must name one of /api/hello's stories");
    } else if ((cont && !cJSON_IsBool(cont)) || (anon && !cJSON_IsBool(anon))) {
        serve_error(out, 400, "\"continue\" and \"anonymous\" are true or false");
    } else if (name && !cJSON_IsNull(name) &&
               (!cJSON_IsString(name) || !request_valid_name(name->valuestring))) {
        serve_error(out, 400, "a name has 1 to %d characters and no control characters",
                    SESSION_MAX_NAME);
    } else if (participant && !pl && !cJSON_IsString(name) && !cJSON_IsTrue(anon)) {
        serve_error(out, 400, "a participant gives a name or plays anonymously");
    } else {
        Err err;
        const char *nm = cJSON_IsString(name) ? name->valuestring : NULL;
        bool anonymous = cJSON_IsTrue(anon);
        if (!pl) {
            pl = players_add(sv->players, anonymous ? NULL : nm, anonymous, &err);
            if (!pl) {
                serve_error(out, 503, "%s", err.msg);
                cJSON_Delete(o);
                return;
            }
            char token[PLAYERS_TOKEN_LEN + 1];
            players_token(pl, token);
            out->set_cookie = xasprintf("ladder_player=%s; Path=/; Max-Age=%d; HttpOnly; "
                                        "SameSite=Strict", token, COOKIE_SECONDS);
        } else if (nm && !pl->name && !participant) {
            pl->name = xstrdup(nm);
        }
        int rc = players_start(sv->players, pl, st->ref, cJSON_IsTrue(cont), &err);
        if (rc != 0) {
            char *cookie = out->set_cookie; /* the player exists now: keep the cookie */
            out->set_cookie = NULL;
            serve_error(out, rc == STATUS_FAILED && cJSON_IsTrue(cont) ? 409 : 500, "%s",
                        err.msg);
            out->set_cookie = cookie;
        } else {
            char *cookie = out->set_cookie;
            out->set_cookie = NULL;
            messages(out, protocol_scene(pl->session, "scene"));
            out->set_cookie = cookie;
        }
    }
    cJSON_Delete(o);
}

/* The kinds of the protocol a browser may send to /api/play. */
static bool web_request(const Request *r, ServeResponse *out)
{
    switch (r->kind) {
    case REQUEST_QUIT:
        serve_error(out, 400, "quit is for the JSON line front end; a browser leaves with "
                              "POST /api/leave");
        return false;
    case REQUEST_LOAD: /* a browser loads its own slots, never a file the server can read */
        if (!paths_valid_save_name(r->text)) {
            serve_error(out, 400, "load takes a slot name (1 to 64 of A-Z a-z 0-9 _ -)");
            return false;
        }
        return true;
    default: return true;
    }
}

/* The server's own paths are not the browser's business: "saved" and "saves" messages lose
 * their "path" fields (the JSON line front end keeps them, for programs on the same machine). */
static void drop_paths(cJSON *msgs)
{
    cJSON *m;
    cJSON_ArrayForEach(m, msgs)
    {
        cJSON_DeleteItemFromObjectCaseSensitive(m, "path");
        cJSON *saves = cJSON_GetObjectItemCaseSensitive(m, "saves");
        cJSON *x;
        cJSON_ArrayForEach(x, saves)
        cJSON_DeleteItemFromObjectCaseSensitive(x, "path");
    }
}

static void play(Server *sv, Player *pl, const ServeRequest *rq, ServeResponse *out)
{
    if (!pl || !pl->session) {
        serve_error(out, 404, "no game is being played here: start one with POST /api/start");
        return;
    }
    cJSON *o = body_object(rq, out); /* checks the type, UTF-8 and shape first */
    if (!o)
        return;
    cJSON_Delete(o);
    Request r;
    Err err;
    if (request_parse(rq->body, rq->body_len, &r, &err) != 0) {
        serve_error(out, 400, "%s", err.msg);
        return;
    }
    if (!web_request(&r, out)) {
        request_free(&r);
        return;
    }
    bool was_ended = game_ended(session_game(pl->session));
    cJSON *msgs = cJSON_CreateArray();
    bool failed = false;
    protocol_serve(pl->session, &r, &pl->shown, msgs, &failed);
    const cJSON *last = cJSON_GetArrayItem(msgs, cJSON_GetArraySize(msgs) - 1);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(last, "type");
    bool moved = cJSON_IsString(type) && strcmp(type->valuestring, "scene") == 0;
    if (moved && r.kind == REQUEST_NAME && !pl->name)
        pl->name = xstrdup(r.text);
    players_moved(sv->players, pl, moved && r.kind == REQUEST_RESTART && was_ended);
    request_free(&r);
    drop_paths(msgs);
    messages(out, msgs);
}

void serve_route(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    if (sv->phones && strncmp(rq->path, "/api/", 5) == 0) { /* room mode: its routes only */
        if (!serve_phones_route(sv, rq, out))
            serve_error(out, 404, "there is no such route in room mode");
        return;
    }
    Player *pl = sv->phones ? NULL : players_find(sv->players, rq->cookie);
    if (strncmp(rq->path, "/api/", 5) != 0 && strncmp(rq->path, "/report/", 8) != 0) {
        const WebAsset *a = asset_at(rq->path, sv->phones != NULL);
        if (!a) {
            serve_error(out, 404, "there is nothing at this address");
        } else if (strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0) {
            serve_error(out, 405, "pages are read with GET");
        } else {
            out->status = 200;
            out->type = a->type;
            out->static_body = a->data;
            out->static_len = a->len;
        }
        return;
    }
    if (is(rq, "GET", "/api/hello")) {
        hello(sv, pl, out);
    } else if (is(rq, "POST", "/api/start")) {
        start(sv, pl, rq, out);
    } else if (is(rq, "GET", "/api/game")) {
        if (!pl || !pl->session)
            serve_error(out, 404, "no game is being played here: choose a story");
        else
            messages(out, protocol_scene(pl->session, "scene"));
    } else if (is(rq, "POST", "/api/play")) {
        play(sv, pl, rq, out);
    } else if (is(rq, "POST", "/api/leave")) {
        if (!pl) {
            serve_error(out, 404, "no player is known by this browser");
        } else {
            players_leave(sv->players, pl);
            serve_json(out, cJSON_CreateObject());
            buf_free(&out->body);
            buf_puts(&out->body, "{\"ok\":true}");
        }
    } else if (!serve_room_route(sv, rq, out)) {
        bool known = strcmp(rq->path, "/api/hello") == 0 || strcmp(rq->path, "/api/start") == 0 ||
                     strcmp(rq->path, "/api/game") == 0 || strcmp(rq->path, "/api/play") == 0 ||
                     strcmp(rq->path, "/api/leave") == 0;
        if (known)
            serve_error(out, 405, "%s does not take %s", rq->path, rq->method);
        else
            serve_error(out, 404, "there is no such route");
    }
}
