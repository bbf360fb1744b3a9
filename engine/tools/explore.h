/* explore.h: playing a story many times to see what it does: seeded random playthroughs and an
 * exhaustive walk of its states. Used by `ladder explore` and `ladder check`. */
#ifndef LADDER_EXPLORE_H
#define LADDER_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/story.h"

typedef enum Strategy { STRATEGY_RANDOM, STRATEGY_LEAST_USED, STRATEGY_ADVICE } Strategy;

typedef struct ExploreOptions {
    long runs;
    uint64_t seed;
    Strategy strategy;
    double advice_p;  /* STRATEGY_ADVICE: follow the advice with this probability (autoplay.h) */
    long cap;         /* decisions before a playthrough counts as unfinished (default 500) */
    int jobs;         /* processes (1: this one) */
    bool progress;    /* a progress line on stderr */
    long max_errors;  /* stop once this many playthroughs failed (0: never) */
    double max_seconds; /* random mode in one process: stop after this long (0: never) */
    /* exhaustive mode */
    bool exhaustive;
    long max_depth;   /* default 200 */
    long max_states;  /* default 2,000,000 */
} ExploreOptions;

typedef struct ExploreError {
    uint64_t seed;    /* the run that hit it (random mode) */
    long decision;    /* 0: at the start */
    char *message;
    char *choices;    /* exhaustive: the choice ids leading there, comma-separated */
} ExploreError;

#define EXPLORE_CHECK_RUNS 2000 /* random playthroughs checking an exhaustive walk */
#define EXPLORE_KEEP 25 /* errors and unfinished runs kept with their details */

typedef struct ExploreResult {
    long runs, completed;
    long dmin, dmax;
    long long dsum;
    long *scene_hits;    /* arrivals, per scene */
    long *choice_taken;  /* per choice (Scene.choice_base + i) */
    unsigned long (*when)[2];
    /* stats at the end of completed runs, per stat */
    int *end_min, *end_max;
    long long *end_sum;
    /* stats on arrival, per scene x stat */
    int *at_min, *at_max;
    long long *at_sum;
    long n_errors;
    ExploreError errors[EXPLORE_KEEP];
    int kept_errors;
    bool timed_out;      /* stopped at max_seconds, after `runs` playthroughs */
    long n_stuck;
    uint64_t stuck_seeds[EXPLORE_KEEP];
    int kept_stuck;
    /* exhaustive */
    long states;
    bool truncated;
    long depth_cut;
    /* Exhaustive merges states by scene, stats and flags. What the story's code reads beyond
     * them (visit counts, g.decisions, random draws) is counted in outside_reads, and a choice
     * whose `when` read it is marked in when_outside (per choice): its verdict is not judged. */
    long outside_reads;
    bool *when_outside;
    /* When the walk was truncated, cut at max_depth or read outside its key, random play
     * (random_runs playthroughs from the same seed) checks what it left unreached: per scene
     * and per choice, NULL when random_runs is 0. */
    long random_runs;
    long *random_scene_hits, *random_choice_taken;
} ExploreResult;

/* Run the exploration. Returns 0, or -1 with err (e.g. a fork failure). */
int explore_run(const Story *s, const ExploreOptions *o, ExploreResult *r, Err *err);
void explore_result_free(ExploreResult *r);

/* A campaign explored: each chapter's result, and the career's. */
typedef struct ExploreCampaign {
    size_t n;                /* chapters */
    Story **chapters;        /* the chapters' stories, owned */
    ExploreResult *per;      /* per chapter */
    bool exhaustive;         /* each chapter walked on its own from its own start */
    long runs, completed;    /* random: careers played, and those that ended every chapter */
    long *reached;           /* random: per chapter, the careers that started it */
    /* random: completed careers by their chapters' verdicts ("good,mixed,bad,good"), in order of
     * first appearance */
    char **paths;
    long *path_counts;
    size_t n_paths;
} ExploreCampaign;

/* Explore a campaign (s->n_chapters > 0): random mode plays whole careers (in one process,
 * stats carried over as in play); exhaustive walks each chapter. Returns 0, or -1 with err when
 * a chapter cannot be loaded. Free c with explore_campaign_free. */
int explore_campaign_run(const Story *s, const ExploreOptions *o, ExploreCampaign *c, Err *err);
void explore_campaign_free(ExploreCampaign *c);

/* Words of prose in the story's literal texts (scenes, choices, endings). */
long explore_words(const Story *s);

#endif
