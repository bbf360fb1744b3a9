/* test_text.c: {name} interpolation, paragraph layout, markup stripping and display width. */
#include "support.h"

#include <stdlib.h>

#include "core/text.h"
#include "lua/lua_host.h"

/* A lookup that knows name -> "Ada", burnout -> "30", empty -> "". */
static bool lookup(void *ud, const char *name, size_t len, Buf *out)
{
    int *calls = ud;
    (*calls)++;
    static const char *const table[][2] = {{"name", "Ada"}, {"burnout", "30"}, {"empty", ""}};
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (strlen(table[i][0]) == len && memcmp(table[i][0], name, len) == 0) {
            if (out)
                buf_puts(out, table[i][1]);
            return true;
        }
    return false;
}

/* Interpolate src; returns the result (malloc'd) or NULL with the message in err. */
static char *interp(const char *src, Err *err)
{
    int calls = 0;
    Buf out = {0};
    if (text_interpolate(src, lookup, &calls, &out, err) != 0) {
        buf_free(&out);
        return NULL;
    }
    return buf_take(&out);
}

static void expect_interp(const char *src, const char *want)
{
    Err err;
    char *got = interp(src, &err);
    if (!got) {
        print_error("interpolating \"%s\" failed: %s\n", src, err.msg);
        fail();
    }
    assert_string_equal(got, want);
    free(got);
}

static void expect_interp_error(const char *src, const char *msg_part)
{
    Err err;
    char *got = interp(src, &err);
    if (got) {
        print_error("interpolating \"%s\" gave \"%s\"; an error was expected\n", src, got);
        free(got);
        fail();
    }
    assert_contains(err.msg, msg_part);
}

static void test_interpolate_names(void **state)
{
    (void)state;
    expect_interp("Hello {name}.", "Hello Ada.");
    expect_interp("{name} has burnout {burnout}", "Ada has burnout 30");
    expect_interp("{burnout}{burnout}", "3030");
    expect_interp("[{empty}]", "[]");
    expect_interp("{ name }", "Ada"); /* spaces inside the braces are ignored */
    expect_interp("No names at all.", "No names at all.");
    expect_interp("", "");
}

static void test_interpolate_passes_exact_name(void **state)
{
    (void)state;
    /* the callback sees the name only, not the braces or the rest of the text */
    int calls = 0;
    Buf out = {0};
    Err err;
    assert_int_equal(text_interpolate("a {name} b {burnout} c", lookup, &calls, &out, &err), 0);
    assert_int_equal(calls, 2);
    assert_string_equal(buf_str(&out), "a Ada b 30 c");
    buf_free(&out);
    /* checking only (out NULL), as the loader does */
    calls = 0;
    assert_int_equal(text_interpolate("{name} {burnout}", lookup, &calls, NULL, &err), 0);
    assert_int_equal(calls, 2);
}

static void test_interpolate_literal_braces(void **state)
{
    (void)state;
    expect_interp("{{name}}", "{name}");
    expect_interp("a {{ b }} c", "a { b } c");
    expect_interp("{{{name}}}", "{Ada}");
    expect_interp("set {{x}} to {burnout}", "set {x} to 30");
    expect_interp("a lone } stays", "a lone } stays");
}

static void test_interpolate_errors(void **state)
{
    (void)state;
    expect_interp_error("Hello {nobody}.", "unknown name {nobody} in text");
    expect_interp_error("Hello {}.", "unknown name {} in text");
    expect_interp_error("Hello {name", "unclosed '{'");
    expect_interp_error("Hello {name\nand more}", "unclosed '{'"); /* a name never spans lines */
    expect_interp_error("{name} then {", "unclosed '{'");
}

static void expect_layout(const char *src, const char *want)
{
    char *got = text_layout(src);
    assert_string_equal(got, want);
    free(got);
}

static void test_layout_joins_lines(void **state)
{
    (void)state;
    expect_layout("one\ntwo\nthree", "one two three");
    expect_layout("    indented\n        more indented\n\tand a tab", "indented more indented and a tab");
    expect_layout("trailing   \nspaces  ", "trailing spaces");
    expect_layout("windows\r\nline\r\nends\r\n", "windows line ends");
    expect_layout("single", "single");
    expect_layout("", "");
}

static void test_layout_paragraphs(void **state)
{
    (void)state;
    expect_layout("First para\ncontinues.\n\nSecond para.", "First para continues.\n\nSecond para.");
    /* several blank lines (even with spaces on them) make one break */
    expect_layout("a\n\n   \n\t\nb", "a\n\nb");
    /* blank lines before and after the text are dropped */
    expect_layout("\n\n  Start\n\n\n", "Start");
    /* the usual shape of a Lua long string */
    expect_layout("\n    The queue holds forty tickets.\n    Priya waves.\n\n"
                  "    The phone rings.\n  ",
                  "The queue holds forty tickets. Priya waves.\n\nThe phone rings.");
}

static void test_layout_verbatim_lines(void **state)
{
    (void)state;
    expect_layout("| line one\n| line two", "line one\nline two");
    expect_layout("Intro text\nwraps.\n| kept\n| as is\nOutro.", "Intro text wraps.\nkept\nas is\nOutro.");
    expect_layout("   |   indented bar", "  indented bar"); /* only one space after | goes */
    expect_layout("|x\n|y", "x\ny");
    expect_layout("Para.\n\n| verse", "Para.\n\nverse");
}

static void test_plain_strips_markup(void **state)
{
    (void)state;
    char *p = text_plain("Some *emphasis* and **strong** words.");
    assert_string_equal(p, "Some emphasis and strong words.");
    free(p);
    p = text_plain("no markup");
    assert_string_equal(p, "no markup");
    free(p);
    p = text_plain("");
    assert_string_equal(p, "");
    free(p);
}

static void test_word_count(void **state)
{
    (void)state;
    assert_int_equal(text_word_count(""), 0);
    assert_int_equal(text_word_count("one"), 1);
    assert_int_equal(text_word_count("  two   words \n"), 2);
    assert_int_equal(text_word_count("a\nb\tc"), 3);
}

static void test_width_counts_columns(void **state)
{
    (void)state;
    const char *s;
    s = "abc";
    assert_int_equal(text_width(s, strlen(s)), 3);
    s = "caf\xc3\xa9"; /* café */
    assert_int_equal(strlen(s), 5);
    assert_int_equal(text_width(s, strlen(s)), 4);
    s = "\xe2\x80\x9chi\xe2\x80\x9d"; /* “hi” */
    assert_int_equal(text_width(s, strlen(s)), 4);
    s = "a \xe2\x80\x94 b"; /* a — b */
    assert_int_equal(text_width(s, strlen(s)), 5);
    s = "e\xcc\x81"; /* e + combining acute: one column */
    assert_int_equal(text_width(s, strlen(s)), 1);
    s = "\xf0\x9f\x93\x88"; /* an emoji (U+1F4C8): two columns */
    assert_int_equal(text_width(s, strlen(s)), 2);
    s = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4"; /* Korean, three wide syllables */
    assert_int_equal(text_width(s, strlen(s)), 6);
    s = "\xe4\xbc\x9a\xe8\xad\xb0"; /* Japanese: two wide characters */
    assert_int_equal(text_width(s, strlen(s)), 4);
    s = "a\xe2\x80\x8d" "b"; /* a zero width joiner takes none */
    assert_int_equal(text_width(s, strlen(s)), 2);
    s = "\xff" "a"; /* an ill-formed byte shows as one U+FFFD */
    assert_int_equal(text_width(s, strlen(s)), 2);
    /* only the given length counts */
    s = "caf\xc3\xa9 au lait";
    assert_int_equal(text_width(s, 5), 4);
    assert_int_equal(text_width(s, 0), 0);
}

/* Wrapping measures columns: wide characters count two, so no line passes the width. */
static void test_wrap_wide(void **state)
{
    (void)state;
    Buf b = {0};
    /* ten words of three Korean syllables (six columns each) at 20 columns: two words a line */
    const char *word = "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4";
    Buf src = {0};
    for (int i = 0; i < 10; i++)
        buf_printf(&src, "%s%s", i ? " " : "", word);
    text_wrap(&b, buf_str(&src), 20, 2);
    int lines = 0;
    for (const char *p = buf_str(&b); *p;) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        assert_true(text_width(p, (size_t)(nl - p)) <= 20);
        assert_int_equal(text_width(p, (size_t)(nl - p)), 2 + 6 + 1 + 6);
        lines++;
        p = nl + 1;
    }
    assert_int_equal(lines, 5);
    buf_free(&b);
    buf_free(&src);
    /* escape codes take no columns; an empty line stays empty; a long word stands alone */
    text_wrap(&b, "\033[1mab\033[22m cd\n\nabcdefghijkl x", 5, 0);
    assert_string_equal(buf_str(&b), "\033[1mab\033[22m cd\n\nabcdefghijkl\nx\n");
    buf_free(&b);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interpolate_names),
        cmocka_unit_test(test_interpolate_passes_exact_name),
        cmocka_unit_test(test_interpolate_literal_braces),
        cmocka_unit_test(test_interpolate_errors),
        cmocka_unit_test(test_layout_joins_lines),
        cmocka_unit_test(test_layout_paragraphs),
        cmocka_unit_test(test_layout_verbatim_lines),
        cmocka_unit_test(test_plain_strips_markup),
        cmocka_unit_test(test_word_count),
        cmocka_unit_test(test_width_counts_columns),
        cmocka_unit_test(test_wrap_wide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
