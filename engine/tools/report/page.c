/* page.c: the report's HTML page: figures, endings and decision points of each section, the
 * skipped files, built with out/html.h (every string from a file through html_escape) and the
 * stylesheets of assets/css. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets_css.h"
#include "out/html.h"
#include "tools/report/report.h"

static const Report *sort_report; /* for qsort */

void report_pct(Buf *b, double s)
{
    if (s > 0 && s < 0.005)
        buf_puts(b, "&lt;1%");
    else
        buf_printf(b, "%.0f%%", s * 100);
}

void report_fmt_num(Buf *b, double v)
{
    if (isnan(v))
        buf_puts(b, "&ndash;");
    else if (fabs(v - round(v)) < 0.05)
        buf_printf(b, "%.0f", v);
    else
        buf_printf(b, "%.1f", v);
}

void report_fmt_secs(Buf *b, double s)
{
    if (s < 60)
        buf_printf(b, "%.0f&#8239;s", s);
    else
        buf_printf(b, "%.0f&#8239;min %02.0f&#8239;s", floor(s / 60), fmod(s, 60));
}

/* The value of stat id after decision x of p (x = 0: before the first); MISSING if unknown. */

/* ---- the page ---- */

const char *report_verdict_class(const Scene *e)
{
    return e ? story_verdict_name(e->verdict) : "none";
}

void report_player_name(Buf *b, const Report *r, const Part *p)
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
    const Scene *sc = report_scene_of(r, g, e->story, e->ending);
    const Story *st = report_story_of(r, g, e->story);
    buf_printf(b, "<span class=\"tag %s\">%s</span>", report_verdict_class(sc),
               sc ? story_verdict_name(sc->verdict) : "ending");
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
    report_pct(b, report_share(k, n));
    buf_printf(b, "</b> <span class=\"n\">(%ld)</span>", k);
}

static void base_text(Buf *b, long k, long n)
{
    buf_puts(b, "chance ");
    report_pct(b, report_share(k, n));
}

static int cmp_end_story_order(Report *r, const Group *g, const EndCount *a, const EndCount *b)
{
    if ((a->ending < 0) != (b->ending < 0))
        return a->ending < 0 ? 1 : -1;
    const Story *sa = report_story_of(r, g, a->story), *sb = report_story_of(r, g, b->story);
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
                report_end_for(g, g->story, report_intern(&r->s, root->scenes[i].id));
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
        const Scene *sc = e->ending >= 0 ? report_scene_of(r, g, e->story, e->ending) : NULL;
        bars[i] = (HtmlBar){buf_str(&txt[3 * i]), report_share(e->n, (long)g->n),
                            g->nbase ? report_share(e->base_n, (long)g->nbase) : -1,
                            buf_str(&txt[3 * i + 1]), g->nbase ? buf_str(&txt[3 * i + 2]) : NULL,
                            e->ending < 0 ? "none" : report_verdict_class(sc),
                            e->ending < 0 ? "(unfinished)" : S(r, e->ending)};
    }
    buf_printf(b, "<h3 id=\"s%zu-endings\">How it ended</h3>\n", g->index);
    html_bar_chart(b, bars, g->nec, "this room", "random play");
    for (size_t i = 0; i < g->nec * 3; i++)
        buf_free(&txt[i]);
    free(txt);
    free(bars);
}

/* What the endings the room reached teach (the details, under the first screen). */
static void emit_ending_lessons(Buf *b, Report *r, Group *g)
{
    bool any = false;
    for (size_t i = 0; i < g->nec; i++) {
        const EndCount *e = &g->ec[i];
        const Scene *sc = e->ending >= 0 && e->n ? report_scene_of(r, g, e->story, e->ending) : NULL;
        if (!sc || !sc->lesson)
            continue;
        if (!any)
            buf_printf(b, "<h3 id=\"s%zu-ending-lessons\">What the endings teach</h3>\n"
                          "<dl class=\"lessons\">\n", g->index);
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
void report_scene_excerpt(Buf *b, const Scene *sc, size_t max)
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
    html_excerpt(b, buf_str(&t), max);
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
            report_opt_for(pt, report_intern(&r->s, sc->choices[i].id));
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

/* One decision point: its scene, the options' shares, then (unless compact, as on the first
 * screen) its question for discussion and its lessons. */
static void emit_decision(Buf *b, Report *r, Group *g, Point *pt, size_t rank, bool compact)
{
    const Scene *sc = report_scene_of(r, g, pt->story, pt->scene);
    const Story *st = report_story_of(r, g, pt->story);
    order_options(r, sc, pt);
    buf_printf(b, "<article class=\"decision%s%s\">\n<h4>", compact ? " compact" : "",
               pt->enough ? "" : " few");
    buf_printf(b, "<span class=\"tag rank\">%zu</span>", rank);
    size_t before = b->len;
    if (sc && sc->text.str)
        report_scene_excerpt(b, sc, compact ? 90 : 170);
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
        buf_printf(b, " (%ld decision%s)", pt->n, pt->n == 1 ? "" : "s");
    if (pt->n)
        buf_printf(b, " &middot; typically decision %.0f", pt->pos_sum / (double)pt->n);
    double s = report_median(pt->secs, pt->nsecs);
    if (s > 0) {
        buf_puts(b, " &middot; median ");
        report_fmt_secs(b, s);
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
                            report_share(o->n, pt->n),
                            base ? report_share(o->base_n, pt->base_n) : -1,
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
    if (compact) {
        buf_puts(b, "</article>\n");
        return;
    }
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

/* Order g's decision points, most divided first (the two most chosen options closest in
 * share), those fewer than a tenth of the room (at least 3) reached last; returns that
 * count. */
long report_rank_decisions(Report *r, Group *g)
{
    long need = (long)ceil((double)g->n / 10);
    long floor3 = g->n < 3 ? (long)g->n : 3;
    if (need < floor3)
        need = floor3;
    for (size_t i = 0; i < g->npt; i++) {
        Point *pt = &g->pt[i];
        double first = 0, second = 0;
        for (size_t k = 0; k < pt->no; k++) {
            double sh = report_share(pt->o[k].n, pt->n);
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
    sort_report = r;
    qsort(g->pt, g->npt, sizeof *g->pt, cmp_point);
    return need;
}

#define FIRST_SCREEN_SPLITS 3 /* the most divided decisions on a section's first screen */

/* The first screen of a section, for a projector: the figures and the endings' shares (the left
 * column, opened by emit_group) beside the three most divided decisions (enough participants
 * reached them), without their texts. */
static void emit_first_screen(Buf *b, Report *r, Group *g)
{
    emit_endings(b, r, g); /* (the left column, opened by emit_group, holds the figures) */
    buf_puts(b, "</div>\n<div class=\"fs-splits\">\n");
    buf_printf(b, "<h3 id=\"s%zu-split-most\">Where the room split most</h3>\n", g->index);
    size_t shown = 0;
    for (size_t i = 0; i < g->npt && shown < FIRST_SCREEN_SPLITS; i++)
        if (g->pt[i].enough && g->pt[i].no > 1)
            emit_decision(b, r, g, &g->pt[i], ++shown, true);
    if (shown == 0)
        buf_puts(b, "<p class=\"lead\">No decision was taken by enough participants to "
                    "compare.</p>\n");
    buf_printf(b, "<p class=\"more\"><a href=\"#s%zu-decisions\">Every decision, with its "
                  "question and lessons &darr;</a></p>\n</div>\n</div>\n",
               g->index);
}

static void emit_decisions(Buf *b, Report *r, Group *g, long need)
{
    /* points only random play reached are not the room's decisions */
    size_t n = 0;
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].n > 0)
            n++;
    buf_printf(b, "<h3 id=\"s%zu-decisions\">Where the room split</h3>\n", g->index);
    buf_puts(b, "<p class=\"lead\">Every decision the room "
                "took, the most divided first (the two most chosen options closest in share)");
    if (need > 1)
        buf_printf(b, "; decisions fewer than %ld participants reached come last", need);
    buf_puts(b, ". Each bar is the share of the decisions taken there");
    if (g->nbase)
        buf_puts(b, "; the thin grey bar under it, the share in random play");
    buf_puts(b, ".</p>\n");
    size_t few = 0;
    for (size_t i = 0; i < g->npt; i++)
        few += g->pt[i].n > 0 && !g->pt[i].enough;
    /* on paper: the decisions enough participants reached, without each option's lesson */
    buf_puts(b, "<p class=\"print-only\">Printed: each decision's question and lesson");
    if (few)
        buf_printf(b, ", without the %zu decision%s fewer than %ld participants reached", few,
                   few == 1 ? "" : "s", need);
    buf_puts(b, "; the page on screen also has what each option teaches.</p>\n"
                "<div class=\"all-decisions\">\n");
    size_t rank = 0;
    for (size_t i = 0; i < g->npt; i++)
        if (g->pt[i].n > 0)
            emit_decision(b, r, g, &g->pt[i], ++rank, false);
    buf_puts(b, "</div>\n");
    if (n == 0)
        buf_puts(b, "<p>No decisions were taken.</p>\n");
}

/* The value series of stat id for each of parts[0..n), as rows of len values (NAN: none). */

void report_group_title(Buf *b, const Report *r, const Group *g)
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
    const Scene *sc = p->ended ? report_scene_of(r, g, p->ending_story, p->ending) : NULL;
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
    report_group_title(b, r, g);
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
    buf_puts(b, "<div class=\"first-screen\">\n<div class=\"fs-endings\">\n");
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
                util_grow(&secs, &capsecs, nsecs + 1, sizeof *secs);
                secs[nsecs++] = g->p[i]->d[k].seconds;
            }
    }
    buf_puts(b, "<div class=\"figures\">\n");
    buf_printf(&num, "%zu", g->n);
    figure(b, buf_str(&num), "played", NULL);
    buf_free(&num);
    buf_printf(&num, "%ld", finished);
    report_pct(&cmp, report_share(finished, (long)g->n));
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
        report_pct(&num, report_share(v[VERDICT_GOOD], (long)g->n));
        if (g->nbase) {
            buf_puts(&cmp, "random play ");
            report_pct(&cmp, report_share(bv[VERDICT_GOOD], (long)g->nbase));
        }
        figure(b, buf_str(&num), "good endings", g->nbase ? buf_str(&cmp) : NULL);
        buf_free(&num);
        buf_free(&cmp);
        report_pct(&num, report_share(v[VERDICT_BAD], (long)g->n));
        if (g->nbase) {
            buf_puts(&cmp, "random play ");
            report_pct(&cmp, report_share(bv[VERDICT_BAD], (long)g->nbase));
        }
        figure(b, buf_str(&num), "bad endings", g->nbase ? buf_str(&cmp) : NULL);
        buf_free(&num);
        buf_free(&cmp);
    }
    report_fmt_num(&num, report_median(dn, g->n));
    figure(b, buf_str(&num), "decisions (median)", NULL);
    buf_free(&num);
    if (nsecs) {
        report_fmt_secs(&num, report_median(secs, nsecs));
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
    if (g->typo_of) {
        buf_printf(b, "<p class=\"note typo\"><b>Likely a typo.</b> %zu played with the code ",
                   g->n);
        html_escape(b, S(r, g->session));
        buf_puts(b, ", one character away from session ");
        html_escape(b, S(r, g->typo_of->session));
        buf_printf(b, " (%zu played): probably a mistyped ", g->typo_of->n);
        html_escape(b, S(r, g->typo_of->session));
        buf_puts(b, ". They are counted here, apart from it; they played that session's "
                    "story with another random seed.</p>\n");
    }
    if (g->typed_other)
        buf_printf(b, "<p class=\"note\">%ld of these participants typed the code in other "
                      "capitals or small letters; a code is read without case or spaces at "
                      "either end, so they are counted here.</p>\n",
                   g->typed_other);
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
    long need = report_rank_decisions(r, g);
    emit_first_screen(b, r, g);
    buf_printf(b, "<h2 class=\"details\" id=\"s%zu-details\">The details</h2>\n", g->index);
    emit_ending_lessons(b, r, g);
    emit_decisions(b, r, g, need);
    report_emit_stats(b, r, g);
    report_emit_people(b, r, g);
    buf_puts(b, "</section>\n");
}

char *report_page(Report *r, char **inputs, int ninputs)
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
        report_group_title(&title, r, &r->g[0]);
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
            report_group_title(&b, r, &r->g[i]);
            buf_puts(&b, " &middot; ");
            session_name(&b, r, &r->g[i]);
            buf_printf(&b, "</a> (%zu played)", r->g[i].n);
            if (r->g[i].typo_of) {
                buf_puts(&b, " <span class=\"typo\">probably a mistyped ");
                html_escape(&b, S(r, r->g[i].typo_of->session));
                buf_puts(&b, "</span>");
            }
            buf_puts(&b, "</li>\n");
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

