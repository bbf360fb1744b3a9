/* read.c: the report's input: the results files named on the command line (folders' *.json),
 * each read through core/results.h, and the stories they name. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

static StatVal *stat_vals(Report *r, const ResultsStat *v, size_t n, int *nsv)
{
    StatVal *out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = (StatVal){report_intern(&r->s, v[i].id), v[i].before, v[i].after};
    *nsv = (int)n;
    return out;
}

/* A participant as the report counts it: res's strings interned. */
static void part_of(Report *r, const Results *res, Part *p)
{
    p->story = report_intern(&r->s, res->story);
    p->session = report_intern(&r->s, res->session);
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
        d.sv = stat_vals(r, rd->stats, rd->n_stats, &d.nsv);
        p->d[p->nd++] = d;
    }
    p->fin = stat_vals(r, res->stats, res->n_stats, &p->nfin);
}

static void skip(Report *r, const char *path, const char *reason)
{
    utf8_fprintf(stderr, "ladder: report: skipped %s: %s\n", path, reason);
    buf_puts(&r->skipped, "<li><code>");
    html_escape(&r->skipped, path);
    buf_puts(&r->skipped, "</code>: ");
    html_escape(&r->skipped, reason);
    buf_puts(&r->skipped, "</li>\n");
    r->nskipped++;
}

void report_read_part(Report *r, const char *path)
{
    Err err;
    Results res;
    if (results_read(path, &res, &err) != 0) {
        skip(r, path, err.msg);
        return;
    }
    Part p = {0};
    part_of(r, &res, &p);
    results_free(&res);
    p.file = xstrdup(path);
    util_grow(&r->parts, &r->capparts, r->nparts + 1, sizeof *r->parts);
    r->parts[r->nparts++] = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files named by the arguments: files as given, folders' *.json sorted by name; the same
 * file twice is read once. An argument that cannot be read is skipped (and said). */
typedef struct FileId {
    dev_t dev;
    ino_t ino;
} FileId;

char **report_collect(Report *r, char **args, int n, size_t *count)
{
    char **files = NULL;
    FileId *seen = NULL;
    size_t nf = 0, cap = 0, capr = 0, nr = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(args[i], &st) != 0) {
            char *why = xasprintf("cannot be read: %s", strerror(errno));
            skip(r, args[i], why);
            free(why);
            continue;
        }
        char **add = NULL;
        size_t na = 0, capa = 0;
        if (S_ISDIR(st.st_mode)) {
            DIR *dir = opendir(args[i]);
            if (!dir) {
                skip(r, args[i], strerror(errno));
                continue;
            }
            struct dirent *e;
            while ((e = readdir(dir)) != NULL) {
                if (e->d_name[0] == '.' || !util_str_ends_with(e->d_name, ".json"))
                    continue;
                size_t l = strlen(args[i]);
                char *path = xasprintf("%s%s%s", args[i],
                                       l && args[i][l - 1] == '/' ? "" : "/", e->d_name);
                struct stat fst;
                if (stat(path, &fst) != 0 || !S_ISREG(fst.st_mode)) {
                    free(path);
                    continue;
                }
                util_grow(&add, &capa, na + 1, sizeof *add);
                add[na++] = path;
            }
            closedir(dir);
            if (na == 0)
                fprintf(stderr, "ladder: report: no *.json files in %s\n", args[i]);
            if (na > 1)
                qsort(add, na, sizeof *add, cmp_str);
        } else {
            util_grow(&add, &capa, 1, sizeof *add);
            add[na++] = xstrdup(args[i]);
        }
        for (size_t k = 0; k < na; k++) {
            struct stat fst;
            bool dup = false;
            if (stat(add[k], &fst) == 0) {
                for (size_t j = 0; j < nr && !dup; j++)
                    dup = seen[j].dev == fst.st_dev && seen[j].ino == fst.st_ino;
                if (!dup) {
                    util_grow(&seen, &capr, nr + 1, sizeof *seen);
                    seen[nr++] = (FileId){fst.st_dev, fst.st_ino};
                }
            }
            if (dup) {
                free(add[k]);
                continue;
            }
            util_grow(&files, &cap, nf + 1, sizeof *files);
            files[nf++] = add[k];
        }
        free(add);
    }
    free(seen);
    *count = nf;
    return files;
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

