/* page_stats.c: the report page's stat charts (every participant's line, the median, the
 * baseline) and its table of participants. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "out/html.h"
#include "tools/report/report.h"

static const Report *sort_report; /* for qsort */

static double *series(const Part *const *parts, size_t n, int id, size_t len)
{
    double *m = xmalloc((n ? n : 1) * len * sizeof *m);
    for (size_t i = 0; i < n; i++)
        for (size_t x = 0; x < len; x++) {
            int v = x <= parts[i]->nd ? report_value_at(parts[i], id, x) : MISSING;
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
        out[x] = k > 0 && k * 4 >= n ? report_median(col, k) : (double)NAN;
    }
    free(col);
}

/* The q-quantile of sorted v[0..n) (0 <= q <= 1), interpolated between the two nearest
 * values (Hyndman and Fan's type 7, as R and spreadsheets compute it). */
static double quantile(const double *v, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    return lo + 1 < n ? v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]) : v[n - 1];
}

/* At each x, the 10th, 25th, 75th and 90th percentiles of those with a value (out[k * len +
 * x], k in that order), while at least a quarter of them have one (NAN after). */
static void band_lines(const double *m, size_t n, size_t len, double *out)
{
    static const double q[4] = {0.10, 0.25, 0.75, 0.90};
    double *col = xmalloc((n ? n : 1) * sizeof *col);
    for (size_t x = 0; x < len; x++) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (!isnan(m[i * len + x]))
                col[k++] = m[i * len + x];
        report_median(col, k); /* sorts col */
        for (size_t j = 0; j < 4; j++)
            out[j * len + x] = k > 0 && k * 4 >= n ? quantile(col, k, q[j]) : (double)NAN;
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
    bool banded = g->n > BAND_MIN;
    /* the same path drawn once, darker the more people took it; at scale, bands instead */
    HtmlSeries *ser = xcalloc((banded ? 0 : g->n) + 4, sizeof *ser);
    size_t *count = xcalloc(g->n ? g->n : 1, sizeof *count);
    size_t nser = 0;
    size_t nslot = 16;
    while (!banded && nslot < g->n * 2)
        nslot *= 2;
    size_t *slot = xcalloc(nslot, sizeof *slot); /* series index + 1 */
    double *band = NULL;
    if (banded) {
        band = xmalloc(4 * len * sizeof *band);
        band_lines(m, g->n, len, band);
        ser[nser++] = (HtmlSeries){band + 3 * len, len, "band90", 0, false, band};
        ser[nser++] = (HtmlSeries){band + 2 * len, len, "band75", 0, false, band + len};
    }
    for (size_t i = 0; i < g->n && !banded; i++) {
        const double *y = &m[i * len];
        size_t h = (size_t)fnv1a64(FNV1A64_INIT, y, len * sizeof *y) & (nslot - 1);
        while (slot[h] && memcmp(ser[slot[h] - 1].y, y, len * sizeof *y) != 0)
            h = (h + 1) & (nslot - 1);
        if (slot[h]) {
            count[slot[h] - 1]++;
            continue;
        }
        slot[h] = nser + 1;
        ser[nser] = (HtmlSeries){y, rp[i]->nd + 1, "line", 0, false, NULL};
        count[nser++] = 1;
    }
    /* many lines overlap where stats move in steps: the more participants, the fainter */
    double faint = g->n < 20 ? 0.3 : g->n < 100 ? 0.15 : 0.07;
    for (size_t i = 0; i < nser && !banded; i++) {
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
            report_first_last(&g->base[i], si->id, &v0, &v);
            if (v != MISSING)
                fv[k++] = v;
        }
        base_end = report_median(fv, k);
        free(fv);
        free(bp);
        ser[nser++] = (HtmlSeries){bmed, len, "base", 0, true, NULL};
    }
    ser[nser++] = (HtmlSeries){med, len, "median", 0, true, NULL};
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
        report_first_last(g->p[i], si->id, &s0, &v);
        if (v != MISSING)
            fv[k++] = v;
        if (s0 != MISSING)
            sv[ks++] = s0;
    }
    double start = report_median(sv, ks), end = report_median(fv, k);
    buf_puts(b, "<p class=\"stat-sum\">");
    buf_puts(b, g->root && g->root->n_chapters ? "first " : "start ");
    report_fmt_num(b, start);
    buf_puts(b, g->root && g->root->n_chapters ? " &rarr; last " : " &rarr; at the end ");
    report_fmt_num(b, end);
    buf_puts(b, " (median");
    if (k > 1)
        buf_printf(b, ", range %.0f&ndash;%.0f", fv[0], fv[k - 1]);
    buf_puts(b, ")");
    if (g->nbase) {
        buf_puts(b, " &middot; random play ");
        report_fmt_num(b, base_end);
    }
    buf_puts(b, "</p></figure>\n");
    free(fv);
    free(sv);
    free(band);
    free(slot);
    free(count);
    free(ser);
    free(med);
    free(bmed);
    free(bm);
    free(m);
    free(rp);
}

void report_emit_stats(Buf *b, Report *r, const Group *g)
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
    if (g->n > BAND_MIN)
        buf_puts(b, "<div class=\"legend\"><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">"
                    "<rect width=\"30\" height=\"10\" fill=\"#6f94c8\" fill-opacity=\".55\"/>"
                    "</svg>the middle half of the room (25th to 75th percentile)</span><span>"
                    "<svg viewBox=\"0 0 30 10\" aria-hidden=\"true\"><rect width=\"30\" "
                    "height=\"10\" fill=\"#6f94c8\" fill-opacity=\".22\"/></svg>four in five "
                    "(10th to 90th)</span><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">");
    else
        buf_puts(b, "<div class=\"legend\"><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">"
                "<line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#6f94c8\" "
                "stroke-width=\"1.5\" stroke-opacity=\".6\"/></svg>one participant (darker: a "
                "path many took)</span><span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\">");
    buf_puts(b, "<line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#102c4f\" "
                "stroke-width=\"3.5\"/></svg>the room's median</span>");
    if (g->nbase)
        buf_puts(b, "<span><svg viewBox=\"0 0 30 10\" aria-hidden=\"true\"><line x1=\"0\" "
                    "y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#596170\" stroke-width=\"2.5\" "
                    "stroke-dasharray=\"6 4\"/></svg>median of random play</span>");
    buf_puts(b, "</div>\n<p class=\"lead\">Each stat after every decision (0: the start). The "
                "medians");
    if (g->n > BAND_MIN)
        buf_printf(b, " and bands (drawn instead of a line per participant above %d)", BAND_MIN);
    buf_puts(b, " are drawn while at least a quarter are still playing.</p>\n"
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

void report_emit_people(Buf *b, Report *r, const Group *g)
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
        report_player_name(b, r, p);
        buf_puts(b, "</td><td class=\"end\">");
        if (p->ended) {
            const Scene *sc = report_scene_of(r, g, p->ending_story, p->ending);
            buf_printf(b, "<span class=\"tag %s\">%s</span>", report_verdict_class(sc),
                       sc ? story_verdict_name(sc->verdict) : "ending");
            if (sc && sc->title)
                html_markup(b, sc->title);
            else
                html_escape(b, S(r, p->ending));
        } else {
            buf_puts(b, "<span class=\"tag\">open</span>not finished");
        }
        buf_printf(b, "</td><td class=\"num\">%zu</td>", p->nd);
        for (size_t k = 0; k < g->nst; k++) {
            int v = report_final_value(p, g->st[k].id);
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

