/* test_save.c: saves as JSON (round trip, atomic writes, broken files) and the session around
 * them (autosave, undo, continue, a new game keeping the old autosave). */
#include "support.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/save.h"
#include "core/session.h"
#include "lua/lua_host.h"

#define BIG_SEED 18446744073709551557ULL /* the largest 64-bit prime: beyond a double's 53 bits */

/* The minimal story played to its forced ending: work, rest, work, work. */
static Game *played_game(const Story *s)
{
    Err err;
    Game *g = game_new(s, BIG_SEED, "Zo\xc3\xab \"Z\" O'Brien", &err);
    assert_non_null(g);
    const char *ids[] = {"work", "rest", "work", "work"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(game_choose_id(g, ids[i], 1.25 * (double)(i + 1), &err), 0);
    assert_true(game_ended(g));
    return g;
}

/* ---- round trip ---- */

static void test_json_content(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = played_game(s);
    char *text = save_to_json(g, "2020-01-02T03:04:05Z");
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "format")), "ladder-save");
    assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(root, "version")) == SAVE_VERSION);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "story")), "t");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "hash")), s->hash);
    /* the seed is a string: as a JSON number it would lose its low digits */
    cJSON *seed = cJSON_GetObjectItem(root, "seed");
    assert_true(cJSON_IsString(seed));
    assert_string_equal(seed->valuestring, "18446744073709551557");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "player")),
                        "Zo\xc3\xab \"Z\" O'Brien");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "created")),
                        "2020-01-02T03:04:05Z");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "scene")), "flameout");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(root, "ending")), "flameout");
    cJSON *stats = cJSON_GetObjectItem(root, "stats");
    assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(stats, "burnout")) == 100);
    assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(stats, "savings")) == 20);
    cJSON *list = cJSON_GetObjectItem(root, "decisions");
    assert_int_equal(cJSON_GetArraySize(list), 4);
    cJSON *d0 = cJSON_GetArrayItem(list, 0), *d3 = cJSON_GetArrayItem(list, 3);
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d0, "scene")), "a");
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d0, "choice")), "work");
    assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(d0, "before"), "burnout")) == 30);
    assert_true(cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetObjectItem(d0, "after"), "burnout")) == 80);
    assert_null(cJSON_GetObjectItem(d0, "forced"));
    assert_string_equal(cJSON_GetStringValue(cJSON_GetObjectItem(d3, "forced")), "burnout");
    cJSON_Delete(root);
    free(text);
    game_free(g);
    story_free(s);
}

static void test_round_trip(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = played_game(s);
    char *text = save_to_json(g, "2020-01-02T03:04:05Z");
    SaveData d;
    Err err;
    assert_int_equal(save_parse(text, strlen(text), &d, &err), 0);
    assert_string_equal(d.story_id, "t");
    assert_string_equal(d.title, "T");
    assert_string_equal(d.hash, s->hash);
    assert_true(d.seed == BIG_SEED);
    assert_string_equal(d.player, "Zo\xc3\xab \"Z\" O'Brien");
    assert_string_equal(d.created, "2020-01-02T03:04:05Z");
    assert_string_equal(d.scene, "flameout");
    assert_string_equal(d.ending, "flameout");
    assert_int_equal(d.n_steps, 4);
    const char *ids[] = {"work", "rest", "work", "work"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(d.steps[i].scene, "a");
        assert_string_equal(d.steps[i].choice, ids[i]);
        assert_true(d.steps[i].seconds > 1.25 * (double)(i + 1) - 0.06 &&
                    d.steps[i].seconds < 1.25 * (double)(i + 1) + 0.06);
    }
    /* replaying the save rebuilds the game */
    size_t applied;
    Game *r = game_replay(s, d.seed, d.player, d.steps, d.n_steps, &applied, &err);
    assert_non_null(r);
    assert_int_equal(applied, 4);
    assert_string_equal(scene_of(r), "flameout");
    assert_int_equal(stat_of(r, "burnout"), 100);
    assert_int_equal(game_decision(r, 3)->forced, 0);
    game_free(r);
    save_data_free(&d);
    free(text);

    /* a save before any decision: no ending, no steps */
    Game *fresh = must_start(s, 5);
    text = save_to_json(fresh, NULL);
    assert_int_equal(save_parse(text, strlen(text), &d, &err), 0);
    assert_int_equal(d.n_steps, 0);
    assert_null(d.ending);
    assert_true(d.seed == 5);
    assert_non_null(d.created);
    save_data_free(&d);
    free(text);
    game_free(fresh);
    game_free(g);
    story_free(s);
}

/* ---- atomic writes ---- */

static void test_save_write_atomic(void **state)
{
    const char *dir = *state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = played_game(s);
    Err err;
    /* missing folders are made */
    char *path = xasprintf("%s/saves/t/slot.json", dir);
    char *folder = xasprintf("%s/saves/t", dir);
    assert_int_equal(save_write(path, g, NULL, &err), 0);
    char *names = list_dir(folder);
    assert_string_equal(names, "slot.json");
    free(names);
    SaveData d;
    assert_int_equal(save_read(path, &d, &err), 0);
    assert_int_equal(d.n_steps, 4);
    save_data_free(&d);

    /* overwriting replaces the file as a whole (a new file renamed over the old one), and
     * leaves nothing else behind */
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    Game *r = game_rewind(g, 1, &err);
    assert_non_null(r);
    assert_int_equal(save_write(path, r, NULL, &err), 0);
    assert_int_equal(stat(path, &after), 0);
    assert_true(before.st_ino != after.st_ino);
    names = list_dir(folder);
    assert_string_equal(names, "slot.json");
    free(names);
    assert_int_equal(save_read(path, &d, &err), 0);
    assert_int_equal(d.n_steps, 1);
    save_data_free(&d);
    game_free(r);

    /* a write that fails leaves no temporary file either */
    char *taken = xasprintf("%s/saves/t/taken.json", dir);
    assert_int_equal(mkdir(taken, 0755), 0);
    assert_int_equal(save_write(taken, g, NULL, &err), -1);
    assert_contains(err.msg, "taken.json");
    names = list_dir(folder);
    assert_string_equal(names, "slot.json,taken.json");
    free(names);
    char *under_file = xasprintf("%s/saves/t/slot.json/x.json", dir);
    assert_int_equal(save_write(under_file, g, NULL, &err), -1);
    names = list_dir(folder);
    assert_string_equal(names, "slot.json,taken.json");
    free(names);

    free(under_file);
    free(taken);
    free(folder);
    free(path);
    game_free(g);
    story_free(s);
}

static void test_save_write_seen_whole(void **state)
{
    const char *dir = *state;
    /* While one process rewrites a save over and over, another reading it must always find a
     * whole save: the old one or the new one, never a missing, empty or half-written file. */
    Story *s = must_load(MINIMAL_STORY);
    Game *big = played_game(s);
    Game *small = must_start(s, 3);
    char *path = xasprintf("%s/slot.json", dir);
    Err err;
    assert_int_equal(save_write(path, small, NULL, &err), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        for (int i = 0; i < 400; i++)
            if (save_write(path, i % 2 ? small : big, NULL, &err) != 0)
                _exit(1);
        _exit(0);
    }
    size_t reads = 0, bad = 0;
    char first_bad[sizeof err.msg] = "";
    int status = 0;
    for (;;) {
        bool done = waitpid(pid, &status, WNOHANG) == pid;
        SaveData d;
        if (save_read(path, &d, &err) == 0) {
            if (d.n_steps != 0 && d.n_steps != 4 && !bad++)
                snprintf(first_bad, sizeof first_bad, "a save with %zu steps", d.n_steps);
            save_data_free(&d);
        } else if (!bad++) {
            snprintf(first_bad, sizeof first_bad, "%s", err.msg);
        }
        reads++;
        if (done)
            break;
    }
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (bad) {
        print_error("%zu of %zu reads saw a broken save, first: %s\n", bad, reads, first_bad);
        fail();
    }
    assert_true(reads > 10);
    char *names = list_dir(dir);
    assert_string_equal(names, "slot.json");
    free(names);
    free(path);
    game_free(small);
    game_free(big);
    story_free(s);
}

/* ---- broken saves ---- */

#define expect_parse_error(text, want) expect_parse_error_at((text), (want), __FILE__, __LINE__)
static void expect_parse_error_at(const char *text, const char *want, const char *file, int line)
{
    SaveData d;
    Err err;
    err.msg[0] = '\0';
    /* exactly the bytes of the text, so a read past the end shows under a sanitizer */
    size_t len = strlen(text);
    char *copy = xmalloc(len ? len : 1);
    memcpy(copy, text, len);
    int rc = save_parse(copy, len, &d, &err);
    free(copy);
    if (rc == 0) {
        print_error("the save was accepted: %s\n", text);
        save_data_free(&d);
        _fail(file, line);
    }
    support_assert_contains(err.msg, want, file, line);
}

static void test_corrupted_inputs(void **state)
{
    (void)state;
    expect_parse_error("", "the file is empty");
    expect_parse_error("not json", "the JSON is broken near byte");
    expect_parse_error("{\"format\": \"ladder-save\", ", "the JSON is broken");
    expect_parse_error("\xff\xfe\x00garbage", "the JSON is broken");
    /* JSON of the wrong shape */
    expect_parse_error("[1, 2, 3]", "not a Ladder save");
    expect_parse_error("[{\"format\": \"ladder-save\"}]", "not a Ladder save");
    expect_parse_error("{}", "not a Ladder save");
    expect_parse_error("null", "not a Ladder save");
    expect_parse_error("42", "not a Ladder save");
    expect_parse_error("\"ladder-save\"", "not a Ladder save");
    expect_parse_error("{\"format\": \"other\", \"version\": 1}", "not a Ladder save");
    expect_parse_error("{\"format\": 1}", "not a Ladder save");
    expect_parse_error("{\"format\": \"ladder-save\"}", "no valid format version");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": \"1\"}", "no valid format version");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 0}", "no valid format version");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 999, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": []}",
                       "newer");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"seed\": \"1\", \"decisions\": []}",
                       "does not name its story");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"decisions\": []}",
                       "no seed");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": 42,"
                       " \"decisions\": []}",
                       "no seed");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"-1\","
                       " \"decisions\": []}",
                       "is not a number");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"12ab\","
                       " \"decisions\": []}",
                       "is not a number");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\","
                       " \"seed\": \"99999999999999999999999\", \"decisions\": []}",
                       "is not a number");
    /* decisions of the wrong shape */
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\"}",
                       "no list of decisions");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": {\"scene\": \"a\", \"choice\": \"work\"}}",
                       "no list of decisions");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": \"work\"}",
                       "no list of decisions");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": [{\"scene\": \"a\"}]}",
                       "decision 1 of the save has no scene or choice");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": [{\"scene\": \"a\", \"choice\": \"work\"}, 5]}",
                       "decision 2 of the save has no scene or choice");
    expect_parse_error("{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                       " \"decisions\": [{\"scene\": 1, \"choice\": \"work\"}]}",
                       "decision 1");
}

static void test_deep_nesting(void **state)
{
    (void)state;
    /* deeply nested JSON must be refused, not recursed into until the stack overflows */
    size_t n = 200000;
    char *deep = xmalloc(2 * n + 1);
    memset(deep, '[', n);
    memset(deep + n, ']', n);
    deep[2 * n] = '\0';
    expect_parse_error(deep, "");
    free(deep);
}

static void test_truncated_at_every_length(void **state)
{
    (void)state;
    Story *s = must_load(MINIMAL_STORY);
    Game *g = played_game(s);
    char *text = save_to_json(g, NULL);
    size_t len = strlen(text);
    /* a save cut before the opening of its list of decisions is refused; cut after it, it is
     * a save whose last line was torn (Ladder stopped while appending): it is read up to its
     * last whole decision, never beyond */
    size_t complete = support_save_list_start(text);
    assert_true(len > 500);
    for (size_t k = 0; k <= len; k++) {
        char *copy = xmalloc(k ? k : 1); /* exactly k bytes: no terminator to lean on */
        memcpy(copy, text, k);
        SaveData d;
        Err err;
        err.msg[0] = '\0';
        int rc = save_parse(copy, k, &d, &err);
        free(copy);
        if (k < complete) {
            if (rc == 0) {
                print_error("the first %zu of %zu bytes were accepted as a save\n", k, len);
                save_data_free(&d);
                fail();
            }
            if (!err.msg[0]) {
                print_error("no message for the first %zu bytes\n", k);
                fail();
            }
        } else {
            if (rc != 0) {
                print_error("the save cut at %zu of %zu bytes was refused: %s\n", k, len,
                            err.msg);
                fail();
            }
            assert_int_equal(d.n_steps, support_save_records_within(text, k));
            save_data_free(&d);
        }
    }
    free(text);
    game_free(g);
    story_free(s);
}

static void test_fixture_files(void **state)
{
    (void)state;
    SaveData d;
    Err err;
    const char *good = LADDER_TEST_FIXTURES "/saves/office_v1.json";
    assert_int_equal(save_read(good, &d, &err), 0);
    assert_string_equal(d.story_id, "office");
    assert_true(d.seed == 42);
    assert_true(d.n_steps > 0);
    save_data_free(&d);
    const char *newer = LADDER_TEST_FIXTURES "/saves/newer.json";
    assert_int_equal(save_read(newer, &d, &err), STATUS_TOO_NEW); /* newer, not damaged: left alone */
    assert_starts_with(err.msg, newer);
    assert_contains(err.msg, "newer");
    const char *truncated = LADDER_TEST_FIXTURES "/saves/truncated.json";
    assert_int_equal(save_read(truncated, &d, &err), -1);
    assert_starts_with(err.msg, truncated);
    assert_int_equal(save_read(LADDER_TEST_FIXTURES "/saves/missing.json", &d, &err), -1);
    assert_contains(err.msg, "cannot open");
    assert_int_equal(save_read(LADDER_TEST_FIXTURES "/saves", &d, &err), -1);
    assert_contains(err.msg, "directory");
}

/* ---- sessions ---- */

/* Each session test gets its own data folder (support_data_home_setup). */

#define open_session(seed, resume) must_open_session(MINIMAL_STORY, (seed), (resume), NULL)
#define session_pick(ss, id) must_session_choose((ss), (id))

#define saved_steps(path, seed) support_saved_steps((path), true, (seed))

static void test_session_autosave_and_undo(void **state)
{
    const char *data = *state;
    Session *ss = open_session(7, false);
    char *expect_path = xasprintf("%s/ladder/saves/t/autosave.json", data);
    assert_string_equal(session_autosave_path(ss), expect_path);

    session_pick(ss, "work");
    uint64_t seed = 0;
    char *steps = saved_steps(expect_path, &seed);
    assert_string_equal(steps, "a/work");
    assert_true(seed == 7);
    free(steps);
    session_pick(ss, "rest");
    steps = saved_steps(expect_path, NULL);
    assert_string_equal(steps, "a/work,a/rest");
    free(steps);
    assert_int_equal(stat_of(session_game(ss), "burnout"), 0);

    /* undo goes back one decision, on screen and on disk */
    Err err;
    assert_int_equal(session_undo(ss, &err), 0);
    const Game *g = session_game(ss);
    assert_int_equal(game_decision_count(g), 1);
    assert_int_equal(stat_of(g, "burnout"), 80);
    assert_string_equal(scene_of(g), "a");
    steps = saved_steps(expect_path, NULL);
    assert_string_equal(steps, "a/work");
    free(steps);
    assert_int_equal(session_undo(ss, &err), 0);
    assert_int_equal(game_decision_count(session_game(ss)), 0);
    assert_int_equal(session_undo(ss, &err), -1);
    assert_contains(err.msg, "nothing to undo");

    /* a choice that is not there changes nothing */
    assert_int_equal(session_choose(ss, 7, 1.0, &err), STATUS_NO_SUCH);
    assert_int_equal(session_choose_id(ss, "rest", 1.0, &err), STATUS_NO_SUCH); /* hidden */
    assert_int_equal(game_decision_count(session_game(ss)), 0);
    free(expect_path);
    session_free(ss);
}

static void test_session_resume(void **state)
{
    (void)state;
    Err err;
    /* nothing to continue yet */
    SessionOptions o = {.resume = true};
    assert_null(session_open(must_load(MINIMAL_STORY), &o, &err));
    assert_contains(err.msg, "no autosave");

    Session *ss = open_session(7, false);
    session_pick(ss, "work");
    session_pick(ss, "rest");
    session_pick(ss, "work");
    const Game *g = session_game(ss);
    char *text = xstrdup(game_text(g));
    int burnout = stat_of(g, "burnout"), savings = stat_of(g, "savings");
    session_free(ss);

    /* --continue: the same scene, stats, journal, seed and player */
    ss = open_session(12345, true); /* the seed given here is ignored: the save's wins */
    g = session_game(ss);
    assert_string_equal(scene_of(g), "a");
    assert_string_equal(game_text(g), text);
    assert_int_equal(stat_of(g, "burnout"), burnout);
    assert_int_equal(stat_of(g, "savings"), savings);
    assert_int_equal(game_decision_count(g), 3);
    assert_true(game_seed(g) == 7);
    assert_string_equal(game_player(g), "Ada");
    /* and goes on from there */
    session_pick(ss, "work");
    assert_string_equal(scene_of(session_game(ss)), "flameout");
    free(text);
    session_free(ss);
}

/* The autosave's inode: a whole write replaces the file (a temporary renamed over it), an
 * append keeps it. */
static ino_t inode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_ino;
}

/* Continue takes the autosave as written (autosave_adopt; issue 16, item 14): the first
 * decision after it appends in place, and the file reads back with every decision. A file
 * another engine wrote is written whole again instead. */
static void test_resume_appends_in_place(void **state)
{
    const char *data = *state;
    char *path = xasprintf("%s/ladder/saves/t/autosave.json", data);
    Session *ss = open_session(7, false);
    session_pick(ss, "work");
    session_pick(ss, "rest");
    session_free(ss);
    ino_t before = inode_of(path);
    ss = open_session(1, true);
    session_pick(ss, "work");
    assert_true(inode_of(path) == before); /* appended, not written whole */
    char *steps = saved_steps(path, NULL);
    assert_string_equal(steps, "a/work,a/rest,a/work");
    free(steps);
    Err err;
    assert_int_equal(session_undo(ss, &err), 0); /* and dropped in place */
    assert_true(inode_of(path) == before);
    session_free(ss);
    /* another engine's file: the same game, written whole at the next decision */
    size_t len;
    char *text = util_read_file(path, 1 << 20, &len, &err);
    assert_non_null(text);
    char *v = strstr(text, "\"engine\":\"");
    assert_non_null(v);
    v[10] = v[10] == '9' ? '8' : '9';
    assert_int_equal(write_file_atomic(path, text, len, &err), 0);
    free(text);
    before = inode_of(path);
    ss = open_session(1, true);
    assert_int_equal(game_decision_count(session_game(ss)), 2);
    session_pick(ss, "work");
    assert_true(inode_of(path) != before);
    steps = saved_steps(path, NULL);
    assert_string_equal(steps, "a/work,a/rest,a/work");
    free(steps);
    session_free(ss);
    free(path);
}

/* A save of 3,000 decisions (about 500 KB, its lines read a 64 KB chunk at a time, many across
 * a chunk's end) reads back with every decision in order. */
static void test_long_save_reads_back(void **state)
{
    (void)state;
    Err err;
    Story *st = must_load("story { id = \"long\", title = \"Long\", start = \"a\",\n"
                          "  stats = { { id = \"x\", start = 50 } } }\n"
                          "scene \"a\" { text = \"A {x}.\",\n"
                          "  choice { \"Up\", id = \"up\", effects = { x = 1 }, go = \"b\" } }\n"
                          "scene \"b\" { text = \"B {x}.\",\n"
                          "  choice { \"Down\", id = \"down\", effects = { x = -1 }, go = \"a\" } }\n");
    SessionOptions o = {.seed = 3, .seed_given = true, .player = "Ada"};
    Session *ss = session_open(st, &o, &err);
    assert_non_null(ss);
    for (int i = 0; i < 3000; i++)
        assert_int_equal(session_choose(ss, 0, 1.0, &err), 0);
    char *path = NULL;
    assert_int_equal(session_save(ss, "long", &path, &err), 0);
    SaveData d;
    if (save_read(path, &d, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(d.n_steps, 3000);
    for (size_t i = 0; i < d.n_steps; i++)
        assert_string_equal(d.steps[i].choice, i % 2 ? "down" : "up");
    save_data_free(&d);
    free(path);
    session_free(ss);
}

/* The names of the autosave-* backups in the save folder, joined by ','. */
static char *backups(const char *data, size_t *n)
{
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *all = list_dir(folder);
    Buf b = {0};
    *n = 0;
    for (char *name = strtok(all, ","); name; name = strtok(NULL, ",")) {
        if (strncmp(name, "autosave-", 9) == 0 && util_str_ends_with(name, ".json")) {
            buf_printf(&b, "%s%s/%s", *n ? "," : "", folder, name);
            (*n)++;
        }
    }
    free(all);
    free(folder);
    return buf_take(&b);
}

static void test_new_game_keeps_old_autosave(void **state)
{
    const char *data = *state;
    Session *ss = open_session(7, false);
    session_pick(ss, "work");
    session_pick(ss, "rest");
    char *autosave = xstrdup(session_autosave_path(ss));
    session_free(ss);

    /* a new game: the old autosave is untouched until the new game has something to save */
    ss = open_session(8, false);
    char *steps = saved_steps(autosave, NULL);
    assert_string_equal(steps, "a/work,a/rest");
    free(steps);
    session_pick(ss, "work");
    uint64_t seed = 0;
    steps = saved_steps(autosave, &seed);
    assert_string_equal(steps, "a/work");
    assert_true(seed == 8);
    free(steps);
    /* the previous game is kept as a save of its own, and the player is told */
    size_t n;
    char *kept = backups(data, &n);
    assert_int_equal(n, 1);
    steps = saved_steps(kept, &seed);
    assert_string_equal(steps, "a/work,a/rest");
    assert_true(seed == 7);
    free(steps);
    char *note = session_take_notice(ss);
    assert_non_null(note);
    assert_contains(note, "autosave-");
    free(note);
    /* later decisions of the same game just update the autosave */
    session_pick(ss, "work");
    free(kept);
    kept = backups(data, &n);
    assert_int_equal(n, 1);
    size_t n_saves;
    SaveInfo *list = session_list_saves(ss, &n_saves);
    assert_int_equal(n_saves, 2);
    session_free_saves(list, n_saves);
    session_free(ss);

    /* another new game within the same second keeps both earlier games */
    ss = open_session(9, false);
    session_pick(ss, "work");
    free(kept);
    kept = backups(data, &n);
    assert_int_equal(n, 2);
    steps = saved_steps(autosave, &seed);
    assert_true(seed == 9);
    free(steps);
    session_free(ss);
    free(kept);
    free(autosave);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_content),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test_setup_teardown(test_save_write_atomic, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_save_write_seen_whole, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test(test_corrupted_inputs),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_truncated_at_every_length),
        cmocka_unit_test(test_fixture_files),
        cmocka_unit_test_setup_teardown(test_session_autosave_and_undo, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_session_resume, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_resume_appends_in_place, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_long_save_reads_back, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_new_game_keeps_old_autosave, support_data_home_setup,
                                        support_data_home_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
