/* usage.c: the record of what play reads and sets, for `ladder check` (see usage.h). */
#include "core/usage.h"

#include <stdlib.h>

StoryUsage *usage_new(Story *s)
{
    StoryUsage *u = xcalloc(1, sizeof *u);
    u->stat_read = xcalloc(s->n_stats + 1, 1);
    u->flag_read = xcalloc(s->n_flags + 1, 1);
    u->flag_set = xcalloc(s->n_flags + 1, 1);
    u->flag_read_at = xcalloc(s->n_flags + 1, sizeof *u->flag_read_at);
    s->usage = u;
    return u;
}

void usage_free(Story *s, StoryUsage *u)
{
    if (!u)
        return;
    if (s && s->usage == u)
        s->usage = NULL;
    free(u->stat_read);
    free(u->flag_read);
    free(u->flag_set);
    free(u->flag_read_at);
    free(u);
}
