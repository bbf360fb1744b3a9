/* test_continue.c: Continue resumes the game played last, whichever file it came from (issue
 * 16, item 7): a save loaded, at open (--load, a title's load list) or in game, is autosaved at
 * once, so a player who leaves before deciding finds it under Continue in every front end; the
 * earlier game's autosave is kept as a save, once, and never for the very game loaded again. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/saves.h"
#include "core/session.h"
#include "lua/lua_host.h"

/* A session of the minimal story (id "t") for the player Ada: a new game with seed, or
 * --continue (resume), or --load of load. */
#define open_t(seed, resume, load) must_open_session(MINIMAL_STORY, (seed), (resume), (load))
#define pick(ss, id) must_session_choose((ss), (id))

#define decisions(path, seed) support_saved_steps((path), false, (seed))

/* The decisions of the games kept aside (the saves autosave-TIME), sorted, joined by ';'. */
static char *kept(const char *data)
{
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *all = list_dir(folder);
    Buf b = {0};
    for (char *name = strtok(all, ","); name; name = strtok(NULL, ",")) {
        if (strncmp(name, "autosave-", 9) != 0 || !util_str_ends_with(name, ".json"))
            continue;
        char *path = xasprintf("%s/%s", folder, name);
        uint64_t seed;
        char *steps = decisions(path, &seed);
        buf_printf(&b, "%s%llu:%s", b.len ? ";" : "", (unsigned long long)seed, steps);
        free(steps);
        free(path);
    }
    free(all);
    free(folder);
    return b.len ? buf_take(&b) : xstrdup("");
}

/* What --continue resumes: its seed and decisions, as "seed:choice,choice" (malloc'd), read
 * back from a save of it. */
static char *continued(void)
{
    Session *ss = open_t(99, true, NULL);
    Err err;
    char *path = NULL;
    assert_int_equal(session_save(ss, "probe", &path, &err), 0);
    uint64_t seed;
    char *steps = decisions(path, &seed);
    remove(path);
    free(path);
    free(session_take_notice(ss));
    session_free(ss);
    char *out = xasprintf("%llu:%s", (unsigned long long)seed, steps);
    free(steps);
    return out;
}

/* slot1 saved after one decision of the seed-7 game, whose autosave then goes on to three */
static void play_slot1_and_three(void)
{
    Err err;
    Session *ss = open_t(7, false, NULL);
    pick(ss, "work");
    assert_int_equal(session_save(ss, "slot1", NULL, &err), 0);
    pick(ss, "rest");
    pick(ss, "work");
    session_free(ss);
}

/* --load slot1 (a title's load list) and leave before deciding: Continue is slot1's game */
static void test_load_at_open_then_leave(void **state)
{
    const char *data = *state;
    play_slot1_and_three();
    Session *ss = open_t(8, false, "slot1");
    char *note = session_take_notice(ss);
    assert_non_null(note); /* the three-decision game is kept, and the player is told now */
    assert_contains(note, "Your previous game was kept as the save 'autosave-");
    free(note);
    session_free(ss);
    char *c = continued();
    assert_string_equal(c, "7:work");
    free(c);
    char *k = kept(data);
    assert_string_equal(k, "7:work,rest,work");
    free(k);

    /* slot1 loaded again and left: the autosave already holds that game, nothing more kept */
    ss = open_t(8, false, "slot1");
    note = session_take_notice(ss);
    assert_null(note);
    session_free(ss);
    k = kept(data);
    assert_string_equal(k, "7:work,rest,work");
    free(k);
    c = continued();
    assert_string_equal(c, "7:work");
    free(c);
}

/* Loaded in game (the load command, the menu's Load, the JSON and web "load") and left */
static void test_load_in_game_then_leave(void **state)
{
    const char *data = *state;
    play_slot1_and_three();
    Session *ss = open_t(7, true, NULL); /* Continue: the three-decision game */
    assert_int_equal(game_decision_count(session_game(ss)), 3);
    Err err;
    assert_int_equal(session_load(ss, "slot1", &err), 0);
    assert_int_equal(game_decision_count(session_game(ss)), 1);
    uint64_t seed;
    char *now = decisions(session_autosave_path(ss), &seed); /* on disk before any decision */
    assert_string_equal(now, "work");
    assert_true(seed == 7);
    free(now);
    char *note = session_take_notice(ss);
    assert_non_null(note);
    assert_contains(note, "autosave-");
    free(note);
    session_free(ss);
    char *c = continued();
    assert_string_equal(c, "7:work");
    free(c);
    char *k = kept(data);
    assert_string_equal(k, "7:work,rest,work");
    free(k);

    /* a decision after the load goes on from slot1; later ones keep nothing more aside */
    ss = open_t(7, true, NULL);
    pick(ss, "rest");
    session_free(ss);
    c = continued();
    assert_string_equal(c, "7:work,rest");
    free(c);
    k = kept(data);
    assert_string_equal(k, "7:work,rest,work");
    free(k);
}

/* Loading the autosave by name is no new game: nothing is kept aside */
static void test_load_the_autosave_itself(void **state)
{
    const char *data = *state;
    Session *ss = open_t(7, false, NULL);
    pick(ss, "work");
    Err err;
    assert_int_equal(session_load(ss, "autosave", &err), 0);
    assert_null(session_take_notice(ss));
    session_free(ss);
    char *k = kept(data);
    assert_string_equal(k, "");
    free(k);
    char *c = continued();
    assert_string_equal(c, "7:work");
    free(c);
}

/* Across stories (the title screens' Continue, saves_latest_autosave): another story's
 * autosave is newer than t's, until t's slot1 is loaded and left before deciding. */
static void test_title_continue_picks_loaded_story(void **state)
{
    const char *data = *state;
    play_slot1_and_three();
    /* t's autosave dates from 2001; office's from 2002 */
    char *t_auto = xasprintf("%s/ladder/saves/t/autosave.json", data);
    FILE *f = fopen(t_auto, "r+b");
    assert_non_null(f);
    char text[65536];
    size_t len = fread(text, 1, sizeof text - 1, f);
    text[len] = '\0';
    char *at = strstr(text, "\"updated\":\"");
    assert_non_null(at);
    memcpy(at + 11, "2001-01-01T00:00:00Z", 20);
    rewind(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    char *office = xasprintf("%s/ladder/saves/office", data);
    write_text(office, "autosave.json",
               "{\"format\": \"ladder-save\", \"version\": 1, \"engine\": \"0.1.0\", "
               "\"story\": \"office\", \"title\": \"The Office\", \"hash\": \"7913118ebc3e054d\", "
               "\"seed\": \"42\", \"created\": \"2002-01-01T00:00:00Z\", "
               "\"updated\": \"2002-01-01T00:00:00Z\", \"scene\": \"desk\", \"ending\": null, "
               "\"decisions\": []}");
    char id_office[] = "office", id_t[] = "t", title[] = "T", p1[] = "/s/office", p2[] = "/s/t";
    CatalogEntry v[2] = {{.id = id_office, .title = title, .path = p1},
                         {.id = id_t, .title = title, .path = p2}};
    Catalog c = {.v = v, .n = 2};
    size_t story;
    char *when;
    assert_true(saves_latest_autosave(&c, &story, &when));
    assert_int_equal(story, 0); /* office, before the load */
    free(when);

    Session *ss = open_t(8, false, "slot1");
    session_free(ss);
    assert_true(saves_latest_autosave(&c, &story, &when));
    if (story != 1)
        fail_msg("Continue offers %s (updated %s), not t's slot1 loaded last", v[story].id,
                 when);
    free(when);
    free(office);
    free(t_auto);
}

int main(void)
{
    host_install(lua_host());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_load_at_open_then_leave, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_load_in_game_then_leave, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_load_the_autosave_itself, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_title_continue_picks_loaded_story, support_data_home_setup,
                                        support_data_home_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
