/* results.h: a workshop participant's results file, and the one module that knows its format.
 * A results file is a save (core/save.h, version 2) with "format":"ladder-results", the
 * workshop's session code, whether the player is anonymous (then "player" is "") and whether
 * the game "ended"; README.md (its workshop section) documents it. The session decides when to
 * write one (core/session.c); `ladder report` reads them back through results_read. */
#ifndef LADDER_RESULTS_H
#define LADDER_RESULTS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/save.h"

/* ---- writing ---- */

/* The results file's text for src (src->results, ->session and ->anonymous are set from
 * session and anonymous; session NULL means ""). malloc'd; NULL with err filled on a limit of
 * the save format (save_text). */
char *results_text(const SaveSource *src, const char *session, bool anonymous, Err *err);
/* text without the time it was written ("updated"), for telling whether a state was written
 * already: two texts of the same state give equal strings. malloc'd: the caller frees it. */
char *results_state(const char *text);
/* Write text into dir as a new file STORY-SESSION-PLAYER-YYYYmmdd-HHMMSS.json (local time;
 * each part cut to letters, digits, - and _; "solo" without a session, "anonymous" when
 * player is NULL or empty), never over an existing file. *path receives the path (malloc'd,
 * the caller frees). Returns 0, or -1 with err filled. */
int results_write(const char *dir, const char *story_id, const char *session,
                  const char *player, const char *text, char **path, Err *err);
/* The name STORY-SESSION-PLAYER-TAG.json, each part cut as results_write cuts them (tag: "0"
 * when empty), for a results file rewritten in place (session_set_results_file). malloc'd. */
char *results_file_name(const char *story_id, const char *session, const char *player,
                        const char *tag);
/* Append to b the key that tells session codes apart: the code without spaces, tabs or line
 * ends at either side, ASCII letters in capitals, so that "ROOM7", "room7" and " ROOM7" are
 * one session (review of issue 17, D7). The one rule: the seed a code gives
 * (session_seed_for_code) and `ladder report`'s sections both use it. NULL appends nothing. */
void results_session_key(Buf *b, const char *code);
/* Give the file at path the mode 0666 less the process's umask (0644 with the usual 022), as
 * a file made with open() would have: results files, debriefs and reports are read by a
 * facilitator who may be on another account (a shared folder), and mkstemp, which writes them,
 * makes them 0600. Errors are ignored (the file stays private: it is still the writer's). */
void results_make_readable(const char *path);

/* ---- reading ---- */

/* A stat value a file does not give. */
#define RESULTS_MISSING INT_MIN

typedef struct ResultsStat {
    const char *id; /* one of its Results' stat_ids */
    int before, after; /* RESULTS_MISSING when the file does not say */
} ResultsStat;

typedef struct ResultsDecision {
    size_t chapter;      /* 0-based; 0 for a single story */
    char *scene, *choice;
    char *text;          /* the choice's text as shown, or NULL */
    char *forced;        /* the stat whose threshold forced an ending after it, or NULL */
    double seconds;      /* taken to decide, 0 when unknown */
    ResultsStat *stats;  /* before and after, by stat id */
    size_t n_stats;
} ResultsDecision;

typedef struct ResultsChapter {
    char *story, *hash; /* hash may be NULL */
    uint64_t seed;
} ResultsChapter;

/* One participant's results. Every string is owned here (free with results_free). */
typedef struct Results {
    char *story;            /* the story or campaign played */
    char *title, *hash;     /* or NULL */
    char *session, *player; /* "" when none (player "" when anonymous) */
    uint64_t seed;
    bool anonymous;
    bool ended;
    char *ending;               /* the ending scene when ended, else NULL */
    ResultsChapter *chapters;   /* a campaign's chapters, in order; NULL for a single story */
    size_t n_chapters;
    ResultsDecision *decisions; /* all chapters' decisions, in order */
    size_t n_decisions;
    ResultsStat *stats;         /* the final stats (before = after = the value) */
    size_t n_stats;
    char **stat_ids; /* each stat id the file names, once: every ResultsStat.id points here */
    size_t n_stat_ids;
} Results;

/* Read and check a results file of len bytes (no terminator needed), parsed once: every field
 * is checked on that tree as save_parse checks a save read as one JSON document
 * (save_parse_tree). Returns 0; -1 with a message in err (naming no file) when it is empty,
 * not JSON (or cut short), a save or another format rather than results, written by a newer
 * Ladder, or damaged. out is zeroed first and left empty on failure. */
int results_parse(const char *text, size_t len, Results *out, Err *err);
/* The same from a file of at most SAVE_MAX_BYTES. */
int results_read(const char *path, Results *out, Err *err);
/* Free everything r holds (as results_parse filled it), not r itself. */
void results_free(Results *r);

#endif
