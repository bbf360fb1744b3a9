/* text.c: interpolation, paragraph layout and markup stripping for scene prose. */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

int text_interpolate(const char *src, TextLookup lookup, void *ud, Buf *out, Err *err)
{
    const char *p = src;
    size_t start = out ? out->len : 0;
    while (*p) {
        if (p[0] == '{' && p[1] == '{') {
            if (out)
                buf_putc(out, '{');
            p += 2;
        } else if (p[0] == '}' && p[1] == '}') {
            if (out)
                buf_putc(out, '}');
            p += 2;
        } else if (*p == '{') {
            /* the name ends at the first '}' on the line: each byte is looked at once */
            const char *end = p + 1 + strcspn(p + 1, "}\n");
            if (*end != '}') {
                err_set(err, "unclosed '{' in text (write {{ for a literal brace)");
                return -1;
            }
            size_t len = (size_t)(end - p - 1);
            while (len && p[1] == ' ') {
                p++;
                len--;
            }
            while (len && p[len] == ' ')
                len--;
            if (len > TEXT_MAX_NAME) {
                err_set(err, "a name in braces is %zu bytes long (at most %d; write {{ for a "
                             "literal brace)",
                        len, TEXT_MAX_NAME);
                return -1;
            }
            if (!lookup(ud, p + 1, len, out)) {
                err_set(err, "unknown name {%.*s} in text", (int)len, p + 1);
                return -1;
            }
            p = end + 1;
        } else {
            const char *q = p + strcspn(p, "{}");
            if (q == p) /* a lone '}' */
                q++;
            if (out)
                buf_add(out, p, (size_t)(q - p));
            p = q;
        }
        if (out && out->len - start > TEXT_MAX_BYTES) {
            err_set(err, "the text is longer than %u KiB once its {names} are filled in",
                    TEXT_MAX_BYTES >> 10);
            return -1;
        }
    }
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

char *text_layout(const char *src)
{
    Buf out = {0};
    bool in_para = false; /* a paragraph is open on the current output line */
    bool blank_pending = false;
    const char *p = src;
    while (*p) {
        const char *eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        const char *a = p, *b = eol;
        while (a < b && is_space(*a))
            a++;
        while (b > a && is_space(b[-1]))
            b--;
        if (a == b) {
            if (out.len)
                blank_pending = true;
            in_para = false;
        } else {
            bool verbatim = *a == '|';
            if (verbatim) {
                a++;
                if (a < b && *a == ' ')
                    a++;
            }
            if (blank_pending) {
                buf_puts(&out, "\n\n");
                blank_pending = false;
            } else if (out.len) {
                buf_puts(&out, verbatim || !in_para ? "\n" : " ");
            }
            buf_add(&out, a, (size_t)(b - a));
            in_para = !verbatim;
        }
        p = *eol ? eol + 1 : eol;
    }
    return buf_take(&out);
}

char *text_plain(const char *src)
{
    Buf out = {0};
    for (const char *p = src; *p; p++) {
        if (*p == '*')
            continue;
        buf_putc(&out, *p);
    }
    return buf_take(&out);
}

size_t text_word_count(const char *src)
{
    size_t n = 0;
    bool in_word = false;
    for (const char *p = src; *p; p++) {
        bool sp = is_space(*p) || *p == '\n';
        if (!sp && !in_word)
            n++;
        in_word = !sp;
    }
    return n;
}

size_t text_width(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) == 0x80)
            continue; /* continuation byte */
        if (c == 0xCC || c == 0xCD) {
            /* U+0300..U+036F combining diacritics take no column */
            if (i + 1 < len) {
                unsigned cp = ((c & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
                if (cp >= 0x300 && cp <= 0x36F)
                    continue;
            }
        }
        w++;
    }
    return w;
}
