/* catalog.h: the bundled stories, and turning a STORY argument (id or path) into a Story. */
#ifndef LADDER_CATALOG_H
#define LADDER_CATALOG_H

#include "core/story.h"

typedef struct CatalogEntry {
    char *id, *title, *summary, *path;
    int order;
} CatalogEntry;

typedef struct Catalog {
    CatalogEntry *v;
    size_t n;
    char *dir;
    char *problems; /* stories that failed to load, one message per line; NULL if none */
} Catalog;

/* Every story folder under dir (a folder holding story.lua), sorted by order then id. */
Catalog *catalog_scan(const char *dir);
void catalog_free(Catalog *c);

/* Load the story named by ref: a path to a scenario file or folder, or a bundled story id.
 * Returns NULL with err filled (file:line messages for broken scripts). Caller frees. */
Story *catalog_open(const char *ref, Err *err);

/* Load the bundled story with this id, never a file named by ref (ids come from saves and
 * results files, which must not make Ladder run a script of their choosing). Returns NULL with
 * err filled when ref is not an identifier or no bundled story has that id. Caller frees. */
Story *catalog_open_bundled(const char *ref, Err *err);

#endif
