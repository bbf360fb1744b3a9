/* tally.c: the report's counting: interned strings, results grouped by story and session,
 * the options taken at each decision point, the endings, the stats and their ranges. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "tools/report/report.h"

/* ---- interned strings: ids and texts as small integers ---- */


uint64_t report_hash(const void *data, size_t n)
{
    const unsigned char *s = data;
    uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t)n;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i < 8 ? n - i : 8);
        w *= 0xff51afd7ed558ccdu;
        w ^= w >> 33;
        h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
        h ^= h >> 29;
    }
    return h;
}

static uint64_t str_hash(const char *s)
{
    return report_hash(s, strlen(s));
}

int report_intern(Intern *t, const char *s)
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
    util_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v);
    t->v[t->n] = xstrdup(s);
    t->slot[h] = (int)t->n + 1;
    return (int)t->n++;
}

void report_intern_free(Intern *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    free(t->slot);
}


/* ---- groups and tallies ---- */

static Group *group_for(Report *r, const Part *p)
{
    for (size_t i = 0; i < r->ng; i++)
        if (r->g[i].story == p->story && r->g[i].key == p->session_key)
            return &r->g[i];
    util_grow(&r->g, &r->capg, r->ng + 1, sizeof *r->g);
    Group *g = &r->g[r->ng++];
    memset(g, 0, sizeof *g);
    g->story = p->story;
    g->key = p->session_key;
    g->session = p->session_typed;
    return g;
}

/* The section's code: the spelling most of its participants typed (the first of equals in
 * file order); each part shows it, and how many typed it otherwise is kept. */
static void group_spelling(Group *g)
{
    int *code = NULL;
    long *count = NULL;
    size_t n = 0, capc = 0, capn = 0;
    for (size_t i = 0; i < g->n; i++) {
        size_t k = 0;
        while (k < n && code[k] != g->p[i]->session_typed) /* a few spellings at most */
            k++;
        if (k == n) {
            util_grow(&code, &capc, n + 1, sizeof *code);
            util_grow(&count, &capn, n + 1, sizeof *count);
            code[n] = g->p[i]->session_typed;
            count[n++] = 0;
        }
        count[k]++;
    }
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (count[k] > count[best])
            best = k;
    if (n)
        g->session = code[best];
    g->typed_other = n ? (long)g->n - count[best] : 0;
    for (size_t i = 0; i < g->n; i++)
        g->p[i]->session = g->session;
    free(code);
    free(count);
}

/* Whether a and b are one character apart: one changed, added or left out. */
static bool one_apart(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la < lb) {
        const char *t = a;
        a = b;
        b = t;
        size_t tl = la;
        la = lb;
        lb = tl;
    }
    if (la - lb > 1)
        return false;
    size_t i = 0;
    while (i < lb && a[i] == b[i])
        i++;
    if (la == lb)
        return i < la && strcmp(a + i + 1, b + i + 1) == 0;
    return strcmp(a + i + 1, b + i) == 0;
}

/* A section whose code is one character away from that of a section of the same story at
 * least four times as large is flagged as a likely typo of it (WS9O's 1 beside WS90's 29; the
 * review's case). Codes under 3 characters, and sessions of like size (ROOM7's 6, ROOM8's 3:
 * two rooms), are left alone. */
static void find_typos(Report *r)
{
    for (size_t i = 0; i < r->ng; i++) {
        Group *g = &r->g[i];
        const char *k = S(r, g->key);
        if (strlen(k) < 3)
            continue;
        for (size_t j = 0; j < r->ng; j++) {
            const Group *h = &r->g[j];
            if (h == g || h->story != g->story || h->n < 4 * g->n || strlen(S(r, h->key)) < 3 ||
                !one_apart(k, S(r, h->key)))
                continue;
            if (!g->typo_of || h->n > g->typo_of->n)
                g->typo_of = h;
        }
        if (g->typo_of)
            utf8_fprintf(stderr, "ladder: report: session %s (%zu played) is probably a "
                                 "mistyped %s (%zu played): their codes are one character "
                                 "apart\n",
                         S(r, g->session), g->n, S(r, g->typo_of->session), g->typo_of->n);
    }
}

static const Report *sort_report; /* for qsort */

static int cmp_group(const void *a, const void *b)
{
    const Group *x = a, *y = b;
    int c = strcmp(S(sort_report, x->story), S(sort_report, y->story));
    return c ? c : strcmp(S(sort_report, x->key), S(sort_report, y->key));
}

static Point *point_for(Group *g, int story, int scene)
{
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].scene == scene && g->pt[i].story == story)
            return &g->pt[i];
    util_grow(&g->pt, &g->cappt, g->npt + 1, sizeof *g->pt);
    Point *pt = &g->pt[g->npt++];
    memset(pt, 0, sizeof *pt);
    pt->story = story;
    pt->scene = scene;
    return pt;
}

Opt *report_opt_for(Point *pt, int choice)
{
    for (size_t i = 0; i < pt->no; i++)
        if (pt->o[i].choice == choice)
            return &pt->o[i];
    util_grow(&pt->o, &pt->capo, pt->no + 1, sizeof *pt->o);
    Opt *o = &pt->o[pt->no++];
    *o = (Opt){choice, -1, 0, 0};
    return o;
}

EndCount *report_end_for(Group *g, int story, int ending)
{
    if (ending < 0)
        story = -1;
    for (size_t i = 0; i < g->nec; i++)
        if (g->ec[i].ending == ending && g->ec[i].story == story)
            return &g->ec[i];
    util_grow(&g->ec, &g->capec, g->nec + 1, sizeof *g->ec);
    EndCount *e = &g->ec[g->nec++];
    *e = (EndCount){story, ending, 0, 0};
    return e;
}

static void tally(Group *g, const Part *p, bool base)
{
    for (size_t i = 0; i < p->nd; i++) {
        const Dec *d = &p->d[i];
        Point *pt = point_for(g, d->story, d->scene);
        Opt *o = report_opt_for(pt, d->choice);
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
            util_grow(&pt->secs, &pt->capsecs, pt->nsecs + 1, sizeof *pt->secs);
            pt->secs[pt->nsecs++] = d->seconds;
        }
    }
    EndCount *e = report_end_for(g, p->ending_story, p->ended ? p->ending : -1);
    if (base)
        e->base_n++;
    else
        e->n++;
}

void report_add_stat(Group *g, int id, const StatDef *def)
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
    util_grow(&g->st, &g->capst, g->nst + 1, sizeof *g->st);
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
            report_add_stat(g, p->d[i].sv[k].stat, NULL);
            widen_stat(g, p->d[i].sv[k].stat, p->d[i].sv[k].before);
            widen_stat(g, p->d[i].sv[k].stat, p->d[i].sv[k].after);
        }
    for (int k = 0; k < p->nfin; k++) {
        report_add_stat(g, p->fin[k].stat, NULL);
        widen_stat(g, p->fin[k].stat, p->fin[k].before);
    }
}

/* The story a decision point or ending belongs to. */
const Story *report_story_of(Report *r, const Group *g, int story)
{
    if (g->root && story == g->story)
        return g->root;
    if (!g->root)
        return NULL;
    return report_story(r, story, g->root);
}

const Scene *report_scene_of(Report *r, const Group *g, int story, int scene)
{
    const Story *s = report_story_of(r, g, story);
    int k = s ? story_find_scene(s, S(r, scene)) : -1;
    return k >= 0 ? &s->scenes[k] : NULL;
}


/* ---- numbers ---- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Sort v[0..n) ascending. Stat values are whole numbers within a small range: then they are
 * counted, not compared (at 20,000 participants the charts' medians and percentile bands sort
 * hundreds of columns of 20,000 values: qsort was an eighth of a report's time, profiled);
 * anything else (seconds, a wide range, NAN) goes to qsort. The same order either way. */
static void sort_values(double *v, size_t n)
{
    if (n < 32) {
        qsort(v, n, sizeof *v, cmp_double);
        return;
    }
    double lo = v[0], hi = v[0];
    for (size_t i = 0; i < n; i++) {
        /* fractional, NAN, infinite, or -0 (which counting would give back as 0) */
        if (!(v[i] == floor(v[i])) || fabs(v[i]) > 1e9 || (v[i] == 0 && signbit(v[i]))) {
            qsort(v, n, sizeof *v, cmp_double);
            return;
        }
        lo = v[i] < lo ? v[i] : lo;
        hi = v[i] > hi ? v[i] : hi;
    }
    if (hi - lo > 4.0 * (double)n + 1024) {
        qsort(v, n, sizeof *v, cmp_double);
        return;
    }
    size_t range = (size_t)(hi - lo) + 1;
    size_t *count = xcalloc(range, sizeof *count);
    for (size_t i = 0; i < n; i++)
        count[(size_t)(v[i] - lo)]++;
    size_t at = 0;
    for (size_t k = 0; k < range; k++)
        for (size_t c = count[k]; c; c--)
            v[at++] = lo + (double)k;
    free(count);
}

/* The median of v[0..n) (sorted in place); NAN when n is 0. */
double report_median(double *v, size_t n)
{
    if (n == 0)
        return NAN;
    sort_values(v, n);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double report_share(long k, long n)
{
    return n > 0 ? (double)k / (double)n : 0;
}


int report_value_at(const Part *p, int id, size_t x)
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
void report_first_last(const Part *p, int id, int *first, int *last)
{
    *first = *last = MISSING;
    for (size_t x = 0; x <= p->nd; x++) {
        int v = report_value_at(p, id, x);
        if (v == MISSING)
            continue;
        if (*first == MISSING)
            *first = v;
        *last = v;
    }
}

int report_final_value(const Part *p, int id)
{
    for (int k = 0; k < p->nfin; k++)
        if (p->fin[k].stat == id)
            return p->fin[k].before;
    return p->nd ? report_value_at(p, id, p->nd) : MISSING;
}


static void prepare_group(Report *r, Group *g)
{
    const Story *root = report_story(r, g->story, NULL);
    g->root = root;
    if (root) {
        if (root->n_chapters) {
            for (size_t i = 0; i < root->n_chapters; i++) {
                const Story *ch = report_story(r, report_intern(&r->s, root->chapters[i]), root);
                for (size_t k = 0; ch && k < ch->n_stats; k++)
                    report_add_stat(g, report_intern(&r->s, ch->stats[k].id), &ch->stats[k]);
            }
        } else {
            for (size_t k = 0; k < root->n_stats; k++)
                report_add_stat(g, report_intern(&r->s, root->stats[k].id), &root->stats[k]);
        }
    }
    for (size_t i = 0; i < g->n; i++) {
        const Part *p = g->p[i];
        bool other = false;
        if (root && !root->n_chapters)
            other = p->hash >= 0 && strcmp(S(r, p->hash), root->hash) != 0;
        for (int c = 0; root && c < p->nchap; c++) {
            const Story *ch = report_story_of(r, g, p->chap_story[c]);
            other = other ||
                    (ch && p->chap_hash[c] >= 0 && strcmp(S(r, p->chap_hash[c]), ch->hash) != 0);
        }
        g->other_hash += other;
        part_stats(g, p);
        tally(g, p, false);
    }
    report_baseline(r, g);
    for (size_t i = 0; i < g->nbase; i++) {
        part_stats(g, &g->base[i]);
        tally(g, &g->base[i], true);
    }
}

void report_group_free(Group *g)
{
    free(g->p);
    for (size_t i = 0; i < g->nbase; i++)
        report_part_free(&g->base[i]);
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


/* ---- results that do not fit their story ---- */

/* Answers already found: (story, scene, choice) interned ids, packed, -> known or not. */
typedef struct IdMemo {
    uint64_t *key; /* key + 1; 0: empty */
    bool *ok;
    size_t n, nslot;
} IdMemo;

static bool *memo_slot(IdMemo *m, uint64_t key, bool *fresh)
{
    if (m->n * 2 >= m->nslot) {
        size_t ns = m->nslot ? m->nslot * 2 : 1024;
        uint64_t *k2 = xcalloc(ns, sizeof *k2);
        bool *o2 = xcalloc(ns, sizeof *o2);
        for (size_t i = 0; i < m->nslot; i++)
            if (m->key[i]) {
                size_t h = (size_t)(m->key[i] * 0x9E3779B97F4A7C15ull >> 20) & (ns - 1);
                while (k2[h])
                    h = (h + 1) & (ns - 1);
                k2[h] = m->key[i];
                o2[h] = m->ok[i];
            }
        free(m->key);
        free(m->ok);
        m->key = k2;
        m->ok = o2;
        m->nslot = ns;
    }
    size_t h = (size_t)((key + 1) * 0x9E3779B97F4A7C15ull >> 20) & (m->nslot - 1);
    while (m->key[h] && m->key[h] != key + 1)
        h = (h + 1) & (m->nslot - 1);
    *fresh = !m->key[h];
    if (*fresh) {
        m->key[h] = key + 1;
        m->n++;
    }
    return &m->ok[h];
}

#define ID_ENDING (-1) /* known_id's choice: is the scene an ending */
#define ID_SCENE (-2)  /* known_id's choice: is there such a scene */

/* Whether story (interned) of campaign root has scene, and (choice >= 0) that choice in it;
 * or ID_ENDING, ID_SCENE. A chapter that cannot be loaded knows every id. */
static bool known_id(Report *r, IdMemo *m, const Story *root, int story, int scene, int choice)
{
    const uint64_t lim = 1u << 21; /* interned ids fit in 21 bits each (else: not remembered) */
    bool spare = false, fresh = true;
    bool *ok = &spare;
    if ((uint64_t)story < lim && (uint64_t)scene < lim && (uint64_t)(choice + 2) < lim)
        ok = memo_slot(m, (uint64_t)story << 42 | (uint64_t)scene << 21 | (uint64_t)(choice + 2),
                       &fresh);
    if (!fresh)
        return *ok;
    const Story *st = root;
    if (root->n_chapters) {
        size_t ch = 0;
        while (ch < root->n_chapters && strcmp(root->chapters[ch], S(r, story)) != 0)
            ch++;
        st = ch < root->n_chapters ? report_story(r, story, root) : NULL;
        if (ch < root->n_chapters && !st) /* a chapter that cannot be loaded: unchecked */
            return *ok = true;
    }
    int k = st ? story_find_scene(st, S(r, scene)) : -1;
    if (k < 0)
        return *ok = false;
    const Scene *sc = &st->scenes[k];
    return *ok = choice == ID_SCENE    ? true
                 : choice == ID_ENDING ? sc->ending
                                       : story_find_choice(sc, S(r, choice)) >= 0;
}

/* Why p does not fit its story (malloc'd), or NULL when it does or the story is not loaded:
 * a scene, choice or ending the story does not have. Such a file is not counted: its
 * decisions would appear as decision points the story has not got. */
static char *misfit(Report *r, IdMemo *m, const Part *p)
{
    const Story *root = report_story(r, p->story, NULL);
    if (!root)
        return NULL;
    for (size_t i = 0; i < p->nd; i++) {
        const Dec *d = &p->d[i];
        if (known_id(r, m, root, d->story, d->scene, d->choice))
            continue;
        if (!known_id(r, m, root, d->story, d->scene, ID_SCENE))
            return xasprintf("decision %zu names the scene '%s', which the story '%s' does not "
                             "have (played on another version of it?); not counted",
                             i + 1, S(r, d->scene), S(r, d->story));
        return xasprintf("decision %zu names the choice '%s' in the scene '%s', which the story "
                         "'%s' does not have there (played on another version of it?); not "
                         "counted",
                         i + 1, S(r, d->choice), S(r, d->scene), S(r, d->story));
    }
    if (p->ended && !known_id(r, m, root, p->ending_story, p->ending, ID_ENDING))
        return xasprintf("it ends in '%s', which is not an ending of the story '%s' (played on "
                         "another version of it?); not counted",
                         S(r, p->ending), S(r, p->ending_story));
    return NULL;
}

void report_tally(Report *r)
{
    IdMemo memo = {0};
    size_t kept = 0;
    for (size_t i = 0; i < r->nparts; i++) {
        char *why = misfit(r, &memo, &r->parts[i]);
        if (why) {
            report_skip(r, r->parts[i].file, why);
            free(why);
            report_part_free(&r->parts[i]);
        } else {
            r->parts[kept++] = r->parts[i];
        }
    }
    r->nparts = kept;
    free(memo.key);
    free(memo.ok);
    for (size_t i = 0; i < r->nparts; i++) {
        Group *g = group_for(r, &r->parts[i]);
        util_grow(&g->p, &g->capp, g->n + 1, sizeof *g->p);
        g->p[g->n++] = &r->parts[i];
    }
    for (size_t i = 0; i < r->ng; i++)
        group_spelling(&r->g[i]);
    sort_report = r;
    qsort(r->g, r->ng, sizeof *r->g, cmp_group);
    find_typos(r);
    for (size_t i = 0; i < r->ng; i++)
        prepare_group(r, &r->g[i]);
}
