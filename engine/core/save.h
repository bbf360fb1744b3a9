/* save.h: a save is the game's journal as JSON: story id and content hash, seed, engine
 * version, player, and every decision (scene, choice id, seconds, stats before and after).
 * Loading replays it. Written atomically. */
#ifndef LADDER_SAVE_H
#define LADDER_SAVE_H

#include <stdint.h>

#include "core/game.h"

#define SAVE_FORMAT "ladder-save"
#define RESULTS_FORMAT "ladder-results"
#define SAVE_VERSION 1
#define SAVE_MAX_BYTES (16u << 20)

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
    uint64_t seed;
    Step *steps; /* strings owned here */
    size_t n_steps;
    SaveChapter *chapters; /* a campaign's chapters so far; NULL for a single story */
    size_t n_chapters;
} SaveData;

/* The JSON text of a save of g. created: ISO time of the first save (NULL: now). malloc'd. */
char *save_to_json(const Game *g, const char *created);
/* The JSON text of a campaign save: games[i] is chapter i's game (the last one is current). */
char *save_campaign_to_json(const Story *campaign, uint64_t seed, const Game *const *games,
                            size_t n, const char *created);
/* A workshop participant's results file, made from a save's JSON text: format
 * "ladder-results", the session code, whether the story ended, and no player name when
 * anonymous. malloc'd, or NULL if save_json is not valid. */
char *save_results_json(const char *save_json, const char *session, bool anonymous);
/* Write text to path atomically (a thin wrapper for symmetry with save_write). */
int save_write_text(const char *path, const char *text, Err *err);
/* Write a save of g to path atomically. Returns 0 or -1 with err filled. */
int save_write(const char *path, const Game *g, const char *created, Err *err);
/* Read and check a save. Returns 0; -1 with a message saying what is wrong with the file (it
 * cannot be read, is damaged or is not a save); -2 when a newer Ladder wrote it. */
int save_read(const char *path, SaveData *out, Err *err);
int save_parse(const char *text, size_t len, SaveData *out, Err *err);
void save_data_free(SaveData *d);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in buf (at least 32 bytes). */
void save_timestamp(char *buf, size_t n);

#endif
