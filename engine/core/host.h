/* host.h: the contract between the core and a scripting host. The core declares here what it
 * needs from whatever runs a story's code (load a story; call a condition, a text, effects, flag
 * assignments or a target under the host's budgets; free); a host implements HostOps and the
 * program installs it once at start. engine/lua is the host Ladder ships (lua/lua_host.h); the
 * core never includes it, so the core builds and its unit tests run without Lua (the pattern of
 * Frotz's os_* functions and of glk.h). */
#ifndef LADDER_HOST_H
#define LADDER_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "core/game.h"
#include "core/story.h"

/* What a callback is for, named in error messages ("(scene 's', choice 'c', when)"). */
typedef struct HostCall {
    const Scene *scene;
    const Choice *choice; /* NULL for a scene's own callbacks */
    const char *what;     /* "text", "when", "effects", "set", "go" */
} HostCall;

/* A scripting host. Every call that runs story code runs it under the host's budgets and
 * returns 0, or -1 with err filled as "file:line: message (scene 's', choice 'c', what)"; a
 * callback never raises, exits or longjmps into the core. game is the game being played, which
 * the callback may read (never change) through game.h's accessors. */
typedef struct HostOps {
    const char *name; /* "lua" */
    /* Load a story from a file or folder. variant 0 is the normal state; other variants visit a
     * table's keys in another order, as a state in another process would (for the checks that
     * a story plays the same way every time). Returns a Story the caller frees with story_free
     * (which frees the host state through free), or NULL with err filled with file:line
     * messages. */
    Story *(*load)(const char *path, unsigned variant, Err *err);
    /* Free a story's host state (story_free calls it). */
    void (*free)(Host *h);
    /* A new step of play begins (a game starts, or a choice is taken and the next scene is
     * entered): the callbacks until the next step share one budget. */
    void (*step)(Host *h);
    int (*call_bool)(Host *h, HostFn fn, Game *game, const HostCall *at, bool *out, Err *err);
    /* *out is malloc'd; the caller frees it. */
    int (*call_string)(Host *h, HostFn fn, Game *game, const HostCall *at, char **out, Err *err);
    /* fn returns stat changes; *out (n entries, names resolved against the story) is freed by
     * the caller with story_free_effects. */
    int (*call_effects)(Host *h, HostFn fn, Game *game, const HostCall *at, Effect **out,
                        size_t *n, Err *err);
    /* fn returns flag assignments; *out is freed by the caller with story_free_sets. */
    int (*call_set)(Host *h, HostFn fn, Game *game, const HostCall *at, FlagSet **out, size_t *n,
                    Err *err);
    /* A warning for the story's author that the calls since the last take raised without
     * failing (a `when` that returned a number, say), "file:line: message", malloc'd for the
     * caller to free; NULL when there is none. May be NULL (a host that never warns). The
     * session hands it to the player as a notice. */
    char *(*take_warning)(Host *h);
} HostOps;

/* Install the host that story_load uses from now on (the program does this once, at start,
 * before it loads a story; ops must outlive every story loaded). Stories already loaded keep the
 * host that loaded them. */
void host_install(const HostOps *ops);
/* The installed host, or NULL before host_install. Borrowed. */
const HostOps *host_installed(void);

#endif
