/* support.h: helpers shared by the unit tests: temporary folders, stories loaded from Lua source
 * strings, games driven by choice id, and a few assertions cmocka lacks. */
#ifndef LADDER_TEST_SUPPORT_H
#define LADDER_TEST_SUPPORT_H

/* cmocka needs these before its own header */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "core/game.h"
#include "core/session.h"
#include "core/story.h"
#include "core/util.h"

/* The minimal story of the scenario documentation: two stats, a threshold, a hidden choice, a
 * random target and an ending. Line 1 is the story declaration. */
extern const char MINIMAL_STORY[];

/* ---- files ---- */

/* A fresh, empty folder under /tmp (malloc'd). Fails the test if it cannot be made. */
char *tmp_dir_new(void);
/* Remove a folder and everything below it. */
void tmp_dir_remove(const char *dir);
/* Write len bytes to dir/name (creating missing folders in name). Fails the test on error. */
void write_bytes(const char *dir, const char *name, const char *data, size_t len);
void write_text(const char *dir, const char *name, const char *text);
/* Names of the entries of a folder (without . and ..), sorted, joined by ','; malloc'd. */
char *list_dir(const char *dir);

/* ---- stories ----
 * Each loader writes the source into a fresh temporary folder, changes into it, loads by a
 * relative name and removes the folder again, so messages read "story.lua:3: ..." (or
 * "story/a.lua:3: ..." for a folder story), whatever the temporary folder was called. */

/* A single-file story named story.lua. NULL with err filled on failure. */
Story *load_story_src(const char *src, Err *err);
/* Same with raw bytes (for byte order marks, CRLF, binary junk). */
Story *load_story_bytes(const char *data, size_t len, Err *err);
/* A folder story "story" holding n files names[i] with contents srcs[i]. */
Story *load_story_files(const char *const *names, const char *const *srcs, size_t n, Err *err);
/* Load src, failing the test if it does not load (the message is printed). */
#define must_load(src) support_must_load((src), __FILE__, __LINE__)
/* Load src, failing the test if it does load; returns the message (malloc'd). */
#define load_error(src) support_load_error((src), __FILE__, __LINE__)
Story *support_must_load(const char *src, const char *file, int line);
char *support_load_error(const char *src, const char *file, int line);

/* ---- data folders and sessions ---- */

/* cmocka setup and teardown: a fresh temporary data folder (XDG_DATA_HOME) for the test in
 * *state, removed afterwards even when the test fails, and XDG_DATA_HOME unset. */
int support_data_home_setup(void **state);
int support_data_home_teardown(void **state);

/* A session of the story src for the player Ada: a new game with seed, or --continue
 * (resume), or --load of load (NULL: none); the test fails with the engine's message. */
#define must_open_session(src, seed, resume, load) \
    support_must_open_session((src), (seed), (resume), (load), __FILE__, __LINE__)
/* Take the choice with this id (1 s spent on it), or fail the test. */
#define must_session_choose(ss, id) support_must_session_choose((ss), (id), __FILE__, __LINE__)
/* The decisions of the save at path as "choice,choice", or "scene/choice,..." with scenes
 * (malloc'd, "" for none), and its seed in *seed (NULL: not wanted); the test fails when the
 * save does not read. */
char *support_saved_steps(const char *path, bool with_scenes, uint64_t *seed);
Session *support_must_open_session(const char *src, uint64_t seed, bool resume,
                                   const char *load, const char *file, int line);
void support_must_session_choose(Session *ss, const char *id, const char *file, int line);

/* ---- games ---- */

/* A new game, or the test fails with the engine's message. */
#define must_start(s, seed) support_must_start((s), (seed), __FILE__, __LINE__)
/* Take the shown choice with this id, or fail the test. */
#define must_choose(g, id) support_must_choose((g), (id), __FILE__, __LINE__)
Game *support_must_start(const Story *s, uint64_t seed, const char *file, int line);
void support_must_choose(Game *g, const char *id, const char *file, int line);
/* The value of a stat by id (the test fails if the story has no such stat). */
int stat_of(const Game *g, const char *id);
/* The id of the current scene. */
const char *scene_of(const Game *g);
/* The ids of the choices shown now, joined by ','; malloc'd. */
char *shown_choices(const Game *g);

/* ---- isolated runs ----
 * For scripts that could hang or crash the engine: the story is loaded (and optionally played)
 * in a child process that is killed after a timeout, so a regression fails the test instead of
 * hanging the suite. */

typedef struct Outcome {
    bool finished; /* false: the child was killed at the timeout, or crashed */
    bool ok;       /* the load (and play) succeeded */
    char *text;    /* ok: the story title, then "|" and the scene text and each shown choice's
                    * text when played; else the error message */
    double seconds;
} Outcome;

/* Load src as story.lua in a child. play NULL: load only; "": also start a game (seed 1);
 * "a,b": start and take the choices with ids a then b. */
Outcome run_isolated(const char *src, const char *play, double timeout);
void outcome_free(Outcome *o);

/* For hostile scripts: seconds before a child counts as hung, and within which a runaway
 * script must be stopped. Under AddressSanitizer C code (the matcher, allocation) runs several
 * times slower, and the engine's wall-clock limit is longer to match (lua/script.h). */
#if defined(__SANITIZE_ADDRESS__)
#define HOSTILE_KILL_AFTER 40.0
#define HOSTILE_PROMPT 20.0
#else
#define HOSTILE_KILL_AFTER 15.0
#define HOSTILE_PROMPT 5.0
#endif

/* Run src isolated; the run must finish (not hang, not crash) within HOSTILE_PROMPT. */
#define run_hostile(src, play) support_run_hostile((src), (play), __FILE__, __LINE__)
Outcome support_run_hostile(const char *src, const char *play, const char *file, int line);
/* The run must fail promptly with a message containing want. */
#define expect_failure(src, play, want)                                                          \
    support_expect_failure((src), (play), (want), __FILE__, __LINE__)
void support_expect_failure(const char *src, const char *play, const char *want,
                            const char *file, int line);
/* The run must succeed promptly with exactly this outcome text. */
#define expect_outcome(src, play, want)                                                          \
    support_expect_outcome((src), (play), (want), __FILE__, __LINE__)
void support_expect_outcome(const char *src, const char *play, const char *want,
                            const char *file, int line);

/* ---- assertions ---- */

void support_assert_contains(const char *haystack, const char *needle, const char *file,
                             int line);
void support_assert_starts_with(const char *s, const char *prefix, const char *file, int line);
/* haystack contains needle */
#define assert_contains(h, n) support_assert_contains((h), (n), __FILE__, __LINE__)
/* s starts with prefix */
#define assert_starts_with(s, p) support_assert_starts_with((s), (p), __FILE__, __LINE__)

/* A version-2 save's text (core/save.c, one decision per line): where its second line (the
 * opening of the list of decisions) ends, and how many of its decision lines are whole within
 * its first k bytes (a torn save is read up to there). */
size_t support_save_list_start(const char *text);
size_t support_save_records_within(const char *text, size_t k);

#endif
