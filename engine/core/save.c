/* save.c: writing saves and results files in the version-2 layout, one decision per line:
 *
 *   {"format":"ladder-save","version":2,...,"created":"..",      header (one line)
 *   "decisions":[                                                 (a campaign: "decisions":[],
 *   {"n":1,"scene":..,"choice":..,"text":..,"seconds":..,          "chapters":[ and for each
 *    "before":{..},"after":{..},"forced":..},                      chapter {"story":..,"hash":..,
 *   {"n":2,...}                                                    "seed":.., then its own
 *   ],                                                             "decisions":[ ... ]} )
 *   "updated":"..","scene":..,"chapter":..,"ending":..,"stats":{..}}
 *
 * It is one JSON document (any JSON reader takes it) whose decisions can be appended one line
 * at a time; the reader is save_read.c. */
#include "core/save.h"

#include <cJSON.h>
#include <math.h>
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

/* s cut to SAVE_TEXT_MAX bytes at a character boundary, with "..." after when cut. */
static char *capped(const char *s)
{
    size_t n = strlen(s);
    if (n <= SAVE_TEXT_MAX)
        return xstrdup(s);
    n = SAVE_TEXT_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) /* not inside a UTF-8 sequence */
        n--;
    char *out = xmalloc(n + 4);
    memcpy(out, s, n);
    memcpy(out + n, "...", 4);
    return out;
}

static void add_capped(cJSON *o, const char *key, const char *s)
{
    char *c = capped(s ? s : "");
    cJSON_AddStringToObject(o, key, c);
    free(c);
}

static cJSON *stats_object(const Story *s, const int *v)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; i < s->n_stats; i++)
        cJSON_AddNumberToObject(o, s->stats[i].id, v[i]);
    return o;
}

/* The JSON of o without its final '}' (for an object continued on the next lines). */
static char *open_object(cJSON *o)
{
    char *t = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!t)
        return NULL;
    size_t n = strlen(t);
    char *out = xstrndup(t, n ? n - 1 : 0);
    cJSON_free(t);
    return out;
}

static char *print(cJSON *o)
{
    char *t = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    char *out = xstrdup(t);
    cJSON_free(t);
    return out;
}

/* The longest line of text, which must fit the reader's limit. */
static int check_lines(const char *text, Err *err)
{
    size_t longest = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (len > longest)
            longest = len;
        p += len + (nl ? 1 : 0);
    }
    if (longest > SAVE_MAX_BYTES) {
        err_set(err, "a line of the save would be %zu bytes, over the %u a save may hold (the "
                     "story's ids or stats are too large to save)",
                longest, SAVE_MAX_BYTES);
        return -1;
    }
    return 0;
}

static const Game *current(const SaveSource *src)
{
    return src->games[src->n_games - 1];
}

static int check_counts(const SaveSource *src, Err *err)
{
    size_t total = 0;
    for (size_t i = 0; i < src->n_games; i++)
        total += game_decision_count(src->games[i]);
    if (total > SAVE_MAX_DECISIONS) {
        err_set(err, "the game has %zu decisions, more than the %u a save holds", total,
                SAVE_MAX_DECISIONS);
        return -1;
    }
    if (src->n_games > SAVE_MAX_CHAPTERS) {
        err_set(err, "the campaign has %zu chapters, more than the %u a save holds",
                src->n_games, SAVE_MAX_CHAPTERS);
        return -1;
    }
    return 0;
}

/* Decision i of g as one line of JSON, without separators. */
static char *record_line(const Game *g, size_t i)
{
    const Story *s = game_story(g);
    const Decision *d = game_decision(g, i);
    const Scene *sc = &s->scenes[d->scene];
    const Choice *c = &sc->choices[d->choice];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "n", (double)(i + 1));
    cJSON_AddStringToObject(o, "scene", sc->id);
    cJSON_AddStringToObject(o, "choice", c->id);
    add_capped(o, "text", d->text);
    /* tenths of a second, within the reader's range (a window left open for years) */
    double secs = isfinite(d->seconds) && d->seconds > 0 ? d->seconds : 0;
    if (secs > SAVE_MAX_SECONDS)
        secs = SAVE_MAX_SECONDS;
    cJSON_AddNumberToObject(o, "seconds", floor(secs * 10 + 0.5) / 10);
    cJSON_AddItemToObject(o, "before", stats_object(s, d->before));
    cJSON_AddItemToObject(o, "after", stats_object(s, d->after));
    if (d->forced >= 0)
        cJSON_AddStringToObject(o, "forced", s->stats[s->thresholds[d->forced].stat].id);
    return print(o);
}

/* The records of g joined as they appear in a save. */
static void add_records(Buf *b, const Game *g)
{
    for (size_t i = 0; i < game_decision_count(g); i++) {
        char *line = record_line(g, i);
        buf_printf(b, "%s\n%s", i ? "," : "", line);
        free(line);
    }
}

/* A chapter's opening line and its "decisions":[ line. */
static void add_chapter_open(Buf *b, const Game *g)
{
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)game_seed(g));
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "story", game_story(g)->id);
    cJSON_AddStringToObject(o, "hash", game_story(g)->hash);
    cJSON_AddStringToObject(o, "seed", seed);
    char *t = open_object(o);
    buf_printf(b, "%s,\n\"decisions\":[", t ? t : "{");
    free(t);
}

char *save_head_text(const SaveSource *src, Err *err)
{
    if (check_counts(src, err) != 0)
        return NULL;
    char now[32], seed[32];
    save_timestamp(now, sizeof now);
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)src->seed);
    const Story *s = src->root;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "format", src->results ? RESULTS_FORMAT : SAVE_FORMAT);
    cJSON_AddNumberToObject(o, "version", SAVE_VERSION);
    cJSON_AddStringToObject(o, "engine", LADDER_VERSION);
    cJSON_AddStringToObject(o, "story", s->id);
    add_capped(o, "title", s->title);
    cJSON_AddStringToObject(o, "hash", s->hash);
    cJSON_AddStringToObject(o, "seed", seed);
    cJSON_AddStringToObject(o, "player",
                            src->results && src->anonymous ? "" : game_player(current(src)));
    cJSON_AddStringToObject(o, "created", src->created ? src->created : now);
    if (src->results) {
        cJSON_AddStringToObject(o, "session", src->session ? src->session : "");
        cJSON_AddBoolToObject(o, "anonymous", src->anonymous);
    }
    char *head = open_object(o);
    Buf b = {0};
    buf_printf(&b, "%s,\n", head ? head : "{");
    free(head);
    if (s->n_chapters == 0) {
        buf_puts(&b, "\"decisions\":[");
    } else {
        buf_puts(&b, "\"decisions\":[],\n\"chapters\":[\n");
        for (size_t i = 0; i + 1 < src->n_games; i++) {
            add_chapter_open(&b, src->games[i]);
            add_records(&b, src->games[i]);
            buf_puts(&b, "\n]},\n");
        }
        add_chapter_open(&b, current(src));
    }
    if (check_lines(buf_str(&b), err) != 0) {
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

char *save_record_text(const SaveSource *src, size_t i, Err *err)
{
    if (check_counts(src, err) != 0)
        return NULL;
    char *line = record_line(current(src), i);
    char *out = xasprintf("%s\n%s", i ? "," : "", line);
    free(line);
    if (check_lines(out, err) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

char *save_tail_text(const SaveSource *src, Err *err)
{
    char now[32];
    save_timestamp(now, sizeof now);
    const Game *g = current(src);
    const Story *cur = game_story(g);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "updated", now);
    cJSON_AddStringToObject(o, "scene", game_scene(g)->id);
    if (game_chapter(g))
        add_capped(o, "chapter", game_chapter(g));
    if (game_ended(g))
        cJSON_AddStringToObject(o, "ending", game_scene(g)->id);
    else
        cJSON_AddNullToObject(o, "ending");
    if (src->results)
        cJSON_AddBoolToObject(o, "ended", game_ended(g));
    int *v = xmalloc((cur->n_stats ? cur->n_stats : 1) * sizeof *v);
    for (size_t i = 0; i < cur->n_stats; i++)
        v[i] = game_stat(g, i);
    cJSON_AddItemToObject(o, "stats", stats_object(cur, v));
    free(v);
    char *state = print(o);
    /* the state's object continues the save's: drop its '{' */
    char *out = xasprintf("\n]%s,\n%s\n", src->root->n_chapters ? "}\n]" : "",
                          state[0] == '{' ? state + 1 : state);
    free(state);
    if (check_lines(out, err) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

char *save_text(const SaveSource *src, Err *err)
{
    char *head = save_head_text(src, err);
    char *tail = head ? save_tail_text(src, err) : NULL;
    if (!tail) {
        free(head);
        return NULL;
    }
    Buf b = {0};
    buf_puts(&b, head);
    free(head);
    const Game *g = current(src);
    for (size_t i = 0; i < game_decision_count(g); i++) {
        char *rec = save_record_text(src, i, err);
        if (!rec) {
            buf_free(&b);
            free(tail);
            return NULL;
        }
        buf_puts(&b, rec);
        free(rec);
    }
    buf_puts(&b, tail);
    free(tail);
    return buf_take(&b);
}

char *save_to_json(const Game *g, const char *created)
{
    SaveSource src = {.root = game_story(g), .seed = game_seed(g), .games = &g, .n_games = 1,
                      .created = created};
    Err err;
    char *text = save_text(&src, &err);
    return text ? text : xstrdup("");
}

int save_write_text(const char *path, const char *text, Err *err)
{
    return write_file_atomic(path, text, strlen(text), err);
}

int save_write(const char *path, const Game *g, const char *created, Err *err)
{
    SaveSource src = {.root = game_story(g), .seed = game_seed(g), .games = &g, .n_games = 1,
                      .created = created};
    char *text = save_text(&src, err);
    if (!text)
        return -1;
    int rc = write_file_atomic(path, text, strlen(text), err);
    free(text);
    return rc;
}
