/* workshop.c: `ladder workshop`, room mode for a facilitator. At each decision the room
 * discusses the scene's question, the facilitator types the room's votes (or picks), the
 * option with most votes is taken (the facilitator breaks ties), and the change is shown.
 * `rewind N` goes back to decision N to play the road not taken; both roads stay in the
 * record. At the end a debrief is printed and written as Markdown and HTML. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/session.h"
#include "core/text.h"
#include "tools/explore.h"
#include "ui/ui.h"

/* The room's vote at one decision. */
typedef struct Tally {
    int *counts;  /* per option shown, or NULL when the facilitator simply picked */
    char **texts; /* the options as shown */
    size_t n;
    size_t chosen;
    bool tie; /* the facilitator broke a tie */
} Tally;

/* A played road: its decisions (with the room's tallies) and where it ended. */
typedef struct Road {
    char **scene_text; /* what the room read at each decision */
    Tally *tallies;
    size_t n;
    char *record; /* the road as Markdown lines, kept when the room rewinds past it */
} Road;

typedef struct Room {
    Session *s;
    FILE *in, *out;
    int width;
    int timer;
    bool hide_numbers;
    const char *code;
    const char *out_dir;
    Tally *tallies; /* parallel to the current game's journal */
    size_t n_tallies;
    Buf roads_not_taken; /* Markdown of every road the room rewound away from */
    int n_roads;
    char *md_path, *html_path;
} Room;

static void tally_free(Tally *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->texts[i]);
    free(t->texts);
    free(t->counts);
    memset(t, 0, sizeof *t);
}

static void wrap(Room *r, const char *text, int indent)
{
    char *plain = text_plain(text);
    const char *p = plain;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        int col = indent;
        fprintf(r->out, "%*s", indent, "");
        const char *q = p, *end = p + len;
        bool first = true;
        while (q < end) {
            while (q < end && *q == ' ')
                q++;
            const char *w = q;
            while (q < end && *q != ' ')
                q++;
            if (q == w)
                break;
            int ww = (int)text_width(w, (size_t)(q - w));
            if (!first && col + 1 + ww > r->width) {
                fprintf(r->out, "\n%*s", indent, "");
                col = indent;
                first = true;
            }
            if (!first) {
                fputc(' ', r->out);
                col++;
            }
            fwrite(w, 1, (size_t)(q - w), r->out);
            col += ww;
            first = false;
        }
        fputc('\n', r->out);
        p = nl ? nl + 1 : end;
    }
    free(plain);
}

static bool read_line(Room *r, const char *prompt, char *buf, size_t n)
{
    fprintf(r->out, "%s", prompt);
    fflush(r->out);
    if (!fgets(buf, (int)n, r->in)) {
        fputc('\n', r->out);
        return false;
    }
    if (!isatty(fileno(r->in)))
        fprintf(r->out, "%s%s", buf, strchr(buf, '\n') ? "" : "\n");
    size_t len = strlen(buf);
    while (len && isspace((unsigned char)buf[len - 1]))
        buf[--len] = '\0';
    return true;
}

static void changes_line(Room *r, const Game *g)
{
    if (r->hide_numbers) {
        const Story *s = game_story(g);
        Buf b = {0};
        for (size_t k = 0; k < s->n_stats; k++) {
            int d = game_stat_change(g, k);
            if (d)
                buf_printf(&b, "%s%s %s", b.len ? ", " : "", s->stats[k].label,
                           d > 0 ? "rises" : "falls");
        }
        if (b.len)
            fprintf(r->out, "\n  [%s]\n", buf_str(&b));
        buf_free(&b);
        return;
    }
    Buf b = {0};
    ui_format_changes(g, false, &b);
    if (b.len)
        fprintf(r->out, "\n  [%s]\n", buf_str(&b));
    buf_free(&b);
}

static void show_scene(Room *r)
{
    const Game *g = session_game(r->s);
    const Scene *sc = game_scene(g);
    fprintf(r->out, "\n== Decision %zu%s%s ==\n\n", game_decision_count(g) + 1,
            game_chapter(g) ? ": " : "", game_chapter(g) ? game_chapter(g) : "");
    wrap(r, game_text(g), 0);
    if (game_ended(g))
        return;
    fputc('\n', r->out);
    for (size_t i = 0; i < game_choice_count(g); i++) {
        char head[32];
        snprintf(head, sizeof head, "  %zu. ", i + 1);
        fputs(head, r->out);
        char *plain = text_plain(game_choice_text(g, i));
        fprintf(r->out, "%s\n", plain);
        free(plain);
    }
    if (sc->discuss) {
        fputs("\nFor the room: ", r->out);
        fprintf(r->out, "%s\n", sc->discuss);
    }
    if (r->timer > 0)
        fprintf(r->out, "(Discussion: %d seconds. Start the clock, then enter the votes.)\n",
                r->timer);
    fputs("\nEnter the votes for each option in order (e.g. \"4 2 0\"), or \"pick N\"; also\n"
          "\"rewind N\", \"history\", \"stats\", \"numbers on|off\", \"end\".\n",
          r->out);
}

/* ---- the record ---- */

static void stat_list(Buf *b, const Story *s, const int *before, const int *after, bool md)
{
    bool any = false;
    for (size_t k = 0; k < s->n_stats; k++) {
        int d = after[k] - before[k];
        if (!d)
            continue;
        buf_printf(b, "%s%s %+d", any ? ", " : "", s->stats[k].label, d);
        any = true;
    }
    if (!any)
        buf_puts(b, md ? "no change" : "no change");
}

/* The road being played, as Markdown: one section per decision with the room's vote. */
static void road_markdown(Room *r, Buf *b, bool roads_head)
{
    const Game *g = session_game(r->s);
    const Story *s = game_story(g);
    (void)roads_head;
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        const Scene *sc = &s->scenes[d->scene];
        buf_printf(b, "### Decision %zu: %s\n\n", i + 1, sc->chapter ? sc->chapter : sc->id);
        if (sc->discuss)
            buf_printf(b, "*For the room:* %s\n\n", sc->discuss);
        const Tally *t = i < r->n_tallies ? &r->tallies[i] : NULL;
        if (t && t->n) {
            for (size_t k = 0; k < t->n; k++)
                buf_printf(b, "- %s%s%s%s\n", k == t->chosen ? "**" : "", t->texts[k],
                           k == t->chosen ? "**" : "",
                           t->counts ? "" : (k == t->chosen ? " (picked)" : ""));
            if (t->counts) {
                buf_puts(b, "\nVotes: ");
                for (size_t k = 0; k < t->n; k++)
                    buf_printf(b, "%s%d", k ? ", " : "", t->counts[k]);
                buf_printf(b, "%s\n", t->tie ? " (a tie, broken by the facilitator)" : "");
            }
        } else {
            buf_printf(b, "- **%s**\n", d->text);
        }
        buf_puts(b, "\nWhat it changed: ");
        stat_list(b, s, d->before, d->after, true);
        buf_puts(b, "\n\n");
        const char *lesson = game_decision_lesson(g, i);
        if (lesson)
            buf_printf(b, "> %s\n\n", lesson);
    }
    if (game_ended(g)) {
        const Scene *e = game_scene(g);
        buf_printf(b, "**Ending: %s** (%s)\n\n", e->title, verdict_name(e->verdict));
        if (e->lesson)
            buf_printf(b, "> %s\n\n", e->lesson);
    } else {
        buf_printf(b, "*The road stops here, before decision %zu.*\n\n",
                   game_decision_count(g) + 1);
    }
}

static void html_escape(Buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        default: buf_putc(b, *s);
        }
    }
}

static const char *const COLOURS[] = {"#c8463a", "#2f6fba", "#3c9650", "#aa6e14",
                                      "#8446aa", "#149696", "#be3c82", "#5a5a5a"};

/* An SVG chart of every stat over the decisions of the road being played. */
static void chart_svg(Buf *b, const Game *g)
{
    const Story *s = game_story(g);
    size_t n = game_decision_count(g);
    if (n == 0)
        return;
    int W = 640, H = 220, P = 14;
    buf_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                  "aria-label=\"Stats over the decisions\">\n",
               W, H + 30 + 18 * (int)((s->n_stats + 2) / 3), W, H + 30 + 18 * (int)((s->n_stats + 2) / 3));
    buf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#fffcf6\" "
                  "stroke=\"#c4b6a4\"/>\n",
               W, H);
    for (size_t k = 0; k < s->n_stats; k++) {
        const StatDef *sd = &s->stats[k];
        buf_printf(b, "<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"%s\" points=\"",
                   COLOURS[k % 8]);
        for (size_t i = 0; i <= n; i++) {
            int v = i == 0 ? game_decision(g, 0)->before[k] : game_decision(g, i - 1)->after[k];
            double x = P + (double)(W - 2 * P) * (double)i / (double)n;
            double y = H - P - (double)(H - 2 * P) * (v - sd->min) / (sd->max - sd->min);
            buf_printf(b, "%.1f,%.1f ", x, y);
        }
        buf_puts(b, "\"/>\n");
        int lx = 10 + (int)(k % 3) * 210, ly = H + 22 + (int)(k / 3) * 18;
        buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"8\" fill=\"%s\"/>", lx,
                   ly - 8, COLOURS[k % 8]);
        buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", lx + 20, ly);
        html_escape(b, sd->label);
        buf_puts(b, "</text>\n");
    }
    buf_puts(b, "</svg>\n");
}

/* Markdown to HTML for the few forms the record uses: headings, lists, quotes, **strong**,
 * *emphasis*, paragraphs. */
static void md_to_html(Buf *out, const char *md)
{
    const char *p = md;
    bool in_list = false;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *line = xstrndup(p, len);
        const char *body = line;
        const char *open = "<p>", *close = "</p>";
        if (strncmp(line, "### ", 4) == 0) {
            open = "<h3>", close = "</h3>", body = line + 4;
        } else if (strncmp(line, "## ", 3) == 0) {
            open = "<h2>", close = "</h2>", body = line + 3;
        } else if (strncmp(line, "# ", 2) == 0) {
            open = "<h1>", close = "</h1>", body = line + 2;
        } else if (strncmp(line, "- ", 2) == 0) {
            open = "<li>", close = "</li>", body = line + 2;
        } else if (strncmp(line, "> ", 2) == 0) {
            open = "<blockquote>", close = "</blockquote>", body = line + 2;
        }
        bool item = strcmp(open, "<li>") == 0;
        if (item && !in_list)
            buf_puts(out, "<ul>\n");
        if (!item && in_list)
            buf_puts(out, "</ul>\n");
        in_list = item;
        if (*line) {
            buf_puts(out, open);
            bool strong = false, em = false;
            for (const char *q = body; *q; q++) {
                if (q[0] == '*' && q[1] == '*') {
                    buf_puts(out, strong ? "</strong>" : "<strong>");
                    strong = !strong;
                    q++;
                } else if (*q == '*') {
                    buf_puts(out, em ? "</em>" : "<em>");
                    em = !em;
                } else {
                    char c[2] = {*q, 0};
                    html_escape(out, c);
                }
            }
            if (strong)
                buf_puts(out, "</strong>");
            if (em)
                buf_puts(out, "</em>");
            buf_printf(out, "%s\n", close);
        }
        free(line);
        p = nl ? nl + 1 : p + len;
    }
    if (in_list)
        buf_puts(out, "</ul>\n");
}

static int write_debrief(Room *r)
{
    const Game *g = session_game(r->s);
    const Story *s = game_story(g);
    char when[64];
    time_t t = time(NULL);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
    Buf md = {0};
    buf_printf(&md, "# Debrief: %s\n\n", s->title);
    buf_printf(&md, "Session %s, %s. Seed %llu.\n\n", r->code ? r->code : "(none)", when,
               (unsigned long long)game_seed(g));
    buf_puts(&md, "## The road the room took\n\n");
    road_markdown(r, &md, false);
    buf_puts(&md, "## Where the stats ended\n\n");
    for (size_t k = 0; k < s->n_stats; k++)
        buf_printf(&md, "- %s: %d%s\n", s->stats[k].label, game_stat(g, k),
                   s->stats[k].good == GOOD_LOW ? " (lower is better)" : "");
    buf_puts(&md, "\n");
    if (r->n_roads) {
        buf_puts(&md, "## Roads not taken\n\n");
        buf_add(&md, r->roads_not_taken.s, r->roads_not_taken.len);
    }
    Buf html = {0};
    buf_puts(&html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>");
    html_escape(&html, s->title);
    buf_puts(&html,
             " debrief</title>\n<style>\n"
             "body{font-family:Charis SIL,Georgia,serif;max-width:46em;margin:2em auto;"
             "padding:0 1em;color:#26221e;background:#f7f3eb;line-height:1.5}\n"
             "h1,h2,h3{line-height:1.2}h2{border-bottom:2px solid #964428;padding-bottom:.2em;"
             "margin-top:2em}\nblockquote{margin:.5em 0 1em;padding:.4em 1em;"
             "border-left:4px solid #964428;background:#fffcf6}\n"
             "svg{max-width:100%;height:auto}\n"
             "@media print{body{background:#fff;margin:0}h2{break-after:avoid}"
             "h3{break-after:avoid}}\n</style></head><body>\n");
    const char *chart_at = strstr(buf_str(&md), "## Where the stats ended");
    size_t head = chart_at ? (size_t)(chart_at - md.s) : md.len;
    char *first = xstrndup(md.s, head);
    md_to_html(&html, first);
    free(first);
    buf_puts(&html, "<h2>How the stats moved</h2>\n");
    chart_svg(&html, g);
    md_to_html(&html, md.s + head);
    buf_puts(&html, "</body></html>\n");

    Buf base = {0};
    buf_printf(&base, "%s/workshop-%s-%s", r->out_dir, s->id, r->code ? r->code : "room");
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", localtime(&t));
    buf_printf(&base, "-%s", stamp);
    free(r->md_path);
    free(r->html_path);
    r->md_path = xasprintf("%s.md", buf_str(&base));
    r->html_path = xasprintf("%s.html", buf_str(&base));
    buf_free(&base);
    Err err;
    int rc = 0;
    if (write_file_atomic(r->md_path, md.s, md.len, &err) != 0 ||
        write_file_atomic(r->html_path, html.s, html.len, &err) != 0) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        rc = -1;
    }
    buf_free(&md);
    buf_free(&html);
    return rc;
}

static void show_debrief(Room *r)
{
    const Game *g = session_game(r->s);
    const Scene *e = game_scene(g);
    fprintf(r->out, "\n== The end: %s (%s ending, after %zu decisions) ==\n", e->title,
            verdict_name(e->verdict), game_decision_count(g));
    fputs("\nDebrief: the room's road\n", r->out);
    const Story *s = game_story(g);
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        const Tally *t = i < r->n_tallies ? &r->tallies[i] : NULL;
        Buf line = {0};
        buf_printf(&line, "%zu. %s", i + 1, d->text);
        if (t && t->counts) {
            buf_puts(&line, " (votes");
            for (size_t k = 0; k < t->n; k++)
                buf_printf(&line, " %d", t->counts[k]);
            buf_printf(&line, "%s)", t->tie ? ", tie broken" : "");
        }
        buf_puts(&line, " [");
        stat_list(&line, s, d->before, d->after, false);
        buf_puts(&line, "]");
        wrap(r, buf_str(&line), 2);
        buf_free(&line);
        const char *lesson = game_decision_lesson(g, i);
        if (lesson)
            wrap(r, lesson, 6);
    }
    if (e->lesson) {
        fputc('\n', r->out);
        wrap(r, e->lesson, 0);
    }
    if (write_debrief(r) == 0)
        fprintf(r->out, "\nDebrief written to %s and %s\n", r->md_path, r->html_path);
    fputs("Type \"rewind N\" to play the road not taken from decision N, or \"end\".\n", r->out);
}

/* Rewind to just before decision k (1-based): the road so far goes into the record. */
static void rewind_to(Room *r, long k)
{
    const Game *g = session_game(r->s);
    size_t n = game_decision_count(g);
    if (k < 1 || (size_t)k > n) {
        fprintf(r->out, "There is no decision %ld to go back to (1 to %zu).\n", k, n);
        return;
    }
    r->n_roads++;
    buf_printf(&r->roads_not_taken, "### Road %d (rewound to decision %ld)\n\n", r->n_roads, k);
    road_markdown(r, &r->roads_not_taken, false);
    Err err;
    while (game_decision_count(session_game(r->s)) >= (size_t)k)
        if (session_undo(r->s, &err) != 0)
            break;
    while (r->n_tallies >= (size_t)k)
        tally_free(&r->tallies[--r->n_tallies]);
    fprintf(r->out, "\nBack to decision %ld. The road you left is kept in the debrief.\n", k);
    show_scene(r);
}

static size_t argmax_ties(const int *c, size_t n, size_t *ties)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (c[i] > c[best])
            best = i;
    *ties = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i] == c[best])
            (*ties)++;
    return best;
}

static int decide(Room *r, size_t k, int *counts, bool tie)
{
    const Game *g = session_game(r->s);
    Tally t = {.counts = counts, .n = game_choice_count(g), .chosen = k, .tie = tie};
    t.texts = xcalloc(t.n, sizeof *t.texts);
    for (size_t i = 0; i < t.n; i++)
        t.texts[i] = xstrdup(game_choice_text(g, i));
    Err err;
    if (session_choose(r->s, k, 0, &err) != 0) {
        fprintf(stderr, "ladder: scenario error: %s\n", err.msg);
        tally_free(&t);
        return 1;
    }
    r->tallies = xrealloc(r->tallies, (r->n_tallies + 1) * sizeof *r->tallies);
    r->tallies[r->n_tallies++] = t;
    if (counts) {
        fputs("\nThe room: ", r->out);
        for (size_t i = 0; i < t.n; i++)
            fprintf(r->out, "%s%d for %zu", i ? ", " : "", counts[i], i + 1);
        fprintf(r->out, ". Option %zu it is%s.\n", k + 1, tie ? " (the facilitator's call)" : "");
    }
    changes_line(r, session_game(r->s));
    char *n = session_take_notice(r->s);
    free(n); /* the room does not need save notices */
    if (game_ended(session_game(r->s)))
        show_scene(r), show_debrief(r);
    else
        show_scene(r);
    return 0;
}

static int room_loop(Room *r)
{
    show_scene(r);
    char line[512];
    int status = 0;
    while (read_line(r, "\nroom> ", line, sizeof line)) {
        const Game *g = session_game(r->s);
        size_t n = game_choice_count(g);
        char *p = line;
        while (isspace((unsigned char)*p))
            p++;
        if (!*p)
            continue;
        long k;
        char *end;
        if (strncmp(p, "rewind", 6) == 0) {
            k = strtol(p + 6, &end, 10);
            rewind_to(r, *end ? 0 : k);
        } else if (strcmp(p, "end") == 0 || strcmp(p, "quit") == 0) {
            break;
        } else if (strcmp(p, "history") == 0) {
            for (size_t i = 0; i < game_decision_count(g); i++)
                fprintf(r->out, "  %zu. %s\n", i + 1, game_decision(g, i)->text);
        } else if (strcmp(p, "stats") == 0) {
            const Story *s = game_story(g);
            for (size_t i = 0; i < s->n_stats; i++)
                if (r->hide_numbers)
                    fprintf(r->out, "  %s\n", s->stats[i].label);
                else
                    fprintf(r->out, "  %-28s %3d\n", s->stats[i].label, game_stat(g, i));
        } else if (strncmp(p, "numbers", 7) == 0) {
            r->hide_numbers = strstr(p, "off") != NULL;
            fprintf(r->out, "Stat numbers %s.\n", r->hide_numbers ? "hidden" : "shown");
        } else if (game_ended(g)) {
            fputs("The story has ended: \"rewind N\" or \"end\".\n", r->out);
        } else if (strncmp(p, "pick", 4) == 0 ||
                   (strtol(p, &end, 10), !*end && strchr(p, ' ') == NULL)) {
            k = strtol(strncmp(p, "pick", 4) == 0 ? p + 4 : p, &end, 10);
            if (*end || k < 1 || (size_t)k > n)
                fprintf(r->out, "Pick a number from 1 to %zu.\n", n);
            else
                status |= decide(r, (size_t)k - 1, NULL, false);
        } else {
            int *counts = xcalloc(n, sizeof *counts);
            size_t got = 0;
            bool bad = false;
            for (char *q = p; *q && !bad;) {
                while (isspace((unsigned char)*q))
                    q++;
                if (!*q)
                    break;
                long v = strtol(q, &end, 10);
                if (end == q || v < 0 || v > 100000 || got == n)
                    bad = true;
                else
                    counts[got++] = (int)v;
                q = end;
            }
            if (bad || got != n) {
                fprintf(r->out, "Give %zu vote counts, one per option, or \"pick N\".\n", n);
                free(counts);
                continue;
            }
            size_t ties, best = argmax_ties(counts, n, &ties);
            bool tie = ties > 1;
            if (tie) {
                Buf q = {0};
                buf_puts(&q, "A tie between");
                for (size_t i = 0; i < n; i++)
                    if (counts[i] == counts[best])
                        buf_printf(&q, " %zu", i + 1);
                buf_puts(&q, ". Facilitator, your call: ");
                char pick[64];
                long v = 0;
                while (read_line(r, buf_str(&q), pick, sizeof pick)) {
                    v = strtol(pick, &end, 10);
                    if (!*end && v >= 1 && (size_t)v <= n && counts[v - 1] == counts[best])
                        break;
                    v = 0;
                }
                buf_free(&q);
                if (!v) {
                    free(counts);
                    break;
                }
                best = (size_t)v - 1;
            }
            status |= decide(r, best, counts, tie);
        }
    }
    if (game_decision_count(session_game(r->s)) > 0 && write_debrief(r) == 0)
        fprintf(r->out, "Debrief written to %s and %s\n", r->md_path, r->html_path);
    return status;
}

static const char *const usage_workshop =
    "Usage: ladder workshop STORY [--session CODE] [--timer SECONDS] [--hide-numbers]\n"
    "                             [--out DIR]\n"
    "\n"
    "Room mode: play STORY in front of a room. At each decision the room discusses the\n"
    "scene's question; type the room's votes for each option (\"4 2 0\") or \"pick N\". The\n"
    "option with most votes is taken; you break ties. \"rewind N\" goes back to decision N to\n"
    "play the road not taken (both roads stay in the record). At the end the debrief is shown\n"
    "and written to DIR (default: the current folder) as Markdown and HTML.\n"
    "\n"
    "  --session CODE    the session's code: the seed participants with the same code play\n"
    "  --timer SECONDS   announce a discussion time at each decision\n"
    "  --hide-numbers    show which stats rose or fell, not by how much\n"
    "  --out DIR         where to write the debrief\n"
    "  -h, --help        show this help and exit\n";

int tool_workshop(int argc, char **argv)
{
    static const struct option opts[] = {{"session", required_argument, NULL, 'c'},
                                         {"timer", required_argument, NULL, 't'},
                                         {"hide-numbers", no_argument, NULL, 'n'},
                                         {"out", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    Room r = {.in = stdin, .out = stdout, .out_dir = "."};
    UiConfig cfg = ui_config_default();
    r.width = cfg.width;
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': r.code = optarg; break;
        case 't':
            r.timer = (int)strtol(optarg, &end, 10);
            if (*end || r.timer < 1 || r.timer > 3600) {
                fprintf(stderr, "ladder: --timer takes seconds from 1 to 3600\n");
                return 2;
            }
            break;
        case 'n': r.hide_numbers = true; break;
        case 'o': r.out_dir = optarg; break;
        case 'h': fputs(usage_workshop, stdout); return 0;
        default: fprintf(stderr, "Try 'ladder workshop --help' for more information.\n"); return 2;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "ladder: workshop needs one STORY\nTry 'ladder workshop --help' for more "
                        "information.\n");
        return 2;
    }
    Err err;
    Story *s = catalog_open(argv[optind], &err);
    if (!s) {
        fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", err.msg);
        return 1;
    }
    SessionOptions so = {.seed_given = r.code != NULL,
                         .seed = r.code ? session_seed_for_code(r.code) : 0,
                         .player = "the room"};
    r.s = session_open(s, &so, &err);
    if (!r.s) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    const Story *st = session_story(r.s);
    fprintf(r.out, "LADDER workshop: %s%s%s\n", st->title, r.code ? ", session " : "",
            r.code ? r.code : "");
    if (st->content_note)
        wrap(&r, st->content_note, 0);
    int rc = room_loop(&r);
    for (size_t i = 0; i < r.n_tallies; i++)
        tally_free(&r.tallies[i]);
    free(r.tallies);
    buf_free(&r.roads_not_taken);
    free(r.md_path);
    free(r.html_path);
    session_free(r.s);
    return rc;
}
