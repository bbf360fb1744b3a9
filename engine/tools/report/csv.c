/* csv.c: the report's CSVs: one row per decision per participant, and one row per
 * participant (RFC 4180 quoting, CRLF line ends; fields that a spreadsheet would take for a
 * formula are prefixed with '; on request a UTF-8 byte-order mark, which spreadsheets need to
 * read the file as UTF-8). A choice's text is written as plain prose, its markup left out.
 *
 * At 20,000 participants the per-decision CSV is about 360,000 rows (87 MB): every interned
 * string is quoted once (CsvCells) and copied into each row that shows it, a row's room is
 * reserved once, so a row costs copies, not a scan of each cell, and the rows go to the file
 * a megabyte at a time (outfile.c) instead of being held whole. Profiled with callgrind at
 * 20,000 files: both CSVs took 2.55 billion instructions, 0.55 after this. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tools/report/report.h"

/* ---- CSV ---- */

/* True if a cell holding s would be read as a formula by a spreadsheet. */
static bool formula_like(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]);
}

static void csv_field(Buf *b, const char *s, bool text)
{
    if (!s)
        s = "";
    /* a cell a spreadsheet would read as a formula starts with a quote mark instead */
    bool formula = text && formula_like(s);
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

/* Every interned string of a report as a CSV text cell (csv_field), made once. */
typedef struct CsvCells {
    Buf text;      /* the cells, one after another */
    size_t *off;   /* cell i at text.s + off[i], len[i] bytes */
    size_t *len;
    size_t *raw;   /* strlen of the string itself */
    bool *plain;   /* no quoting in it (, " CR LF) */
    /* the string as prose without its markup (text_plain: "*acting*" is "acting"), for the
     * choice's text column: at prose_off[i], prose_len[i] bytes of text */
    size_t *prose_off;
    size_t *prose_len;
    size_t n;
} CsvCells;

static void cells_make(CsvCells *c, const Report *r)
{
    memset(c, 0, sizeof *c);
    c->n = r->s.n;
    c->off = xcalloc(c->n + 1, sizeof *c->off);
    c->len = xcalloc(c->n + 1, sizeof *c->len);
    c->raw = xcalloc(c->n + 1, sizeof *c->raw);
    c->plain = xcalloc(c->n + 1, sizeof *c->plain);
    for (size_t i = 0; i < c->n; i++) {
        const char *s = r->s.v[i];
        c->off[i] = c->text.len;
        csv_field(&c->text, s, true);
        c->len[i] = c->text.len - c->off[i];
        c->raw[i] = strlen(s);
        c->plain[i] = !strpbrk(s, ",\"\r\n");
    }
    c->prose_off = xcalloc(c->n + 1, sizeof *c->prose_off);
    c->prose_len = xcalloc(c->n + 1, sizeof *c->prose_len);
    for (size_t i = 0; i < c->n; i++) {
        c->prose_off[i] = c->off[i];
        c->prose_len[i] = c->len[i];
        if (!strchr(r->s.v[i], '*')) /* the markup's one marker (core/text.h) */
            continue;
        char *prose = text_plain(r->s.v[i]);
        c->prose_off[i] = c->text.len;
        csv_field(&c->text, prose, true);
        c->prose_len[i] = c->text.len - c->prose_off[i];
        free(prose);
    }
}

static void cells_free(CsvCells *c)
{
    buf_free(&c->text);
    free(c->off);
    free(c->len);
    free(c->raw);
    free(c->plain);
    free(c->prose_off);
    free(c->prose_len);
}

/* The length of interned string id's cell, as written or as prose (0 for none, id < 0). */
static size_t cell_len_as(const CsvCells *c, int id, bool prose)
{
    return id < 0 ? 0 : prose ? c->prose_len[id] : c->len[id];
}

/* Copy interned string id's cell, as written or as prose, to o; returns the end. */
static char *put_cell_as(char *o, const CsvCells *c, int id, bool prose)
{
    if (id < 0)
        return o;
    size_t len = cell_len_as(c, id, prose);
    memcpy(o, c->text.s + (prose ? c->prose_off[id] : c->off[id]), len);
    return o + len;
}

#define cell_len(c, id) cell_len_as((c), (id), false)
#define put_cell(o, c, id) put_cell_as((o), (c), (id), false)
#define prose_len(c, id) cell_len_as((c), (id), true)
#define put_prose(o, c, id) put_cell_as((o), (c), (id), true)

/* Make room for n more bytes and a NUL at the end of b; returns where they go. */
static char *reserve(Buf *b, size_t n)
{
    util_grow(&b->s, &b->cap, b->len + n + 1, 1);
    return b->s + b->len;
}

/* Close what was written from b->s + b->len to o. */
static void commit(Buf *b, char *o)
{
    b->len = (size_t)(o - b->s);
    b->s[b->len] = '\0';
}

#define INT_CELL_MAX 12 /* ",-2147483648" */
#define SECS_CELL_MAX 40

/* ",N" at o, or "," when v is MISSING; returns the end. */
static char *put_int(char *o, int v)
{
    *o++ = ',';
    if (v == MISSING)
        return o;
    char t[16], *e = t + sizeof t, *p = e;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    memcpy(o, p, (size_t)(e - p));
    return o + (e - p);
}

/* ",S" at o where S is seconds as "%g" writes them: whole numbers under a million (what
 * results files hold: 0, or a few seconds) digit by digit, anything else through snprintf. */
static char *put_secs(char *o, double v)
{
    if (v >= 0 && v < 1e6 && v == (double)(unsigned)v && !signbit(v))
        return put_int(o, (int)v);
    int k = snprintf(o, SECS_CELL_MAX, ",%g", v);
    return o + (k > 0 && k < SECS_CELL_MAX ? k : 0);
}

int *report_stat_columns(const Report *r, size_t *n)
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

/* The column of each interned id that is a stat column, -1 for the others. malloc'd. */
static int *column_of(const Report *r, const int *cols, size_t nc)
{
    int *at = xmalloc((r->s.n + 1) * sizeof *at);
    for (size_t i = 0; i <= r->s.n; i++)
        at[i] = -1;
    for (size_t j = nc; j-- > 0;) /* the first column of an id, as a scan would find */
        if (cols[j] >= 0 && (size_t)cols[j] < r->s.n)
            at[cols[j]] = (int)j;
    return at;
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

void report_csv(Report *r, bool bom, ReportFile *f)
{
    size_t nc;
    int *cols = report_stat_columns(r, &nc);
    int *col_at = column_of(r, cols, nc);
    int *before = xmalloc((nc + 1) * sizeof *before), *after = xmalloc((nc + 1) * sizeof *after);
    CsvCells c;
    cells_make(&c, r);
    Buf *b = &f->b;
    if (bom)
        buf_puts(b, "\xEF\xBB\xBF");
    buf_puts(b, "file,story,session,player,ending,chapter,decision,scene,choice,text,seconds,"
                "forced");
    for (size_t j = 0; j < nc; j++) {
        stat_header(b, r, cols[j], "_before");
        stat_header(b, r, cols[j], "_after");
    }
    buf_puts(b, "\r\n");
    Buf pre = {0}; /* a participant's first five cells, the same on each of their rows */
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            pre.len = 0;
            csv_field(&pre, p->file, true);
            buf_putc(&pre, ',');
            char *o = reserve(&pre, cell_len(&c, p->story) + cell_len(&c, p->session) +
                                        cell_len(&c, p->player) +
                                        (p->ended ? cell_len(&c, p->ending) : 0) + 4);
            o = put_cell(o, &c, p->story);
            *o++ = ',';
            o = put_cell(o, &c, p->session);
            *o++ = ',';
            o = put_cell(o, &c, p->player);
            *o++ = ',';
            if (p->ended)
                o = put_cell(o, &c, p->ending);
            *o++ = ',';
            commit(&pre, o);
            for (size_t i = 0; i < p->nd; i++) {
                const Dec *d = &p->d[i];
                for (size_t j = 0; j < nc; j++)
                    before[j] = after[j] = MISSING;
                for (int k = 0; k < d->nsv; k++) { /* the last value a file gives counts */
                    int s = d->sv[k].stat;
                    int j = s >= 0 && (size_t)s < c.n ? col_at[s] : -1;
                    if (j >= 0) {
                        before[j] = d->sv[k].before;
                        after[j] = d->sv[k].after;
                    }
                }
                o = reserve(b, pre.len + cell_len(&c, d->story) + cell_len(&c, d->scene) +
                                    cell_len(&c, d->choice) + prose_len(&c, d->text) +
                                    cell_len(&c, d->forced) + INT_CELL_MAX + SECS_CELL_MAX +
                                    2 * nc * INT_CELL_MAX + 8);
                memcpy(o, pre.s, pre.len);
                o += pre.len;
                o = put_cell(o, &c, d->story);
                o = put_int(o, (int)(i + 1));
                *o++ = ',';
                o = put_cell(o, &c, d->scene);
                *o++ = ',';
                o = put_cell(o, &c, d->choice);
                *o++ = ',';
                o = put_prose(o, &c, d->text);
                o = put_secs(o, d->seconds);
                *o++ = ',';
                o = put_cell(o, &c, d->forced);
                for (size_t j = 0; j < nc; j++) {
                    o = put_int(o, before[j]);
                    o = put_int(o, after[j]);
                }
                *o++ = '\r';
                *o++ = '\n';
                commit(b, o);
                report_file_flush(f, false);
            }
        }
    }
    buf_free(&pre);
    cells_free(&c);
    free(before);
    free(after);
    free(col_at);
    free(cols);
}

/* The cell "scene/choice" of decision d (as the page's data-id) at o; returns the end. Room:
 * 2 * (both cells' length + 1) + 4. */
static char *put_step(char *o, const Report *r, const CsvCells *c, const Dec *d)
{
    const char *scene = S(r, d->scene);
    if ((d->scene < 0 || (c->plain[d->scene] && !formula_like(scene))) &&
        (d->choice < 0 || c->plain[d->choice])) { /* nothing to quote: the two as they are */
        size_t ns = d->scene < 0 ? 0 : c->raw[d->scene];
        size_t nch = d->choice < 0 ? 0 : c->raw[d->choice];
        memcpy(o, scene, ns);
        o += ns;
        *o++ = '/';
        memcpy(o, S(r, d->choice), nch);
        return o + nch;
    }
    Buf t = {0}, q = {0};
    buf_puts(&t, scene);
    buf_putc(&t, '/');
    buf_puts(&t, S(r, d->choice));
    csv_field(&q, buf_str(&t), true);
    memcpy(o, q.s, q.len);
    o += q.len;
    buf_free(&t);
    buf_free(&q);
    return o;
}

void report_participants_csv(Report *r, bool bom, ReportFile *f)
{
    size_t nc;
    int *cols = report_stat_columns(r, &nc);
    size_t most = 0; /* decision columns: as many as the longest playthrough */
    for (size_t i = 0; i < r->nparts; i++)
        if (r->parts[i].nd > most)
            most = r->parts[i].nd;
    CsvCells c;
    cells_make(&c, r);
    Buf *b = &f->b;
    if (bom)
        buf_puts(b, "\xEF\xBB\xBF");
    buf_puts(b, "file,participant,anonymous,session,story,ending,finished,decisions,seconds");
    for (size_t j = 0; j < nc; j++)
        stat_header(b, r, cols[j], "");
    for (size_t k = 0; k < most; k++)
        buf_printf(b, ",decision_%zu", k + 1);
    buf_puts(b, "\r\n");
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            double secs = 0;
            size_t room = 0;
            for (size_t i = 0; i < p->nd; i++) {
                secs += p->d[i].seconds;
                room += 2 * (cell_len(&c, p->d[i].scene) + cell_len(&c, p->d[i].choice) + 1) + 4;
            }
            csv_field(b, p->file, true);
            char *o = reserve(b, room + most + cell_len(&c, p->player) +
                                      cell_len(&c, p->session) + cell_len(&c, p->story) +
                                      cell_len(&c, p->ending) + 3 * INT_CELL_MAX +
                                      SECS_CELL_MAX + nc * INT_CELL_MAX + 32);
            *o++ = ',';
            o = put_cell(o, &c, p->player);
            memcpy(o, p->anonymous ? ",yes," : ",no,", p->anonymous ? 5 : 4);
            o += p->anonymous ? 5 : 4;
            o = put_cell(o, &c, p->session);
            *o++ = ',';
            o = put_cell(o, &c, p->story);
            *o++ = ',';
            if (p->ended)
                o = put_cell(o, &c, p->ending);
            memcpy(o, p->ended ? ",yes" : ",no", p->ended ? 4 : 3);
            o += p->ended ? 4 : 3;
            o = put_int(o, (int)p->nd);
            o = put_secs(o, secs);
            for (size_t j = 0; j < nc; j++)
                o = put_int(o, report_final_value(p, cols[j]));
            for (size_t k = 0; k < most; k++) {
                *o++ = ',';
                if (k < p->nd)
                    o = put_step(o, r, &c, &p->d[k]);
            }
            *o++ = '\r';
            *o++ = '\n';
            commit(b, o);
            report_file_flush(f, false);
        }
    }
    cells_free(&c);
    free(cols);
}
