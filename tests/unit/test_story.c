/* test_story.c: the loader: what a good story turns into, and the file:line message of each
 * mistake a scenario author can make. */
#include "support.h"
#include "lua/lua_host.h"

#include <stdlib.h>

/* A story header with one stat, for the error tests; line 1. Scenes follow from line 2. */
#define HEAD                                                                                      \
    "story { id = \"t\", title = \"T\", start = \"a\", stats = { { id = \"burnout\", start = 30 } } }\n"

/* ---- a good story ---- */

static void test_minimal_story(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    assert_string_equal(s->id, "t");
    assert_string_equal(s->title, "T");
    assert_string_equal(s->summary, "s");
    assert_string_equal(s->files[0], "story.lua");
    assert_int_equal(s->n_files, 1);
    assert_int_equal(strlen(s->hash), 16);
    assert_int_equal(s->pos.line, 1);

    /* stats in the order of the list */
    assert_int_equal(s->n_stats, 2);
    assert_string_equal(s->stats[0].id, "burnout");
    assert_string_equal(s->stats[0].label, "Burnout");
    assert_int_equal(s->stats[0].start, 30);
    assert_int_equal(s->stats[0].min, 0);
    assert_int_equal(s->stats[0].max, 100);
    assert_int_equal(s->stats[0].good, GOOD_LOW);
    assert_string_equal(s->stats[1].id, "savings");
    assert_int_equal(s->stats[1].start, 20);
    assert_int_equal(s->stats[1].good, GOOD_HIGH);
    assert_int_equal(story_find_stat(s, "savings"), 1);
    assert_int_equal(story_find_stat(s, "nope"), -1);

    /* scenes, the start, the ending */
    assert_int_equal(s->n_scenes, 2);
    int a = story_find_scene(s, "a"), end = story_find_scene(s, "flameout");
    assert_int_equal(a, 0);
    assert_int_equal(end, 1);
    assert_int_equal(story_find_scene(s, "zzz"), -1);
    assert_int_equal(s->start_index, a);
    const Scene *sa = &s->scenes[a];
    assert_false(sa->ending);
    assert_int_equal(sa->pos.line, 4);
    assert_string_equal(sa->text.str, "Savings {savings}.");
    const Scene *se = &s->scenes[end];
    assert_true(se->ending);
    assert_string_equal(se->title, "Flamed out");
    assert_int_equal(se->verdict, VERDICT_BAD);
    assert_int_equal(se->pos.line, 7);

    /* choices */
    assert_int_equal(sa->n_choices, 3);
    assert_string_equal(sa->choices[0].id, "work");
    assert_string_equal(sa->choices[0].text.str, "Work");
    assert_int_equal(sa->choices[0].go_index, a);
    assert_int_equal(sa->choices[0].effects.n, 1);
    assert_int_equal(sa->choices[0].effects.v[0].index, 0);
    assert_int_equal(sa->choices[0].effects.v[0].delta, 50);
    assert_int_equal(sa->choices[0].when, 0);
    assert_string_equal(sa->choices[1].id, "rest");
    assert_true(sa->choices[1].when != 0);
    assert_int_equal(sa->choices[1].effects.v[0].delta, -200);
    assert_int_equal(sa->choices[1].pos.line, 5);
    assert_string_equal(sa->choices[2].id, "gamble");
    assert_null(sa->choices[2].go);
    assert_true(sa->choices[2].go_fn != 0);
    assert_int_equal(story_find_choice(sa, "rest"), 1);

    /* the threshold */
    assert_int_equal(s->n_thresholds, 1);
    assert_int_equal(s->thresholds[0].stat, 0);
    assert_true(s->thresholds[0].at_least);
    assert_int_equal(s->thresholds[0].value, 100);
    assert_int_equal(s->thresholds[0].go_index, end);
    story_free(s);
}

static void test_map_stats_sorted_by_label(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\", stats = {\n"
                         "  zeta = { start = 1, label = \"Alpha\" },\n"
                         "  alpha = { start = 2, label = \"Zulu\", min = -10, max = 10 },\n"
                         "  mid = { start = 3, label = \"Middle\", good = \"neutral\" } } }\n"
                         "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n");
    assert_int_equal(s->n_stats, 3);
    assert_string_equal(s->stats[0].id, "zeta");
    assert_string_equal(s->stats[1].id, "mid");
    assert_string_equal(s->stats[2].id, "alpha");
    assert_int_equal(s->stats[2].min, -10);
    assert_int_equal(s->stats[2].max, 10);
    assert_int_equal(s->stats[1].good, GOOD_NEUTRAL);
    assert_int_equal(story_find_stat(s, "alpha"), 2);
    story_free(s);
}

static void test_flags_collected(void **state)
{
    (void)state;
    Story *s = must_load(
        "story { id = \"t\", title = \"T\", start = \"a\", flags = { debt = 0, title = \"intern\" } }\n"
        "scene \"a\" { text = \"Debt {debt}, met {met_boss}, mood {mood}\", set = { mood = \"calm\" },\n"
        "  choice { \"Meet\", set = { met_boss = true, debt = 5 }, go = \"a\" } }\n");
    /* declared flags and every flag a set table names, sorted by name */
    assert_int_equal(s->n_flags, 4);
    assert_string_equal(s->flags[0].id, "debt");
    assert_string_equal(s->flags[1].id, "met_boss");
    assert_string_equal(s->flags[2].id, "mood");
    assert_string_equal(s->flags[3].id, "title");
    assert_int_equal(s->flags[0].initial.type, VAL_INT);
    assert_int_equal(s->flags[0].initial.i, 0);
    assert_int_equal(s->flags[1].initial.type, VAL_BOOL); /* undeclared flags start false */
    assert_false(s->flags[1].initial.b);
    assert_int_equal(s->flags[2].initial.type, VAL_BOOL);
    assert_int_equal(s->flags[3].initial.type, VAL_STR);
    assert_string_equal(s->flags[3].initial.s, "intern");
    /* set entries point at their flags */
    const Choice *c = &s->scenes[0].choices[0];
    assert_int_equal(c->set.n, 2);
    for (size_t i = 0; i < c->set.n; i++)
        assert_int_equal(c->set.v[i].index, story_find_flag(s, c->set.v[i].flag));
    assert_int_equal(s->scenes[0].set.v[0].index, story_find_flag(s, "mood"));
    story_free(s);
}

static void test_choice_ids(void **state)
{
    (void)state;
    Story *s = must_load(HEAD "scene \"a\" { text = \"x\",\n"
                              "  choice { \"Resign now: the offer is good\", go = \"a\" },\n"
                              "  choice { \"Don't panic!\", go = \"a\" },\n"
                              "  choice { \"Wait\", go = \"a\" },\n"
                              "  choice { \"Wait\", go = \"a\" },\n"
                              "  choice { \"WAIT...\", go = \"a\" },\n"
                              "  choice { \"!!!\", go = \"a\" },\n"
                              "  choice { text = \"Ask Priya\", id = \"ask_priya\", go = \"a\" } }\n");
    const Scene *a = &s->scenes[0];
    assert_int_equal(a->n_choices, 7);
    assert_string_equal(a->choices[0].id, "resign-now-the-offer");
    assert_string_equal(a->choices[1].id, "dont-panic");
    assert_string_equal(a->choices[2].id, "wait");
    assert_string_equal(a->choices[3].id, "wait-2");
    assert_string_equal(a->choices[4].id, "wait-3");
    assert_string_equal(a->choices[5].id, "choice");
    assert_string_equal(a->choices[6].id, "ask_priya");
    assert_string_equal(a->choices[6].text.str, "Ask Priya");
    story_free(s);
}

static void test_thresholds(void **state)
{
    (void)state;
    Story *s = must_load("story { id = \"t\", title = \"T\", start = \"a\",\n"
                         "  stats = { { id = \"money\", start = 50 }, { id = \"stress\", start = 0 } },\n"
                         "  when_stat = { stress = { at_least = 90, go = \"out\" },\n"
                         "                money = { { at_most = 0, go = \"broke\" }, { at_least = 100, go = \"rich\" } } } }\n"
                         "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n"
                         "ending \"out\" { title = \"Out\", text = \"x\" }\n"
                         "ending \"broke\" { title = \"Broke\", text = \"x\" }\n"
                         "ending \"rich\" { title = \"Rich\", verdict = \"good\", text = \"x\" }\n");
    /* in stat order, then in list order */
    assert_int_equal(s->n_thresholds, 3);
    assert_int_equal(s->thresholds[0].stat, 0);
    assert_false(s->thresholds[0].at_least);
    assert_int_equal(s->thresholds[0].value, 0);
    assert_int_equal(s->thresholds[0].go_index, story_find_scene(s, "broke"));
    assert_int_equal(s->thresholds[1].stat, 0);
    assert_true(s->thresholds[1].at_least);
    assert_int_equal(s->thresholds[1].go_index, story_find_scene(s, "rich"));
    assert_int_equal(s->thresholds[2].stat, 1);
    assert_int_equal(s->thresholds[2].value, 90);
    assert_int_equal(s->thresholds[2].go_index, story_find_scene(s, "out"));
    assert_int_equal(s->scenes[story_find_scene(s, "out")].verdict, VERDICT_MIXED); /* default */
    assert_int_equal(s->scenes[story_find_scene(s, "rich")].verdict, VERDICT_GOOD);
    story_free(s);
}

/* ---- load-time errors: each names the file and line ---- */

/* Loading src fails with exactly this message. */
#define expect_error(src, want) expect_error_at((src), (want), false, __FILE__, __LINE__)
/* Loading src fails with a message that starts with want. */
#define expect_error_prefix(src, want) expect_error_at((src), (want), true, __FILE__, __LINE__)

static void expect_error_at(const char *src, const char *want, bool prefix, const char *file,
                            int line)
{
    char *msg = support_load_error(src, file, line);
    bool ok = prefix ? strncmp(msg, want, strlen(want)) == 0 : strcmp(msg, want) == 0;
    if (!ok)
        print_error("\"%s\"\n  %s\n\"%s\"\n", msg, prefix ? "does not start with" : "is not",
                    want);
    free(msg);
    if (!ok)
        _fail(file, line);
}

static void test_error_syntax(void **state)
{
    (void)state;
    expect_error_prefix(HEAD "scene \"a\" { text = \"x\",\n"
                             "  choice { \"Go\" go = \"a\" } }\n",
                        "story.lua:3: '}' expected");
    expect_error_prefix(HEAD "\n\nlocal = 3\n", "story.lua:4: ");
}

static void test_error_unknown_target(void **state)
{
    (void)state;
    expect_error(HEAD "scene \"a\" { text = \"x\",\n"
                      "  choice { \"Stay\", go = \"a\" },\n"
                      "  choice {\n"
                      "    \"Leave\", id = \"leave\",\n"
                      "    go = \"nowhere\" } }\n",
                 "story.lua:4: scene 'a', choice 'leave' goes to unknown scene 'nowhere'");
    expect_error("story { id = \"t\", title = \"T\", start = \"a\",\n"
                 "  stats = { { id = \"burnout\", start = 30 } },\n"
                 "  when_stat = { burnout = { at_least = 100, go = \"gone\" } } }\n"
                 "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:1: when_stat goes to unknown scene 'gone'");
}

static void test_error_unknown_stat_in_effects(void **state)
{
    (void)state;
    expect_error(HEAD "scene \"a\" { text = \"x\",\n"
                      "  choice { \"Work\", id = \"work\", effects = { burnot = 5 }, go = \"a\" } }\n",
                 "story.lua:3: scene 'a', choice 'work': effect on unknown stat 'burnot'; "
                 "did you mean 'burnout'?");
    expect_error(HEAD "scene \"a\" { text = \"x\", effects = { stress = 1 },\n"
                      "  choice { \"Work\", go = \"a\" } }\n",
                 "story.lua:2: scene 'a': effect on unknown stat 'stress'");
}

static void test_error_unknown_name_in_text(void **state)
{
    (void)state;
    expect_error(HEAD "\n"
                      "scene \"a\" { text = \"Burnout {burnout}, money {money}\",\n"
                      "  choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:3: scene 'a': unknown name {money} in text");
    expect_error(HEAD "scene \"a\" { text = \"x\",\n"
                      "  choice { \"Pay {debt}\", id = \"pay\", go = \"a\" } }\n",
                 "story.lua:3: scene 'a', choice 'pay': unknown name {debt} in text");
    expect_error_prefix(HEAD "scene \"a\" { text = \"Oops {burnout\",\n"
                             "  choice { \"Go\", go = \"a\" } }\n",
                        "story.lua:2: scene 'a': unclosed '{'");
}

static void test_error_duplicate_scene(void **state)
{
    (void)state;
    expect_error(HEAD "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n"
                      "\n"
                      "scene \"a\" { text = \"y\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:4: scene 'a' is declared twice (first at story.lua:2)");
}

static void test_error_duplicate_choice_id(void **state)
{
    (void)state;
    /* Derived ids that collide get -2, -3...; two explicit ids that collide are a mistake, and
     * renaming one of them would break the saves that refer to it. */
    expect_error(HEAD "scene \"a\" { text = \"x\",\n"
                      "  choice { \"Stay\", id = \"same\", go = \"a\" },\n"
                      "  choice { \"Also stay\", id = \"same\", go = \"a\" } }\n",
                 "story.lua:4: scene 'a', choice 'same': two choices have this id");
}

static void test_error_dead_end_scene(void **state)
{
    (void)state;
    expect_error(HEAD "scene \"a\" { text = \"x\", choice { \"Go\", go = \"b\" } }\n"
                      "scene \"b\" { text = \"Nothing to do here.\" }\n",
                 "story.lua:3: scene 'b' has no choices and is not an ending (a dead end)");
}

static void test_error_unknown_fields(void **state)
{
    (void)state;
    /* the message lists the known fields; check the place and the misspelt name */
    expect_error_prefix(HEAD "scene \"a\" { tetx = \"x\", choice { \"Go\", go = \"a\" } }\n",
                        "story.lua:2: scene 'a': unknown field 'tetx' (known: text,");
    expect_error_prefix(HEAD "scene \"a\" { text = \"x\",\n"
                             "  choice { \"Go\", og = \"a\" } }\n",
                        "story.lua:3: scene 'a', choice 1: unknown field 'og' (known: id, text,");
    expect_error_prefix("story { id = \"t\", titel = \"T\", start = \"a\" }\n"
                        "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                        "story.lua:1: story: unknown field 'titel' (known: id, title,");
    expect_error_prefix(HEAD "scene \"a\" { text = \"x\", choice { \"Go\", go = \"b\" } }\n"
                             "ending \"b\" { title = \"B\", text = \"x\", verdcit = \"good\" }\n",
                        "story.lua:3: ending 'b': unknown field 'verdcit' (known: title, verdict,");
}

/* Lua orders a table's string keys by a hash seeded afresh for every Lua state (from the time
 * and the state's address). Whatever the loader reads by iterating a table must not depend on
 * that order. Each round below keeps the stories of the earlier rounds alive, so every load
 * gets a state at a new address, hence a new seed. */
#define ROUNDS 16

static void test_stat_errors_name_the_stat(void **state)
{
    (void)state;
    Story *keep[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
        expect_error_prefix("story { id = \"t\", title = \"T\", start = \"a\",\n"
                            "  stats = { { id = \"burnout\", strat = 30 } } }\n"
                            "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                            "story.lua:1: story: stat 'burnout': unknown field 'strat' (known: start,");
        expect_error_prefix("story { id = \"t\", title = \"T\", start = \"a\",\n"
                            "  stats = { { id = \"burnout\", start = 30, good = \"up\" } } }\n"
                            "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                            "story.lua:1: story: stat 'burnout': good must be");
        keep[r] = must_load(MINIMAL_STORY);
    }
    for (int r = 0; r < ROUNDS; r++)
        story_free(keep[r]);
}

static void test_map_stats_order_is_stable(void **state)
{
    (void)state;
    /* Stat order is display order, and the order in which thresholds are tried: when two cross
     * in one decision, the first wins. With equal labels it must still be the same on every
     * load, or a save could replay into another ending. */
    static const char src[] =
        "story { id = \"t\", title = \"T\", start = \"a\", stats = {\n"
        "  alpha = { start = 1, label = \"Stress\" }, beta = { start = 2, label = \"Stress\" },\n"
        "  gamma = { start = 3, label = \"Stress\" }, delta = { start = 4, label = \"Stress\" },\n"
        "  omega = { start = 5, label = \"Anxiety\" } } }\n"
        "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n";
    Story *keep[ROUNDS];
    char *order[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
        keep[r] = must_load(src);
        Buf b = {0};
        for (size_t i = 0; i < keep[r]->n_stats; i++)
            buf_printf(&b, "%s ", keep[r]->stats[i].id);
        order[r] = buf_take(&b);
    }
    int differ = 0;
    for (int r = 0; r < ROUNDS; r++) {
        differ += strcmp(order[r], order[0]) != 0;
        if (strcmp(order[r], order[0]) != 0 && differ == 1)
            print_error("load %d: %s\nload 1: %s\n", r + 1, order[r], order[0]);
        story_free(keep[r]);
    }
    bool by_label = strncmp(order[0], "omega ", 6) == 0;
    for (int r = 0; r < ROUNDS; r++)
        free(order[r]);
    assert_true(by_label);
    assert_int_equal(differ, 0);
}

static void test_error_missing_story(void **state)
{
    (void)state;
    expect_error("scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:1: no story { } declaration (it names the story and its stats)");
    expect_error("-- nothing at all\n",
                 "story.lua:1: no story { } declaration (it names the story and its stats)");
}

static void test_error_missing_start(void **state)
{
    (void)state;
    expect_error("\nstory { id = \"t\", title = \"T\", start = \"begin\" }\n"
                 "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:2: story: start scene 'begin' does not exist");
    char *msg = load_error("story { id = \"t\", title = \"T\" }\n");
    assert_starts_with(msg, "story.lua:1: story: ");
    assert_contains(msg, "start");
    free(msg);
}

static void test_error_stat_start_out_of_bounds(void **state)
{
    (void)state;
    expect_error("story { id = \"t\", title = \"T\", start = \"a\",\n"
                 "  stats = { { id = \"burnout\", start = 150 } } }\n"
                 "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:1: story: stat 'burnout': start 150 is outside 0..100");
    expect_error("story { id = \"t\", title = \"T\", start = \"a\",\n"
                 "  stats = { { id = \"mood\", start = -6, min = -5, max = 5 } } }\n"
                 "scene \"a\" { text = \"x\", choice { \"Go\", go = \"a\" } }\n",
                 "story.lua:1: story: stat 'mood': start -6 is outside -5..5");
}

static void test_error_runtime_at_load(void **state)
{
    (void)state;
    expect_error(HEAD "local bonus = nil\n"
                      "local total = 10 + bonus\n",
                 "story.lua:3: attempt to perform arithmetic on a nil value (local 'bonus')");
    expect_error(HEAD "\nerror(\"scenario says no\")\n", "story.lua:3: scenario says no");
    /* a non-table argument to a declaration */
    expect_error(HEAD "scene \"a\" \"oops\"\n",
                 "story.lua:2: scene 'a' needs a table: scene \"a\" { text = ..., ... }");
}

static void test_error_no_file(void **state)
{
    (void)state;
    Err err;
    Story *s = story_load("/nonexistent/ladder/story.lua", &err);
    assert_null(s);
    assert_string_equal(err.msg, "/nonexistent/ladder/story.lua: no such file or folder");
}

/* ---- folders and encodings ---- */

static void test_folder_story(void **state)
{
    (void)state;
    /* Each file uses a global set by the one before it in load order (story.lua, then the
     * others alphabetically), so only that order loads. They are written in a scrambled order,
     * so neither the order of creation nor its reverse is the load order. */
    const char *names[] = {"c_third.lua", "a_first.lua", "d_fourth.lua", "story.lua",
                           "b_second.lua", "notes.txt"};
    const char *srcs[] = {
        "NEXT = NEXT .. \",c\"\n"
        "scene(\"c\") { text = \"x\", choice { \"Back\", go = START } }\n",
        "NEXT = \"a\"\n"
        "scene(START) { text = \"x\", choice { \"On\", go = \"b\" } }\n",
        "assert(NEXT == \"a,b,c\", \"loaded out of order: \" .. tostring(NEXT))\n"
        "scene(\"d\") { text = \"x\", choice { \"Back\", go = START } }\n",
        "START = \"begin\"\n"
        "story { id = \"folder\", title = \"Folder\", start = START }\n",
        "NEXT = NEXT .. \",b\"\n"
        "scene(\"b\") { text = \"x\", choice { \"On\", go = \"c\" } }\n",
        "this is not Lua and is not loaded\n",
    };
    Err err;
    Story *s = load_story_files(names, srcs, 6, &err);
    if (!s) {
        print_error("%s\n", err.msg);
        fail();
    }
    assert_int_equal(s->n_files, 5);
    assert_string_equal(s->files[0], "story/story.lua");
    assert_string_equal(s->files[1], "story/a_first.lua");
    assert_string_equal(s->files[2], "story/b_second.lua");
    assert_string_equal(s->files[3], "story/c_third.lua");
    assert_string_equal(s->files[4], "story/d_fourth.lua");
    assert_int_equal(s->n_scenes, 4);
    assert_string_equal(s->scenes[0].id, "begin");
    assert_string_equal(s->scenes[0].pos.file, "story/a_first.lua");
    assert_int_equal(s->scenes[0].pos.line, 2);
    assert_string_equal(s->scenes[3].id, "d");
    assert_string_equal(s->scenes[3].pos.file, "story/d_fourth.lua");
    assert_int_equal(s->start_index, 0);
    story_free(s);
}

static void test_folder_story_errors(void **state)
{
    (void)state;
    Err err;
    /* an error in a later file names that file */
    const char *names[] = {"story.lua", "scenes.lua"};
    const char *srcs[] = {"story { id = \"f\", title = \"F\", start = \"a\" }\n",
                          "scene \"a\" { text = \"x\",\n"
                          "  choice { \"Go\", go = \"b\" } }\n"};
    assert_null(load_story_files(names, srcs, 2, &err));
    assert_string_equal(err.msg, "story/scenes.lua:2: scene 'a', choice 'go' goes to unknown scene 'b'");
    /* a folder needs story.lua */
    const char *names2[] = {"main.lua"};
    const char *srcs2[] = {"story { id = \"f\", title = \"F\", start = \"a\" }\n"};
    assert_null(load_story_files(names2, srcs2, 1, &err));
    assert_string_equal(err.msg, "story: a story folder needs a story.lua");
}

/* Replace every "\n" of src by "\r\n". malloc'd. */
static char *crlf(const char *src)
{
    Buf b = {0};
    for (const char *p = src; *p; p++) {
        if (*p == '\n')
            buf_putc(&b, '\r');
        buf_putc(&b, *p);
    }
    return buf_take(&b);
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    static const char src[] = "story { id = \"t\", title = \"Caf\xc3\xa9\", start = \"a\" }\n"
                              "scene \"a\" { text = [[\n"
                              "  First line\n"
                              "  second line.]],\n"
                              "  choice { \"Go\", go = \"a\" } }\n";
    char *dos = crlf(src);
    Buf bom = {0};
    buf_puts(&bom, "\xEF\xBB\xBF");
    buf_puts(&bom, dos);
    const char *variants[] = {src, dos, buf_str(&bom)};
    for (size_t i = 0; i < 3; i++) {
        Err err;
        Story *s = load_story_bytes(variants[i], strlen(variants[i]), &err);
        if (!s) {
            print_error("variant %zu: %s\n", i, err.msg);
            fail();
        }
        assert_string_equal(s->title, "Caf\xc3\xa9");
        assert_int_equal(s->scenes[0].choices[0].pos.line, 5);
        Game *g = must_start(s, 1);
        assert_string_equal(game_text(g), "First line second line.");
        game_free(g);
        story_free(s);
    }
    /* line numbers of errors stay right in a CRLF file with a byte order mark */
    char *bad = crlf(HEAD "\n"
                          "scene \"a\" { text = \"x\", choice { \"Go\", go = \"zz\" } }\n");
    Buf bad_bom = {0};
    buf_puts(&bad_bom, "\xEF\xBB\xBF");
    buf_puts(&bad_bom, bad);
    Err err;
    assert_null(load_story_bytes(bad_bom.s, bad_bom.len, &err));
    assert_string_equal(err.msg, "story.lua:3: scene 'a', choice 'go' goes to unknown scene 'zz'");
    free(bad);
    buf_free(&bad_bom);
    free(dos);
    buf_free(&bom);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_story),
        cmocka_unit_test(test_map_stats_sorted_by_label),
        cmocka_unit_test(test_flags_collected),
        cmocka_unit_test(test_choice_ids),
        cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_error_syntax),
        cmocka_unit_test(test_error_unknown_target),
        cmocka_unit_test(test_error_unknown_stat_in_effects),
        cmocka_unit_test(test_error_unknown_name_in_text),
        cmocka_unit_test(test_error_duplicate_scene),
        cmocka_unit_test(test_error_duplicate_choice_id),
        cmocka_unit_test(test_error_dead_end_scene),
        cmocka_unit_test(test_error_unknown_fields),
        cmocka_unit_test(test_stat_errors_name_the_stat),
        cmocka_unit_test(test_map_stats_order_is_stable),
        cmocka_unit_test(test_error_missing_story),
        cmocka_unit_test(test_error_missing_start),
        cmocka_unit_test(test_error_stat_start_out_of_bounds),
        cmocka_unit_test(test_error_runtime_at_load),
        cmocka_unit_test(test_error_no_file),
        cmocka_unit_test(test_folder_story),
        cmocka_unit_test(test_folder_story_errors),
        cmocka_unit_test(test_bom_and_crlf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
