/* request.c: request lines of the JSON front end. A line is first checked against the JSON
 * grammar of RFC 8259 by a small recursive scanner (cJSON is lenient: it takes "+1", "01",
 * control characters as whitespace and in strings, a second object after the first, and cuts
 * strings at \u0000), then cJSON builds the tree, and the request's shape is checked: one known
 * key, a value of the type it takes. Each refusal says what is wrong and where. */
#include "ui/json/request.h"

#include <cJSON.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/session.h"
#include "core/utf8.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define KNOWN "choose, undo, next, save, load, look, saves, stories, name, restart or quit"
/* cJSON reads at most 63 characters of a number */
#define MAX_NUMBER 63
/* how much of a key or value an error message quotes, in code points */
#define QUOTE_MAX 40

/* ---- the grammar (RFC 8259), on a line already known to be valid UTF-8 ---- */

typedef struct Scan {
    const char *s;
    size_t len, pos;
    Err *err;
    size_t val_start, val_end; /* the text of the last member value of the outer object */
} Scan;

/* The column (in code points, from 1) of byte offset pos. */
static size_t column(const char *s, size_t pos)
{
    size_t col = 1;
    for (size_t i = 0; i < pos; i++)
        col += ((unsigned char)s[i] & 0xC0) != 0x80;
    return col;
}

static bool bad(Scan *sc, const char *fmt, ...) LADDER_PRINTF(2, 3);
static bool bad(Scan *sc, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    err_set(sc->err, "not JSON (RFC 8259): column %zu: %s", column(sc->s, sc->pos), buf_str(&b));
    buf_free(&b);
    return false;
}

/* Append up to QUOTE_MAX code points of s (n bytes of valid UTF-8) to b, controls visible. */
static void quote(Buf *b, const char *s, size_t n)
{
    size_t i = 0, cps = 0;
    while (i < n && cps < QUOTE_MAX) {
        uint32_t cp;
        i += utf8_decode(s + i, n - i, &cp);
        cps++;
    }
    utf8_visible(s, i, 0, b);
    if (i < n)
        buf_puts(b, "\xE2\x80\xA6"); /* ... */
}

/* "'x'", "U+00A0" or "the end of the line": the character at sc->pos, for messages. */
static const char *here(const Scan *sc, char *buf, size_t n)
{
    if (sc->pos >= sc->len)
        return "the end of the line";
    unsigned char c = (unsigned char)sc->s[sc->pos];
    uint32_t cp;
    utf8_decode(sc->s + sc->pos, sc->len - sc->pos, &cp);
    if (c > 0x20 && c < 0x7F)
        snprintf(buf, n, "'%c'", c);
    else
        snprintf(buf, n, "U+%04X", (unsigned)cp);
    return buf;
}

static int peek(const Scan *sc)
{
    return sc->pos < sc->len ? (unsigned char)sc->s[sc->pos] : -1;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static void skip_ws(Scan *sc)
{
    int c;
    while ((c = peek(sc)) == ' ' || c == '\t' || c == '\r' || c == '\n')
        sc->pos++;
}

static bool value(Scan *sc, int depth);

static bool literal(Scan *sc, const char *word)
{
    size_t n = strlen(word);
    if (sc->len - sc->pos >= n && memcmp(sc->s + sc->pos, word, n) == 0) {
        sc->pos += n;
        return true;
    }
    return bad(sc, "not a JSON value (the words are true, false and null; strings are in "
                   "double quotes)");
}

static bool number(Scan *sc)
{
    size_t start = sc->pos;
    if (peek(sc) == '-')
        sc->pos++;
    if (peek(sc) == '0') {
        sc->pos++;
        if (is_digit(peek(sc)))
            return bad(sc, "a number with a leading zero");
    } else if (is_digit(peek(sc))) {
        while (is_digit(peek(sc)))
            sc->pos++;
    } else {
        return bad(sc, "a minus sign without digits");
    }
    if (peek(sc) == '.') {
        sc->pos++;
        if (!is_digit(peek(sc)))
            return bad(sc, "no digit after the decimal point");
        while (is_digit(peek(sc)))
            sc->pos++;
    }
    if (peek(sc) == 'e' || peek(sc) == 'E') {
        sc->pos++;
        if (peek(sc) == '+' || peek(sc) == '-')
            sc->pos++;
        if (!is_digit(peek(sc)))
            return bad(sc, "no digit in the exponent");
        while (is_digit(peek(sc)))
            sc->pos++;
    }
    if (sc->pos - start > MAX_NUMBER) {
        sc->pos = start;
        return bad(sc, "a number longer than %d characters", MAX_NUMBER);
    }
    return true;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* A \uXXXX escape at sc->pos (the backslash); a high surrogate must be followed by a low one. */
static bool unicode_escape(Scan *sc)
{
    int u = sc->len - sc->pos >= 6 ? hex4(sc->s + sc->pos + 2) : -1;
    if (u < 0)
        return bad(sc, "\\u needs four hexadecimal digits");
    if (u == 0)
        return bad(sc, "a string holds NUL (\\u0000), which no id, name or path may contain");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return bad(sc, "a lone surrogate \\u%04X (a low surrogate without a high one)", u);
    if (u >= 0xD800 && u <= 0xDBFF) {
        const char *n = sc->s + sc->pos + 6;
        int lo = sc->len - sc->pos >= 12 && n[0] == '\\' && n[1] == 'u' ? hex4(n + 2) : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return bad(sc, "a lone surrogate \\u%04X (a high surrogate without a low one)", u);
        sc->pos += 6;
    }
    sc->pos += 6;
    return true;
}

static bool string(Scan *sc)
{
    sc->pos++; /* the opening quote */
    for (;;) {
        int c = peek(sc);
        if (c < 0)
            return bad(sc, "a string that is not closed");
        if (c == '"') {
            sc->pos++;
            return true;
        }
        if (c == 0)
            return bad(sc, "a NUL byte in a string");
        if (c < 0x20)
            return bad(sc, "a control character (U+%04X) in a string: escape it, e.g. \\n", c);
        if (c != '\\') {
            uint32_t cp;
            sc->pos += utf8_decode(sc->s + sc->pos, sc->len - sc->pos, &cp);
            continue;
        }
        int e = sc->pos + 1 < sc->len ? (unsigned char)sc->s[sc->pos + 1] : -1;
        if (e == 'u') {
            if (!unicode_escape(sc))
                return false;
        } else if (e > 0 && strchr("\"\\/bfnrt", e)) {
            sc->pos += 2;
        } else {
            return bad(sc, "an unknown escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n "
                           "\\r \\t and \\uXXXX)");
        }
    }
}

/* An object or array at sc->pos; close is '}' or ']'. */
static bool container(Scan *sc, int depth, int close)
{
    if (depth >= REQUEST_MAX_DEPTH)
        return bad(sc, "arrays and objects nested deeper than %d levels", REQUEST_MAX_DEPTH);
    sc->pos++;
    skip_ws(sc);
    if (peek(sc) == close) {
        sc->pos++;
        return true;
    }
    char w[16];
    for (;;) {
        if (close == '}') {
            if (peek(sc) != '"')
                return bad(sc, "expected a key in double quotes, found %s", here(sc, w, sizeof w));
            if (!string(sc))
                return false;
            skip_ws(sc);
            if (peek(sc) != ':')
                return bad(sc, "expected ':' after the key, found %s", here(sc, w, sizeof w));
            sc->pos++;
            skip_ws(sc);
        }
        size_t start = sc->pos;
        if (!value(sc, depth + 1))
            return false;
        if (depth == 0 && close == '}') {
            sc->val_start = start;
            sc->val_end = sc->pos;
        }
        skip_ws(sc);
        if (peek(sc) == close) {
            sc->pos++;
            return true;
        }
        if (peek(sc) != ',')
            return bad(sc, "expected ',' or '%c', found %s", close, here(sc, w, sizeof w));
        sc->pos++;
        skip_ws(sc);
        if (peek(sc) == close)
            return bad(sc, "a comma before '%c'", close);
    }
}

static bool value(Scan *sc, int depth)
{
    char w[16];
    switch (peek(sc)) {
    case '{': return container(sc, depth, '}');
    case '[': return container(sc, depth, ']');
    case '"': return string(sc);
    case 't': return literal(sc, "true");
    case 'f': return literal(sc, "false");
    case 'n': return literal(sc, "null");
    case '-': return number(sc);
    case -1: return bad(sc, "the line ends where a value should be");
    default:
        if (is_digit(peek(sc)))
            return number(sc);
        if (peek(sc) == '+' || peek(sc) == '.')
            return bad(sc, "a number starts with '-' or a digit, not %s", here(sc, w, sizeof w));
        if (peek(sc) == '\'')
            return bad(sc, "strings are in double quotes, not single ones");
        return bad(sc, "%s cannot start a JSON value", here(sc, w, sizeof w));
    }
}

/* ---- the request ---- */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsTrue(v))
        return "true";
    if (cJSON_IsFalse(v))
        return "false";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsArray(v))
        return "an array";
    return "an object";
}

static const struct {
    const char *key;
    RequestKind kind;
} requests[] = {
    {"choose", REQUEST_CHOOSE}, {"undo", REQUEST_UNDO}, {"next", REQUEST_NEXT},
    {"save", REQUEST_SAVE},     {"load", REQUEST_LOAD}, {"look", REQUEST_LOOK},
    {"saves", REQUEST_SAVES},   {"stories", REQUEST_STORIES},  {"quit", REQUEST_QUIT},
    {"name", REQUEST_NAME},     {"restart", REQUEST_RESTART},
};

bool request_valid_name(const char *s)
{
    size_t n = strlen(s);
    bool text = false;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
        text = text || (*p != ' ');
    }
    return text && n <= SESSION_MAX_NAME;
}

static int find_request(const char *key)
{
    for (size_t i = 0; i < sizeof requests / sizeof *requests; i++)
        if (strcmp(requests[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* Set err to "\"key\" takes WHAT, not <the value>". */
static void wrong(Err *err, const char *key, const char *what, const cJSON *v, const Scan *sc)
{
    Buf b = {0};
    if (cJSON_IsNumber(v)) {
        quote(&b, sc->s + sc->val_start, sc->val_end - sc->val_start);
    } else if (cJSON_IsString(v)) {
        buf_putc(&b, '"');
        quote(&b, v->valuestring, strlen(v->valuestring));
        buf_putc(&b, '"');
    } else {
        buf_puts(&b, type_name(v));
    }
    err_set(err, "\"%s\" takes %s, not %s", key, what, buf_str(&b));
    buf_free(&b);
}

/* The number of a choice: its text must be a whole number from 1 to REQUEST_MAX_CHOICE. */
static int choice_number(const Scan *sc, const cJSON *v, long *out, Err *err)
{
    const char *t = sc->s + sc->val_start;
    size_t n = sc->val_end - sc->val_start;
    bool whole = n > 0;
    for (size_t i = 0; i < n; i++)
        whole = whole && is_digit((unsigned char)t[i]);
    if (!whole) {
        wrong(err, "choose", "a choice's number (a whole number from 1) or its id", v, sc);
        return -1;
    }
    if (n == 1 && t[0] == '0') {
        wrong(err, "choose", "a choice's number counted from 1", v, sc);
        return -1;
    }
    long k = 0;
    for (size_t i = 0; i < n && k <= REQUEST_MAX_CHOICE; i++)
        k = k * 10 + (t[i] - '0');
    if (k > REQUEST_MAX_CHOICE) {
        wrong(err, "choose", "a choice's number from 1 to " STR(REQUEST_MAX_CHOICE), v, sc);
        return -1;
    }
    *out = k;
    return 0;
}

static int check_request(const Scan *sc, const cJSON *root, Request *req, Err *err)
{
    if (!cJSON_IsObject(root)) {
        err_set(err, "a request is one JSON object such as {\"choose\":1}, not %s",
                type_name(root));
        return -1;
    }
    const cJSON *first = root->child;
    if (!first) {
        err_set(err, "an empty object: name one request (" KNOWN ")");
        return -1;
    }
    size_t members = 0;
    for (const cJSON *m = first; m; m = m->next, members++) {
        if (find_request(m->string) < 0) {
            Buf b = {0};
            quote(&b, m->string, strlen(m->string));
            err_set(err, "unknown request \"%s\": use " KNOWN, buf_str(&b));
            buf_free(&b);
            return -1;
        }
        for (const cJSON *o = first; o != m; o = o->next)
            if (strcmp(o->string, m->string) == 0) {
                err_set(err, "\"%s\" is given twice in one object", m->string);
                return -1;
            }
    }
    if (members > 1) {
        err_set(err, "one request per line, not %zu: \"%s\" and \"%s\" were given together",
                members, first->string, first->next->string);
        return -1;
    }
    const char *key = first->string;
    RequestKind kind = requests[find_request(key)].kind;
    const cJSON *v = first;
    Request r = {.kind = kind};
    switch (kind) {
    case REQUEST_CHOOSE:
        if (cJSON_IsNumber(v)) {
            if (choice_number(sc, v, &r.number, err) != 0)
                return -1;
        } else if (cJSON_IsString(v) && *v->valuestring) {
            r.text = xstrdup(v->valuestring);
        } else {
            wrong(err, key, "a choice's number (from 1) or its id", v, sc);
            return -1;
        }
        break;
    case REQUEST_SAVE:
        if (!cJSON_IsString(v) || !paths_valid_save_name(v->valuestring)) {
            wrong(err, key, "a slot name (1 to 64 letters, digits, _ or -, such as \"slot1\")",
                  v, sc);
            return -1;
        }
        r.text = xstrdup(v->valuestring);
        break;
    case REQUEST_NAME:
        if (!cJSON_IsString(v) || !request_valid_name(v->valuestring)) {
            wrong(err, key, "the player's name (1 to " STR(SESSION_MAX_NAME)
                            " characters, no control characters)", v, sc);
            return -1;
        }
        r.text = xstrdup(v->valuestring);
        break;
    case REQUEST_LOAD:
        if (!cJSON_IsString(v) || !*v->valuestring) {
            wrong(err, key, "a slot name or a save file's path", v, sc);
            return -1;
        }
        r.text = xstrdup(v->valuestring);
        break;
    default:
        if (!cJSON_IsTrue(v)) {
            wrong(err, key, "true", v, sc);
            return -1;
        }
    }
    *req = r;
    return 0;
}

int request_parse(const char *line, size_t len, Request *req, Err *err)
{
    if (len > REQUEST_MAX_LINE) {
        err_set(err, "the line is longer than %d bytes", REQUEST_MAX_LINE);
        return -1;
    }
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(line + i, len - i, &cp);
        if (cp == UTF8_INVALID) {
            err_set(err, "the line is not valid UTF-8 (RFC 8259 section 8.1): column %zu",
                    column(line, i));
            return -1;
        }
        i += n;
    }
    Scan sc = {.s = line, .len = len, .err = err};
    skip_ws(&sc);
    if (sc.pos == len) {
        err_set(err, "an empty line: send one JSON object per line, such as {\"look\":true}");
        return -1;
    }
    if (!value(&sc, 0))
        return -1;
    skip_ws(&sc);
    if (sc.pos < len) {
        bad(&sc, "more after the JSON value: send one object per line");
        return -1;
    }
    cJSON *root = cJSON_ParseWithLength(line, len);
    if (!root) { /* the grammar holds, so only memory can fail here */
        err_set(err, "the line could not be parsed (out of memory?)");
        return -1;
    }
    int rc = check_request(&sc, root, req, err);
    cJSON_Delete(root);
    return rc;
}

void request_free(Request *req)
{
    free(req->text);
    req->text = NULL;
}

RequestLine request_read_line(FILE *in, char *buf, size_t cap, size_t *len)
{
    size_t n = 0;
    bool over = false, any = false, cr = false; /* cr: a CR just past the cap, not stored */
    int c;
    while ((c = getc(in)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (cr)
            over = true; /* the CR was not the line's end */
        cr = false;
        if (n < cap)
            buf[n++] = (char)c;
        else if (c == '\r' && !over)
            cr = true;
        else
            over = true;
    }
    if (!any)
        return REQUEST_LINE_END;
    if (!over && n > 0 && buf[n - 1] == '\r')
        n--;
    buf[n] = '\0';
    *len = n;
    return over ? REQUEST_LINE_TOO_LONG : REQUEST_LINE_OK;
}
