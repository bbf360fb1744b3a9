/* test_request.c: the JSON front end's request parser (ui/json/request.h): what it takes, what
 * it refuses and how the refusal reads, and the bounded line reader. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/utf8.h"
#include "ui/json/request.h"
#include "lua/lua_host.h"

/* Parse line; the request must be accepted. */
static Request ok(const char *line)
{
    Request r;
    Err err;
    if (request_parse(line, strlen(line), &r, &err) != 0)
        fail_msg("refused %s: %s", line, err.msg);
    return r;
}

/* Parse len bytes; the line must be refused with a message containing want. */
static void refused_len(const char *line, size_t len, const char *want)
{
    Request r = {.kind = REQUEST_QUIT, .number = 42, .text = NULL};
    Err err;
    if (request_parse(line, len, &r, &err) == 0)
        fail_msg("accepted %.*s", (int)len, line);
    if (!strstr(err.msg, want))
        fail_msg("refusing %.*s: \"%s\" does not say \"%s\"", len > 200 ? 200 : (int)len, line,
                 err.msg, want);
    assert_true(utf8_valid(err.msg, strlen(err.msg)));
    assert_int_equal(r.number, 42); /* untouched */
    assert_null(r.text);
}

static void refused(const char *line, const char *want)
{
    refused_len(line, strlen(line), want);
}

static void test_accepts_every_request(void **state)
{
    (void)state;
    Request r = ok("{\"name\":\"Ana Lima\"}");
    assert_int_equal(r.kind, REQUEST_NAME);
    assert_string_equal(r.text, "Ana Lima");
    request_free(&r);
    r = ok("{\"choose\":1}");
    assert_int_equal(r.kind, REQUEST_CHOOSE);
    assert_int_equal(r.number, 1);
    assert_null(r.text);
    r = ok("{\"choose\":1000000}");
    assert_int_equal(r.number, 1000000);
    r = ok("  { \"choose\" : \"call_team\" }\t");
    assert_int_equal(r.kind, REQUEST_CHOOSE);
    assert_int_equal(r.number, 0);
    assert_string_equal(r.text, "call_team");
    request_free(&r);
    assert_null(r.text);
    r = ok("{\"choose\":\"caf\\u00e9 \\ud83d\\udcc8\"}");
    assert_string_equal(r.text, "caf\xC3\xA9 \xF0\x9F\x93\x88");
    request_free(&r);
    r = ok("{\"save\":\"slot-1_a\"}");
    assert_int_equal(r.kind, REQUEST_SAVE);
    assert_string_equal(r.text, "slot-1_a");
    request_free(&r);
    r = ok("{\"load\":\"/tmp/some save.json\"}");
    assert_int_equal(r.kind, REQUEST_LOAD);
    assert_string_equal(r.text, "/tmp/some save.json");
    request_free(&r);
    static const struct {
        const char *line;
        RequestKind kind;
    } flags[] = {{"{\"undo\":true}", REQUEST_UNDO}, {"{\"next\":true}", REQUEST_NEXT},
                 {"{\"look\":true}", REQUEST_LOOK}, {"{\"saves\":true}", REQUEST_SAVES},
                 {"{\"stories\":true}", REQUEST_STORIES}, {"{\"quit\":true}", REQUEST_QUIT},
                 {"{\"restart\":true}", REQUEST_RESTART}};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        r = ok(flags[i].line);
        assert_int_equal(r.kind, flags[i].kind);
        assert_null(r.text);
    }
    /* a line need not be NUL-terminated: only len bytes count */
    Err err;
    assert_int_equal(request_parse("{\"look\":true}garbage", 13, &r, &err), 0);
}

/* The reproducer json_protocol_lax.txt, line by line. */
static void test_refuses_the_lax_lines(void **state)
{
    (void)state;
    refused("{\"choose\":1}{\"choose\":2}", "column 13: more after the JSON value");
    refused("{\"choose\":1,\"undo\":true}", "one request per line, not 2: \"choose\" and \"undo\"");
    refused("{\"undo\":false}", "\"undo\" takes true, not false");
    refused("{\"save\":123}", "\"save\" takes a slot name");
    refused("{\"save\":123}", "not 123");
    refused("{\"save\":\"a\\u0000b\"}", "NUL (\\u0000)");
    refused("{\"quit\":false}", "\"quit\" takes true, not false");
}

static void test_refuses_shapes_and_types(void **state)
{
    (void)state;
    refused("", "an empty line");
    refused("   \t", "an empty line");
    refused("[1]", "a request is one JSON object such as {\"choose\":1}, not an array");
    refused("\"look\"", "not a string");
    refused("true", "not true");
    refused("{}", "an empty object");
    refused("{\"dance\":true}", "unknown request \"dance\": use choose, undo, next, save, load, "
                               "look, saves, stories, name, restart or quit");
    refused("{\"restart\":1}", "\"restart\" takes true");
    refused("{\"name\":\"\"}", "\"name\" takes the player's name");
    refused("{\"name\":\"   \"}", "\"name\" takes the player's name");
    refused("{\"name\":\"a\\tb\"}", "\"name\" takes the player's name");
    refused("{\"name\":true}", "\"name\" takes the player's name");
    refused("{\"name\":\"0123456789012345678901234567890123456789012345678901234567890\"}",
            "\"name\" takes the player's name");
    refused("{\"Choose\":1}", "unknown request \"Choose\"");
    refused("{\"choose\":1,\"choose\":2}", "\"choose\" is given twice");
    refused("{\"choose\":{\"n\":1}}", "\"choose\" takes a choice's number");
    refused("{\"choose\":{\"n\":1}}", "not an object");
    refused("{\"choose\":[1]}", "not an array");
    refused("{\"choose\":null}", "not null");
    refused("{\"choose\":\"\"}", "not \"\"");
    refused("{\"choose\":0}", "counted from 1, not 0");
    refused("{\"choose\":-1}", "not -1");
    refused("{\"choose\":1.5}", "not 1.5");
    refused("{\"choose\":1.0}", "not 1.0");
    refused("{\"choose\":1e0}", "not 1e0");
    refused("{\"choose\":1000001}", "from 1 to 1000000, not 1000001");
    refused("{\"choose\":99999999999999999999999999}", "from 1 to 1000000");
    refused("{\"choose\":1e999}", "not 1e999");
    refused("{\"undo\":1}", "\"undo\" takes true, not 1");
    refused("{\"look\":\"yes\"}", "\"look\" takes true, not \"yes\"");
    refused("{\"next\":{}}", "not an object");
    refused("{\"save\":\"../escape\"}", "a slot name");
    refused("{\"save\":\"/tmp/x.json\"}", "not \"/tmp/x.json\"");
    refused("{\"save\":\"\"}", "a slot name");
    refused("{\"save\":true}", "not true");
    refused("{\"load\":\"\"}", "\"load\" takes a slot name or a save file's path");
    refused("{\"load\":7}", "not 7");
    /* what a message quotes is cut short and shows controls */
    refused("{\"save\":\"" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
            "not \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xE2\x80\xA6\"");
    refused("{\"dance\\u001b[2J\":true}", "unknown request \"dance\xE2\x90\x9B[2J\"");
}

static void test_refuses_bad_json(void **state)
{
    (void)state;
    refused("not json", "column 1: not a JSON value");
    refused("{\"choose\":1", "column 12: expected ',' or '}', found the end of the line");
    refused("{\"choose\":1,}", "column 13: a comma before '}'");
    refused("{'choose':1}", "expected a key in double quotes, found '''");
    refused("{choose:1}", "expected a key in double quotes, found 'c'");
    refused("{\"choose\" 1}", "expected ':' after the key");
    refused("{\"choose\":+1}", "a number starts with '-' or a digit, not '+'");
    refused("{\"choose\":01}", "a number with a leading zero");
    refused("{\"choose\":.5}", "not '.'");
    refused("{\"choose\":1.}", "no digit after the decimal point");
    refused("{\"choose\":1e}", "no digit in the exponent");
    refused("{\"choose\":-}", "a minus sign without digits");
    refused("{\"choose\":tru}", "not a JSON value");
    refused("{\"choose\":True}", "cannot start a JSON value");
    refused("{\"choose\":1} x", "column 14: more after the JSON value");
    refused("{\"look\":true}\x0c", "more after the JSON value");
    refused("\x0b{\"look\":true}", "column 1: U+000B cannot start a JSON value");
    refused("\xEF\xBB\xBF{\"look\":true}", "U+FEFF cannot start");
    refused("{\"choose\":\"a\tb\"}", "a control character (U+0009) in a string");
    refused("{\"choose\":\"a\\xb\"}", "an unknown escape");
    refused("{\"choose\":\"a\\u12\"}", "four hexadecimal digits");
    refused("{\"choose\":\"\\ud800\"}", "a lone surrogate \\uD800");
    refused("{\"choose\":\"\\udc00x\"}", "a lone surrogate \\uDC00");
    refused("{\"choose\":\"\\ud800\\u0041\"}", "a lone surrogate");
    refused("{\"choose\":\"open", "a string that is not closed");
    refused("{\"choose\":\"x\"} // comment", "more after the JSON value");
    refused("/* c */ {\"look\":true}", "'/' cannot start");
    refused_len("{\"look\":true}\0", 14, "more after the JSON value");
    refused_len("{\"choose\":\"a\0b\"}", 16, "a NUL byte in a string");
    refused("{\"choose\":\"caf\xC3\"}", "not valid UTF-8 (RFC 8259 section 8.1): column 15");
    refused("{\"choose\":\"\xED\xA0\x80\"}", "not valid UTF-8");
    refused("{\"choose\":\"\xC0\x80\"}", "not valid UTF-8");
    /* a number longer than cJSON reads */
    refused("{\"choose\":1000000000000000000000000000000000000000000000000000000000000000}",
            "a number longer than 63 characters");
}

static void test_nesting_and_size(void **state)
{
    (void)state;
    /* nested deeper than allowed: refused before cJSON recurses */
    Buf b = {0};
    buf_puts(&b, "{\"choose\":");
    for (int i = 0; i < 60000; i++)
        buf_putc(&b, '[');
    refused_len(b.s, b.len, "nested deeper than 32 levels");
    buf_free(&b);
    buf_puts(&b, "{\"choose\":");
    for (int i = 0; i < 20; i++)
        buf_putc(&b, '[');
    for (int i = 0; i < 20; i++)
        buf_putc(&b, ']');
    buf_putc(&b, '}');
    refused_len(b.s, b.len, "not an array");
    buf_free(&b);
    /* the longest line is taken, one byte more is not */
    buf_puts(&b, "{\"choose\":\"");
    while (b.len < REQUEST_MAX_LINE - 2)
        buf_putc(&b, 'x');
    buf_puts(&b, "\"}");
    Request r;
    Err err;
    assert_int_equal(request_parse(b.s, b.len, &r, &err), 0);
    assert_int_equal(strlen(r.text), REQUEST_MAX_LINE - 13);
    request_free(&r);
    buf_putc(&b, ' ');
    refused_len(b.s, b.len, "longer than 65536 bytes");
    buf_free(&b);
}

static void test_read_line(void **state)
{
    (void)state;
    static const char input[] = "{\"look\":true}\r\n\nabcdefghij\nabc\0def\nlast";
    FILE *in = fmemopen((void *)(uintptr_t)input, sizeof input - 1, "r");
    assert_non_null(in);
    char buf[8 + 1];
    size_t len = 99;
    /* longer than 8: the start is kept, the rest read and dropped, the newline too */
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_TOO_LONG);
    assert_int_equal(len, 8);
    assert_memory_equal(buf, "{\"look\":", 8);
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_OK);
    assert_int_equal(len, 0);
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_TOO_LONG);
    /* a NUL byte is part of the line */
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_OK);
    assert_int_equal(len, 7);
    assert_memory_equal(buf, "abc\0def", 8);
    /* the last line has no newline */
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_OK);
    assert_string_equal(buf, "last");
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_END);
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_END);
    fclose(in);
    /* a line of exactly the cap with CRLF (or a last CR) fits; a CR past the cap that is not
     * the line's end does not */
    static const char at_cap[] = "12345678\r\n12345678\r12345678\rx\n";
    in = fmemopen((void *)(uintptr_t)at_cap, sizeof at_cap - 1, "r");
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_OK);
    assert_string_equal(buf, "12345678");
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_TOO_LONG);
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_END);
    fclose(in);
    static const char last_cr[] = "12345678\r";
    in = fmemopen((void *)(uintptr_t)last_cr, sizeof last_cr - 1, "r");
    assert_int_equal(request_read_line(in, buf, 8, &len), REQUEST_LINE_OK);
    assert_int_equal(len, 8);
    fclose(in);
    /* CRLF: the CR goes with the newline */
    static const char crlf[] = "{\"look\":true}\r\n";
    in = fmemopen((void *)(uintptr_t)crlf, sizeof crlf - 1, "r");
    char big[64];
    assert_int_equal(request_read_line(in, big, 63, &len), REQUEST_LINE_OK);
    assert_string_equal(big, "{\"look\":true}");
    fclose(in);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepts_every_request),
        cmocka_unit_test(test_refuses_the_lax_lines),
        cmocka_unit_test(test_refuses_shapes_and_types),
        cmocka_unit_test(test_refuses_bad_json),
        cmocka_unit_test(test_nesting_and_size),
        cmocka_unit_test(test_read_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
