/* debrief_int.h: what the debrief's files share (debrief.c writes the plan and the record,
 * debrief_handout.c the room's handout): the room's roads and the pivotal decisions. Nothing
 * outside engine/out/debrief*.c includes it. */
#ifndef LADDER_DEBRIEF_INT_H
#define LADDER_DEBRIEF_INT_H

#include "core/room.h"
#include "core/util.h"

/* Every road in the order the room played them (those rewound away from, then the one played
 * now), and which is the room's own: the first that reached an ending (room_road_reached_ending:
 * a campaign's road that went on from a chapter's ending counts; later ones are roads
 * explored after it), or the one played now when none did (the room changed its mind before an
 * ending). The review of issue 14 found the last road called the room's after a rewind. */
typedef struct Roads {
    const RoomRoad **v;
    size_t n, room;
    const Game *like; /* the game being played: the start a replay of the room's road takes */
    const Session *session; /* the room's (a campaign's earlier chapters: session_past_game) */
} Roads;

/* Where the room's roads ended: stat k after the road's last decision, and the ending's title
 * (or that it stopped before one). */
static inline int road_final(const RoomRoad *road, size_t k)
{
    return road->values[road->n * road->n_stats + k];
}

static inline const char *road_end(const RoomRoad *road)
{
    return road->ended ? road->ending_title : "(stopped before an ending)";
}

/* The first decision (1-based) where road j parts from the roads before or after it
 * (debrief.c). */
size_t debrief_parts_at(const Roads *rs, size_t j);
/* The votes of a tally in words: "3, 5 (8 voted; 42 s)" (debrief.c). */
void debrief_votes_text(Buf *b, const RoomTally *t);
/* The 30-minute plan in Markdown (html false) or HTML, appended to b (debrief_plan.c). */
void debrief_plan(Buf *b, const Roads *rs, bool html);

/* The room's roads (debrief.c): those rewound away from, then current (borrowed); rs.v is
 * malloc'd (the caller frees it), the roads stay the room's and current's. */
Roads debrief_roads(Room *r, const RoomRoad *current);

#define PIVOTS_MAX 5 /* decisions to discuss, at most (3 at least when the road has them) */

/* Why a decision of the room's road is picked for the debrief. */
enum { WHY_DIVIDED = 1, WHY_SWING = 2, WHY_AGAINST = 4 };

typedef struct Pivot {
    size_t i;     /* the decision, 0-based */
    int why;      /* WHY_* */
    double split; /* 0..1: the share of the votes not for the most voted option; -1: no votes */
    bool tie;     /* the facilitator broke a tie */
    double swing; /* the stats' moves, each as a share of its range, summed */
} Pivot;

/* The pivotal decisions of road, in the road's order: the two most divided votes (the room's
 * choice had at most 60 in 100 of the votes; the fewer it had, the more divided), the two
 * largest swings of the stats, and up to two where the
 * room went against the articles' advice; filled up to 3 with the largest swings, at most
 * PIVOTS_MAX. The picks follow the review of issue 17 (most divided, most consequential,
 * against the advice). malloc'd, *n long. */
Pivot *debrief_pivots(const RoomRoad *road, size_t *n);

/* The participants' handout of the room (out/handout.h's page) appended to b: the story's
 * premise, the pivotal decisions of the room's road with each option's share of the votes and
 * the room's choice, the advice of the chapters played, the endings of the roads played. */
void debrief_handout_render(Room *r, const Roads *rs, const char *when, Buf *b);

#endif
