/* room.c: the record of a workshop room: its votes, and the roads it rewound away from, as
 * data (out/debrief.c writes them up). */
#include "core/room.h"

#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/screen.h"

struct Room {
    Session *s;
    char *code, *out_dir;
    RoomTally *tallies; /* parallel to the current game's journal */
    size_t n_tallies;
    RoomRoad *roads; /* every road the room rewound away from, oldest first */
    size_t n_roads;
    char *md_path, *html_path; /* the debrief files last written */
};

static void tally_free(RoomTally *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->texts[i]);
    free(t->texts);
    free(t->counts);
    memset(t, 0, sizeof *t);
}

static void tally_copy(RoomTally *to, const RoomTally *from)
{
    *to = *from;
    to->texts = xcalloc(from->n ? from->n : 1, sizeof *to->texts);
    for (size_t i = 0; i < from->n; i++)
        to->texts[i] = xstrdup(from->texts[i]);
    if (from->counts) {
        to->counts = xcalloc(from->n ? from->n : 1, sizeof *to->counts);
        memcpy(to->counts, from->counts, from->n * sizeof *to->counts);
    }
}

Room *room_new(Session *s, const char *code, const char *out_dir)
{
    Room *r = xcalloc(1, sizeof *r);
    r->s = s;
    r->code = xstrdup(code);
    r->out_dir = xstrdup(out_dir ? out_dir : ".");
    return r;
}

void room_road_free(RoomRoad *road)
{
    for (size_t i = 0; i < road->n; i++) {
        RoomStep *st = &road->steps[i];
        free(st->heading);
        free(st->discuss);
        tally_free(&st->tally);
        free(st->choice);
        free(st->changes);
        free(st->lesson);
        free(st->reply);
    }
    free(road->steps);
    free(road->ending_title);
    free(road->ending_lesson);
    memset(road, 0, sizeof *road);
}

void room_free(Room *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_tallies; i++)
        tally_free(&r->tallies[i]);
    free(r->tallies);
    for (size_t i = 0; i < r->n_roads; i++)
        room_road_free(&r->roads[i]);
    free(r->roads);
    free(r->md_path);
    free(r->html_path);
    free(r->code);
    free(r->out_dir);
    free(r);
}

Session *room_session(Room *r) { return r->s; }
const char *room_code(const Room *r) { return r->code; }
const char *room_out_dir(const Room *r) { return r->out_dir; }
int room_roads_not_taken(const Room *r) { return (int)r->n_roads; }

const RoomRoad *room_roads(const Room *r, size_t *n)
{
    *n = r->n_roads;
    return r->roads;
}

const RoomTally *room_tally(const Room *r, size_t i)
{
    return i < r->n_tallies ? &r->tallies[i] : NULL;
}

void room_keep_debrief(Room *r, char *md, char *html)
{
    free(r->md_path);
    free(r->html_path);
    r->md_path = md;
    r->html_path = html;
}

const char *room_debrief_md(const Room *r) { return r->md_path; }
const char *room_debrief_html(const Room *r) { return r->html_path; }

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

void room_road_current(const Room *r, RoomRoad *out)
{
    memset(out, 0, sizeof *out);
    Screen *sc = screen_of(r->s);
    out->n = sc->n_decisions;
    out->steps = xcalloc(out->n ? out->n : 1, sizeof *out->steps);
    for (size_t i = 0; i < out->n; i++) {
        const ScreenDecision *d = &sc->decisions[i];
        RoomStep *st = &out->steps[i];
        st->heading = xstrdup(d->chapter ? d->chapter : d->scene_id);
        st->discuss = d->discuss ? xstrdup(d->discuss) : NULL;
        const RoomTally *t = room_tally(r, i);
        if (t && t->n)
            tally_copy(&st->tally, t);
        st->choice = xstrdup(d->text);
        st->changes = xstrdup(d->changes ? d->changes : "no change");
        st->lesson = d->lesson ? xstrdup(d->lesson) : NULL;
        st->reply = d->reply.text ? xstrdup(d->reply.text) : NULL;
        st->advice = d->advice_text;
    }
    if (sc->ending) {
        out->ended = true;
        out->ending_title = xstrdup(sc->ending->title);
        out->verdict = sc->ending->verdict;
        out->ending_lesson = sc->ending->lesson ? xstrdup(sc->ending->lesson) : NULL;
    }
    screen_free(sc);
}

int room_rewind(Room *r, size_t k, Err *err)
{
    size_t n = game_decision_count(session_game(r->s));
    if (k < 1 || k > n) {
        err_set(err, "there is no decision %zu to go back to (1 to %zu)", k, n);
        return -1;
    }
    r->roads = xrealloc(r->roads, (r->n_roads + 1) * sizeof *r->roads);
    room_road_current(r, &r->roads[r->n_roads]);
    r->roads[r->n_roads++].rewound_to = k;
    while (game_decision_count(session_game(r->s)) >= k)
        if (session_undo(r->s, err) != 0)
            return -1;
    while (r->n_tallies >= k)
        tally_free(&r->tallies[--r->n_tallies]);
    return 0;
}
