/* results.c: workshop results files: their text (the save format plus the participant's
 * fields), their names, writing each once, and the one reader, which parses a file once,
 * checks the tree as a save (save_parse_tree) and then keeps what a report needs: each
 * decision's text, stats and forced ending, the final stats, whether the game ended. */
#include "core/results.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ---- writing ---- */

char *results_text(const SaveSource *src, const char *session, bool anonymous, Err *err)
{
    SaveSource r = *src;
    r.results = true;
    r.session = session ? session : "";
    r.anonymous = anonymous;
    return save_text(&r, err);
}

char *results_state(const char *text)
{
    /* the last "updated" key: the state line's (a string's quotes are escaped, so the key
     * cannot be matched inside one) */
    static const char key[] = "\"updated\":\"";
    const char *at = NULL;
    for (const char *p = strstr(text, key); p; p = strstr(p + 1, key))
        at = p;
    if (!at)
        return xstrdup(text);
    const char *value = at + strlen(key), *end = strchr(value, '"');
    if (!end)
        return xstrdup(text);
    return xasprintf("%.*s%s", (int)(value - text), text, end);
}

/* Letters, digits, - and _ of name (at most 32), for a file name. */
char *results_file_name(const char *story_id, const char *session, const char *player,
                        const char *tag)
{
    Buf b = {0};
    util_name_part(&b, story_id, "story");
    buf_putc(&b, '-');
    util_name_part(&b, session, "solo");
    buf_putc(&b, '-');
    util_name_part(&b, player, "anonymous");
    buf_putc(&b, '-');
    util_name_part(&b, tag, "0");
    buf_puts(&b, ".json");
    return buf_take(&b);
}

int results_write(const char *dir, const char *story_id, const char *session,
                  const char *player, const char *text, char **path, Err *err)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    Buf stem = {0};
    util_name_part(&stem, story_id, "story");
    buf_putc(&stem, '-');
    util_name_part(&stem, session, "solo");
    buf_putc(&stem, '-');
    util_name_part(&stem, player, "anonymous");
    buf_printf(&stem, "-%s", stamp);
    int rc = write_file_unique(dir, buf_str(&stem), ".json", text, strlen(text), path, err);
    buf_free(&stem);
    if (rc == 0)
        results_make_readable(*path);
    return rc;
}

void results_session_key(Buf *b, const char *code)
{
    if (!code)
        return;
    size_t n = strlen(code);
    while (n && strchr(" \t\r\n", code[n - 1]))
        n--;
    size_t i = strspn(code, " \t\r\n");
    for (; i < n; i++)
        buf_putc(b, code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 'a' + 'A') : code[i]);
}

void results_make_readable(const char *path)
{
    mode_t m = umask(0); /* the only way to read it; set back at once (no threads write files) */
    umask(m);
    (void)chmod(path, 0666 & ~m);
}

/* ---- reading ---- */


static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = save_field(o, key);
    return v && cJSON_IsString(v) ? v->valuestring : NULL;
}

static char *dup_str(const cJSON *o, const char *key)
{
    return xstrdup(get_str(o, key));
}

/* The id s as the file's one copy in out->stat_ids (added when new; *cap: its capacity). A
 * file names the same few stats in every decision, mostly in the same order: the one at
 * position hint is tried first. */
static const char *stat_id(Results *out, size_t *cap, const char *s, size_t hint)
{
    if (hint < out->n_stat_ids && strcmp(out->stat_ids[hint], s) == 0)
        return out->stat_ids[hint];
    for (size_t i = 0; i < out->n_stat_ids; i++)
        if (strcmp(out->stat_ids[i], s) == 0)
            return out->stat_ids[i];
    util_grow(&out->stat_ids, cap, out->n_stat_ids + 1, sizeof *out->stat_ids);
    return out->stat_ids[out->n_stat_ids++] = xstrdup(s);
}

/* The stats of the objects before and after (either may be absent), by id, in the order they
 * first appear. save_parse_tree has checked that every value is a whole number in range. */
static ResultsStat *read_stats(const cJSON *before, const cJSON *after, Results *out,
                               size_t *idcap, size_t *n)
{
    const cJSON *objs[2] = {before, after};
    ResultsStat *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (int k = 0; k < 2; k++) {
        if (!cJSON_IsObject(objs[k]))
            continue;
        const cJSON *it;
        size_t pos = 0;
        cJSON_ArrayForEach(it, objs[k])
        {
            if (!it->string || !cJSON_IsNumber(it))
                continue;
            const char *id = stat_id(out, idcap, it->string, pos++);
            size_t at = 0;
            while (at < *n && v[at].id != id) /* one copy of each id: compared by address */
                at++;
            if (at == *n) {
                util_grow(&v, &cap, *n + 1, sizeof *v);
                v[at] = (ResultsStat){id, RESULTS_MISSING, RESULTS_MISSING};
                (*n)++;
            }
            int val = (int)lround(it->valuedouble);
            if (k == 0)
                v[at].before = val;
            else
                v[at].after = val;
        }
    }
    return v;
}

/* The decisions of list (chapter's), their scene and choice ids taken from steps[0..n_steps)
 * (save_parse_tree's copies of the same items, in order; NULL'd there). */
static void read_decisions(const cJSON *list, size_t chapter, Step *steps, size_t n_steps,
                           Results *out, size_t *cap, size_t *idcap)
{
    const cJSON *it;
    size_t i = 0;
    cJSON_ArrayForEach(it, list)
    {
        util_grow(&out->decisions, cap, out->n_decisions + 1, sizeof *out->decisions);
        ResultsDecision *d = &out->decisions[out->n_decisions++];
        memset(d, 0, sizeof *d);
        d->chapter = chapter;
        if (i < n_steps) {
            d->scene = (char *)(uintptr_t)steps[i].scene;
            d->choice = (char *)(uintptr_t)steps[i].choice;
            steps[i].scene = steps[i].choice = NULL;
        } else {
            d->scene = dup_str(it, "scene");
            d->choice = dup_str(it, "choice");
        }
        i++;
        d->text = dup_str(it, "text");
        d->forced = dup_str(it, "forced");
        const cJSON *secs = save_field(it, "seconds");
        d->seconds = cJSON_IsNumber(secs) ? secs->valuedouble : 0;
        d->stats = read_stats(save_field(it, "before"), save_field(it, "after"), out, idcap, &d->n_stats);
    }
}

/* The checks that tell a results file from other files, with the reason when it is not one. */
static cJSON *parse_results_json(const char *text, size_t len, Err *err)
{
    char *copy = xmalloc(len + 1); /* a terminator, for cJSON and strspn */
    memcpy(copy, text, len);
    copy[len] = '\0';
    if (len == 0 || strspn(copy, " \t\r\n") >= len) {
        err_set(err, "the file is empty");
        free(copy);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(copy, len + 1, &end, 1);
    if (!root) {
        size_t off = end && end >= copy ? (size_t)(end - copy) : 0;
        size_t last = len;
        while (last > 0 && strchr(" \t\r\n", copy[last - 1]))
            last--;
        /* a JSON object that stops before its closing brace was cut short */
        if (off >= len || (copy[strspn(copy, " \t\r\n")] == '{' && last && copy[last - 1] != '}'))
            err_set(err, "not JSON: it ends too early (a truncated file?)");
        else
            err_set(err, "not JSON: broken near byte %zu", off);
        free(copy);
        return NULL;
    }
    free(copy);
    const char *format = get_str(root, "format");
    const cJSON *version = save_field(root, "version");
    if (!cJSON_IsObject(root))
        err_set(err, "not a Ladder results file (the JSON is not an object)");
    else if (!format)
        err_set(err, "not a Ladder results file (no \"format\": \"" RESULTS_FORMAT "\")");
    else if (strcmp(format, RESULTS_FORMAT) != 0 && strcmp(format, SAVE_FORMAT) == 0)
        err_set(err, "a Ladder save, not a results file (format \"" SAVE_FORMAT "\")");
    else if (strcmp(format, RESULTS_FORMAT) != 0)
        err_set(err, "not a Ladder results file (another format)");
    else if (!cJSON_IsNumber(version) || !isfinite(version->valuedouble) ||
             version->valuedouble != floor(version->valuedouble) || version->valuedouble < 1)
        err_set(err, "the results file has no valid format version");
    else if (version->valuedouble > SAVE_VERSION)
        err_set(err, "written by a newer Ladder (format version %.0f; this one reads %d)",
                version->valuedouble > 1e6 ? 1e6 : version->valuedouble, SAVE_VERSION);
    else
        return root;
    cJSON_Delete(root);
    return NULL;
}

int results_parse(const char *text, size_t len, Results *out, Err *err)
{
    memset(out, 0, sizeof *out);
    cJSON *root = parse_results_json(text, len, err);
    if (!root)
        return -1;
    /* every field checked by the save reader, on this one tree (a results file is one JSON
     * document: parsing it again line by line, as save_parse would, doubled a report's time);
     * what it does not keep is taken below */
    SaveData sd;
    if (save_parse_tree(root, &sd, err) != 0) {
        cJSON_Delete(root);
        return -1;
    }
    out->story = xstrdup(sd.story_id);
    out->title = xstrdup(sd.title);
    out->hash = xstrdup(sd.hash);
    out->session = xstrdup(sd.session ? sd.session : "");
    out->player = xstrdup(sd.player ? sd.player : "");
    out->seed = sd.seed;
    out->anonymous = cJSON_IsTrue(save_field(root, "anonymous"));
    const cJSON *ended = save_field(root, "ended");
    bool has_ending = sd.ending && *sd.ending;
    out->ended = cJSON_IsBool(ended) ? cJSON_IsTrue(ended) && has_ending : has_ending;
    out->ending = out->ended ? xstrdup(sd.ending) : NULL;
    size_t cap = 0, idcap = 0;
    if (sd.n_chapters) {
        out->chapters = xcalloc(sd.n_chapters, sizeof *out->chapters);
        for (size_t i = 0; i < sd.n_chapters; i++)
            out->chapters[i] = (ResultsChapter){xstrdup(sd.chapters[i].story_id),
                                                xstrdup(sd.chapters[i].hash),
                                                sd.chapters[i].seed};
        out->n_chapters = sd.n_chapters;
        const cJSON *ch;
        size_t i = 0;
        cJSON_ArrayForEach(ch, save_field(root, "chapters"))
        {
            SaveChapter *sc = i < sd.n_chapters ? &sd.chapters[i] : NULL;
            read_decisions(save_field(ch, "decisions"), i, sc ? sc->steps : NULL,
                           sc ? sc->n_steps : 0, out, &cap, &idcap);
            i++;
        }
    } else {
        read_decisions(save_field(root, "decisions"), 0, sd.steps, sd.n_steps, out, &cap, &idcap);
    }
    out->stats = read_stats(save_field(root, "stats"), NULL, out, &idcap, &out->n_stats);
    for (size_t i = 0; i < out->n_stats; i++)
        out->stats[i].after = out->stats[i].before;
    save_data_free(&sd);
    cJSON_Delete(root);
    return 0;
}

int results_read(const char *path, Results *out, Err *err)
{
    memset(out, 0, sizeof *out);
    size_t len = 0;
    char *text = util_read_file(path, SAVE_MAX_BYTES, &len, err);
    if (!text)
        return -1;
    int rc = results_parse(text, len, out, err);
    free(text);
    return rc;
}


void results_free(Results *r)
{
    free(r->story);
    free(r->title);
    free(r->hash);
    free(r->session);
    free(r->player);
    free(r->ending);
    for (size_t i = 0; i < r->n_chapters; i++) {
        free(r->chapters[i].story);
        free(r->chapters[i].hash);
    }
    free(r->chapters);
    for (size_t i = 0; i < r->n_decisions; i++) {
        ResultsDecision *d = &r->decisions[i];
        free(d->scene);
        free(d->choice);
        free(d->text);
        free(d->forced);
        free(d->stats);
    }
    free(r->decisions);
    free(r->stats);
    for (size_t i = 0; i < r->n_stat_ids; i++)
        free(r->stat_ids[i]);
    free(r->stat_ids);
    memset(r, 0, sizeof *r);
}
