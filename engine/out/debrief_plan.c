/* debrief_plan.c: the 30-minute plan that opens the room's debrief (issue 17): an agenda with
 * minutes, the pivotal decisions picked from the votes, the stats' moves and the advice, each
 * with its question, the room's vote, the lesson and what the other road led to (the road the
 * room played after a rewind, or one replayed by the engine, core/road_replay.h), and the
 * questions for the whole story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/road_replay.h"
#include "out/debrief_int.h"
#include "out/html.h"


#define PLAN_MINUTES 30


/* How divided the room was: the share of the votes that went to other options than the most
 * voted one (0: all for one; 9/11/10 is 0.63, a 14/14/2 tie 0.53), or -1 without counts. A
 * three-way split is more divided than a tie between two, as a facilitator sees it (issue
 * 17's second review: 9/11/10 was left out for two ties). */
static double vote_split(const RoomTally *t)
{
    if (!t->counts || t->n < 2)
        return -1;
    int first = 0, voted = 0;
    for (size_t k = 0; k < t->n; k++) {
        voted += t->counts[k];
        if (t->counts[k] > first)
            first = t->counts[k];
    }
    return voted ? 1 - (double)first / voted : -1;
}

/* Most divided first; at equal division a tie the facilitator broke, then the earlier. */
static int cmp_split(const void *a, const void *b)
{
    const Pivot *x = a, *y = b;
    if (x->split != y->split)
        return x->split < y->split ? 1 : -1;
    if (x->tie != y->tie)
        return x->tie ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

static int cmp_swing(const void *a, const void *b)
{
    const Pivot *x = a, *y = b;
    return x->swing != y->swing ? (x->swing < y->swing ? 1 : -1) : (x->i > y->i) - (x->i < y->i);
}

static int cmp_index(const void *a, const void *b)
{
    const Pivot *x = a, *y = b;
    return (x->i > y->i) - (x->i < y->i);
}

/* debrief_int.h */
Pivot *debrief_pivots(const RoomRoad *road, size_t *n)
{
    Pivot *all = xcalloc(road->n ? road->n : 1, sizeof *all);
    for (size_t i = 0; i < road->n; i++) {
        all[i].i = i;
        all[i].split = vote_split(&road->steps[i].tally);
        all[i].tie = road->steps[i].tally.tie;
        for (size_t k = 0; k < road->n_stats; k++) {
            int range = road->stats[k].max - road->stats[k].min;
            int d = road->values[(i + 1) * road->n_stats + k] - road->values[i * road->n_stats + k];
            all[i].swing += (double)(d < 0 ? -d : d) / (range > 0 ? range : 1);
        }
    }
    int *why = xcalloc(road->n ? road->n : 1, sizeof *why);
    size_t picked = 0;
    Pivot *tmp = xmalloc((road->n ? road->n : 1) * sizeof *tmp);
    memcpy(tmp, all, road->n * sizeof *tmp);
    qsort(tmp, road->n, sizeof *tmp, cmp_split);
    for (size_t k = 0, taken = 0; k < road->n && taken < 2; k++)
        if (tmp[k].split >= 0.4) { /* the room's choice had at most 60% of the votes */
            picked += !why[tmp[k].i];
            why[tmp[k].i] |= WHY_DIVIDED;
            taken++;
        }
    qsort(tmp, road->n, sizeof *tmp, cmp_swing);
    for (size_t k = 0, taken = 0; k < road->n && taken < 2 && tmp[k].swing > 0; k++) {
        picked += !why[tmp[k].i];
        why[tmp[k].i] |= WHY_SWING;
        taken++;
    }
    for (size_t i = 0, taken = 0; i < road->n && taken < 2 && picked < PIVOTS_MAX; i++)
        if (road->steps[i].advice && strstr(road->steps[i].advice, "against")) {
            picked += !why[i];
            why[i] |= WHY_AGAINST;
            taken++;
        }
    for (size_t k = 2; k < road->n && picked < 3 && tmp[k].swing > 0; k++)
        if (!why[tmp[k].i]) {
            why[tmp[k].i] = WHY_SWING;
            picked++;
        }
    free(tmp);
    Pivot *out = xcalloc(picked ? picked : 1, sizeof *out);
    *n = 0;
    for (size_t i = 0; i < road->n && *n < PIVOTS_MAX; i++)
        if (why[i]) {
            out[*n] = all[i];
            out[(*n)++].why = why[i];
        }
    qsort(out, *n, sizeof *out, cmp_index);
    free(why);
    free(all);
    return out;
}

/* Why a pivot was picked, in words. */
static void pivot_why(Buf *b, const Pivot *p, const RoomStep *st)
{
    const char *sep = "";
    if (p->why & WHY_DIVIDED) {
        buf_puts(b, "the room was split, ");
        debrief_votes_text(b, &st->tally);
        sep = "; ";
    }
    if (p->why & WHY_SWING) {
        buf_printf(b, "%sit moved the stats most (%s)", sep, st->changes);
        sep = "; ";
    }
    if (p->why & WHY_AGAINST)
        buf_printf(b, "%sthe room went against the articles' advice", sep);
}

/* The room's choice with its share of the votes: "Talk to Marco (14 of 24 votes)". */
static void room_choice(Buf *b, const RoomStep *st, bool html)
{
    const RoomTally *t = &st->tally;
    if (html)
        html_markup(b, st->choice);
    else
        buf_puts(b, st->choice);
    if (t->n && t->counts) {
        int voted = 0;
        for (size_t k = 0; k < t->n; k++)
            voted += t->counts[k];
        buf_printf(b, " (%d of %d votes%s)", t->counts[t->chosen], voted,
                   t->tie ? ", a tie broken by the facilitator" : "");
        /* the other options beside it, with their shares, so the room sees how it split */
        for (size_t k = 0, first = 1; k < t->n; k++) {
            if (k == t->chosen)
                continue;
            buf_puts(b, first ? "; the others: " : ", ");
            first = 0;
            if (html)
                html_markup(b, t->texts[k]);
            else
                buf_puts(b, t->texts[k]);
            buf_printf(b, ": %d (%.0f%%)", t->counts[k], voted ? 100.0 * t->counts[k] / voted : 0);
        }
    }
}

/* Why a pivot was picked, in a few words for the agenda. */
static void why_short(Buf *b, int why)
{
    buf_puts(b, " (");
    buf_puts(b, why & WHY_DIVIDED ? "a split vote" : "");
    buf_puts(b, why & WHY_SWING ? (why & WHY_DIVIDED ? ", the stats moved most" : "the stats moved "
                                                                                  "most")
                                : "");
    buf_puts(b, why & WHY_AGAINST ? (why & (WHY_DIVIDED | WHY_SWING) ? ", against the advice"
                                                                     : "against the advice")
                                  : "");
    buf_puts(b, ")");
}

/* What the other road led to from decision i (1-based), when the room explored one there. */
static const RoomRoad *other_road_at(const Roads *rs, size_t i)
{
    for (size_t j = 0; j < rs->n; j++)
        if (j != rs->room && debrief_parts_at(rs, j) == i)
            return rs->v[j];
    return NULL;
}

/* Where a replayed decision was taken: the chapter being played (game NULL), or an earlier
 * chapter of a campaign, whose finished game (the session's, borrowed) gives the replay its
 * start and the room's stats at that chapter's end. */
typedef struct Chapter {
    const Game *game;
    size_t number; /* from 1 */
} Chapter;

/* The earlier chapter of the session in which decision i (0-based, counted across chapters)
 * was taken, with the room's decisions there as replay steps (*steps malloc'd, *n long) and
 * the decision's place among them (*k, 1-based). NULL with *why when the session's chapter
 * is not the one road took (the room rewound into it and played it again). */
static const Game *earlier_chapter(const Roads *rs, const RoomRoad *road, size_t i,
                                   Step **steps, size_t *n, size_t *k, size_t *number,
                                   const char **why)
{
    const Session *s = rs->session;
    size_t first = 0;
    for (size_t c = 0; c < session_chapter(s); c++) {
        const Game *g = session_past_game(s, c);
        size_t nd = game_decision_count(g);
        if (i >= first + nd) {
            first += nd;
            continue;
        }
        /* every road after the room's shares this chapter with the session's */
        for (size_t j = rs->room; road != rs->v[rs->n - 1] && j + 1 < rs->n; j++)
            if (rs->v[j]->rewound_to <= first + nd) {
                *why = "it was taken in an earlier chapter that the room played again after a "
                       "rewind";
                return NULL;
            }
        const Story *st = game_story(g);
        *steps = xcalloc(nd ? nd : 1, sizeof **steps);
        for (size_t d = 0; d < nd; d++) {
            const Decision *dec = game_decision(g, d);
            (*steps)[d] = (Step){.scene = st->scenes[dec->scene].id,
                                 .choice = st->scenes[dec->scene].choices[dec->choice].id};
        }
        *n = nd;
        *k = i - first + 1;
        *number = c + 1;
        return g;
    }
    *why = "it was taken in an earlier chapter";
    return NULL;
}

/* The road not taken at decision i (0-based) of road, played by the engine from the room's own
 * steps (core/road_replay.h); out->error says why when it does not replay. A decision of an
 * earlier chapter of a campaign is replayed in that chapter, from the state it began with, to
 * that chapter's ending (*where says which chapter). */
static void replay_at(const Roads *rs, const RoomRoad *road, size_t i, RoadReplay *out,
                      Chapter *where)
{
    memset(out, 0, sizeof *out);
    *where = (Chapter){0};
    size_t offset = 0; /* a campaign's decisions of earlier chapters come first, without ids */
    while (offset < road->n && !road->steps[offset].scene_id)
        offset++;
    const RoomTally *t = &road->steps[i].tally;
    if (!road->story_id || strcmp(road->story_id, game_story(rs->like)->id) != 0) {
        out->error = xstrdup("the room has since gone back to an earlier chapter, and the "
                             "engine replays only the chapter the room is in");
        return;
    }
    if (i < offset) {
        Step *steps = NULL;
        size_t n = 0, k = 0;
        const char *why = NULL;
        where->game = earlier_chapter(rs, road, i, &steps, &n, &k, &where->number, &why);
        if (!where->game) {
            out->error = xstrdup(why);
            return;
        }
        road_replay_other(where->game, steps, n, k, t->counts, t->n, 0, out);
        free(steps);
        return;
    }
    size_t n = road->n - offset;
    Step *steps = xcalloc(n ? n : 1, sizeof *steps);
    for (size_t j = 0; j < n; j++)
        steps[j] = (Step){.scene = road->steps[offset + j].scene_id,
                          .choice = road->steps[offset + j].choice_id};
    road_replay_other(rs->like, steps, n, i - offset + 1, t->counts, t->n, 0, out);
    free(steps);
}

/* Stats of another road beside the room's: inline, "Burnout 70 against 90, ..."; or, in HTML
 * with more than three (issue 17's second review: six in a sentence are hard to read out), the
 * words "the stats in the table below, against the room's" and into *table a small table of
 * the two rows, which the caller puts after the paragraph. */
static void beside_emit(Buf *b, Buf *table, bool html, size_t n, const char *const *labels,
                        const int *other, const int *mine)
{
    if (html && table && n > 3) {
        buf_puts(b, "the stats in the table below, against the room's");
        buf_puts(table, "<table class=\"beside\"><thead><tr><th></th>");
        for (size_t j = 0; j < n; j++) {
            buf_puts(table, "<th scope=\"col\">");
            html_escape(table, labels[j]);
            buf_puts(table, "</th>");
        }
        buf_puts(table, "</tr></thead><tbody>\n<tr><th scope=\"row\">the other road</th>");
        for (size_t j = 0; j < n; j++)
            buf_printf(table, "<td>%d</td>", other[j]);
        buf_puts(table, "</tr>\n<tr><th scope=\"row\">the room's</th>");
        for (size_t j = 0; j < n; j++)
            buf_printf(table, "<td>%d</td>", mine[j]);
        buf_puts(table, "</tr></tbody></table>\n");
        return;
    }
    for (size_t j = 0; j < n; j++) {
        buf_puts(b, j ? ", " : "");
        if (html)
            html_escape(b, labels[j]);
        else
            buf_puts(b, labels[j]);
        buf_printf(b, " %d against %d", other[j], mine[j]);
    }
}

/* The stats at the end of another road beside the room's, `mine` (road->n_stats values; `has`
 * NULL, or 0 where the room's road had no such stat then), as beside_emit; other holds values
 * in the columns of other_road (the room's road's when NULL), matched to the room's by stat id
 * (roads in different chapters of a campaign have different stats). */
static void stats_beside_at(Buf *b, Buf *table, const RoomRoad *other_road, const int *other,
                            size_t n_other, const RoomRoad *road, const int *mine,
                            const unsigned char *has, bool html)
{
    size_t n = 0, cap = road->n_stats ? road->n_stats : 1;
    const char **labels = xcalloc(cap, sizeof *labels);
    int *o = xcalloc(cap, sizeof *o), *m = xcalloc(cap, sizeof *m);
    for (size_t j = 0; j < road->n_stats; j++) {
        long c = other_road ? room_road_stat(other_road, road->stats[j].id) : (long)j;
        if (c < 0 || (size_t)c >= n_other || (has && !has[j]))
            continue;
        labels[n] = road->stats[j].label;
        o[n] = other[c];
        m[n++] = mine[j];
    }
    beside_emit(b, table, html, n, labels, o, m);
    free(labels);
    free(o);
    free(m);
}

/* The same against where the room's road ended. */
static void stats_beside(Buf *b, Buf *table, const RoomRoad *other_road, const int *other,
                         size_t n_other, const RoomRoad *road, bool html)
{
    stats_beside_at(b, table, other_road, other, n_other, road,
                    road->values + road->n * road->n_stats, NULL, html);
}

/* A road the room played after a rewind, beside the room's: like with like. A road that
 * ended an earlier chapter than the one the room's road reached is set against the room's
 * stats at the end of that chapter; a road that stopped mid-way is said to have. */
static void other_played(Buf *b, Buf *table, const RoomRoad *other, const RoomRoad *road,
                         bool html)
{
    buf_puts(b, "the room played it after a rewind; it ");
    bool earlier = other->chapter < road->chapter && other->chapter < road->chapters_ended;
    if (other->ended) {
        buf_puts(b, "led to ");
        if (html)
            html_markup(b, other->ending_title);
        else
            buf_puts(b, other->ending_title);
        if (earlier)
            buf_printf(b, ", the end of chapter %zu,", other->chapter + 1);
    } else {
        buf_puts(b, "stopped before an ending");
    }
    buf_printf(b, " after %zu decisions (", other->n);
    int *finals = xcalloc(other->n_stats ? other->n_stats : 1, sizeof *finals);
    for (size_t j = 0; j < other->n_stats; j++)
        finals[j] = road_final(other, j);
    if (earlier && other->ended) {
        size_t at = other->chapter * road->n_stats;
        stats_beside_at(b, table, other, finals, other->n_stats, road,
                        road->chapter_end_values + at, road->chapter_end_has + at, html);
        buf_printf(b, " where the room's road ended chapter %zu)", other->chapter + 1);
    } else {
        stats_beside(b, table, other, finals, other->n_stats, road, html);
        buf_printf(b, " where the room's road %s after %zu decisions)",
                   road->ended ? "ended" : "stopped", road->n);
    }
    free(finals);
    buf_puts(b, ".");
}

/* The same against the room's stats where an earlier chapter ended (its story's stats). */
static void stats_beside_chapter(Buf *b, Buf *table, const Game *chapter, const int *other,
                                 size_t n_other, bool html)
{
    const Story *s = game_story(chapter);
    size_t n = s->n_stats < n_other ? s->n_stats : n_other;
    const char **labels = xcalloc(n ? n : 1, sizeof *labels);
    int *m = xcalloc(n ? n : 1, sizeof *m);
    for (size_t j = 0; j < n; j++) {
        labels[j] = s->stats[j].label;
        m[j] = game_stat(chapter, j);
    }
    beside_emit(b, table, html, n, labels, other, m);
    free(labels);
    free(m);
}

/* How the engine chose after the other choice, in words a facilitator can read out: "After
 * it the engine took the room's own choice where it came up again (2 decisions), followed the
 * articles' advice elsewhere (3) and left it to chance where the story gives no advice (1)." */
static void later_text(Buf *b, const RoadReplay *rr)
{
    size_t parts[3] = {rr->kept, rr->advised, rr->chance}, n = 0, seen = 0;
    static const char *const WORDS[3] = {
        "took the room's own choice where it came up again", "followed the articles' advice "
        "elsewhere", "left it to chance where the story gives no advice"};
    for (size_t i = 0; i < 3; i++)
        n += parts[i] > 0;
    if (n == 0) {
        buf_puts(b, "The ending came straight after it.");
        return;
    }
    buf_puts(b, "After it the engine ");
    for (size_t i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        seen++;
        buf_printf(b, "%s%s (%zu%s)", seen == 1 ? "" : seen == n ? " and " : ", ", WORDS[i],
                   parts[i], seen == 1 ? (parts[i] == 1 ? " decision" : " decisions") : "");
    }
    buf_puts(b, ".");
}

/* What the replayed road led to, in a sentence (after "The other road: "). */
static void replay_text(Buf *b, Buf *table, const RoomRoad *road, size_t i,
                        const RoadReplay *rr, const Chapter *where, bool html)
{
    if (rr->error) {
        buf_puts(b, "could not be replayed: ");
        if (html)
            html_escape(b, rr->error);
        else
            buf_puts(b, rr->error);
        buf_puts(b, ".");
    } else {
        const RoomTally *t = &road->steps[i].tally;
        buf_puts(b, "replayed by the engine");
        if (where->game) {
            buf_printf(b, " in chapter %zu (", where->number);
            if (html)
                html_markup(b, game_story(where->game)->title);
            else
                buf_puts(b, game_story(where->game)->title);
            buf_puts(b, "), from where it stood at the decision to that chapter's end");
        }
        buf_puts(b, html ? ": <em>" : ": *");
        if (html)
            html_markup(b, rr->choice);
        else
            buf_puts(b, rr->choice);
        buf_puts(b, html ? "</em> (" : "* (");
        if (rr->how == ROAD_OTHER_RUNNER_UP && t->counts && rr->other < t->n) {
            int voted = 0;
            for (size_t k = 0; k < t->n; k++)
                voted += t->counts[k];
            buf_printf(b, "the runner-up, %d of %d votes", t->counts[rr->other], voted);
        } else {
            buf_puts(b, rr->how == ROAD_OTHER_ADVICE ? "the choice the advice tags the other way"
                                                     : "the other choice");
        }
        buf_puts(b, ") led to ");
        if (rr->ended) {
            buf_puts(b, html ? "<b>" : "**");
            if (html)
                html_markup(b, rr->ending_title);
            else
                buf_puts(b, rr->ending_title);
            buf_printf(b, "%s (%s) after %zu decisions%s (", html ? "</b>" : "**",
                       story_verdict_name(rr->verdict), rr->decisions,
                       where->game ? " of the chapter" : "");
        } else {
            buf_printf(b, "no ending within %d more decisions (", ROAD_REPLAY_MAX_DECISIONS);
        }
        if (where->game) {
            stats_beside_chapter(b, table, where->game, rr->stats, rr->n_stats, html);
            buf_puts(b, html ? " where the room ended the chapter" : " where the room ended the "
                                                                     "chapter");
        } else {
            stats_beside(b, table, NULL, rr->stats, rr->n_stats, road, html);
            if (!road->ended) /* like with like: the room's road has no ending yet */
                buf_printf(b, " where the room's road stopped, before an ending, after %zu "
                              "decisions", road->n);
        }
        buf_puts(b, "). ");
        later_text(b, rr);
    }
    buf_printf(b, html ? " <code>rewind %zu</code> in the room plays it." : " `rewind %zu` in the "
                                                                            "room plays it.",
               i + 1);
}

static const char *const STORY_QUESTIONS[] = {
    "What surprised you about where the road ended?",
    "Which decision would you take differently, knowing what followed it?",
    "What will you do differently on Monday?",
};

/* debrief_int.h */
void debrief_plan(Buf *b, const Roads *rs, bool html)
{
    const RoomRoad *road = rs->v[rs->room];
    size_t np;
    Pivot *pv = debrief_pivots(road, &np);
    /* 15 minutes shared as evenly as whole minutes go: 4 decisions take 3, 4, 4 and 4 */
    int at = 10;
    /* the roads not taken at the pivots that the room did not play: the engine plays them */
    RoadReplay *rr = xcalloc(np ? np : 1, sizeof *rr);
    Chapter *where = xcalloc(np ? np : 1, sizeof *where);
    bool replayed = false;
    for (size_t k = 0; k < np; k++)
        if (!other_road_at(rs, pv[k].i + 1)) {
            replay_at(rs, road, pv[k].i, &rr[k], &where[k]);
            replayed |= !rr[k].error;
        }
    if (html)
        buf_puts(b, "<section class=\"plan\">\n<h2>The 30-minute debrief</h2>\n"
                    "<ol class=\"agenda\">\n");
    else
        buf_puts(b, "## The 30-minute debrief\n\n");
    /* the agenda */
    const char *li = html ? "<li>" : "- ", *eli = html ? "</li>\n" : "\n";
    buf_printf(b, "%s%s0-5 min%s, reactions: ", li, html ? "<b>" : "**", html ? "</b>" : "**");
    if (road->ended) {
        buf_puts(b, "how does it feel to end at ");
        if (html)
            html_markup(b, road->ending_title);
        else
            buf_puts(b, road->ending_title);
        buf_puts(b, "?");
    } else {
        buf_printf(b, "the room stopped before an ending, after decision %zu: where was the "
                      "road heading?", road->n);
    }
    buf_puts(b, eli);
    buf_printf(b, "%s%s5-10 min%s, what happened: %zu decision%s; where the stats ended: ",
               li, html ? "<b>" : "**", html ? "</b>" : "**", road->n, road->n == 1 ? "" : "s");
    for (size_t j = 0; j < road->n_stats; j++) {
        buf_puts(b, j ? ", " : "");
        if (html)
            html_escape(b, road->stats[j].label);
        else
            buf_puts(b, road->stats[j].label);
        buf_printf(b, " %d%s", road_final(road, j),
                   road->stats[j].good == GOOD_LOW ? " (lower is better)" : "");
    }
    if (rs->n > 1)
        buf_printf(b, "; %zu other road%s the room explored", rs->n - 1, rs->n == 2 ? "" : "s");
    buf_puts(b, eli);
    for (size_t k = 0; k < np; k++) {
        int from = at + (int)(15 * k / np), to = at + (int)(15 * (k + 1) / np);
        buf_printf(b, "%s%s%d-%d min%s, decision %zu: ", li, html ? "<b>" : "**", from, to,
                   html ? "</b>" : "**", pv[k].i + 1);
        if (html)
            html_markup(b, road->steps[pv[k].i].heading);
        else
            buf_puts(b, road->steps[pv[k].i].heading);
        why_short(b, pv[k].why);
        buf_puts(b, eli);
    }
    buf_printf(b, "%s%s25-30 min%s, what now: the questions for the whole story%s", li,
               html ? "<b>" : "**", html ? "</b>" : "**", eli);
    buf_puts(b, html ? "</ol>\n" : "\n");
    if (np)
        buf_puts(b, html ? "<p class=\"how\">For each decision: read the question, let the room "
                           "answer (two minutes or so), then show what the room chose beside "
                           "the votes, read the lesson, and tell where the other road led.</p>\n"
                         : "For each decision: read the question, let the room answer (two "
                           "minutes or so), then show what the room chose beside the votes, "
                           "read the lesson, and tell where the other road led.\n\n");
    if (replayed)
        buf_puts(b, html ? "<p class=\"replayed\"><em>Where the other road was replayed by the "
                           "engine, it took the room's later choices where they still applied, "
                           "the articles' advice elsewhere.</em></p>\n"
                         : "*Where the other road was replayed by the engine, it took the room's "
                           "later choices where they still applied, the articles' advice "
                           "elsewhere.*\n\n");
    /* the pivotal decisions */
    for (size_t k = 0; k < np; k++) {
        const RoomStep *st = &road->steps[pv[k].i];
        Buf why = {0};
        pivot_why(&why, &pv[k], st);
        /* a scene the room came back to asks the same question: say it was asked before */
        size_t asked = 0;
        for (size_t j = 0; st->discuss && j < pv[k].i && !asked; j++)
            if (road->steps[j].discuss && strcmp(road->steps[j].discuss, st->discuss) == 0)
                asked = j + 1;
        char again[96] = "";
        if (asked)
            snprintf(again, sizeof again,
                     "(asked at decision %zu too: has the answer changed?) ", asked);
        if (html) {
            buf_printf(b, "<div class=\"pivot\"><h3>Decision %zu: ", pv[k].i + 1);
            html_markup(b, st->heading);
            buf_puts(b, "</h3>\n<p class=\"why\">Picked because ");
            html_escape(b, buf_str(&why));
            buf_puts(b, ".</p>\n");
            if (st->discuss) {
                buf_puts(b, "<p><b>Ask:</b> ");
                buf_puts(b, again);
                html_markup(b, st->discuss);
                buf_puts(b, "</p>\n");
            }
            buf_puts(b, "<p><b>The room chose:</b> ");
            room_choice(b, st, true);
            buf_puts(b, "</p>\n");
            if (st->lesson) {
                buf_puts(b, "<p><b>The lesson:</b> ");
                html_markup(b, st->lesson);
                buf_puts(b, "</p>\n");
            }
        } else {
            buf_printf(b, "### Decision %zu: %s\n\nPicked because %s.\n\n", pv[k].i + 1,
                       st->heading, buf_str(&why));
            if (st->discuss)
                buf_printf(b, "**Ask:** %s%s\n\n", again, st->discuss);
            buf_puts(b, "**The room chose:** ");
            room_choice(b, st, false);
            buf_puts(b, "\n\n");
            if (st->lesson)
                buf_printf(b, "**The lesson:** %s\n\n", st->lesson);
        }
        buf_free(&why);
        const RoomRoad *other = other_road_at(rs, pv[k].i + 1);
        if (html)
            buf_puts(b, "<p><b>The other road:</b> ");
        else
            buf_puts(b, "**The other road:** ");
        Buf table = {0};
        if (other)
            other_played(b, &table, other, road, html);
        else
            replay_text(b, &table, road, pv[k].i, &rr[k], &where[k], html);
        if (html) {
            buf_puts(b, "</p>\n");
            buf_puts(b, buf_str(&table));
            buf_puts(b, "</div>\n");
        } else {
            buf_puts(b, "\n\n");
        }
        buf_free(&table);
    }
    /* the whole story */
    buf_puts(b, html ? "<h3>For the whole story</h3>\n" : "### For the whole story\n\n");
    if (road->ended && road->ending_lesson) {
        buf_puts(b, html ? "<p><b>The ending's lesson:</b> " : "**The ending's lesson:** ");
        if (html)
            html_markup(b, road->ending_lesson);
        else
            buf_puts(b, road->ending_lesson);
        buf_puts(b, html ? "</p>\n" : "\n\n");
    }
    buf_puts(b, html ? "<ul>\n" : "");
    for (size_t k = 0; k < sizeof STORY_QUESTIONS / sizeof *STORY_QUESTIONS; k++)
        buf_printf(b, "%s%s%s", li, STORY_QUESTIONS[k], eli);
    buf_puts(b, html ? "</ul>\n</section>\n" : "\n");
    for (size_t k = 0; k < np; k++)
        road_replay_free(&rr[k]);
    free(rr);
    free(where);
    free(pv);
}

