/* story_check.h: what the core checks once a story's files have run, whatever the scripting
 * host that ran them: names resolved to indexes (scene targets, the stats of effects, flags),
 * flags collected from every static set, duplicate ids, dead ends, unknown names in literal
 * texts, reserved names. */
#ifndef LADDER_STORY_CHECK_H
#define LADDER_STORY_CHECK_H

#include <stdbool.h>

#include "core/story.h"
#include "core/util.h"

/* Problems are collected, not stopped at: an author sees them all at once. */
#define STORY_MAX_PROBLEMS 25

typedef struct StoryProblems {
    Buf text; /* "file:line: message" lines, the first STORY_MAX_PROBLEMS of them */
    int n;    /* how many there were in all */
} StoryProblems;

/* Add a problem at pos (printf-style). */
void story_problem(StoryProblems *p, Pos pos, const char *fmt, ...) LADDER_PRINTF(3, 4);

/* Resolve and check a story its host has just built: every problem is added to p. Sets
 * start_index, each go_index and effect index, and adds the flags that static sets name to
 * the story's flags (as false). */
void story_resolve(Story *s, StoryProblems *p);

/* Fill err with the problems (and "... and N more problems" past STORY_MAX_PROBLEMS), and
 * free their text. */
void story_problems_to_err(StoryProblems *p, Err *err);

/* The names the game view gives to scripts besides stats and flags (player, scene, decisions,
 * chance, roll, visited), in this order; no stat or flag may take one. */
extern const char *const story_reserved_names[];
#define STORY_N_RESERVED 7
/* True if name is one of story_reserved_names. */
bool story_is_reserved_name(const char *name);

/* Kinds of names for story_suggest_name, or'd together. */
enum { STORY_NAME_STAT = 1, STORY_NAME_FLAG = 2, STORY_NAME_SCENE = 4, STORY_NAME_BUILTIN = 8 };
/* The known name of the given kinds closest to a misspelt one (suggest.h decides how close is
 * close enough), for "did you mean 'x'?"; NULL when none is. Borrowed from s: valid until
 * story_free. Flags are only all known once story_resolve has run. */
const char *story_suggest_name(const Story *s, const char *name, unsigned kinds);

#endif
