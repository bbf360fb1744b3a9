/* debrief.h: a workshop room's debrief, written from the room's record (core/room.h) as two
 * files: Markdown for people who read it as text, and a self-contained HTML page (inline CSS
 * and an SVG chart of the stats, no scripts). */
#ifndef LADDER_DEBRIEF_H
#define LADDER_DEBRIEF_H

#include <stdio.h>

#include "core/room.h"

/* Write the debrief of r into its output folder (room_out_dir) as STEM.md and STEM.html
 * (room_stem: one pair per session, rewritten in place), and beside them the participants'
 * handout, STEM-handout.html (debrief_handout_path; out/handout.h's page, the one `ladder
 * report --handout` writes, from the room's votes), each atomically. *md and *html
 * (either may be NULL) receive the paths, owned by the room and valid until the next
 * debrief_write or room_free. Returns 0, or -1 with err filled when a file cannot be written. */
int debrief_write(Room *r, const char **md, const char **html, Err *err);

/* Tell the facilitator on f where debrief_write last put the debrief and the handout: "Debrief
 * written to MD and HTML", then "The participants' handout (print it, A4 or Letter): PATH".
 * Nothing when no debrief was written. */
void debrief_tell(FILE *f, const Room *r);

/* Where debrief_write puts the participants' handout: OUT_DIR/STEM-handout.html (the debrief
 * links it by that name). malloc'd; the caller frees it. */
char *debrief_handout_path(const Room *r);

/* The debrief's Markdown and HTML text and the handout's page, appended to md, html and
 * handout (any may be NULL). `when` is the time shown in the header ("2024-05-01 14:30").
 * For debrief_write and tests. */
void debrief_render(Room *r, const char *when, Buf *md, Buf *html, Buf *handout);

#endif
