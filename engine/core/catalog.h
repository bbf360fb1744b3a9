/* catalog.h: the bundled stories, and turning a STORY argument (id or path) into a Story. */
#ifndef LADDER_CATALOG_H
#define LADDER_CATALOG_H

#include "core/story.h"

typedef struct CatalogEntry {
    char *id, *title, *summary, *path;
    int order;
    /* the endings gallery (core/gallery.h): how many of the story's endings this player has
     * reached, of how many it has; 0 and 0 for a campaign or when no gallery can be read */
    size_t endings_found, endings;
} CatalogEntry;

typedef struct Catalog {
    CatalogEntry *v;
    size_t n;
    char *dir;
    char *problems; /* stories that failed to load, one message per line; NULL if none */
} Catalog;

/* Every story folder under dir (a folder holding story.lua), sorted by order then id. Never
 * NULL: stories that fail to load are named in problems, an unreadable dir gives no entries.
 * Caller frees with catalog_free. */
Catalog *catalog_scan(const char *dir);
void catalog_free(Catalog *c); /* c and every string it holds; NULL: nothing */

/* Load the story named by ref: a path to a scenario file or folder, or a bundled story id.
 * Returns NULL with err filled (file:line messages for broken scripts). Caller frees. */
Story *catalog_open(const char *ref, Err *err);

/* Load the bundled story with this id, never a file named by ref (ids come from saves and
 * results files, which must not make Ladder run a script of their choosing). Returns NULL with
 * err filled when ref is not an identifier or no bundled story has that id. Caller frees. */
Story *catalog_open_bundled(const char *ref, Err *err);

/* The files of a story, as full paths: path itself when it is a file, else the folder's
 * story.lua then its other *.lua files in name order (hidden files left out). Returns 0 with
 * *files (malloc'd, each string malloc'd) and *n, or -1 with err when path does not exist,
 * cannot be read, or is a folder without story.lua. */
int catalog_story_files(const char *path, char ***files, size_t *n, Err *err);

/* Chapter i of a campaign, as play and check load it: the folder named by the chapter's id
 * beside the campaign's own folder when there is one, else the bundled story of that id.
 * NULL with err when it does not load, holds another story, or is itself a campaign. Caller
 * frees with story_free. */
Story *catalog_open_chapter(const Story *campaign, size_t i, Err *err);

#endif
