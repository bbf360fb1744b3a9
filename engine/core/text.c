/* text.c: interpolation, paragraph layout, markup and display width for scene prose. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "core/text.h"

#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/utf8.h"

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

void text_markup(const char *src, TextRun run, void *ud)
{
    unsigned style = 0;
    const char *p = src, *from = src;
    while (*p) {
        size_t skip = 0;
        unsigned next = style, mark = 0;
        if (p[0] == '*' && p[1] == '*') {
            skip = 2, next = style ^ TEXT_STRONG;
        } else if (*p == '*') {
            skip = 1, next = style ^ TEXT_EM;
        } else if (p[0] == '\n' && p[1] == '\n') {
            skip = 2, mark = TEXT_PARAGRAPH;
        } else if (*p == '\n') {
            skip = 1, mark = TEXT_BREAK;
        } else {
            p++;
            continue;
        }
        if (p > from)
            run(ud, from, (size_t)(p - from), style);
        if (mark)
            run(ud, "", 0, mark);
        style = next;
        p += skip;
        from = p;
    }
    if (p > from)
        run(ud, from, (size_t)(p - from), style);
}

static void plain_run(void *ud, const char *text, size_t len, unsigned style)
{
    Buf *out = ud;
    if (style & TEXT_PARAGRAPH)
        buf_puts(out, "\n\n");
    else if (style & TEXT_BREAK)
        buf_putc(out, '\n');
    else
        buf_add(out, text, len);
}

char *text_plain(const char *src)
{
    Buf out = {0};
    text_markup(src, plain_run, &out);
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

/* The C.UTF-8 locale (Debian's libc always has it), made once: wcwidth answers by the
 * locale of the calling thread, and the program's own locale may be "C". */
static locale_t utf8_locale;
static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;
static void utf8_locale_make(void)
{
    utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

size_t text_width(const char *s, size_t len)
{
    pthread_once(&utf8_locale_once, utf8_locale_make);
    locale_t prev = utf8_locale ? uselocale(utf8_locale) : (locale_t)0;
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        i += n;
        if (cp == UTF8_INVALID) { /* shown as one U+FFFD */
            w++;
            continue;
        }
        int cw = utf8_locale ? wcwidth((wchar_t)cp) : -1;
        if (cw >= 0)
            w += (size_t)cw;
        else if (!utf8_locale && cp >= 0x300 && cp <= 0x36F)
            continue; /* no locale: at least combining diacritics take no column */
        else
            w++; /* a control or unassigned code point: one column, as its visible symbol */
    }
    if (utf8_locale)
        uselocale(prev);
    return w;
}

/* Visible width of s, skipping escape sequences (a front end's styling). */
static size_t visible_width(const char *s, size_t len)
{
    size_t w = 0, i = 0;
    while (i < len) {
        if (s[i] == '\033') {
            while (i < len && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
                i++;
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && s[j] != '\033')
            j++;
        w += text_width(s + i, j - i);
        i = j;
    }
    return w;
}

void text_wrap_line(Buf *out, const char *line, size_t len, int width, int indent, int first)
{
    int col = first;
    const char *p = line, *end = line + len;
    bool line_start = true;
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        if (p == end)
            break;
        const char *w = p;
        while (p < end && *p != ' ')
            p++;
        int ww = (int)visible_width(w, (size_t)(p - w));
        if (!line_start && col + 1 + ww > width) {
            buf_putc(out, '\n');
            for (int i = 0; i < indent; i++)
                buf_putc(out, ' ');
            col = indent;
            line_start = true;
        }
        if (!line_start) {
            buf_putc(out, ' ');
            col++;
        }
        buf_add(out, w, (size_t)(p - w));
        col += ww;
        line_start = false;
    }
}

void text_wrap(Buf *out, const char *text, int width, int indent)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        for (int i = 0; i < indent; i++)
            buf_putc(out, ' ');
        text_wrap_line(out, p, len, width, indent, indent);
        buf_putc(out, '\n');
        if (!nl)
            break;
        p = nl + 1;
    }
}
