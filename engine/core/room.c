/* room.c: the record of a workshop room and its debrief. */
#include "core/room.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/game.h"
#include "core/utf8.h"

struct Room {
    Session *s;
    char *code, *out_dir;
    RoomTally *tallies; /* parallel to the current game's journal */
    size_t n_tallies;
    Buf roads_not_taken; /* Markdown of every road the room rewound away from */
    int n_roads;
    char *md_path, *html_path;
};

static void tally_free(RoomTally *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->texts[i]);
    free(t->texts);
    free(t->counts);
    memset(t, 0, sizeof *t);
}

Room *room_new(Session *s, const char *code, const char *out_dir)
{
    Room *r = xcalloc(1, sizeof *r);
    r->s = s;
    r->code = xstrdup(code);
    r->out_dir = xstrdup(out_dir ? out_dir : ".");
    return r;
}

void room_free(Room *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_tallies; i++)
        tally_free(&r->tallies[i]);
    free(r->tallies);
    buf_free(&r->roads_not_taken);
    free(r->md_path);
    free(r->html_path);
    free(r->code);
    free(r->out_dir);
    free(r);
}

Session *room_session(Room *r) { return r->s; }
const char *room_code(const Room *r) { return r->code; }
int room_roads_not_taken(const Room *r) { return r->n_roads; }

const RoomTally *room_tally(const Room *r, size_t i)
{
    return i < r->n_tallies ? &r->tallies[i] : NULL;
}

size_t room_winner(const int *counts, size_t n, size_t *ties)
{
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (counts[i] > counts[best])
            best = i;
    *ties = 0;
    for (size_t i = 0; i < n; i++)
        if (counts[i] == counts[best])
            (*ties)++;
    return best;
}

int room_decide(Room *r, size_t choice, const int *counts, bool tie, Err *err)
{
    const Game *g = session_game(r->s);
    RoomTally t = {.n = game_choice_count(g), .chosen = choice, .tie = tie};
    t.texts = xcalloc(t.n ? t.n : 1, sizeof *t.texts);
    for (size_t i = 0; i < t.n; i++)
        t.texts[i] = xstrdup(game_choice_text(g, i));
    if (counts) {
        t.counts = xcalloc(t.n ? t.n : 1, sizeof *t.counts);
        memcpy(t.counts, counts, t.n * sizeof *t.counts);
    }
    int rc = session_choose(r->s, choice, 0, err);
    if (rc != 0) {
        tally_free(&t);
        return rc;
    }
    r->tallies = xrealloc(r->tallies, (r->n_tallies + 1) * sizeof *r->tallies);
    r->tallies[r->n_tallies++] = t;
    return 0;
}


void room_stat_changes(Buf *b, const Story *s, const int *before, const int *after)
{
    size_t len = b->len;
    story_format_changes(s, before, after, true, b);
    if (b->len == len)
        buf_puts(b, "no change");
}

/* The road being played, as Markdown: one section per decision with the room's vote. */
static void road_markdown(Room *r, Buf *b)
{
    const Game *g = session_game(r->s);
    const Story *s = game_story(g);
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        const Scene *sc = &s->scenes[d->scene];
        buf_printf(b, "### Decision %zu: %s\n\n", i + 1, sc->chapter ? sc->chapter : sc->id);
        if (sc->discuss)
            buf_printf(b, "*For the room:* %s\n\n", sc->discuss);
        const RoomTally *t = room_tally(r, i);
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
        room_stat_changes(b, s, d->before, d->after);
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

int room_write_debrief(Room *r, const char **md_out, const char **html_out, Err *err)
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
    road_markdown(r, &md);
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
    /* the story's strings as the terminal shows them (a Markdown file gets read with cat),
     * and the page in valid UTF-8, as its charset says */
    Buf md_safe = {0}, html_safe = {0};
    utf8_visible(buf_str(&md), md.len, UTF8_KEEP_LAYOUT, &md_safe);
    utf8_repair(buf_str(&html), html.len, &html_safe);
    int rc = 0;
    if (write_file_atomic(r->md_path, buf_str(&md_safe), md_safe.len, err) != 0 ||
        write_file_atomic(r->html_path, buf_str(&html_safe), html_safe.len, err) != 0)
        rc = -1;
    buf_free(&md);
    buf_free(&html);
    buf_free(&md_safe);
    buf_free(&html_safe);
    if (md_out)
        *md_out = r->md_path;
    if (html_out)
        *html_out = r->html_path;
    return rc;
}

int room_rewind(Room *r, size_t k, Err *err)
{
    size_t n = game_decision_count(session_game(r->s));
    if (k < 1 || k > n) {
        err_set(err, "there is no decision %zu to go back to (1 to %zu)", k, n);
        return -1;
    }
    r->n_roads++;
    buf_printf(&r->roads_not_taken, "### Road %d (rewound to decision %zu)\n\n", r->n_roads, k);
    road_markdown(r, &r->roads_not_taken);
    while (game_decision_count(session_game(r->s)) >= k)
        if (session_undo(r->s, err) != 0)
            return -1;
    while (r->n_tallies >= k)
        tally_free(&r->tallies[--r->n_tallies]);
    return 0;
}
