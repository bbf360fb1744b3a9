/* game_int.h: the inside of a Game, shared by the two files of the rules: core/game.c (one
 * playthrough) and core/carry.c (what a campaign carries from one chapter into the next).
 * Nothing outside core/game*.c and core/carry.c includes it. */
#ifndef LADDER_GAME_INT_H
#define LADDER_GAME_INT_H

#include <stdint.h>

#include "core/game.h"
#include "core/rng.h"

struct Game {
    const Story *story;
    unsigned long long serial; /* game_serial */
    uint64_t seed;
    Rng rng;
    char *player;
    int *stats, *change;
    int *change_choice; /* of change: the last choice's own effects */
    Value *flags;
    int *visits;
    int scene;
    const char *chapter;
    char *text;
    size_t *avail; /* indices of the choices shown now */
    char **avail_text;
    size_t n_avail;
    size_t *locked; /* indices of the choices shown locked now, with their texts and reasons */
    char **locked_text, **locked_reason;
    size_t n_locked;
    int pending_scene, pending_choice; /* the decision being taken, before it is journalled */
    Decision *journal;
    size_t n_journal, cap_journal;
    unsigned char *fired; /* thresholds fired during the current decision */
    int *init_stats;      /* the values the game started from (story starts, or carried) */
    Value *init_flags;
    bool quiet;
    unsigned long (*when_counts)[2];
    unsigned long outside_reads; /* reads of state game_state_hash leaves out (see game.h) */
    bool *when_outside;
    /* a campaign's stats from earlier chapters that this story does not declare, carried on to
     * later chapters that do (ids and bounds copied: the earlier stories may be freed) */
    StatDef *carry;
    size_t n_carry;
    /* for each of this story's stats: carried from an earlier chapter (then carried_end holds
     * its value when that chapter ended, before the time between chapters acted on it) */
    bool *carried;
    int *carried_end;
};

/* game.c's own helpers, for carry.c: a value clamped to the stat's bounds; a flag set (the value
 * copied); a game allocated at the story's starting values; the game entered at its start scene
 * (NULL with err filled, g freed, when a script fails there). */
int game_int_clamp(const StatDef *d, long long v);
void game_int_set_flag(Game *g, int i, const Value *v);
Game *game_int_alloc(const Story *s, uint64_t seed, const char *player);
Game *game_int_begin(Game *g, Err *err);

/* carry.c's, for game.c: free a carry list (ids owned); copy from's carry list and carried
 * marks into to (a replay or a clone of the same chapter). */
void game_int_free_carry(StatDef *v, size_t n);
void game_int_copy_carry(Game *to, const Game *from);

#endif
