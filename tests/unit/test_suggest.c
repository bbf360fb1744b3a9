/* test_suggest.c: edit distances and "did you mean" suggestions for misspelt names. */
#include "support.h"

#include <string.h>

#include "core/suggest.h"

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(suggest_distance("", ""), 0);
    assert_int_equal(suggest_distance("abc", ""), 3);
    assert_int_equal(suggest_distance("", "ab"), 2);
    assert_int_equal(suggest_distance("pet_name", "pet_name"), 0);
    assert_int_equal(suggest_distance("pet_nmae", "pet_name"), 1); /* a swap is one edit */
    assert_int_equal(suggest_distance("helth", "health"), 1);      /* one left out */
    assert_int_equal(suggest_distance("west_tunel", "west_tunnel"), 1);
    assert_int_equal(suggest_distance("kitten", "sitting"), 3);
    assert_int_equal(suggest_distance("ca", "abc"), 3); /* optimal alignment, not full Damerau */
    /* symmetric */
    assert_int_equal(suggest_distance("sitting", "kitten"), 3);
    char longname[SUGGEST_MAX_LEN + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(suggest_distance(longname, "a"), SUGGEST_FAR);
}

static void test_best(void **state)
{
    (void)state;
    Suggest sg;
    suggest_init(&sg, "pet_nmae");
    suggest_offer(&sg, "torches");
    suggest_offer(&sg, "pet_name");
    suggest_offer(&sg, "pet_game"); /* as close as pet_name after it, or further: first wins */
    assert_string_equal(suggest_best(&sg), "pet_name");

    suggest_init(&sg, "health");
    suggest_offer(&sg, "health"); /* the name itself is no suggestion */
    assert_null(suggest_best(&sg));

    suggest_init(&sg, "mod"); /* short names: one edit at most */
    suggest_offer(&sg, "money");
    assert_null(suggest_best(&sg));
    suggest_offer(&sg, "mood");
    assert_string_equal(suggest_best(&sg), "mood");

    suggest_init(&sg, "b"); /* too short to guess */
    suggest_offer(&sg, "a");
    assert_null(suggest_best(&sg));

    suggest_init(&sg, "acumen");
    suggest_offer(&sg, "burnout");
    suggest_offer(&sg, NULL);
    assert_null(suggest_best(&sg));

    suggest_init(&sg, "relationships"); /* longer names: up to three */
    suggest_offer(&sg, "relatonshps");
    suggest_offer(&sg, "relationship");
    assert_string_equal(suggest_best(&sg), "relationship");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_best),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
