/* script.h: the sandboxed Lua host behind a story. Scenario scripts are untrusted: only base,
 * table, string, math, utf8 and coroutine; no io, os, debug, package, dofile, loadfile or binary
 * chunks; a memory cap and an instruction budget per load and per callback that pcall cannot
 * escape. Errors come back as "file:line: message (scene 'x', choice 'y')". */
#ifndef LADDER_SCRIPT_H
#define LADDER_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/game.h"
#include "core/host.h"
#include "core/story.h"
#include "core/util.h"

/* The Lua host's state behind a story: core/host.h's opaque Host. */
typedef struct Host Script;

typedef struct ScriptLimits {
    size_t memory;     /* bytes the Lua state may hold */
    long load_budget;  /* instructions to load all of a story's files */
    long call_budget;  /* instructions for one callback */
    long wall_ms;      /* milliseconds one load chunk or callback may run; 0: no limit */
    long step_budget;  /* instructions for all the callbacks of one step (see script_step) */
} ScriptLimits;

/* The wall-clock limit (which backs up the instruction budget): 2 s, longer under
 * AddressSanitizer, where C code runs several times slower and the Lua interpreter with it
 * (core/util.h's LADDER_WALL_SCALE). */
#define SCRIPT_WALL_MS (2000L * LADDER_WALL_SCALE)

/* The defaults: 64 MiB, 50 million instructions to load, 5 million per callback and 20 million
 * for all the callbacks of one step, 2,000 ms of wall-clock time per load chunk or callback
 * (SCRIPT_WALL_MS: 8,000 under AddressSanitizer). */
ScriptLimits script_default_limits(void);

/* Close the Lua state and free sc (story_free calls it through HostOps). NULL: nothing. */
void script_free(Script *sc);

/* A new step of play begins (a game starts, or a choice is taken and the next scene entered):
 * the callbacks from here to the next step share limits.step_budget instructions, so a scene
 * with many functions cannot take many callbacks' worth of time. */
void script_step(Script *sc);

/* Callbacks from the rules. Each runs fn(g) with g the read-only view of game. Return 0, or -1
 * with err filled ("file:line: message (scene 's', choice 'c', when)"). */
int script_call_bool(Script *sc, HostFn fn, Game *game, const HostCall *at, bool *out, Err *err);
/* *out is malloc'd: the caller frees it. */
int script_call_string(Script *sc, HostFn fn, Game *game, const HostCall *at, char **out, Err *err);
/* fn returns { stat = delta, ... }; *out is malloc'd (free with story_free_effects), names
 * resolved against the story. */
int script_call_effects(Script *sc, HostFn fn, Game *game, const HostCall *at, Effect **out,
                        size_t *n, Err *err);
/* fn returns { flag = value, ... }; *out: free with story_free_sets. */
int script_call_set(Script *sc, HostFn fn, Game *game, const HostCall *at, FlagSet **out, size_t *n,
                    Err *err);

/* The warning the callbacks made since the last take (HostOps.take_warning), malloc'd, or NULL. */
char *script_take_warning(Script *sc);

#endif
