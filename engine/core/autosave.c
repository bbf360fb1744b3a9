/* autosave.c: the autosave's lock and its in-place growth. See autosave.h. */
#include "core/autosave.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct Autosave {
    char *dir, *path;
    int slot;
    int lock_fd;
    int fd; /* the file as last written, or -1 */
    dev_t dev;
    ino_t ino;
    size_t head_len, file_len;
    size_t *ends; /* ends[i]: the offset just after record i */
    size_t n, cap;
    bool valid;
    double synced_at;
};

static char *lock_path(const char *dir, int slot)
{
    return slot == 1 ? xasprintf("%s/autosave.lock", dir)
                     : xasprintf("%s/autosave-%d.lock", dir, slot);
}

char *autosave_slot_path(const char *dir, int slot)
{
    return slot == 1 ? xasprintf("%s/autosave.json", dir)
                     : xasprintf("%s/autosave-%d.json", dir, slot);
}

/* The lock of a slot: its descriptor, -1 when another process holds it, -2 on an error (err). */
static int try_lock(const char *dir, int slot, Err *err)
{
    char *p = lock_path(dir, slot);
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        err_set(err, "cannot lock the autosave (%s): %s", p, strerror(errno));
        free(p);
        return -2;
    }
    free(p);
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR)
            continue;
        int e = errno;
        close(fd);
        if (e == EWOULDBLOCK)
            return -1;
        err_set(err, "cannot lock the autosave in %s: %s", dir, strerror(e));
        return -2;
    }
    return fd;
}

Autosave *autosave_open(const char *save_dir, int prefer, Err *err)
{
    if (util_make_dirs(save_dir, err) != 0)
        return NULL;
    int fd = -1, slot = 0;
    if (prefer >= 1 && prefer <= AUTOSAVE_MAX_SLOTS) {
        fd = try_lock(save_dir, prefer, err);
        slot = prefer;
    }
    for (int k = 1; fd == -1 && k <= AUTOSAVE_MAX_SLOTS; k++) {
        fd = try_lock(save_dir, k, err);
        slot = k;
    }
    if (fd == -1)
        err_set(err, "%d games of this story are open already: none can take another autosave",
                AUTOSAVE_MAX_SLOTS);
    if (fd < 0)
        return NULL;
    Autosave *a = xcalloc(1, sizeof *a);
    a->dir = xstrdup(save_dir);
    a->path = autosave_slot_path(save_dir, slot);
    a->slot = slot;
    a->lock_fd = fd;
    a->fd = -1;
    return a;
}

void autosave_close(Autosave *a)
{
    if (!a)
        return;
    if (a->fd >= 0)
        close(a->fd);
    close(a->lock_fd); /* releases the lock */
    free(a->ends);
    free(a->dir);
    free(a->path);
    free(a);
}

const char *autosave_path(const Autosave *a) { return a->path; }
int autosave_slot(const Autosave *a) { return a->slot; }

size_t autosave_existing(const char *save_dir, int *slots, bool *busy)
{
    struct timespec when[AUTOSAVE_MAX_SLOTS];
    size_t n = 0;
    for (int k = 1; k <= AUTOSAVE_MAX_SLOTS; k++) {
        char *p = autosave_slot_path(save_dir, k);
        struct stat st;
        bool there = stat(p, &st) == 0;
        free(p);
        if (!there)
            continue;
        /* newest first: insert in order of modification time */
        size_t i = n;
        while (i > 0 && (when[i - 1].tv_sec < st.st_mtim.tv_sec ||
                         (when[i - 1].tv_sec == st.st_mtim.tv_sec &&
                          when[i - 1].tv_nsec < st.st_mtim.tv_nsec))) {
            when[i] = when[i - 1];
            slots[i] = slots[i - 1];
            i--;
        }
        when[i] = st.st_mtim;
        slots[i] = k;
        n++;
    }
    for (size_t i = 0; busy && i < n; i++) {
        Err err;
        int fd = try_lock(save_dir, slots[i], &err);
        busy[i] = fd == -1;
        if (fd >= 0)
            close(fd);
    }
    return n;
}

static void synced(Autosave *a)
{
    a->synced_at = util_now_seconds();
}

int autosave_write(Autosave *a, const char *head, char *const *records, size_t n,
                   const char *tail, Err *err)
{
    a->valid = false;
    Buf text = {0};
    buf_puts(&text, head);
    a->n = 0;
    util_grow(&a->ends, &a->cap, n + 1, sizeof *a->ends);
    a->head_len = text.len;
    for (size_t i = 0; i < n; i++) {
        buf_puts(&text, records[i]);
        a->ends[a->n++] = text.len;
    }
    buf_puts(&text, tail);
    char *tmp = xasprintf("%s.tmp-XXXXXX", a->path);
    int fd = mkstemp(tmp);
    int rc = -1;
    if (fd < 0) {
        err_set(err, "cannot write %s: %s", a->path, strerror(errno));
    } else if (write_all(fd, text.s, text.len) != 0 || fsync(fd) != 0 ||
               rename(tmp, a->path) != 0) {
        err_set(err, "cannot write %s: %s", a->path, strerror(errno));
        close(fd);
        unlink(tmp);
    } else {
        sync_dir(a->dir);
        struct stat st;
        if (a->fd >= 0)
            close(a->fd);
        a->fd = fd;
        if (fstat(fd, &st) == 0) {
            a->dev = st.st_dev;
            a->ino = st.st_ino;
            a->file_len = text.len;
            a->valid = true;
        }
        synced(a);
        rc = 0;
    }
    free(tmp);
    buf_free(&text);
    return rc;
}

bool autosave_holds(Autosave *a, size_t n)
{
    if (!a->valid || a->n != n)
        return false;
    struct stat st; /* the file is still ours, as we left it (nobody replaced or cut it) */
    return stat(a->path, &st) == 0 && st.st_dev == a->dev && st.st_ino == a->ino &&
           (size_t)st.st_size == a->file_len;
}

bool autosave_adopt(Autosave *a, const char *head, size_t n, const char *last)
{
    if (n == 0)
        return false;
    int fd = open(a->path, O_RDWR | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return false;
    char *text = NULL;
    if (fstat(fd, &st) != 0 || st.st_size <= 0 || st.st_size > 1024L * 1024 * 1024)
        goto no;
    size_t len = (size_t)st.st_size, got = 0;
    text = xmalloc(len + 1);
    while (got < len) {
        ssize_t r = pread(fd, text + got, len - got, (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            goto no;
        got += (size_t)r;
    }
    text[len] = '\0';
    size_t hl = strlen(head), ll = strlen(last);
    if (hl > len || memcmp(text, head, hl) != 0)
        goto no;
    util_grow(&a->ends, &a->cap, n, sizeof *a->ends);
    /* record 0 is "\n{...}", each later one ",\n{...}" (save_record_text); the tail "\n]..." */
    size_t pos = hl;
    for (size_t i = 0; i < n; i++) {
        size_t sep = i ? 2 : 1;
        if (pos + sep > len || memcmp(text + pos, i ? ",\n" : "\n", sep) != 0)
            goto no;
        const char *nl = memchr(text + pos + sep, '\n', len - pos - sep);
        if (!nl)
            goto no;
        size_t end = (size_t)(nl - text);
        if (text[end - 1] == ',')
            end--;
        if (i + 1 == n && (end - pos != ll || memcmp(text + pos, last, ll) != 0))
            goto no;
        a->ends[i] = end;
        pos = end;
    }
    if (len - pos < 2 || memcmp(text + pos, "\n]", 2) != 0)
        goto no;
    free(text);
    if (a->fd >= 0)
        close(a->fd);
    a->fd = fd;
    a->dev = st.st_dev;
    a->ino = st.st_ino;
    a->file_len = len;
    a->head_len = hl;
    a->n = n;
    a->valid = true;
    synced(a);
    return true;
no:
    free(text);
    close(fd);
    return false;
}

void autosave_forget(Autosave *a)
{
    a->valid = false;
}

/* Cut the file at off and write text there; the sync at most once a second (autosave.h). */
static int put_at(Autosave *a, size_t off, const char *text, Err *err)
{
    size_t len = strlen(text), done = 0;
    if (ftruncate(a->fd, (off_t)off) != 0)
        goto fail;
    while (done < len) {
        ssize_t w = pwrite(a->fd, text + done, len - done, (off_t)(off + done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            goto fail;
        done += (size_t)w;
    }
    a->file_len = off + len;
    if (util_now_seconds() - a->synced_at >= 1.0) {
        if (fdatasync(a->fd) != 0)
            goto fail;
        synced(a);
    }
    return 0;
fail:
    err_set(err, "cannot write %s: %s", a->path, strerror(errno));
    a->valid = false;
    return -1;
}

int autosave_append(Autosave *a, const char *record, const char *tail, Err *err)
{
    size_t off = a->n ? a->ends[a->n - 1] : a->head_len;
    char *both = xasprintf("%s%s", record, tail);
    int rc = put_at(a, off, both, err);
    free(both);
    if (rc == 0) {
        util_grow(&a->ends, &a->cap, a->n + 1, sizeof *a->ends);
        a->ends[a->n++] = off + strlen(record);
    }
    return rc;
}

int autosave_drop(Autosave *a, const char *tail, Err *err)
{
    if (a->n == 0) {
        err_set(err, "the autosave holds no decision to take back");
        a->valid = false;
        return -1;
    }
    size_t off = a->n >= 2 ? a->ends[a->n - 2] : a->head_len;
    int rc = put_at(a, off, tail, err);
    if (rc == 0)
        a->n--;
    return rc;
}
