/* test_autoplay.c: core/autoplay: the same seed plays the same path, a campaign crosses its
 * chapters with the stats carried over, the decision limit and the deadline stop a story that
 * never ends, least-used reaches every choice of a small story, script errors are reported
 * with their decision, advice:P follows the advice tags with probability P (names parsed). */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/autoplay.h"
#include "core/host.h"
#include "lua/lua_host.h"

#define FIXTURE(name) LADDER_TEST_FIXTURES "/good/" name

/* What the hooks saw: the choice ids picked, arrivals, the chapters finished, the first stat at
 * each chapter's start and at each chapter's stop. */
typedef struct Seen {
    Buf path;
    long arrivals;
    size_t finished;
    char stories[4][32];
    int burnout_start[4], burnout_stop[4];
} Seen;

/* The first stat's value (burnout in the office stories), 0 when there is none. */
static int first_stat(const Game *g)
{
    return game_story(g)->n_stats ? game_stat(g, 0) : 0;
}

static void on_pick(void *ctx, const Game *g, size_t k)
{
    Seen *s = ctx;
    buf_printf(&s->path, "%s%s", s->path.len ? "," : "", game_choice(g, k)->id);
}

static void on_arrive(void *ctx, const Game *g)
{
    Seen *s = ctx;
    s->arrivals++;
    if (game_decision_count(g) == 0 && s->finished < 4)
        s->burnout_start[s->finished] = first_stat(g);
}

static void on_finish(void *ctx, const Game *g, size_t chapter)
{
    Seen *s = ctx;
    assert_int_equal(chapter, s->finished);
    if (chapter < 4) {
        snprintf(s->stories[chapter], sizeof s->stories[chapter], "%s", game_story(g)->id);
        s->burnout_stop[chapter] = first_stat(g);
    }
    s->finished++;
}

static AutoplayOptions options(uint64_t seed, Seen *seen)
{
    return (AutoplayOptions){.seed = seed,
                             .pick_seed = autoplay_pick_seed(seed),
                             .max_decisions = 200,
                             .quiet = true,
                             .arrived = on_arrive,
                             .picked = on_pick,
                             .finished = on_finish,
                             .ctx = seen};
}

static Story *load_fixture(const char *path)
{
    Err err;
    Story *s = story_load(path, &err);
    if (!s)
        print_error("%s\n", err.msg);
    assert_non_null(s);
    return s;
}

static void test_same_seed_same_path(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    char *paths[3];
    bool differs = false;
    for (int i = 0; i < 3; i++) {
        Seen a = {0}, b = {0};
        AutoplayOptions oa = options((uint64_t)i + 1, &a), ob = options((uint64_t)i + 1, &b);
        AutoplayResult ra, rb;
        AutoplayStop sa = autoplay_play(s, &oa, &ra), sb = autoplay_play(s, &ob, &rb);
        assert_int_equal(sa, sb);
        assert_int_equal(ra.decisions, rb.decisions);
        assert_string_equal(buf_str(&a.path), buf_str(&b.path));
        /* every decision was picked once and arrived at once, plus the start */
        assert_int_equal(a.arrivals, ra.decisions + 1);
        assert_int_equal(a.finished, 1);
        paths[i] = buf_take(&a.path);
        buf_free(&b.path);
        differs = differs || (i > 0 && strcmp(paths[i], paths[0]) != 0);
    }
    assert_true(differs); /* other seeds go other ways */
    for (int i = 0; i < 3; i++)
        free(paths[i]);
    /* the pick seed is the game seed mixed with one constant, and the report's series with it */
    assert_int_equal(autoplay_pick_seed(5), autoplay_pick_seed_nth(5, 1));
    assert_true(autoplay_pick_seed(5) != 5);
    assert_true(autoplay_pick_seed_nth(5, 2) != autoplay_pick_seed_nth(5, 1));
    story_free(s);
}

static void test_campaign_crosses_chapters(void **state)
{
    (void)state;
    Story *c = load_fixture(FIXTURE("campaign"));
    assert_int_equal(c->n_chapters, 2);
    for (uint64_t seed = 1; seed <= 5; seed++) {
        Seen seen = {0};
        AutoplayOptions o = options(seed, &seen);
        AutoplayResult r;
        assert_int_equal(autoplay_play(c, &o, &r), AUTOPLAY_ENDED);
        assert_int_equal(r.chapters, 2);
        assert_int_equal(seen.finished, 2);
        assert_string_equal(seen.stories[0], "office");
        assert_string_equal(seen.stories[1], "office_sequel");
        /* office takes three decisions, the sequel at least one */
        assert_true(r.decisions >= 4);
        /* burnout carries over from the first chapter (not the sequel's own start, 10) */
        assert_int_equal(seen.burnout_start[1], seen.burnout_stop[0]);
        assert_true(seen.burnout_start[1] != 10);
        buf_free(&seen.path);
    }
    story_free(c);
}

static void test_limit_stops_endless_story(void **state)
{
    (void)state;
    Story *s = load_fixture(FIXTURE("endless"));
    Seen seen = {0};
    AutoplayOptions o = options(3, &seen);
    o.max_decisions = 37;
    AutoplayResult r;
    assert_int_equal(autoplay_play(s, &o, &r), AUTOPLAY_LIMIT);
    assert_int_equal(r.decisions, 37);
    assert_int_equal(r.chapters, 0);
    assert_int_equal(seen.finished, 1); /* the stopped game was shown to the hook */
    buf_free(&seen.path);

    /* a deadline already past stops it before the first decision */
    Seen late = {0};
    o = options(3, &late);
    o.max_decisions = 0;
    o.deadline = util_now_seconds() - 1;
    assert_int_equal(autoplay_play(s, &o, &r), AUTOPLAY_DEADLINE);
    assert_int_equal(r.decisions, 0);
    buf_free(&late.path);
    story_free(s);
}

static void test_least_used_reaches_every_choice(void **state)
{
    (void)state;
    Story *s = load_fixture(FIXTURE("office"));
    long *counts = xcalloc(s->n_choices_total, sizeof *counts);
    /* office has 6 choices on 3 decisions: two least-used runs take all of them */
    for (uint64_t seed = 1; seed <= 2; seed++) {
        Seen seen = {0};
        AutoplayOptions o = options(seed, &seen);
        o.strategy = AUTOPLAY_LEAST_USED;
        o.choice_counts = counts;
        AutoplayResult r;
        assert_int_equal(autoplay_play(s, &o, &r), AUTOPLAY_ENDED);
        buf_free(&seen.path);
    }
    long total = 0;
    for (size_t i = 0; i < s->n_choices_total; i++) {
        assert_int_equal(counts[i], 1);
        total += counts[i];
    }
    assert_int_equal(total, 6);
    /* random play with the same seeds repeats a choice somewhere in a few runs */
    long *rc = xcalloc(s->n_choices_total, sizeof *rc);
    for (uint64_t seed = 1; seed <= 20; seed++) {
        Seen seen = {0};
        AutoplayOptions o = options(seed, &seen);
        o.choice_counts = rc;
        AutoplayResult r;
        autoplay_play(s, &o, &r);
        buf_free(&seen.path);
    }
    long sum = 0;
    for (size_t i = 0; i < s->n_choices_total; i++)
        sum += rc[i];
    assert_int_equal(sum, 60); /* counted in random play too: 20 runs of 3 decisions */
    free(rc);
    free(counts);
    story_free(s);
}

/* advice:1 always takes the advised choice, advice:0 never, and the names round-trip. */
static void test_advice_strategy(void **state)
{
    (void)state;
    AutoplayStrategy st;
    double p;
    char name[40];
    assert_true(autoplay_parse_strategy("advice:0.9", &st, &p));
    assert_int_equal(st, AUTOPLAY_ADVICE);
    assert_true(p > 0.89 && p < 0.91);
    assert_string_equal(autoplay_strategy_name(st, p, name, sizeof name), "advice:0.9");
    assert_true(autoplay_parse_strategy("least-used", &st, &p));
    assert_int_equal(st, AUTOPLAY_LEAST_USED);
    assert_false(autoplay_parse_strategy("advice:1.5", &st, &p));
    assert_false(autoplay_parse_strategy("advice:", &st, &p));
    assert_false(autoplay_parse_strategy("advice:-0", &st, &p));
    assert_false(autoplay_parse_strategy("advise", &st, &p));
    Story *s = load_fixture(LADDER_TEST_FIXTURES "/explore/advice.lua");
    for (uint64_t seed = 1; seed <= 20; seed++) {
        for (int follow = 0; follow <= 1; follow++) {
            Seen seen = {0};
            AutoplayOptions o = options(seed, &seen);
            o.strategy = AUTOPLAY_ADVICE;
            o.advice_p = follow;
            AutoplayResult r;
            assert_int_equal(autoplay_play(s, &o, &r), AUTOPLAY_ENDED);
            assert_string_equal(buf_str(&seen.path), follow ? "listen,ask" : "reorganise,alone");
            buf_free(&seen.path);
        }
    }
    story_free(s);
}

static void test_script_error_reported(void **state)
{
    (void)state;
    Story *s =
        must_load("story { id = \"e\", title = \"E\", summary = \"s\", start = \"a\" }\n"
                  "scene \"a\" { text = \"A.\",\n"
                  "  choice { \"Go\", id = \"go\", go = \"b\" } }\n"
                  "scene \"b\" { text = \"B.\",\n"
                  "  choice { \"Boom\", id = \"boom\", go = function(g) error(\"kaboom\") end } }\n"
                  "ending \"z\" { title = \"Z\", verdict = \"good\", text = \"Z.\" }\n");
    Seen seen = {0};
    AutoplayOptions o = options(1, &seen);
    AutoplayResult r;
    assert_int_equal(autoplay_play(s, &o, &r), AUTOPLAY_FAILED);
    assert_int_equal(r.failed_at, 2);
    assert_int_equal(r.decisions, 1);
    assert_contains(r.err.msg, "kaboom");
    assert_string_equal(buf_str(&seen.path), "go,boom"); /* the failing pick was announced */
    buf_free(&seen.path);
    story_free(s);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_seed_same_path),
        cmocka_unit_test(test_campaign_crosses_chapters),
        cmocka_unit_test(test_limit_stops_endless_story),
        cmocka_unit_test(test_least_used_reaches_every_choice),
        cmocka_unit_test(test_script_error_reported),
        cmocka_unit_test(test_advice_strategy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
