/* json.c: the headless front end, protocol version 1 (README.md, "The JSON front end"): a
 * hello, then one JSON object per line out (scenes, notices, errors) and one request per line
 * in (request.h parses them strictly). The harness for tests and other front ends. Every line
 * written is valid UTF-8: whatever a story's strings hold, ill-formed bytes become U+FFFD. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/json/request.h"
#include "ui/leave.h"
#include "ui/ui.h"

static void emit(const UiConfig *cfg, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        /* cJSON escapes controls but copies other bytes: repair what is not UTF-8 (RFC 8259
         * section 8.1). JSON's syntax is ASCII, so this only touches the insides of strings. */
        utf8_write_repaired(cfg->out, s, strlen(s));
        fputc('\n', cfg->out);
        fflush(cfg->out);
        cJSON_free(s);
    }
    cJSON_Delete(o);
}

static void emit_msg(const UiConfig *cfg, const char *type, const char *key, const char *msg)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    cJSON_AddStringToObject(o, key, msg);
    emit(cfg, o);
}

static void emit_error(const UiConfig *cfg, const char *msg, bool script)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "error");
    cJSON_AddStringToObject(o, "message", msg);
    cJSON_AddBoolToObject(o, "script", script);
    emit(cfg, o);
}

static void emit_notices(Session *s, const UiConfig *cfg)
{
    char *n = session_take_notice(s);
    if (n) {
        emit_msg(cfg, "notice", "message", n);
        free(n);
    }
}

/* The current scene as a message of the given type: "scene", or "hello" (the first line, which
 * adds the protocol and engine versions). */
static void emit_scene(Session *s, const UiConfig *cfg, const char *type)
{
    const Game *g = session_game(s);
    const Story *st = game_story(g);
    const Scene *sc = game_scene(g);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", type);
    if (strcmp(type, "hello") == 0) {
        cJSON_AddNumberToObject(o, "protocol", REQUEST_PROTOCOL);
        cJSON_AddStringToObject(o, "engine", LADDER_VERSION);
    }
    cJSON_AddStringToObject(o, "story", st->id);
    cJSON_AddStringToObject(o, "title", st->title);
    if (game_chapter(g))
        cJSON_AddStringToObject(o, "chapter", game_chapter(g));
    else
        cJSON_AddNullToObject(o, "chapter");
    cJSON_AddStringToObject(o, "scene", sc->id);
    cJSON_AddNumberToObject(o, "decision", (double)game_decision_count(g));
    const Story *root = session_root(s);
    if (root != st) {
        cJSON *c = cJSON_AddObjectToObject(o, "campaign");
        cJSON_AddStringToObject(c, "id", root->id);
        cJSON_AddStringToObject(c, "title", root->title);
        cJSON_AddNumberToObject(c, "chapter", (double)session_chapter(s) + 1);
        cJSON_AddNumberToObject(c, "chapters", (double)root->n_chapters);
        const char *next = session_next_chapter(s);
        if (next)
            cJSON_AddStringToObject(c, "next", next);
        else
            cJSON_AddNullToObject(c, "next");
    }
    cJSON_AddStringToObject(o, "text", game_text(g));
    cJSON *choices = cJSON_AddArrayToObject(o, "choices");
    for (size_t i = 0; i < game_choice_count(g); i++) {
        cJSON *c = cJSON_CreateObject();
        cJSON_AddNumberToObject(c, "n", (double)i + 1);
        cJSON_AddStringToObject(c, "id", game_choice(g, i)->id);
        cJSON_AddStringToObject(c, "text", game_choice_text(g, i));
        cJSON_AddItemToArray(choices, c);
    }
    cJSON *stats = cJSON_AddArrayToObject(o, "stats");
    for (size_t i = 0; i < st->n_stats; i++) {
        const StatDef *d = &st->stats[i];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "id", d->id);
        cJSON_AddStringToObject(c, "label", d->label);
        cJSON_AddNumberToObject(c, "value", game_stat(g, i));
        cJSON_AddNumberToObject(c, "min", d->min);
        cJSON_AddNumberToObject(c, "max", d->max);
        cJSON_AddStringToObject(c, "good", stat_good_name(d->good));
        cJSON_AddNumberToObject(c, "change", game_stat_change(g, i));
        cJSON_AddItemToArray(stats, c);
    }
    const Decision *last = game_decision(g, game_decision_count(g) - 1);
    if (game_decision_count(g) > 0 && last->forced >= 0)
        cJSON_AddStringToObject(o, "forced", st->stats[st->thresholds[last->forced].stat].id);
    if (game_ended(g)) {
        cJSON *e = cJSON_AddObjectToObject(o, "ending");
        cJSON_AddStringToObject(e, "id", sc->id);
        cJSON_AddStringToObject(e, "title", sc->title);
        cJSON_AddStringToObject(e, "verdict", verdict_name(sc->verdict));
        if (sc->lesson)
            cJSON_AddStringToObject(e, "lesson", sc->lesson);
        cJSON *deb = cJSON_AddArrayToObject(o, "debrief");
        for (size_t i = 0; i < game_decision_count(g); i++) {
            const Decision *d = game_decision(g, i);
            const Scene *ds = &st->scenes[d->scene];
            const Choice *ch = &ds->choices[d->choice];
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "scene", ds->id);
            cJSON_AddStringToObject(x, "choice", ch->id);
            cJSON_AddStringToObject(x, "text", d->text);
            const char *lesson = game_decision_lesson(g, i);
            if (lesson)
                cJSON_AddStringToObject(x, "lesson", lesson);
            if (ds->discuss)
                cJSON_AddStringToObject(x, "discuss", ds->discuss);
            cJSON_AddItemToArray(deb, x);
        }
    } else {
        cJSON_AddNullToObject(o, "ending");
    }
    emit(cfg, o);
}

/* Carry out one request. Returns 1 to stop (quit), else 0; *status becomes 1 when a scenario
 * script failed. *shown is when the current scene was shown (for the seconds a choice took). */
static int serve(Session *s, const UiConfig *cfg, const Request *rq, double *shown, int *status)
{
    Err err;
    int rc;
    switch (rq->kind) {
    case REQUEST_CHOOSE: {
        double secs = now_seconds() - *shown;
        if (rq->text)
            rc = session_choose_id(s, rq->text, secs, &err);
        else
            rc = session_choose(s, (size_t)rq->number - 1, secs, &err);
        break;
    }
    case REQUEST_NEXT:
        rc = session_advance(s, &err);
        break;
    case REQUEST_UNDO:
        rc = session_undo(s, &err) == 0 ? 0 : -2;
        break;
    case REQUEST_LOAD:
        rc = session_load(s, rq->text, &err) == 0 ? 0 : -2;
        break;
    case REQUEST_SAVE: {
        char *path = NULL;
        rc = session_save(s, rq->text, &path, &err);
        emit_notices(s, cfg);
        if (rc != 0) {
            emit_error(cfg, err.msg, false);
        } else {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "type", "saved");
            cJSON_AddStringToObject(o, "name", rq->text);
            cJSON_AddStringToObject(o, "path", path);
            emit(cfg, o);
        }
        free(path);
        return 0;
    }
    case REQUEST_LOOK:
        emit_scene(s, cfg, "scene");
        return 0;
    case REQUEST_QUIT:
    default:
        return 1;
    }
    if (rc != 0) {
        if (rc == -1)
            *status = 1;
        emit_error(cfg, err.msg, rc == -1);
        return 0;
    }
    emit_notices(s, cfg);
    emit_scene(s, cfg, "scene");
    if (rq->kind == REQUEST_CHOOSE || rq->kind == REQUEST_NEXT)
        *shown = now_seconds();
    return 0;
}

static UiExit json_play(Session *s, const UiConfig *cfg)
{
    emit_scene(s, cfg, "hello");
    emit_notices(s, cfg);
    char *line = xmalloc(REQUEST_MAX_LINE + 1);
    size_t len;
    RequestLine got;
    int status = 0;
    double shown = now_seconds();
    while ((got = request_read_line(cfg->in, line, REQUEST_MAX_LINE, &len)) != REQUEST_LINE_END) {
        if (leave_signal()) /* a signal asked to leave: as quit (ui/leave.h) */
            break;
        Request rq;
        Err err;
        if (got == REQUEST_LINE_TOO_LONG)
            err_set(&err, "the line is longer than %d bytes; it was skipped", REQUEST_MAX_LINE);
        if (got == REQUEST_LINE_TOO_LONG || request_parse(line, len, &rq, &err) != 0) {
            emit_error(cfg, err.msg, false);
            continue;
        }
        int stop = serve(s, cfg, &rq, &shown, &status);
        request_free(&rq);
        if (stop)
            break;
    }
    free(line);
    return status;
}

const Frontend ui_json = {.name = "json", .summary = "one JSON object per line, for programs (play only)",
                          .play = json_play};
