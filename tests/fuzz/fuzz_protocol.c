/* fuzz_protocol.c: libFuzzer target for the JSON front end's input (ui/json/request.h): the
 * input is a session, the bytes a client might send, read line by line as json.c reads them
 * (request_read_line at the real cap, then again at a small cap so over-long lines are common)
 * and each line parsed (request_parse). Checked on every line: a refusal always has a message,
 * in valid UTF-8; an accepted request is well-formed (a choice number in range or a non-empty
 * id, a valid slot name, no NUL) and parses the same again from the line cJSON writes for it.
 * Each line also goes through utf8_repair and utf8_visible, whose output must be valid UTF-8
 * and, for utf8_visible, hold no control character but newline and tab.
 *
 * Built with -DLADDER_FUZZ=ON (clang, libFuzzer, ASan, UBSan; see run.sh); replay.c runs the
 * corpus through the same function in every build (CTest fuzz_corpus_protocol). */
#include <cJSON.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/paths.h"
#include "core/session.h"
#include "core/utf8.h"
#include "ui/json/request.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small cap for the second reading: most lines are longer. */
#define SMALL_CAP 24

static void fail(const char *what, const char *line, size_t len)
{
    fprintf(stderr, "fuzz_protocol: %s: %.*s\n", what, len > 200 ? 200 : (int)len, line);
    abort();
}

/* The key of each kind, in RequestKind's order; the assertion catches a kind added to
 * request.h and not here. */
static const char *const names[] = {"choose", "undo",    "next", "save", "load",   "look",
                                    "saves",  "stories", "quit", "name", "restart"};
_Static_assert(sizeof names / sizeof *names == REQUEST_KINDS, "a request kind without a key");

/* A player's name as request.h promises it: 1 to SESSION_MAX_NAME bytes, not only spaces,
 * no control character. */
static bool good_name(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > SESSION_MAX_NAME || strspn(s, " ") == n)
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* The request as cJSON writes it, parsed again: it must come back the same. */
static void round_trip(const Request *r, const char *line, size_t len)
{
    cJSON *o = cJSON_CreateObject();
    const char *key = names[r->kind];
    if (r->text)
        cJSON_AddStringToObject(o, key, r->text);
    else if (r->kind == REQUEST_CHOOSE)
        cJSON_AddNumberToObject(o, key, (double)r->number);
    else
        cJSON_AddTrueToObject(o, key);
    char *again = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!again)
        return;
    Request q;
    Err err;
    if (request_parse(again, strlen(again), &q, &err) != 0)
        fail("cJSON's line for an accepted request is refused", again, strlen(again));
    if (q.kind != r->kind || q.number != r->number || !q.text != !r->text ||
        (q.text && strcmp(q.text, r->text) != 0))
        fail("a request reads differently from cJSON's line for it", line, len);
    request_free(&q);
    cJSON_free(again);
}

static void check_line(const char *line, size_t len)
{
    Request r = {.kind = REQUEST_QUIT, .number = -7, .text = NULL};
    Err err;
    err.msg[0] = '\0';
    if (request_parse(line, len, &r, &err) != 0) {
        if (!err.msg[0] || !utf8_valid(err.msg, strlen(err.msg)))
            fail("a refusal without a message in UTF-8", line, len);
        if (r.number != -7 || r.text)
            fail("a refused request was filled in", line, len);
    } else {
        if ((unsigned)r.kind >= sizeof names / sizeof *names)
            fail("an unknown request kind", line, len);
        bool ok;
        switch (r.kind) {
        case REQUEST_CHOOSE:
            ok = r.text ? r.number == 0 && *r.text
                        : r.number >= 1 && r.number <= REQUEST_MAX_CHOICE;
            break;
        case REQUEST_SAVE: ok = r.text && paths_valid_save_name(r.text) && !r.number; break;
        case REQUEST_LOAD: ok = r.text && *r.text && !r.number; break;
        case REQUEST_NAME: ok = r.text && good_name(r.text) && !r.number; break;
        default: ok = !r.text && !r.number;
        }
        if (!ok || (r.text && !utf8_valid(r.text, strlen(r.text))))
            fail("an accepted request is malformed", line, len);
        round_trip(&r, line, len);
        request_free(&r);
    }
    Buf b = {0};
    utf8_repair(line, len, &b);
    if (!utf8_valid(buf_str(&b), b.len))
        fail("utf8_repair wrote invalid UTF-8", line, len);
    buf_free(&b);
    utf8_visible(line, len, UTF8_KEEP_LAYOUT, &b);
    for (size_t i = 0; i < b.len;) {
        uint32_t cp;
        i += utf8_decode(b.s + i, b.len - i, &cp);
        if (cp == UTF8_INVALID || (cp < 0x20 && cp != '\n' && cp != '\t') ||
            (cp >= 0x7F && cp <= 0x9F))
            fail("utf8_visible left a control or invalid UTF-8", line, len);
    }
    buf_free(&b);
}

/* Read the session as json.c does, with the given cap. */
static void read_session(const uint8_t *data, size_t size, size_t cap)
{
    /* fmemopen refuses an empty buffer; an empty session has no line anyway */
    if (size == 0)
        return;
    FILE *in = fmemopen((void *)(uintptr_t)data, size, "r");
    if (!in)
        abort();
    char *line = malloc(cap + 1);
    size_t len, lines = 0;
    RequestLine got;
    while ((got = request_read_line(in, line, cap, &len)) != REQUEST_LINE_END) {
        if (len > cap || line[len] != '\0' || memchr(line, '\n', len))
            fail("request_read_line broke its contract", line, len);
        if (got == REQUEST_LINE_OK)
            check_line(line, len);
        if (++lines > size)
            fail("more lines than bytes", line, len);
    }
    free(line);
    fclose(in);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* exactly the input's bytes, without a terminator, so a read past the end is caught */
    uint8_t *bytes = malloc(size ? size : 1);
    if (size)
        memcpy(bytes, data, size);
    read_session(bytes, size, REQUEST_MAX_LINE);
    read_session(bytes, size, SMALL_CAP);
    /* the whole input as one line, as a caller of request_parse might pass it */
    check_line((const char *)bytes, size);
    free(bytes);
    return 0;
}
