/* test_game.c: the rules: effects, conditions, computed text and targets, thresholds, the
 * journal, and deterministic replay from a seed. */
#include "support.h"
#include "lua/lua_host.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- effects and conditions (the minimal story) ---- */

static void test_start(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = must_start(s, 1);
    assert_string_equal(scene_of(g), "a");
    assert_string_equal(game_text(g), "Savings 20.");
    assert_string_equal(game_player(g), "Sam");
    assert_int_equal(game_seed(g), 1);
    assert_false(game_ended(g));
    assert_int_equal(stat_of(g, "burnout"), 30);
    assert_int_equal(stat_of(g, "savings"), 20);
    assert_int_equal(game_stat_change(g, 0), 0);
    assert_int_equal(game_decision_count(g), 0);
    assert_int_equal(game_visits(g, 0), 1);
    assert_null(game_decision(g, 0));
    /* rest is hidden: burnout is not above 40 */
    char *ids = shown_choices(g);
    assert_string_equal(ids, "work,gamble");
    free(ids);
    assert_string_equal(game_choice_text(g, 0), "Work");
    assert_string_equal(game_choice_text(g, 1), "Gamble");
    assert_null(game_choice(g, 2));
    assert_null(game_choice_text(g, 2));
    game_free(g);
    /* no name: none is made up; prose reads GAME_NO_NAME */
    Err err;
    g = game_new(s, 1, "", &err);
    assert_non_null(g);
    assert_string_equal(game_player(g), "");
    assert_string_equal(game_player_prose(g), "friend");
    game_free(g);
    g = game_new(s, 1, NULL, &err);
    assert_non_null(g);
    assert_string_equal(game_player(g), "");
    game_free(g);
    story_free(s);
    /* g.named: whether g.player is the player's own name or the stand-in */
    s = must_load("story { id = \"n\", title = \"N\", start = \"a\" }\n"
                  "scene \"a\" { text = function(g) return g.named and \"Hi, {player}.\" or "
                  "\"Hi.\" end,\n  choice { \"On\", id = \"on\", go = \"a\" } }\n");
    g = game_new(s, 1, "Ana", &err);
    assert_non_null(g);
    assert_string_equal(game_text(g), "Hi, Ana.");
    game_free(g);
    g = game_new(s, 1, NULL, &err);
    assert_non_null(g);
    assert_string_equal(game_text(g), "Hi.");
    game_free(g);
    story_free(s);
}

static void test_effects_and_when(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = must_start(s, 1);
    must_choose(g, "work");
    assert_int_equal(stat_of(g, "burnout"), 80);
    assert_int_equal(game_stat_change(g, 0), 50);
    assert_int_equal(game_stat_change(g, 1), 0);
    /* burnout is above 40 now: rest shows, in declaration order */
    char *ids = shown_choices(g);
    assert_string_equal(ids, "work,rest,gamble");
    free(ids);
    /* -200 from 80 stops at the minimum, 0 */
    must_choose(g, "rest");
    assert_int_equal(stat_of(g, "burnout"), 0);
    assert_int_equal(game_stat_change(g, 0), -80);
    ids = shown_choices(g);
    assert_string_equal(ids, "work,gamble");
    free(ids);
    /* a hidden choice cannot be taken by id */
    Err err;
    assert_int_equal(game_choose_id(g, "rest", 0, &err), -1);
    assert_contains(err.msg, "rest");
    assert_int_equal(game_choose(g, 2, 0, &err), -1);
    assert_int_equal(game_decision_count(g), 2);
    game_free(g);
    story_free(s);
}

static void test_effects_clamped_at_max(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\",\n"
                         "  stats = { { id = \"xp\", start = 90, min = 10, max = 120 } } }\n"
                         "scene \"a\" { text = \"XP {xp}\",\n"
                         "  choice { \"Train\", id = \"train\", effects = { xp = 50 }, go = \"a\" },\n"
                         "  choice { \"Forget\", id = \"forget\", effects = { xp = -1000 }, go = \"a\" } }\n");
    Game *g = must_start(s, 1);
    must_choose(g, "train");
    assert_int_equal(stat_of(g, "xp"), 120);
    assert_int_equal(game_stat_change(g, 0), 30);
    assert_string_equal(game_text(g), "XP 120");
    must_choose(g, "train");
    assert_int_equal(stat_of(g, "xp"), 120);
    assert_int_equal(game_stat_change(g, 0), 0);
    must_choose(g, "forget");
    assert_int_equal(stat_of(g, "xp"), 10);
    game_free(g);
    story_free(s);
}

/* ---- computed text, targets and effects; arrival effects and flags ---- */

static const char DYNAMIC_STORY[] =
    "story { id = \"t\", title = \"T\", start = \"home\",\n"
    "  stats = { { id = \"energy\", start = 50 }, { id = \"money\", start = 10 } },\n"
    "  flags = { mood = \"calm\" } }\n"
    "scene \"home\" { text = function(g) return \"Energy \" .. g.energy .. \", mood {mood}, met {met}.\" end,\n"
    "  choice { \"Go to the shop\", id = \"shop\", go = \"shop\" },\n"
    "  choice { function(g) return \"Nap (\" .. g.energy .. \")\" end, id = \"nap\",\n"
    "           effects = function(g) return { energy = 100 - g.energy } end, go = \"home\" },\n"
    "  choice { \"Decide\", id = \"decide\",\n"
    "           go = function(g) if g.money >= 20 then return \"rich\" end return \"home\" end } }\n"
    "scene \"shop\" { text = \"Money {money}.\", effects = { money = 5, energy = -10 },\n"
    "  set = { met = true, mood = \"busy\" },\n"
    "  choice { function(g) return g.player .. \" at \" .. g.scene .. \", visit \" .. g:visited(\"shop\") end,\n"
    "           id = \"home\", go = \"home\" } }\n"
    "ending \"rich\" { title = \"Rich\", text = \"Money {money}.\" }\n";

static void test_dynamic_text_and_go(void **state)
{
    (void)state;
    Story *s = must_load(DYNAMIC_STORY);
    Game *g = must_start(s, 1);
    int shop = story_find_scene(s, "shop");
    /* a text function's result is interpolated too; an undeclared flag starts false */
    assert_string_equal(game_text(g), "Energy 50, mood calm, met no.");
    assert_string_equal(game_choice_text(g, 1), "Nap (50)");

    /* arrival effects and flags apply when the scene is entered */
    must_choose(g, "shop");
    assert_string_equal(scene_of(g), "shop");
    assert_int_equal(stat_of(g, "money"), 15);
    assert_int_equal(stat_of(g, "energy"), 40);
    assert_int_equal(game_visits(g, shop), 1);
    assert_string_equal(game_text(g), "Money 15.");
    assert_string_equal(game_choice_text(g, 0), "Sam at shop, visit 1");
    const Value *met = game_flag(g, (size_t)story_find_flag(s, "met"));
    assert_int_equal(met->type, VAL_BOOL);
    assert_true(met->b);

    must_choose(g, "home");
    assert_string_equal(game_text(g), "Energy 40, mood busy, met yes.");
    assert_string_equal(game_choice_text(g, 1), "Nap (40)");

    /* an effects function: +60 */
    must_choose(g, "nap");
    assert_int_equal(stat_of(g, "energy"), 100);
    assert_int_equal(game_stat_change(g, 0), 60);

    /* go function: not rich yet */
    must_choose(g, "decide");
    assert_string_equal(scene_of(g), "home");

    /* a second visit applies the arrival effects again */
    must_choose(g, "shop");
    assert_int_equal(game_visits(g, shop), 2);
    assert_int_equal(stat_of(g, "money"), 20);
    assert_string_equal(game_choice_text(g, 0), "Sam at shop, visit 2");
    must_choose(g, "home");
    must_choose(g, "decide");
    assert_string_equal(scene_of(g), "rich");
    assert_true(game_ended(g));
    assert_string_equal(game_text(g), "Money 20.");
    assert_int_equal(game_choice_count(g), 0);
    game_free(g);
    story_free(s);
}

/* Each decision keeps the scene's text as it was shown when it was taken (the window's history
 * reads it, issue 16, item 14), in the game, its clones and its replays; a quiet game none. */
static void test_decision_keeps_scene_text(void **state)
{
    (void)state;
    Story *s = must_load(DYNAMIC_STORY);
    Game *g = must_start(s, 1);
    must_choose(g, "shop");
    must_choose(g, "home");
    must_choose(g, "nap");
    const char *want[] = {"Energy 50, mood calm, met no.", "Money 15.",
                          "Energy 40, mood busy, met yes."};
    Err err;
    Game *c = game_clone(g), *r = game_rewind(g, 3, &err), *r2 = game_rewind(g, 2, &err);
    assert_non_null(r);
    assert_non_null(r2);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(game_decision(g, i)->scene_text, want[i]);
        assert_string_equal(game_decision(c, i)->scene_text, want[i]);
        assert_string_equal(game_decision(r, i)->scene_text, want[i]);
    }
    assert_int_equal(game_decision_count(r2), 2);
    assert_string_equal(game_decision(r2, 1)->scene_text, want[1]);
    /* the text shown now is the next decision's */
    assert_string_equal(game_text(r2), want[2]);
    game_free(r2);
    game_free(r);
    game_free(c);
    game_free(g);
    /* a quiet game (explore's) lays out no text and keeps none */
    g = must_start(s, 1);
    game_set_quiet(g, true);
    must_choose(g, "shop");
    assert_null(game_decision(g, 0)->scene_text);
    c = game_clone(g);
    assert_null(game_decision(c, 0)->scene_text);
    game_free(c);
    game_free(g);
    story_free(s);
}

/* ---- thresholds ---- */

static const char THRESHOLD_STORY[] =
    "story { id = \"t\", title = \"T\", start = \"a\",\n"
    "  stats = { { id = \"burnout\", start = 100 }, { id = \"cash\", start = 10, min = -50, max = 50 } },\n"
    "  when_stat = { burnout = { at_least = 100, go = \"out\" }, cash = { at_most = 0, go = \"broke\" } } }\n"
    "scene \"a\" { text = \"x\",\n"
    "  choice { \"Grind\", id = \"grind\", effects = { burnout = 5 }, go = \"a\" },\n"
    "  choice { \"Rest\", id = \"rest\", effects = { burnout = -30 }, go = \"a\" },\n"
    "  choice { \"Spend\", id = \"spend\", effects = { cash = -15 }, go = \"a\" },\n"
    "  choice { \"Sprint\", id = \"sprint\", effects = { burnout = 30 }, go = \"b\" },\n"
    "  choice { \"Overtime\", id = \"overtime\", go = \"hot\" } }\n"
    "scene \"b\" { text = \"y\", choice { \"Back\", id = \"back\", go = \"a\" } }\n"
    "scene \"hot\" { text = \"z\", effects = { burnout = 40 }, choice { \"Back\", id = \"back\", go = \"a\" } }\n"
    "ending \"out\" { title = \"Out\", text = \"z\" }\n"
    "ending \"broke\" { title = \"Broke\", text = \"z\" }\n";

static void test_threshold_fires_when_crossed(void **state)
{
    (void)state;
    Story *s = must_load(THRESHOLD_STORY);
    /* burnout starts at the threshold: that is not a crossing */
    Game *g = must_start(s, 1);
    assert_string_equal(scene_of(g), "a");
    /* already past at the start of the decision: staying past does not fire */
    must_choose(g, "grind");
    assert_string_equal(scene_of(g), "a");
    assert_int_equal(stat_of(g, "burnout"), 100);
    assert_int_equal(game_decision(g, 0)->forced, -1);
    /* going below and back up does: the jump replaces the choice's target */
    must_choose(g, "rest");
    assert_int_equal(stat_of(g, "burnout"), 70);
    must_choose(g, "sprint");
    assert_string_equal(scene_of(g), "out");
    assert_true(game_ended(g));
    assert_int_equal(stat_of(g, "burnout"), 100);
    assert_int_equal(game_decision(g, 2)->forced, 0);
    assert_int_equal(game_visits(g, story_find_scene(s, "b")), 0);
    game_free(g);

    /* at_most */
    g = must_start(s, 1);
    must_choose(g, "spend");
    assert_string_equal(scene_of(g), "broke");
    assert_int_equal(stat_of(g, "cash"), -5);
    assert_int_equal(game_decision(g, 0)->forced, 1);
    game_free(g);
    story_free(s);
}

static void test_threshold_from_arrival_effects(void **state)
{
    (void)state;
    Story *s = must_load(THRESHOLD_STORY);
    Game *g = must_start(s, 1);
    must_choose(g, "rest");
    /* the choice itself changes nothing; the scene's arrival effects cross the line */
    must_choose(g, "overtime");
    assert_string_equal(scene_of(g), "out");
    assert_int_equal(game_visits(g, story_find_scene(s, "hot")), 1);
    assert_int_equal(stat_of(g, "burnout"), 100);
    assert_int_equal(game_decision(g, 1)->forced, 0);
    game_free(g);
    story_free(s);
}

static void test_threshold_minimal_story(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = must_start(s, 1);
    must_choose(g, "work"); /* 80 */
    assert_string_equal(scene_of(g), "a");
    must_choose(g, "work"); /* 130, kept at 100: the threshold is reached */
    assert_string_equal(scene_of(g), "flameout");
    assert_int_equal(stat_of(g, "burnout"), 100);
    assert_true(game_ended(g));
    assert_string_equal(game_text(g), "Done.");
    game_free(g);
    story_free(s);
}

/* ---- the journal ---- */

static void test_journal(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = must_start(s, 1);
    Err err;
    assert_int_equal(game_choose(g, 0, 2.5, &err), 0); /* work */
    assert_int_equal(game_choose_id(g, "work", 4.0, &err), 0);
    assert_int_equal(game_decision_count(g), 2);
    const Decision *d = game_decision(g, 0);
    assert_int_equal(d->scene, story_find_scene(s, "a"));
    assert_int_equal(d->choice, 0);
    assert_true(d->seconds == 2.5);
    assert_int_equal(d->before[0], 30);
    assert_int_equal(d->before[1], 20);
    assert_int_equal(d->after[0], 80);
    assert_int_equal(d->after[1], 20);
    assert_int_equal(d->forced, -1);
    d = game_decision(g, 1);
    assert_int_equal(d->before[0], 80);
    assert_int_equal(d->after[0], 100);
    assert_int_equal(d->forced, 0);
    assert_true(d->seconds == 4.0);
    assert_null(game_decision(g, 2));
    game_free(g);
    story_free(s);
}

static void test_lessons(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\" }\n"
                         "scene \"a\" { text = \"x\", lesson = \"Scene lesson\",\n"
                         "  choice { \"One\", id = \"one\", lesson = \"Choice lesson\", go = \"b\" },\n"
                         "  choice { \"Two\", id = \"two\", go = \"b\" } }\n"
                         "scene \"b\" { text = \"y\", choice { \"Back\", id = \"back\", go = \"a\" } }\n");
    Game *g = must_start(s, 1);
    must_choose(g, "one");
    must_choose(g, "back");
    must_choose(g, "two");
    assert_string_equal(game_decision_lesson(g, 0), "Choice lesson");
    assert_null(game_decision_lesson(g, 1));
    assert_string_equal(game_decision_lesson(g, 2), "Scene lesson");
    assert_null(game_decision_lesson(g, 3));
    game_free(g);
    story_free(s);
}

/* ---- seeds and replay ---- */

static const char RANDOM_STORY[] =
    "story { id = \"r\", title = \"R\", start = \"a\",\n"
    "  stats = { { id = \"luck\", start = 50 }, { id = \"steps\", start = 0, max = 1000 } } }\n"
    "scene \"a\" { text = function(g) return \"Roll \" .. g:roll(1, 1000) .. \".\" end,\n"
    "  choice { \"Try\", id = \"try\", effects = function(g) return { luck = g:roll(-10, 10), steps = 1 } end,\n"
    "           go = function(g) return g:chance(0.5) and \"a\" or \"b\" end } }\n"
    "scene \"b\" { text = function(g) return \"B \" .. g:roll(1, 1000) .. \".\" end,\n"
    "  choice { \"Back\", id = \"back\", effects = { steps = 1 }, go = \"a\" } }\n";

/* Play n decisions (always the first choice) and describe every state on the way. */
static char *play_trace(const Story *s, uint64_t seed, size_t n, Game **out)
{
    Game *g = must_start(s, seed);
    Buf b = {0};
    for (size_t i = 0;; i++) {
        buf_printf(&b, "%s|%s|%d|%d\n", scene_of(g), game_text(g), stat_of(g, "luck"),
                   stat_of(g, "steps"));
        if (i == n)
            break;
        Err err;
        if (game_choose(g, 0, 1.0, &err) != 0) {
            print_error("%s\n", err.msg);
            fail();
        }
    }
    if (out)
        *out = g;
    else
        game_free(g);
    return buf_take(&b);
}

static void test_same_seed_replays_identically(void **state)
{
    (void)state;
    Story *s = must_load(RANDOM_STORY);
    char *a = play_trace(s, 777, 30, NULL);
    char *b = play_trace(s, 777, 30, NULL);
    assert_string_equal(a, b);
    /* and the trace is not trivially constant: both scenes are visited */
    assert_contains(a, "\nb|B ");
    assert_contains(a, "\na|Roll ");
    free(a);
    free(b);
    story_free(s);
}

static void test_different_seeds_differ(void **state)
{
    (void)state;
    Story *s = must_load(RANDOM_STORY);
    char *first = play_trace(s, 1, 20, NULL);
    int differ = 0;
    for (uint64_t seed = 2; seed <= 10; seed++) {
        char *t = play_trace(s, seed, 20, NULL);
        differ += strcmp(t, first) != 0;
        free(t);
    }
    assert_true(differ > 0);
    free(first);
    story_free(s);

    /* g:chance(0.5) in the minimal story's gamble: both outcomes occur across seeds */
    s = must_load(MINIMAL_STORY);
    bool stayed = false, flamed = false;
    for (uint64_t seed = 1; seed <= 64; seed++) {
        Game *g = must_start(s, seed);
        must_choose(g, "gamble");
        stayed |= strcmp(scene_of(g), "a") == 0;
        flamed |= strcmp(scene_of(g), "flameout") == 0;
        game_free(g);
    }
    assert_true(stayed);
    assert_true(flamed);
    story_free(s);
}

/* The steps of g's journal (pointing into its story). malloc'd. */
static Step *journal_steps(const Game *g)
{
    const Story *s = game_story(g);
    size_t n = game_decision_count(g);
    Step *steps = calloc(n ? n : 1, sizeof *steps);
    for (size_t i = 0; i < n; i++) {
        const Decision *d = game_decision(g, i);
        steps[i].scene = s->scenes[d->scene].id;
        steps[i].choice = s->scenes[d->scene].choices[d->choice].id;
        steps[i].seconds = d->seconds;
    }
    return steps;
}

static void test_replay_rebuilds_game(void **state)
{
    (void)state;
    Story *s = must_load(RANDOM_STORY);
    Game *g;
    char *trace = play_trace(s, 4242, 25, &g);
    Step *steps = journal_steps(g);
    size_t applied = 99;
    Err err;
    Game *r = game_replay(s, 4242, "Sam", steps, 25, &applied, &err);
    assert_non_null(r);
    assert_int_equal(applied, 25);
    assert_string_equal(scene_of(r), scene_of(g));
    assert_string_equal(game_text(r), game_text(g));
    assert_int_equal(stat_of(r, "luck"), stat_of(g, "luck"));
    assert_int_equal(stat_of(r, "steps"), 25);
    for (size_t i = 0; i < 25; i++) {
        assert_memory_equal(game_decision(r, i)->after, game_decision(g, i)->after,
                            s->n_stats * sizeof(int));
        assert_int_equal(game_decision(r, i)->scene, game_decision(g, i)->scene);
    }
    game_free(r);
    free(steps);
    game_free(g);
    free(trace);
    story_free(s);
}

static void test_replay_stops_at_misfit(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Err err;
    size_t applied;
    /* a choice id that is not there */
    const Step bogus[] = {{"a", "work", 1}, {"a", "rest", 1}, {"a", "fly", 1}, {"a", "work", 1}};
    Game *g = game_replay(s, 1, "Sam", bogus, 4, &applied, &err);
    assert_non_null(g);
    assert_int_equal(applied, 2);
    assert_int_equal(game_decision_count(g), 2);
    assert_int_equal(stat_of(g, "burnout"), 0);
    game_free(g);
    /* a choice that exists but is hidden now (rest needs burnout above 40) */
    const Step hidden[] = {{"a", "rest", 1}, {"a", "work", 1}};
    g = game_replay(s, 1, "Sam", hidden, 2, &applied, &err);
    assert_non_null(g);
    assert_int_equal(applied, 0);
    assert_int_equal(stat_of(g, "burnout"), 30);
    game_free(g);
    /* a scene that does not match */
    const Step elsewhere[] = {{"a", "work", 1}, {"b", "work", 1}};
    g = game_replay(s, 1, "Sam", elsewhere, 2, &applied, &err);
    assert_non_null(g);
    assert_int_equal(applied, 1);
    game_free(g);
    /* steps past the ending */
    const Step past[] = {{"a", "work", 1}, {"a", "work", 1}, {"a", "work", 1}};
    g = game_replay(s, 1, "Sam", past, 3, &applied, &err);
    assert_non_null(g);
    assert_int_equal(applied, 2);
    assert_true(game_ended(g));
    game_free(g);
    /* nothing to replay */
    g = game_replay(s, 1, "Sam", NULL, 0, &applied, &err);
    assert_non_null(g);
    assert_int_equal(applied, 0);
    game_free(g);
    story_free(s);
}

static void test_rewind(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = must_start(s, 9);
    must_choose(g, "work");
    must_choose(g, "rest");
    must_choose(g, "work");
    Err err;
    Game *r = game_rewind(g, 1, &err);
    assert_non_null(r);
    assert_int_equal(game_decision_count(r), 1);
    assert_int_equal(stat_of(r, "burnout"), 80);
    char *ids = shown_choices(r);
    assert_string_equal(ids, "work,rest,gamble");
    free(ids);
    assert_int_equal(game_seed(r), 9);
    assert_string_equal(game_player(r), "Sam");
    /* the original is untouched */
    assert_int_equal(game_decision_count(g), 3);
    assert_int_equal(stat_of(g, "burnout"), 50);
    game_free(r);
    r = game_rewind(g, 0, &err);
    assert_non_null(r);
    assert_int_equal(game_decision_count(r), 0);
    assert_int_equal(stat_of(r, "burnout"), 30);
    game_free(r);
    game_free(g);
    story_free(s);

    /* with randomness: the rewound game is the game as it was */
    s = must_load(RANDOM_STORY);
    char *at10 = play_trace(s, 5, 10, NULL);
    char *at20 = play_trace(s, 5, 20, &g);
    assert_true(strncmp(at10, at20, strlen(at10)) == 0);
    r = game_rewind(g, 10, &err);
    assert_non_null(r);
    char line[256];
    snprintf(line, sizeof line, "%s|%s|%d|%d\n", scene_of(r), game_text(r), stat_of(r, "luck"),
             stat_of(r, "steps"));
    assert_true(util_str_ends_with(at10, line));
    /* and goes on as the original did */
    Game *r2 = game_rewind(g, 20, &err);
    assert_string_equal(game_text(r2), game_text(g));
    game_free(r2);
    game_free(r);
    game_free(g);
    free(at10);
    free(at20);
    story_free(s);
}

static void test_rewind_keeps_carried_start(void **state)
{
    (void)state;
    /* A game that starts from another's values (the next chapter of a campaign) rewinds to
     * those values, not to the story's own starts. */
    Story *first = must_load(MINIMAL_STORY);
    Story *second = must_load(
        "story { id = \"t2\", title = \"T2\", start = \"a\",\n"
        "  stats = { { id = \"burnout\", start = 0, max = 90 }, { id = \"morale\", start = 5 } },\n"
        "  flags = { previous_verdict = \"none\" } }\n"
        "scene \"a\" { text = \"Verdict {previous_verdict}\",\n"
        "  choice { \"Rest\", id = \"rest\", effects = { burnout = -10 }, go = \"a\" } }\n");
    Game *g1 = must_start(first, 1);
    must_choose(g1, "work");
    must_choose(g1, "work"); /* flamed out, burnout 100 */
    Err err;
    Game *g2 = game_new_after(second, 2, "Sam", g1, NULL, &err);
    assert_non_null(g2);
    assert_int_equal(stat_of(g2, "burnout"), 90); /* carried over, within the new bounds */
    assert_int_equal(stat_of(g2, "morale"), 5);   /* not in the first story: its own start */
    assert_string_equal(game_text(g2), "Verdict bad");
    must_choose(g2, "rest");
    must_choose(g2, "rest");
    assert_int_equal(stat_of(g2, "burnout"), 70);
    Game *r = game_rewind(g2, 1, &err);
    assert_non_null(r);
    assert_int_equal(stat_of(r, "burnout"), 80);
    game_free(r);
    r = game_rewind(g2, 0, &err);
    assert_non_null(r);
    assert_int_equal(stat_of(r, "burnout"), 90);
    assert_string_equal(game_text(r), "Verdict bad");
    game_free(r);
    game_free(g2);
    game_free(g1);
    story_free(second);
    story_free(first);
}

static void test_carry_between_chapters(void **state)
{
    (void)state;
    /* The campaign's rules (scenarios/README.md, "Campaigns"): the time between chapters acts on
     * what is carried; a stat a chapter does not declare is carried past it to a later one that
     * does; no chapter opens at or past one of its thresholds; previous_ending names the ending. */
    Story *first = must_load(MINIMAL_STORY); /* burnout 30, savings 20; flameout at 100 */
    Story *second = must_load(
        "story { id = \"t2\", title = \"T2\", start = \"a\",\n"
        "  stats = { { id = \"burnout\", start = 0 } },\n"
        "  when_stat = { burnout = { at_least = 100, go = \"out\" } },\n"
        "  flags = { previous_ending = \"\", previous_verdict = \"\" } }\n"
        "scene \"a\" { text = \"After {previous_ending} ({previous_verdict})\",\n"
        "  choice { \"End\", id = \"end\", go = \"done\" } }\n"
        "ending \"done\" { title = \"D\", verdict = \"good\", text = \"D\" }\n"
        "ending \"out\" { title = \"O\", verdict = \"bad\", text = \"O\" }\n");
    Story *third = must_load(
        "story { id = \"t3\", title = \"T3\", start = \"a\",\n"
        "  stats = { { id = \"savings\", start = 0 }, { id = \"burnout\", start = 0 } } }\n"
        "scene \"a\" { text = \"A\", choice { \"On\", id = \"on\", go = \"a\" } }\n");
    Game *g1 = must_start(first, 1);
    must_choose(g1, "work");
    must_choose(g1, "work"); /* flamed out: burnout 100 */
    assert_true(game_ended(g1));
    Err err;
    /* no time between: burnout 100 would open at second's threshold; it opens one step inside */
    Game *g2 = game_new_after(second, 2, "Sam", g1, NULL, &err);
    assert_non_null(g2);
    assert_int_equal(stat_of(g2, "burnout"), 99);
    assert_string_equal(game_text(g2), "After flameout (bad)");
    game_free(g2);
    /* half the way back to 0 between chapters */
    char burnout[] = "burnout";
    Effect rest = {.stat = burnout, .index = -1, .delta = 50, .kind = EFFECT_FAIR_DOWN};
    Effects between = {.v = &rest, .n = 1};
    g2 = game_new_after(second, 2, "Sam", g1, &between, &err);
    assert_non_null(g2);
    assert_int_equal(stat_of(g2, "burnout"), 50);
    int end = 0;
    assert_true(game_stat_carried(g2, 0, &end)); /* what the chapter card shows */
    assert_int_equal(end, 100);
    assert_false(game_stat_carried(g1, 0, NULL)); /* the first chapter carries nothing */
    must_choose(g2, "end");
    /* savings (20 in the first chapter) skipped the second, which does not declare it */
    Game *g3 = game_new_after(third, 3, "Sam", g2, &between, &err);
    assert_non_null(g3);
    assert_int_equal(stat_of(g3, "savings"), 20); /* between names burnout only */
    assert_int_equal(stat_of(g3, "burnout"), 25);
    game_free(g3);
    game_free(g2);
    game_free(g1);
    story_free(third);
    story_free(second);
    story_free(first);
}

/* ---- script failures during play ---- */

static void test_runtime_error_in_when(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\",\n"
                         "  stats = { { id = \"burnout\", start = 30 } } }\n"
                         "scene \"a\" { text = \"x\", choice { \"Go\", id = \"go\", go = \"b\" } }\n"
                         "scene \"b\" { text = \"y\",\n"
                         "  choice { \"Pay\", id = \"x\", when = function(g) return g.burnout > g.debt end,\n"
                         "           go = \"a\" },\n"
                         "  choice { \"Back\", id = \"back\", go = \"a\" } }\n");
    Game *g = must_start(s, 1);
    Err err;
    assert_int_equal(game_choose_id(g, "go", 1, &err), -1);
    assert_string_equal(err.msg, "story.lua:5: unknown stat or flag 'debt' (scene 'b', choice 'x', when)");
    game_free(g);
    story_free(s);

    /* in the start scene, the game does not start */
    s = must_load("story { id = \"t\", title = \"T\", start = \"a\" }\n"
                  "scene \"a\" { text = \"x\",\n"
                  "  choice { \"Go\", id = \"go\", when = function(g)\n"
                  "    local t = nil\n"
                  "    return t.field end, go = \"a\" } }\n");
    g = game_new(s, 1, "Sam", &err);
    assert_null(g);
    assert_string_equal(err.msg,
                        "story.lua:5: attempt to index a nil value (local 't') (scene 'a', choice 'go', when)");
    story_free(s);
}

static void test_runtime_error_in_text_and_go(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\" }\n"
                         "scene \"a\" { text = \"x\",\n"
                         "  choice { \"Go\", id = \"go\", go = function(g) return \"nowhere\" end },\n"
                         "  choice { \"Text\", id = \"text\", go = \"b\" } }\n"
                         "scene \"b\" { text = function(g) error(\"no text today\") end,\n"
                         "  choice { \"Back\", go = \"a\" } }\n");
    Game *g = must_start(s, 1);
    Err err;
    assert_int_equal(game_choose_id(g, "go", 1, &err), -1);
    assert_string_equal(err.msg, "story.lua:3: go function returned unknown scene 'nowhere' "
                                 "(scene 'a', choice 'go')");
    game_free(g);
    g = must_start(s, 1);
    assert_int_equal(game_choose_id(g, "text", 1, &err), -1);
    assert_string_equal(err.msg, "story.lua:5: no text today (scene 'b', text)");
    game_free(g);
    story_free(s);
}

static void test_dead_end(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\" }\n"
                         "scene \"a\" { text = \"x\", choice { \"Go\", id = \"go\", go = \"b\" } }\n"
                         "scene \"b\" { text = \"y\",\n"
                         "  choice { \"Never\", when = function(g) return false end, go = \"a\" },\n"
                         "  choice { \"Nor this\", when = function(g) return nil end, go = \"a\" } }\n");
    Game *g = must_start(s, 1);
    Err err;
    assert_int_equal(game_choose_id(g, "go", 1, &err), -1);
    assert_starts_with(err.msg, "story.lua:3: scene 'b' offers no choice here");
    assert_contains(err.msg, "dead end");
    game_free(g);
    story_free(s);

    /* a start scene that is a dead end: no game */
    s = must_load("story { id = \"t\", title = \"T\", start = \"a\" }\n"
                  "scene \"a\" { text = \"x\",\n"
                  "  choice { \"Never\", when = function(g) return false end, go = \"a\" } }\n");
    assert_null(game_new(s, 1, "Sam", &err));
    assert_starts_with(err.msg, "story.lua:2: scene 'a' offers no choice here");
    story_free(s);
}

/* Sets and fairmath percentages: parsed from strings, applied as documented (rounding halves
 * away from zero, clamping), and refused when malformed. */
static void test_effect_kinds(void **state)
{
    (void)state;
    StatDef d = {.min = 0, .max = 100};
    StatDef neg = {.min = -50, .max = 50};
    Effect e = {0};
    assert_true(story_effect_parse("=60", &e));
    assert_int_equal(e.kind, EFFECT_SET);
    assert_int_equal(game_effect_result(&d, &e, 30), 60);
    assert_true(story_effect_parse("=150", &e));
    assert_int_equal(game_effect_result(&d, &e, 30), 100); /* clamped */
    assert_true(story_effect_parse("=-5", &e));
    assert_int_equal(game_effect_result(&neg, &e, 30), -5);
    assert_true(story_effect_parse("+20%", &e));
    assert_int_equal(e.kind, EFFECT_FAIR_UP);
    assert_int_equal(game_effect_result(&d, &e, 50), 60);
    assert_int_equal(game_effect_result(&d, &e, 100), 100);
    assert_true(story_effect_parse("+25%", &e));
    assert_int_equal(game_effect_result(&d, &e, 50), 63);   /* 12.5 rounds to 13 */
    assert_int_equal(game_effect_result(&neg, &e, -50), -25); /* 25% of 100 */
    assert_true(story_effect_parse("-25%", &e));
    assert_int_equal(e.kind, EFFECT_FAIR_DOWN);
    assert_int_equal(game_effect_result(&d, &e, 42), 31);   /* 10.5 rounds to 11 */
    assert_int_equal(game_effect_result(&neg, &e, 0), -13); /* 12.5 of the way down: 13 */
    assert_int_equal(game_effect_result(&d, &e, 0), 0);
    assert_true(story_effect_parse("-10%", &e));
    assert_int_equal(game_effect_result(&d, &e, 42), 38); /* 4.2 rounds to 4 */
    assert_true(story_effect_parse("+100%", &e));
    assert_int_equal(game_effect_result(&d, &e, 7), 100);
    assert_true(story_effect_parse("-7", &e));
    assert_int_equal(e.kind, EFFECT_ADD);
    assert_int_equal(game_effect_result(&d, &e, 5), 0);
    const char *bad[] = {"", "60", "=", "=x", "+120%", "=5%", "%", "+5%%", "+ 5", "=6 ", "++5"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        Effect u = {.kind = EFFECT_ADD, .delta = 99};
        assert_false(story_effect_parse(bad[i], &u));
        assert_int_equal(u.delta, 99);
    }
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start),
        cmocka_unit_test(test_effects_and_when),
        cmocka_unit_test(test_effects_clamped_at_max),
        cmocka_unit_test(test_dynamic_text_and_go),
        cmocka_unit_test(test_decision_keeps_scene_text),
        cmocka_unit_test(test_threshold_fires_when_crossed),
        cmocka_unit_test(test_threshold_from_arrival_effects),
        cmocka_unit_test(test_threshold_minimal_story),
        cmocka_unit_test(test_journal),
        cmocka_unit_test(test_lessons),
        cmocka_unit_test(test_same_seed_replays_identically),
        cmocka_unit_test(test_different_seeds_differ),
        cmocka_unit_test(test_replay_rebuilds_game),
        cmocka_unit_test(test_replay_stops_at_misfit),
        cmocka_unit_test(test_rewind),
        cmocka_unit_test(test_rewind_keeps_carried_start),
        cmocka_unit_test(test_carry_between_chapters),
        cmocka_unit_test(test_runtime_error_in_when),
        cmocka_unit_test(test_runtime_error_in_text_and_go),
        cmocka_unit_test(test_dead_end),
        cmocka_unit_test(test_effect_kinds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
