/* outfile.c: the report's large outputs (the CSVs, the workbook) written as they are made, a
 * megabyte at a time, to a temporary file beside the target that is synced and renamed over
 * it at the end, as write_file_atomic does for a text held whole: a reader never sees half a
 * file, and the report's memory does not grow with the CSVs (87 MB at 20,000 participants). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tools/report/report.h"

#define CHUNK (1u << 20) /* bytes held before they are written */

int report_file_open(ReportFile *f, const char *path, Err *err)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    f->dir = xstrdup(path);
    char *slash = strrchr(f->dir, '/');
    if (slash && slash != f->dir) {
        *slash = '\0';
    } else {
        free(f->dir);
        f->dir = xstrdup(slash ? "/" : ".");
    }
    f->path = xstrdup(path);
    f->tmp = xasprintf("%s.tmp-XXXXXX", path);
    if (util_make_dirs(f->dir, err) == 0) { /* (it says why not) */
        f->fd = mkstemp(f->tmp);
        if (f->fd < 0)
            err_set(err, "cannot write %s: %s", path, strerror(errno));
    }
    if (f->fd < 0) {
        free(f->tmp); /* nothing was made */
        f->tmp = NULL;
        report_file_abandon(f);
        return -1;
    }
    return 0;
}

void report_file_flush(ReportFile *f, bool all)
{
    if (f->b.len < (all ? 1 : CHUNK))
        return;
    if (!f->error && f->fd >= 0 && write_all(f->fd, f->b.s, f->b.len) != 0)
        f->error = errno ? errno : EIO;
    f->b.len = 0;
}

int report_file_close(ReportFile *f, Err *err)
{
    report_file_flush(f, true);
    if (f->fd < 0 && !f->error) /* written by name (the workbook): open it to sync it */
        f->fd = open(f->tmp, O_WRONLY | O_CLOEXEC);
    if (f->fd < 0 && !f->error)
        f->error = errno;
    if (f->fd >= 0) {
        if (!f->error && fsync(f->fd) != 0)
            f->error = errno;
        if (close(f->fd) != 0 && !f->error)
            f->error = errno;
        f->fd = -1;
    }
    if (!f->error && rename(f->tmp, f->path) != 0)
        f->error = errno;
    if (f->error) {
        err_set(err, "cannot write %s: %s", f->path, strerror(f->error));
        report_file_abandon(f);
        return -1;
    }
    sync_dir(f->dir);
    results_make_readable(f->path);
    free(f->tmp); /* renamed: nothing to remove */
    f->tmp = NULL;
    report_file_abandon(f);
    return 0;
}

void report_file_abandon(ReportFile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    free(f->dir);
    buf_free(&f->b);
    f->tmp = f->path = f->dir = NULL;
}
