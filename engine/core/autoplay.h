/* autoplay.h: one seeded playthrough of a story or a campaign with the choices picked by a
 * program (uniformly at random, or the least used so far), for the tools and tests that play
 * many games: explore, replay --random, the report's random baseline, randomplay. The "pick"
 * generator and its seed live here only, so a playthrough one tool reports is the one another
 * replays. */
#ifndef LADDER_AUTOPLAY_H
#define LADDER_AUTOPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/game.h"

/* The pick generator's seed for the game seed `seed`: what explore, replay --random and
 * randomplay use, so that any of their playthroughs can be replayed by its seed alone. */
uint64_t autoplay_pick_seed(uint64_t seed);
/* The pick seed of the n-th playthrough (from 1) of a series keyed by key (the report's
 * baseline); autoplay_pick_seed(s) equals autoplay_pick_seed_nth(s, 1). */
uint64_t autoplay_pick_seed_nth(uint64_t key, uint64_t n);

typedef enum AutoplayStrategy {
    AUTOPLAY_RANDOM,     /* each shown choice equally likely */
    AUTOPLAY_LEAST_USED, /* the shown choice with the lowest count in choice_counts (ties at random) */
    /* At a decision where a shown choice carries an advice tag (Choice.advice): with probability
     * advice_p follow the advice (a choice tagged "follows", else one not tagged "against"),
     * otherwise go against it (a choice tagged "against", else one not tagged "follows"), at
     * random among those; elsewhere as AUTOPLAY_RANDOM. The coin is drawn from the pick
     * generator only at tagged decisions, so advice:P replays by its seed like random play. */
    AUTOPLAY_ADVICE
} AutoplayStrategy;

/* A strategy by name: "random", "least-used" or "advice:P" (P from 0 to 1, e.g. "advice:0.9").
 * Fills *st and *advice_p (0 unless advice); false when the name is none of these. */
bool autoplay_parse_strategy(const char *name, AutoplayStrategy *st, double *advice_p);
/* The name autoplay_parse_strategy reads, into buf (size at least 32): "advice:0.9". */
const char *autoplay_strategy_name(AutoplayStrategy st, double advice_p, char *buf, size_t size);
/* AUTOPLAY_ADVICE's pick among the choices g shows now (an index for game_choose): with no
 * tagged choice, one at random; else a coin (pick's next draw) below p follows the advice (a
 * choice tagged follows, else one not tagged against), otherwise goes against it, each drawn
 * evenly from pick. Also core/road_replay's pick with p = 1. */
size_t autoplay_pick_advised(const Game *g, double p, Rng *pick);

typedef enum AutoplayStop {
    AUTOPLAY_ENDED,    /* the story (every chapter of a campaign) reached an ending */
    AUTOPLAY_LIMIT,    /* a story or chapter took max_decisions without ending */
    AUTOPLAY_DEADLINE, /* util_now_seconds() passed the deadline */
    AUTOPLAY_FAILED,   /* a script error, a dead end, or a chapter that cannot be loaded */
    AUTOPLAY_STOPPED   /* the go_on hook said to stop */
} AutoplayStop;

typedef struct AutoplayOptions {
    uint64_t seed;      /* the game's seed; chapter i plays chapter_seeds[i], else seed + i */
    uint64_t pick_seed; /* seeds the pick generator (autoplay_pick_seed(seed) as a rule) */
    const char *player; /* the player's name; NULL: none given ({player} reads "friend") */
    AutoplayStrategy strategy;
    double advice_p;    /* AUTOPLAY_ADVICE: the probability of following the advice */
    long max_decisions; /* decisions in one story or chapter before it stops (0: no limit) */
    double deadline;    /* stop once util_now_seconds() is past this (0: never) */
    bool quiet;         /* game_set_quiet: literal texts are not laid out */
    /* Counts per choice (Scene.choice_base + i) of a single story: each decision taken adds
     * one, and AUTOPLAY_LEAST_USED steers by them (it needs them). Borrowed; NULL: none. For a
     * campaign chapter_choice_counts below are used instead (none: least-used picks at random). */
    long *choice_counts;
    unsigned long (*when_counts)[2]; /* game_set_when_counts for a single story; NULL: off */
    /* Campaigns: the same counts per chapter (chapter_choice_counts[i] and
     * chapter_when_counts[i] for chapter i, each as above for that chapter's story). Borrowed;
     * NULL: none. */
    long **chapter_choice_counts;
    unsigned long (**chapter_when_counts)[2];
    /* Campaigns: the seeds of the chapters (n_chapter_seeds of them; the rest seed + i). */
    const uint64_t *chapter_seeds;
    size_t n_chapter_seeds;
    /* Campaigns: chapter i of campaign, borrowed (alive until autoplay_play returns), or NULL
     * with err. NULL hook: catalog_open_chapter, loaded and freed by autoplay_play. */
    const Story *(*chapter)(void *ctx, const Story *campaign, size_t i, Err *err);
    /* Hooks, each optional; g is borrowed for the call only. */
    void (*arrived)(void *ctx, const Game *g);          /* after a start and each decision */
    void (*picked)(void *ctx, const Game *g, size_t k); /* shown choice k is about to be taken */
    /* a story's or chapter's game stops (at its ending, a limit, the deadline or a script
     * error in a decision): the last look at it before it is freed */
    void (*finished)(void *ctx, const Game *g, size_t chapter);
    /* asked after each arrival (a start or a decision, after `arrived`): false stops the
     * playthrough there with AUTOPLAY_STOPPED */
    bool (*go_on)(void *ctx, const Game *g);
    void *ctx;
} AutoplayOptions;

typedef struct AutoplayResult {
    AutoplayStop stop;
    long decisions;    /* taken, over all chapters */
    size_t chapters;   /* stories or chapters played to their ending */
    long failed_at;    /* AUTOPLAY_FAILED: the decision (from 1) that failed; 0: at a start */
    size_t failed_chapter; /* AUTOPLAY_FAILED: the chapter it happened in (0 for a story) */
    Err err;           /* AUTOPLAY_FAILED: what went wrong */
} AutoplayResult;

/* Play story (a single story, or a campaign through its chapters, stats carried over with
 * game_new_after as a session does) from o->seed, picking with o->strategy, until it ends or
 * stops. Fills *r and returns r->stop. The story is borrowed and not changed. */
AutoplayStop autoplay_play(const Story *story, const AutoplayOptions *o, AutoplayResult *r);

#endif
