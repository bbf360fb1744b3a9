/* room.h: a workshop room's record: the room's votes at each decision and the roads it rewound
 * away from, kept as data. The terminal and the window run room mode on top of it; out/debrief
 * writes it as Markdown and HTML. */
#ifndef LADDER_ROOM_H
#define LADDER_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/session.h"

typedef struct Room Room;

/* The room's vote at one decision. */
typedef struct RoomTally {
    int *counts;  /* per option shown, or NULL when the facilitator simply picked */
    char **texts; /* the options as shown */
    size_t n;
    size_t chosen;
    bool tie;       /* the facilitator broke a tie */
    double seconds; /* from the decision shown to the room's choice */
} RoomTally;

/* One decision of a road as the room saw it. Every string is owned by the road. */
typedef struct RoomStep {
    char *heading;   /* the chapter the decision was taken in (carried on from the last scene
                        that named one), or the story's title before any */
    char *discuss;   /* the scene's question for the room, or NULL */
    RoomTally tally; /* the options and the vote; n is 0 when the room's vote was not recorded */
    char *choice;    /* the text of the choice taken */
    char *changes;   /* what it changed: "Burnout +8, Trust -5" or "no change" */
    char *lesson;    /* the decision's lesson, or NULL */
    char *reply;     /* the choice's reply as shown (with its markup), or NULL */
    const char *advice; /* "follows the advice", "goes against the advice" (static), or NULL */
    char *scene_id, *choice_id; /* the decision's ids in the road's story_id, for a replay
                                   (core/road_replay.h); NULL for an earlier chapter's */
    char *advised;        /* the choice the story tags as following the articles' advice at
                             this decision (its text as written, markup), or NULL: none */
    char *advised_lesson; /* that choice's lesson, or NULL */
} RoomStep;

/* A stat as a road's values hold it: its definition in the road's story, copied (the road
 * outlives the chapter's Story when the room rewinds into an earlier chapter). */
typedef struct RoomStat {
    char *id, *label;
    int min, max;
    StatGood good;
    bool hidden;
} RoomStat;

/* A road: the decisions from the start, and how it ended (or where it stopped). */
typedef struct RoomRoad {
    RoomStep *steps;
    size_t n;
    bool ended;
    char *ending_title;  /* when ended */
    Verdict verdict;     /* when ended */
    char *ending_lesson; /* when ended, or NULL */
    size_t rewound_to;   /* a road not taken: the decision (1-based) the room went back to */
    int *values;         /* the stats: (n + 1) rows of n_stats, row 0 at the start, row i after
                            decision i (Story.stats order; a campaign's earlier chapters by stat
                            id, their last row this chapter's start, as the stats carried over) */
    size_t n_stats;
    RoomStat *stats; /* n_stats: what values' columns are (the story of story_id) */
    char *story_id; /* the story (a campaign's chapter) whose scenes the steps' ids name */
    size_t chapter;  /* a campaign: the chapter (0-based) of its last decision; else 0 */
    char *chapter_title; /* a campaign: that chapter's title; else NULL */
    size_t chapters_ended; /* a campaign: the earlier chapters whose ending it reached and went
                              on from (a road that did so reached an ending, issue 17's review) */
    size_t *chapter_ends; /* chapters_ended of them: the decisions (counted from the start) at
                             the end of each earlier chapter; NULL when none */
    int *chapter_end_values; /* chapters_ended rows of n_stats: the stats where each earlier
                                chapter ended, before the carry to the next (by stat id; a stat
                                that chapter lacked: -1 with chapter_end_has 0) */
    unsigned char *chapter_end_has; /* as chapter_end_values: 1 where the chapter had the stat */
} RoomRoad;

/* Whether a road reached an ending: its own, or a campaign chapter's it went on from. The
 * debrief's room's road is the first road that did (README, room mode). */
static inline bool room_road_reached_ending(const RoomRoad *road)
{
    return road->ended || road->chapters_ended > 0;
}

/* The column of stat id in road's values, or -1 when the road's story has no such stat. */
static inline long room_road_stat(const RoomRoad *road, const char *id)
{
    for (size_t k = 0; k < road->n_stats; k++)
        if (road->stats[k].id && id && strcmp(road->stats[k].id, id) == 0)
            return (long)k;
    return -1;
}

/* A room playing s (which it does not own: s must outlive the room). code: the session code or
 * NULL; out_dir: where the debrief goes ("." when NULL); both copied. Never NULL. Caller frees
 * with room_free. */
Room *room_new(Session *s, const char *code, const char *out_dir);
/* The name the session's files share, without a folder or an extension:
 * workshop-STORY-CODE-YYYYmmdd-HHMM ("room" without a code; local time at room_new, or the
 * journal's when continued). The debrief (.md, .html) and the journal (.journal) use it, so one
 * session leaves one of each, rewritten in place. Owned by the room. */
const char *room_stem(const Room *r);

/* ---- the journal: a room that survives a crash ----
 * OUT_DIR/STEM.journal holds a header line (format "ladder-room-journal", version 1, the story
 * as given, its id, the seed, the code, the stem) and then one JSON line per event: a decision
 * {"decide":N,"choice":I,"counts":[..]|null,"tie":B,"seconds":S}, a rewind {"rewind":K}, a
 * decision taken back {"undo":N} or a campaign's next chapter {"advance":N}.
 * Each line is appended and synced (fdatasync) before the call that made it returns, so kill -9
 * loses nothing the room decided. */

/* Start journaling r: story_ref is how the story is loaded again (an id or a path), seed the
 * session's seed. Returns 0, or -1 with err (the room then plays on without a journal). */
int room_journal_start(Room *r, const char *story_ref, uint64_t seed, Err *err);
/* The journal's path, or NULL when the room is not journaled. Owned by the room. */
const char *room_journal_path(const Room *r);
/* The newest journal in out_dir of the story with this id and this session code (NULL: a room
 * without a code), or NULL when there is none. malloc'd. */
char *room_journal_find(const char *out_dir, const char *story_id, const char *code);
/* Continue the room journaled at path: the story loaded again from the journal's reference
 * (catalog_open), a session opened with its seed and so's other options, and every decision
 * and rewind played again through room_decide and room_rewind, so that the room, its votes and
 * its roads are as they were; the room goes on appending to the same journal. A torn last line
 * (a kill while writing it) is left out. *session receives the session (the caller frees it
 * after the room, as after room_new). Returns NULL with err when the journal cannot be read, is
 * not one, or no longer replays (the story changed). */
Room *room_continue(const char *path, const SessionOptions *so, Session **session, Err *err);
void room_free(Room *r); /* r and its record, not the session; NULL: nothing */
/* The session the room plays (borrowed: the caller of room_new owns it). */
Session *room_session(Room *r);
/* The session code, or NULL; the folder the debrief goes into. Owned by the room, valid until
 * room_free. */
const char *room_code(const Room *r);
const char *room_out_dir(const Room *r);

/* Take option `choice` of the current decision and record the room's vote (counts: one per
 * option shown, or NULL for a pick; tie: the facilitator broke a tie) with the seconds since the
 * decision was shown, and journal it. Returns what session_choose returns. */
int room_decide(Room *r, size_t choice, const int *counts, bool tie, Err *err);
/* The tally of decision i (0-based) of the current road, or NULL. Valid until the next
 * room_decide, room_rewind or room_free. */
const RoomTally *room_tally(const Room *r, size_t i);
/* The room's decisions so far on the road played now, a campaign's earlier chapters' included
 * (the number the room shows is this plus one; room_tally, room_rewind and RoomRoad count so). */
size_t room_decision_count(const Room *r);
/* A campaign: go on to the next chapter once the current one has ended (session_advance: the
 * stats carried over), and journal it ({"advance":N}, N the chapter's number from 1, so
 * room_continue plays it again). Decisions keep their numbers across chapters. Returns what
 * session_advance returns (STATUS_NO_SUCH: no next chapter, or this one has not ended). */
int room_advance(Room *r, Err *err);
/* Take back the room's last decision (a mistyped vote), without keeping the road it made: the
 * decision is shown again, to be voted anew; journaled ({"undo":N}, N the decision's number).
 * A campaign's first decision of a chapter is taken back into the chapter before. Returns 0, or
 * -1 with err when there is no decision to take back. */
int room_undo(Room *r, Err *err);
/* The room's size, to question a vote total far above it: the facilitator's count
 * (room_set_participants, `ladder workshop --participants N`), else the total of the first
 * vote typed on the road played now, else 0 (not known). */
int room_participants(const Room *r);
void room_set_participants(Room *r, int n); /* n <= 0: not given */
/* Go back to just before decision k (1-based, counted across a campaign's chapters: back into
 * an earlier chapter when k is in one); the road so far is kept in the record, and the
 * rewind journaled. Returns 0, or -1 with err when there is no decision k. When the room then
 * takes the same choice at decision k again (the same options shown), the road kept parts
 * from the room's at k + 1 (its rewound_to moves on), and once the room has taken all of its
 * decisions again it leaves the record: it was a correction, not another road. */
int room_rewind(Room *r, size_t k, Err *err);
/* How many roads the room rewound away from (as room_roads' *n). */
int room_roads_not_taken(const Room *r);
/* The roads the room rewound away from, oldest first (*n of them; NULL when none). Owned by
 * the room, valid until the next room_rewind or room_free. */
const RoomRoad *room_roads(const Room *r, size_t *n);
/* The road being played now, as data (its rewound_to is 0). The caller frees it with
 * room_road_free. */
void room_road_current(const Room *r, RoomRoad *out);
/* Free what road holds (as room_road_current filled it), not road itself. */
void room_road_free(RoomRoad *road);

/* Keep the paths of the debrief files last written (the room takes both malloc'd strings,
 * either may be NULL); room_debrief_md and room_debrief_html return them (or NULL), valid
 * until the next room_keep_debrief or room_free. */
void room_keep_debrief(Room *r, char *md, char *html);
const char *room_debrief_md(const Room *r);
const char *room_debrief_html(const Room *r);

/* ---- the ballot: votes cast one by one (from phones) at the current decision ----
 * A ballot opens with each decision (and after a rewind); each participant (an id, up to 32
 * characters) has one vote in it, which they may change while it is open. Every vote and every
 * opening or closing is journaled ({"vote":N,"by":ID,"choice":I}, {"ballot":"open"|"closed"}),
 * so room_continue brings back the votes already cast. */
#define ROOM_MAX_VOTERS 1000
/* Cast or change participant's vote for option `choice` (0-based) of the current decision.
 * Returns 0; STATUS_NO_SUCH with err when the ballot is closed, the story has ended, the
 * option is not one or ROOM_MAX_VOTERS others voted already. */
int room_vote(Room *r, const char *participant, size_t choice, Err *err);
/* The ballot's counts, one per option shown, into counts (room for n); returns how many
 * voted. */
size_t room_ballot(const Room *r, int *counts, size_t n);
/* participant's vote (0-based), or -1 when they have not voted at this decision. */
int room_vote_of(const Room *r, const char *participant);
bool room_ballot_open(const Room *r);
/* Open or close the ballot (journaled when it changes). */
void room_ballot_set_open(Room *r, bool open);

/* The option with most votes (the first of equals; counts has n >= 1 entries), and in *ties
 * how many options share that count. */
size_t room_winner(const int *counts, size_t n, size_t *ties);

#endif
