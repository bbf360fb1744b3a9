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

/* Built with AddressSanitizer (gcc defines __SANITIZE_ADDRESS__, clang has the feature; GCC's
 * and Clang's manuals, "Instrumentation Options"): compiled C runs several times slower, so the
 * wall-clock limits that back up a work budget (the script watchdog, `ladder check`'s deadline)
 * are LADDER_WALL_SCALE times longer there. */
#if defined(__SANITIZE_ADDRESS__)
#define LADDER_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LADDER_SANITIZED 1
#endif
#endif
#ifdef LADDER_SANITIZED
#define LADDER_WALL_SCALE 4
#else
#define LADDER_WALL_SCALE 1
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

/* Replace the message in e (if e is not NULL), cut to fit its 4096 bytes. */
void err_set(Err *e, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* Prefix the existing message with a formatted context string (e NULL: nothing). */
void err_prefix(Err *e, const char *fmt, ...) LADDER_PRINTF(2, 3);

/* Allocation: abort with a message on out-of-memory (the one place Ladder exits on it), so
 * callers need not check; they never return NULL. Sizes are in bytes. Each result is malloc'd:
 * the caller frees it with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size); /* n elements of size bytes, zeroed; aborts on overflow */
void *xrealloc(void *p, size_t n);    /* as realloc; p is no longer valid afterwards */
char *xstrdup(const char *s);              /* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);   /* the first n bytes of s (it holds that many) + NUL */
char *xasprintf(const char *fmt, ...) LADDER_PRINTF(1, 2); /* a formatted string */

/* Grow a dynamic array (vp points to the array pointer) of *cap elements of sz bytes each so
 * that it can hold need elements: capacity doubles from 8 (amortised O(1) appends); *cap is
 * updated. Elements past the old capacity are uninitialised, and pointers into the old array
 * are no longer valid. Never fails (aborts on out-of-memory). */
void util_grow(void *vp, size_t *cap, size_t need, size_t sz);

/* A growable NUL-terminated string. Zero-initialise, append, then take or free. */
typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

/* Appending never fails (aborts on out-of-memory) and may move b->s: a pointer from buf_str
 * is valid until the next append, buf_take or buf_free on b. */
void buf_add(Buf *b, const char *s, size_t n); /* n bytes of s (may hold NULs) */
void buf_puts(Buf *b, const char *s);          /* a C string */
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) LADDER_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap) LADDER_PRINTF(2, 0);
const char *buf_str(const Buf *b); /* "" when empty; owned by b */
char *buf_take(Buf *b);            /* malloc'd ("" when empty): the caller frees it; b is reset */
void buf_free(Buf *b);             /* free the text and reset b to empty (it can be reused) */

/* Read a whole file. Returns a malloc'd buffer (the caller frees it; NUL-terminated, length in
 * bytes in *len when len is not NULL) or NULL with the reason in err (cannot open or read it,
 * not a regular file, larger than max bytes). */
char *util_read_file(const char *path, size_t max, size_t *len, Err *err);

/* Write data to path atomically: temporary file in the same directory, fsync, rename, fsync of
 * the directory. Creates missing parent directories. Returns 0 or -1 with err filled. */
int write_file_atomic(const char *path, const char *data, size_t len, Err *err);
/* The same without either fsync: readers never see a half-written file and a killed process
 * loses nothing the kernel has, but a power cut may. Only for files that can be made again
 * from another that was synced (a results file rewritten from the synced autosave). */
int util_write_file_replace(const char *path, const char *data, size_t len, Err *err);

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

/* Append name to b as a part of a file name: only A-Z a-z 0-9 - _ kept, at most 32 of them;
 * fallback when none is left (NULL name: fallback). The one rule for the names of results,
 * debrief and journal files. */
void util_name_part(Buf *b, const char *name, const char *fallback);
/* mkdir -p: create path and its missing parents (mode 0755, less the umask). Returns 0
 * (also when it exists already) or -1 with err filled. */
int util_make_dirs(const char *path, Err *err);

/* True if s ends with suffix (byte comparison). */
bool util_str_ends_with(const char *s, const char *suffix);
/* True if s (not NULL, not empty) matches [A-Za-z_][A-Za-z0-9_-]*. */
bool util_is_identifier(const char *s);

/* 64-bit FNV-1a of n bytes, continuing from h (FNV1A64_INIT to start), for content hashes. The
 * algorithm: Fowler, Noll and Vo, http://www.isthe.com/chongo/tech/comp/fnv/ */
unsigned long long fnv1a64(unsigned long long h, const void *data, size_t n);
#define FNV1A64_INIT 0xcbf29ce484222325ULL

/* Seconds (with a fraction) since some fixed point: CLOCK_MONOTONIC, for timing only (never
 * goes back, has no date). */
double util_now_seconds(void);

#endif
