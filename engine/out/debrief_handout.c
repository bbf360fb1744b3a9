/* debrief_handout.c: the room's handout for its participants (debrief_int.h), filled from the
 * room's record and written by out/handout.c, the page `ladder report --handout` writes too. */
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "out/debrief_int.h"
#include "out/handout.h"
#include "out/html.h"

/* Decisions whose advice the room's handout lists at most: the page's two printed pages hold
 * the pivotal decisions and about five pieces of advice with their lessons (Letter, looked at
 * in Chromium's PDF of the supervisor room of issue 17's second review). */
#define ADVICE_MAX 5

/* The room's vote at a decision as handout options: each option's share of the votes, the
 * room's choice marked; a pick without votes marks the choice alone. malloc'd, *n long. */
static HandoutOption *options_of(const RoomStep *st, size_t *n)
{
    const RoomTally *t = &st->tally;
    if (!t->n) {
        *n = 1;
        HandoutOption *o = xcalloc(1, sizeof *o);
        *o = (HandoutOption){.text = st->choice, .share = -1, .chosen = true};
        return o;
    }
    int voted = 0;
    for (size_t k = 0; t->counts && k < t->n; k++)
        voted += t->counts[k];
    HandoutOption *o = xcalloc(t->n, sizeof *o);
    for (size_t k = 0; k < t->n; k++)
        o[k] = (HandoutOption){.text = t->texts[k],
                               .share = t->counts && voted ? (double)t->counts[k] / voted : -1,
                               .chosen = k == t->chosen};
    *n = t->n;
    return o;
}

void debrief_handout_render(Room *r, const Roads *rs, const char *when, Buf *b)
{
    Session *session = room_session(r);
    const Story *root = session_root(session);
    const RoomRoad *road = rs->v[rs->room];
    Buf title = {0}, meta = {0};
    html_escape(&title, root->title);
    if (room_code(r)) {
        buf_puts(&meta, "Session ");
        html_escape(&meta, room_code(r));
        buf_puts(&meta, " &middot; ");
    }
    buf_printf(&meta, "played as a room, %s &middot; %zu decision%s", when, road->n,
               road->n == 1 ? "" : "s");
    /* the pivotal decisions, as the debrief's plan discusses them */
    size_t np;
    Pivot *pv = debrief_pivots(road, &np);
    HandoutDecision *dec = xcalloc(np ? np : 1, sizeof *dec);
    Buf *heads = xcalloc(np ? np : 1, sizeof *heads);
    HandoutOption **opts = xcalloc(np ? np : 1, sizeof *opts);
    for (size_t k = 0; k < np; k++) {
        const RoomStep *st = &road->steps[pv[k].i];
        buf_printf(&heads[k], "Decision %zu &middot; ", pv[k].i + 1);
        html_markup(&heads[k], st->heading);
        size_t n;
        opts[k] = options_of(st, &n);
        dec[k] = (HandoutDecision){.heading_html = buf_str(&heads[k]), .ask = st->discuss,
                                   .options = opts[k], .n_options = n, .lesson = st->lesson};
    }
    /* the advice at the decisions the room played, at most ADVICE_MAX, listed in the road's
     * order: the pivotal ones first, then from the latest back those where the room chose
     * otherwise, then the others (so a campaign's later chapters are not crowded out) */
    HandoutAdvice *adv = xcalloc(road->n ? road->n : 1, sizeof *adv);
    Buf *adv_heads = xcalloc(road->n ? road->n : 1, sizeof *adv_heads);
    bool *take = xcalloc(road->n ? road->n : 1, sizeof *take);
    size_t na = 0, taking = 0;
    for (int pass = 0; pass < 3; pass++)
        for (size_t at = 0; at < road->n && taking < ADVICE_MAX; at++) {
            size_t i = pass == 0 ? at : road->n - 1 - at;
            const RoomStep *st = &road->steps[i];
            bool otherwise = !(st->advice && strstr(st->advice, "follows"));
            bool pivotal = false;
            for (size_t k = 0; k < np; k++)
                pivotal |= pv[k].i == i;
            if (!st->advised || take[i] || (pass == 0 && !pivotal) || (pass == 1 && !otherwise))
                continue;
            bool again = false; /* a scene come back to gives the same advice: listed once */
            for (size_t j = 0; j < road->n && !again; j++)
                again = take[j] && strcmp(road->steps[j].advised, st->advised) == 0;
            if (again)
                continue;
            take[i] = true;
            taking++;
        }
    for (size_t i = 0; i < road->n; i++) {
        if (!take[i])
            continue;
        const RoomStep *st = &road->steps[i];
        buf_printf(&adv_heads[na], "Decision %zu &middot; ", i + 1);
        html_markup(&adv_heads[na], st->heading);
        adv[na] = (HandoutAdvice){.heading_html = buf_str(&adv_heads[na]), .text = st->advised,
                                  .lesson = st->advised_lesson,
                                  .otherwise = !(st->advice && strstr(st->advice, "follows"))};
        na++;
    }
    /* where the room's road stopped, when it has no ending */
    Buf stopped = {0};
    if (!road->ended) {
        buf_printf(&stopped, "The room stopped before an ending, after %zu decision%s", road->n,
                   road->n == 1 ? "" : "s");
        if (road->chapter_title)
            buf_printf(&stopped, ", in chapter %zu of %zu (%s)", road->chapter + 1,
                       root->n_chapters, road->chapter_title);
        buf_puts(&stopped, ".");
    }
    /* the endings of the roads the room played, its own first */
    HandoutEnding *ends = xcalloc(rs->n, sizeof *ends);
    size_t ne = 0;
    for (size_t j = 0; j < rs->n; j++) {
        size_t at = (j + rs->room) % rs->n; /* the room's road, then the others in order */
        const RoomRoad *x = rs->v[at];
        if (x->ended)
            ends[ne++] = (HandoutEnding){
                .title = x->ending_title, .share = -1, .lesson = x->ending_lesson,
                .note = at == rs->room ? "the room's road" : "a road the room also played",
                .keep = at == rs->room};
    /* (an ending two roads reached is told once, with the room's road first) */
    }
    HandoutSection sec = {.title_html = buf_str(&title), .meta_html = buf_str(&meta),
                          .premise = root->summary,
                          .decisions_heading = "The decisions the room talked over",
                          .decisions = dec, .n_decisions = np,
                          .endings = ends, .n_endings = ne, .advice = adv, .n_advice = na,
                          .stopped = road->ended ? NULL : buf_str(&stopped)};
    handout_page(b, buf_str(&title), &sec, 1);
    for (size_t k = 0; k < np; k++) {
        free(opts[k]);
        buf_free(&heads[k]);
    }
    free(heads);
    free(opts);
    free(dec);
    free(pv);
    for (size_t i = 0; i < na; i++)
        buf_free(&adv_heads[i]);
    free(adv_heads);
    free(adv);
    free(take);
    buf_free(&stopped);
    free(ends);
    buf_free(&title);
    buf_free(&meta);
}
