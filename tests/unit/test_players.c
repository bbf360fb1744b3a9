/* test_players.c: the web server's players (engine/tools/serve/players.c): tokens that cannot be
 * forged, the cap, records that bring every game back after a restart, damaged records left as
 * they are, and a participant's one results file rewritten in place. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/host.h"
#include "lua/lua_host.h"
#include "tools/serve/players.h"

typedef struct World {
    char *dir, *state, *story, *results;
} World;

static int setup(void **state)
{
    host_install(lua_host());
    World *w = xcalloc(1, sizeof *w);
    w->dir = tmp_dir_new();
    w->state = xasprintf("%s/state", w->dir);
    w->story = xasprintf("%s/story", w->dir);
    w->results = xasprintf("%s/results", w->dir);
    write_text(w->dir, "story/story.lua", MINIMAL_STORY);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    World *w = *state;
    tmp_dir_remove(w->dir);
    free(w->dir);
    free(w->state);
    free(w->story);
    free(w->results);
    free(w);
    return 0;
}

static Players *open_players(const World *w, bool participants, size_t max, char **problems)
{
    PlayersConfig cfg = {.state_dir = w->state,
                         .results_dir = participants ? w->results : NULL,
                         .session_code = participants ? "ROOM1" : NULL,
                         .max_players = max};
    Err err;
    char *said = NULL;
    Players *p = players_open(&cfg, &said, &err);
    if (!p)
        fail_msg("players_open: %s", err.msg);
    if (problems)
        *problems = said;
    else
        free(said);
    return p;
}

static void test_tokens_cannot_be_forged(void **state)
{
    World *w = *state;
    Players *p = open_players(w, false, 10, NULL);
    Err err;
    Player *pl = players_add(p, "Chloé", false, &err);
    assert_non_null(pl);
    char token[PLAYERS_TOKEN_LEN + 1];
    players_token(pl, token);
    assert_int_equal(strlen(token), PLAYERS_TOKEN_LEN);
    assert_ptr_equal(players_find(p, token), pl);
    /* the same id with another secret, a short token, a long one, upper case, NULL */
    char forged[PLAYERS_TOKEN_LEN + 1];
    memcpy(forged, token, sizeof forged);
    forged[PLAYERS_TOKEN_LEN - 1] = forged[PLAYERS_TOKEN_LEN - 1] == '0' ? '1' : '0';
    assert_null(players_find(p, forged));
    forged[PLAYERS_TOKEN_LEN - 1] = '\0';
    assert_null(players_find(p, forged));
    char *longer = xasprintf("%s0", token);
    assert_null(players_find(p, longer));
    free(longer);
    memcpy(forged, token, sizeof forged);
    forged[0] = forged[0] >= 'a' ? (char)(forged[0] - 'a' + 'A') : 'G';
    assert_null(players_find(p, forged));
    assert_null(players_find(p, NULL));
    assert_null(players_find(p, ""));
    /* two players never share an id or a token */
    Player *other = players_add(p, NULL, true, &err);
    assert_non_null(other);
    assert_string_not_equal(other->id, pl->id);
    assert_string_not_equal(other->secret, pl->secret);
    /* the state folder is the server's alone */
    struct stat sb;
    assert_int_equal(stat(w->state, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    players_free(p);
}

static void test_cap_refuses_with_a_message(void **state)
{
    World *w = *state;
    Players *p = open_players(w, false, 2, NULL);
    Err err;
    assert_non_null(players_add(p, "a", false, &err));
    assert_non_null(players_add(p, "b", false, &err));
    assert_null(players_add(p, "c", false, &err));
    assert_contains(err.msg, "2 players");
    assert_int_equal(players_count(p), 2);
    players_free(p);
}

static void test_games_come_back_after_a_restart(void **state)
{
    World *w = *state;
    Players *p = open_players(w, false, 10, NULL);
    Err err;
    Player *pl = players_add(p, "Morgan", false, &err);
    assert_non_null(pl);
    char token[PLAYERS_TOKEN_LEN + 1];
    players_token(pl, token);
    assert_int_equal(players_start(p, pl, w->story, false, &err), 0);
    assert_int_equal(session_choose_id(pl->session, "work", 1.0, &err), 0);
    assert_int_equal(session_choose_id(pl->session, "rest", 1.0, &err), 0);
    int burnout = stat_of(session_game(pl->session), "burnout");
    Player *idle = players_add(p, "Idle", false, &err); /* never started a game */
    assert_non_null(idle);
    players_free(p); /* as a kill would: the autosave and the records are what is left */

    p = open_players(w, false, 10, NULL);
    assert_int_equal(players_count(p), 2);
    Player *back = players_find(p, token);
    assert_non_null(back);
    assert_string_equal(back->name, "Morgan");
    assert_non_null(back->session);
    assert_int_equal(game_decision_count(session_game(back->session)), 2);
    assert_int_equal(stat_of(session_game(back->session), "burnout"), burnout);
    assert_true(players_can_continue(p, back, "t"));
    /* leaving closes the game but keeps it to continue */
    players_leave(p, back);
    assert_null(back->session);
    players_free(p);
    p = open_players(w, false, 10, NULL);
    back = players_find(p, token);
    assert_non_null(back);
    assert_null(back->session);
    assert_int_equal(players_start(p, back, w->story, true, &err), 0);
    assert_int_equal(game_decision_count(session_game(back->session)), 2);
    players_free(p);
}

static void test_damaged_records_are_named_and_kept(void **state)
{
    World *w = *state;
    Players *p = open_players(w, false, 10, NULL);
    players_free(p);
    static const char *const bad[] = {
        "not json",
        "{\"format\":\"ladder-serve-player\",\"version\":1,\"id\":\"0123456789abcdef\"}",
        "{\"format\":\"ladder-serve-player\",\"version\":1,\"id\":\"0123456789abcdef\","
        "\"secret\":\"short\",\"name\":null,\"anonymous\":false,\"story\":null,"
        "\"playing\":false,\"game\":0}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_text(w->state, "players/0123456789abcdef.json", bad[i]);
        char *problems = NULL;
        p = open_players(w, false, 10, &problems);
        assert_int_equal(players_count(p), 0);
        assert_non_null(problems);
        assert_contains(problems, "0123456789abcdef.json");
        players_free(p);
        free(problems);
        char *path = xasprintf("%s/players/0123456789abcdef.json", w->state);
        size_t len;
        Err err;
        char *text = util_read_file(path, 4096, &len, &err);
        assert_non_null(text);
        assert_string_equal(text, bad[i]); /* left as it was */
        free(text);
        free(path);
    }
}

static void test_participant_results_file_is_rewritten_in_place(void **state)
{
    World *w = *state;
    Players *p = open_players(w, true, 10, NULL);
    assert_true(players_participants(p));
    Err err;
    Player *pl = players_add(p, "Chloé", false, &err);
    assert_non_null(pl);
    assert_int_equal(players_start(p, pl, w->story, false, &err), 0);
    char *none = list_dir(w->results);
    assert_string_equal(none, ""); /* nothing until a decision */
    free(none);
    assert_int_equal(session_choose_id(pl->session, "work", 1.0, &err), 0);
    char *want = xasprintf("t-ROOM1-Chlo-%s-1.json", pl->id);
    char *got = list_dir(w->results);
    assert_string_equal(got, want);
    free(got);
    assert_int_equal(session_choose_id(pl->session, "rest", 1.0, &err), 0);
    assert_int_equal(session_undo(pl->session, &err), 0);
    got = list_dir(w->results);
    assert_string_equal(got, want); /* still the one file */
    free(got);
    char *path = xasprintf("%s/%s", w->results, want);
    size_t len;
    char *text = util_read_file(path, 1 << 20, &len, &err);
    assert_non_null(text);
    assert_contains(text, "\"session\":\"ROOM1\"");
    free(text);
    /* a restart resumes the game without rewriting a file that holds its state already (the
     * same inode: a rewrite renames a new file in), then writes the same file, never a second */
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    players_free(p);
    p = open_players(w, true, 10, NULL);
    pl = players_at(p, 0);
    assert_non_null(pl->session);
    assert_int_equal(stat(path, &after), 0);
    assert_true(before.st_ino == after.st_ino);
    assert_int_equal(session_choose_id(pl->session, "work", 1.0, &err), 0);
    got = list_dir(w->results);
    assert_string_equal(got, want);
    free(got);
    /* the ending, then play again: the next game gets the next file, the first one stays */
    while (!game_ended(session_game(pl->session)))
        assert_int_equal(session_choose_id(pl->session, "work", 1.0, &err), 0);
    assert_int_equal(session_restart(pl->session, &err), 0);
    players_moved(p, pl, true);
    assert_int_equal(session_choose_id(pl->session, "work", 1.0, &err), 0);
    char *second = xasprintf("t-ROOM1-Chlo-%s-2.json", pl->id);
    char *both = xasprintf("%s,%s", want, second);
    got = list_dir(w->results);
    assert_string_equal(got, both);
    free(got);
    free(both);
    free(second);
    free(path);
    free(want);
    players_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_tokens_cannot_be_forged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cap_refuses_with_a_message, setup, teardown),
        cmocka_unit_test_setup_teardown(test_games_come_back_after_a_restart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_records_are_named_and_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_participant_results_file_is_rewritten_in_place,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
