/* csv.c: the report's CSVs: one row per decision per participant, and one row per
 * participant (RFC 4180 quoting, CRLF line ends; fields that a spreadsheet would take for a
 * formula are prefixed with '; on request a UTF-8 byte-order mark, which spreadsheets need to
 * read the file as UTF-8). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tools/report/report.h"

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

/* The stat columns: every section's stats in order of first appearance. malloc'd, *n long. */
static int *stat_columns(const Report *r, size_t *n)
{
    int *cols = NULL;
    size_t nc = 0, capc = 0;
    for (size_t i = 0; i < r->ng; i++)
        for (size_t k = 0; k < r->g[i].nst; k++) {
            bool have = false;
            for (size_t j = 0; j < nc && !have; j++)
                have = cols[j] == r->g[i].st[k].id;
            if (!have) {
                util_grow(&cols, &capc, nc + 1, sizeof *cols);
                cols[nc++] = r->g[i].st[k].id;
            }
        }
    *n = nc;
    return cols;
}

/* A header cell: the stat's id and a suffix ("" for none). */
static void stat_header(Buf *b, const Report *r, int id, const char *suffix)
{
    Buf h = {0};
    buf_printf(&h, "%s%s", S(r, id), suffix);
    buf_putc(b, ',');
    csv_field(b, buf_str(&h), true);
    buf_free(&h);
}

/* ",N", or "," when v is MISSING. */
static void int_cell(Buf *b, int v)
{
    buf_putc(b, ',');
    if (v == MISSING)
        return;
    char t[16], *e = t + sizeof t, *p = e;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    buf_add(b, p, (size_t)(e - p));
}

/* ",S" where S is seconds as "%g" writes them: whole numbers under a million (what results
 * files hold: 0, or a few seconds) digit by digit, anything else through printf. */
static void secs_cell(Buf *b, double v)
{
    if (v >= 0 && v < 1e6 && v == (double)(unsigned)v && !signbit(v))
        int_cell(b, (int)v);
    else
        buf_printf(b, ",%g", v);
}

char *report_csv(Report *r, bool bom)
{
    size_t nc;
    int *cols = stat_columns(r, &nc);
    Buf b = {0};
    if (bom)
        buf_puts(&b, "\xEF\xBB\xBF");
    buf_puts(&b, "file,story,session,player,ending,chapter,decision,scene,choice,text,seconds,"
                 "forced");
    for (size_t j = 0; j < nc; j++) {
        stat_header(&b, r, cols[j], "_before");
        stat_header(&b, r, cols[j], "_after");
    }
    buf_puts(&b, "\r\n");
    Buf pre = {0}; /* a participant's first five cells, the same on each of their rows */
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            pre.len = 0;
            csv_field(&pre, p->file, true);
            buf_putc(&pre, ',');
            csv_field(&pre, S(r, p->story), true);
            buf_putc(&pre, ',');
            csv_field(&pre, S(r, p->session), true);
            buf_putc(&pre, ',');
            csv_field(&pre, S(r, p->player), true);
            buf_putc(&pre, ',');
            csv_field(&pre, p->ended ? S(r, p->ending) : "", true);
            buf_putc(&pre, ',');
            for (size_t i = 0; i < p->nd; i++) {
                const Dec *d = &p->d[i];
                buf_add(&b, pre.s, pre.len);
                csv_field(&b, S(r, d->story), true);
                int_cell(&b, (int)(i + 1));
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->scene), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->choice), true);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->text), true);
                secs_cell(&b, d->seconds);
                buf_putc(&b, ',');
                csv_field(&b, S(r, d->forced), true);
                for (size_t j = 0; j < nc; j++) {
                    int bv = MISSING, av = MISSING;
                    for (int k = 0; k < d->nsv; k++)
                        if (d->sv[k].stat == cols[j]) {
                            bv = d->sv[k].before;
                            av = d->sv[k].after;
                        }
                    int_cell(&b, bv);
                    int_cell(&b, av);
                }
                buf_puts(&b, "\r\n");
            }
        }
    }
    buf_free(&pre);
    free(cols);
    return buf_take(&b);
}


char *report_participants_csv(Report *r, bool bom)
{
    size_t nc;
    int *cols = stat_columns(r, &nc);
    size_t most = 0; /* decision columns: as many as the longest playthrough */
    for (size_t i = 0; i < r->nparts; i++)
        if (r->parts[i].nd > most)
            most = r->parts[i].nd;
    Buf b = {0};
    if (bom)
        buf_puts(&b, "\xEF\xBB\xBF");
    buf_puts(&b, "file,participant,anonymous,session,story,ending,finished,decisions,seconds");
    for (size_t j = 0; j < nc; j++)
        stat_header(&b, r, cols[j], "");
    for (size_t k = 0; k < most; k++)
        buf_printf(&b, ",decision_%zu", k + 1);
    buf_puts(&b, "\r\n");
    Buf c = {0};
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            double secs = 0;
            for (size_t i = 0; i < p->nd; i++)
                secs += p->d[i].seconds;
            csv_field(&b, p->file, true);
            buf_putc(&b, ',');
            csv_field(&b, S(r, p->player), true);
            buf_puts(&b, p->anonymous ? ",yes," : ",no,");
            csv_field(&b, S(r, p->session), true);
            buf_putc(&b, ',');
            csv_field(&b, S(r, p->story), true);
            buf_putc(&b, ',');
            csv_field(&b, p->ended ? S(r, p->ending) : "", true);
            buf_printf(&b, ",%s,%zu,%g", p->ended ? "yes" : "no", p->nd, secs);
            for (size_t j = 0; j < nc; j++)
                int_cell(&b, report_final_value(p, cols[j]));
            for (size_t k = 0; k < most; k++) {
                buf_putc(&b, ',');
                if (k >= p->nd)
                    continue;
                c.len = 0; /* scene/choice, as the page's data-id */
                buf_puts(&c, S(r, p->d[k].scene));
                buf_putc(&c, '/');
                buf_puts(&c, S(r, p->d[k].choice));
                csv_field(&b, buf_str(&c), true);
            }
            buf_puts(&b, "\r\n");
        }
    }
    buf_free(&c);
    free(cols);
    return buf_take(&b);
}
