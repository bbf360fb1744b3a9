/* xlsx.c: the report as a spreadsheet workbook (.xlsx, written by libxlsxwriter, Debian's
 * libxlsxwriter-dev): a "Summary" sheet (each section's story, session and participants, and
 * how the endings fell), "Participants" (the columns of --participants-csv) and "Decisions"
 * (the rows of --csv; past a sheet's 1,048,575 rows they go on in "Decisions 2", ...). Each
 * sheet has a bold header row, frozen, with a filter on it, and columns as wide as what they
 * hold (at most 60 characters). Counts, seconds and stat values are numbers, shares are
 * numbers shown as percentages; results files hold no dates. Texts are stored as text, never
 * as formulas (so, unlike the CSVs, a name such as =1+1 needs no quote mark in front).
 *
 * Rows are written in order in libxlsxwriter's constant_memory mode (a row at a time through
 * its temporary files), so memory does not grow with the participants. The workbook is
 * written to a temporary file beside the target, synced, then renamed over it (outfile.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "tools/report/report.h"

#define WIDTH_MAX 60.0 /* characters: longer texts are cut off on screen, not in the cell */
#define CELL_MAX 32767 /* bytes of text in a cell at most (Excel's limit is characters) */

typedef struct Sheet {
    lxw_worksheet *ws;
    double *width; /* per column, in characters */
    size_t ncol;
    lxw_row_t row; /* the row being written */
    lxw_error err; /* the first error */
} Sheet;

typedef struct Book {
    lxw_workbook *wb;
    lxw_format *bold, *share;
    lxw_error err;
    Buf clean;
} Book;

/* Characters in a UTF-8 string (bytes that do not continue a sequence). */
static size_t chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static void widen(Sheet *sh, size_t col, double w)
{
    if (col < sh->ncol && w > sh->width[col])
        sh->width[col] = w > WIDTH_MAX ? WIDTH_MAX : w;
}

static void note_error(Sheet *sh, lxw_error e)
{
    if (e != LXW_NO_ERROR && sh->err == LXW_NO_ERROR)
        sh->err = e;
}

/* A text cell; nothing for an empty text. Control characters a worksheet cannot hold become
 * U+FFFD, and a text longer than a cell holds is cut at a character. */
static void put_text(Book *bk, Sheet *sh, size_t col, const char *s, lxw_format *fmt)
{
    if (!s || !*s)
        return;
    size_t n = 0;
    bool odd = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++, n++)
        odd |= *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r';
    if (odd || n > CELL_MAX) {
        Buf *c = &bk->clean;
        c->len = 0;
        size_t i = 0;
        for (; i < n && c->len < CELL_MAX - 3; i++) {
            unsigned char ch = (unsigned char)s[i];
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
                buf_puts(c, "\xEF\xBF\xBD");
            else
                buf_putc(c, (char)ch);
        }
        if (i < n) { /* cut: not inside a character */
            while (c->len && ((unsigned char)c->s[c->len - 1] & 0xC0) == 0x80)
                c->len--; /* back to a sequence's first byte */
            if (c->len && (unsigned char)c->s[c->len - 1] >= 0xC0)
                c->len--; /* and without it */
        }
        c->s[c->len] = '\0';
        s = c->s;
        n = c->len;
    }
    note_error(sh, worksheet_write_string(sh->ws, sh->row, (lxw_col_t)col, s, fmt));
    widen(sh, col, (double)chars(s, n) + 2);
}

/* A number cell; nothing for MISSING. */
static void put_num(Sheet *sh, size_t col, double v, lxw_format *fmt)
{
    note_error(sh, worksheet_write_number(sh->ws, sh->row, (lxw_col_t)col, v, fmt));
    int k = 1; /* the characters it shows: counted for whole numbers (snprintf was a tenth of
                  the workbook's instructions), printed for others */
    if (v > -1e9 && v < 1e9 && v == (double)(long)v) {
        for (long u = labs((long)v); u >= 10; u /= 10)
            k++;
        k += v < 0;
    } else {
        char t[32];
        k = snprintf(t, sizeof t, "%g", v);
    }
    widen(sh, col, (double)(k > 0 ? k : 1) + 2);
}

static void put_int(Sheet *sh, size_t col, int v)
{
    if (v != MISSING)
        put_num(sh, col, v, NULL);
}

/* A new sheet called name with the header row names[0..n). */
static void sheet_open(Book *bk, Sheet *sh, const char *name, const char *const *names, size_t n)
{
    memset(sh, 0, sizeof *sh);
    sh->ws = workbook_add_worksheet(bk->wb, name);
    sh->ncol = n;
    sh->width = xcalloc(n ? n : 1, sizeof *sh->width);
    if (!sh->ws) {
        sh->err = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    for (size_t i = 0; i < n; i++)
        put_text(bk, sh, i, names[i], bk->bold);
    worksheet_freeze_panes(sh->ws, 1, 0);
}

/* Set the widths, the filter on the header row, and free what sh holds. */
static void sheet_close(Book *bk, Sheet *sh)
{
    if (sh->ws && sh->ncol) {
        for (size_t i = 0; i < sh->ncol; i++)
            worksheet_set_column(sh->ws, (lxw_col_t)i, (lxw_col_t)i,
                                 sh->width[i] < 6 ? 6 : sh->width[i], NULL);
        note_error(sh, worksheet_autofilter(sh->ws, 0, 0, sh->row ? sh->row - 1 : 0,
                                            (lxw_col_t)(sh->ncol - 1)));
    }
    if (bk->err == LXW_NO_ERROR)
        bk->err = sh->err;
    free(sh->width);
    sh->width = NULL;
}

/* The header names: fixed[0..nfixed), then each stat column's id and suffix, then
 * "decision_1" .. "decision_ndec". Owned by names (free with free_names). */
static char **header(const Report *r, const char *const *fixed, size_t nfixed, const int *cols,
                     size_t nc, const char *const *suffix, size_t nsuffix, size_t ndec,
                     size_t *n)
{
    *n = nfixed + nc * nsuffix + ndec;
    char **names = xcalloc(*n ? *n : 1, sizeof *names);
    size_t k = 0;
    for (size_t i = 0; i < nfixed; i++)
        names[k++] = xstrdup(fixed[i]);
    for (size_t j = 0; j < nc; j++)
        for (size_t s = 0; s < nsuffix; s++)
            names[k++] = xasprintf("%s%s", S(r, cols[j]), suffix[s]);
    for (size_t d = 0; d < ndec; d++)
        names[k++] = xasprintf("decision_%zu", d + 1);
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* The section's story title as plain text (owned by the story or r; not freed). */
static const char *group_title(const Report *r, const Group *g)
{
    if (g->root && g->root->title)
        return g->root->title;
    if (g->n && g->p[0]->title >= 0 && *S(r, g->p[0]->title))
        return S(r, g->p[0]->title);
    return S(r, g->story);
}

static void write_summary(Book *bk, Report *r)
{
    bool base = false;
    for (size_t i = 0; i < r->ng; i++)
        base |= r->g[i].nbase > 0;
    static const char *const names[] = {"story",   "session", "participants",
                                        "ending",  "verdict", "reached",
                                        "share",   "share in random play"};
    Sheet sh;
    sheet_open(bk, &sh, "Summary", names, base ? 8 : 7);
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t i = 0; i < g->nec; i++) {
            const EndCount *e = &g->ec[i];
            sh.row++;
            put_text(bk, &sh, 0, group_title(r, g), NULL);
            put_text(bk, &sh, 1, *S(r, g->session) ? S(r, g->session) : "(no code)", NULL);
            put_num(&sh, 2, (double)g->n, NULL);
            const Scene *sc = e->ending >= 0 ? report_scene_of(r, g, e->story, e->ending) : NULL;
            Buf label = {0};
            if (e->ending < 0) {
                buf_puts(&label, "Not finished");
            } else {
                const Story *st = report_story_of(r, g, e->story);
                if (g->root && g->root->n_chapters && e->story != g->story)
                    buf_printf(&label, "%s: ", st ? st->title : S(r, e->story));
                char *plain = sc && sc->title ? text_plain(sc->title) : NULL;
                buf_puts(&label, plain ? plain : S(r, e->ending));
                free(plain);
            }
            put_text(bk, &sh, 3, buf_str(&label), NULL);
            buf_free(&label);
            put_text(bk, &sh, 4, sc ? story_verdict_name(sc->verdict) : "", NULL);
            put_num(&sh, 5, (double)e->n, NULL);
            put_num(&sh, 6, report_share(e->n, (long)g->n), bk->share);
            if (base && g->nbase)
                put_num(&sh, 7, report_share(e->base_n, (long)g->nbase), bk->share);
        }
    }
    sh.row++;
    sheet_close(bk, &sh);
}

static void write_participants(Book *bk, Report *r, const int *cols, size_t nc)
{
    static const char *const fixed[] = {"file",   "participant", "anonymous",
                                        "session", "story",      "ending",
                                        "finished", "decisions",  "seconds"};
    size_t most = 0;
    for (size_t i = 0; i < r->nparts; i++)
        if (r->parts[i].nd > most)
            most = r->parts[i].nd;
    size_t room = LXW_COL_MAX - 9 - (nc < LXW_COL_MAX - 9 ? nc : LXW_COL_MAX - 9);
    if (most > room) {
        fprintf(stderr, "ladder: report: the workbook's Participants sheet shows the first %zu "
                        "decisions of %zu (a sheet holds %d columns)\n", room, most, LXW_COL_MAX);
        most = room;
    }
    if (nc > LXW_COL_MAX - 9)
        nc = LXW_COL_MAX - 9;
    static const char *const none[] = {""};
    size_t n;
    char **names = header(r, fixed, 9, cols, nc, none, 1, most, &n);
    Sheet sh;
    sheet_open(bk, &sh, "Participants", (const char *const *)names, n);
    free_names(names, n);
    Buf step = {0};
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            sh.row++;
            double secs = 0;
            for (size_t i = 0; i < p->nd; i++)
                secs += p->d[i].seconds;
            put_text(bk, &sh, 0, p->file, NULL);
            put_text(bk, &sh, 1, S(r, p->player), NULL);
            put_text(bk, &sh, 2, p->anonymous ? "yes" : "no", NULL);
            put_text(bk, &sh, 3, S(r, p->session), NULL);
            put_text(bk, &sh, 4, S(r, p->story), NULL);
            put_text(bk, &sh, 5, p->ended ? S(r, p->ending) : "", NULL);
            put_text(bk, &sh, 6, p->ended ? "yes" : "no", NULL);
            put_num(&sh, 7, (double)p->nd, NULL);
            put_num(&sh, 8, secs, NULL);
            for (size_t j = 0; j < nc; j++)
                put_int(&sh, 9 + j, report_final_value(p, cols[j]));
            for (size_t k = 0; k < most && k < p->nd; k++) {
                step.len = 0; /* scene/choice, as the page's data-id */
                buf_puts(&step, S(r, p->d[k].scene));
                buf_putc(&step, '/');
                buf_puts(&step, S(r, p->d[k].choice));
                put_text(bk, &sh, 9 + nc + k, buf_str(&step), NULL);
            }
        }
    }
    buf_free(&step);
    sh.row++;
    sheet_close(bk, &sh);
}

static void write_decisions(Book *bk, Report *r, const int *cols, size_t nc)
{
    static const char *const fixed[] = {"file",    "story",  "session", "player",
                                        "ending",  "chapter", "decision", "scene",
                                        "choice",  "text",   "seconds", "forced"};
    static const char *const suffix[] = {"_before", "_after"};
    if (nc > (LXW_COL_MAX - 12) / 2)
        nc = (LXW_COL_MAX - 12) / 2;
    size_t n;
    char **names = header(r, fixed, 12, cols, nc, suffix, 2, 0, &n);
    Sheet sh;
    int part = 1;
    sheet_open(bk, &sh, "Decisions", (const char *const *)names, n);
    for (size_t gi = 0; gi < r->ng; gi++) {
        const Group *g = &r->g[gi];
        for (size_t pi = 0; pi < g->n; pi++) {
            const Part *p = g->p[pi];
            for (size_t i = 0; i < p->nd; i++) {
                const Dec *d = &p->d[i];
                if (sh.row + 1 >= LXW_ROW_MAX) { /* the sheet is full: go on in the next */
                    sh.row++;
                    sheet_close(bk, &sh);
                    char title[32];
                    snprintf(title, sizeof title, "Decisions %d", ++part);
                    sheet_open(bk, &sh, title, (const char *const *)names, n);
                }
                sh.row++;
                put_text(bk, &sh, 0, p->file, NULL);
                put_text(bk, &sh, 1, S(r, p->story), NULL);
                put_text(bk, &sh, 2, S(r, p->session), NULL);
                put_text(bk, &sh, 3, S(r, p->player), NULL);
                put_text(bk, &sh, 4, p->ended ? S(r, p->ending) : "", NULL);
                put_text(bk, &sh, 5, S(r, d->story), NULL);
                put_num(&sh, 6, (double)(i + 1), NULL);
                put_text(bk, &sh, 7, S(r, d->scene), NULL);
                put_text(bk, &sh, 8, S(r, d->choice), NULL);
                if (strchr(S(r, d->text), '*')) { /* the choice as prose, no markup */
                    char *prose = text_plain(S(r, d->text));
                    put_text(bk, &sh, 9, prose, NULL);
                    free(prose);
                } else {
                    put_text(bk, &sh, 9, S(r, d->text), NULL);
                }
                put_num(&sh, 10, d->seconds, NULL);
                put_text(bk, &sh, 11, S(r, d->forced), NULL);
                for (size_t j = 0; j < nc; j++) {
                    int bv = MISSING, av = MISSING;
                    for (int k = 0; k < d->nsv; k++)
                        if (d->sv[k].stat == cols[j]) {
                            bv = d->sv[k].before;
                            av = d->sv[k].after;
                        }
                    put_int(&sh, 12 + 2 * j, bv);
                    put_int(&sh, 13 + 2 * j, av);
                }
            }
        }
    }
    free_names(names, n);
    sh.row++;
    sheet_close(bk, &sh);
}

int report_xlsx(Report *r, const char *path, Err *err)
{
    ReportFile f;
    if (report_file_open(&f, path, err) != 0)
        return -1;
    close(f.fd); /* libxlsxwriter writes it by name */
    f.fd = -1;
    size_t total = 0;
    for (size_t i = 0; i < r->nparts; i++)
        total += r->parts[i].nd;
    /* ZIP64 only when a sheet's XML may pass 4 GB (some readers do not know it) */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL,
                                .use_zip64 = total > 5000000 ? LXW_TRUE : LXW_FALSE};
    Book bk = {0};
    bk.wb = workbook_new_opt(f.tmp, &opt);
    if (!bk.wb) {
        err_set(err, "cannot write %s: libxlsxwriter could not start a workbook", path);
        report_file_abandon(&f);
        return -1;
    }
    /* the title a file browser and the spreadsheet's properties show: --title or the story's */
    lxw_doc_properties props = {0};
    const char *title = r->title ? r->title : r->ng ? group_title(r, &r->g[0]) : "";
    props.title = (char *)(uintptr_t)title;
    props.subject = (char *)(uintptr_t) "Workshop results (ladder report)";
    workbook_set_properties(bk.wb, &props);
    bk.bold = workbook_add_format(bk.wb);
    format_set_bold(bk.bold);
    bk.share = workbook_add_format(bk.wb);
    format_set_num_format(bk.share, "0.0%");
    size_t nc;
    int *cols = report_stat_columns(r, &nc);
    write_summary(&bk, r);
    write_participants(&bk, r, cols, nc);
    write_decisions(&bk, r, cols, nc);
    free(cols);
    buf_free(&bk.clean);
    lxw_error e = workbook_close(bk.wb); /* frees the workbook */
    if (bk.err == LXW_NO_ERROR)
        bk.err = e;
    if (bk.err != LXW_NO_ERROR) {
        err_set(err, "cannot write %s: %s", path, lxw_strerror(bk.err));
        report_file_abandon(&f);
        return -1;
    }
    return report_file_close(&f, err);
}
