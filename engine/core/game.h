/* game.h: one playthrough of a story: stats, flags, the current scene, and the journal of
 * decisions. The rules live here: effects are clamped deltas, thresholds force jumps, and every
 * random number comes from the game's seeded generator, so (story, seed, choices) determine a
 * playthrough completely. */
#ifndef LADDER_GAME_H
#define LADDER_GAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/rng.h"
#include "core/story.h"

typedef struct Game Game;

/* One decision of the journal. before/after hold Story.n_stats values each. */
typedef struct Decision {
    int scene;     /* where the decision was taken */
    int choice;    /* index into that scene's choices */
    double seconds; /* time the player took */
    int *before, *after;
    int forced;    /* index of the threshold that forced the jump, or -1 */
    char *text;    /* the choice's text as it was shown */
    char *reply;   /* the choice's reply as it was shown (laid out), or NULL when it has none */
    char *not_taken; /* the road not taken: the text, as shown, of the first other choice offered
                        at this decision that the story tags the other way (advice), or NULL */
    char *scene_text; /* the scene's text as it was shown when the choice was taken (laid out,
                         as game_text): the window's history reads it instead of replaying the
                         game (issue 16, item 14); NULL in a quiet game (game_set_quiet) */
} Decision;

/* A decision as stored in a save: ids, so it survives edits of the story. */
typedef struct Step {
    const char *scene, *choice;
    double seconds;
} Step;

/* Start a game at the story's start scene. Returns NULL with err filled if the scenario fails
 * on the way (a script error in the first scene, say). Caller frees with game_free. */
Game *game_new(const Story *s, uint64_t seed, const char *player, Err *err);
/* Free g and everything its accessors lent. NULL: nothing. The Story is not the game's. */
void game_free(Game *g);

/* Start a game that carries on from prev, the previous chapter of a campaign (borrowed for the
 * call), by the rules of scenarios/README.md, "Campaigns": every stat the player carries (prev's
 * own, and those earlier chapters declared that prev did not) is acted on by between (the
 * campaign's effects for the time between chapters, borrowed; NULL: none), and a stat s
 * declares starts at the result, clamped to its bounds and kept one step inside each of its
 * thresholds; the rest are carried on for later chapters. String flags named previous_verdict
 * and previous_ending, if s declares them, hold the verdict ("good", "mixed", "bad") and the id
 * of prev's ending. prev may be NULL. Errors and ownership as game_new. */
Game *game_new_after(const Story *s, uint64_t seed, const char *player, const Game *prev,
                     const Effects *between, Err *err);

/* Replay steps from the start. Stops at the first step that no longer fits the story (scene or
 * choice gone or unavailable); *applied tells how many were replayed. Returns NULL only when a
 * script fails, with err filled. Caller frees with game_free; steps are borrowed for the call. */
Game *game_replay(const Story *s, uint64_t seed, const char *player, const Step *steps, size_t n,
                  size_t *applied, Err *err);
/* The same for a chapter of a campaign, carrying on from prev as game_new_after does. */
Game *game_replay_after(const Story *s, uint64_t seed, const char *player, const Game *prev,
                        const Effects *between, const Step *steps, size_t n, size_t *applied,
                        Err *err);
/* A new game replaying the first n decisions of g (n <= game_decision_count(g)). NULL with err
 * filled when a script fails, or when the replay does not arrive where g was after n decisions
 * (same scene, same stats): the story is not deterministic (GAME_DIVERGED_WHY says how that
 * comes about). */
Game *game_rewind(const Game *g, size_t n, Err *err);

/* Why a story can play differently with the same seed and choices, for messages. */
#define GAME_DIVERGED_WHY                                                                          \
    "A script keeps state of its own between calls (a Lua variable changed during play) or "    \
    "depends on something besides the seed and the choices, such as the order of pairs() over " \
    "a table's keys, which differs from run to run; keep state in stats and flags, and sort "    \
    "keys before choosing by them."

/* Take the i-th available choice (0-based). Returns 0, or -1 with err filled when a script
 * fails; then the game is broken and should be rewound. */
int game_choose(Game *g, size_t i, double seconds, Err *err);
/* Take the available choice with this id; -1 with err if there is none (the game unchanged)
 * or when a script fails (as game_choose). */
int game_choose_id(Game *g, const char *id, double seconds, Err *err);

/* Accessors. Lifetimes: strings and pointers returned below are borrowed from g. Those about
 * the current scene (game_text, game_chapter, game_choice_text) and game_decision's pointer
 * stay valid until the next game_choose or game_choose_id on g, or game_free; game_player's
 * until game_free; those into the Story (game_story, game_scene, game_choice) live as long as
 * the Story. Stat and choice indexes are 0-based. */
const Story *game_story(const Game *g);
uint64_t game_seed(const Game *g);        /* the seed it was started with */
const char *game_player(const Game *g);   /* the player's name, "" when none was given */
/* The name as prose and scripts read it ({player}, g.player): the name, or GAME_NO_NAME. */
const char *game_player_prose(const Game *g);
/* What {player} reads when no name was given: a word that reads naturally where stories use a
 * name, addressing the player ("That leaves 11 hours, friend, and ..."). Stories that need a
 * name ask for it (ask_name); `ladder check` warns about {player} in those that do not. */
#define GAME_NO_NAME "friend" /* see game_player_prose */
const Scene *game_scene(const Game *g);   /* the current scene, in the Story */
int game_scene_index(const Game *g);      /* its index into Story.scenes */
const char *game_text(const Game *g);    /* the current scene's prose, interpolated */
const char *game_chapter(const Game *g); /* NULL if the story has no chapters yet */
bool game_ended(const Game *g);
size_t game_choice_count(const Game *g); /* choices available now */
/* Choices shown locked now (their `requires` unmet, or `when` false with a show_locked text),
 * after the available ones; they cannot be taken. The i-th (i < game_locked_count) in the
 * Story, its text as shown and why it is locked ("Needs Business acumen 60", or its
 * show_locked text), interpolated and laid out; texts valid until the next decision. NULL when
 * i is out of range. */
size_t game_locked_count(const Game *g);
const Choice *game_locked_choice(const Game *g, size_t i);
const char *game_locked_text(const Game *g, size_t i);
const char *game_locked_reason(const Game *g, size_t i);
/* The i-th available choice (i < game_choice_count), in the Story; and its text as shown
 * (interpolated), valid until the next decision. */
const Choice *game_choice(const Game *g, size_t i);
const char *game_choice_text(const Game *g, size_t i);
int game_stat(const Game *g, size_t stat); /* the stat's value now (within its min..max) */
/* Change of the stat over the last decision (0 before the first). */
int game_stat_change(const Game *g, size_t stat);
/* The part of that change made by the choice's own effects (the rest came on arriving in the
 * next scene: its effects, or a forced jump's). */
int game_stat_change_choice(const Game *g, size_t stat);
/* Did the stat's starting value come from an earlier chapter of a campaign (game_new_after)?
 * Then *at_end (if not NULL) gets its value when that chapter ended, before the time between
 * chapters and this chapter's thresholds acted on it. */
bool game_stat_carried(const Game *g, size_t stat, int *at_end);
/* The flag's value now (index into Story.flags); borrowed from g until the next decision. */
const Value *game_flag(const Game *g, size_t flag);
/* How many times the game has entered scene (an index into Story.scenes). */
int game_visits(const Game *g, int scene);
/* Decisions taken so far, and decision i of the journal (i < the count; 0 is the first). */
size_t game_decision_count(const Game *g);
const Decision *game_decision(const Game *g, size_t i);
/* The lesson for decision i: the choice's own, else its scene's; NULL if none. */
const char *game_decision_lesson(const Game *g, size_t i);
/* A number no other Game of this process had (never 0): every game made (new, a replay, a
 * rewind, a clone, a campaign's next chapter) has its own, and a decision taken keeps it, as it
 * only adds to the journal. So a Screen described from a game of the same serial with fewer
 * decisions holds the same first ones (screen_describe_next). */
unsigned long long game_serial(const Game *g);

/* For tools that play many games (explore, check). */

/* Quiet: skip laying out literal texts (function texts still run, so the random numbers drawn
 * are the same as in play). game_text and game_choice_text then return "" for literal text. */
void game_set_quiet(Game *g, bool quiet);
/* Count each `when` result: counts[choice_base + i][0] when false, [1] when true. NULL: off. */
void game_set_when_counts(Game *g, unsigned long (*counts)[2]);
/* State outside game_state_hash: the host calls game_note_outside_read whenever a script reads
 * a visit count (g:visited), g.decisions or a random draw (g:chance, g:roll), so that explore
 * knows which verdicts its merged states cannot judge. game_outside_reads: how many so far
 * (kept by game_clone). game_set_when_outside: marks[choice_base + i] is set true when choice
 * i's `when` made such a read (borrowed, NULL: off). */
void game_note_outside_read(Game *g);
unsigned long game_outside_reads(const Game *g);
void game_set_when_outside(Game *g, bool *marks);
/* A deep copy of g, to branch from. Caller frees with game_free. */
Game *game_clone(const Game *g);
/* A hash of scene, stats and flags: equal states (for merging) hash equal. */
unsigned long long game_state_hash(const Game *g);
/* True if a and b have the same scene, stats and flags. */
bool game_same_state(const Game *a, const Game *b);

/* The value a stat of definition d holding value moves to under effect e: added, set, or moved
 * e->delta percent of the way to d->max (EFFECT_FAIR_UP) or d->min (EFFECT_FAIR_DOWN), that
 * move rounded to the nearest integer with halves away from zero; then clamped to d's range. */
int game_effect_result(const StatDef *d, const Effect *e, int value);

/* For the script host: the generator behind g:chance and g:roll (borrowed from g, valid until
 * game_free). */
Rng *game_rng(Game *g);

#endif
