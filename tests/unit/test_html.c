/* test_html.c: the one HTML escaper and the story's markup in HTML (out/html.h), as the report
 * and the workshop debrief write them. */
#include "support.h"

#include <stdlib.h>

#include "out/html.h"

static char *escaped(const char *s)
{
    Buf b = {0};
    html_escape(&b, s);
    return buf_take(&b);
}

static char *marked(const char *s)
{
    Buf b = {0};
    html_markup(&b, s);
    return buf_take(&b);
}

static void test_escape(void **state)
{
    (void)state;
    char *s = escaped("<a href=\"x\">Tom & Jerry's</a>");
    assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    free(s);
    s = escaped("bell\a, escape\x1b[31m, tab\tok"); /* controls go, tabs and newlines stay */
    assert_string_equal(s, "bell, escape[31m, tab\tok");
    free(s);
    s = escaped("caf\xc3\xa9 \xe2\x82"); /* a cut-off sequence is one U+FFFD */
    assert_string_equal(s, "caf\xc3\xa9 \xef\xbf\xbd");
    free(s);
    s = escaped("\xed\xa0\x80"); /* a surrogate: each maximal ill-formed part is one U+FFFD */
    assert_string_equal(s, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    free(s);
}

static void test_markup(void **state)
{
    (void)state;
    char *s = marked("A *quiet* **late** night");
    assert_string_equal(s, "A <em>quiet</em> <strong>late</strong> night");
    free(s);
    s = marked("*one **two** three*"); /* nested tags */
    assert_string_equal(s, "<em>one <strong>two</strong> three</em>");
    free(s);
    s = marked("*one **two* three**"); /* crossed markers still nest in HTML */
    assert_string_equal(s, "<em>one <strong>two</strong></em><strong> three</strong>");
    free(s);
    s = marked("first\n\nsecond\nline\n\n\nthird"); /* paragraphs and kept line breaks */
    assert_string_equal(s, "first<br><br>second<br>line<br><br>third");
    free(s);
    s = marked("left *open <b>"); /* an open marker closes at the end; text is escaped */
    assert_string_equal(s, "left <em>open &lt;b&gt;</em>");
    free(s);
}

static void test_excerpt(void **state)
{
    (void)state;
    Buf b = {0};
    html_excerpt(&b, "The *queue* holds forty tickets, and the phones ring.", 24);
    assert_string_equal(buf_str(&b), "The queue holds forty\xe2\x80\xa6");
    buf_free(&b);
    html_excerpt(&b, "Short **and** sweet", 100);
    assert_string_equal(buf_str(&b), "Short and sweet");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_excerpt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
