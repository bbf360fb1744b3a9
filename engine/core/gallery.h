/* gallery.h: the endings gallery: which endings of each story this player has reached, across
 * games, kept in the data folder as gallery.json:
 *   {"format":"ladder-gallery","version":1,"stories":{"demo":["good","bad_burnout"]}}
 * Written atomically (write_file_atomic) after every new ending; a missing file is an empty
 * gallery; a damaged one is left alone (never overwritten) and the gallery stays empty. */
#ifndef LADDER_GALLERY_H
#define LADDER_GALLERY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/story.h"
#include "core/util.h"

typedef struct Gallery Gallery;

/* Limits on what a gallery file may hold (a longer file is not from Ladder). */
#define GALLERY_MAX_BYTES (4u << 20)
#define GALLERY_MAX_STORIES 10000
#define GALLERY_MAX_ENDINGS STORY_MAX_SCENES /* per story */

/* The gallery at path: an empty one when the file does not exist. Returns NULL with err when
 * the file cannot be read or is not a gallery (too long, not JSON, wrong format, version or
 * shape, ids that are not identifiers). Caller frees with gallery_free. */
Gallery *gallery_load(const char *path, Err *err);
/* The gallery of the data folder (paths_data_dir()/gallery.json), as gallery_load; its path
 * in *path (malloc'd, the caller's) when path is not NULL, even on failure (NULL when the data
 * folder is unknown). */
Gallery *gallery_open(char **path, Err *err);
/* Free g. NULL: nothing. */
void gallery_free(Gallery *g);

/* Note that ending (an ending's id) of story (a story's id) was reached. Returns true when it
 * is new to the gallery (then gallery_save it), false when it was known or a limit is reached.
 * Both strings are copied. */
bool gallery_add(Gallery *g, const char *story, const char *ending);
/* True if ending of story is in the gallery. */
bool gallery_has(const Gallery *g, const char *story, const char *ending);
/* How many endings of story the gallery holds (0 for a story it does not know). */
size_t gallery_count(const Gallery *g, const char *story);
/* How many of s's endings (its scenes that are endings) the gallery holds, and in *total how
 * many s has: the "3 of 7 endings found" of the front ends. */
size_t gallery_found(const Gallery *g, const Story *s, size_t *total);

/* Write g to path atomically. Returns 0, or -1 with err. */
int gallery_save(const Gallery *g, const char *path, Err *err);

#endif
