/* watch.h: notice when the files of a story change (inotify), for `ladder play --watch`. */
#ifndef LADDER_WATCH_H
#define LADDER_WATCH_H

#include <stdbool.h>

#include "core/util.h"

typedef struct Watch Watch;

/* Watch the story at path (a file, or a folder and its *.lua files). NULL with err on failure
 * (inotify unavailable, path unreadable). Free with watch_free. */
Watch *watch_open(const char *path, Err *err);
void watch_free(Watch *w); /* stop watching and free w; NULL: nothing */
/* A descriptor that becomes readable when something changed (for poll). Owned by w: valid
 * until watch_free; do not close it. */
int watch_fd(const Watch *w);
/* Drain pending events; true if a .lua file of the story was written, created, moved or
 * removed. Waits up to timeout_ms (0: do not wait; -1: wait until an event). */
bool watch_changed(Watch *w, int timeout_ms);

#endif
