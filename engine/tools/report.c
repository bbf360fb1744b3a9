/* report.c: `ladder report`: workshop participants' results files merged into one
 * self-contained HTML page (inline CSS and SVG, no scripts) and, on request, a CSV with one row
 * per decision per participant.
 *
 * Results files are untrusted: each is read with cJSON and checked field by field; one that is
 * not a results file is named on stderr and skipped. Every string from a file reaches the page
 * through html_escape. Results are grouped by (story, session code), one section each. Stories
 * are loaded (bundled ones by id, others with --story) for titles, verdicts, lessons and
 * discussion questions; without them the page falls back to ids. --baseline N plays N random
 * playthroughs per section through the engine (the room's seeds, choices drawn uniformly from
 * a generator seeded from the section and the run number) and shows them next to the room. */
#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/catalog.h"
#include "core/game.h"
#include "core/rng.h"
#include "core/save.h"
#include "core/utf8.h"
#include "tools/tools.h"
#include "out/html.h"

#include "assets_css.h"

#define MISSING INT_MIN
#define BASELINE_CAP 500     /* decisions before a random playthrough counts as unfinished */
#define BASELINE_MAX 10000   /* --baseline at most */
#define TABLE_MAX 300        /* participants listed by name at most, per section */

const char tool_report_usage[] =
    "Usage: ladder report PATH... -o FILE [--csv FILE] [--baseline N] [--story PATH]...\n"
    "\n"
    "Merge workshop participants' results files (written by 'ladder play STORY --session CODE\n"
    "--results DIR') into one self-contained HTML page: how many played, how the endings\n"
    "fell, how the room split at each decision (most divided first, with the story's\n"
    "discussion questions and lessons) and how every stat moved. PATH is a results file or a\n"
    "folder of them (every *.json in it). Each story and session code gets its own section.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  the HTML page to write (required)\n"
    "      --csv FILE     also write every decision of every participant as CSV\n"
    "      --baseline N   also play N random playthroughs of each section's story and show\n"
    "                     them next to the room's figures, to compare with chance\n"
    "      --story PATH   a story that is not bundled (a scenario file or folder), for its\n"
    "                     titles, lessons and questions; may be given more than once\n"
    "      --title TEXT   the page's title (default: from the stories played)\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "CSV columns: file, story, session, player, ending, chapter, decision, scene, choice,\n"
    "text, seconds, forced, then STAT_before and STAT_after for every stat.\n"
    "A file that is not a valid results file is named on stderr with the reason and skipped.\n"
    "Exit status: 0 the page was written (even with files skipped), 1 no valid results file\n"
    "or an output could not be written, 2 usage error.\n";

/* ---- interned strings: ids and texts as small integers ---- */

typedef struct Intern {
    char **v;
    size_t n, cap;
    int *slot; /* open addressing: index + 1, 0 empty */
    size_t nslot;
} Intern;

static unsigned long long str_hash(const char *s)
{
    return fnv1a64(FNV1A64_INIT, s, strlen(s));
}

static int intern(Intern *t, const char *s)
{
    if (!s)
        return -1;
    if (t->n * 2 >= t->nslot) {
        size_t ns = t->nslot ? t->nslot * 2 : 256;
        int *slot = xcalloc(ns, sizeof *slot);
        for (size_t i = 0; i < t->n; i++) {
            size_t h = (size_t)str_hash(t->v[i]) & (ns - 1);
            while (slot[h])
                h = (h + 1) & (ns - 1);
            slot[h] = (int)i + 1;
        }
        free(t->slot);
        t->slot = slot;
        t->nslot = ns;
    }
    size_t h = (size_t)str_hash(s) & (t->nslot - 1);
    while (t->slot[h]) {
        if (strcmp(t->v[t->slot[h] - 1], s) == 0)
            return t->slot[h] - 1;
        h = (h + 1) & (t->nslot - 1);
    }
    grow(&t->v, &t->cap, t->n + 1, sizeof *t->v);
    t->v[t->n] = xstrdup(s);
    t->slot[h] = (int)t->n + 1;
    return (int)t->n++;
}

static void intern_free(Intern *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    free(t->slot);
}

/* ---- what a results file holds ---- */

typedef struct StatVal {
    int stat, before, after; /* MISSING when the file does not say */
} StatVal;

typedef struct Dec {
    int chapter;              /* 0 for a single story */
    int story, scene, choice; /* interned; story is the chapter's story */
    int text, forced;         /* interned, or -1 */
    double seconds;
    StatVal *sv;
    int nsv;
} Dec;

typedef struct Part {
    char *file;
    int story, session, player, title, hash; /* interned; title and hash may be -1 */
    uint64_t seed;
    bool anonymous, ended;
    int ending, ending_story; /* -1: no ending */
    Dec *d;
    size_t nd, capd;
    int nchap;
    int *chap_story, *chap_hash;
    uint64_t *chap_seed;
    StatVal *fin; /* the final stats (after = before = value) */
    int nfin;
} Part;

/* A decision point: a scene of a story, with the options taken there. */
typedef struct Opt {
    int choice, text;
    long n, base_n;
} Opt;

typedef struct Point {
    int story, scene;
    long n, base_n, people;
    const Part *last; /* for counting people once */
    double pos_sum;   /* sum of decision numbers (for "typically decision k") */
    Opt *o;
    size_t no, capo;
    double *secs;
    size_t nsecs, capsecs;
    double closeness; /* 1 - (share of the first - share of the second) */
    bool enough;      /* reached by enough participants to count */
} Point;

typedef struct EndCount {
    int story, ending; /* ending -1: not finished */
    long n, base_n;
} EndCount;

typedef struct StatInfo {
    int id;
    const char *label; /* from the story, or the id */
    int min, max;
    StatGood good;
    bool known;
} StatInfo;

typedef struct Group {
    int story, session;
    Part **p;
    size_t n, capp;
    const Story *root;
    Part *base; /* the random playthroughs */
    size_t nbase;
    long base_errors, base_stuck;
    char *base_error; /* the first error */
    Point *pt;
    size_t npt, cappt;
    EndCount *ec;
    size_t nec, capec;
    StatInfo *st;
    size_t nst, capst;
    size_t other_hash; /* results played on another version of the story than the one loaded */
    size_t index;      /* its section's number, from 1 */
} Group;

typedef struct StoryEntry {
    int id;
    Story *story;
} StoryEntry;

typedef struct Report {
    Intern s;
    Part *parts;
    size_t nparts, capparts;
    Group *g;
    size_t ng, capg;
    StoryEntry *stories;
    size_t nstories, capstories;
    Buf skipped; /* HTML list items */
    size_t nskipped;
    long baseline;
    const char *title;
} Report;

/* The interned string i; "" for none (i < 0). */
static const char *S(const Report *r, int i)
{
    return i < 0 ? "" : r->s.v[i];
}

static void part_free(Part *p)
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

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool parse_seed(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return false;
    *out = (uint64_t)v;
    return true;
}

/* A stat value: a finite number within int range. */
static bool stat_number(const cJSON *v, int *out)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || fabs(v->valuedouble) > 1e9)
        return false;
    *out = (int)lround(v->valuedouble);
    return true;
}

/* Fill sv from the objects before and after (either may be NULL). */
static int parse_stats(Report *r, const cJSON *before, const cJSON *after, StatVal **sv,
                       int *nsv, Buf *why, const char *where)
{
    const cJSON *objs[2] = {before, after};
    int n = 0, cap = 0;
    StatVal *v = NULL;
    for (int k = 0; k < 2; k++) {
        const cJSON *o = objs[k];
        if (!o || cJSON_IsNull(o))
            continue;
        if (!cJSON_IsObject(o)) {
            buf_printf(why, "%s: \"%s\" is not an object of stats", where,
                       k ? "after" : "before");
            free(v);
            return -1;
        }
        const cJSON *it;
        cJSON_ArrayForEach(it, o)
        {
            int val;
            if (!it->string || !stat_number(it, &val)) {
                buf_printf(why, "%s: the stat \"%s\" is not a number (or out of range)", where,
                           it->string && is_identifier(it->string) ? it->string : "?");
                free(v);
                return -1;
            }
            int id = intern(&r->s, it->string), at = -1;
            for (int i = 0; i < n && at < 0; i++)
                if (v[i].stat == id)
                    at = i;
            if (at < 0) {
                if (n == cap) {
                    cap = cap ? cap * 2 : 8;
                    v = xrealloc(v, (size_t)cap * sizeof *v);
                }
                v[n] = (StatVal){id, MISSING, MISSING};
                at = n++;
            }
            if (k == 0)
                v[at].before = val;
            else
                v[at].after = val;
        }
    }
    *sv = v;
    *nsv = n;
    return 0;
}

static int parse_decisions(Report *r, const cJSON *list, int chapter, int story, Part *p,
                           const char *where, Buf *why)
{
    if (!cJSON_IsArray(list)) {
        buf_printf(why, "%sno list of decisions", where);
        return -1;
    }
    const cJSON *it;
    size_t k = 0;
    cJSON_ArrayForEach(it, list)
    {
        k++;
        char at[80];
        snprintf(at, sizeof at, "%sdecision %zu", where, k);
        const char *scene = get_str(it, "scene"), *choice = get_str(it, "choice");
        if (!cJSON_IsObject(it) || !scene || !*scene || !choice || !*choice) {
            buf_printf(why, "%s has no scene or choice", at);
            return -1;
        }
        const cJSON *secs = cJSON_GetObjectItemCaseSensitive(it, "seconds");
        Dec d = {.chapter = chapter,
                 .story = story,
                 .scene = intern(&r->s, scene),
                 .choice = intern(&r->s, choice),
                 .text = intern(&r->s, get_str(it, "text")),
                 .forced = intern(&r->s, get_str(it, "forced")),
                 .seconds = 0};
        if (cJSON_IsNumber(secs) && isfinite(secs->valuedouble) && secs->valuedouble > 0)
            d.seconds = secs->valuedouble < 1e7 ? secs->valuedouble : 1e7;
        if (parse_stats(r, cJSON_GetObjectItemCaseSensitive(it, "before"),
                        cJSON_GetObjectItemCaseSensitive(it, "after"), &d.sv, &d.nsv, why,
                        at) != 0)
            return -1;
        grow(&p->d, &p->capd, p->nd + 1, sizeof *p->d);
        p->d[p->nd++] = d;
    }
    return 0;
}

/* Check and keep one results file. Returns 0, or -1 with the reason in why. */
static int parse_part(Report *r, const char *text, size_t len, Part *p, Buf *why)
{
    if (len == 0 || strspn(text, " \t\r\n") == len) {
        buf_puts(why, "the file is empty");
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
    if (!root) {
        size_t off = end && end >= text ? (size_t)(end - text) : 0;
        size_t last = len;
        while (last > 0 && strchr(" \t\r\n", text[last - 1]))
            last--;
        /* a JSON object that stops before its closing brace was cut short */
        if (off >= len || (text[strspn(text, " \t\r\n")] == '{' && last && text[last - 1] != '}'))
            buf_puts(why, "not JSON: it ends too early (a truncated file?)");
        else
            buf_printf(why, "not JSON: broken near byte %zu", off);
        return -1;
    }
    int rc = -1;
    const char *format = get_str(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    if (!cJSON_IsObject(root)) {
        buf_puts(why, "not a Ladder results file (the JSON is not an object)");
        goto done;
    }
    if (!format) {
        buf_puts(why, "not a Ladder results file (no \"format\": \"" RESULTS_FORMAT "\")");
        goto done;
    }
    if (strcmp(format, RESULTS_FORMAT) != 0) {
        if (strcmp(format, SAVE_FORMAT) == 0)
            buf_puts(why, "a Ladder save, not a results file (format \"" SAVE_FORMAT "\")");
        else
            buf_puts(why, "not a Ladder results file (another format)");
        goto done;
    }
    if (!cJSON_IsNumber(version) || !isfinite(version->valuedouble) ||
        version->valuedouble != floor(version->valuedouble) || version->valuedouble < 1) {
        buf_puts(why, "the results file has no valid format version");
        goto done;
    }
    if (version->valuedouble > SAVE_VERSION) {
        buf_printf(why, "written by a newer Ladder (format version %.0f; this one reads %d)",
                   version->valuedouble > 1e6 ? 1e6 : version->valuedouble, SAVE_VERSION);
        goto done;
    }
    const char *story = get_str(root, "story");
    if (!story || !*story) {
        buf_puts(why, "the results file does not name its story");
        goto done;
    }
    p->story = intern(&r->s, story);
    p->session = intern(&r->s, get_str(root, "session") ? get_str(root, "session") : "");
    p->player = intern(&r->s, get_str(root, "player") ? get_str(root, "player") : "");
    p->title = intern(&r->s, get_str(root, "title"));
    p->hash = intern(&r->s, get_str(root, "hash"));
    if (!parse_seed(get_str(root, "seed"), &p->seed))
        p->seed = 0;
    const char *ending = get_str(root, "ending");
    const cJSON *ended = cJSON_GetObjectItemCaseSensitive(root, "ended");
    const cJSON *anon = cJSON_GetObjectItemCaseSensitive(root, "anonymous");
    p->ending = ending && *ending ? intern(&r->s, ending) : -1;
    p->ended = cJSON_IsBool(ended) ? cJSON_IsTrue(ended) && p->ending >= 0 : p->ending >= 0;
    if (!p->ended)
        p->ending = -1;
    p->anonymous = cJSON_IsTrue(anon);
    p->ending_story = p->story;
    const cJSON *chapters = cJSON_GetObjectItemCaseSensitive(root, "chapters");
    if (chapters && !cJSON_IsNull(chapters)) {
        if (!cJSON_IsArray(chapters) || cJSON_GetArraySize(chapters) == 0) {
            buf_puts(why, "its \"chapters\" are not a list of chapters");
            goto done;
        }
        size_t n = (size_t)cJSON_GetArraySize(chapters);
        p->chap_story = xcalloc(n, sizeof *p->chap_story);
        p->chap_hash = xcalloc(n, sizeof *p->chap_hash);
        p->chap_seed = xcalloc(n, sizeof *p->chap_seed);
        const cJSON *ch;
        cJSON_ArrayForEach(ch, chapters)
        {
            char where[48];
            snprintf(where, sizeof where, "chapter %d: ", p->nchap + 1);
            const char *id = get_str(ch, "story");
            if (!cJSON_IsObject(ch) || !id || !*id) {
                buf_printf(why, "%sno story id", where);
                goto done;
            }
            int sid = intern(&r->s, id);
            p->chap_story[p->nchap] = sid;
            p->chap_hash[p->nchap] = intern(&r->s, get_str(ch, "hash"));
            if (!parse_seed(get_str(ch, "seed"), &p->chap_seed[p->nchap]))
                p->chap_seed[p->nchap] = p->seed + (uint64_t)p->nchap;
            if (parse_decisions(r, cJSON_GetObjectItemCaseSensitive(ch, "decisions"), p->nchap,
                                sid, p, where, why) != 0)
                goto done;
            p->nchap++;
        }
        p->ending_story = p->chap_story[p->nchap - 1];
    } else if (parse_decisions(r, cJSON_GetObjectItemCaseSensitive(root, "decisions"), 0,
                               p->story, p, "", why) != 0) {
        goto done;
    }
    const cJSON *stats = cJSON_GetObjectItemCaseSensitive(root, "stats");
    if (parse_stats(r, stats, NULL, &p->fin, &p->nfin, why, "the final stats") != 0)
        goto done;
    for (int i = 0; i < p->nfin; i++)
        p->fin[i].after = p->fin[i].before;
    rc = 0;
done:
    cJSON_Delete(root);
    return rc;
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

static void read_part(Report *r, const char *path)
{
    Err err;
    size_t len = 0;
    char *text = read_file(path, SAVE_MAX_BYTES, &len, &err);
    if (!text) {
        skip(r, path, err.msg);
        return;
    }
    Part p = {0};
    Buf why = {0};
    if (parse_part(r, text, len, &p, &why) != 0) {
        skip(r, path, buf_str(&why));
        part_free(&p);
    } else {
        p.file = xstrdup(path);
        grow(&r->parts, &r->capparts, r->nparts + 1, sizeof *r->parts);
        r->parts[r->nparts++] = p;
    }
    buf_free(&why);
    free(text);
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

static char **collect(Report *r, char **args, int n, size_t *count)
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
                if (e->d_name[0] == '.' || !str_ends_with(e->d_name, ".json"))
                    continue;
                size_t l = strlen(args[i]);
                char *path = xasprintf("%s%s%s", args[i],
                                       l && args[i][l - 1] == '/' ? "" : "/", e->d_name);
                struct stat fst;
                if (stat(path, &fst) != 0 || !S_ISREG(fst.st_mode)) {
                    free(path);
                    continue;
                }
                grow(&add, &capa, na + 1, sizeof *add);
                add[na++] = path;
            }
            closedir(dir);
            if (na == 0)
                fprintf(stderr, "ladder: report: no *.json files in %s\n", args[i]);
            if (na > 1)
                qsort(add, na, sizeof *add, cmp_str);
        } else {
            grow(&add, &capa, 1, sizeof *add);
            add[na++] = xstrdup(args[i]);
        }
        for (size_t k = 0; k < na; k++) {
            struct stat fst;
            bool dup = false;
            if (stat(add[k], &fst) == 0) {
                for (size_t j = 0; j < nr && !dup; j++)
                    dup = seen[j].dev == fst.st_dev && seen[j].ino == fst.st_ino;
                if (!dup) {
                    grow(&seen, &capr, nr + 1, sizeof *seen);
                    seen[nr++] = (FileId){fst.st_dev, fst.st_ino};
                }
            }
            if (dup) {
                free(add[k]);
                continue;
            }
            grow(&files, &cap, nf + 1, sizeof *files);
            files[nf++] = add[k];
        }
        free(add);
    }
    free(seen);
    *count = nf;
    return files;
}

/* ---- stories ---- */

static void add_story(Report *r, int id, Story *s)
{
    grow(&r->stories, &r->capstories, r->nstories + 1, sizeof *r->stories);
    r->stories[r->nstories++] = (StoryEntry){id, s};
}

/* The story with this id: one given with --story, a chapter next to its campaign's folder,
 * or a bundled one. NULL (said once on stderr) when none can be loaded. */
static const Story *get_story(Report *r, int id, const Story *campaign)
{
    for (size_t i = 0; i < r->nstories; i++)
        if (r->stories[i].id == id)
            return r->stories[i].story;
    const char *name = S(r, id);
    Story *s = NULL;
    Err err;
    err_set(&err, "'%s' is not a story id", name);
    if (is_identifier(name)) {
        if (campaign && campaign->path) {
            char *dir = xstrdup(campaign->path);
            size_t len = strlen(dir);
            while (len > 1 && dir[len - 1] == '/')
                dir[--len] = '\0';
            char *slash = strrchr(dir, '/');
            char *sib = slash ? xasprintf("%.*s/%s", (int)(slash - dir), dir, name) : NULL;
            struct stat st;
            if (sib && stat(sib, &st) == 0 && S_ISDIR(st.st_mode)) {
                s = story_load(sib, &err);
                if (s && strcmp(s->id, name) != 0) {
                    story_free(s);
                    s = NULL;
                }
            }
            free(sib);
            free(dir);
        }
        if (!s)
            s = catalog_open_bundled(name, &err);
        if (s && strcmp(s->id, name) != 0) {
            err_set(&err, "'%s' holds the story '%s'", name, s->id);
            story_free(s);
            s = NULL;
        }
    }
    if (!s && is_identifier(name)) {
        size_t nl = strcspn(err.msg, "\n");
        utf8_fprintf(stderr, "ladder: report: the story '%s' cannot be loaded (%.*s); its "
                             "section shows ids (--story PATH names a story's file or folder)\n",
                     name, (int)nl, err.msg);
    } else if (!s) {
        fprintf(stderr, "ladder: report: results name a story that is not a valid id; its "
                        "section shows ids\n");
    }
    add_story(r, id, s);
    return s;
}

/* ---- groups and tallies ---- */

static Group *group_for(Report *r, const Part *p)
{
    for (size_t i = 0; i < r->ng; i++)
        if (r->g[i].story == p->story && r->g[i].session == p->session)
            return &r->g[i];
    grow(&r->g, &r->capg, r->ng + 1, sizeof *r->g);
    Group *g = &r->g[r->ng++];
    memset(g, 0, sizeof *g);
    g->story = p->story;
    g->session = p->session;
    return g;
}

static const Report *sort_report; /* for qsort */

static int cmp_group(const void *a, const void *b)
{
    const Group *x = a, *y = b;
    int c = strcmp(S(sort_report, x->story), S(sort_report, y->story));
    return c ? c : strcmp(S(sort_report, x->session), S(sort_report, y->session));
}

static Point *point_for(Group *g, int story, int scene)
{
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].scene == scene && g->pt[i].story == story)
            return &g->pt[i];
    grow(&g->pt, &g->cappt, g->npt + 1, sizeof *g->pt);
    Point *pt = &g->pt[g->npt++];
    memset(pt, 0, sizeof *pt);
    pt->story = story;
    pt->scene = scene;
    return pt;
}

static Opt *opt_for(Point *pt, int choice)
{
    for (size_t i = 0; i < pt->no; i++)
        if (pt->o[i].choice == choice)
            return &pt->o[i];
    grow(&pt->o, &pt->capo, pt->no + 1, sizeof *pt->o);
    Opt *o = &pt->o[pt->no++];
    *o = (Opt){choice, -1, 0, 0};
    return o;
}

static EndCount *end_for(Group *g, int story, int ending)
{
    if (ending < 0)
        story = -1;
    for (size_t i = 0; i < g->nec; i++)
        if (g->ec[i].ending == ending && g->ec[i].story == story)
            return &g->ec[i];
    grow(&g->ec, &g->capec, g->nec + 1, sizeof *g->ec);
    EndCount *e = &g->ec[g->nec++];
    *e = (EndCount){story, ending, 0, 0};
    return e;
}

static void tally(Group *g, const Part *p, bool base)
{
    for (size_t i = 0; i < p->nd; i++) {
        const Dec *d = &p->d[i];
        Point *pt = point_for(g, d->story, d->scene);
        Opt *o = opt_for(pt, d->choice);
        if (base) {
            pt->base_n++;
            o->base_n++;
        } else {
            pt->n++;
            o->n++;
            if (o->text < 0)
                o->text = d->text;
            pt->pos_sum += (double)(i + 1);
            if (pt->last != p)
                pt->people++;
            pt->last = p;
            grow(&pt->secs, &pt->capsecs, pt->nsecs + 1, sizeof *pt->secs);
            pt->secs[pt->nsecs++] = d->seconds;
        }
    }
    EndCount *e = end_for(g, p->ending_story, p->ended ? p->ending : -1);
    if (base)
        e->base_n++;
    else
        e->n++;
}

static void add_stat(Group *g, int id, const StatDef *def)
{
    for (size_t i = 0; i < g->nst; i++)
        if (g->st[i].id == id) {
            if (def && !g->st[i].known) {
                g->st[i].label = def->label;
                g->st[i].min = def->min;
                g->st[i].max = def->max;
                g->st[i].good = def->good;
                g->st[i].known = true;
            }
            return;
        }
    grow(&g->st, &g->capst, g->nst + 1, sizeof *g->st);
    StatInfo *s = &g->st[g->nst++];
    if (def)
        *s = (StatInfo){id, def->label, def->min, def->max, def->good, true};
    else
        *s = (StatInfo){id, NULL, 0, 100, GOOD_NEUTRAL, false};
}

static void widen_stat(Group *g, int id, int v)
{
    if (v == MISSING)
        return;
    for (size_t i = 0; i < g->nst; i++)
        if (g->st[i].id == id) {
            if (v < g->st[i].min)
                g->st[i].min = v;
            if (v > g->st[i].max)
                g->st[i].max = v;
            return;
        }
}

static void part_stats(Group *g, const Part *p)
{
    for (size_t i = 0; i < p->nd; i++)
        for (int k = 0; k < p->d[i].nsv; k++) {
            add_stat(g, p->d[i].sv[k].stat, NULL);
            widen_stat(g, p->d[i].sv[k].stat, p->d[i].sv[k].before);
            widen_stat(g, p->d[i].sv[k].stat, p->d[i].sv[k].after);
        }
    for (int k = 0; k < p->nfin; k++) {
        add_stat(g, p->fin[k].stat, NULL);
        widen_stat(g, p->fin[k].stat, p->fin[k].before);
    }
}

/* The story a decision point or ending belongs to. */
static const Story *story_of(Report *r, const Group *g, int story)
{
    if (g->root && story == g->story)
        return g->root;
    if (!g->root)
        return NULL;
    return get_story(r, story, g->root);
}

static const Scene *scene_of(Report *r, const Group *g, int story, int scene)
{
    const Story *s = story_of(r, g, story);
    int k = s ? story_find_scene(s, S(r, scene)) : -1;
    return k >= 0 ? &s->scenes[k] : NULL;
}

/* ---- the random baseline ---- */

static void record_game(Report *r, Part *out, const Game *gm, int chapter, int story)
{
    const Story *s = game_story(gm);
    for (size_t i = 0; i < game_decision_count(gm); i++) {
        const Decision *d = game_decision(gm, i);
        const Scene *sc = &s->scenes[d->scene];
        Dec x = {.chapter = chapter,
                 .story = story,
                 .scene = intern(&r->s, sc->id),
                 .choice = intern(&r->s, sc->choices[d->choice].id),
                 .text = -1,
                 .forced = -1};
        x.nsv = (int)s->n_stats;
        x.sv = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *x.sv);
        for (size_t k = 0; k < s->n_stats; k++)
            x.sv[k] = (StatVal){intern(&r->s, s->stats[k].id), d->before[k], d->after[k]};
        grow(&out->d, &out->capd, out->nd + 1, sizeof *out->d);
        out->d[out->nd++] = x;
    }
}

static void base_error(Group *g, const char *msg)
{
    g->base_errors++;
    if (!g->base_error)
        g->base_error = xstrdup(msg);
}

/* Play one random playthrough like the model participant's (same seeds), choices drawn from
 * a generator seeded with pick_seed. */
static void play_random(Report *r, Group *g, const Part *model, uint64_t pick_seed, Part *out)
{
    Rng pick;
    rng_seed(&pick, pick_seed);
    const Story *root = g->root;
    size_t nch = root->n_chapters ? root->n_chapters : 1;
    memset(out, 0, sizeof *out);
    out->story = g->story;
    out->session = g->session;
    out->player = out->title = out->hash = out->ending = out->ending_story = -1;
    Game *prev = NULL;
    Err err;
    size_t done = 0; /* chapters played to an ending */
    for (size_t ch = 0; ch < nch; ch++) {
        int sid = root->n_chapters ? intern(&r->s, root->chapters[ch]) : g->story;
        const Story *s = root->n_chapters ? get_story(r, sid, root) : root;
        if (!s) {
            base_error(g, "a chapter of the campaign cannot be loaded");
            break;
        }
        uint64_t seed = model->nchap > (int)ch ? model->chap_seed[ch] : model->seed + ch;
        Game *gm = prev ? game_new_after(s, seed, "Player", prev, &err)
                        : game_new(s, seed, "Player", &err);
        if (!gm) {
            base_error(g, err.msg);
            break;
        }
        game_set_quiet(gm, true);
        bool failed = false;
        long d = 0;
        while (!game_ended(gm) && d < BASELINE_CAP) {
            size_t n = game_choice_count(gm);
            if (n == 0) {
                err_set(&err, "scene '%s' offers no choice (a dead end)", game_scene(gm)->id);
                failed = true;
                break;
            }
            if (game_choose(gm, (size_t)rng_range(&pick, 0, (int64_t)n - 1), 0, &err) != 0) {
                failed = true;
                break;
            }
            d++;
        }
        if (failed)
            base_error(g, err.msg);
        else if (!game_ended(gm))
            g->base_stuck++;
        record_game(r, out, gm, (int)ch, sid);
        game_free(prev);
        prev = gm;
        if (!game_ended(gm) || failed)
            break;
        done++;
    }
    if (prev && done == nch) {
        out->ended = true;
        out->ending = intern(&r->s, game_scene(prev)->id);
        out->ending_story = intern(&r->s, game_story(prev)->id);
    }
    /* the final stats */
    if (prev) {
        const Story *s = game_story(prev);
        out->nfin = (int)s->n_stats;
        out->fin = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *out->fin);
        for (size_t k = 0; k < s->n_stats; k++)
            out->fin[k] = (StatVal){intern(&r->s, s->stats[k].id), game_stat(prev, k),
                                    game_stat(prev, k)};
    }
    game_free(prev);
}

static void run_baseline(Report *r, Group *g)
{
    if (!g->root || r->baseline <= 0 || g->n == 0)
        return;
    g->nbase = (size_t)r->baseline;
    g->base = xcalloc(g->nbase, sizeof *g->base);
    unsigned long long key = str_hash(S(r, g->story));
    key = fnv1a64(key, "/", 1);
    key = fnv1a64(key, S(r, g->session), strlen(S(r, g->session)));
    for (size_t i = 0; i < g->nbase; i++)
        play_random(r, g, g->p[i % g->n], key ^ ((uint64_t)(i + 1) * 0x9E3779B97F4A7C15ULL),
                    &g->base[i]);
}

/* ---- numbers ---- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of v[0..n) (sorted in place); NAN when n is 0. */
static double median(double *v, size_t n)
{
    if (n == 0)
        return NAN;
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double share(long k, long n)
{
    return n > 0 ? (double)k / (double)n : 0;
}

static void pct(Buf *b, double s)
{
    if (s > 0 && s < 0.005)
        buf_puts(b, "&lt;1%");
    else
        buf_printf(b, "%.0f%%", s * 100);
}

static void fmt_num(Buf *b, double v)
{
    if (isnan(v))
        buf_puts(b, "&ndash;");
    else if (fabs(v - round(v)) < 0.05)
        buf_printf(b, "%.0f", v);
    else
        buf_printf(b, "%.1f", v);
}

static void fmt_secs(Buf *b, double s)
{
    if (s < 60)
        buf_printf(b, "%.0f&#8239;s", s);
    else
        buf_printf(b, "%.0f&#8239;min %02.0f&#8239;s", floor(s / 60), fmod(s, 60));
}

/* The value of stat id after decision x of p (x = 0: before the first); MISSING if unknown. */
static int value_at(const Part *p, int id, size_t x)
{
    if (p->nd == 0) {
        for (int k = 0; k < p->nfin; k++)
            if (p->fin[k].stat == id)
                return p->fin[k].before;
        return MISSING;
    }
    const Dec *d = x == 0 ? &p->d[0] : &p->d[x - 1];
    for (int k = 0; k < d->nsv; k++)
        if (d->sv[k].stat == id)
            return x == 0 ? d->sv[k].before : d->sv[k].after;
    return MISSING;
}

/* The first and last values of stat id in p's playthrough (MISSING when it has none). */
static void first_last(const Part *p, int id, int *first, int *last)
{
    *first = *last = MISSING;
    for (size_t x = 0; x <= p->nd; x++) {
        int v = value_at(p, id, x);
        if (v == MISSING)
            continue;
        if (*first == MISSING)
            *first = v;
        *last = v;
    }
}

static int final_value(const Part *p, int id)
{
    for (int k = 0; k < p->nfin; k++)
        if (p->fin[k].stat == id)
            return p->fin[k].before;
    return p->nd ? value_at(p, id, p->nd) : MISSING;
}

/* ---- the page ---- */

static const char *verdict_class(const Scene *e)
{
    return e ? verdict_name(e->verdict) : "none";
}

static void player_name(Buf *b, const Report *r, const Part *p)
{
    const char *name = S(r, p->player);
    if (!name || !*name)
        buf_puts(b, "<i>anonymous</i>");
    else
        html_escape(b, name);
}

/* "Title" of an ending, or its id. */
static void ending_label(Buf *b, Report *r, const Group *g, const EndCount *e)
{
    if (e->ending < 0) {
        buf_puts(b, "<span class=\"tag\">open</span>Not finished <span class=\"id\">(stopped "
                    "before an ending)</span>");
        return;
    }
    const Scene *sc = scene_of(r, g, e->story, e->ending);
    const Story *st = story_of(r, g, e->story);
    buf_printf(b, "<span class=\"tag %s\">%s</span>", verdict_class(sc),
               sc ? verdict_name(sc->verdict) : "ending");
    if (g->root && g->root->n_chapters && e->story != g->story) {
        html_escape(b, st ? st->title : S(r, e->story));
        buf_puts(b, ": ");
    }
    if (sc && sc->title) {
        html_markup(b, sc->title);
        buf_puts(b, " <span class=\"id\">");
        html_escape(b, S(r, e->ending));
        buf_puts(b, "</span>");
    } else {
        html_escape(b, S(r, e->ending));
    }
}

static void value_text(Buf *b, long k, long n)
{
    buf_puts(b, "<b>");
    pct(b, share(k, n));
    buf_printf(b, "</b> <span class=\"n\">(%ld)</span>", k);
}

static void base_text(Buf *b, long k, long n)
{
    buf_puts(b, "chance ");
    pct(b, share(k, n));
}

static int cmp_end_story_order(Report *r, const Group *g, const EndCount *a, const EndCount *b)
{
    if ((a->ending < 0) != (b->ending < 0))
        return a->ending < 0 ? 1 : -1;
    const Story *sa = story_of(r, g, a->story), *sb = story_of(r, g, b->story);
    int ia = sa ? story_find_scene(sa, S(r, a->ending)) : -1;
    int ib = sb ? story_find_scene(sb, S(r, b->ending)) : -1;
    if (a->story != b->story) {
        /* chapters in campaign order */
        int ca = -1, cb = -1;
        for (size_t i = 0; g->root && i < g->root->n_chapters; i++) {
            if (strcmp(g->root->chapters[i], S(r, a->story)) == 0)
                ca = (int)i;
            if (strcmp(g->root->chapters[i], S(r, b->story)) == 0)
                cb = (int)i;
        }
        if (ca != cb)
            return ca < cb ? -1 : 1;
        return strcmp(S(r, a->story), S(r, b->story));
    }
    if (ia >= 0 && ib >= 0 && ia != ib)
        return ia < ib ? -1 : 1;
    if ((ia >= 0) != (ib >= 0))
        return ia >= 0 ? -1 : 1;
    return strcmp(S(r, a->ending), S(r, b->ending));
}

static void emit_endings(Buf *b, Report *r, Group *g)
{
    /* every ending of a single story, reached or not; a campaign's reached ones */
    const Story *root = g->root;
    if (root && !root->n_chapters)
        for (size_t i = 0; i < root->n_scenes; i++)
            if (root->scenes[i].ending)
                end_for(g, g->story, intern(&r->s, root->scenes[i].id));
    /* sort in story order (insertion sort: few endings) */
    for (size_t i = 1; i < g->nec; i++)
        for (size_t j = i; j > 0 && cmp_end_story_order(r, g, &g->ec[j - 1], &g->ec[j]) > 0;
             j--) {
            EndCount t = g->ec[j];
            g->ec[j] = g->ec[j - 1];
            g->ec[j - 1] = t;
        }
    HtmlBar *bars = xcalloc(g->nec ? g->nec : 1, sizeof *bars);
    Buf *txt = xcalloc(g->nec ? g->nec * 3 : 1, sizeof *txt);
    for (size_t i = 0; i < g->nec; i++) {
        const EndCount *e = &g->ec[i];
        ending_label(&txt[3 * i], r, g, e);
        value_text(&txt[3 * i + 1], e->n, (long)g->n);
        if (g->nbase)
            base_text(&txt[3 * i + 2], e->base_n, (long)g->nbase);
        const Scene *sc = e->ending >= 0 ? scene_of(r, g, e->story, e->ending) : NULL;
        bars[i] = (HtmlBar){buf_str(&txt[3 * i]), share(e->n, (long)g->n),
                            g->nbase ? share(e->base_n, (long)g->nbase) : -1,
                            buf_str(&txt[3 * i + 1]), g->nbase ? buf_str(&txt[3 * i + 2]) : NULL,
                            e->ending < 0 ? "none" : verdict_class(sc),
                            e->ending < 0 ? "(unfinished)" : S(r, e->ending)};
    }
    buf_printf(b, "<h3 id=\"s%zu-endings\">How it ended</h3>\n", g->index);
    html_bar_chart(b, bars, g->nec, "this room", "random play");
    for (size_t i = 0; i < g->nec * 3; i++)
        buf_free(&txt[i]);
    free(txt);
    free(bars);
    /* what the endings reached teach */
    bool any = false;
    for (size_t i = 0; i < g->nec; i++) {
        const EndCount *e = &g->ec[i];
        const Scene *sc = e->ending >= 0 && e->n ? scene_of(r, g, e->story, e->ending) : NULL;
        if (!sc || !sc->lesson)
            continue;
        if (!any)
            buf_puts(b, "<dl class=\"lessons\">\n");
        any = true;
        buf_puts(b, "<dt>");
        html_markup(b, sc->title ? sc->title : sc->id);
        buf_puts(b, "</dt><dd>");
        html_markup(b, sc->lesson);
        buf_puts(b, "</dd>\n");
    }
    if (any)
        buf_puts(b, "</dl>\n");
}

/* Scene text for a heading: the literal text's start. Interpolations differ between players:
 * the text stops at the last sentence before the first one, or shows it as "…". */
static void scene_excerpt(Buf *b, const Scene *sc)
{
    if (!sc || !sc->text.str)
        return;
    Buf t = {0};
    size_t sentence = 0; /* length up to the last sentence end seen */
    for (const char *p = sc->text.str; *p; p++) {
        if (p[0] == '{' && p[1] == '{') {
            buf_putc(&t, '{');
            p++;
        } else if (p[0] == '}' && p[1] == '}') {
            buf_putc(&t, '}');
            p++;
        } else if (*p == '{') {
            if (sentence >= 20) {
                t.s[sentence] = '\0';
                t.len = sentence;
                break;
            }
            const char *e = strchr(p, '}');
            buf_puts(&t, "\xE2\x80\xA6");
            if (!e)
                break;
            p = e;
        } else if (*p == '\n' && t.len > 0) {
            /* the first paragraph only, and no "|" lines (a memo, a screen) */
            const char *q = p + 1;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == '\n' || *q == '|' || !*q)
                break;
            buf_putc(&t, ' ');
        } else {
            buf_putc(&t, *p);
            if (strchr(".!?", *p) && (p[1] == ' ' || p[1] == '\n' || !p[1]))
                sentence = t.len;
        }
    }
    html_excerpt(b, buf_str(&t), 170);
    buf_free(&t);
}

static int cmp_point(const void *a, const void *b)
{
    const Point *x = a, *y = b;
    if (x->enough != y->enough)
        return x->enough ? -1 : 1;
    if (fabs(x->closeness - y->closeness) > 1e-9)
        return x->closeness > y->closeness ? -1 : 1;
    if (x->people != y->people)
        return x->people > y->people ? -1 : 1;
    double px = x->n ? x->pos_sum / (double)x->n : 1e9, py = y->n ? y->pos_sum / (double)y->n : 1e9;
    if (px != py)
        return px < py ? -1 : 1;
    return strcmp(S(sort_report, x->scene), S(sort_report, y->scene));
}

/* Order the options: the story's order of choices, then any others by count. */
static void order_options(Report *r, const Scene *sc, Point *pt)
{
    if (sc)
        for (size_t i = 0; i < sc->n_choices; i++)
            opt_for(pt, intern(&r->s, sc->choices[i].id));
    for (size_t i = 1; i < pt->no; i++)
        for (size_t j = i; j > 0; j--) {
            int ka = sc ? story_find_choice(sc, S(r, pt->o[j - 1].choice)) : -1;
            int kb = sc ? story_find_choice(sc, S(r, pt->o[j].choice)) : -1;
            bool swap = ka < 0 && kb < 0 ? pt->o[j].n > pt->o[j - 1].n
                        : ka < 0         ? true
                        : kb < 0         ? false
                                         : kb < ka;
            if (!swap)
                break;
            Opt t = pt->o[j];
            pt->o[j] = pt->o[j - 1];
            pt->o[j - 1] = t;
        }
}

static void emit_decision(Buf *b, Report *r, Group *g, Point *pt, size_t rank)
{
    const Scene *sc = scene_of(r, g, pt->story, pt->scene);
    const Story *st = story_of(r, g, pt->story);
    order_options(r, sc, pt);
    buf_puts(b, "<article class=\"decision\">\n<h4>");
    buf_printf(b, "<span class=\"tag rank\">%zu</span>", rank);
    size_t before = b->len;
    if (sc && sc->text.str)
        scene_excerpt(b, sc);
    if (b->len == before) /* no literal text: the id as words ("deep_night": "Deep night") */
        for (const char *p = S(r, pt->scene); *p; p++)
            buf_putc(b, p == S(r, pt->scene) && *p >= 'a' && *p <= 'z' ? (char)(*p - 32)
                        : *p == '_' || *p == '-'                     ? ' '
                                                                     : *p);
    buf_puts(b, "</h4>\n<p class=\"where\">scene <code>");
    html_escape(b, S(r, pt->scene));
    buf_puts(b, "</code>");
    if (g->root && g->root->n_chapters) {
        buf_puts(b, " in ");
        html_escape(b, st ? st->title : S(r, pt->story));
    }
    if (sc && sc->chapter) {
        buf_puts(b, " &middot; ");
        html_escape(b, sc->chapter);
    }
    buf_printf(b, " &middot; reached by %ld of %zu", pt->people, g->n);
    if (pt->n != pt->people)
        buf_printf(b, " (%ld decisions)", pt->n);
    if (pt->n)
        buf_printf(b, " &middot; typically decision %.0f", pt->pos_sum / (double)pt->n);
    double s = median(pt->secs, pt->nsecs);
    if (s > 0) {
        buf_puts(b, " &middot; median ");
        fmt_secs(b, s);
        buf_puts(b, " to decide");
    }
    buf_puts(b, "</p>\n");
    HtmlBar *bars = xcalloc(pt->no ? pt->no : 1, sizeof *bars);
    Buf *txt = xcalloc(pt->no ? pt->no * 4 : 1, sizeof *txt); /* label, value, chance, id */
    for (size_t i = 0; i < pt->no; i++) {
        const Opt *o = &pt->o[i];
        int k = sc ? story_find_choice(sc, S(r, o->choice)) : -1;
        Buf *l = &txt[4 * i];
        if (o->text >= 0 && *S(r, o->text))
            html_markup(l, S(r, o->text));
        else if (k >= 0 && sc->choices[k].text.str)
            html_markup(l, sc->choices[k].text.str);
        else {
            buf_puts(l, "<code>");
            html_escape(l, S(r, o->choice));
            buf_puts(l, "</code>");
        }
        value_text(&txt[4 * i + 1], o->n, pt->n);
        bool base = g->nbase && pt->base_n;
        if (base)
            base_text(&txt[4 * i + 2], o->base_n, pt->base_n);
        buf_printf(&txt[4 * i + 3], "%s/%s", S(r, pt->scene), S(r, o->choice));
        bars[i] = (HtmlBar){buf_str(l),
                            share(o->n, pt->n),
                            base ? share(o->base_n, pt->base_n) : -1,
                            buf_str(&txt[4 * i + 1]),
                            base ? buf_str(&txt[4 * i + 2]) : NULL,
                            NULL,
                            buf_str(&txt[4 * i + 3])};
    }
    html_bar_chart(b, bars, pt->no, NULL, NULL);
    for (size_t i = 0; i < pt->no * 4; i++)
        buf_free(&txt[i]);
    free(txt);
    free(bars);
    if (g->nbase && !pt->base_n)
        buf_puts(b, "<p class=\"where\">Random play never reached this scene.</p>\n");
    if (sc && sc->discuss) {
        buf_puts(b, "<p class=\"discuss\"><b>Discuss</b>");
        html_markup(b, sc->discuss);
        buf_puts(b, "</p>\n");
    }
    if (sc && sc->lesson) {
        buf_puts(b, "<p class=\"lesson\"><b>Lesson</b>");
        html_markup(b, sc->lesson);
        buf_puts(b, "</p>\n");
    }
    bool any = false;
    for (size_t i = 0; sc && i < pt->no; i++) {
        int k = story_find_choice(sc, S(r, pt->o[i].choice));
        if (k < 0 || !sc->choices[k].lesson)
            continue;
        if (!any)
            buf_puts(b, "<dl class=\"lessons\">\n");
        any = true;
        buf_puts(b, "<dt>");
        if (pt->o[i].text >= 0 && *S(r, pt->o[i].text))
            html_markup(b, S(r, pt->o[i].text));
        else if (sc->choices[k].text.str)
            html_markup(b, sc->choices[k].text.str);
        else
            html_escape(b, sc->choices[k].id);
        buf_puts(b, "</dt><dd>");
        html_markup(b, sc->choices[k].lesson);
        buf_puts(b, "</dd>\n");
    }
    if (any)
        buf_puts(b, "</dl>\n");
    buf_puts(b, "</article>\n");
}

static void emit_decisions(Buf *b, Report *r, Group *g)
{
    long need = (long)ceil((double)g->n / 10);
    long floor3 = g->n < 3 ? (long)g->n : 3;
    if (need < floor3)
        need = floor3;
    for (size_t i = 0; i < g->npt; i++) {
        Point *pt = &g->pt[i];
        double first = 0, second = 0;
        for (size_t k = 0; k < pt->no; k++) {
            double sh = share(pt->o[k].n, pt->n);
            if (sh > first) {
                second = first;
                first = sh;
            } else if (sh > second) {
                second = sh;
            }
        }
        pt->closeness = pt->n ? 1 - (first - second) : 0;
        pt->enough = pt->people >= need && pt->n > 0;
    }
    /* points only random play reached are not the room's decisions */
    size_t n = 0;
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].n > 0)
            n++;
    sort_report = r;
    qsort(g->pt, g->npt, sizeof *g->pt, cmp_point);
    buf_printf(b, "<h3 id=\"s%zu-decisions\">Where the room split</h3>\n", g->index);
    buf_puts(b, "<p class=\"lead\">Every decision the room "
                "took, the most divided first (the two most chosen options closest in share)");
    if (need > 1)
        buf_printf(b, "; decisions fewer than %ld participants reached come last", need);
    buf_puts(b, ". Each bar is the share of the decisions taken there");
    if (g->nbase)
        buf_puts(b, "; the thin grey bar under it, the share in random play");
    buf_puts(b, ".</p>\n");
    size_t rank = 0;
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].n > 0)
            emit_decision(b, r, g, &g->pt[i], ++rank);
    if (n == 0)
        buf_puts(b, "<p>No decisions were taken.</p>\n");
}

/* The value series of stat id for each of parts[0..n), as rows of len values (NAN: none). */
static double *series(const Part *const *parts, size_t n, int id, size_t len)
{
    double *m = xmalloc((n ? n : 1) * len * sizeof *m);
    for (size_t i = 0; i < n; i++)
        for (size_t x = 0; x < len; x++) {
            int v = x <= parts[i]->nd ? value_at(parts[i], id, x) : MISSING;
            m[i * len + x] = v == MISSING ? (double)NAN : (double)v;
        }
    return m;
}

/* The median at each x of those with a value, while at least a quarter of them have one. */
static void median_line(const double *m, size_t n, size_t len, double *out)
{
    double *col = xmalloc((n ? n : 1) * sizeof *col);
    for (size_t x = 0; x < len; x++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!isnan(m[i * len + x]))
                col[k++] = m[i * len + x];
        out[x] = k > 0 && k * 4 >= n ? median(col, k) : (double)NAN;
    }
    free(col);
}

static void emit_stat(Buf *b, Report *r, const Group *g, const StatInfo *si, size_t xmax)
{
    size_t len = xmax + 1;
    const Part **rp = xmalloc((g->n ? g->n : 1) * sizeof *rp);
    for (size_t i = 0; i < g->n; i++)
        rp[i] = g->p[i];
    double *m = series(rp, g->n, si->id, len);
    /* the same path drawn once, darker the more people took it */
    HtmlSeries *ser = xcalloc(g->n + 2, sizeof *ser);
    size_t *count = xcalloc(g->n ? g->n : 1, sizeof *count);
    size_t nser = 0;
    size_t nslot = 16;
    while (nslot < g->n * 2)
        nslot *= 2;
    size_t *slot = xcalloc(nslot, sizeof *slot); /* series index + 1 */
    for (size_t i = 0; i < g->n; i++) {
        const double *y = &m[i * len];
        size_t h = (size_t)fnv1a64(FNV1A64_INIT, y, len * sizeof *y) & (nslot - 1);
        while (slot[h] && memcmp(ser[slot[h] - 1].y, y, len * sizeof *y) != 0)
            h = (h + 1) & (nslot - 1);
        if (slot[h]) {
            count[slot[h] - 1]++;
            continue;
        }
        slot[h] = nser + 1;
        ser[nser] = (HtmlSeries){y, rp[i]->nd + 1, "line", 0, false};
        count[nser++] = 1;
    }
    /* many lines overlap where stats move in steps: the more participants, the fainter */
    double faint = g->n < 20 ? 0.3 : g->n < 100 ? 0.15 : 0.07;
    for (size_t i = 0; i < nser; i++) {
        double o = faint + 0.6 * sqrt((double)count[i] / (double)(g->n ? g->n : 1));
        ser[i].opacity = o > 0.85 ? 0.85 : o;
    }
    double *med = xmalloc(len * sizeof *med), *bmed = NULL, *bm = NULL;
    median_line(m, g->n, len, med);
    double base_end = NAN;
    if (g->nbase) {
        const Part **bp = xmalloc(g->nbase * sizeof *bp);
        for (size_t i = 0; i < g->nbase; i++)
            bp[i] = &g->base[i];
        bm = series(bp, g->nbase, si->id, len);
        bmed = xmalloc(len * sizeof *bmed);
        median_line(bm, g->nbase, len, bmed);
        double *fv = xmalloc(g->nbase * sizeof *fv);
        size_t k = 0;
        for (size_t i = 0; i < g->nbase; i++) {
            int v0, v;
            first_last(&g->base[i], si->id, &v0, &v);
            if (v != MISSING)
                fv[k++] = v;
        }
        base_end = median(fv, k);
        free(fv);
        free(bp);
        ser[nser++] = (HtmlSeries){bmed, len, "base", 0, true};
    }
    ser[nser++] = (HtmlSeries){med, len, "median", 0, true};
    const char *label = si->label ? si->label : S(r, si->id);
    buf_puts(b, "<figure class=\"stat\"><figcaption><b>");
    html_escape(b, label);
    buf_puts(b, "</b>");
    if (si->known && si->good != GOOD_NEUTRAL)
        buf_printf(b, "<span class=\"dir\">%s is better</span>",
                   si->good == GOOD_LOW ? "lower" : "higher");
    buf_puts(b, "</figcaption>\n");
    HtmlChart c = {label, si->min, si->max, xmax ? xmax : 1, "decision"};
    html_line_chart(b, &c, ser, nser);
    /* start, the median at the end, the range at the end */
    double *fv = xmalloc((g->n ? g->n : 1) * sizeof *fv);
    double *sv = xmalloc((g->n ? g->n : 1) * sizeof *sv);
    size_t k = 0, ks = 0;
    for (size_t i = 0; i < g->n; i++) {
        int s0, v;
        first_last(g->p[i], si->id, &s0, &v);
        if (v != MISSING)
            fv[k++] = v;
        if (s0 != MISSING)
            sv[ks++] = s0;
    }
    double start = median(sv, ks), end = median(fv, k);
    buf_puts(b, "<p class=\"stat-sum\">");
    buf_puts(b, g->root && g->root->n_chapters ? "first " : "start ");
    fmt_num(b, start);
    buf_puts(b, g->root && g->root->n_chapters ? " &rarr; last " : " &rarr; at the end ");
    fmt_num(b, end);
    buf_puts(b, " (median");
    if (k > 1)
        buf_printf(b, ", range %.0f&ndash;%.0f", fv[0], fv[k - 1]);
    buf_puts(b, ")");
    if (g->nbase) {
        buf_puts(b, " &middot; random play ");
        fmt_num(b, base_end);
    }
    buf_puts(b, "</p></figure>\n");
    free(fv);
    free(sv);
    free(slot);
    free(count);
    free(ser);
    free(med);
    free(bmed);
    free(bm);
    free(m);
    free(rp);
}

static void emit_stats(Buf *b, Report *r, const Group *g)
{
    size_t xmax = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->p[i]->nd > xmax)
            xmax = g->p[i]->nd;
    buf_printf(b, "<h3 id=\"s%zu-stats\">How the stats moved</h3>\n", g->index);
    if (g->nst == 0) {
        buf_puts(b, "<p>The results hold no stats.</p>\n");
        return;
    }
    buf_puts(b, "<div class=\"legend\"><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">"
                "<line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#6f94c8\" "
                "stroke-width=\"1.5\" stroke-opacity=\".6\"/></svg>one participant (darker: a "
                "path many took)</span><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">"
                "<line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#102c4f\" "
                "stroke-width=\"3.5\"/></svg>the room's median</span>");
    if (g->nbase)
        buf_puts(b, "<span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\"><line x1=\"0\" "
                    "y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#596170\" stroke-width=\"2.5\" "
                    "stroke-dasharray=\"6 4\"/></svg>median of random play</span>");
    buf_puts(b, "</div>\n<p class=\"lead\">Each stat after every decision (0: the start). The "
                "medians are drawn while at least a quarter are still playing.</p>\n"
                "<div class=\"stats\">\n");
    for (size_t i = 0; i < g->nst; i++)
        emit_stat(b, r, g, &g->st[i], xmax);
    buf_puts(b, "</div>\n");
}

/* Names in natural order (P2 before P10), ignoring case; anonymous players last. */
static int cmp_player(const void *a, const void *b)
{
    const Part *x = *(const Part *const *)a, *y = *(const Part *const *)b;
    const char *p = S(sort_report, x->player), *q = S(sort_report, y->player);
    if (!*p || !*q)
        return !*p - !*q;
    while (*p && *q) {
        if (*p >= '0' && *p <= '9' && *q >= '0' && *q <= '9') {
            while (*p == '0')
                p++;
            while (*q == '0')
                q++;
            size_t lp = strspn(p, "0123456789"), lq = strspn(q, "0123456789");
            if (lp != lq)
                return lp < lq ? -1 : 1;
            int c = strncmp(p, q, lp);
            if (c)
                return c;
            p += lp;
            q += lq;
            continue;
        }
        int cp = *p >= 'A' && *p <= 'Z' ? *p + 32 : (unsigned char)*p;
        int cq = *q >= 'A' && *q <= 'Z' ? *q + 32 : (unsigned char)*q;
        if (cp != cq)
            return cp < cq ? -1 : 1;
        p++;
        q++;
    }
    if (*p || *q)
        return *p ? 1 : -1;
    return strcmp(x->file, y->file);
}

static void emit_people(Buf *b, Report *r, const Group *g)
{
    buf_printf(b, "<h3 id=\"s%zu-people\">Who played</h3>\n", g->index);
    if (g->n > TABLE_MAX) {
        buf_printf(b, "<p>%zu participants: too many to list here; the CSV (--csv) has every "
                      "decision of each.</p>\n",
                   g->n);
        return;
    }
    buf_puts(b, "<div class=\"table\"><table><thead><tr><th>Player</th><th>Ending</th>"
                "<th class=\"num\">Decisions</th>");
    for (size_t k = 0; k < g->nst; k++) {
        buf_puts(b, "<th class=\"num\">");
        html_escape(b, g->st[k].label ? g->st[k].label : S(r, g->st[k].id));
        buf_puts(b, "</th>");
    }
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    const Part **order = xmalloc((g->n ? g->n : 1) * sizeof *order);
    memcpy(order, g->p, g->n * sizeof *order);
    sort_report = r;
    qsort(order, g->n, sizeof *order, cmp_player);
    for (size_t i = 0; i < g->n; i++) {
        const Part *p = order[i];
        buf_puts(b, "<tr><td title=\"");
        html_escape(b, p->file);
        buf_puts(b, "\">");
        player_name(b, r, p);
        buf_puts(b, "</td><td class=\"end\">");
        if (p->ended) {
            const Scene *sc = scene_of(r, g, p->ending_story, p->ending);
            buf_printf(b, "<span class=\"tag %s\">%s</span>", verdict_class(sc),
                       sc ? verdict_name(sc->verdict) : "ending");
            if (sc && sc->title)
                html_markup(b, sc->title);
            else
                html_escape(b, S(r, p->ending));
        } else {
            buf_puts(b, "<span class=\"tag\">open</span>not finished");
        }
        buf_printf(b, "</td><td class=\"num\">%zu</td>", p->nd);
        for (size_t k = 0; k < g->nst; k++) {
            int v = final_value(p, g->st[k].id);
            if (v == MISSING)
                buf_puts(b, "<td class=\"num\">&ndash;</td>");
            else
                buf_printf(b, "<td class=\"num\">%d</td>", v);
        }
        buf_puts(b, "</tr>\n");
    }
    free(order);
    buf_puts(b, "</tbody></table></div>\n");
}

static void group_title(Buf *b, const Report *r, const Group *g)
{
    if (g->root)
        html_escape(b, g->root->title);
    else if (g->n && g->p[0]->title >= 0 && *S(r, g->p[0]->title))
        html_escape(b, S(r, g->p[0]->title));
    else
        html_escape(b, S(r, g->story));
}

static void session_name(Buf *b, const Report *r, const Group *g)
{
    if (*S(r, g->session)) {
        buf_puts(b, "session ");
        html_escape(b, S(r, g->session));
    } else {
        buf_puts(b, "no session code");
    }
}

static void figure(Buf *b, const char *num, const char *what, const char *cmp)
{
    buf_printf(b, "<div class=\"fig\"><span class=\"num\">%s</span><span class=\"what\">%s"
                  "</span>",
               num, what);
    if (cmp)
        buf_printf(b, "<span class=\"cmp\">%s</span>", cmp);
    buf_puts(b, "</div>\n");
}

/* Count p's ending in out[verdict]. */
static void count_verdict(Report *r, const Group *g, const Part *p, long out[3])
{
    const Scene *sc = p->ended ? scene_of(r, g, p->ending_story, p->ending) : NULL;
    if (sc && sc->ending)
        out[sc->verdict]++;
}

static void emit_group(Buf *b, Report *r, Group *g, size_t index)
{
    g->index = index + 1;
    buf_printf(b, "<section class=\"group\" id=\"s%zu\" data-story=\"", g->index);
    html_escape(b, S(r, g->story));
    buf_puts(b, "\" data-session=\"");
    html_escape(b, S(r, g->session));
    buf_puts(b, "\">\n<h2>");
    group_title(b, r, g);
    buf_puts(b, " <span class=\"session\">&middot; ");
    session_name(b, r, g);
    buf_puts(b, "</span></h2>\n<p class=\"meta\">story <code>");
    html_escape(b, S(r, g->story));
    buf_puts(b, "</code>");
    if (g->root && g->root->n_chapters)
        buf_printf(b, " &middot; a campaign of %zu chapters", g->root->n_chapters);
    if (g->root && g->root->summary) {
        buf_puts(b, " &middot; ");
        html_escape(b, g->root->summary);
    }
    buf_puts(b, "</p>\n");
    /* key figures */
    Buf num = {0}, cmp = {0};
    long finished = 0, anon = 0;
    double *dn = xmalloc((g->n ? g->n : 1) * sizeof *dn), *secs = NULL;
    size_t nsecs = 0, capsecs = 0;
    for (size_t i = 0; i < g->n; i++) {
        finished += g->p[i]->ended;
        anon += !*S(r, g->p[i]->player);
        dn[i] = (double)g->p[i]->nd;
        for (size_t k = 0; k < g->p[i]->nd; k++)
            if (g->p[i]->d[k].seconds > 0) {
                grow(&secs, &capsecs, nsecs + 1, sizeof *secs);
                secs[nsecs++] = g->p[i]->d[k].seconds;
            }
    }
    buf_puts(b, "<div class=\"figures\">\n");
    buf_printf(&num, "%zu", g->n);
    figure(b, buf_str(&num), "played", NULL);
    buf_free(&num);
    buf_printf(&num, "%ld", finished);
    pct(&cmp, share(finished, (long)g->n));
    buf_puts(&cmp, " of the room");
    figure(b, buf_str(&num), "reached an ending", buf_str(&cmp));
    buf_free(&num);
    buf_free(&cmp);
    long v[3] = {0, 0, 0}, bv[3] = {0, 0, 0};
    for (size_t i = 0; i < g->n; i++)
        count_verdict(r, g, g->p[i], v);
    for (size_t i = 0; i < g->nbase; i++)
        count_verdict(r, g, &g->base[i], bv);
    if (v[0] + v[1] + v[2] > 0 || (g->root && g->nbase)) {
        pct(&num, share(v[VERDICT_GOOD], (long)g->n));
        if (g->nbase) {
            buf_puts(&cmp, "random play ");
            pct(&cmp, share(bv[VERDICT_GOOD], (long)g->nbase));
        }
        figure(b, buf_str(&num), "good endings", g->nbase ? buf_str(&cmp) : NULL);
        buf_free(&num);
        buf_free(&cmp);
        pct(&num, share(v[VERDICT_BAD], (long)g->n));
        if (g->nbase) {
            buf_puts(&cmp, "random play ");
            pct(&cmp, share(bv[VERDICT_BAD], (long)g->nbase));
        }
        figure(b, buf_str(&num), "bad endings", g->nbase ? buf_str(&cmp) : NULL);
        buf_free(&num);
        buf_free(&cmp);
    }
    fmt_num(&num, median(dn, g->n));
    figure(b, buf_str(&num), "decisions (median)", NULL);
    buf_free(&num);
    if (nsecs) {
        fmt_secs(&num, median(secs, nsecs));
        figure(b, buf_str(&num), "to decide (median)", NULL);
        buf_free(&num);
    }
    if (anon) {
        buf_printf(&num, "%ld", anon);
        figure(b, buf_str(&num), "anonymous", NULL);
        buf_free(&num);
    }
    buf_puts(b, "</div>\n");
    free(dn);
    free(secs);
    /* notes */
    if (!g->root)
        buf_puts(b, "<p class=\"note\">The story could not be loaded here, so this section "
                    "shows ids instead of titles and texts, without verdicts, lessons or "
                    "discussion questions (<code>--story PATH</code> names its folder).</p>\n");
    if (g->other_hash)
        buf_printf(b, "<p class=\"note\">%zu of these results were played on another version "
                      "of the story than the one loaded here; titles, lessons and questions "
                      "are from the version loaded.</p>\n",
                   g->other_hash);
    if (r->baseline > 0 && !g->root)
        buf_puts(b, "<p class=\"note\">No comparison with random play: it needs the story.</p>"
                    "\n");
    if (g->nbase) {
        buf_printf(b, "<p class=\"lead\">Compared with %zu random playthroughs of the story "
                      "(the room's seeds, every choice picked at random among those offered)",
                   g->nbase);
        if (g->root->n_chapters)
            buf_puts(b, ", each through every chapter");
        buf_puts(b, ".");
        if (g->base_stuck)
            buf_printf(b, " %ld stopped unfinished after %d decisions.", g->base_stuck,
                       BASELINE_CAP);
        if (g->base_errors) {
            buf_printf(b, " %ld stopped on a script error: ", g->base_errors);
            html_escape(b, g->base_error);
        }
        buf_puts(b, "</p>\n");
    }
    emit_endings(b, r, g);
    emit_decisions(b, r, g);
    emit_stats(b, r, g);
    emit_people(b, r, g);
    buf_puts(b, "</section>\n");
}

static char *build_page(Report *r, char **inputs, int ninputs)
{
    Buf b = {0};
    char when[64];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    Buf title = {0};
    if (r->title)
        html_escape(&title, r->title);
    else if (r->ng == 1) {
        buf_puts(&title, "Workshop report: ");
        group_title(&title, r, &r->g[0]);
    } else {
        buf_puts(&title, "Workshop report");
    }
    buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"ladder report " LADDER_VERSION "\">\n"
                 "<title>");
    buf_puts(&b, buf_str(&title));
    buf_puts(&b, "</title>\n<style>\n");
    buf_puts(&b, assets_css_report);
    buf_puts(&b, html_chart_css());
    buf_puts(&b, "</style>\n</head>\n<body>\n<header class=\"page\">\n<p class=\"kicker\">"
                 "Ladder &middot; workshop report</p>\n<h1>");
    buf_puts(&b, buf_str(&title));
    buf_free(&title);
    buf_printf(&b, "</h1>\n<p class=\"meta\">%zu results file%s", r->nparts,
               r->nparts == 1 ? "" : "s");
    if (r->ng > 1)
        buf_printf(&b, " in %zu sections", r->ng);
    if (r->nskipped)
        buf_printf(&b, " &middot; %zu skipped (<a href=\"#skipped\">why</a>)", r->nskipped);
    buf_printf(&b, " &middot; generated %s &middot; from ", when);
    for (int i = 0; i < ninputs; i++) {
        buf_puts(&b, i ? ", <code>" : "<code>");
        html_escape(&b, inputs[i]);
        buf_puts(&b, "</code>");
        if (i == 4 && ninputs > 6) {
            buf_printf(&b, " and %d more", ninputs - 5);
            break;
        }
    }
    buf_puts(&b, "</p>\n</header>\n");
    if (r->ng > 1) {
        buf_puts(&b, "<nav><b>Sections</b><ol>\n");
        for (size_t i = 0; i < r->ng; i++) {
            buf_printf(&b, "<li><a href=\"#s%zu\">", i + 1);
            group_title(&b, r, &r->g[i]);
            buf_puts(&b, " &middot; ");
            session_name(&b, r, &r->g[i]);
            buf_printf(&b, "</a> (%zu played)</li>\n", r->g[i].n);
        }
        buf_puts(&b, "</ol></nav>\n");
    }
    for (size_t i = 0; i < r->ng; i++)
        emit_group(&b, r, &r->g[i], i);
    if (r->nskipped) {
        buf_puts(&b, "<section class=\"skipped\" id=\"skipped\"><h3>Files skipped</h3>\n<ul>\n");
        buf_puts(&b, buf_str(&r->skipped));
        buf_puts(&b, "</ul></section>\n");
    }
    buf_puts(&b, "<footer>Made by <code>ladder report</code> " LADDER_VERSION
                 " from the participants&#39; results files. Shares are of the decisions "
                 "taken at each scene; a participant who stopped early counts up to where they "
                 "stopped.</footer>\n</body>\n</html>\n");
    return buf_take(&b);
}

/* ---- CSV ---- */

static void csv_field(Buf *b, const char *s, bool text)
{
    if (!s)
        s = "";
    /* a cell a spreadsheet would read as a formula starts with a quote mark instead */
    bool formula = text && strchr("=+-@\t\r", s[0]) && s[0];
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        buf_puts(b, s);
        return;
    }
    buf_putc(b, '"');
    if (formula)
        buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            buf_putc(b, '"');
        buf_putc(b, *p);
    }
    buf_putc(b, '"');
}

static char *build_csv(Report *r)
{
    /* the stat columns: every section's stats in order of first appearance */
    int *cols = NULL;
    size_t nc = 0, capc = 0;
    for (size_t i = 0; i < r->ng; i++)
        for (size_t k = 0; k < r->g[i].nst; k++) {
            bool have = false;
            for (size_t j = 0; j < nc && !have; j++)
                have = cols[j] == r->g[i].st[k].id;
            if (!have) {
                grow(&cols, &capc, nc + 1, sizeof *cols);
                cols[nc++] = r->g[i].st[k].id;
            }
        }
    Buf b = {0};
    buf_puts(&b, "file,story,session,player,ending,chapter,decision,scene,choice,text,seconds,"
                 "forced");
    for (size_t j = 0; j < nc; j++) {
        buf_putc(&b, ',');
        Buf h = {0};
        buf_printf(&h, "%s_before", S(r, cols[j]));
        csv_field(&b, buf_str(&h), true);
        buf_free(&h);
        buf_putc(&b, ',');
        buf_printf(&h, "%s_after", S(r, cols[j]));
        csv_field(&b, buf_str(&h), true);
        buf_free(&h);
    }
    buf_puts(&b, "\r\n");
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            for (size_t i = 0; i < p->nd; i++) {
                const Dec *d = &p->d[i];
                csv_field(&b, p->file, true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, p->story), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, p->session), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, p->player), true);
                buf_putc(&b, ',');
                csv_field(&b, p->ended ? S(r, p->ending) : "", true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->story), true);
                buf_printf(&b, ",%zu,", i + 1);
                csv_field(&b, S(r, d->scene), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->choice), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->text), true);
                buf_printf(&b, ",%g,", d->seconds);
                csv_field(&b, S(r, d->forced), true);
                for (size_t j = 0; j < nc; j++) {
                    int bv = MISSING, av = MISSING;
                    for (int k = 0; k < d->nsv; k++)
                        if (d->sv[k].stat == cols[j]) {
                            bv = d->sv[k].before;
                            av = d->sv[k].after;
                        }
                    if (bv != MISSING)
                        buf_printf(&b, ",%d", bv);
                    else
                        buf_putc(&b, ',');
                    if (av != MISSING)
                        buf_printf(&b, ",%d", av);
                    else
                        buf_putc(&b, ',');
                }
                buf_puts(&b, "\r\n");
            }
        }
    }
    free(cols);
    return buf_take(&b);
}

/* ---- the command ---- */

/* Written files are made private (0600) by write_file_atomic; a report is for sharing. */
static void make_readable(const char *path)
{
    mode_t m = umask(0);
    umask(m);
    chmod(path, 0666 & ~m);
}

static void prepare_group(Report *r, Group *g)
{
    const Story *root = get_story(r, g->story, NULL);
    g->root = root;
    if (root) {
        if (root->n_chapters) {
            for (size_t i = 0; i < root->n_chapters; i++) {
                const Story *ch = get_story(r, intern(&r->s, root->chapters[i]), root);
                for (size_t k = 0; ch && k < ch->n_stats; k++)
                    add_stat(g, intern(&r->s, ch->stats[k].id), &ch->stats[k]);
            }
        } else {
            for (size_t k = 0; k < root->n_stats; k++)
                add_stat(g, intern(&r->s, root->stats[k].id), &root->stats[k]);
        }
    }
    for (size_t i = 0; i < g->n; i++) {
        const Part *p = g->p[i];
        bool other = false;
        if (root && !root->n_chapters)
            other = p->hash >= 0 && strcmp(S(r, p->hash), root->hash) != 0;
        for (int c = 0; root && c < p->nchap; c++) {
            const Story *ch = story_of(r, g, p->chap_story[c]);
            other = other ||
                    (ch && p->chap_hash[c] >= 0 && strcmp(S(r, p->chap_hash[c]), ch->hash) != 0);
        }
        g->other_hash += other;
        part_stats(g, p);
        tally(g, p, false);
    }
    run_baseline(r, g);
    for (size_t i = 0; i < g->nbase; i++) {
        part_stats(g, &g->base[i]);
        tally(g, &g->base[i], true);
    }
}

static void group_free(Group *g)
{
    free(g->p);
    for (size_t i = 0; i < g->nbase; i++)
        part_free(&g->base[i]);
    free(g->base);
    free(g->base_error);
    for (size_t i = 0; i < g->npt; i++) {
        free(g->pt[i].o);
        free(g->pt[i].secs);
    }
    free(g->pt);
    free(g->ec);
    free(g->st);
}

static void report_free(Report *r)
{
    for (size_t i = 0; i < r->ng; i++)
        group_free(&r->g[i]);
    free(r->g);
    for (size_t i = 0; i < r->nparts; i++)
        part_free(&r->parts[i]);
    free(r->parts);
    for (size_t i = 0; i < r->nstories; i++)
        story_free(r->stories[i].story);
    free(r->stories);
    buf_free(&r->skipped);
    intern_free(&r->s);
}

static int usage(const char *fmt, ...) LADDER_PRINTF(1, 2);
static int usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ladder: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'ladder report --help' for more information.\n");
    return 2;
}

int tool_report(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"csv", required_argument, NULL, 'c'},
                                         {"baseline", required_argument, NULL, 'b'},
                                         {"story", required_argument, NULL, 's'},
                                         {"title", required_argument, NULL, 't'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *out = NULL, *csv = NULL;
    Report r = {0};
    char **story_paths = NULL;
    size_t nsp = 0, capsp = 0;
    int c, rc = 0;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'c': csv = optarg; break;
        case 't': r.title = optarg; break;
        case 's':
            grow(&story_paths, &capsp, nsp + 1, sizeof *story_paths);
            story_paths[nsp++] = optarg;
            break;
        case 'b': {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || *end || !*optarg || v < 0 || v > BASELINE_MAX) {
                free(story_paths);
                return usage("--baseline takes a count from 0 to 10000, not '%s'", optarg);
            }
            r.baseline = v;
            break;
        }
        case 'h':
            free(story_paths);
            fputs(tool_report_usage, stdout);
            return 0;
        default:
            free(story_paths);
            fprintf(stderr, "Try 'ladder report --help' for more information.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        free(story_paths);
        return usage("%s", "report needs results files or folders");
    }
    if (!out) {
        free(story_paths);
        return usage("%s", "report needs -o FILE, the HTML page to write");
    }
    if (!*out || (csv && !*csv)) {
        free(story_paths);
        return usage("%s", "an output file name is empty");
    }
    for (size_t i = 0; i < nsp; i++) {
        Err err;
        Story *s = story_load(story_paths[i], &err);
        if (!s) {
            utf8_fprintf(stderr, "ladder: report: the story %s cannot be loaded:\n%s\n",
                         story_paths[i], err.msg);
            continue;
        }
        int id = intern(&r.s, s->id);
        bool dup = false;
        for (size_t k = 0; k < r.nstories && !dup; k++)
            dup = r.stories[k].id == id;
        if (dup)
            story_free(s);
        else
            add_story(&r, id, s);
    }
    free(story_paths);
    size_t nfiles = 0;
    char **files = collect(&r, argv + optind, argc - optind, &nfiles);
    for (size_t i = 0; i < nfiles; i++) {
        read_part(&r, files[i]);
        free(files[i]);
    }
    free(files);
    if (r.nparts == 0) {
        fprintf(stderr, "ladder: report: no valid results file; nothing written\n");
        report_free(&r);
        return 1;
    }
    for (size_t i = 0; i < r.nparts; i++) {
        Group *g = group_for(&r, &r.parts[i]);
        grow(&g->p, &g->capp, g->n + 1, sizeof *g->p);
        g->p[g->n++] = &r.parts[i];
    }
    sort_report = &r;
    qsort(r.g, r.ng, sizeof *r.g, cmp_group);
    for (size_t i = 0; i < r.ng; i++)
        prepare_group(&r, &r.g[i]);
    char *page = build_page(&r, argv + optind, argc - optind);
    Err err;
    if (write_file_atomic(out, page, strlen(page), &err) != 0) {
        utf8_fprintf(stderr, "ladder: report: %s\n", err.msg);
        rc = 1;
    } else {
        make_readable(out);
    }
    free(page);
    if (csv) {
        char *text = build_csv(&r);
        if (write_file_atomic(csv, text, strlen(text), &err) != 0) {
            utf8_fprintf(stderr, "ladder: report: %s\n", err.msg);
            rc = 1;
        } else {
            make_readable(csv);
        }
        free(text);
    }
    if (rc == 0) {
        printf("%s: %zu results file%s in %zu section%s", out, r.nparts, r.nparts == 1 ? "" : "s",
               r.ng, r.ng == 1 ? "" : "s");
        if (r.nskipped)
            printf(", %zu skipped", r.nskipped);
        if (csv)
            printf("; %s", csv);
        printf("\n");
    }
    report_free(&r);
    return rc;
}
