/* util.h: allocation that never returns NULL, growable strings, and error buffers. */
#ifndef LADDER_UTIL_H
#define LADDER_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#if defined(__GNUC__)
#define LADDER_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LADDER_PRINTF(f, a)
#endif

/* An error message the caller can show. Functions that fail fill one and return nonzero. */
typedef struct Err {
    char msg[4096];
} Err;

/* Return codes with one meaning each, for the functions that can fail in more than one way
 * (most return 0 or STATUS_FAILED). */
enum {
    STATUS_OK = 0,
    STATUS_FAILED = -1,  /* it failed; the Err says why (a script error, an unreadable file) */
    STATUS_NO_SUCH = -2, /* what was asked for is not there: no such choice, no next chapter */
    STATUS_TOO_NEW = -3  /* a file written by a newer Ladder */
};

/* Replace the message in e (if e is not NULL). */
void err_set(Err *e, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* Prefix the existing message with a formatted context string. */
void err_prefix(Err *e, const char *fmt, ...) LADDER_PRINTF(2, 3);

/* Allocation: abort with a message on out-of-memory, so callers need not check. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);              /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) LADDER_PRINTF(1, 2);

/* Grow a dynamic array *v of *cap elements of size sz so that it can hold need elements. */
void grow(void *vp, size_t *cap, size_t need, size_t sz);

/* A growable NUL-terminated string. Zero-initialise, append, then take or free. */
typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

void buf_add(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) LADDER_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap) LADDER_PRINTF(2, 0);
const char *buf_str(const Buf *b); /* "" when empty; owned by b */
char *buf_take(Buf *b);            /* caller owns the result; b is reset */
void buf_free(Buf *b);

/* Read a whole file. Returns a malloc'd buffer (NUL-terminated, length in *len) or NULL with
 * the reason in err. Refuses directories and files larger than max bytes. */
char *read_file(const char *path, size_t max, size_t *len, Err *err);

/* Write data to path atomically: temporary file in the same directory, fsync, rename, fsync of
 * the directory. Creates missing parent directories. Returns 0 or -1 with err filled. */
int write_file_atomic(const char *path, const char *data, size_t len, Err *err);

/* How many names write_file_unique tries: STEM.EXT, then STEM-2.EXT ... STEM-N.EXT. */
#define WRITE_UNIQUE_TRIES 100000u

/* Write data to a new file in dir that no other writer can overwrite, even one running at the
 * same moment with the same stem: the data goes to a temporary created exclusively (mkstemp),
 * is fsync'ed, then hard-linked to the first free name of dir/STEM.EXT, dir/STEM-2.EXT, ...
 * (link() never replaces a file), and the temporary is removed. Creates dir if missing.
 * Returns 0 with *path (malloc'd, the caller frees) naming the file that holds exactly data,
 * or -1 with err filled and *path NULL. */
int write_file_unique(const char *dir, const char *stem, const char *ext, const char *data,
                      size_t len, char **path, Err *err);

/* Write all of data to fd, going on after EINTR and short writes. 0, or -1 with errno set. */
int write_all(int fd, const char *data, size_t len);
/* fsync a directory, so that a rename or link in it survives a power cut (errors ignored: some
 * file systems cannot). */
void sync_dir(const char *dir);

/* mkdir -p. Returns 0 or -1 with err filled. */
int util_make_dirs(const char *path, Err *err);

bool util_str_ends_with(const char *s, const char *suffix);
bool is_identifier(const char *s); /* [A-Za-z_][A-Za-z0-9_-]* */

/* 64-bit FNV-1a, for content hashes. */
unsigned long long fnv1a64(unsigned long long h, const void *data, size_t n);
#define FNV1A64_INIT 0xcbf29ce484222325ULL

/* Seconds since some fixed point, monotonic. */
double now_seconds(void);

#endif
