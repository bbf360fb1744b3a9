/* debrief.c: the workshop debrief, Markdown and HTML, each written from the room's record
 * (core/room.h): the road the room took with its votes, a chart of the stats, where they
 * ended, and the roads not taken. */
#include "out/debrief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets_css.h"
#include "core/game.h"
#include "core/results.h"
#include "core/road_replay.h"
#include "core/utf8.h"
#include "out/debrief_int.h"
#include "out/html.h"

/* debrief_int.h */
Roads debrief_roads(Room *r, const RoomRoad *current)
{
    size_t n_old;
    const RoomRoad *old = room_roads(r, &n_old);
    Roads rs = {.v = xcalloc(n_old + 1, sizeof *rs.v), .n = n_old + 1, .room = n_old,
                .like = session_game(room_session(r)), .session = room_session(r)};
    for (size_t i = 0; i < n_old; i++)
        rs.v[i] = &old[i];
    rs.v[n_old] = current;
    for (size_t i = 0; i < rs.n; i++)
        if (room_road_reached_ending(rs.v[i])) {
            rs.room = i;
            break;
        }
    return rs;
}

/* debrief_int.h */
size_t debrief_parts_at(const Roads *rs, size_t j)
{
    if (j < rs->room)
        return rs->v[j]->rewound_to;
    return j > 0 ? rs->v[j - 1]->rewound_to : 1;
}

/* debrief_int.h */
void debrief_votes_text(Buf *b, const RoomTally *t)
{
    int voted = 0;
    for (size_t k = 0; k < t->n; k++) {
        buf_printf(b, "%s%d", k ? ", " : "", t->counts[k]);
        voted += t->counts[k];
    }
    buf_printf(b, " (%d voted", voted);
    if (t->seconds >= 1) {
        long s = (long)(t->seconds + 0.5);
        if (s >= 60)
            buf_printf(b, "; %ld min %02ld s", s / 60, s % 60);
        else
            buf_printf(b, "; %ld s", s);
    }
    buf_puts(b, ")");
}



/* The story's title; a campaign's with the chapter the room's road reached ("A Career,
 * chapter 2 of 4: Derailed"), not the one a rewind left the session in. */
static void title(Buf *b, Room *r, const RoomRoad *road, bool html)
{
    const Story *root = session_root(room_session(r));
    Buf t = {0};
    buf_puts(&t, root->title);
    if (road->chapter_title)
        buf_printf(&t, ", chapter %zu of %zu: %s", road->chapter + 1, root->n_chapters,
                   road->chapter_title);
    if (html)
        html_escape(b, buf_str(&t));
    else
        buf_puts(b, buf_str(&t));
    buf_free(&t);
}

/* ---- Markdown ---- */

static void road_md(Buf *b, const RoomRoad *road, size_t from)
{
    if (from > 2)
        buf_printf(b, "*Decisions 1 to %zu as on the road before.*\n\n", from - 1);
    else if (from == 2)
        buf_puts(b, "*Decision 1 as on the road before.*\n\n");
    for (size_t i = from - 1; i < road->n; i++) {
        const RoomStep *st = &road->steps[i];
        const RoomTally *t = &st->tally;
        buf_printf(b, "### Decision %zu: %s\n\n", i + 1, st->heading);
        if (st->discuss)
            buf_printf(b, "*For the room:* %s\n\n", st->discuss);
        if (t->n) {
            for (size_t k = 0; k < t->n; k++)
                buf_printf(b, "- %s%s%s%s\n", k == t->chosen ? "**" : "", t->texts[k],
                           k == t->chosen ? "**" : "",
                           t->counts ? "" : (k == t->chosen ? " (picked)" : ""));
            if (t->counts) {
                buf_puts(b, "\nVotes: ");
                debrief_votes_text(b, t);
                buf_printf(b, "%s\n", t->tie ? ", a tie broken by the facilitator" : "");
            }
        } else {
            buf_printf(b, "- **%s**\n", st->choice);
        }
        if (st->reply)
            buf_printf(b, "\n*What followed:* %s\n", st->reply);
        buf_printf(b, "\nWhat it changed: %s\n\n", st->changes);
        if (st->advice)
            buf_printf(b, "The choice %s.\n\n", st->advice);
        if (st->lesson)
            buf_printf(b, "> %s\n\n", st->lesson);
    }
    if (road->ended) {
        buf_printf(b, "**Ending: %s** (%s)\n\n", road->ending_title,
                   story_verdict_name(road->verdict));
        if (road->ending_lesson)
            buf_printf(b, "> %s\n\n", road->ending_lesson);
    } else {
        buf_printf(b, "*The road stops here, before decision %zu.*\n\n", road->n + 1);
    }
}

static void debrief_md(Buf *b, Room *r, const Roads *rs, const char *when)
{
    const Game *g = session_game(room_session(r));
    const RoomRoad *road = rs->v[rs->room];
    buf_puts(b, "# Debrief: ");
    title(b, r, road, false);
    buf_puts(b, "\n\n");
    buf_printf(b, "Session %s, %s. Seed %llu.\n\n", room_code(r) ? room_code(r) : "(none)", when,
               (unsigned long long)game_seed(g));
    buf_printf(b, "The participants' handout, to print (A4 or Letter) and hand round: "
                  "[%s-handout.html](%s-handout.html), beside this file.\n\n",
               room_stem(r), room_stem(r));
    debrief_plan(b, rs, false);
    buf_puts(b, "## The road the room took\n\n");
    road_md(b, road, 1);
    buf_puts(b, "## Where the stats ended\n\n");
    for (size_t k = 0; k < road->n_stats; k++)
        buf_printf(b, "- %s: %d%s\n", road->stats[k].label, road_final(road, k),
                   road->stats[k].good == GOOD_LOW ? " (lower is better)" : "");
    buf_puts(b, "\n");
    if (rs->n > 1) {
        buf_puts(b, "## The roads side by side\n\n| Road | Ending |");
        for (size_t k = 0; k < road->n_stats; k++)
            buf_printf(b, " %s |", road->stats[k].label);
        buf_puts(b, "\n|---|---|");
        for (size_t k = 0; k < road->n_stats; k++)
            buf_puts(b, "---|");
        buf_puts(b, "\n");
        for (size_t j = 0; j < rs->n; j++) {
            buf_printf(b, "| %s | %s |", j == rs->room ? "the room's" : "another",
                       road_end(rs->v[j]));
            for (size_t k = 0; k < road->n_stats; k++) {
                long c = room_road_stat(rs->v[j], road->stats[k].id);
                if (c < 0) /* a road that stopped in a chapter without this stat */
                    buf_puts(b, " - |");
                else
                    buf_printf(b, " %d |", road_final(rs->v[j], (size_t)c));
            }
            buf_puts(b, "\n");
        }
        buf_puts(b, "\n## Roads not taken\n\n");
        for (size_t j = 0; j < rs->n; j++) {
            if (j == rs->room)
                continue;
            buf_printf(b, "### %s, from decision %zu: %s\n\n",
                       j < rs->room ? "Left" : "Explored after the ending", debrief_parts_at(rs, j),
                       road_end(rs->v[j]));
            road_md(b, rs->v[j], debrief_parts_at(rs, j));
        }
    }
}

/* ---- HTML ---- */

static void road_html(Buf *b, const RoomRoad *road, size_t from)
{
    if (from > 2)
        buf_printf(b, "<p><em>Decisions 1 to %zu as on the road before.</em></p>\n", from - 1);
    else if (from == 2)
        buf_puts(b, "<p><em>Decision 1 as on the road before.</em></p>\n");
    for (size_t i = from - 1; i < road->n; i++) {
        const RoomStep *st = &road->steps[i];
        const RoomTally *t = &st->tally;
        buf_printf(b, "<h3>Decision %zu: ", i + 1);
        html_markup(b, st->heading);
        buf_puts(b, "</h3>\n");
        if (st->discuss) {
            buf_puts(b, "<p><em>For the room:</em> ");
            html_markup(b, st->discuss);
            buf_puts(b, "</p>\n");
        }
        buf_puts(b, "<ul>\n");
        if (t->n) {
            for (size_t k = 0; k < t->n; k++) {
                buf_puts(b, k == t->chosen ? "<li><strong>" : "<li>");
                html_markup(b, t->texts[k]);
                buf_puts(b, k == t->chosen ? "</strong>" : "");
                buf_puts(b, !t->counts && k == t->chosen ? " (picked)</li>\n" : "</li>\n");
            }
        } else {
            buf_puts(b, "<li><strong>");
            html_markup(b, st->choice);
            buf_puts(b, "</strong></li>\n");
        }
        buf_puts(b, "</ul>\n");
        if (t->n && t->counts) {
            buf_puts(b, "<p>Votes: ");
            debrief_votes_text(b, t);
            buf_printf(b, "%s</p>\n", t->tie ? ", a tie broken by the facilitator" : "");
        }
        if (st->reply) {
            buf_puts(b, "<p><em>What followed:</em> ");
            html_markup(b, st->reply);
            buf_puts(b, "</p>\n");
        }
        buf_puts(b, "<p>What it changed: ");
        html_escape(b, st->changes);
        buf_puts(b, "</p>\n");
        if (st->advice)
            buf_printf(b, "<p>The choice %s.</p>\n", st->advice);
        if (st->lesson) {
            buf_puts(b, "<blockquote>");
            html_markup(b, st->lesson);
            buf_puts(b, "</blockquote>\n");
        }
    }
    if (road->ended) {
        buf_puts(b, "<p><strong>Ending: ");
        html_markup(b, road->ending_title);
        buf_printf(b, "</strong> (%s)</p>\n", story_verdict_name(road->verdict));
        if (road->ending_lesson) {
            buf_puts(b, "<blockquote>");
            html_markup(b, road->ending_lesson);
            buf_puts(b, "</blockquote>\n");
        }
    } else {
        buf_printf(b, "<p><em>The road stops here, before decision %zu.</em></p>\n",
                   road->n + 1);
    }
}

static const char *const COLOURS[] = {"#c8463a", "#2f6fba", "#3c9650", "#aa6e14",
                                      "#8446aa", "#149696", "#be3c82", "#5a5a5a"};

/* An SVG chart of every stat over the decisions of the room's road, with a legend: a vertical
 * scale (the stats' values when they share a range, else the share of each stat's range),
 * grid lines at a quarter, a half and three quarters, and the decisions numbered along the
 * bottom ("start", then the decision each point comes after). */
static void chart_svg(Buf *b, const RoomRoad *road)
{
    size_t n = road->n;
    if (n == 0)
        return;
    int W = 640, H = 250, L = 46, R = 14, T = 12, B = 44; /* plot area inside the margins */
    int pw = W - L - R, ph = H - T - B;
    int height = H + 12 + 18 * (int)((road->n_stats + 2) / 3);
    bool same = true; /* every stat on one range: the scale shows values */
    for (size_t k = 1; k < road->n_stats; k++)
        same &= road->stats[k].min == road->stats[0].min &&
                road->stats[k].max == road->stats[0].max;
    buf_printf(b, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                  "aria-label=\"Stats over the decisions\">\n",
               W, height, W, height);
    buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fffcf6\" "
                  "stroke=\"#c4b6a4\"/>\n",
               L, T, pw, ph);
    for (int q = 0; q <= 4; q++) { /* the scale and its grid lines */
        int y = T + ph - ph * q / 4;
        if (q > 0 && q < 4)
            buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e0d6c8\"/>\n",
                       L, y, L + pw, y);
        if (q % 2)
            continue;
        buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">", L - 6,
                   y + 4);
        if (same && road->n_stats)
            buf_printf(b, "%d", road->stats[0].min +
                                     (road->stats[0].max - road->stats[0].min) * q / 4);
        else
            buf_printf(b, "%d%%", 25 * q);
        buf_puts(b, "</text>\n");
    }
    /* the decisions along the bottom: every one, or every second, fifth... as they fit */
    size_t step = 1;
    while (n / step > 20)
        step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
    for (size_t i = 0; i <= n; i += step) {
        int x = L + (int)((double)pw * (double)i / (double)n);
        buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c4b6a4\"/>",
                   x, T + ph, x, T + ph + 5);
        buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">", x,
                   T + ph + 18);
        if (i == 0)
            buf_puts(b, "start");
        else
            buf_printf(b, "%zu", i);
        buf_puts(b, "</text>\n");
    }
    buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
                  "fill=\"#6b5f52\">after decision</text>\n",
               L + pw / 2, T + ph + 36);
    if (!same)
        buf_printf(b, "<text x=\"4\" y=\"%d\" font-size=\"11\" fill=\"#6b5f52\" "
                      "transform=\"rotate(-90 10 %d)\">of each stat's range</text>\n",
                   T + ph / 2 + 40, T + ph / 2);
    for (size_t k = 0; k < road->n_stats; k++) {
        const RoomStat *sd = &road->stats[k];
        int range = sd->max - sd->min > 0 ? sd->max - sd->min : 1;
        buf_printf(b, "<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"%s\" points=\"",
                   COLOURS[k % 8]);
        for (size_t i = 0; i <= n; i++) {
            int v = road->values[i * road->n_stats + k];
            double x = L + (double)pw * (double)i / (double)n;
            double y = T + ph - (double)ph * (v - sd->min) / range;
            buf_printf(b, "%.1f,%.1f ", x, y);
        }
        buf_puts(b, "\"/>\n");
        int lx = 10 + (int)(k % 3) * 210, ly = H + 8 + (int)(k / 3) * 18;
        buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"8\" fill=\"%s\"/>", lx,
                   ly - 8, COLOURS[k % 8]);
        buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\">", lx + 20, ly);
        html_escape(b, sd->label);
        buf_puts(b, "</text>\n");
    }
    buf_puts(b, "</svg>\n");
}

static void debrief_html(Buf *b, Room *r, const Roads *rs, const char *when)
{
    const Game *g = session_game(room_session(r));
    const RoomRoad *road = rs->v[rs->room];
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>");
    html_escape(b, session_root(room_session(r))->title);
    buf_printf(b, " debrief</title>\n<style>\n%s</style></head><body>\n", assets_css_debrief);
    buf_puts(b, "<h1>Debrief: ");
    title(b, r, road, true);
    buf_puts(b, "</h1>\n<p>Session ");
    html_escape(b, room_code(r) ? room_code(r) : "(none)");
    buf_printf(b, ", %s. Seed %llu.</p>\n", when, (unsigned long long)game_seed(g));
    buf_puts(b, "<p class=\"handout\">The participants' handout, to print (A4 or Letter) and "
                "hand round: <a href=\"");
    html_escape(b, room_stem(r));
    buf_puts(b, "-handout.html\">");
    html_escape(b, room_stem(r));
    buf_puts(b, "-handout.html</a></p>\n");
    debrief_plan(b, rs, true);
    buf_puts(b, "<h2>The road the room took</h2>\n");
    road_html(b, road, 1);
    buf_puts(b, "<h2>How the stats moved</h2>\n");
    chart_svg(b, road);
    buf_puts(b, "<h2>Where the stats ended</h2>\n<ul>\n");
    for (size_t k = 0; k < road->n_stats; k++) {
        buf_puts(b, "<li>");
        html_escape(b, road->stats[k].label);
        buf_printf(b, ": %d%s</li>\n", road_final(road, k),
                   road->stats[k].good == GOOD_LOW ? " (lower is better)" : "");
    }
    buf_puts(b, "</ul>\n");
    if (rs->n > 1) {
        buf_puts(b, "<h2>The roads side by side</h2>\n<table class=\"roads\">\n<thead><tr>"
                    "<th scope=\"col\">Road</th><th scope=\"col\">Ending</th>");
        for (size_t k = 0; k < road->n_stats; k++) {
            buf_puts(b, "<th scope=\"col\">");
            html_escape(b, road->stats[k].label);
            buf_puts(b, "</th>");
        }
        buf_puts(b, "</tr></thead>\n<tbody>\n");
        for (size_t j = 0; j < rs->n; j++) {
            buf_printf(b, "<tr><th scope=\"row\">%s</th><td>",
                       j == rs->room ? "the room's" : "another");
            html_markup(b, road_end(rs->v[j]));
            buf_puts(b, "</td>");
            for (size_t k = 0; k < road->n_stats; k++) {
                long c = room_road_stat(rs->v[j], road->stats[k].id);
                if (c < 0)
                    buf_puts(b, "<td>-</td>");
                else
                    buf_printf(b, "<td>%d</td>", road_final(rs->v[j], (size_t)c));
            }
            buf_puts(b, "</tr>\n");
        }
        buf_puts(b, "</tbody></table>\n<h2>Roads not taken</h2>\n");
        for (size_t j = 0; j < rs->n; j++) {
            if (j == rs->room)
                continue;
            buf_printf(b, "<h3>%s, from decision %zu: ",
                       j < rs->room ? "Left" : "Explored after the ending",
                       debrief_parts_at(rs, j));
            html_markup(b, road_end(rs->v[j]));
            buf_puts(b, "</h3>\n");
            road_html(b, rs->v[j], debrief_parts_at(rs, j));
        }
    }
    buf_puts(b, "</body></html>\n");
}

/* ---- files ---- */

void debrief_tell(FILE *f, const Room *r)
{
    if (!room_debrief_md(r))
        return;
    char *handout = debrief_handout_path(r);
    utf8_fprintf(f, "Debrief written to %s and %s\nThe participants' handout (print it, A4 or "
                    "Letter): %s\n", room_debrief_md(r), room_debrief_html(r), handout);
    free(handout);
}

char *debrief_handout_path(const Room *r)
{
    return xasprintf("%s/%s-handout.html", room_out_dir(r), room_stem(r));
}

void debrief_render(Room *r, const char *when, Buf *md, Buf *html, Buf *handout)
{
    RoomRoad road;
    room_road_current(r, &road);
    Roads rs = debrief_roads(r, &road);
    if (md)
        debrief_md(md, r, &rs, when);
    if (html)
        debrief_html(html, r, &rs, when);
    if (handout)
        debrief_handout_render(r, &rs, when, handout);
    free(rs.v);
    room_road_free(&road);
}

int debrief_write(Room *r, const char **md_out, const char **html_out, Err *err)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char when[64];
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    Buf md = {0}, html = {0}, handout = {0};
    debrief_render(r, when, &md, &html, &handout);
    /* one pair of files per session, rewritten in place at each ending and at the end */
    char *md_path = xasprintf("%s/%s.md", room_out_dir(r), room_stem(r));
    char *html_path = xasprintf("%s/%s.html", room_out_dir(r), room_stem(r));
    room_keep_debrief(r, md_path, html_path);
    /* the story's strings as the terminal shows them (a Markdown file gets read with cat),
     * and the page in valid UTF-8, as its charset says */
    Buf md_safe = {0}, html_safe = {0}, handout_safe = {0};
    utf8_visible(buf_str(&md), md.len, UTF8_KEEP_LAYOUT, &md_safe);
    utf8_repair(buf_str(&html), html.len, &html_safe);
    utf8_repair(buf_str(&handout), handout.len, &handout_safe);
    char *handout_path = debrief_handout_path(r);
    int rc = 0;
    if (write_file_atomic(md_path, buf_str(&md_safe), md_safe.len, err) != 0 ||
        write_file_atomic(html_path, buf_str(&html_safe), html_safe.len, err) != 0 ||
        write_file_atomic(handout_path, buf_str(&handout_safe), handout_safe.len, err) != 0) {
        rc = -1;
    } else { /* to be sent round: readable as the participants' results files are */
        results_make_readable(md_path);
        results_make_readable(html_path);
        results_make_readable(handout_path);
    }
    free(handout_path);
    buf_free(&md);
    buf_free(&html);
    buf_free(&handout);
    buf_free(&md_safe);
    buf_free(&html_safe);
    buf_free(&handout_safe);
    if (md_out)
        *md_out = room_debrief_md(r);
    if (html_out)
        *html_out = room_debrief_html(r);
    return rc;
}
