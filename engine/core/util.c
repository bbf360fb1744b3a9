/* util.c: allocation, growable strings, error buffers, files written atomically. */
#include "core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void err_set(Err *e, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void err_prefix(Err *e, const char *fmt, ...)
{
    if (!e)
        return;
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    buf_puts(&b, e->msg);
    size_t n = b.len < sizeof e->msg ? b.len : sizeof e->msg - 1;
    memcpy(e->msg, b.s, n);
    e->msg[n] = '\0';
    buf_free(&b);
}

static void oom(void)
{
    fputs("ladder: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

char *xstrdup(const char *s)
{
    return s ? xstrndup(s, strlen(s)) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return buf_take(&b);
}

void util_grow(void *vp, size_t *cap, size_t need, size_t sz)
{
    void **v = vp;
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    *v = xrealloc(*v, n * sz);
    *cap = n;
}

void buf_add(Buf *b, const char *s, size_t n)
{
    util_grow(&b->s, &b->cap, b->len + n + 1, 1);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
    buf_add(b, &c, 1);
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    util_grow(&b->s, &b->cap, b->len + (size_t)n + 1, 1);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_str(const Buf *b)
{
    return b->s ? b->s : "";
}

char *buf_take(Buf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void buf_free(Buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *util_read_file(const char *path, size_t max, size_t *len, Err *err)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer; only regular files are read */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        err_set(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        bool dir = S_ISDIR(st.st_mode);
        close(fd);
        err_set(err, "%s: %s", path, dir ? "is a directory, not a file" : "not a regular file");
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        close(fd);
        err_set(err, "%s: file is too large (over %zu bytes)", path, max);
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        err_set(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) {
            fclose(f);
            buf_free(&b);
            err_set(err, "%s: file is too large (over %zu bytes)", path, max);
            return NULL;
        }
        buf_add(&b, chunk, n);
    }
    bool bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        buf_free(&b);
        err_set(err, "%s: read error: %s", path, strerror(saved));
        return NULL;
    }
    if (len)
        *len = b.len;
    return buf_take(&b);
}

void util_name_part(Buf *b, const char *name, const char *fallback)
{
    size_t start = b->len;
    for (const char *p = name ? name : ""; *p && b->len - start < 32; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_')
            buf_putc(b, *p);
    if (b->len == start)
        buf_puts(b, fallback);
}

int util_make_dirs(const char *path, Err *err)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            err_set(err, "cannot create directory %s: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = 0;
    if (mkdir(p, 0755) != 0 && errno != EEXIST) {
        err_set(err, "cannot create directory %s: %s", p, strerror(errno));
        rc = -1;
    }
    free(p);
    return rc;
}

int write_all(int fd, const char *data, size_t len)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        off += (size_t)w;
    }
    return 0;
}

void sync_dir(const char *dir)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
}

static int replace_file(const char *path, const char *data, size_t len, bool sync, Err *err)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
    } else {
        free(dir);
        dir = xstrdup(slash ? "/" : ".");
    }
    if (util_make_dirs(dir, err) != 0) {
        free(dir);
        return -1;
    }
    char *tmp = xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        err_set(err, "cannot write %s: %s", path, strerror(errno));
        goto fail;
    }
    if (write_all(fd, data, len) != 0) {
        err_set(err, "cannot write %s: %s", path, strerror(errno));
        close(fd);
        unlink(tmp);
        goto fail;
    }
    if ((sync && fsync(fd) != 0) || close(fd) != 0) {
        err_set(err, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        goto fail;
    }
    if (rename(tmp, path) != 0) {
        err_set(err, "cannot write %s: %s", path, strerror(errno));
        unlink(tmp);
        goto fail;
    }
    if (sync)
        sync_dir(dir);
    free(tmp);
    free(dir);
    return 0;
fail:
    free(tmp);
    free(dir);
    return -1;
}

int write_file_atomic(const char *path, const char *data, size_t len, Err *err)
{
    return replace_file(path, data, len, true, err);
}

int util_write_file_replace(const char *path, const char *data, size_t len, Err *err)
{
    return replace_file(path, data, len, false, err);
}

int write_file_unique(const char *dir, const char *stem, const char *ext, const char *data,
                      size_t len, char **path, Err *err)
{
    *path = NULL;
    if (util_make_dirs(dir, err) != 0)
        return -1;
    /* a temporary no other process can open (mkstemp: O_CREAT | O_EXCL, a random name); a
     * dot-file without the extension, so a folder scan never takes it for a finished file */
    char *tmp = xasprintf("%s/.%s%s.tmp-XXXXXX", dir, stem, ext);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        err_set(err, "cannot write in %s: %s", dir, strerror(errno));
        free(tmp);
        return -1;
    }
    if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
        err_set(err, "cannot write in %s: %s", dir, strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return -1;
    }
    close(fd);
    /* link() gives the finished file its name only if no file has it, atomically: whoever
     * links first owns a name, the others take the next one */
    int rc = -1, e = EEXIST;
    for (unsigned k = 1; k <= WRITE_UNIQUE_TRIES && e == EEXIST; k++) {
        char *name = k == 1 ? xasprintf("%s/%s%s", dir, stem, ext)
                            : xasprintf("%s/%s-%u%s", dir, stem, k, ext);
        if (link(tmp, name) == 0) {
            *path = name;
            rc = 0;
            break;
        }
        e = errno;
        free(name);
    }
    if (rc != 0 && e == EEXIST)
        err_set(err, "cannot write in %s: %u files named %s%s, %s-2%s ... exist already", dir,
                WRITE_UNIQUE_TRIES, stem, ext, stem, ext);
    else if (rc != 0)
        err_set(err, "cannot write in %s: %s", dir, strerror(e));
    unlink(tmp);
    free(tmp);
    if (rc == 0)
        sync_dir(dir);
    return rc;
}

bool util_str_ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

bool util_is_identifier(const char *s)
{
    if (!s || !*s)
        return false;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-'))
            return false;
    return true;
}

unsigned long long fnv1a64(unsigned long long h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

double util_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
