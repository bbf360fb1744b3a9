/* json.c: the headless front end: one JSON object per line out (scenes, notices, errors) and one
 * per line in (choose, undo, save, load, quit). The harness for tests and future front ends;
 * the messages are documented in README.md. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "ui/leave.h"
#include "ui/ui.h"

static void emit(const UiConfig *cfg, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    if (s) {
        fputs(s, cfg->out);
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

static void emit_scene(Session *s, const UiConfig *cfg)
{
    const Game *g = session_game(s);
    const Story *st = game_story(g);
    const Scene *sc = game_scene(g);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "scene");
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

static int json_play(Session *s, const UiConfig *cfg)
{
    emit_notices(s, cfg);
    emit_scene(s, cfg);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int status = 0;
    double shown = now_seconds();
    while ((len = getline(&line, &cap, cfg->in)) >= 0) {
        if (leave_signal()) /* a signal asked to leave: as quit (ui/leave.h) */
            break;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        cJSON *in = cJSON_ParseWithLength(line, (size_t)len);
        if (!cJSON_IsObject(in)) {
            emit_error(cfg, "input must be one JSON object per line, e.g. {\"choose\":1}", false);
            cJSON_Delete(in);
            continue;
        }
        Err err;
        const cJSON *v;
        if ((v = cJSON_GetObjectItemCaseSensitive(in, "choose"))) {
            int rc;
            double secs = now_seconds() - shown;
            if (cJSON_IsNumber(v)) {
                double n = v->valuedouble;
                if (n < 1 || n > 1e6 || n != (long)n) {
                    err_set(&err, "there is no choice %g here", n);
                    rc = -2;
                } else {
                    rc = session_choose(s, (size_t)n - 1, secs, &err);
                }
            } else if (cJSON_IsString(v)) {
                rc = session_choose_id(s, v->valuestring, secs, &err);
            } else {
                err_set(&err, "\"choose\" takes a choice id or a number from 1");
                rc = -2;
            }
            if (rc == 0) {
                emit_notices(s, cfg);
                emit_scene(s, cfg);
                shown = now_seconds();
            } else {
                bool script = rc == -1;
                if (script)
                    status = 1;
                emit_error(cfg, err.msg, script);
            }
        } else if ((v = cJSON_GetObjectItemCaseSensitive(in, "undo"))) {
            if (session_undo(s, &err) != 0) {
                emit_error(cfg, err.msg, false);
            } else {
                emit_notices(s, cfg);
                emit_scene(s, cfg);
            }
        } else if ((v = cJSON_GetObjectItemCaseSensitive(in, "save"))) {
            char *path = NULL;
            const char *name = cJSON_IsString(v) ? v->valuestring : "quicksave";
            if (session_save(s, name, &path, &err) != 0) {
                emit_error(cfg, err.msg, false);
            } else {
                cJSON *o = cJSON_CreateObject();
                cJSON_AddStringToObject(o, "type", "saved");
                cJSON_AddStringToObject(o, "name", name);
                cJSON_AddStringToObject(o, "path", path);
                emit(cfg, o);
            }
            free(path);
        } else if ((v = cJSON_GetObjectItemCaseSensitive(in, "load"))) {
            if (!cJSON_IsString(v) || session_load(s, v->valuestring, &err) != 0) {
                emit_error(cfg, cJSON_IsString(v) ? err.msg : "\"load\" takes a save name", false);
            } else {
                emit_notices(s, cfg);
                emit_scene(s, cfg);
            }
        } else if (cJSON_GetObjectItemCaseSensitive(in, "next")) {
            int rc = session_advance(s, &err);
            if (rc != 0) {
                if (rc == -1)
                    status = 1;
                emit_error(cfg, err.msg, rc == -1);
            } else {
                emit_notices(s, cfg);
                emit_scene(s, cfg);
                shown = now_seconds();
            }
        } else if (cJSON_GetObjectItemCaseSensitive(in, "look")) {
            emit_scene(s, cfg);
        } else if (cJSON_GetObjectItemCaseSensitive(in, "quit")) {
            cJSON_Delete(in);
            break;
        } else {
            emit_error(cfg, "unknown request: use choose, undo, next, save, load, look or quit", false);
        }
        cJSON_Delete(in);
    }
    free(line);
    return status;
}

const Frontend ui_json = {"json", json_play, NULL, NULL, NULL};
