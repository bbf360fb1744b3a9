/* debrief.h: a workshop room's debrief, written from the room's record (core/room.h) as two
 * files: Markdown for people who read it as text, and a self-contained HTML page (inline CSS
 * and an SVG chart of the stats, no scripts). */
#ifndef LADDER_DEBRIEF_H
#define LADDER_DEBRIEF_H

#include "core/room.h"

/* Write the debrief of r into its output folder (room_out_dir) as STEM.md and STEM.html
 * (room_stem: one pair per session, rewritten in place), each atomically. *md and *html
 * (either may be NULL) receive the paths, owned by the room and valid until the next
 * debrief_write or room_free. Returns 0, or -1 with err filled when a file cannot be written. */
int debrief_write(Room *r, const char **md, const char **html, Err *err);

/* The debrief's Markdown and HTML text, appended to md and html (either may be NULL). `when`
 * is the time shown in the header ("2024-05-01 14:30"). For debrief_write and tests. */
void debrief_render(Room *r, const char *when, Buf *md, Buf *html);

#endif
