/* ui.c: helpers shared by the front ends. */
#define _GNU_SOURCE /* strptime, timegm */
#include "ui/ui.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/saves.h"
#include "core/utf8.h"

UiConfig ui_config_default(void)
{
    UiConfig c = {.in = stdin, .out = stdout, .width = 80};
    const char *nc = getenv("NO_COLOR");
    c.color = isatty(STDOUT_FILENO) && !(nc && *nc) && !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0);
    const char *cols = getenv("COLUMNS");
    struct winsize ws;
    if (cols && atoi(cols) > 0)
        c.width = atoi(cols);
    else if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        c.width = ws.ws_col;
    if (c.width > 100)
        c.width = 100;
    if (c.width < 40)
        c.width = 40;
    return c;
}

int ui_change_sign(const Story *s, size_t i, int delta)
{
    if (delta == 0 || s->stats[i].good == GOOD_NEUTRAL)
        return 0;
    bool up = delta > 0;
    return (s->stats[i].good == GOOD_HIGH) == up ? 1 : -1;
}

void ui_format_changes(const Game *g, bool color, Buf *out)
{
    const Story *s = game_story(g);
    bool first = true;
    for (size_t i = 0; i < s->n_stats; i++) {
        int d = game_stat_change(g, i);
        if (d == 0)
            continue;
        int sign = ui_change_sign(s, i, d);
        if (!first)
            buf_puts(out, ", ");
        first = false;
        if (color && sign)
            buf_puts(out, sign > 0 ? "\033[32m" : "\033[31m");
        utf8_visible(s->stats[i].label, strlen(s->stats[i].label), 0, out);
        buf_printf(out, " %+d", d);
        if (color && sign)
            buf_puts(out, "\033[39m");
    }
}

bool ui_find_latest_autosave(const Catalog *c, char **story_path, char **title, char **when)
{
    size_t i;
    if (!saves_latest_autosave(c, &i, when))
        return false;
    *story_path = xstrdup(c->v[i].path);
    *title = xstrdup(c->v[i].title);
    return true;
}

/* "2026-11-24T18:56:47Z" -> "24 Nov, 19:56" in local time (the input if it does not parse). */
char *ui_human_time(const char *iso)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = iso ? strptime(iso, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
    if (!end)
        return xstrdup(iso ? iso : "");
    time_t t = timegm(&tm);
    struct tm lt;
    localtime_r(&t, &lt);
    char buf[64];
    strftime(buf, sizeof buf, "%e %b, %H:%M", &lt);
    return xstrdup(buf[0] == ' ' ? buf + 1 : buf);
}
