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
