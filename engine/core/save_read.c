/* save_read.c: reading saves and results files, checked field by field. A version-2 save (see
 * save.c) is read line by line, each line at most SAVE_MAX_BYTES, so its length is bounded only
 * by SAVE_MAX_DECISIONS; a torn last line (Ladder stopped while appending it) is left out, and
 * damage before the last line is reported. Anything else (version 1, or a save some tool
 * reformatted) is read as one JSON document of at most SAVE_MAX_BYTES. Every number is
 * range-checked before it is converted. */
#include "core/save.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- fields ---- */

/* The longest string a save holds: ids and titles are at most 256 bytes, a decision's text is
 * cut to 240 (save.c), a player's name is short. A longer one is not from Ladder. */
#define SAVE_MAX_STRING 4096

const cJSON *save_field(const cJSON *o, const char *key)
{
    if (!o)
        return NULL;
    for (const cJSON *c = o->child; c && c->string; c = c->next)
        if (c->string[0] == key[0] && strcmp(c->string, key) == 0)
            return c;
    return NULL;
}

/* The first string anywhere in node longer than SAVE_MAX_STRING, or NULL. */
static const cJSON *long_string(const cJSON *node)
{
    if (cJSON_IsString(node))
        return strlen(node->valuestring) > SAVE_MAX_STRING ? node : NULL;
    const cJSON *c, *hit = NULL;
    cJSON_ArrayForEach(c, node)
    {
        if ((hit = long_string(c)))
            break;
    }
    return hit;
}

/* Refuse a save (or a line of one) holding a string longer than any Ladder writes. */
static int check_strings(const cJSON *node, Err *err)
{
    const cJSON *s = long_string(node);
    if (!s)
        return 0;
    err_set(err, "the field \"%.40s\" holds %zu bytes (at most %d): not a save Ladder wrote",
            s->string ? s->string : "?", strlen(s->valuestring), SAVE_MAX_STRING);
    return -1;
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = save_field(o, key);
    return v && cJSON_IsString(v) ? v->valuestring : NULL;
}

/* "where" of a decision in messages: "decision 3" or "chapter 2, decision 3". */
static void decision_where(char *buf, size_t n, size_t chapter, size_t i)
{
    if (chapter)
        snprintf(buf, n, "chapter %zu, decision %zu", chapter, i);
    else
        snprintf(buf, n, "decision %zu", i);
}

static int check_version(const cJSON *root, SaveData *out, Err *err)
{
    const cJSON *v = save_field(root, "version");
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) {
        err_set(err, "the save has no valid format version (\"version\" is not a number)");
        return -1;
    }
    double x = v->valuedouble;
    if (x != floor(x) || x < 1 || x > 1e6) {
        err_set(err, "the save has no valid format version (\"version\" is %g, not a whole "
                     "number Ladder writes)",
                x);
        return -1;
    }
    if (x > SAVE_VERSION) {
        err_set(err, "the save was written by a newer Ladder (format %.0f; this one reads up to %d)",
                x, SAVE_VERSION);
        return STATUS_TOO_NEW;
    }
    out->version = (int)x;
    return 0;
}

static int check_seed(const char *s, uint64_t *seed, const char *what, Err *err)
{
    if (!s || !*s) {
        err_set(err, "%s has no seed", what);
        return -1;
    }
    size_t n = strspn(s, "0123456789");
    errno = 0;
    unsigned long long v = n == strlen(s) && n <= 20 ? strtoull(s, NULL, 10) : 0;
    if (n != strlen(s) || n > 20 || errno) {
        err_set(err, "%s's \"seed\" \"%.40s\" is not a number from 0 to %llu", what, s,
                (unsigned long long)UINT64_MAX);
        return -1;
    }
    *seed = (uint64_t)v;
    return 0;
}

/* A stats object: every value a whole number within +-SAVE_MAX_STAT. */
static int check_stats(const cJSON *o, const char *where, const char *key, Err *err)
{
    if (!o)
        return 0;
    if (!cJSON_IsObject(o)) {
        err_set(err, "%s: \"%s\" is not an object of stats", where, key);
        return -1;
    }
    const cJSON *v;
    cJSON_ArrayForEach(v, o)
    {
        double x = cJSON_IsNumber(v) ? v->valuedouble : (double)NAN;
        if (!isfinite(x) || x != floor(x) || fabs(x) > SAVE_MAX_STAT) {
            if (cJSON_IsNumber(v))
                err_set(err, "%s: \"%s\": \"%.64s\" is %g, not a whole number within +-%g",
                        where, key, v->string, x, SAVE_MAX_STAT);
            else
                err_set(err, "%s: \"%s\": \"%.64s\" is not a number", where, key, v->string);
            return -1;
        }
    }
    return 0;
}

/* One decision. expect_n: its number, which a version-2 record carries as "n". */
static int check_decision(const cJSON *o, Step *st, size_t chapter, size_t expect_n, Err *err)
{
    char where[64];
    decision_where(where, sizeof where, chapter, expect_n);
    const char *sc = get_str(o, "scene"), *ch = get_str(o, "choice");
    if (!cJSON_IsObject(o) || !sc || !ch) {
        err_set(err, "%s of the save has no scene or choice", where);
        return -1;
    }
    const cJSON *n = save_field(o, "n");
    if (n && (!cJSON_IsNumber(n) || n->valuedouble != (double)expect_n)) {
        err_set(err, "%s: its number \"n\" is not %zu (decisions out of order?)", where,
                expect_n);
        return -1;
    }
    const cJSON *secs = save_field(o, "seconds");
    double s = 0;
    if (secs) {
        if (!cJSON_IsNumber(secs)) {
            err_set(err, "%s: \"seconds\" is not a number", where);
            return -1;
        }
        s = secs->valuedouble;
        if (!isfinite(s) || s < 0 || s > SAVE_MAX_SECONDS) {
            err_set(err, "%s: \"seconds\" is %g, not a number of seconds from 0 to %g", where,
                    s, SAVE_MAX_SECONDS);
            return -1;
        }
    }
    if (check_stats(save_field(o, "before"), where, "before", err) != 0 ||
        check_stats(save_field(o, "after"), where, "after", err) != 0)
        return -1;
    st->scene = xstrdup(sc);
    st->choice = xstrdup(ch);
    st->seconds = s;
    return 0;
}

/* Append a decision to a list of steps, within the total limit. */
static int add_decision(const cJSON *o, Step **v, size_t *n, size_t *cap, size_t chapter,
                        size_t *total, Err *err)
{
    if (++*total > SAVE_MAX_DECISIONS) {
        err_set(err, "the save holds more than %u decisions", SAVE_MAX_DECISIONS);
        return -1;
    }
    util_grow(v, cap, *n + 1, sizeof **v);
    if (check_decision(o, &(*v)[*n], chapter, *n + 1, err) != 0)
        return -1;
    (*n)++;
    return 0;
}

static int check_header(const cJSON *root, SaveData *out, Err *err)
{
    const char *format = get_str(root, "format");
    if (!cJSON_IsObject(root) || !format ||
        (strcmp(format, SAVE_FORMAT) != 0 && strcmp(format, RESULTS_FORMAT) != 0)) {
        err_set(err, "not a Ladder save (no \"format\": \"%s\")", SAVE_FORMAT);
        return -1;
    }
    out->results = strcmp(format, RESULTS_FORMAT) == 0;
    int rc = check_version(root, out, err);
    if (rc != 0)
        return rc;
    const char *story = get_str(root, "story");
    if (!story || !*story) {
        err_set(err, "the save does not name its story");
        return -1;
    }
    if (check_seed(get_str(root, "seed"), &out->seed, "the save", err) != 0)
        return -1;
    const cJSON *anon = save_field(root, "anonymous");
    if (anon && !cJSON_IsBool(anon)) {
        err_set(err, "the save's \"anonymous\" is not true or false");
        return -1;
    }
    out->story_id = xstrdup(story);
    out->title = xstrdup(get_str(root, "title"));
    out->hash = xstrdup(get_str(root, "hash"));
    out->engine = xstrdup(get_str(root, "engine"));
    out->player = xstrdup(get_str(root, "player"));
    out->created = xstrdup(get_str(root, "created"));
    out->session = xstrdup(get_str(root, "session"));
    return 0;
}

/* The state after the decisions: where the game stands and its stats. */
static int check_state(const cJSON *o, SaveData *out, Err *err)
{
    const cJSON *ended = save_field(o, "ended");
    if (ended && !cJSON_IsBool(ended)) {
        err_set(err, "the save's \"ended\" is not true or false");
        return -1;
    }
    if (check_stats(save_field(o, "stats"), "the final state", "stats",
                    err) != 0)
        return -1;
    out->updated = xstrdup(get_str(o, "updated"));
    out->scene = xstrdup(get_str(o, "scene"));
    out->chapter = xstrdup(get_str(o, "chapter"));
    out->ending = xstrdup(get_str(o, "ending"));
    return 0;
}

static int check_chapter(const cJSON *o, SaveData *out, Err *err)
{
    if (out->n_chapters >= SAVE_MAX_CHAPTERS) {
        err_set(err, "the save holds more than %u chapters", SAVE_MAX_CHAPTERS);
        return -1;
    }
    out->chapters = xrealloc(out->chapters, (out->n_chapters + 1) * sizeof *out->chapters);
    SaveChapter *c = &out->chapters[out->n_chapters++];
    memset(c, 0, sizeof *c);
    char what[48];
    snprintf(what, sizeof what, "chapter %zu", out->n_chapters);
    const char *id = get_str(o, "story");
    if (!cJSON_IsObject(o) || !id || !*id) {
        err_set(err, "%s: no story id", what);
        return -1;
    }
    c->story_id = xstrdup(id);
    c->hash = xstrdup(get_str(o, "hash"));
    return check_seed(get_str(o, "seed"), &c->seed, what, err);
}

/* ---- one JSON document (version 1, or any layout) ---- */

static int parse_list(const cJSON *list, Step **v, size_t *n, size_t chapter, size_t *total,
                      Err *err)
{
    if (!cJSON_IsArray(list)) {
        err_set(err, "the save has no list of decisions");
        return -1;
    }
    size_t cap = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, list)
    {
        if (add_decision(item, v, n, &cap, chapter, total, err) != 0)
            return -1;
    }
    return 0;
}

/* Every check of a save read as one JSON document, on its tree (root); out is filled as far
 * as the checks went (the caller frees it). */
static int check_document(const cJSON *root, SaveData *out, Err *err)
{
    int rc = check_strings(root, err);
    if (rc == 0)
        rc = check_header(root, out, err);
    size_t total = 0;
    if (rc == 0)
        rc = parse_list(save_field(root, "decisions"), &out->steps,
                        &out->n_steps, 0, &total, err);
    const cJSON *chapters = save_field(root, "chapters");
    if (rc == 0 && chapters) {
        if (!cJSON_IsArray(chapters) || cJSON_GetArraySize(chapters) == 0) {
            err_set(err, "the save's chapters are not a list");
            rc = -1;
        }
        const cJSON *ch;
        cJSON_ArrayForEach(ch, chapters)
        {
            if (rc != 0)
                break;
            rc = check_chapter(ch, out, err);
            SaveChapter *c = &out->chapters[out->n_chapters - 1];
            if (rc == 0)
                rc = parse_list(save_field(ch, "decisions"), &c->steps,
                                &c->n_steps, out->n_chapters, &total, err);
        }
    }
    if (rc == 0)
        rc = check_state(root, out, err);
    return rc;
}

static int parse_document(const char *text, size_t len, SaveData *out, Err *err)
{
    if (len > SAVE_MAX_BYTES) {
        err_set(err, "file is too large (over %u bytes)", SAVE_MAX_BYTES);
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
    int rc = check_document(root, out, err);
    cJSON_Delete(root);
    return rc;
}

int save_parse_tree(const cJSON *root, SaveData *out, Err *err)
{
    memset(out, 0, sizeof *out);
    int rc = check_document(root, out, err);
    if (rc != 0)
        save_data_free(out);
    return rc;
}

/* ---- version 2, line by line ---- */

/* Lines from memory or from a file, each at most SAVE_MAX_BYTES. */
#define LINES_CHUNK 65536
typedef struct Lines {
    const char *mem;
    size_t len, pos;
    FILE *f;
    char *chunk; /* from f: what fread gave (LINES_CHUNK bytes), read from cpos up to clen */
    size_t cpos, clen;
    Buf line;
    size_t number;
    bool too_long; /* the line just read was cut at SAVE_MAX_BYTES */
} Lines;

static bool next_line(Lines *l)
{
    l->line.len = 0;
    if (l->line.s)
        l->line.s[0] = '\0';
    l->too_long = false;
    bool any = false;
    if (!l->f && l->pos < l->len) { /* in memory: the line at once (not a byte at a time) */
        const char *at = l->mem + l->pos, *nl = memchr(at, '\n', l->len - l->pos);
        size_t n = nl ? (size_t)(nl - at) : l->len - l->pos;
        l->pos += n + (nl != NULL);
        if (n > SAVE_MAX_BYTES) {
            n = SAVE_MAX_BYTES;
            l->too_long = true;
        }
        buf_add(&l->line, at, n);
        l->number++;
        return true;
    }
    while (l->f) { /* from the file: a chunk at a time, each line found with memchr (a byte
                      at a time through getc took 40% of reading 10,000 decisions) */
        if (l->cpos == l->clen) {
            if (!l->chunk)
                l->chunk = xmalloc(LINES_CHUNK);
            l->clen = fread(l->chunk, 1, LINES_CHUNK, l->f);
            l->cpos = 0;
            if (l->clen == 0)
                break;
        }
        const char *at = l->chunk + l->cpos, *nl = memchr(at, '\n', l->clen - l->cpos);
        size_t n = nl ? (size_t)(nl - at) : l->clen - l->cpos;
        size_t room = l->line.len < SAVE_MAX_BYTES ? SAVE_MAX_BYTES - l->line.len : 0;
        any = true;
        if (n > room)
            l->too_long = true;
        buf_add(&l->line, at, n < room ? n : room);
        l->cpos += n + (nl != NULL);
        if (nl)
            break;
    }
    if (any)
        l->number++;
    return any;
}

/* The line as a JSON object: prefix + line (without a final ',' when strip) + suffix. */
static cJSON *line_object(const Lines *l, const char *prefix, bool strip, const char *suffix)
{
    if (l->too_long)
        return NULL;
    size_t n = l->line.len;
    const char *s = buf_str(&l->line);
    if (strip && n && s[n - 1] == ',')
        n--;
    Buf b = {0};
    buf_puts(&b, prefix);
    buf_add(&b, s, n);
    buf_puts(&b, suffix);
    cJSON *o = cJSON_ParseWithLength(b.s, b.len);
    buf_free(&b);
    if (o && !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        o = NULL;
    }
    return o;
}

static bool is(const Lines *l, const char *text)
{
    return strcmp(buf_str(&l->line), text) == 0;
}

/* Whether a later line holds a decision: then a bad line is damage, not a torn end. */
static bool decision_follows(Lines *l)
{
    while (next_line(l)) {
        cJSON *o = line_object(l, "", true, "");
        bool rec = o && save_field(o, "choice");
        cJSON_Delete(o);
        if (rec)
            return true;
    }
    return false;
}

enum { L_LIST, L_CHAPTERS, L_CHAPTER, L_CHAPTER_LIST, L_END_CHAPTERS, L_STATE, L_DONE };

static int parse_lines(Lines *l, SaveData *out, Err *err)
{
    next_line(l);
    cJSON *head = line_object(l, "", true, "}");
    int rc = head ? check_strings(head, err) : -1;
    if (rc == 0)
        rc = check_header(head, out, err);
    cJSON_Delete(head);
    if (!head)
        err_set(err, "not a Ladder save: its first line is not a save's header");
    if (rc != 0)
        return rc;
    next_line(l);
    int state;
    if (is(l, "\"decisions\":["))
        state = L_LIST;
    else if (is(l, "\"decisions\":[],"))
        state = L_CHAPTERS;
    else {
        err_set(err, "line 2 is not the start of the list of decisions");
        return -1;
    }
    Step **steps = &out->steps;
    size_t *n = &out->n_steps, cap = 0, total = 0, chapter = 0;
    while (state != L_DONE && next_line(l)) {
        const char *s = buf_str(&l->line);
        bool ok = false;
        if ((state == L_LIST || state == L_CHAPTER_LIST) && s[0] == '{') {
            cJSON *o = line_object(l, "", true, "");
            ok = o != NULL;
            if (ok && (check_strings(o, err) != 0 ||
                       add_decision(o, steps, n, &cap, chapter, &total, err) != 0)) {
                cJSON_Delete(o);
                err_prefix(err, "line %zu: ", l->number);
                return -1;
            }
            cJSON_Delete(o);
        } else if (state == L_LIST && is(l, "],")) {
            ok = true;
            state = L_STATE;
        } else if (state == L_CHAPTERS && is(l, "\"chapters\":[")) {
            ok = true;
            state = L_CHAPTER;
        } else if (state == L_CHAPTER && s[0] == '{') {
            cJSON *o = line_object(l, "", true, "}");
            ok = o != NULL;
            if (ok && (check_strings(o, err) != 0 || check_chapter(o, out, err) != 0)) {
                cJSON_Delete(o);
                err_prefix(err, "line %zu: ", l->number);
                return -1;
            }
            cJSON_Delete(o);
            if (ok && next_line(l) && is(l, "\"decisions\":[")) {
                SaveChapter *c = &out->chapters[out->n_chapters - 1];
                steps = &c->steps;
                n = &c->n_steps;
                cap = 0;
                chapter = out->n_chapters;
                state = L_CHAPTER_LIST;
            } else {
                ok = false;
            }
        } else if (state == L_CHAPTER_LIST && (is(l, "]},") || is(l, "]}"))) {
            ok = true;
            state = is(l, "]},") ? L_CHAPTER : L_END_CHAPTERS;
        } else if (state == L_END_CHAPTERS && is(l, "],")) {
            ok = true;
            state = L_STATE;
        } else if (state == L_STATE && s[0] == '"') {
            cJSON *o = line_object(l, "{", false, "");
            ok = o != NULL;
            if (ok && (check_strings(o, err) != 0 || check_state(o, out, err) != 0)) {
                cJSON_Delete(o);
                return -1;
            }
            cJSON_Delete(o);
            state = L_DONE;
        } else if (!*s) {
            ok = true; /* an empty line */
        }
        if (!ok) {
            size_t bad = l->number;
            if (decision_follows(l)) {
                err_set(err, "line %zu is damaged, and decisions follow it", bad);
                return -1;
            }
            out->torn_line = bad; /* the end was cut short: what came before stands */
            break;
        }
    }
    return 0;
}

/* A version-2 save starts with a header line that is not a whole object: {"format":...,  */
static bool line_layout(const char *start, size_t len)
{
    const char *nl = memchr(start, '\n', len);
    static const char open[] = "{\"format\":";
    return nl && nl > start && nl[-1] == ',' && (size_t)(nl - start) >= sizeof open - 1 &&
           memcmp(start, open, sizeof open - 1) == 0;
}

int save_parse(const char *text, size_t len, SaveData *out, Err *err)
{
    memset(out, 0, sizeof *out);
    if (len == 0) {
        err_set(err, "the file is empty");
        return -1;
    }
    int rc;
    if (line_layout(text, len)) {
        Lines l = {.mem = text, .len = len};
        rc = parse_lines(&l, out, err);
        buf_free(&l.line);
    } else {
        rc = parse_document(text, len, out, err);
    }
    if (rc != 0)
        save_data_free(out);
    return rc;
}

int save_read(const char *path, SaveData *out, Err *err)
{
    memset(out, 0, sizeof *out);
    /* O_NONBLOCK: a FIFO must not wait for a writer; only regular files are read */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        err_set(err, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        err_set(err, "%s: %s", path,
                S_ISDIR(st.st_mode) ? "is a directory, not a file" : "not a regular file");
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    char start[4096];
    ssize_t got = pread(fd, start, sizeof start, 0);
    int rc;
    if (got > 0 && line_layout(start, (size_t)got)) {
        Lines l = {.f = fdopen(fd, "rb")};
        if (!l.f) {
            close(fd);
            err_set(err, "%s: cannot open: %s", path, strerror(errno));
            return -1;
        }
        rc = parse_lines(&l, out, err);
        if (rc == 0 && ferror(l.f)) {
            err_set(err, "read error: %s", strerror(errno));
            rc = -1;
        }
        fclose(l.f);
        free(l.chunk);
        buf_free(&l.line);
        if (rc != 0)
            save_data_free(out);
    } else {
        close(fd);
        size_t len;
        char *text = util_read_file(path, SAVE_MAX_BYTES, &len, err);
        if (!text)
            return -1; /* util_read_file names the file */
        rc = save_parse(text, len, out, err);
        free(text);
    }
    if (rc != 0)
        err_prefix(err, "%s: ", path);
    return rc;
}

static int cmp_info(const void *a, const void *b)
{
    const SaveInfo *x = a, *y = b;
    int c = strcmp(y->updated, x->updated);
    return c ? c : strcmp(x->name, y->name);
}

SaveInfo *save_list(const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    SaveInfo *v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !util_str_ends_with(e->d_name, ".json"))
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        SaveData sd;
        Err err;
        if (save_read(path, &sd, &err) == 0) {
            util_grow(&v, &cap, *n + 1, sizeof *v);
            SaveInfo *si = &v[(*n)++];
            si->name = xstrndup(e->d_name, strlen(e->d_name) - 5);
            si->updated = xstrdup(sd.updated ? sd.updated : "");
            si->scene = xstrdup(sd.ending    ? sd.ending
                                : sd.chapter ? sd.chapter
                                : sd.scene   ? sd.scene
                                             : "");
            si->decisions = sd.n_steps;
            si->ended = sd.ending != NULL;
            save_data_free(&sd);
        }
        free(path);
    }
    closedir(d);
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_info);
    return v;
}

void save_info_clear(SaveInfo *si)
{
    free(si->name);
    free(si->updated);
    free(si->scene);
    memset(si, 0, sizeof *si);
}

void save_list_free(SaveInfo *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        save_info_clear(&v[i]);
    free(v);
}
