/* csv.c: the report's CSV: one row per decision per participant (RFC 4180 quoting; fields
 * that a spreadsheet would take for a formula are prefixed with '). */
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

char *report_csv(Report *r)
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
                util_grow(&cols, &capc, nc + 1, sizeof *cols);
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

