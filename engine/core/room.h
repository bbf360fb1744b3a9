/* room.h: a workshop room's record: the room's votes at each decision, the roads it rewound
 * away from, and the debrief written as Markdown and HTML. The terminal and the window run
 * room mode on top of it. */
#ifndef LADDER_ROOM_H
#define LADDER_ROOM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"

typedef struct Room Room;

/* The room's vote at one decision. */
typedef struct RoomTally {
    int *counts;  /* per option shown, or NULL when the facilitator simply picked */
    char **texts; /* the options as shown */
    size_t n;
    size_t chosen;
    bool tie; /* the facilitator broke a tie */
} RoomTally;

/* A room playing s (which it does not own). code: the session code or NULL; out_dir: where
 * the debrief goes. */
Room *room_new(Session *s, const char *code, const char *out_dir);
void room_free(Room *r);
Session *room_session(Room *r);
const char *room_code(const Room *r);

/* Take option `choice` of the current decision and record the room's vote (counts: one per
 * option shown, or NULL for a pick; tie: the facilitator broke a tie). Returns what
 * session_choose returns. */
int room_decide(Room *r, size_t choice, const int *counts, bool tie, Err *err);
/* The tally of decision i (0-based) of the current road, or NULL. */
const RoomTally *room_tally(const Room *r, size_t i);
/* Go back to just before decision k (1-based); the road so far is kept in the record.
 * Returns 0, or -1 with err when there is no decision k. */
int room_rewind(Room *r, size_t k, Err *err);
/* How many roads the room rewound away from. */
int room_roads_not_taken(const Room *r);
/* Write the debrief (Markdown and HTML) into the output folder; *md and *html (optional)
 * receive the paths, owned by the room. Returns 0 or -1 with err. */
int room_write_debrief(Room *r, const char **md, const char **html, Err *err);

/* "Burnout +8, Trust -5" (or "no change") for a decision's stats before and after. */
void room_stat_changes(Buf *b, const Story *s, const int *before, const int *after);

/* The option with most votes and how many options share that count. */
size_t room_winner(const int *counts, size_t n, size_t *ties);

#endif
