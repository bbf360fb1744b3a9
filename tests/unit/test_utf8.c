/* test_utf8.c: UTF-8 decoding and repair (U+FFFD per maximal subpart) and control characters
 * made visible for the terminal (core/utf8.h). */
#include "support.h"

#include <stdlib.h>

#include "core/text.h"
#include "core/utf8.h"
#include "lua/lua_host.h"

static char *repaired(const char *s, size_t len)
{
    Buf b = {0};
    utf8_repair(s, len, &b);
    return buf_take(&b);
}

static char *visible(const char *s, unsigned keep)
{
    Buf b = {0};
    utf8_visible(s, strlen(s), keep, &b);
    return buf_take(&b);
}

static void expect_repair(const char *in, size_t len, const char *want)
{
    char *got = repaired(in, len);
    assert_string_equal(got, want);
    assert_true(utf8_valid(got, strlen(got)));
    free(got);
}

static void expect_visible(const char *in, unsigned keep, const char *want)
{
    char *got = visible(in, keep);
    assert_string_equal(got, want);
    assert_true(utf8_valid(got, strlen(got)));
    free(got);
}

#define R UTF8_REPLACEMENT

static void test_decode_well_formed(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2);
    assert_int_equal(cp, 0xE9);
    assert_int_equal(utf8_decode("\xE2\x80\x94", 3, &cp), 3);
    assert_int_equal(cp, 0x2014);
    assert_int_equal(utf8_decode("\xF0\x9F\x93\x88", 4, &cp), 4);
    assert_int_equal(cp, 0x1F4C8);
    assert_int_equal(utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
    assert_int_equal(cp, 0x10FFFF);
    assert_int_equal(utf8_decode("\xED\x9F\xBF", 3, &cp), 3); /* U+D7FF, just below surrogates */
    assert_int_equal(cp, 0xD7FF);
    assert_int_equal(utf8_decode("\xC2\x9B", 2, &cp), 2); /* CSI is well-formed UTF-8 */
    assert_int_equal(cp, 0x9B);
    assert_true(utf8_valid("caf\xC3\xA9 \xE2\x80\x94 ok", 13));
    assert_true(utf8_valid("", 0));
    assert_true(utf8_valid("a\0b", 3));
}

static void test_decode_maximal_subparts(void **state)
{
    (void)state;
    uint32_t cp;
    /* a lone continuation byte, an impossible lead byte, an overlong lead */
    assert_int_equal(utf8_decode("\x80", 1, &cp), 1);
    assert_int_equal(cp, UTF8_INVALID);
    assert_int_equal(utf8_decode("\xFF", 1, &cp), 1);
    assert_int_equal(cp, UTF8_INVALID);
    assert_int_equal(utf8_decode("\xC0\x80", 2, &cp), 1);
    assert_int_equal(cp, UTF8_INVALID);
    /* truncated sequences: the whole valid prefix is one subpart */
    assert_int_equal(utf8_decode("\xE2\x80", 2, &cp), 2);
    assert_int_equal(cp, UTF8_INVALID);
    assert_int_equal(utf8_decode("\xF0\x9F\x93 x", 5, &cp), 3);
    assert_int_equal(cp, UTF8_INVALID);
    /* E0 80: overlong (second byte below A0); ED A0: a surrogate; F4 90: above U+10FFFF */
    assert_int_equal(utf8_decode("\xE0\x80\x80", 3, &cp), 1);
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
    assert_int_equal(utf8_decode("\xF5\x80", 2, &cp), 1);
    assert_false(utf8_valid("\xED\xA0\x80", 3));
    assert_false(utf8_valid("ok\xC3", 3));
}

static void test_repair(void **state)
{
    (void)state;
    expect_repair("plain", 5, "plain");
    expect_repair("caf\xC3\xA9", 5, "caf\xC3\xA9");
    /* the reproducer's bytes: a truncated sequence, lone 0xFF 0xFE, an overlong NUL */
    expect_repair("caf\xC3 \xFF\xFE \xC0\x80 end", 14, "caf" R " " R R " " R R " end");
    /* a surrogate encoded in UTF-8: three subparts (the Unicode Standard's table 3-9 example) */
    expect_repair("Go \xED\xA0\x80", 6, "Go " R R R);
    /* a truncated four-byte sequence at the end: one U+FFFD */
    expect_repair("x\xF0\x9F\x93", 4, "x" R);
    /* the Unicode Standard's table 3-11: 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 */
    expect_repair("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13,
                  "a" R R R "b" R "c" R R "d");
    /* controls are left for the JSON writer to escape */
    expect_repair("a\x1b[2J\x7f", 6, "a\x1b[2J\x7f");
    /* NUL bytes are copied (the length counts, not the terminator) */
    char *got = repaired("a\0b", 3);
    assert_memory_equal(got, "a\0b", 3);
    free(got);
}

static void test_visible_controls(void **state)
{
    (void)state;
    /* ESC and BEL: U+241B and U+2407; nothing the terminal would act on is left */
    expect_visible("Esc\x1b]0;retitled\x07", 0, "Esc\xE2\x90\x9B]0;retitled\xE2\x90\x87");
    expect_visible("a\x1b[2Jb", 0, "a\xE2\x90\x9B[2Jb");
    /* C0 from NUL's neighbour to US, DEL */
    expect_visible("\x01\x08\x0d\x1f\x7f", 0, "\xE2\x90\x81\xE2\x90\x88\xE2\x90\x8D\xE2\x90\x9F"
                                              "\xE2\x90\xA1");
    /* C1 (UTF-8 encoded): ESC and its 7-bit final: CSI U+009B shows as ESC '[' */
    expect_visible("x\xC2\x9B" "2J\xC2\x9D" "0;t\xC2\x9C", 0,
                   "x\xE2\x90\x9B[2J\xE2\x90\x9B]0;t\xE2\x90\x9B\\");
    expect_visible("\xC2\x80\xC2\x9F", 0, "\xE2\x90\x9B@\xE2\x90\x9B_");
    /* U+00A0 and beyond are text */
    expect_visible("\xC2\xA0\xC2\xA9", 0, "\xC2\xA0\xC2\xA9");
    /* newline and tab only when asked for */
    expect_visible("a\nb\tc", 0, "a\xE2\x90\x8A" "b\xE2\x90\x89" "c");
    expect_visible("a\nb\tc", UTF8_KEEP_NEWLINE, "a\nb\xE2\x90\x89" "c");
    expect_visible("a\nb\tc\r", UTF8_KEEP_LAYOUT, "a\nb\tc\xE2\x90\x8D");
    /* ill-formed UTF-8 becomes U+FFFD here too */
    expect_visible("Bad \xFF UTF-8 \xC0\x80", 0, "Bad " R " UTF-8 " R R);
    expect_visible("", 0, "");
}

static void test_visible_width(void **state)
{
    (void)state;
    /* every replacement takes one column, so wrapping still measures right */
    char *got = visible("\x1b\x07\x7f\xFF", 0);
    assert_int_equal(text_width(got, strlen(got)), 4);
    free(got);
    got = visible("\xC2\x9B", 0);
    assert_int_equal(text_width(got, strlen(got)), 2);
    free(got);
    got = utf8_visible_dup(NULL, 0);
    assert_string_equal(got, "");
    free(got);
    got = utf8_visible_dup("ok\x1b", UTF8_KEEP_LAYOUT);
    assert_string_equal(got, "ok\xE2\x90\x9B");
    free(got);
}

static void test_fprintf_visible(void **state)
{
    (void)state;
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    assert_non_null(f);
    int n = utf8_fprintf(f, "%s:%d: %s\n", "story.lua", 3, "unknown scene '\x1b]0;x\x07'\tok");
    fclose(f);
    assert_string_equal(mem, "story.lua:3: unknown scene '\xE2\x90\x9B]0;x\xE2\x90\x87'\tok\n");
    assert_int_equal(n, (int)strlen(mem));
    free(mem);
}

/* Every byte string of up to three bytes from a set that covers each class of byte: the repair
 * is always valid UTF-8 and the visible form also holds no control but newline and tab. */
static void test_exhaustive_short(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x41, 0x7F, 0x80, 0x9B,
                                          0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0,
                                          0xF4, 0xF5, 0xFF, 0xA0, 0x90, 0x8F};
    size_t nb = sizeof bytes;
    for (size_t a = 0; a < nb; a++)
        for (size_t b = 0; b <= nb; b++)
            for (size_t c = 0; c <= nb; c++) {
                char s[3];
                size_t len = 0;
                s[len++] = (char)bytes[a];
                if (b < nb)
                    s[len++] = (char)bytes[b];
                if (b < nb && c < nb)
                    s[len++] = (char)bytes[c];
                Buf r = {0}, v = {0};
                utf8_repair(s, len, &r);
                assert_true(utf8_valid(r.s, r.len));
                utf8_visible(s, len, UTF8_KEEP_LAYOUT, &v);
                assert_true(utf8_valid(v.s, v.len));
                for (size_t i = 0; i < v.len;) {
                    uint32_t cp;
                    i += utf8_decode(v.s + i, v.len - i, &cp);
                    assert_false((cp < 0x20 && cp != '\n' && cp != '\t') ||
                                 (cp >= 0x7F && cp <= 0x9F));
                }
                buf_free(&r);
                buf_free(&v);
            }
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_well_formed),
        cmocka_unit_test(test_decode_maximal_subparts),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_visible_controls),
        cmocka_unit_test(test_visible_width),
        cmocka_unit_test(test_fprintf_visible),
        cmocka_unit_test(test_exhaustive_short),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
