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

static cJSON *decisions_json(const Game *g)
{
    const Story *s = game_story(g);
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        const Scene *sc = &s->scenes[d->scene];
        const Choice *c = &sc->choices[d->choice];
        cJSON *o = cJSON_CreateObject();
        (void)c;
        cJSON_AddStringToObject(o, "scene", sc->id);
        cJSON_AddStringToObject(o, "choice", c->id);
        cJSON_AddStringToObject(o, "text", d->text);
        cJSON_AddNumberToObject(o, "seconds", (double)(long long)(d->seconds * 10 + 0.5) / 10);
        cJSON_AddItemToObject(o, "before", stats_object(s, d->before));
        cJSON_AddItemToObject(o, "after", stats_object(s, d->after));
        if (d->forced >= 0)
            cJSON_AddStringToObject(o, "forced", s->stats[s->thresholds[d->forced].stat].id);
        cJSON_AddItemToArray(list, o);
    }
    return list;
}

/* The fields every save has; g is the current game. */
static cJSON *save_header(const Story *s, uint64_t seed_v, const Game *g, const char *created)
{
    char now[32], seed[32];
    save_timestamp(now, sizeof now);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)seed_v);
    const Story *cur = game_story(g);
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
    if (game_chapter(g))
        cJSON_AddStringToObject(root, "chapter", game_chapter(g));
    if (game_ended(g))
        cJSON_AddStringToObject(root, "ending", game_scene(g)->id);
    else
        cJSON_AddNullToObject(root, "ending");
    int *v = xmalloc((cur->n_stats ? cur->n_stats : 1) * sizeof *v);
    for (size_t i = 0; i < cur->n_stats; i++)
        v[i] = game_stat(g, i);
    cJSON_AddItemToObject(root, "stats", stats_object(cur, v));
    free(v);
    return root;
}

static char *finish(cJSON *root)
{
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) /* cJSON only fails on allocation */
        return xstrdup("");
    char *out = xasprintf("%s\n", text);
    cJSON_free(text);
    return out;
}

char *save_to_json(const Game *g, const char *created)
{
    cJSON *root = save_header(game_story(g), game_seed(g), g, created);
    cJSON_AddItemToObject(root, "decisions", decisions_json(g));
    return finish(root);
}

char *save_campaign_to_json(const Story *campaign, uint64_t seed, const Game *const *games,
                            size_t n, const char *created)
{
    cJSON *root = save_header(campaign, seed, games[n - 1], created);
    cJSON_AddItemToObject(root, "decisions", cJSON_CreateArray());
    cJSON *list = cJSON_AddArrayToObject(root, "chapters");
    for (size_t i = 0; i < n; i++) {
        char cs[32];
        snprintf(cs, sizeof cs, "%llu", (unsigned long long)game_seed(games[i]));
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "story", game_story(games[i])->id);
        cJSON_AddStringToObject(o, "hash", game_story(games[i])->hash);
        cJSON_AddStringToObject(o, "seed", cs);
        cJSON_AddItemToObject(o, "decisions", decisions_json(games[i]));
        cJSON_AddItemToArray(list, o);
    }
    return finish(root);
}

char *save_results_json(const char *save_json, const char *session, bool anonymous)
{
    cJSON *root = cJSON_Parse(save_json);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return NULL;
    }
    cJSON_DeleteItemFromObjectCaseSensitive(root, "format");
    cJSON_AddStringToObject(root, "format", RESULTS_FORMAT);
    cJSON_DeleteItemFromObjectCaseSensitive(root, "session");
    cJSON_AddStringToObject(root, "session", session ? session : "");
    if (anonymous) {
        cJSON_DeleteItemFromObjectCaseSensitive(root, "player");
        cJSON_AddStringToObject(root, "player", "");
    }
    cJSON_DeleteItemFromObjectCaseSensitive(root, "anonymous");
    cJSON_DeleteItemFromObjectCaseSensitive(root, "ended");
    cJSON_AddBoolToObject(root, "anonymous", anonymous);
    const cJSON *ending = cJSON_GetObjectItemCaseSensitive(root, "ending");
    cJSON_AddBoolToObject(root, "ended", cJSON_IsString(ending));
    return finish(root);
}

int save_write_text(const char *path, const char *text, Err *err)
{
    return write_file_atomic(path, text, strlen(text), err);
}

int save_write(const char *path, const Game *g, const char *created, Err *err)
{
    char *text = save_to_json(g, created);
    int rc = write_file_atomic(path, text, strlen(text), err);
    free(text);
    return rc;
}

static void free_steps(Step *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)(uintptr_t)v[i].scene);
        free((char *)(uintptr_t)v[i].choice);
    }
    free(v);
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
    free(d->chapter);
    free(d->session);
    free(d->ending);
    free_steps(d->steps, d->n_steps);
    for (size_t i = 0; i < d->n_chapters; i++) {
        free(d->chapters[i].story_id);
        free(d->chapters[i].hash);
        free_steps(d->chapters[i].steps, d->chapters[i].n_steps);
    }
    free(d->chapters);
    memset(d, 0, sizeof *d);
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int parse_seed(const cJSON *o, uint64_t *seed, Err *err)
{
    const char *s = get_str(o, "seed");
    if (!s || !*s) {
        err_set(err, "the save has no seed");
        return -1;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || s[0] == '-') {
        err_set(err, "the save's seed \"%s\" is not a number", s);
        return -1;
    }
    *seed = (uint64_t)v;
    return 0;
}

static int parse_steps(const cJSON *o, Step **steps, size_t *n_steps, const char *where, Err *err)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(o, "decisions");
    if (!cJSON_IsArray(list)) {
        err_set(err, "the save has no list of decisions");
        return -1;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    *steps = xcalloc(n ? n : 1, sizeof **steps);
    const cJSON *item;
    cJSON_ArrayForEach(item, list)
    {
        const char *sc = get_str(item, "scene"), *ch = get_str(item, "choice");
        if (!sc || !ch) {
            err_set(err, "%sdecision %zu of the save has no scene or choice", where, *n_steps + 1);
            return -1;
        }
        const cJSON *secs = cJSON_GetObjectItemCaseSensitive(item, "seconds");
        Step *st = &(*steps)[(*n_steps)++];
        st->scene = xstrdup(sc);
        st->choice = xstrdup(ch);
        st->seconds = cJSON_IsNumber(secs) && secs->valuedouble >= 0 ? secs->valuedouble : 0;
    }
    return 0;
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
    if (!cJSON_IsObject(root) || !format ||
        (strcmp(format, SAVE_FORMAT) != 0 && strcmp(format, RESULTS_FORMAT) != 0)) {
        err_set(err, "not a Ladder save (no \"format\": \"%s\")", SAVE_FORMAT);
        goto done;
    }
    out->results = strcmp(format, RESULTS_FORMAT) == 0;
    if (!cJSON_IsNumber(version) || version->valuedouble < 1) {
        err_set(err, "the save has no valid format version");
        goto done;
    }
    if (version->valuedouble > SAVE_VERSION) {
        err_set(err, "the save was written by a newer Ladder (format %d; this one reads %d)",
                version->valueint, SAVE_VERSION);
        rc = -2;
        goto done;
    }
    const char *story = get_str(root, "story");
    if (!story || !*story) {
        err_set(err, "the save does not name its story");
        goto done;
    }
    if (parse_seed(root, &out->seed, err) != 0)
        goto done;
    out->story_id = xstrdup(story);
    out->title = xstrdup(get_str(root, "title"));
    out->hash = xstrdup(get_str(root, "hash"));
    out->engine = xstrdup(get_str(root, "engine"));
    out->player = xstrdup(get_str(root, "player"));
    out->created = xstrdup(get_str(root, "created"));
    out->updated = xstrdup(get_str(root, "updated"));
    out->scene = xstrdup(get_str(root, "scene"));
    out->chapter = xstrdup(get_str(root, "chapter"));
    out->session = xstrdup(get_str(root, "session"));
    out->ending = xstrdup(get_str(root, "ending"));
    if (parse_steps(root, &out->steps, &out->n_steps, "", err) != 0)
        goto done;
    const cJSON *chapters = cJSON_GetObjectItemCaseSensitive(root, "chapters");
    if (chapters) {
        if (!cJSON_IsArray(chapters) || cJSON_GetArraySize(chapters) == 0) {
            err_set(err, "the save's chapters are not a list");
            goto done;
        }
        size_t n = (size_t)cJSON_GetArraySize(chapters);
        out->chapters = xcalloc(n, sizeof *out->chapters);
        const cJSON *ch;
        cJSON_ArrayForEach(ch, chapters)
        {
            SaveChapter *c = &out->chapters[out->n_chapters++];
            char where[48];
            snprintf(where, sizeof where, "chapter %zu: ", out->n_chapters);
            const char *id = get_str(ch, "story");
            if (!id || !*id) {
                err_set(err, "%sno story id", where);
                goto done;
            }
            c->story_id = xstrdup(id);
            c->hash = xstrdup(get_str(ch, "hash"));
            if (parse_seed(ch, &c->seed, err) != 0 ||
                parse_steps(ch, &c->steps, &c->n_steps, "", err) != 0) {
                err_prefix(err, "%s", where);
                goto done;
            }
        }
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
