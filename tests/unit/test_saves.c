/* test_saves.c: the saves of every story in a catalog (core/saves.h): newest first across
 * stories, damaged files left out, and the autosave the title screens offer to continue. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/saves.h"

/* A save of story `id` updated at `when`, as dir/saves/id/name.json. */
static void put_save(const char *data, const char *id, const char *name, const char *when,
                     const char *scene)
{
    char *dir = xasprintf("%s/ladder/saves/%s", data, id);
    char *file = xasprintf("%s.json", name);
    char *text = xasprintf("{\"format\": \"ladder-save\", \"version\": 1, \"engine\": \"0.1.0\", "
                           "\"story\": \"%s\", \"title\": \"T\", \"hash\": \"7913118ebc3e054d\", "
                           "\"seed\": \"42\", \"created\": \"2026-01-01T00:00:00Z\", "
                           "\"updated\": \"%s\", \"scene\": \"%s\", \"ending\": null, "
                           "\"decisions\": []}",
                           id, when, scene);
    write_text(dir, file, text);
    free(text);
    free(file);
    free(dir);
}

static char id0[] = "office", id1[] = "demo", title0[] = "The Office", title1[] = "Demo";
static char path0[] = "/s/office", path1[] = "/s/demo";

static Catalog two_stories(CatalogEntry v[2])
{
    v[0] = (CatalogEntry){.id = id0, .title = title0, .path = path0};
    v[1] = (CatalogEntry){.id = id1, .title = title1, .path = path1};
    return (Catalog){.v = v, .n = 2};
}

static void test_list_all_newest_first(void **state)
{
    const char *data = *state;
    put_save(data, "office", "autosave", "2026-03-01T10:00:00Z", "desk");
    put_save(data, "office", "slot1", "2026-03-03T10:00:00Z", "noon");
    put_save(data, "demo", "autosave-2", "2026-03-02T10:00:00Z", "start");
    put_save(data, "demo", "slot1", "2026-03-01T10:00:00Z", "start");
    char *dir = xasprintf("%s/ladder/saves/demo", data);
    write_text(dir, "broken.json", "{\"format\": \"ladder-save\""); /* left out */
    write_text(dir, "notes.txt", "not a save");
    CatalogEntry v[2];
    Catalog c = two_stories(v);
    size_t n;
    SaveEntry *e = saves_list_all(&c, &n);
    assert_int_equal(n, 4);
    assert_string_equal(e[0].info.name, "slot1");
    assert_int_equal(e[0].story, 0);
    assert_string_equal(e[0].info.scene, "noon");
    char *want = xasprintf("%s/ladder/saves/office/slot1.json", data);
    assert_string_equal(e[0].path, want);
    free(want);
    assert_string_equal(e[1].info.name, "autosave-2");
    assert_int_equal(e[1].story, 1);
    /* the same time: catalog order */
    assert_string_equal(e[2].info.name, "autosave");
    assert_int_equal(e[2].story, 0);
    assert_string_equal(e[3].info.name, "slot1");
    assert_int_equal(e[3].story, 1);
    assert_string_equal(e[3].info.updated, "2026-03-01T10:00:00Z");
    saves_free(e, n);
    free(dir);
}

static void test_latest_autosave(void **state)
{
    const char *data = *state;
    CatalogEntry v[2];
    Catalog c = two_stories(v);
    size_t story = 99;
    char *when = NULL;
    assert_false(saves_latest_autosave(&c, &story, &when)); /* no saves at all */
    assert_int_equal(story, 99);
    put_save(data, "office", "autosave", "2026-03-01T10:00:00Z", "desk");
    put_save(data, "office", "slot1", "2026-03-09T10:00:00Z", "noon"); /* newer, not an autosave */
    put_save(data, "demo", "autosave-3", "2026-03-02T10:00:00Z", "start");
    put_save(data, "demo", "autosave-x", "2026-03-08T10:00:00Z", "start");
    assert_true(saves_latest_autosave(&c, &story, &when));
    assert_int_equal(story, 1);
    assert_string_equal(when, "2026-03-02T10:00:00Z");
    free(when);
}

static void test_is_autosave(void **state)
{
    (void)state;
    assert_true(saves_is_autosave("autosave"));
    assert_true(saves_is_autosave("autosave-2"));
    assert_true(saves_is_autosave("autosave-99"));
    assert_false(saves_is_autosave("autosave-1")); /* slot 1 is autosave.json */
    assert_false(saves_is_autosave("autosave-100"));
    assert_false(saves_is_autosave("autosave-02"));
    assert_false(saves_is_autosave("autosave-"));
    assert_false(saves_is_autosave("autosave-2x"));
    assert_false(saves_is_autosave("autosaves"));
    assert_false(saves_is_autosave("slot1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_list_all_newest_first, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_latest_autosave, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test(test_is_autosave),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
