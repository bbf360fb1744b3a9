/* protocol.c: the JSON protocol's messages (README.md, "The JSON front end"), built as cJSON
 * objects from the Screen (core/screen.h) and carried out request by request: the JSON line
 * front end (json.c) prints them one per line, the web server (tools/serve) sends them in
 * its answers. */
#include "ui/json/protocol.h"

#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/screen.h"

cJSON *protocol_message(const char *type, const char *message)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    cJSON_AddStringToObject(o, "message", message);
    return o;
}

cJSON *protocol_error(const char *message, bool script)
{
    cJSON *o = protocol_message("error", message);
    cJSON_AddBoolToObject(o, "script", script);
    return o;
}

static void take_notices(Session *s, cJSON *out)
{
    char *n = session_take_notice(s);
    if (n) {
        cJSON_AddItemToArray(out, protocol_message("notice", n));
        free(n);
    }
}

static void add_string_or_null(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

/* Prose as paragraphs of styled runs: [[{"text":"..","em":true,"strong":false} or
 * {"break":true}, ...], ...]. */
cJSON *protocol_prose(const ScreenProse *p)
{
    cJSON *paras = cJSON_CreateArray();
    for (size_t i = 0; i < p->n_paragraphs; i++) {
        cJSON *runs = cJSON_CreateArray();
        for (size_t k = 0; k < p->paragraphs[i].n_spans; k++) {
            const ScreenSpan *sp = &p->paragraphs[i].spans[k];
            cJSON *r = cJSON_CreateObject();
            if (sp->style & TEXT_BREAK) {
                cJSON_AddBoolToObject(r, "break", 1);
            } else {
                cJSON_AddStringToObject(r, "text", sp->text);
                cJSON_AddBoolToObject(r, "em", (sp->style & TEXT_EM) != 0);
                cJSON_AddBoolToObject(r, "strong", (sp->style & TEXT_STRONG) != 0);
            }
            cJSON_AddItemToArray(runs, r);
        }
        cJSON_AddItemToArray(paras, runs);
    }
    return paras;
}

/* The decisions so far: for the history while playing, and the debrief at an ending; recap (at
 * an ending) adds the end-of-run recap's fields: pivotal, advises, not_taken. */
static cJSON *decision_json(const ScreenDecision *d, bool full, bool recap)
{
    cJSON *x = cJSON_CreateObject();
    if (full)
        cJSON_AddNumberToObject(x, "n", (double)d->number);
    cJSON_AddStringToObject(x, "scene", d->scene_id);
    cJSON_AddStringToObject(x, "choice", d->choice_id);
    cJSON_AddStringToObject(x, "text", d->text);
    if (d->lesson)
        cJSON_AddStringToObject(x, "lesson", d->lesson);
    if (d->discuss)
        cJSON_AddStringToObject(x, "discuss", d->discuss);
    if (d->reply.text)
        cJSON_AddStringToObject(x, "reply", d->reply.text);
    if (d->advice_name)
        cJSON_AddStringToObject(x, "advice", d->advice_name);
    if (full) {
        add_string_or_null(x, "changes", d->changes);
        cJSON_AddNumberToObject(x, "seconds", d->seconds);
    }
    if (recap) {
        cJSON_AddBoolToObject(x, "pivotal", d->pivotal);
        if (d->advises)
            cJSON_AddStringToObject(x, "advises", d->advises);
        if (d->not_taken)
            cJSON_AddStringToObject(x, "not_taken", d->not_taken);
    }
    return x;
}

/* "gallery": the story's endings (a campaign's: the chapter's) in the story's order, each
 * found or not; a title and verdict only when found, so one not found stays a surprise. */
static void add_gallery(cJSON *o, const Screen *sc)
{
    cJSON *gallery = cJSON_AddArrayToObject(o, "gallery");
    for (size_t i = 0; i < sc->n_gallery; i++) {
        const ScreenGalleryEnding *ge = &sc->gallery[i];
        cJSON *ej = cJSON_CreateObject();
        cJSON_AddStringToObject(ej, "id", ge->id);
        cJSON_AddBoolToObject(ej, "found", ge->found);
        if (ge->found) {
            cJSON_AddStringToObject(ej, "title", ge->title);
            cJSON_AddStringToObject(ej, "verdict", ge->verdict_name);
        }
        cJSON_AddItemToArray(gallery, ej);
    }
}

/* The screen as a message of the given type: "scene", or "hello" (the first line, which adds
 * the protocol and engine versions). A direct serialisation of core/screen.h's Screen: the
 * fields of protocol 1 first, in their order, then what protocol 1 added since (paragraphs,
 * changes, history, outcome); README, "The JSON front end", lists them. */
static void scene_message(Session *s, const char *type, cJSON *out)
{
    Screen *sc = screen_describe(s);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    if (strcmp(type, "hello") == 0) {
        cJSON_AddNumberToObject(o, "protocol", REQUEST_PROTOCOL);
        cJSON_AddStringToObject(o, "engine", LADDER_VERSION);
    }
    cJSON_AddStringToObject(o, "story", sc->story_id);
    cJSON_AddStringToObject(o, "title", sc->title);
    add_string_or_null(o, "chapter", sc->chapter);
    cJSON_AddStringToObject(o, "scene", sc->scene_id);
    cJSON_AddNumberToObject(o, "decision", (double)sc->n_decisions);
    if (sc->ask_name) /* answered by {"name": ...} before the first choice */
        cJSON_AddBoolToObject(o, "ask_name", true);
    if (sc->campaign) {
        cJSON *c = cJSON_AddObjectToObject(o, "campaign");
        cJSON_AddStringToObject(c, "id", sc->campaign->id);
        cJSON_AddStringToObject(c, "title", sc->campaign->title);
        cJSON_AddNumberToObject(c, "chapter", (double)sc->campaign->chapter);
        cJSON_AddNumberToObject(c, "chapters", (double)sc->campaign->chapters);
        add_string_or_null(c, "next", sc->campaign->next);
        if (sc->campaign->carried) /* before the chapter's first decision */
            cJSON_AddStringToObject(c, "carried", sc->campaign->carried);
        if (sc->campaign->n_career) { /* the last chapter's ending: the whole career */
            cJSON *career = cJSON_AddArrayToObject(c, "career");
            for (size_t i = 0; i < sc->campaign->n_career; i++) {
                const struct ScreenChapterEnd *ce = &sc->campaign->career[i];
                cJSON *x = cJSON_CreateObject();
                cJSON_AddStringToObject(x, "story", ce->story_title);
                cJSON_AddStringToObject(x, "ending", ce->ending_title);
                cJSON_AddStringToObject(x, "verdict", story_verdict_name(ce->verdict));
                cJSON_AddItemToArray(career, x);
            }
        }
    }
    cJSON_AddStringToObject(o, "text", sc->text.text);
    cJSON *choices = cJSON_AddArrayToObject(o, "choices");
    for (size_t i = 0; i < sc->n_choices; i++) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddNumberToObject(c, "n", (double)sc->choices[i].number);
        cJSON_AddStringToObject(c, "id", sc->choices[i].id);
        cJSON_AddStringToObject(c, "text", sc->choices[i].text.text);
        if (sc->choices[i].locked) { /* available choices keep protocol 1's shape */
            cJSON_AddBoolToObject(c, "locked", true);
            cJSON_AddStringToObject(c, "requirement", sc->choices[i].requirement);
        }
        cJSON_AddItemToArray(choices, c);
    }
    cJSON *stats = cJSON_AddArrayToObject(o, "stats");
    for (size_t i = 0; i < sc->n_stats; i++) {
        const ScreenStat *d = &sc->stats[i];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", d->id);
        cJSON_AddStringToObject(c, "label", d->label);
        cJSON_AddNumberToObject(c, "value", d->value);
        cJSON_AddNumberToObject(c, "min", d->min);
        cJSON_AddNumberToObject(c, "max", d->max);
        cJSON_AddStringToObject(c, "good", story_stat_good_name(d->good));
        cJSON_AddNumberToObject(c, "change", d->change);
        if (d->hidden)
            cJSON_AddBoolToObject(c, "hidden", true);
        if (d->description) /* what the stat means, when the story says */
            cJSON_AddStringToObject(c, "description", d->description);
        cJSON_AddItemToArray(stats, c);
    }
    if (sc->forced)
        cJSON_AddStringToObject(o, "forced", sc->forced);
    if (sc->ending) {
        const ScreenEnding *e = sc->ending;
        cJSON *x = cJSON_AddObjectToObject(o, "ending");
        cJSON_AddStringToObject(x, "id", e->id);
        cJSON_AddStringToObject(x, "title", e->title);
        cJSON_AddStringToObject(x, "verdict", e->verdict_name);
        if (e->lesson)
            cJSON_AddStringToObject(x, "lesson", e->lesson);
        cJSON *deb = cJSON_AddArrayToObject(o, "debrief");
        for (size_t i = 0; i < sc->n_decisions; i++)
            cJSON_AddItemToArray(deb, decision_json(&sc->decisions[i], false, true));
    } else {
        cJSON_AddNullToObject(o, "ending");
    }
    /* added to protocol 1 */
    cJSON_AddItemToObject(o, "paragraphs", protocol_prose(&sc->text));
    cJSON *changes = cJSON_AddArrayToObject(o, "changes");
    for (size_t i = 0; i < sc->n_changes; i++) {
        const ScreenChange *ch = &sc->changes[i];
        const ScreenStat *st = &sc->stats[ch->stat];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "stat", st->id);
        cJSON_AddNumberToObject(c, "change", ch->delta);
        cJSON_AddNumberToObject(c, "choice", st->change_choice);
        cJSON_AddNumberToObject(c, "arrival", st->change_arrival);
        cJSON_AddNumberToObject(c, "sign", ch->sign);
        cJSON_AddStringToObject(c, "text", ch->text);
        cJSON_AddItemToArray(changes, c);
    }
    cJSON *history = cJSON_AddArrayToObject(o, "history");
    for (size_t i = 0; i < sc->n_decisions; i++)
        cJSON_AddItemToArray(history, decision_json(&sc->decisions[i], true, sc->ending != NULL));
    if (sc->reply) { /* the last choice's reply, shown before this scene */
        cJSON_AddStringToObject(o, "reply", sc->reply->text);
        cJSON_AddItemToObject(o, "reply_paragraphs", protocol_prose(sc->reply));
    }
    if (sc->ending) {
        const ScreenEnding *e = sc->ending;
        cJSON *x = cJSON_AddObjectToObject(o, "outcome");
        cJSON_AddStringToObject(x, "verdict_text", e->verdict_text);
        add_string_or_null(x, "forced_reason", sc->forced_reason);
        if (sc->endings_total) { /* the endings gallery: "3 of 7 endings found" */
            cJSON_AddNumberToObject(x, "endings_found", (double)sc->endings_found);
            cJSON_AddNumberToObject(x, "endings_total", (double)sc->endings_total);
        }
        cJSON *series = cJSON_AddArrayToObject(x, "series");
        for (size_t k = 0; k < e->n_series; k++) {
            cJSON *sr = cJSON_CreateObject();
            cJSON_AddStringToObject(sr, "stat", sc->stats[e->series[k].stat].id);
            cJSON *v = cJSON_AddArrayToObject(sr, "values");
            for (size_t i = 0; i < e->series[k].n_values; i++)
                cJSON_AddItemToArray(v, cJSON_CreateNumber(e->series[k].values[i]));
            cJSON_AddItemToArray(series, sr);
        }
        add_gallery(x, sc);
    } else {
        cJSON_AddNullToObject(o, "outcome");
    }
    /* the same on every scene, for an endings panel during play (the web page's Endings) */
    if (sc->endings_total) {
        cJSON_AddNumberToObject(o, "endings_found", (double)sc->endings_found);
        cJSON_AddNumberToObject(o, "endings_total", (double)sc->endings_total);
    }
    add_gallery(o, sc);
    char *notice = sc->notice;
    sc->notice = NULL;
    screen_free(sc);
    cJSON_AddItemToArray(out, o);
    if (notice) { /* what the session had to say, right after the screen it came with */
        cJSON_AddItemToArray(out, protocol_message("notice", notice));
        free(notice);
    }
}

/* {"type":"saves","saves":[{"name","path","updated","decisions","at","ended"}]}: the saves of
 * the story being played, newest first; "updated" is UTC (ISO 8601), "at" where it stands. */
cJSON *protocol_saves(const Session *s)
{
    size_t n;
    SaveInfo *v = session_list_saves(s, &n);
    const char *dir = session_save_dir(s);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "saves");
    cJSON *a = cJSON_AddArrayToObject(o, "saves");
    for (size_t i = 0; i < n; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "name", v[i].name);
        if (dir) {
            char *path = xasprintf("%s/%s.json", dir, v[i].name);
            cJSON_AddStringToObject(x, "path", path);
            free(path);
        }
        cJSON_AddStringToObject(x, "updated", v[i].updated);
        cJSON_AddNumberToObject(x, "decisions", (double)v[i].decisions);
        cJSON_AddStringToObject(x, "at", v[i].scene);
        cJSON_AddBoolToObject(x, "ended", v[i].ended);
        cJSON_AddItemToArray(a, x);
    }
    session_free_saves(v, n);
    return o;
}

/* {"type":"stories","stories":[{"id","title","summary","path"}],"problems":...}: the bundled
 * stories in title-menu order; "problems" names those that failed to load (or is null). */
cJSON *protocol_stories(void)
{
    char *dir = paths_scenarios_dir();
    Catalog *c = catalog_scan(dir);
    free(dir);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "stories");
    cJSON *a = cJSON_AddArrayToObject(o, "stories");
    for (size_t i = 0; i < c->n; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", c->v[i].id);
        cJSON_AddStringToObject(x, "title", c->v[i].title);
        cJSON_AddStringToObject(x, "summary", c->v[i].summary);
        cJSON_AddStringToObject(x, "path", c->v[i].path);
        cJSON_AddItemToArray(a, x);
    }
    add_string_or_null(o, "problems", c->problems);
    catalog_free(c);
    return o;
}

/* Carry out one request. Returns 1 to stop (quit), else 0; *status becomes 1 when a scenario
 * script failed. *shown is when the current scene was shown (for the seconds a choice took). */
int protocol_serve(Session *s, const Request *rq, double *shown, cJSON *out, bool *script_failed)
{
    Err err;
    int rc;
    switch (rq->kind) {
    case REQUEST_CHOOSE: {
        double secs = util_now_seconds() - *shown;
        if (session_wants_name(s)) {
            err_set(&err, "the story asks for the player's name first: send {\"name\":\"...\"}");
            rc = STATUS_NO_SUCH;
        } else if (rq->text)
            rc = session_choose_id(s, rq->text, secs, &err);
        else
            rc = session_choose(s, (size_t)rq->number - 1, secs, &err);
        break;
    }
    case REQUEST_NEXT:
        rc = session_advance(s, &err);
        break;
    case REQUEST_NAME:
        rc = session_set_player(s, rq->text, &err);
        break;
    case REQUEST_RESTART:
        if (!game_ended(session_game(s))) {
            err_set(&err, "play again is for an ending: the story goes on");
            rc = STATUS_NO_SUCH;
        } else {
            rc = session_restart(s, &err);
        }
        break;
    case REQUEST_UNDO:
        rc = session_undo(s, &err) == 0 ? STATUS_OK : STATUS_NO_SUCH; /* nothing to undo */
        break;
    case REQUEST_LOAD:
        /* a save that cannot be loaded is the request's fault, not a script's */
        rc = session_load(s, rq->text, &err) == 0 ? STATUS_OK : STATUS_NO_SUCH;
        break;
    case REQUEST_SAVE: {
        char *path = NULL;
        rc = session_save(s, rq->text, &path, &err);
        take_notices(s, out);
        if (rc != 0) {
            cJSON_AddItemToArray(out, protocol_error(err.msg, false));
        } else {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "type", "saved");
            cJSON_AddStringToObject(o, "name", rq->text);
            cJSON_AddStringToObject(o, "path", path);
            cJSON_AddItemToArray(out, o);
        }
        free(path);
        return 0;
    }
    case REQUEST_LOOK:
        scene_message(s, "scene", out);
        return 0;
    case REQUEST_SAVES:
        cJSON_AddItemToArray(out, protocol_saves(s));
        return 0;
    case REQUEST_STORIES:
        cJSON_AddItemToArray(out, protocol_stories());
        return 0;
    case REQUEST_QUIT:
    default:
        return 1;
    }
    if (rc != 0) {
        if (rc == STATUS_FAILED)
            *script_failed = true;
        cJSON_AddItemToArray(out, protocol_error(err.msg, rc == STATUS_FAILED));
        return 0;
    }
    take_notices(s, out);
    scene_message(s, "scene", out);
    if (rq->kind == REQUEST_CHOOSE || rq->kind == REQUEST_NEXT)
        *shown = util_now_seconds();
    return 0;
}


cJSON *protocol_scene(Session *s, const char *type)
{
    cJSON *out = cJSON_CreateArray();
    scene_message(s, type, out);
    take_notices(s, out);
    return out;
}
