/* utf8.c: UTF-8 decoding with maximal-subpart repair, and control characters made visible. */
#include "core/utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    /* Table 3-7: the lead byte fixes the length and the range of the second byte */
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* no overlong forms */
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else { /* 0x80..0xC1 (a continuation or an overlong lead), 0xF5..0xFF */
        *cp = UTF8_INVALID;
        return 1;
    }
    size_t i = 1;
    for (; i < need; i++) {
        if (i >= len) {
            *cp = UTF8_INVALID;
            return i;
        }
        unsigned b = p[i];
        if (b < lo || b > hi) {
            *cp = UTF8_INVALID;
            return i;
        }
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need;
}

bool utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_INVALID)
            return false;
    }
    return true;
}

void utf8_repair(const char *s, size_t len, Buf *out)
{
    size_t i = 0;
    while (i < len) {
        size_t run = i; /* copy runs of well-formed text at once */
        uint32_t cp = 0;
        size_t n = 0;
        while (run < len) {
            n = utf8_decode(s + run, len - run, &cp);
            if (cp == UTF8_INVALID)
                break;
            run += n;
        }
        buf_add(out, s + i, run - i);
        if (run < len) {
            buf_puts(out, UTF8_REPLACEMENT);
            run += n;
        }
        i = run;
    }
}

/* Append the visible form of control cp: a C0 control, DEL or a C1 control. */
static void put_control(Buf *out, uint32_t cp)
{
    /* U+2400 + c for C0, U+2421 for DEL: E2 90 80+c / E2 90 A1 */
    char sym[4] = {'\xE2', '\x90', 0, 0};
    if (cp < 0x20) {
        sym[2] = (char)(0x80 + cp);
        buf_add(out, sym, 3);
    } else if (cp == 0x7F) {
        sym[2] = '\xA1';
        buf_add(out, sym, 3);
    } else { /* C1: ESC and its 7-bit final byte */
        sym[2] = '\x9B';
        buf_add(out, sym, 3);
        buf_putc(out, (char)(cp - 0x40));
    }
}

void utf8_visible(const char *s, size_t len, unsigned keep, Buf *out)
{
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        uint32_t cp = 0;
        size_t n = 0;
        while (run < len) {
            unsigned char c = (unsigned char)s[run];
            if (c >= 0x20 && c < 0x7F) { /* the common case: printable ASCII */
                run++;
                continue;
            }
            n = utf8_decode(s + run, len - run, &cp);
            bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
            if (control && cp == '\n' && (keep & UTF8_KEEP_NEWLINE))
                control = false;
            if (control && cp == '\t' && (keep & UTF8_KEEP_TAB))
                control = false;
            if (cp == UTF8_INVALID || control)
                break;
            run += n;
        }
        buf_add(out, s + i, run - i);
        if (run < len) {
            if (cp == UTF8_INVALID)
                buf_puts(out, UTF8_REPLACEMENT);
            else
                put_control(out, cp);
            run += n;
        }
        i = run;
    }
}

char *utf8_visible_dup(const char *s, unsigned keep)
{
    Buf b = {0};
    if (s)
        utf8_visible(s, strlen(s), keep, &b);
    return buf_take(&b);
}

int utf8_vfprintf(FILE *f, const char *fmt, va_list ap)
{
    Buf raw = {0}, vis = {0};
    buf_vprintf(&raw, fmt, ap);
    utf8_visible(buf_str(&raw), raw.len, UTF8_KEEP_LAYOUT, &vis);
    size_t n = vis.len;
    int rc = n && fwrite(vis.s, 1, n, f) != n ? -1 : n > 0x7FFFFFFF ? 0x7FFFFFFF : (int)n;
    buf_free(&raw);
    buf_free(&vis);
    return rc;
}

int utf8_fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = utf8_vfprintf(f, fmt, ap);
    va_end(ap);
    return rc;
}

int utf8_write_repaired(FILE *f, const char *s, size_t len)
{
    if (utf8_valid(s, len))
        return len && fwrite(s, 1, len, f) != len ? -1 : 0;
    Buf b = {0};
    utf8_repair(s, len, &b);
    int rc = fwrite(b.s, 1, b.len, f) != b.len ? -1 : 0;
    buf_free(&b);
    return rc;
}
