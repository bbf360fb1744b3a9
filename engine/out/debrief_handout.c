/* debrief_handout.c: the room's handout for its participants (debrief_int.h), filled from the
 * room's record and written by out/handout.c, the page `ladder report --handout` writes too. */
#include <stdlib.h>

#include "core/game.h"
#include "out/debrief_int.h"
#include "out/handout.h"
#include "out/html.h"

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
    /* the advice of the chapters the room played (a single story: the story's) */
    size_t nch = session_chapter(session) + 1;
    const Story **stories = xcalloc(nch, sizeof *stories);
    for (size_t c = 0; c + 1 < nch; c++)
        stories[c] = game_story(session_past_game(session, c));
    stories[nch - 1] = session_story(session);
    /* the endings of the roads the room played, its own first */
    HandoutEnding *ends = xcalloc(rs->n, sizeof *ends);
    size_t ne = 0;
    for (size_t j = 0; j < rs->n; j++) {
        size_t at = (j + rs->room) % rs->n; /* the room's road, then the others in order */
        const RoomRoad *x = rs->v[at];
        if (x->ended)
            ends[ne++] = (HandoutEnding){
                .title = x->ending_title, .share = -1, .lesson = x->ending_lesson,
                .note = at == rs->room ? "the room's road" : "a road the room also played"};
    /* (an ending two roads reached is told once, with the room's road first) */
    }
    HandoutSection sec = {.title_html = buf_str(&title), .meta_html = buf_str(&meta),
                          .premise = root->summary,
                          .decisions_heading = "The decisions the room talked over",
                          .decisions = dec, .n_decisions = np,
                          .stories = stories, .n_stories = nch, .endings = ends,
                          .n_endings = ne};
    handout_page(b, buf_str(&title), &sec, 1);
    for (size_t k = 0; k < np; k++) {
        free(opts[k]);
        buf_free(&heads[k]);
    }
    free(heads);
    free(opts);
    free(dec);
    free(pv);
    free(stories);
    free(ends);
    buf_free(&title);
    buf_free(&meta);
}
