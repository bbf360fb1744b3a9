/* test_results.c: core/results: the results file written from a game reads back as the same
 * participant; the state comparison ignores the time; broken files are told apart; names. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/results.h"
#include "lua/lua_host.h"

/* The minimal story after work, rest (not ended). */
static Game *two_decisions(const Story *s)
{
    Game *g = must_start(s, 42);
    must_choose(g, "work");
    must_choose(g, "rest");
    return g;
}

static char *text_of(const Game *g, const char *session, bool anonymous)
{
    SaveSource src = {.root = game_story(g), .seed = game_seed(g), .games = &g, .n_games = 1};
    Err err;
    char *text = results_text(&src, session, anonymous, &err);
    assert_non_null(text);
    return text;
}

static void test_round_trip(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = two_decisions(s);
    char *text = text_of(g, "ROOM1", false);
    Results r;
    Err err;
    assert_int_equal(results_parse(text, strlen(text), &r, &err), 0);
    assert_string_equal(r.story, "t");
    assert_string_equal(r.session, "ROOM1");
    assert_false(r.anonymous);
    assert_false(r.ended);
    assert_null(r.ending);
    assert_int_equal(r.seed, 42);
    assert_int_equal(r.n_chapters, 0);
    assert_int_equal(r.n_decisions, 2);
    for (size_t i = 0; i < 2; i++) {
        const ResultsDecision *d = &r.decisions[i];
        const Decision *gd = game_decision(g, i);
        assert_string_equal(d->scene, s->scenes[gd->scene].id);
        assert_string_equal(d->choice, i == 0 ? "work" : "rest");
        assert_string_equal(d->text, gd->text);
        assert_int_equal(d->n_stats, s->n_stats);
        for (size_t k = 0; k < s->n_stats; k++) {
            assert_string_equal(d->stats[k].id, s->stats[k].id);
            assert_int_equal(d->stats[k].before, gd->before[k]);
            assert_int_equal(d->stats[k].after, gd->after[k]);
        }
    }
    assert_int_equal(r.n_stats, s->n_stats);
    for (size_t k = 0; k < s->n_stats; k++) {
        assert_int_equal(r.stats[k].before, game_stat(g, k));
        assert_int_equal(r.stats[k].after, game_stat(g, k));
    }
    results_free(&r);
    free(text);
    /* played to the end, anonymously: the ending is kept and the name is not */
    must_choose(g, "work");
    must_choose(g, "work");
    assert_true(game_ended(g));
    text = text_of(g, NULL, true);
    assert_int_equal(results_parse(text, strlen(text), &r, &err), 0);
    assert_true(r.ended);
    assert_string_equal(r.ending, "flameout");
    assert_true(r.anonymous);
    assert_string_equal(r.player, "");
    assert_string_equal(r.session, "");
    results_free(&r);
    free(text);
    game_free(g);
    story_free(s);
}

static void test_state_ignores_time(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = two_decisions(s);
    char *a = text_of(g, "R", false);
    /* the same state written at another time */
    char *at = strstr(a, "\"updated\":\"");
    assert_non_null(at);
    char *b = xstrdup(a);
    memcpy(b + (at - a) + strlen("\"updated\":\""), "1999", 4);
    assert_string_not_equal(a, b);
    char *sa = results_state(a), *sb = results_state(b);
    assert_string_equal(sa, sb);
    /* another decision is another state */
    must_choose(g, "work");
    char *c = text_of(g, "R", false);
    char *sc = results_state(c);
    assert_string_not_equal(sa, sc);
    free(a), free(b), free(c), free(sa), free(sb), free(sc);
    game_free(g);
    story_free(s);
}

static void expect_error(const char *text, const char *want)
{
    Results r;
    Err err;
    assert_int_equal(results_parse(text, strlen(text), &r, &err), -1);
    if (!strstr(err.msg, want))
        fail_msg("'%s' does not say '%s'", err.msg, want);
    assert_null(r.story);
}

static void test_broken_files(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = two_decisions(s);
    char *text = text_of(g, "R", false);
    expect_error("", "the file is empty");
    expect_error(" \n", "the file is empty");
    char *cut = xstrndup(text, strlen(text) / 2);
    expect_error(cut, "ends too early");
    expect_error("participant,choice\nAna,walk\n", "not JSON");
    expect_error("[1,2]", "not an object");
    char *save = save_to_json(g, NULL);
    expect_error(save, "a Ladder save, not a results file");
    expect_error("{\"format\":\"ladder-results\",\"version\":3}", "newer Ladder");
    expect_error("{\"format\":\"something\",\"version\":1}", "another format");
    /* damage the save reader finds: a stat that is not a number */
    const char *p = strstr(text, "\"after\":{");
    assert_non_null(p);
    p = strchr(strchr(p, ':') + 1, ':') + 1; /* the first stat's value */
    char *bad = xasprintf("%.*s\"x\"%s", (int)(p - text), text, p + strspn(p, "-0123456789"));
    expect_error(bad, "decision 1");
    free(text), free(cut), free(save), free(bad);
    game_free(g);
    story_free(s);
}

static void test_names(void **state)
{
    (void)state;
    char *dir = tmp_dir_new();
    Err err;
    char *a = NULL, *b = NULL, *c = NULL;
    assert_int_equal(results_write(dir, "office", "ROOM 7", "Ana <b>", "{}", &a, &err), 0);
    assert_int_equal(results_write(dir, "office", "ROOM 7", "Ana <b>", "{}", &b, &err), 0);
    assert_int_equal(results_write(dir, "office", NULL, NULL, "{}", &c, &err), 0);
    assert_string_not_equal(a, b); /* never over an existing file */
    assert_non_null(strstr(a, "/office-ROOM7-Anab-"));
    assert_non_null(strstr(c, "/office-solo-anonymous-"));
    size_t len;
    char *back = util_read_file(a, 100, &len, &err);
    assert_string_equal(back, "{}");
    free(back), free(a), free(b), free(c);
    tmp_dir_remove(dir);
    free(dir);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_state_ignores_time),
        cmocka_unit_test(test_broken_files),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
