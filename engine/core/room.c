/* room.c: the record of a workshop room: its votes, and the roads it rewound away from, as
 * data (out/debrief.c writes them up); and its journal, from which a room killed mid-session
 * is continued (room.h). */
#include "core/room.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/game.h"
#include "core/rng.h"
#include "core/screen.h"

/* A journal bigger than this is not one of ours (a session makes a few KB). */
#define JOURNAL_MAX_BYTES (16u << 20)

struct Room {
    Session *s;
    char *code, *out_dir;
    RoomTally *tallies; /* parallel to the current game's journal */
    size_t n_tallies;
    RoomRoad *roads; /* every road the room rewound away from, oldest first */
    size_t n_roads;
    char *md_path, *html_path; /* the debrief files last written */
    char *stem;                /* room_stem */
    double shown;              /* when the current decision was shown (util_now_seconds) */
    int journal_fd;            /* -1: not journaled */
    char *journal_path;
    bool replaying;            /* room_continue is playing the journal again: write nothing */
    int participants;          /* room_set_participants, or 0 */
    /* the ballot of the current decision */
    struct Ballot {
        char id[33];
        size_t choice;
    } *votes;
    size_t n_votes;
    bool closed;
};

static void ballot_clear(Room *r)
{
    free(r->votes);
    r->votes = NULL;
    r->n_votes = 0;
    r->closed = false;
}

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
    r->journal_fd = -1;
    r->shown = util_now_seconds();
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M", &tm);
    Buf b = {0};
    buf_puts(&b, "workshop-");
    util_name_part(&b, session_root(s)->id, "room");
    buf_putc(&b, '-');
    util_name_part(&b, code, "room");
    buf_printf(&b, "-%s", stamp);
    r->stem = buf_take(&b);
    return r;
}

const char *room_stem(const Room *r) { return r->stem; }
const char *room_journal_path(const Room *r) { return r->journal_path; }

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
        free(st->scene_id);
        free(st->choice_id);
        free(st->advised);
        free(st->advised_lesson);
    }
    for (size_t k = 0; road->stats && k < road->n_stats; k++) {
        free(road->stats[k].id);
        free(road->stats[k].label);
    }
    free(road->stats);
    free(road->chapter_title);
    free(road->chapter_ends);
    free(road->chapter_end_values);
    free(road->chapter_end_has);
    free(road->story_id);
    free(road->steps);
    free(road->values);
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
    free(r->stem);
    free(r->votes);
    free(r->journal_path);
    if (r->journal_fd >= 0)
        close(r->journal_fd);
    free(r);
}

/* Append one line to the journal and sync it. A failure stops the journal, with a notice:
 * the session goes on. */
static void journal(Room *r, cJSON *o)
{
    if (r->journal_fd < 0 || r->replaying) {
        cJSON_Delete(o);
        return;
    }
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    Buf line = {0};
    buf_puts(&line, text ? text : "");
    buf_putc(&line, '\n');
    cJSON_free(text);
    if (write_all(r->journal_fd, line.s, line.len) != 0 || fdatasync(r->journal_fd) != 0) {
        session_tell(r->s, "The room's journal could not be written; a crash from now on loses "
                           "the votes after this point.");
        close(r->journal_fd);
        r->journal_fd = -1;
    }
    buf_free(&line);
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

/* After a decision: when the room rewound to this very decision and took the same choice
 * among the same options again, the road it rewound away from parts from this one only later:
 * its parting moves on to the next decision, and once the room has retaken every decision of
 * it, it was a correction (a mistyped vote), not another road, and leaves the record (issue
 * 17's second review). */
static void drop_same_road(Room *r)
{
    if (!r->n_roads)
        return;
    RoomRoad *last = &r->roads[r->n_roads - 1];
    size_t k = r->n_tallies; /* the decision just taken, 1-based */
    if (last->rewound_to != k || k > last->n)
        return;
    const RoomTally *now = &r->tallies[k - 1];
    const RoomStep *was = &last->steps[k - 1];
    const Game *g = session_game(r->s);
    size_t nd = game_decision_count(g);
    if (!nd || strcmp(game_decision(g, nd - 1)->text, was->choice) != 0)
        return;
    if (was->tally.n && (was->tally.n != now->n || was->tally.chosen != now->chosen))
        return;
    for (size_t i = 0; was->tally.n && i < now->n; i++)
        if (strcmp(was->tally.texts[i], now->texts[i]) != 0)
            return;
    last->rewound_to = k + 1;
    if (last->rewound_to <= last->n || (last->ended && !game_ended(g)))
        return;
    room_road_free(last);
    r->n_roads--;
}

int room_participants(const Room *r)
{
    if (r->participants > 0)
        return r->participants;
    for (size_t i = 0; i < r->n_tallies; i++)
        if (r->tallies[i].counts) {
            int total = 0;
            for (size_t k = 0; k < r->tallies[i].n; k++)
                total += r->tallies[i].counts[k];
            if (total > 0)
                return total;
        }
    return 0;
}

void room_set_participants(Room *r, int n) { r->participants = n > 0 ? n : 0; }

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
    double now = util_now_seconds();
    t.seconds = now - r->shown;
    int rc = session_choose(r->s, choice, t.seconds, err);
    if (rc != 0) {
        tally_free(&t);
        return rc;
    }
    r->tallies = xrealloc(r->tallies, (r->n_tallies + 1) * sizeof *r->tallies);
    r->tallies[r->n_tallies++] = t;
    drop_same_road(r);
    r->shown = now;
    ballot_clear(r);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "decide", (double)r->n_tallies);
    cJSON_AddNumberToObject(o, "choice", (double)choice);
    if (counts)
        cJSON_AddItemToObject(o, "counts", cJSON_CreateIntArray(counts, (int)t.n));
    else
        cJSON_AddNullToObject(o, "counts");
    cJSON_AddBoolToObject(o, "tie", tie);
    cJSON_AddNumberToObject(o, "seconds", (double)(long)(t.seconds * 10 + 0.5) / 10);
    journal(r, o);
    return 0;
}

/* The value of stat id (of story `in`) in a row of stats of story `from`, or fallback. */
static int stat_by_id(const Story *from, const int *row, const StatDef *want, int fallback)
{
    for (size_t k = 0; k < from->n_stats; k++)
        if (strcmp(from->stats[k].id, want->id) == 0)
            return row[k];
    return fallback;
}

/* The choice of scene sc that follows the articles' advice, into st (none: left NULL). */
static void advised_of(RoomStep *st, const Scene *sc)
{
    for (size_t k = 0; k < sc->n_choices; k++) {
        const Choice *ch = &sc->choices[k];
        if (ch->advice == ADVICE_FOLLOWS && ch->text.str) {
            st->advised = xstrdup(ch->text.str);
            st->advised_lesson = ch->lesson ? xstrdup(ch->lesson) : NULL;
            return;
        }
    }
}

/* Step i of out from decision d of a campaign's finished chapter pg (no ids: a replay takes
 * them from the session's past game), as the Screen describes the current chapter's. */
static void past_step(RoomStep *st, const Game *pg, size_t d, const char **chapter)
{
    const Story *ps = game_story(pg);
    const Decision *gd = game_decision(pg, d);
    const Scene *sc = &ps->scenes[gd->scene];
    if (d == 0)
        *chapter = ps->title;
    if (sc->chapter)
        *chapter = sc->chapter;
    st->heading = xstrdup(*chapter);
    st->discuss = sc->discuss ? xstrdup(sc->discuss) : NULL;
    st->choice = xstrdup(gd->text);
    st->changes = screen_changes_text(ps, gd->before, gd->after, true);
    if (!st->changes)
        st->changes = xstrdup("no change");
    const char *lesson = game_decision_lesson(pg, d);
    st->lesson = lesson ? xstrdup(lesson) : NULL;
    st->reply = gd->reply ? xstrdup(gd->reply) : NULL;
    st->advice = screen_advice_text(sc->choices[gd->choice].advice);
    advised_of(st, sc);
}

void room_road_current(const Room *r, RoomRoad *out)
{
    memset(out, 0, sizeof *out);
    Screen *sc = screen_of(r->s);
    const Game *g = session_game(r->s);
    const Story *story = game_story(g);
    /* a campaign's decisions of earlier chapters come first, numbered on across chapters */
    size_t offset = 0, chapters = session_chapter(r->s);
    for (size_t c = 0; c < chapters; c++)
        offset += game_decision_count(session_past_game(r->s, c));
    size_t nd = sc->n_decisions;
    out->n = offset + nd;
    out->steps = xcalloc(out->n ? out->n : 1, sizeof *out->steps);
    out->n_stats = story->n_stats;
    out->values = xcalloc((out->n + 1) * (story->n_stats ? story->n_stats : 1), sizeof(int));
    /* the rows in this chapter's stats: an earlier chapter's by stat id (a stat it did not
     * have at this chapter's start), up to this chapter's start, as the stats carried over */
    for (size_t k = 0; k < story->n_stats; k++) {
        int start = nd > 0 ? game_decision(g, 0)->before[k] : game_stat(g, k);
        size_t i = 0;
        for (size_t c = 0; c < chapters; c++) {
            const Game *pg = session_past_game(r->s, c);
            for (size_t d = 0; d < game_decision_count(pg); d++, i++)
                out->values[i * story->n_stats + k] =
                    stat_by_id(game_story(pg), game_decision(pg, d)->before, &story->stats[k],
                               start);
        }
        out->values[offset * story->n_stats + k] = start;
        for (size_t d = 0; d < nd; d++)
            out->values[(offset + d + 1) * story->n_stats + k] = game_decision(g, d)->after[k];
    }
    const char *chapter = story->title; /* the chapter in effect, as the player saw it */
    for (size_t c = 0, i = 0; c < chapters; c++) {
        const Game *pg = session_past_game(r->s, c);
        for (size_t d = 0; d < game_decision_count(pg); d++, i++)
            past_step(&out->steps[i], pg, d, &chapter);
    }
    chapter = story->title;
    for (size_t j = 0; j < nd; j++) {
        size_t i = offset + j;
        const ScreenDecision *d = &sc->decisions[j];
        RoomStep *st = &out->steps[i];
        if (d->chapter)
            chapter = d->chapter;
        st->heading = xstrdup(chapter);
        st->discuss = d->discuss ? xstrdup(d->discuss) : NULL;
        st->choice = xstrdup(d->text);
        st->changes = xstrdup(d->changes ? d->changes : "no change");
        st->lesson = d->lesson ? xstrdup(d->lesson) : NULL;
        st->reply = d->reply.text ? xstrdup(d->reply.text) : NULL;
        st->advice = d->advice_text;
        const Decision *gd = game_decision(g, j);
        st->scene_id = xstrdup(story->scenes[gd->scene].id);
        st->choice_id = xstrdup(story->scenes[gd->scene].choices[gd->choice].id);
        advised_of(st, &story->scenes[gd->scene]);
    }
    for (size_t i = 0; i < out->n; i++) {
        const RoomTally *t = room_tally(r, i);
        if (t && t->n)
            tally_copy(&out->steps[i].tally, t);
    }
    out->story_id = xstrdup(story->id);
    out->stats = xcalloc(story->n_stats ? story->n_stats : 1, sizeof *out->stats);
    for (size_t k = 0; k < story->n_stats; k++) {
        const StatDef *d = &story->stats[k];
        out->stats[k] = (RoomStat){.id = xstrdup(d->id), .label = xstrdup(d->label),
                                   .min = d->min, .max = d->max, .good = d->good,
                                   .hidden = d->hidden};
    }
    if (session_root(r->s) != story) { /* a campaign */
        out->chapter = chapters;
        out->chapter_title = xstrdup(story->title);
        out->chapters_ended = chapters; /* every earlier chapter was played to its ending */
        out->chapter_ends = chapters ? xcalloc(chapters, sizeof *out->chapter_ends) : NULL;
        size_t ns = story->n_stats ? story->n_stats : 1;
        out->chapter_end_values = chapters ? xcalloc(chapters * ns, sizeof(int)) : NULL;
        out->chapter_end_has = chapters ? xcalloc(chapters * ns, 1) : NULL;
        for (size_t c = 0, at = 0; c < chapters; c++) {
            const Game *pg = session_past_game(r->s, c);
            at += game_decision_count(pg);
            out->chapter_ends[c] = at;
            const Story *ps = game_story(pg);
            for (size_t k = 0; k < story->n_stats; k++)
                for (size_t m = 0; m < ps->n_stats; m++)
                    if (strcmp(ps->stats[m].id, story->stats[k].id) == 0) {
                        out->chapter_end_values[c * ns + k] = game_stat(pg, m);
                        out->chapter_end_has[c * ns + k] = 1;
                    }
        }
    }
    if (sc->ending) {
        out->ended = true;
        out->ending_title = xstrdup(sc->ending->title);
        out->verdict = sc->ending->verdict;
        out->ending_lesson = sc->ending->lesson ? xstrdup(sc->ending->lesson) : NULL;
    }
    screen_free(sc);
}

size_t room_decision_count(const Room *r)
{
    size_t n = game_decision_count(session_game(r->s));
    for (size_t c = 0; c < session_chapter(r->s); c++)
        n += game_decision_count(session_past_game(r->s, c));
    return n;
}

int room_advance(Room *r, Err *err)
{
    int rc = session_advance(r->s, err);
    if (rc != 0)
        return rc;
    r->shown = util_now_seconds();
    ballot_clear(r);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "advance", (double)session_chapter(r->s) + 1);
    journal(r, o);
    return 0;
}

/* Undo the session back to just before decision k (counted across chapters) and drop the
 * tallies from k on. */
static int back_to(Room *r, size_t k, Err *err)
{
    while (room_decision_count(r) >= k) /* back into an earlier chapter when k is in one */
        if (session_undo(r->s, err) != 0)
            return -1;
    while (r->n_tallies >= k)
        tally_free(&r->tallies[--r->n_tallies]);
    r->shown = util_now_seconds();
    ballot_clear(r);
    return 0;
}

int room_undo(Room *r, Err *err)
{
    size_t n = room_decision_count(r);
    if (n == 0) {
        err_set(err, "there is no decision to take back yet");
        return -1;
    }
    if (back_to(r, n, err) != 0)
        return -1;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "undo", (double)n);
    journal(r, o);
    return 0;
}

int room_rewind(Room *r, size_t k, Err *err)
{
    size_t n = room_decision_count(r);
    if (k < 1 || k > n) {
        err_set(err, "there is no decision %zu to go back to (1 to %zu)", k, n);
        return -1;
    }
    r->roads = xrealloc(r->roads, (r->n_roads + 1) * sizeof *r->roads);
    room_road_current(r, &r->roads[r->n_roads]);
    r->roads[r->n_roads++].rewound_to = k;
    if (back_to(r, k, err) != 0)
        return -1;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "rewind", (double)k);
    journal(r, o);
    return 0;
}

int room_vote(Room *r, const char *participant, size_t choice, Err *err)
{
    const Game *g = session_game(r->s);
    if (game_ended(g)) {
        err_set(err, "the story has ended: there is nothing to vote on");
        return STATUS_NO_SUCH;
    }
    if (r->closed) {
        err_set(err, "the vote is closed");
        return STATUS_NO_SUCH;
    }
    if (choice >= game_choice_count(g)) {
        err_set(err, "there is no option %zu to vote for (1 to %zu)", choice + 1,
                game_choice_count(g));
        return STATUS_NO_SUCH;
    }
    size_t i = 0;
    while (i < r->n_votes && strcmp(r->votes[i].id, participant) != 0)
        i++;
    if (i == r->n_votes) {
        if (r->n_votes >= ROOM_MAX_VOTERS) {
            err_set(err, "%d people have voted already: no more votes are taken",
                    ROOM_MAX_VOTERS);
            return STATUS_NO_SUCH;
        }
        r->votes = xrealloc(r->votes, (r->n_votes + 1) * sizeof *r->votes);
        snprintf(r->votes[i].id, sizeof r->votes[i].id, "%s", participant);
        r->n_votes++;
    } else if (r->votes[i].choice == choice) {
        return 0; /* the same vote again: nothing to journal */
    }
    r->votes[i].choice = choice;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "vote", (double)(r->n_tallies + 1));
    cJSON_AddStringToObject(o, "by", r->votes[i].id);
    cJSON_AddNumberToObject(o, "choice", (double)choice);
    journal(r, o);
    return 0;
}

size_t room_ballot(const Room *r, int *counts, size_t n)
{
    memset(counts, 0, n * sizeof *counts);
    for (size_t i = 0; i < r->n_votes; i++)
        if (r->votes[i].choice < n)
            counts[r->votes[i].choice]++;
    return r->n_votes;
}

int room_vote_of(const Room *r, const char *participant)
{
    for (size_t i = 0; i < r->n_votes; i++)
        if (strcmp(r->votes[i].id, participant) == 0)
            return (int)r->votes[i].choice;
    return -1;
}

bool room_ballot_open(const Room *r) { return !r->closed; }

void room_ballot_set_open(Room *r, bool open)
{
    if (r->closed == !open)
        return;
    r->closed = !open;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "ballot", open ? "open" : "closed");
    journal(r, o);
}

int room_journal_start(Room *r, const char *story_ref, uint64_t seed, Err *err)
{
    char *path = xasprintf("%s/%s.journal", r->out_dir, r->stem);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "format", "ladder-room-journal");
    cJSON_AddNumberToObject(o, "version", 1);
    cJSON_AddStringToObject(o, "story", story_ref);
    cJSON_AddStringToObject(o, "story_id", session_root(r->s)->id);
    char seed_text[32];
    snprintf(seed_text, sizeof seed_text, "%" PRIu64, seed);
    cJSON_AddStringToObject(o, "seed", seed_text);
    if (r->code)
        cJSON_AddStringToObject(o, "code", r->code);
    else
        cJSON_AddNullToObject(o, "code");
    cJSON_AddStringToObject(o, "stem", r->stem);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    char *head = xasprintf("%s\n", text ? text : "");
    cJSON_free(text);
    /* a session started in the same minute as the last one keeps both: the older aside */
    if (access(path, F_OK) == 0) {
        for (int k = 2;; k++) {
            char *aside = xasprintf("%s/%s-%d.journal", r->out_dir, r->stem, k);
            if (access(aside, F_OK) != 0) {
                rename(path, aside);
                free(aside);
                break;
            }
            free(aside);
        }
    }
    int rc = write_file_atomic(path, head, strlen(head), err);
    free(head);
    int fd = rc == 0 ? open(path, O_WRONLY | O_APPEND | O_CLOEXEC) : -1;
    if (rc == 0 && fd < 0)
        err_set(err, "cannot open %s: %s", path, strerror(errno));
    if (fd < 0) {
        free(path);
        return -1;
    }
    r->journal_fd = fd;
    free(r->journal_path);
    r->journal_path = path;
    return 0;
}

char *room_journal_find(const char *out_dir, const char *story_id, const char *code)
{
    Buf want = {0};
    buf_puts(&want, "workshop-");
    util_name_part(&want, story_id, "room");
    buf_putc(&want, '-');
    util_name_part(&want, code, "room");
    buf_putc(&want, '-');
    DIR *d = opendir(out_dir);
    char *best = NULL;
    time_t best_time = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        size_t len = strlen(n);
        /* STEM.journal, where STEM is the prefix then YYYYmmdd-HHMM (13 characters) */
        if (strncmp(n, want.s, want.len) != 0 || len != want.len + 13 + 8 ||
            strcmp(n + len - 8, ".journal") != 0)
            continue;
        char *p = xasprintf("%s/%s", out_dir, n);
        struct stat sb;
        if (stat(p, &sb) == 0 && (!best || sb.st_mtime >= best_time)) {
            free(best);
            best = p;
            best_time = sb.st_mtime;
        } else {
            free(p);
        }
    }
    if (d)
        closedir(d);
    buf_free(&want);
    return best;
}

static const char *json_str(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Play one event of the journal again; -1 with err when it is not one or does not replay. */
static int replay_event(Room *r, const cJSON *o, size_t line, const char *path, Err *err)
{
    const cJSON *dec = cJSON_GetObjectItemCaseSensitive(o, "decide");
    const cJSON *rew = cJSON_GetObjectItemCaseSensitive(o, "rewind");
    const cJSON *vote = cJSON_GetObjectItemCaseSensitive(o, "vote");
    const cJSON *ballot = cJSON_GetObjectItemCaseSensitive(o, "ballot");
    if (cJSON_IsString(ballot)) {
        room_ballot_set_open(r, strcmp(ballot->valuestring, "open") == 0);
        return 0;
    }
    if (cJSON_IsNumber(vote)) {
        const cJSON *by = cJSON_GetObjectItemCaseSensitive(o, "by");
        const cJSON *ch = cJSON_GetObjectItemCaseSensitive(o, "choice");
        if (vote->valuedouble != (double)(r->n_tallies + 1) || !cJSON_IsString(by) ||
            !*by->valuestring || strlen(by->valuestring) > 32 || !cJSON_IsNumber(ch) ||
            ch->valuedouble < 0 || room_vote(r, by->valuestring, (size_t)ch->valuedouble, err)) {
            err_set(err, "%s:%zu: a vote that does not replay", path, line);
            return -1;
        }
        return 0;
    }
    const cJSON *adv = cJSON_GetObjectItemCaseSensitive(o, "advance");
    if (cJSON_IsNumber(adv)) {
        if (adv->valuedouble != (double)session_chapter(r->s) + 2 || room_advance(r, err) != 0) {
            err_set(err, "%s:%zu: the next chapter does not replay", path, line);
            return -1;
        }
        return 0;
    }
    const cJSON *undo = cJSON_GetObjectItemCaseSensitive(o, "undo");
    if (cJSON_IsNumber(undo)) {
        if (undo->valuedouble != (double)room_decision_count(r) || room_undo(r, err) != 0) {
            err_set(err, "%s:%zu: the decision taken back does not replay", path, line);
            return -1;
        }
        return 0;
    }
    if (cJSON_IsNumber(rew)) {
        if (rew->valuedouble < 1 || room_rewind(r, (size_t)rew->valuedouble, err) != 0) {
            err_set(err, "%s:%zu: the rewind does not replay", path, line);
            return -1;
        }
        return 0;
    }
    const cJSON *choice = cJSON_GetObjectItemCaseSensitive(o, "choice");
    const cJSON *counts = cJSON_GetObjectItemCaseSensitive(o, "counts");
    const cJSON *tie = cJSON_GetObjectItemCaseSensitive(o, "tie");
    const cJSON *secs = cJSON_GetObjectItemCaseSensitive(o, "seconds");
    size_t n = game_choice_count(session_game(r->s));
    bool ok = cJSON_IsNumber(dec) && dec->valuedouble == (double)(r->n_tallies + 1) &&
              cJSON_IsNumber(choice) && choice->valuedouble >= 0 &&
              choice->valuedouble < (double)n && cJSON_IsBool(tie) && cJSON_IsNumber(secs) &&
              (cJSON_IsNull(counts) ||
               (cJSON_IsArray(counts) && (size_t)cJSON_GetArraySize(counts) == n));
    if (!ok) {
        err_set(err, "%s:%zu: not a decision of this room at this point (decision %zu, %zu "
                     "choices): the story may have changed since", path, line,
                r->n_tallies + 1, n);
        return -1;
    }
    int *votes = NULL;
    if (cJSON_IsArray(counts)) {
        votes = xcalloc(n, sizeof *votes);
        size_t k = 0;
        const cJSON *v;
        cJSON_ArrayForEach(v, counts)
        {
            if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 1e6) {
                free(votes);
                err_set(err, "%s:%zu: a vote count is not a count", path, line);
                return -1;
            }
            votes[k++] = (int)v->valuedouble;
        }
    }
    int rc = room_decide(r, (size_t)choice->valuedouble, votes, cJSON_IsTrue(tie), err);
    free(votes);
    if (rc != 0)
        return -1;
    r->tallies[r->n_tallies - 1].seconds = secs->valuedouble;
    return 0;
}

Room *room_continue(const char *path, const SessionOptions *so, Session **session, Err *err)
{
    *session = NULL;
    size_t len;
    char *text = util_read_file(path, JOURNAL_MAX_BYTES, &len, err);
    if (!text)
        return NULL;
    char *nl = memchr(text, '\n', len);
    cJSON *head = nl ? cJSON_ParseWithLength(text, (size_t)(nl - text)) : NULL;
    const char *format = json_str(head, "format"), *story_ref = json_str(head, "story");
    const char *seed_text = json_str(head, "seed"), *stem = json_str(head, "stem");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(head, "code");
    uint64_t seed;
    if (!format || strcmp(format, "ladder-room-journal") != 0 || !story_ref || !seed_text ||
        !stem || !(cJSON_IsString(code) || cJSON_IsNull(code)) ||
        !rng_parse_seed(seed_text, &seed)) {
        err_set(err, "%s: not a room's journal", path);
        cJSON_Delete(head);
        free(text);
        return NULL;
    }
    Story *story = catalog_open(story_ref, err);
    SessionOptions o = *so;
    o.seed = seed;
    o.seed_given = true;
    o.resume = false;
    o.load = NULL;
    Session *s = story ? session_open(story, &o, err) : NULL;
    if (!s) {
        cJSON_Delete(head);
        free(text);
        return NULL;
    }
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    Room *r = room_new(s, cJSON_IsString(code) ? code->valuestring : NULL, slash ? dir : ".");
    free(dir);
    free(r->stem);
    r->stem = xstrdup(stem);
    cJSON_Delete(head);
    r->replaying = true;
    size_t line = 1, complete = (size_t)(nl - text) + 1; /* bytes of whole lines */
    int rc = 0;
    for (char *p = nl + 1; rc == 0 && p < text + len; line++) {
        char *end = memchr(p, '\n', (size_t)(text + len - p));
        if (!end) /* a torn last line: the kill came while it was written */
            break;
        complete = (size_t)(end - text) + 1;
        cJSON *o2 = cJSON_ParseWithLength(p, (size_t)(end - p));
        if (!cJSON_IsObject(o2)) {
            err_set(err, "%s:%zu: not a line of a room's journal", path, line + 1);
            rc = -1;
        } else {
            rc = replay_event(r, o2, line + 1, path, err);
        }
        cJSON_Delete(o2);
        p = end + 1;
    }
    free(text);
    text = NULL;
    r->replaying = false;
    if (rc == 0) {
        int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
        /* a torn last line is cut off, so the next event starts on a line of its own */
        if (fd >= 0 && complete < len && ftruncate(fd, (off_t)complete) != 0) {
            close(fd);
            fd = -1;
        }
        if (fd >= 0) {
            r->journal_fd = fd;
            r->journal_path = xstrdup(path);
        } else {
            session_tell(s, "The room's journal cannot be written any more; a crash from now on "
                            "loses the votes after this point.");
        }
    }
    if (rc != 0) {
        room_free(r);
        session_free(s);
        return NULL;
    }
    r->shown = util_now_seconds();
    *session = s;
    return r;
}
