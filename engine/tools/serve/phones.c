/* phones.c: room mode with the room's phones (phones.h): the room's routes under /api/room/
 * (join, state, vote for participants; presenter and control for the facilitator's token; the
 * join QR code) and phones_run, which serves a room until Ctrl-C. Every vote and decision goes
 * through core/room.h, which journals it before the answer leaves. */
#include "tools/serve/phones.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/paths.h"
#include "core/screen.h"
#include "core/utf8.h"
#include "out/debrief.h"
#include "tools/serve/serve.h"
#include "ui/json/protocol.h"

/* The room code's alphabet: capitals and digits that cannot be read as each other (no I, O,
 * 0, 1). */
static const char CODE_ALPHABET[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
#define CODE_LEN 5
#define TIMER_DEFAULT 120

struct ServePhones {
    Room *room;
    Players *people; /* the participants: a token each, no game of their own */
    char code[CODE_LEN + 1];
    int timer_total;       /* seconds the presenter's timer starts with */
    double deadline;       /* util_now_seconds at zero; 0: not started */
    unsigned long version; /* changes with every vote, decision and control */
    bool session_ended;    /* the presenter ended the session */
    char *join;            /* http://HOST:PORT/room */
    char *qr_svg;          /* the join address with ?code=, as a QR code */
};

static void add_nullable(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static Session *session_of(const ServePhones *ph)
{
    return room_session(ph->room);
}

/* The room as phones and the projector see it (room_api.md, "GET /api/room/state"). */
static cJSON *state_json(ServePhones *ph, const Screen *sc, const char *participant)
{
    const Game *g = session_game(session_of(ph));
    cJSON *o = cJSON_CreateObject();
    cJSON_AddBoolToObject(o, "session_ended", ph->session_ended);
    cJSON_AddBoolToObject(o, "joined", participant != NULL);
    cJSON_AddStringToObject(o, "room_code", ph->code);
    cJSON_AddStringToObject(o, "join", ph->join ? ph->join : "");
    cJSON_AddStringToObject(o, "title", sc->title);
    add_nullable(o, "chapter", sc->chapter);
    cJSON_AddNumberToObject(o, "decision", (double)(room_decision_count(ph->room) + 1));
    cJSON_AddItemToObject(o, "paragraphs", protocol_prose(&sc->text));
    add_nullable(o, "question", sc->discuss);
    size_t n = sc->n_available;
    cJSON *choices = cJSON_AddArrayToObject(o, "choices");
    for (size_t i = 0; i < n; i++) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddNumberToObject(c, "n", (double)(i + 1));
        cJSON_AddStringToObject(c, "text", sc->choices[i].text.text);
        cJSON_AddItemToArray(choices, c);
    }
    int *counts = xcalloc(n ? n : 1, sizeof *counts);
    size_t voted = room_ballot(ph->room, counts, n);
    cJSON *vote = cJSON_AddObjectToObject(o, "vote");
    cJSON_AddBoolToObject(vote, "open",
                          room_ballot_open(ph->room) && !game_ended(g) && !ph->session_ended);
    cJSON_AddItemToObject(vote, "counts", cJSON_CreateIntArray(counts, (int)n));
    cJSON_AddNumberToObject(vote, "voted", (double)voted);
    cJSON_AddNumberToObject(vote, "joined", (double)players_count(ph->people));
    free(counts);
    int mine = participant ? room_vote_of(ph->room, participant) : -1;
    if (mine >= 0)
        cJSON_AddNumberToObject(o, "your_vote", mine + 1);
    else
        cJSON_AddNullToObject(o, "your_vote");
    cJSON *timer = cJSON_AddObjectToObject(o, "timer");
    cJSON_AddNumberToObject(timer, "total", ph->timer_total);
    double left = ph->deadline > 0 ? ph->deadline - util_now_seconds() : 0;
    if (ph->deadline > 0)
        cJSON_AddNumberToObject(timer, "left", left > 0 ? (double)(long)(left + 0.5) : 0);
    else
        cJSON_AddNullToObject(timer, "left");
    cJSON_AddBoolToObject(timer, "running", ph->deadline > 0 && left > 0);
    size_t k = room_decision_count(ph->room); /* across a campaign's chapters */
    const RoomTally *t = sc->n_decisions && k ? room_tally(ph->room, k - 1) : NULL;
    if (t && t->n) {
        cJSON *d = cJSON_AddObjectToObject(o, "decided");
        cJSON_AddNumberToObject(d, "choice", (double)(t->chosen + 1));
        cJSON_AddStringToObject(d, "text", t->texts[t->chosen]);
    } else {
        cJSON_AddNullToObject(o, "decided");
    }
    cJSON_AddBoolToObject(o, "ended", sc->ending != NULL);
    /* a campaign's chapter that ended: the presenter's "next" goes on to the next one */
    add_nullable(o, "next_chapter", session_next_chapter(session_of(ph)));
    if (sc->ending) {
        cJSON *e = cJSON_AddObjectToObject(o, "ending");
        cJSON_AddStringToObject(e, "title", sc->ending->title);
        cJSON_AddStringToObject(e, "verdict", sc->ending->verdict_name);
        add_nullable(e, "lesson", sc->ending->lesson);
    } else {
        cJSON_AddNullToObject(o, "ending");
    }
    return o;
}

/* The options sharing the most votes when more than one does (1-based), or NULL. */
static cJSON *tie_json(const ServePhones *ph, size_t n)
{
    if (n == 0)
        return cJSON_CreateNull();
    int *counts = xcalloc(n, sizeof *counts);
    size_t voted = room_ballot(ph->room, counts, n), ties;
    size_t best = room_winner(counts, n, &ties);
    cJSON *a = cJSON_CreateNull();
    if (voted > 0 && ties > 1) {
        cJSON_Delete(a);
        a = cJSON_CreateArray();
        for (size_t i = 0; i < n; i++)
            if (counts[i] == counts[best])
                cJSON_AddItemToArray(a, cJSON_CreateNumber((double)(i + 1)));
    }
    free(counts);
    return a;
}

static cJSON *presenter_json(ServePhones *ph)
{
    Screen *sc = screen_of(session_of(ph));
    cJSON *o = state_json(ph, sc, NULL);
    add_nullable(o, "lesson", sc->lesson);
    add_nullable(o, "discuss", sc->discuss);
    cJSON_AddItemToObject(o, "tie", tie_json(ph, sc->n_available));
    RoomRoad road;
    room_road_current(ph->room, &road);
    cJSON *tl = cJSON_AddArrayToObject(o, "timeline");
    for (size_t i = 0; i < road.n; i++) {
        const RoomStep *st = &road.steps[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "n", (double)(i + 1));
        cJSON_AddStringToObject(x, "heading", st->heading);
        cJSON_AddStringToObject(x, "choice", st->choice);
        int voted = 0;
        if (st->tally.counts) {
            cJSON_AddItemToObject(x, "counts",
                                  cJSON_CreateIntArray(st->tally.counts, (int)st->tally.n));
            for (size_t k = 0; k < st->tally.n; k++)
                voted += st->tally.counts[k];
        } else {
            cJSON_AddNullToObject(x, "counts");
        }
        cJSON_AddNumberToObject(x, "voted", voted);
        cJSON_AddNumberToObject(x, "seconds", (double)(long)(st->tally.seconds + 0.5));
        cJSON_AddItemToArray(tl, x);
    }
    room_road_free(&road);
    screen_free(sc);
    /* where the debrief and the handout were written, once they were (the presenter says it) */
    if (room_debrief_md(ph->room)) {
        cJSON *d = cJSON_AddObjectToObject(o, "debrief");
        char *handout = debrief_handout_path(ph->room);
        cJSON_AddStringToObject(d, "md", room_debrief_md(ph->room));
        cJSON_AddStringToObject(d, "html", room_debrief_html(ph->room));
        cJSON_AddStringToObject(d, "handout", handout);
        free(handout);
    } else {
        cJSON_AddNullToObject(o, "debrief");
    }
    return o;
}

/* Say on the server's terminal where the debrief and the handout are. */
static void say_written(ServePhones *ph)
{
    debrief_tell(stdout, ph->room);
    fflush(stdout);
}

/* The answer with an ETag of the room's version (and who asks); 304 when it matches. */
static bool unchanged(const ServePhones *ph, const ServeRequest *rq, const char *who,
                      ServeResponse *out)
{
    char etag[96];
    snprintf(etag, sizeof etag, "\"%s-%lu-%d\"", who, ph->version,
             ph->deadline > 0 ? (int)(ph->deadline * 10) % 100000 : 0);
    out->etag = xstrdup(etag);
    if (rq->if_none_match && strcmp(rq->if_none_match, etag) == 0) {
        out->status = 304;
        out->type = "application/json; charset=utf-8";
        return true;
    }
    return false;
}

static cJSON *body(const ServeRequest *rq, ServeResponse *out)
{
    if (!rq->content_type || strncmp(rq->content_type, "application/json", 16) != 0) {
        serve_error(out, 415, "send the request as JSON (Content-Type: application/json)");
        return NULL;
    }
    cJSON *o = rq->body && utf8_valid(rq->body, rq->body_len)
                   ? cJSON_ParseWithLength(rq->body, rq->body_len)
                   : NULL;
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        serve_error(out, 400, "the request body is not a JSON object");
        return NULL;
    }
    return o;
}

/* A whole number from lo to hi in o[key], or -1. */
static long whole(const cJSON *o, const char *key, long lo, long hi)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long)v->valuedouble ||
        v->valuedouble < (double)lo || v->valuedouble > (double)hi)
        return -1;
    return (long)v->valuedouble;
}

/* A room code as a participant typed it, read as the projector shows it: letters in any case
 * (the alphabet is capitals), spaces, tabs and dashes anywhere left out ("kq7-zp", " KQ7 ZP ");
 * anything else, or other than CODE_LEN characters left, is not a code (false). The code is
 * spoken and copied from a wall in a room, so what people add between its characters does not
 * count (issue 17's rule for session codes: no case, no outer spaces). */
static bool code_as_typed(const char *typed, char out[CODE_LEN + 1])
{
    size_t n = 0;
    for (const char *p = typed; *p; p++) {
        char c = *p;
        if (c == ' ' || c == '\t' || c == '-')
            continue;
        if (n == CODE_LEN)
            return false;
        out[n++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    out[n] = '\0';
    return n == CODE_LEN;
}

static void join(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    ServePhones *ph = sv->phones;
    cJSON *o = body(rq, out);
    if (!o)
        return;
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(o, "code");
    char given[CODE_LEN + 1] = "";
    bool read = cJSON_IsString(code) && code_as_typed(code->valuestring, given);
    cJSON_Delete(o);
    if (!read || strcmp(given, ph->code) != 0) {
        serve_error(out, 403, "That is not this room's code. It has %d letters and digits: "
                              "check it on the projector.", CODE_LEN);
        return;
    }
    if (!players_find(ph->people, rq->room_cookie)) {
        Err err;
        Player *p = players_add(ph->people, NULL, true, &err);
        if (!p) {
            serve_error(out, 503, "%s", err.msg);
            return;
        }
        char token[PLAYERS_TOKEN_LEN + 1];
        players_token(p, token);
        out->set_cookie = xasprintf("ladder_room=%s; Path=/; Max-Age=86400; HttpOnly; "
                                    "SameSite=Strict", token);
        ph->version++;
    }
    char *cookie = out->set_cookie;
    out->set_cookie = NULL;
    serve_json(out, cJSON_CreateObject());
    buf_free(&out->body);
    buf_puts(&out->body, "{\"ok\":true}");
    out->set_cookie = cookie;
}

static void vote(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    ServePhones *ph = sv->phones;
    if (!rq->room_cookie) {
        serve_error(out, 401, "join the room first, with its code");
        return;
    }
    Player *p = players_find(ph->people, rq->room_cookie);
    if (!p) {
        serve_error(out, 403, "this phone has not joined this room: join with its code");
        return;
    }
    cJSON *o = body(rq, out);
    if (!o)
        return;
    const Game *g = session_game(session_of(ph));
    size_t now = room_decision_count(ph->room) + 1;
    long decision = whole(o, "decision", 1, 100000);
    long choice = whole(o, "choice", 1, 1000);
    cJSON_Delete(o);
    if (decision < 0 || choice < 0) {
        serve_error(out, 400, "a vote is {\"decision\": N, \"choice\": K}, whole numbers from 1");
        return;
    }
    if ((size_t)decision != now) {
        serve_refuse(out, 409, "moved_on", "the room has moved on: it is at decision %zu now", now);
        return;
    }
    if (ph->session_ended || game_ended(g)) {
        serve_refuse(out, 409, "ended", "%s",
                     ph->session_ended ? "the facilitator has ended the session"
                                       : "the story has ended");
        return;
    }
    Err err;
    size_t n = game_choice_count(g);
    if ((size_t)choice > n) {
        serve_error(out, 400, "there is no option %ld to vote for (1 to %zu)", choice, n);
        return;
    }
    if (room_vote(ph->room, p->id, (size_t)choice - 1, &err) != 0) {
        serve_refuse(out, 409, game_ended(g) ? "ended" : "closed", "%s", err.msg);
        return;
    }
    ph->version++;
    cJSON *a = cJSON_CreateObject();
    cJSON_AddBoolToObject(a, "ok", true);
    cJSON_AddNumberToObject(a, "your_vote", (double)choice);
    serve_json(out, a);
}

/* After a decision: the timer stops, and at an ending the debrief is written (as the other
 * room modes do). */
static void decided(ServePhones *ph)
{
    ph->deadline = 0;
    ph->version++;
    if (game_ended(session_game(session_of(ph)))) {
        Err err;
        if (debrief_write(ph->room, NULL, NULL, &err) == 0)
            say_written(ph);
        else
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
    }
}

static void control(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    ServePhones *ph = sv->phones;
    cJSON *o = body(rq, out);
    if (!o)
        return;
    const cJSON *action = cJSON_GetObjectItemCaseSensitive(o, "action");
    const char *a = cJSON_IsString(action) ? action->valuestring : "";
    const Game *g = session_game(session_of(ph));
    if (strcmp(a, "end") != 0) /* anything but end takes the session up again */
        ph->session_ended = false;
    size_t n = game_choice_count(g);
    Err err;
    int rc = 0;
    if (strcmp(a, "open") == 0 || strcmp(a, "close") == 0) {
        room_ballot_set_open(ph->room, strcmp(a, "open") == 0);
        ph->version++;
    } else if (strcmp(a, "majority") == 0 || strcmp(a, "pick") == 0) {
        int *counts = xcalloc(n ? n : 1, sizeof *counts);
        size_t voted = room_ballot(ph->room, counts, n), ties = 0;
        size_t best = n ? room_winner(counts, n, &ties) : 0;
        long pick = strcmp(a, "pick") == 0 ? whole(o, "choice", 1, (long)n) : -1;
        if (game_ended(g)) {
            serve_error(out, 409, "the story has ended: rewind, or end the session");
        } else if (strcmp(a, "pick") == 0 && pick < 0) {
            serve_error(out, 400, "pick takes \"choice\": an option from 1 to %zu", n);
        } else if (strcmp(a, "majority") == 0 && voted == 0) {
            serve_error(out, 409, "nobody has voted yet: wait, or pick an option");
        } else if (strcmp(a, "majority") == 0 && ties > 1) {
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "error", "a tie: pick one of the options with most votes");
            cJSON_AddItemToObject(e, "tie", tie_json(ph, n));
            serve_json(out, e);
            out->status = 409;
        } else {
            size_t choice = pick > 0 ? (size_t)pick - 1 : best;
            /* a pick among the options that tie for the most votes breaks the tie */
            bool tie = pick > 0 && voted > 0 && ties > 1 && counts[choice] == counts[best];
            rc = room_decide(ph->room, choice, voted ? counts : NULL, tie, &err);
            if (rc == 0)
                decided(ph);
        }
        free(counts);
        if (out->status) {
            cJSON_Delete(o);
            return;
        }
    } else if (strcmp(a, "timer") == 0) {
        long secs = whole(o, "seconds", 0, 3600);
        if (secs < 0) {
            serve_error(out, 400, "the timer takes \"seconds\" from 1 to 3600 (0 stops it)");
            cJSON_Delete(o);
            return;
        }
        if (secs > 0)
            ph->timer_total = (int)secs;
        ph->deadline = secs > 0 ? util_now_seconds() + (double)secs : 0;
        ph->version++;
    } else if (strcmp(a, "rewind") == 0) {
        long to = whole(o, "to", 1, 100000);
        rc = to < 0 ? -1 : room_rewind(ph->room, (size_t)to, &err);
        if (to < 0)
            err_set(&err, "rewind takes \"to\": a decision from 1");
        if (rc == 0) {
            ph->deadline = 0;
            ph->version++;
        } else {
            serve_error(out, 400, "%s", err.msg);
            cJSON_Delete(o);
            return;
        }
    } else if (strcmp(a, "next") == 0) {
        if (room_advance(ph->room, &err) != 0) {
            serve_error(out, 409, "%s", err.msg);
            cJSON_Delete(o);
            return;
        }
        ph->deadline = 0;
        ph->version++;
    } else if (strcmp(a, "end") == 0) {
        if (room_decision_count(ph->room) > 0 && debrief_write(ph->room, NULL, NULL, &err) != 0) {
            serve_error(out, 500, "the debrief could not be written: %s", err.msg);
            cJSON_Delete(o);
            return;
        }
        if (room_decision_count(ph->room) > 0)
            say_written(ph);
        ph->session_ended = true;
        ph->deadline = 0;
        ph->version++;
    } else {
        serve_error(out, 400, "action is one of open, close, majority, pick, timer, rewind, next, "
                             "end");
        cJSON_Delete(o);
        return;
    }
    cJSON_Delete(o);
    if (rc != 0) {
        serve_error(out, 500, "the story failed: %s", err.msg);
        return;
    }
    serve_json(out, presenter_json(ph));
}

bool serve_phones_route(Server *sv, const ServeRequest *rq, ServeResponse *out)
{
    ServePhones *ph = sv->phones;
    bool get = strcmp(rq->method, "GET") == 0, post = strcmp(rq->method, "POST") == 0;
    const char *p = rq->path;
    if (strcmp(p, "/api/room/state") == 0 && get) {
        Player *who = players_find(ph->people, rq->room_cookie);
        if (!unchanged(ph, rq, who ? who->id : "all", out)) {
            Screen *sc = screen_of(session_of(ph));
            cJSON *o = state_json(ph, sc, who ? who->id : NULL);
            screen_free(sc);
            char *etag = out->etag;
            out->etag = NULL;
            serve_json(out, o);
            out->etag = etag;
        }
    } else if (strcmp(p, "/api/room/join") == 0 && post) {
        join(sv, rq, out);
    } else if (strcmp(p, "/api/room/vote") == 0 && post) {
        vote(sv, rq, out);
    } else if (strcmp(p, "/api/room/qr.svg") == 0 && get) {
        out->status = 200;
        out->type = "image/svg+xml";
        buf_puts(&out->body, ph->qr_svg ? ph->qr_svg : "");
    } else if ((strcmp(p, "/api/room/presenter") == 0 && get) ||
               (strcmp(p, "/api/room/control") == 0 && post)) {
        if (!serve_is_admin(sv, rq)) {
            serve_error(out, rq->authorization ? 403 : 401,
                        "the presenter's token is %s: open the address the workshop printed",
                        rq->authorization ? "wrong" : "missing");
        } else if (get) {
            if (!unchanged(ph, rq, "presenter", out)) {
                char *etag = out->etag;
                out->etag = NULL;
                serve_json(out, presenter_json(ph));
                out->etag = etag;
            }
        } else {
            control(sv, rq, out);
        }
    } else if (strncmp(p, "/api/room/", 10) == 0) {
        serve_error(out, 405, "%s does not take %s", p, rq->method);
    } else {
        return false;
    }
    return true;
}

/* The room code kept in the state folder, or a new one drawn and kept. */
static int draw_room_code(ServePhones *ph, const char *state, Err *err)
{
    char *path = xasprintf("%s/room.code", state);
    size_t len;
    Err rerr;
    char *text = util_read_file(path, 64, &len, &rerr);
    bool ok = text && len >= CODE_LEN && strspn(text, CODE_ALPHABET) == CODE_LEN;
    if (ok)
        memcpy(ph->code, text, CODE_LEN);
    free(text);
    int rc = 0;
    if (!ok) {
        unsigned char b[CODE_LEN];
        if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
            err_set(err, "no random numbers for the room code");
            free(path);
            return -1;
        }
        for (size_t i = 0; i < CODE_LEN; i++)
            ph->code[i] = CODE_ALPHABET[b[i] % (sizeof CODE_ALPHABET - 1)];
        char *line = xasprintf("%s\n", ph->code);
        rc = write_file_atomic(path, line, strlen(line), err);
        free(line);
    }
    ph->code[CODE_LEN] = '\0';
    free(path);
    return rc;
}

static void ready(Server *sv, int port)
{
    ServePhones *ph = sv->phones;
    char *host = xstrdup(sv->join_url);
    free(ph->join);
    ph->join = xasprintf("%s:%d/room", host, port);
    free(host);
    char *with_code = xasprintf("%s?code=%s", ph->join, ph->code);
    Err err;
    ph->qr_svg = serve_qr_svg(with_code, &err);
    const Story *s = game_story(session_game(session_of(ph)));
    printf("Room mode with phones: %s\n\n", s->title);
    printf("  Participants open %s and type the room code %s\n", ph->join, ph->code);
    printf("  (the QR code below, and the projector's, fill it in for them)\n");
    printf("  The projector:    %.*s/projector\n", (int)(strlen(ph->join) - 5), ph->join);
    printf("  The presenter:    %.*s/presenter#admin=%s\n\n", (int)(strlen(ph->join) - 5),
           ph->join, sv->admin);
    serve_qr_print(stdout, with_code);
    printf("\nEvery vote and decision is journaled in %s;\nafter a crash, the same command with "
           "--continue resumes the room. Ctrl-C stops the server.\n",
           room_journal_path(ph->room) ? room_journal_path(ph->room) : "(no journal)");
    fflush(stdout);
    free(with_code);
}

int phones_run(Room *r, const PhonesOptions *o, Err *err)
{
    char *addr = NULL;
    int port = 0;
    if (o->listen && serve_parse_listen(o->listen, &addr, &port) != 0) {
        err_set(err, "--listen takes ADDR:PORT (such as 127.0.0.1:8080), not '%s'", o->listen);
        return -1;
    }
    if (!addr)
        addr = xstrdup(o->lan ? "0.0.0.0" : "127.0.0.1");
    char *data = paths_data_dir(err);
    if (!data) {
        free(addr);
        return -1;
    }
    char *state = xasprintf("%s/serve/%s", data, room_stem(r));
    free(data);
    ServePhones ph = {.room = r, .timer_total = o->timer > 0 ? o->timer : TIMER_DEFAULT};
    Server sv = {.phones = &ph};
    int rc = -1;
    char *problems = NULL;
    PlayersConfig pc = {.state_dir = state, .max_players = ROOM_MAX_VOTERS};
    if (util_make_dirs(state, err) != 0 || serve_admin_token(&sv, state, err) != 0 ||
        draw_room_code(&ph, state, err) != 0)
        goto done;
    ph.people = players_open(&pc, &problems, err);
    if (problems) {
        utf8_fprintf(stderr, "ladder: %s", problems);
        free(problems);
    }
    if (!ph.people)
        goto done;
    serve_more_files();
    char *host = serve_public_host(addr);
    sv.join_url = xasprintf("http://%s", host); /* ready() adds the port */
    free(host);
    int bound = 0;
    rc = serve_http_run(&sv, addr, port, &bound, ready, err);
done:
    players_free(ph.people);
    free(ph.join);
    free(ph.qr_svg);
    free(sv.join_url);
    free(state);
    free(addr);
    return rc;
}
