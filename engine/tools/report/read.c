/* read.c: the report's input: the results files named on the command line (folders' *.json),
 * each read through core/results.h, and the stories they name. */
#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/utf8.h"
#include "out/html.h"
#include "tools/report/report.h"

void report_part_free(Part *p)
{
    for (size_t i = 0; i < p->nd; i++)
        free(p->d[i].sv);
    free(p->d);
    free(p->file);
    free(p->chap_story);
    free(p->chap_hash);
    free(p->chap_seed);
    free(p->fin);
    memset(p, 0, sizeof *p);
}


/* ---- reading results files ---- */

/* v[0..n) with their ids interned: sid[k] is res->stat_ids[k] interned (each ResultsStat.id
 * is one of them, found by address: a file's few stats are interned once, not at every
 * decision). */
static StatVal *stat_vals(const Results *res, const int *sid, const ResultsStat *v, size_t n,
                          int *nsv)
{
    StatVal *out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++) {
        size_t k = i < res->n_stat_ids && res->stat_ids[i] == v[i].id ? i : 0;
        while (k < res->n_stat_ids && res->stat_ids[k] != v[i].id)
            k++;
        out[i] = (StatVal){k < res->n_stat_ids ? sid[k] : -1, v[i].before, v[i].after};
    }
    *nsv = (int)n;
    return out;
}

/* A participant as the report counts it: res's strings interned. */
static void part_of(Report *r, const Results *res, Part *p)
{
    p->story = report_intern(&r->s, res->story);
    Buf code = {0};
    size_t lead = strspn(res->session, " \t\r\n"), cl = strlen(res->session + lead);
    while (cl && strchr(" \t\r\n", res->session[lead + cl - 1]))
        cl--;
    buf_printf(&code, "%.*s", (int)cl, res->session + lead);
    p->session = p->session_typed = report_intern(&r->s, buf_str(&code));
    buf_free(&code);
    results_session_key(&code, res->session);
    p->session_key = report_intern(&r->s, buf_str(&code));
    buf_free(&code);
    p->player = report_intern(&r->s, res->player);
    p->title = report_intern(&r->s, res->title);
    p->hash = report_intern(&r->s, res->hash);
    p->seed = res->seed;
    p->anonymous = res->anonymous;
    p->ended = res->ended;
    p->ending = res->ended ? report_intern(&r->s, res->ending) : -1;
    p->ending_story = p->story;
    if (res->n_chapters) {
        size_t n = res->n_chapters;
        p->chap_story = xcalloc(n, sizeof *p->chap_story);
        p->chap_hash = xcalloc(n, sizeof *p->chap_hash);
        p->chap_seed = xcalloc(n, sizeof *p->chap_seed);
        for (size_t i = 0; i < n; i++) {
            p->chap_story[i] = report_intern(&r->s, res->chapters[i].story);
            p->chap_hash[i] = report_intern(&r->s, res->chapters[i].hash);
            p->chap_seed[i] = res->chapters[i].seed;
        }
        p->nchap = (int)n;
        p->ending_story = p->chap_story[n - 1];
    }
    int *sid = xcalloc(res->n_stat_ids ? res->n_stat_ids : 1, sizeof *sid);
    for (size_t k = 0; k < res->n_stat_ids; k++)
        sid[k] = report_intern(&r->s, res->stat_ids[k]);
    p->d = xcalloc(res->n_decisions ? res->n_decisions : 1, sizeof *p->d);
    p->capd = res->n_decisions ? res->n_decisions : 1;
    for (size_t i = 0; i < res->n_decisions; i++) {
        const ResultsDecision *rd = &res->decisions[i];
        Dec d = {.chapter = (int)rd->chapter,
                 .story = rd->chapter < res->n_chapters ? p->chap_story[rd->chapter] : p->story,
                 .scene = report_intern(&r->s, rd->scene),
                 .choice = report_intern(&r->s, rd->choice),
                 .text = report_intern(&r->s, rd->text),
                 .forced = report_intern(&r->s, rd->forced),
                 .seconds = rd->seconds < 1e7 ? rd->seconds : 1e7};
        d.sv = stat_vals(res, sid, rd->stats, rd->n_stats, &d.nsv);
        p->d[p->nd++] = d;
    }
    p->fin = stat_vals(res, sid, res->stats, res->n_stats, &p->nfin);
    free(sid);
}

void report_skip(Report *r, const char *path, const char *reason)
{
    /* a reason from util_read_file names the file again: said once */
    size_t l = strlen(path);
    if (strncmp(reason, path, l) == 0 && reason[l] == ':' && reason[l + 1] == ' ')
        reason += l + 2;
    utf8_fprintf(stderr, "ladder: report: skipped %s: %s\n", path, reason);
    buf_puts(&r->skipped, "<li><code>");
    html_escape(&r->skipped, path);
    buf_puts(&r->skipped, "</code>: ");
    html_escape(&r->skipped, reason);
    buf_puts(&r->skipped, "</li>\n");
    r->nskipped++;
}

/* The part already read with the same bytes (hash and length), or -1; adds this one (index
 * part) when new. An open-addressing table of part index + 1 over (hash, length). */
static long same_content(Report *r, uint64_t h, size_t len, size_t part)
{
    if (r->ncontent * 2 >= r->ncslot) {
        size_t ns = r->ncslot ? r->ncslot * 2 : 1024;
        ContentId *slot = xcalloc(ns, sizeof *slot);
        for (size_t i = 0; i < r->ncslot; i++)
            if (r->cslot[i].part) {
                size_t k = (size_t)r->cslot[i].hash & (ns - 1);
                while (slot[k].part)
                    k = (k + 1) & (ns - 1);
                slot[k] = r->cslot[i];
            }
        free(r->cslot);
        r->cslot = slot;
        r->ncslot = ns;
    }
    size_t k = (size_t)h & (r->ncslot - 1);
    while (r->cslot[k].part) {
        if (r->cslot[k].hash == h && r->cslot[k].len == len)
            return (long)r->cslot[k].part - 1;
        k = (k + 1) & (r->ncslot - 1);
    }
    r->cslot[k] = (ContentId){h, len, part + 1};
    r->ncontent++;
    return -1;
}

/* One file read and checked, off the main thread (read_batch). */
typedef struct ReadJob {
    const char *path;
    int rc; /* 0: res holds the results; -1: err says why not */
    Results res;
    Err err;
    uint64_t hash; /* of the file's bytes, and their count (for telling a copy) */
    size_t len;
} ReadJob;

/* ---- cJSON's memory while a file is parsed: a results file is parsed into thousands of
 * small cJSON nodes, each malloc'd and freed (profiled: malloc, free and cJSON_Delete were a
 * third of a report's instructions). While parse_arena is on, in the thread that turned it on,
 * cJSON takes its memory from this thread's arena and gives nothing back one by one; the
 * arena is emptied after the file (results_parse keeps no cJSON memory: what it returns is
 * copied out with xstrdup). Off, or in any other thread, cJSON gets malloc and free. ---- */

#define ARENA_CHUNK (256u << 10)

typedef struct Arena {
    bool on;
    char *chunk; /* the chunk in use: [0, used) taken */
    size_t used, cap;
    char **full; /* chunks filled while on (freed at arena_reset) */
    size_t nfull, capfull;
} Arena;

static _Thread_local Arena parse_arena;

static void *arena_malloc(size_t n)
{
    Arena *a = &parse_arena;
    if (!a->on)
        return malloc(n);
    n = (n + 15) & ~(size_t)15;
    if (a->used + n > a->cap) {
        if (a->chunk) {
            util_grow(&a->full, &a->capfull, a->nfull + 1, sizeof *a->full);
            a->full[a->nfull++] = a->chunk;
        }
        a->cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        a->chunk = xmalloc(a->cap);
        a->used = 0;
    }
    void *p = a->chunk + a->used;
    a->used += n;
    return p;
}

static void arena_free(void *p)
{
    if (!parse_arena.on)
        free(p);
}

/* Empty the arena (its first chunk kept for the next file), or free it all (keep false). */
static void arena_reset(bool keep)
{
    Arena *a = &parse_arena;
    for (size_t i = 0; i < a->nfull; i++)
        free(a->full[i]);
    a->nfull = 0;
    a->used = 0;
    if (!keep) {
        free(a->full);
        free(a->chunk);
        *a = (Arena){0};
    }
}

static void read_job(ReadJob *j)
{
    char *text = util_read_file(j->path, SAVE_MAX_BYTES, &j->len, &j->err);
    if (!text) {
        memset(&j->res, 0, sizeof j->res);
        j->rc = -1;
        return;
    }
    j->hash = report_hash(text, j->len);
    parse_arena.on = true;
    j->rc = results_parse(text, j->len, &j->res, &j->err);
    parse_arena.on = false;
    arena_reset(true);
    free(text);
}

/* The job's outcome into r (in the order of the files: the main thread only): a participant,
 * or a file named in the skipped list. */
static void take_job(Report *r, ReadJob *j)
{
    if (j->rc != 0) {
        report_skip(r, j->path, j->err.msg);
        return;
    }
    /* a copy of a file read already (a participant's file sent twice, a backup folder) is one
     * participant: byte for byte the same, as two named players' files never are. Anonymous
     * files are not compared: two participants who take the same road in the same second
     * write the same bytes (nothing in the file tells them apart) */
    long twin = j->res.anonymous ? -1 : same_content(r, j->hash, j->len, r->nparts);
    if (twin >= 0) {
        results_free(&j->res);
        char *why = xasprintf("the same results as %s (a copy, counted once)",
                              r->parts[twin].file);
        report_skip(r, j->path, why);
        free(why);
        return;
    }
    Part p = {0};
    part_of(r, &j->res, &p);
    results_free(&j->res);
    p.file = xstrdup(j->path);
    util_grow(&r->parts, &r->capparts, r->nparts + 1, sizeof *r->parts);
    r->parts[r->nparts++] = p;
}

void report_read_part(Report *r, const char *path)
{
    ReadJob j = {.path = path};
    read_job(&j);
    take_job(r, &j);
}

/* ---- reading many: parsing is most of a report's time (profiled at 20,000 files: 78% in
 * results_parse), and each file's is independent: up to READ_THREADS threads parse a batch
 * while the main thread takes the previous batch's results, in order (interning is not
 * shared) ---- */

#define READ_THREADS 4  /* at most; no more than the processors online */
#define READ_BATCH 256  /* files parsed before they are taken (bounds the memory held) */

typedef struct Batch {
    ReadJob *jobs;
    size_t n;
    atomic_size_t next;
} Batch;

static void *read_worker(void *arg)
{
    Batch *b = arg;
    for (size_t i; (i = atomic_fetch_add(&b->next, 1)) < b->n;)
        read_job(&b->jobs[i]);
    arena_reset(false);
    return NULL;
}

void report_read_parts(Report *r, char **files, size_t n)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t nt = cpus < 1 ? 1 : cpus > READ_THREADS ? READ_THREADS : (size_t)cpus;
    if (n < 64) /* not worth a thread */
        nt = 1;
    Batch b[2] = {{xcalloc(READ_BATCH, sizeof(ReadJob)), 0, 0},
                  {xcalloc(READ_BATCH, sizeof(ReadJob)), 0, 0}};
    cJSON_Hooks hooks = {arena_malloc, arena_free};
    cJSON_InitHooks(&hooks); /* (malloc and free in every thread whose arena is off) */
    bool have = false; /* b[cur ^ 1] holds a batch parsed and not taken yet */
    for (size_t at = 0, cur = 0; at < n || have; cur ^= 1) {
        Batch *now = &b[cur], *prev = &b[cur ^ 1];
        pthread_t t[READ_THREADS];
        size_t started = 0;
        bool parsing = at < n;
        if (parsing) {
            now->n = n - at < READ_BATCH ? n - at : READ_BATCH;
            atomic_store(&now->next, 0);
            for (size_t i = 0; i < now->n; i++)
                now->jobs[i] = (ReadJob){.path = files[at + i]};
            at += now->n;
            for (size_t k = 0; k < nt && nt > 1; k++)
                if (pthread_create(&t[started], NULL, read_worker, now) == 0)
                    started++;
            if (!started) /* one processor, a few files, or no thread to be had */
                read_worker(now);
        }
        if (have) /* while the threads parse this batch */
            for (size_t i = 0; i < prev->n; i++)
                take_job(r, &prev->jobs[i]);
        for (size_t k = 0; k < started; k++)
            pthread_join(t[k], NULL);
        have = parsing;
    }
    cJSON_InitHooks(NULL); /* malloc and free again */
    free(b[0].jobs);
    free(b[1].jobs);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- finding the files ---- */

#define FOLDER_DEPTH_MAX 32 /* subfolders below a folder given, at most */

typedef struct FileId {
    dev_t dev;
    ino_t ino;
} FileId;

typedef struct Collect {
    Report *r;
    char **files;
    FileId *ids; /* each file's device and inode, from the stat that found it */
    size_t nf, cap, capids;
    FileId *dirs; /* folders read so far (a link back to one is not read again) */
    size_t nd, capd;
} Collect;

typedef struct FileKey {
    FileId id;
    size_t order;
} FileKey;

static int cmp_file_key(const void *a, const void *b)
{
    const FileKey *x = a, *y = b;
    if (x->id.dev != y->id.dev)
        return x->id.dev < y->id.dev ? -1 : 1;
    if (x->id.ino != y->id.ino)
        return x->id.ino < y->id.ino ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void add_file(Collect *c, char *path, const struct stat *st)
{
    util_grow(&c->files, &c->cap, c->nf + 1, sizeof *c->files);
    util_grow(&c->ids, &c->capids, c->nf + 1, sizeof *c->ids);
    c->ids[c->nf] = (FileId){st->st_dev, st->st_ino};
    c->files[c->nf++] = path;
}

/* Every *.json file in dir and its subfolders (names starting with '.' left out: temporaries
 * and hidden folders), in name order; what cannot be read is skipped and named. Returns how
 * many files were found. */
static size_t add_folder(Collect *c, const char *dir, const struct stat *dst, int depth)
{
    for (size_t i = 0; i < c->nd; i++)
        if (c->dirs[i].dev == dst->st_dev && c->dirs[i].ino == dst->st_ino) {
            report_skip(c->r, dir, "a folder read already (a link back to a folder above?)");
            return 0;
        }
    if (depth > FOLDER_DEPTH_MAX) {
        report_skip(c->r, dir, "a folder nested too deep (over 32 folders down), not read");
        return 0;
    }
    util_grow(&c->dirs, &c->capd, c->nd + 1, sizeof *c->dirs);
    c->dirs[c->nd++] = (FileId){dst->st_dev, dst->st_ino};
    DIR *d = opendir(dir);
    if (!d) {
        char *why = xasprintf("a folder that cannot be read: %s", strerror(errno));
        report_skip(c->r, dir, why);
        free(why);
        return 0;
    }
    char **names = NULL;
    size_t nn = 0, capn = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        util_grow(&names, &capn, nn + 1, sizeof *names);
        names[nn++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (nn > 1)
        qsort(names, nn, sizeof *names, cmp_str);
    size_t found = 0, l = strlen(dir);
    for (size_t i = 0; i < nn; i++) {
        bool json = util_str_ends_with(names[i], ".json");
        char *path = xasprintf("%s%s%s", dir, l && dir[l - 1] == '/' ? "" : "/", names[i]);
        free(names[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            int e2 = errno;
            struct stat lst;
            bool link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
            if (json || link) {
                char *why = link && e2 == ELOOP ? xstrdup("a link that loops (it leads back to itself)")
                            : link && e2 == ENOENT
                                ? xstrdup("a broken link (what it points to does not exist)")
                                : xasprintf("cannot be read: %s", strerror(e2));
                if (json || e2 != ENOENT)
                    report_skip(c->r, path, why);
                free(why);
            }
            free(path);
        } else if (S_ISDIR(st.st_mode)) {
            size_t k = add_folder(c, path, &st, depth + 1);
            if (k == 0 && json)
                report_skip(c->r, path, "a folder, not a results file (it holds no *.json file)");
            found += k;
            free(path);
        } else if (!json) {
            free(path);
        } else if (!S_ISREG(st.st_mode)) {
            report_skip(c->r, path, "not a regular file");
            free(path);
        } else {
            add_file(c, path, &st);
            found++;
        }
    }
    free(names);
    return found;
}

/* The first room journal (*.journal, written by room mode beside its debrief) directly in
 * dir, malloc'd, or NULL: a folder a facilitator may give report by mistake. */
static char *room_journal_in(const char *dir)
{
    DIR *d = opendir(dir);
    char *found = NULL;
    for (struct dirent *e; d && !found && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 8 && strcmp(e->d_name + len - 8, ".journal") == 0)
            found = xstrdup(e->d_name);
    }
    if (d)
        closedir(d);
    return found;
}

char **report_collect(Report *r, char **args, int n, size_t *count)
{
    Collect c = {.r = r};
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0) {
            char *why = xasprintf("cannot be read: %s", strerror(errno));
            report_skip(r, args[i], why);
            free(why);
        } else if (S_ISDIR(st.st_mode)) {
            if (add_folder(&c, args[i], &st, 0) == 0) {
                utf8_fprintf(stderr, "ladder: report: no *.json files in %s or its subfolders\n",
                             args[i]);
                char *journal = room_journal_in(args[i]);
                if (journal) { /* a room's folder: its debrief is the room's report */
                    size_t stem = strlen(journal) - 8;
                    utf8_fprintf(stderr,
                                 "ladder: report: %s holds a room's record (%s): the room's "
                                 "report is its debrief beside it, %s/%.*s.html; ladder report "
                                 "reads the results files that participants' own games write "
                                 "(ladder play --results FOLDER)\n",
                                 args[i], journal, args[i], (int)stem, journal);
                    free(journal);
                }
            }
        } else {
            add_file(&c, xstrdup(args[i]), &st);
        }
    }
    /* the same file reached twice (named twice, a hard link, a link to it) is read once:
     * sorted by (device, inode, order), each but the first of a run is dropped */
    FileKey *key = xcalloc(c.nf ? c.nf : 1, sizeof *key);
    bool *drop = xcalloc(c.nf ? c.nf : 1, sizeof *drop);
    size_t nkey = 0;
    for (size_t k = 0; k < c.nf; k++)
        key[nkey++] = (FileKey){c.ids[k], k};
    qsort(key, nkey, sizeof *key, cmp_file_key);
    for (size_t j = 1; j < nkey; j++)
        drop[key[j].order] = key[j].id.dev == key[j - 1].id.dev &&
                             key[j].id.ino == key[j - 1].id.ino;
    size_t nk = 0;
    for (size_t k = 0; k < c.nf; k++) {
        if (drop[k])
            free(c.files[k]);
        else
            c.files[nk++] = c.files[k];
    }
    free(key);
    free(drop);
    free(c.ids);
    free(c.dirs);
    *count = nk;
    return c.files;
}


/* ---- stories ---- */

void report_add_story(Report *r, int id, Story *s)
{
    util_grow(&r->stories, &r->capstories, r->nstories + 1, sizeof *r->stories);
    r->stories[r->nstories++] = (StoryEntry){id, s};
}

/* The story with this id: one given with --story, a chapter next to its campaign's folder,
 * or a bundled one. NULL (said once on stderr) when none can be loaded. */
const Story *report_story(Report *r, int id, const Story *campaign)
{
    for (size_t i = 0; i < r->nstories; i++)
        if (r->stories[i].id == id)
            return r->stories[i].story;
    const char *name = S(r, id);
    Story *s = NULL;
    Err err;
    err_set(&err, "'%s' is not a story id", name);
    if (util_is_identifier(name)) {
        size_t ch = 0; /* a campaign's chapter: found as play finds it */
        while (campaign && ch < campaign->n_chapters && strcmp(campaign->chapters[ch], name) != 0)
            ch++;
        if (campaign && ch < campaign->n_chapters)
            s = catalog_open_chapter(campaign, ch, &err);
        else
            s = catalog_open_bundled(name, &err);
        if (s && strcmp(s->id, name) != 0) {
            err_set(&err, "'%s' holds the story '%s'", name, s->id);
            story_free(s);
            s = NULL;
        }
    }
    if (!s && util_is_identifier(name)) {
        size_t nl = strcspn(err.msg, "\n");
        utf8_fprintf(stderr, "ladder: report: the story '%s' cannot be loaded (%.*s); its "
                             "section shows ids (--story PATH names a story's file or folder)\n",
                     name, (int)nl, err.msg);
    } else if (!s) {
        fprintf(stderr, "ladder: report: results name a story that is not a valid id; its "
                        "section shows ids\n");
    }
    report_add_story(r, id, s);
    return s;
}

