/* watch.c: inotify on the story's folder. Editors save in different ways (write in place,
 * write a temporary file and rename it over, delete and recreate), so the folder is watched
 * rather than the files, and any event on a *.lua name counts. */
#include "core/watch.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

struct Watch {
    int fd;
    char *file; /* for a single-file story: its base name; else NULL */
};

Watch *watch_open(const char *path, Err *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        err_set(err, "%s: %s", path, strerror(errno));
        return NULL;
    }
    Watch *w = xcalloc(1, sizeof *w);
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        err_set(err, "cannot watch %s: %s", path, strerror(errno));
        free(w);
        return NULL;
    }
    char *dir;
    if (S_ISDIR(st.st_mode)) {
        dir = xstrdup(path);
    } else {
        const char *slash = strrchr(path, '/');
        dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
        w->file = xstrdup(slash ? slash + 1 : path);
        if (!*dir) {
            free(dir);
            dir = xstrdup("/");
        }
    }
    uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM;
    if (inotify_add_watch(w->fd, dir, mask) < 0) {
        err_set(err, "cannot watch %s: %s", dir, strerror(errno));
        free(dir);
        watch_free(w);
        return NULL;
    }
    free(dir);
    return w;
}

void watch_free(Watch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w->file);
    free(w);
}

int watch_fd(const Watch *w)
{
    return w->fd;
}

bool watch_changed(Watch *w, int timeout_ms)
{
    struct pollfd p = {w->fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0)
        return false;
    bool changed = false;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p2 = buf; p2 < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)(void *)p2;
            if (e->len) {
                if (w->file ? strcmp(e->name, w->file) == 0 : util_str_ends_with(e->name, ".lua"))
                    changed = true;
            }
            p2 += sizeof *e + e->len;
        }
    }
    return changed;
}
