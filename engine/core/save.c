/* save.c: saves as JSON with cJSON, checked field by field on the way in. */
#include "core/save.h"

#include <cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void save_timestamp(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static cJSON *stats_object(const Story *s, const int *v)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; i < s->n_stats; i++)
        cJSON_AddNumberToObject(o, s->stats[i].id, v[i]);
    return o;
}

char *save_to_json(const Game *g, const char *created)
{
    const Story *s = game_story(g);
    char now[32], seed[32];
    save_timestamp(now, sizeof now);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)game_seed(g));
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", SAVE_FORMAT);
    cJSON_AddNumberToObject(root, "version", SAVE_VERSION);
    cJSON_AddStringToObject(root, "engine", LADDER_VERSION);
    cJSON_AddStringToObject(root, "story", s->id);
    cJSON_AddStringToObject(root, "title", s->title);
    cJSON_AddStringToObject(root, "hash", s->hash);
    cJSON_AddStringToObject(root, "seed", seed);
    cJSON_AddStringToObject(root, "player", game_player(g));
    cJSON_AddStringToObject(root, "created", created ? created : now);
    cJSON_AddStringToObject(root, "updated", now);
    cJSON_AddStringToObject(root, "scene", game_scene(g)->id);
    if (game_ended(g))
        cJSON_AddStringToObject(root, "ending", game_scene(g)->id);
    else
        cJSON_AddNullToObject(root, "ending");
    int *cur = xmalloc((s->n_stats ? s->n_stats : 1) * sizeof *cur);
    for (size_t i = 0; i < s->n_stats; i++)
        cur[i] = game_stat(g, i);
    cJSON_AddItemToObject(root, "stats", stats_object(s, cur));
    free(cur);
    cJSON *list = cJSON_AddArrayToObject(root, "decisions");
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        const Scene *sc = &s->scenes[d->scene];
        const Choice *c = &sc->choices[d->choice];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "scene", sc->id);
        cJSON_AddStringToObject(o, "choice", c->id);
        cJSON_AddStringToObject(o, "text", c->text.str ? c->text.str : c->id);
        cJSON_AddNumberToObject(o, "seconds", (double)(long long)(d->seconds * 10 + 0.5) / 10);
        cJSON_AddItemToObject(o, "before", stats_object(s, d->before));
        cJSON_AddItemToObject(o, "after", stats_object(s, d->after));
        if (d->forced >= 0)
            cJSON_AddStringToObject(o, "forced", s->stats[s->thresholds[d->forced].stat].id);
        cJSON_AddItemToArray(list, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        /* cJSON only fails on allocation */
        return xstrdup("");
    }
    char *out = xasprintf("%s\n", text);
    cJSON_free(text);
    return out;
}

int save_write(const char *path, const Game *g, const char *created, Err *err)
{
    char *text = save_to_json(g, created);
    int rc = write_file_atomic(path, text, strlen(text), err);
    free(text);
    return rc;
}

void save_data_free(SaveData *d)
{
    free(d->story_id);
    free(d->title);
    free(d->hash);
    free(d->engine);
    free(d->player);
    free(d->created);
    free(d->updated);
    free(d->scene);
    free(d->ending);
    for (size_t i = 0; i < d->n_steps; i++) {
        free((char *)(uintptr_t)d->steps[i].scene);
        free((char *)(uintptr_t)d->steps[i].choice);
    }
    free(d->steps);
    memset(d, 0, sizeof *d);
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

int save_parse(const char *text, size_t len, SaveData *out, Err *err)
{
    memset(out, 0, sizeof *out);
    if (len == 0) {
        err_set(err, "the file is empty");
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!root) {
        size_t at = end && end >= text ? (size_t)(end - text) : 0;
        err_set(err, "not a Ladder save: the JSON is broken near byte %zu (a truncated file?)",
                at);
        return -1;
    }
    int rc = -1;
    const char *format = get_str(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsObject(root) || !format || strcmp(format, SAVE_FORMAT) != 0) {
        err_set(err, "not a Ladder save (no \"format\": \"%s\")", SAVE_FORMAT);
        goto done;
    }
    if (!cJSON_IsNumber(version) || version->valuedouble < 1) {
        err_set(err, "the save has no valid format version");
        goto done;
    }
    if (version->valuedouble > SAVE_VERSION) {
        err_set(err, "the save was written by a newer Ladder (format %d; this one reads %d)",
                version->valueint, SAVE_VERSION);
        goto done;
    }
    const char *story = get_str(root, "story"), *seed = get_str(root, "seed");
    if (!story || !*story) {
        err_set(err, "the save does not name its story");
        goto done;
    }
    if (!seed || !*seed) {
        err_set(err, "the save has no seed");
        goto done;
    }
    char *seed_end;
    errno = 0;
    unsigned long long sv = strtoull(seed, &seed_end, 10);
    if (errno || *seed_end || seed[0] == '-') {
        err_set(err, "the save's seed \"%s\" is not a number", seed);
        goto done;
    }
    out->seed = (uint64_t)sv;
    out->story_id = xstrdup(story);
    out->title = xstrdup(get_str(root, "title"));
    out->hash = xstrdup(get_str(root, "hash"));
    out->engine = xstrdup(get_str(root, "engine"));
    out->player = xstrdup(get_str(root, "player"));
    out->created = xstrdup(get_str(root, "created"));
    out->updated = xstrdup(get_str(root, "updated"));
    out->scene = xstrdup(get_str(root, "scene"));
    out->ending = xstrdup(get_str(root, "ending"));
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "decisions");
    if (!cJSON_IsArray(list)) {
        err_set(err, "the save has no list of decisions");
        goto done;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    out->steps = xcalloc(n ? n : 1, sizeof *out->steps);
    const cJSON *item;
    cJSON_ArrayForEach(item, list)
    {
        const char *sc = get_str(item, "scene"), *ch = get_str(item, "choice");
        if (!sc || !ch) {
            err_set(err, "decision %zu of the save has no scene or choice", out->n_steps + 1);
            goto done;
        }
        const cJSON *secs = cJSON_GetObjectItemCaseSensitive(item, "seconds");
        Step *st = &out->steps[out->n_steps++];
        st->scene = xstrdup(sc);
        st->choice = xstrdup(ch);
        st->seconds = cJSON_IsNumber(secs) && secs->valuedouble >= 0 ? secs->valuedouble : 0;
    }
    rc = 0;
done:
    cJSON_Delete(root);
    if (rc != 0)
        save_data_free(out);
    return rc;
}

int save_read(const char *path, SaveData *out, Err *err)
{
    size_t len;
    memset(out, 0, sizeof *out);
    char *text = read_file(path, SAVE_MAX_BYTES, &len, err);
    if (!text)
        return -1;
    int rc = save_parse(text, len, out, err);
    free(text);
    if (rc != 0)
        err_prefix(err, "%s: ", path);
    return rc;
}
