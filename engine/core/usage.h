/* usage.h: what a story's code reads and sets while it is played, recorded for `ladder check`
 * (flags set but never read, read but never set, stats nothing reads) while the story's
 * Story.usage points at one. Hosts mark what their callbacks read and set; nothing else is
 * changed by recording, except that a `when` returning something other than a boolean is an
 * error while a record is kept (check mode) and a warning otherwise. */
#ifndef LADDER_USAGE_H
#define LADDER_USAGE_H

#include <stdbool.h>

#include "core/story.h"

struct StoryUsage {
    unsigned char *stat_read; /* per stat: read by a callback (g.name) */
    unsigned char *flag_read; /* per flag: read by a callback */
    unsigned char *flag_set;  /* per flag: assigned by a set function */
    Pos *flag_read_at;        /* per flag: where it was first read (file into Story.files) */
};

/* A record for s (all clear), attached as s->usage. Free with usage_free before s. */
StoryUsage *usage_new(Story *s);
/* Detach u from s and free it. NULL: nothing. */
void usage_free(Story *s, StoryUsage *u);

#endif
