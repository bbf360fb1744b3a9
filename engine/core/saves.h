/* saves.h: the saves of every story in a catalog, for the title screens: the list to load from
 * and the autosave to continue. A folder is read by the one walker, save_list (core/save.h),
 * which a game's own list (session_list_saves) uses too. Times are kept as saved ("updated",
 * UTC, ISO 8601); front ends show them in local time (ui_human_time). */
#ifndef LADDER_SAVES_H
#define LADDER_SAVES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/catalog.h"
#include "core/save.h"

/* A save of one of a catalog's stories. */
typedef struct SaveEntry {
    SaveInfo info; /* its name (the file's, without .json), time, where it stands; owned */
    size_t story;  /* its story: index into the catalog's v */
    char *path;    /* the file; owned */
} SaveEntry;

/* Every save of every story in c, newest first (by "updated", then catalog order, then name);
 * *n is their number. Files that do not read as saves are left out; the listing stops at a
 * story whose save folder cannot be named (no home folder). NULL with *n = 0 when there are
 * none. Free with saves_free. */
SaveEntry *saves_list_all(const Catalog *c, size_t *n);
void saves_free(SaveEntry *v, size_t n); /* v and its n entries' strings; NULL: nothing */

/* True if a save named name (without .json) is an autosave: autosave, autosave-2 ... (the
 * names core/autosave.h gives its slots). */
bool saves_is_autosave(const char *name);

/* The most recently updated autosave of any story in c: its story's index in *story and its
 * "updated" time in *updated (malloc'd). Returns false (nothing set) when there is none. */
bool saves_latest_autosave(const Catalog *c, size_t *story, char **updated);

/* True when two parsed saves hold the same game: the same story, seed, player and decisions
 * (scene and choice ids, in every chapter of a campaign), so they replay to the same place
 * (game_replay rebuilds a game from exactly these). Times, the engine version and
 * each decision's seconds are not compared. */
bool saves_same_game(const SaveData *a, const SaveData *b);

#endif
