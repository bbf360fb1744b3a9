/* road_replay.h: the road not taken at one decision, played by the engine itself: the road's
 * decisions replayed up to that decision, the other choice taken there, and the game played on
 * to an ending, for the debrief's "what the other road led to" (issue 17). */
#ifndef LADDER_ROAD_REPLAY_H
#define LADDER_ROAD_REPLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/game.h"

/* Later decisions a replay takes at most before it stops without an ending. */
#define ROAD_REPLAY_MAX_DECISIONS 500

/* How the other choice at the decision was picked. */
typedef enum RoadOther {
    ROAD_OTHER_RUNNER_UP, /* the most voted option after the road's (the first of equals) */
    ROAD_OTHER_ADVICE,    /* no votes: the first choice the story tags the other way (advice) */
    ROAD_OTHER_FIRST      /* no votes, no such tag: the first other choice shown */
} RoadOther;

/* Where the other road led. Every pointer is malloc'd and freed by road_replay_free. */
typedef struct RoadReplay {
    char *error;        /* NULL, or why it could not be replayed (then only `choice` may be set) */
    char *choice;       /* the other choice's text as shown at the decision, or NULL */
    size_t other;       /* its index among the choices shown there (0-based) */
    RoadOther how;
    bool ended;         /* reached an ending; false: stopped after max_decisions later ones */
    char *ending_title; /* when ended: the ending's title (its id when it has none) */
    Verdict verdict;    /* when ended */
    int *stats;         /* where the stats stood at the end: Story.n_stats values */
    size_t n_stats;
    size_t decisions;   /* decisions on the replayed road, from the start */
    size_t kept;        /* later decisions that took the road's own choice */
    size_t advised;     /* later decisions picked by the advice tags */
    size_t chance;      /* later decisions picked at random (no choice tagged there) */
} RoadReplay;

/* Play the road not taken at decision k (1-based) of a road of `steps` (n of them, ids of the
 * story of `like`; borrowed): a fresh game with like's seed, player and starting values (as
 * game_rewind(like, 0), so a campaign's chapter keeps what it carried in) replays steps 1 to
 * k-1, takes the other choice at decision k (RoadOther: the runner-up of counts, the room's
 * votes at k with one count per choice shown, or NULL; else by the advice tags), and plays on:
 * at each later decision the road's own choice when the same scene offers it (by scene and
 * choice id, each of the road's later steps used once, in order), elsewhere as autoplay's
 * advice strategy with advice_p 1 (core/autoplay.h: a choice tagged "follows", else one not
 * tagged "against", at random among those; at random where nothing is tagged), its pick
 * generator seeded with autoplay_pick_seed(the game's seed), so a replay is the same every
 * time. like may be a campaign's finished chapter (session_past_game): the road is then that
 * chapter's, replayed from what it carried in, to that chapter's ending (the debrief's "in
 * chapter N"). It stops at an ending or after max_decisions later decisions (0:
 * ROAD_REPLAY_MAX_DECISIONS). Fills *out (freed with road_replay_free). Returns 0; -1 with
 * out->error when the road does not replay (a step no longer fits, a step's ids are NULL,
 * decision k offers a single choice) or a script fails: never exits. */
int road_replay_other(const Game *like, const Step *steps, size_t n, size_t k, const int *counts,
                      size_t n_counts, long max_decisions, RoadReplay *out);
/* Free what r holds (not r itself); r is then empty. */
void road_replay_free(RoadReplay *r);

#endif
