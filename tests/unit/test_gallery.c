/* test_gallery.c: the endings gallery: endings added once, counted against a story's endings,
 * written atomically and read back, a missing file empty, a damaged one refused and left as it
 * is. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/gallery.h"
#include "lua/lua_host.h"

static char *temp_path(const char *name)
{
    char dir[] = "/tmp/ladder-gallery-XXXXXX";
    assert_non_null(mkdtemp(dir));
    return xasprintf("%s/%s", dir, name);
}

static void test_add_count_found(void **state)
{
    (void)state;
    Err err;
    char *path = temp_path("none.json");
    Gallery *g = gallery_load(path, &err); /* no file: empty */
    assert_non_null(g);
    assert_int_equal(gallery_count(g, "s"), 0);
    assert_true(gallery_add(g, "s", "good"));
    assert_false(gallery_add(g, "s", "good")); /* known */
    assert_true(gallery_add(g, "s", "gone"));  /* an ending the story no longer has */
    assert_true(gallery_add(g, "t", "good"));
    assert_int_equal(gallery_count(g, "s"), 2);
    assert_true(gallery_has(g, "t", "good"));
    assert_false(gallery_has(g, "t", "bad"));
    Story *st = must_load("story { id = \"s\", title = \"S\", start = \"a\" }\n"
                          "scene \"a\" { text = \"A.\", choice { \"Go\", go = \"good\" },\n"
                          "  choice { \"No\", go = \"bad\" }, choice { \"Up\", go = \"up\" } }\n"
                          "ending \"good\" { title = \"G\", text = \".\" }\n"
                          "ending \"bad\" { title = \"B\", text = \".\" }\n"
                          "ending \"up\" { title = \"U\", text = \".\" }\n");
    size_t total = 0;
    assert_int_equal(gallery_found(g, st, &total), 1); /* "gone" is not counted */
    assert_int_equal(total, 3);
    story_free(st);
    gallery_free(g);
    free(path);
}

static void test_save_and_load(void **state)
{
    (void)state;
    Err err;
    char *path = temp_path("gallery.json");
    Gallery *g = gallery_load(path, &err);
    gallery_add(g, "demo", "good");
    gallery_add(g, "demo", "bad_burnout");
    assert_int_equal(gallery_save(g, path, &err), 0);
    gallery_free(g);
    g = gallery_load(path, &err);
    assert_non_null(g);
    assert_int_equal(gallery_count(g, "demo"), 2);
    assert_true(gallery_has(g, "demo", "bad_burnout"));
    gallery_free(g);
    size_t len;
    char *text = util_read_file(path, 1 << 20, &len, &err);
    assert_non_null(strstr(text, "\"format\":\t\"ladder-gallery\""));
    free(text);
    free(path);
}

static void test_damaged_file_refused(void **state)
{
    (void)state;
    const char *bad[] = {"not json", "[]", "{\"format\":\"ladder-gallery\",\"version\":2,"
                         "\"stories\":{}}",
                         "{\"format\":\"ladder-gallery\",\"version\":1,\"stories\":{\"a b\":[]}}",
                         "{\"format\":\"ladder-gallery\",\"version\":1,\"stories\":{\"a\":[1]}}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Err err;
        char *path = temp_path("gallery.json");
        assert_int_equal(write_file_atomic(path, bad[i], strlen(bad[i]), &err), 0);
        assert_null(gallery_load(path, &err));
        assert_non_null(strstr(err.msg, "not an endings gallery"));
        size_t len;
        char *text = util_read_file(path, 1 << 20, &len, &err); /* left as it is */
        assert_string_equal(text, bad[i]);
        free(text);
        free(path);
    }
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_count_found),
        cmocka_unit_test(test_save_and_load),
        cmocka_unit_test(test_damaged_file_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
