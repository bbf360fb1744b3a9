/* internal.h: internals shared by the Lua host's files (script.c, sandbox.c, loader.c, view.c,
 * ...). Nothing outside engine/lua includes this; the core sees the host only through
 * core/host.h, and programs install it through lua/lua_host.h. */
#ifndef LADDER_LUA_INTERNAL_H
#define LADDER_LUA_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>
#include <stdatomic.h>

#include "lua/script.h"

/* The instruction hook fires every HOOK_STEP instructions; budgets are counted in these ticks. */
#define HOOK_STEP 1000
/* Work done in C on a script's behalf is charged to the same budget: every
 * ALLOC_BYTES_PER_INSTRUCTION bytes the Lua state allocates cost one instruction. */
#define ALLOC_BYTES_PER_INSTRUCTION 8
/* What the code still unwinding after the budget ran out may allocate, in bytes. */
#define AFTER_BUDGET_BYTES (256u << 10)

struct Host { /* the Lua state behind one story (core/host.h calls it Host) */
    lua_State *L;
    ScriptLimits limits;
    size_t used;       /* bytes held by the Lua state */
    long ticks;        /* hook ticks left for the running load or callback */
    size_t carry;      /* instructions charged by C code, not yet a whole tick */
    size_t alloc_carry; /* bytes allocated, not yet a whole tick */
    size_t spent_alloc; /* bytes allocated since the budget ran out */
    bool exhausted;    /* the budget ran out; stays set until the next call starts */
    atomic_bool timed_out; /* the watchdog says the running call passed its wall-clock limit */
    bool loading;      /* the story's files are running: story, scene, choice work only now */
    bool warned_when;  /* a `when` returned a non-boolean in play, and a warning was made */
    char *warning;     /* that warning, until HostOps.take_warning hands it over */
    bool want_bool;    /* the running callback is a condition: its result is not made a string */
    const char *last_read; /* the stat or flag the running callback read last (into the story),
                            * or NULL: for the hint on a `when` that returns a number */
    size_t text_total; /* bytes of literal strings the story's declarations hold */
    long step_left;    /* instructions left for the callbacks of this step (script_step) */
    char *decl_error;  /* the first declaration that failed (even if a pcall caught it) */
    size_t shift;      /* bytes the state's own block is moved by (script_new_variant) */
    void *shifted;     /* that block, as given to Lua */
    bool placed;       /* the state's block has been allocated */
    char last_src[64]; /* where the hook last saw the script, for memory errors */
    int last_line;
    Story *story;      /* the story this state serves */
    Game *game;        /* the game shown by the view during a callback; NULL while loading */
    int view_ref;      /* registry: the read-only proxy passed to callbacks as g */
    int names_ref;     /* registry: name -> code table behind the view */
    /* loader state */
    const char *file;  /* file being loaded (points into story->files) */
    bool story_seen;
    int pending_scenes;
    Pos pending_pos;
};

/* A new sandboxed Lua state under limits (memory in bytes, budgets in instructions). NULL with
 * err when Lua cannot start or open its libraries. Free with script_free (script.h). */
Script *script_new(ScriptLimits limits, Err *err);
/* The same, with the state's block placed so that pairs() visits keys in another order than in
 * a state of variant 0, as in another process (see script.c). */
Script *script_new_variant(ScriptLimits limits, unsigned variant, Err *err);
/* Fetch the Script behind a lua_State (stored in its extra space); borrowed, valid until
 * script_free. */
Script *script_of(lua_State *L);
/* Call the function sitting below its nargs arguments on top of the stack, under a fresh budget
 * of `ticks` instructions (0: keep the running budget), with a message handler that adds
 * file:line. Returns 0 with nres results pushed; on error (a Lua error, the instruction budget
 * or wall-clock limit spent, out of memory), -1 with the function and arguments popped and err
 * filled. */
int script_pcall(Script *sc, int nargs, int nres, long ticks, Err *err);
/* The same for a callback: fn (a registry reference to the function called) names where it was
 * defined when an error carries no position, without the cost of looking it up on success. */
int script_pcall_fn(Script *sc, int nargs, int nres, long ticks, HostFn fn, Err *err);
/* Start a budgeted run without a call (for loads spanning several chunks). */
void script_begin(Script *sc, long ticks);
/* Charge work done in C for the script running on L to its budget, in instructions; raises
 * the budget error (a Lua error, so only from code running under lua_pcall) once it is spent. */
void script_charge(lua_State *L, size_t instructions);

/* True if the value at idx is Lua's message for running out of memory. */
bool script_is_memory_error(lua_State *L, int idx);

/* sandbox.c: open the libraries a script gets, as a lua_CFunction to run under lua_pcall
 * (running out of memory there is then an error, not an abort). */
int sandbox_open(lua_State *L);

/* pattern.c: string.find, match, gmatch and gsub with the matcher's steps charged. */
void pattern_install(lua_State *L);

/* workarounds.c: wrappers that close off Lua 5.4.4's known bugs; run last in open_sandbox. */
void workarounds_install(lua_State *L);

/* watchdog.c: the wall-clock limit of one load or callback (limits.wall_ms). begin and end
 * bracket every budgeted lua_pcall; expired tells the count hook to stop the call. */
void watchdog_begin(Script *sc); /* start the clock: limits.wall_ms milliseconds from now */
void watchdog_end(Script *sc);   /* stop it */
bool watchdog_expired(Script *sc); /* true once the running call is past its limit */

/* view.c */
/* After the story is loaded: the name table and the proxy. Returns 0, or -1 with err when the
 * Lua state has no memory left for them. */
int view_build(Script *sc, Err *err);

/* Convert the Lua value at idx into a flag value; false if its type is not allowed or it is a
 * string longer than TEXT_MAX_BYTES. */
bool script_to_value(lua_State *L, int idx, Value *v);


/* Instructions charged for each key a declaration holds: the checks after loading (in C, out
 * of the count hook's sight) look each one up. */
#define DECL_KEY_COST 32

/* fields.c: the readers of a declaration's fields. Each reads the value on top of the stack
 * and raises a Lua error "file:line: message" at pos when it is not what the field needs. */
int raise_at(lua_State *L, Pos pos, const char *fmt, ...) LADDER_PRINTF(3, 4);
/* Where the running declaration was written (the innermost Lua function calling it). */
Pos caller_pos(lua_State *L);
/* A hint for a Lua syntax error message (" (a ',' missing between two items ...?)") for the
 * common slips, or "": a static string. */
const char *syntax_hint(const char *msg);
/* True if s is a Lua name: [A-Za-z_][A-Za-z0-9_]* (so g.name works in a script). */
bool is_lua_name(const char *s);
/* The string on top, with no NUL byte, at most max bytes; counted in the story's total. Borrowed
 * from the Lua stack: valid while that value stays on it. Raises otherwise. */
const char *string_value(lua_State *L, Pos pos, const char *what, const char *field, size_t max);
/* A copy (malloc'd) of the string on top, capped by the field's kind. */
char *get_string(lua_State *L, Pos pos, const char *what, const char *field);
/* The table key at idx if it is a string with no NUL byte (a name), else NULL. */
const char *key_name(lua_State *L, int idx);
/* Raise "what: 'field' must be a string" unless the value on top is a string (not a number). */
void get_string_check(lua_State *L, Pos pos, const char *what, const char *field);
/* A registry reference to the function on top (the value stays on the stack; the reference
 * lives as long as the Lua state). */
HostFn get_function(lua_State *L, Pos pos, const char *what, const char *field);
/* The integer on top, within +-1,000,000,000; raises otherwise. */
int get_int(lua_State *L, Pos pos, const char *what, const char *field);
/* A text: a string of at most max bytes, or a function. */
void get_text(lua_State *L, Text *t, Pos pos, const char *what, const char *field, size_t max);
/* { stat = change } or a function; { flag = value } or a function. */
/* Both fill *e or *s with malloc'd entries that the story owns (freed by story_free), and raise
 * on a value of the wrong shape. */
void get_effects(lua_State *L, Effects *e, Pos pos, const char *what);
void get_sets(lua_State *L, Sets *s, Pos pos, const char *what);

/* loader.c */
/* Load a story's files into a new state (HostOps.load); the story's host_ops is set to ops, the
 * host it belongs to. NULL with err (file:line messages) when the story is broken. Caller frees
 * with story_free. */
Story *loader_load(const char *path, unsigned variant, const HostOps *ops, Err *err);

#endif
