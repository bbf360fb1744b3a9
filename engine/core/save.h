/* save.h: a save is the game's journal as JSON: story id and content hash, seed, engine
 * version, player, and every decision (scene, choice id, seconds, stats before and after).
 * Loading replays it. The format (version 2) is written one decision per line, so that an
 * autosave grows by one line per decision (core/autosave.h) and the reader takes it line by
 * line; version 1 (one JSON document, any layout) is still read. README.md ("Saves") documents
 * both. */
#ifndef LADDER_SAVE_H
#define LADDER_SAVE_H

#include <stdint.h>

#include "core/game.h"

#define SAVE_FORMAT "ladder-save"
#define RESULTS_FORMAT "ladder-results"
/* The version written; versions 1 and 2 are read. */
#define SAVE_VERSION 2
/* The reader's limits, which the writer keeps to (it refuses to write past them, with a
 * message), so that every save Ladder writes can be read back: a save that is one JSON document
 * (version 1, or a version-2 save reformatted by some tool) and every line of a version-2 save
 * are at most SAVE_MAX_BYTES; a save holds at most SAVE_MAX_DECISIONS decisions (all chapters
 * together) and SAVE_MAX_CHAPTERS chapters. */
#define SAVE_MAX_BYTES (16u << 20)
#define SAVE_MAX_DECISIONS 1000000u
#define SAVE_MAX_CHAPTERS 1000u
/* A decision's choice text, a story's title and a chapter's title are kept in a save to at most
 * this many bytes (cut at a character, with "..." after): the journal records what was chosen
 * by id, the text only reminds a reader of it. */
#define SAVE_TEXT_MAX 240u
/* Ranges of a save's numbers: seconds taken by a decision (the writer clamps to it: about 31
 * years) and stat values (any story's stats are ints well inside it). */
#define SAVE_MAX_SECONDS 1e9
#define SAVE_MAX_STAT 1e9

/* One chapter of a campaign save. */
typedef struct SaveChapter {
    char *story_id, *hash;
    uint64_t seed;
    Step *steps; /* strings owned here */
    size_t n_steps;
} SaveChapter;

typedef struct SaveData {
    char *story_id, *title, *hash, *engine, *player, *created, *updated, *scene, *ending;
    char *chapter; /* the chapter title at the time of saving, if the story has chapters */
    char *session; /* results files: the workshop session code */
    bool results;  /* a results file rather than a save */
    int version;   /* the format version it was written in */
    uint64_t seed;
    Step *steps; /* strings owned here */
    size_t n_steps;
    SaveChapter *chapters; /* a campaign's chapters so far; NULL for a single story */
    size_t n_chapters;
    /* a version-2 save whose last line was cut short (Ladder stopped while writing it): that
     * line is left out, and torn_line is its number (1-based); 0 when whole */
    size_t torn_line;
} SaveData;

/* What a save is made of: a story's game, or a campaign's chapters (games[i] is chapter i's
 * game, the last one is current); all borrowed. */
typedef struct SaveSource {
    const Story *root;          /* the story or campaign played */
    uint64_t seed;              /* the seed the session started from */
    const Game *const *games;
    size_t n_games;             /* 1 for a single story */
    const char *created;        /* ISO time of the first save (NULL: now) */
    /* a workshop participant's results file rather than a save */
    bool results;
    const char *session;        /* the session code ("" when none) */
    bool anonymous;             /* leave the player's name out */
} SaveSource;

/* A save's text is head + record(0) + ... + record(n-1) + tail, where the records are the
 * decisions of the current game (the last chapter) and the head holds everything before them
 * (the header line and, in a campaign, the finished chapters). An autosave that grows by one
 * decision writes record(n) + the new tail in place of the old tail. Each function returns a
 * malloc'd string, or NULL with err filled when a line would pass SAVE_MAX_BYTES or the game
 * passes SAVE_MAX_DECISIONS / SAVE_MAX_CHAPTERS (then nothing should be written). */
char *save_head_text(const SaveSource *src, Err *err);
char *save_record_text(const SaveSource *src, size_t i, Err *err); /* decision i of the last game */
char *save_tail_text(const SaveSource *src, Err *err);
/* The whole text: head, every record, tail. */
char *save_text(const SaveSource *src, Err *err);

/* The text of a save of one game g (a single story); created: ISO time of the first save
 * (NULL: now). malloc'd, the caller frees it; never NULL (on a limit, ""). */
char *save_to_json(const Game *g, const char *created);
/* Write a save of g to path atomically. Returns 0 or -1 with err filled. */
int save_write(const char *path, const Game *g, const char *created, Err *err);
/* Write text to path atomically. Returns 0 or -1 with err filled. */
int save_write_text(const char *path, const char *text, Err *err);

/* Read and check a save or results file, of version 1 or 2. Every number is range-checked
 * before it is converted (the version must be an integer, seconds within 0..SAVE_MAX_SECONDS,
 * stats within +-SAVE_MAX_STAT and integers, the seed a decimal of at most 64 bits, the counts
 * within the limits above). Returns 0; STATUS_FAILED with a message naming the file, and the
 * decision or line and field that is wrong (it cannot be read, is damaged or is not a save);
 * STATUS_TOO_NEW when a newer Ladder wrote it. A version-2 save whose last line is torn is read
 * without it (out->torn_line says so); damage before the last line is STATUS_FAILED. */
int save_read(const char *path, SaveData *out, Err *err);
/* The same from memory (len bytes, no terminator needed); messages name no file. */
int save_parse(const char *text, size_t len, SaveData *out, Err *err);
/* The same checks on a file already parsed as one JSON document (root, borrowed; a cJSON *),
 * as save_parse makes on a save it reads as a document (version 1, or reformatted): for a
 * reader that needs more of the tree (results_parse), so that a file is parsed once. Returns
 * 0 or STATUS_FAILED / STATUS_TOO_NEW with a message naming no file; out is zeroed first and
 * left empty on failure. A tree has no lines: torn_line stays 0. */
struct cJSON;
int save_parse_tree(const struct cJSON *root, SaveData *out, Err *err);
/* The member key of object o (borrowed from o), as cJSON_GetObjectItemCaseSensitive finds it
 * (the first with that name; NULL when o is NULL or not an object), its first byte compared
 * before strcmp is called: a report at 20,000 results files looks members up millions of times
 * (profiled: strcmp took the most time of any function). Used by save_read.c and results.c. */
const struct cJSON *save_field(const struct cJSON *o, const char *key);
/* Free the strings and arrays d holds (as save_read filled it), not d itself. */
void save_data_free(SaveData *d);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601) in buf of n bytes (at least 32). */
void save_timestamp(char *buf, size_t n);

/* A save in a folder, as a list of saves shows it. */
typedef struct SaveInfo {
    char *name, *updated;
    char *scene; /* where it stands: the chapter title if the story has chapters, else the scene */
    size_t decisions;
    bool ended;
} SaveInfo;

/* The saves (*.json that read as saves) in dir, newest first (by their "updated" time, then
 * name); *n is their number. Files that do not read are left out. NULL with *n = 0 when there
 * are none or dir cannot be read. Free with save_list_free. */
SaveInfo *save_list(const char *dir, size_t *n);
/* Free v and its n entries' strings. NULL: nothing. */
void save_list_free(SaveInfo *v, size_t n);
/* Free one entry's strings and zero it (for arrays that hold SaveInfo inside other records). */
void save_info_clear(SaveInfo *si);

#endif
