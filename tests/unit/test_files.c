/* test_files.c: the files Ladder reads back (saves, autosaves, workshop results) when they are
 * damaged: empty, truncated at every byte, not JSON, JSON of the wrong shape, huge, from a newer
 * Ladder, or not regular files at all. Each gives a clear message and never a crash or a hang;
 * a damaged autosave is set aside under a new name (never deleted, never overwritten) and the
 * player is told; a newer one, and any file the player named, is left where it is.
 *
 * Reads that could hang (a FIFO) run in a child process killed after a few seconds. */
#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/save.h"
#include "core/session.h"
#include "lua/lua_host.h"

#define HUGE_BYTES (100u << 20) /* 100 MB */

/* ---- helpers ---- */

/* The minimal story played to its forced ending. */
static Game *played_game(const Story *s)
{
    Err err;
    Game *g = game_new(s, 77, "Ada", &err);
    assert_non_null(g);
    const char *ids[] = {"work", "rest", "work", "work"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(game_choose_id(g, ids[i], 1.5, &err), 0);
    assert_true(game_ended(g));
    return g;
}

/* A save and a results file of the played minimal story (malloc'd). */
static char *a_save(void)
{
    Story *s = must_load(MINIMAL_STORY);
    Game *g = played_game(s);
    char *text = save_to_json(g, "2020-01-02T03:04:05Z");
    game_free(g);
    story_free(s);
    return text;
}

static char *a_results_file(void)
{
    Story *s = must_load(MINIMAL_STORY);
    const Game *g = played_game(s);
    SaveSource src = {.root = s, .seed = game_seed(g), .games = &g, .n_games = 1,
                      .created = "2020-01-02T03:04:05Z", .results = true, .session = "ROOM-7"};
    Err err;
    char *text = save_text(&src, &err);
    game_free((Game *)(uintptr_t)g);
    story_free(s);
    assert_non_null(text);
    return text;
}

/* A file of `size` bytes (sparse: it costs no disk). */
static void make_sparse(const char *path, off_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, size), 0);
    close(fd);
}

static char *slurp(const char *path, size_t *len)
{
    Err err;
    char *text = util_read_file(path, 1u << 30, len, &err);
    if (!text) {
        print_error("%s\n", err.msg);
        fail();
    }
    return text;
}

static off_t size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : -1;
}

/* Run fn(arg) in a child that is killed after `seconds`. Returns the child's exit status (fn's
 * return value), or -1 when it hung or crashed (the reason is printed). No cmocka assertions
 * may run in fn: it reports by its return value. */
static int in_child(int (*fn)(const void *), const void *arg, unsigned seconds, const char *what)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(seconds);
        _exit(fn(arg));
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) {
        print_error("%s: %s\n", what,
                    WTERMSIG(status) == SIGALRM ? "still running after the time limit (it hangs)"
                                                : "the child crashed");
        return -1;
    }
    return WEXITSTATUS(status);
}

/* ---- results files ---- */

static void test_results_truncated_at_every_length(void **state)
{
    (void)state;
    char *text = a_results_file();
    size_t len = strlen(text);
    size_t complete = support_save_list_start(text); /* then a torn end: see test_save.c */
    assert_true(len > 500);
    for (size_t k = 0; k <= len; k++) {
        char *copy = xmalloc(k ? k : 1); /* exactly k bytes, no terminator */
        memcpy(copy, text, k);
        SaveData d;
        Err err;
        err.msg[0] = '\0';
        int rc = save_parse(copy, k, &d, &err);
        free(copy);
        if (k < complete) {
            if (rc == 0) {
                print_error("the first %zu of %zu bytes of a results file were accepted\n", k, len);
                save_data_free(&d);
                fail();
            }
            if (!err.msg[0]) {
                print_error("no message for the first %zu bytes of a results file\n", k);
                fail();
            }
        } else {
            if (rc != 0) {
                print_error("the complete results file was refused: %s\n", err.msg);
                fail();
            }
            assert_true(d.results);
            assert_string_equal(d.session, "ROOM-7");
            assert_int_equal(d.n_steps, support_save_records_within(text, k));
            save_data_free(&d);
        }
    }
    free(text);
}

#define expect_refused(text, rc_want, want)                                                        \
    expect_refused_at((text), (rc_want), (want), __FILE__, __LINE__)
static void expect_refused_at(const char *text, int rc_want, const char *want, const char *file,
                              int line)
{
    SaveData d;
    Err err;
    err.msg[0] = '\0';
    int rc = save_parse(text, strlen(text), &d, &err);
    if (rc == 0) {
        save_data_free(&d);
        print_error("accepted: %s\n", text);
        _fail(file, line);
    }
    if (rc != rc_want) {
        print_error("save_parse returned %d, expected %d (%s)\n", rc, rc_want, err.msg);
        _fail(file, line);
    }
    support_assert_contains(err.msg, want, file, line);
}

static void test_results_wrong_shape_and_newer(void **state)
{
    (void)state;
    expect_refused("{\"format\": \"ladder-results\"}", -1, "no valid format version");
    expect_refused(
        "{\"format\": \"ladder-results\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
        " \"decisions\": 7, \"ended\": true}",
        -1, "no list of decisions");
    expect_refused(
        "{\"format\": \"ladder-results\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
        " \"decisions\": [], \"chapters\": {}}",
        -1, "chapters are not a list");
    expect_refused("{\"format\": \"ladder-results\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
                   " \"decisions\": [], \"chapters\": [{\"seed\": \"1\", \"decisions\": []}]}",
                   -1, "chapter 1: no story id");
    expect_refused("[{\"format\": \"ladder-results\", \"version\": 1}]", -1, "not a Ladder save");
    /* a newer Ladder's results file: STATUS_TOO_NEW, "newer", whatever else it holds */
    expect_refused("{\"format\": \"ladder-results\", \"version\": 3, \"story\": \"t\", \"seed\": \"1\","
                   " \"decisions\": [], \"future\": {\"x\": [1, 2, 3]}}",
                   STATUS_TOO_NEW, "newer");
    /* the version is a whole number Ladder writes (not 1.5, not 1e300) */
    expect_refused("{\"format\": \"ladder-results\", \"version\": 1e300}", -1,
                   "not a whole number");
    expect_refused("{\"format\": \"ladder-save\", \"version\": 1.5, \"decisions\": 5}", -1,
                   "\"version\" is 1.5, not a whole number");
}

/* ---- huge files and files that are not files ---- */

static void test_huge_files(void **state)
{
    (void)state;
    char *dir = tmp_dir_new();
    char *path = xasprintf("%s/huge.json", dir);
    make_sparse(path, HUGE_BYTES);
    SaveData d;
    Err err;
    double t0 = util_now_seconds();
    assert_int_equal(save_read(path, &d, &err), -1);
    assert_true(util_now_seconds() - t0 < 5.0);
    assert_starts_with(err.msg, path);
    assert_contains(err.msg, "too large");
    /* a huge valid-looking start does not change that */
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    const char *head = "{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"player\": \"";
    assert_int_equal(write(fd, head, strlen(head)), (ssize_t)strlen(head));
    close(fd);
    assert_int_equal(save_read(path, &d, &err), -1);
    assert_contains(err.msg, "too large");
    /* devices are not read at all */
    assert_int_equal(save_read("/dev/zero", &d, &err), -1);
    assert_contains(err.msg, "not a regular file");
    assert_int_equal(save_read("/dev/null", &d, &err), -1);
    assert_contains(err.msg, "not a regular file");
    /* a folder */
    assert_int_equal(save_read(dir, &d, &err), -1);
    assert_contains(err.msg, "directory");
    free(path);
    tmp_dir_remove(dir);
    free(dir);
}

static int read_fifo_child(const void *arg)
{
    SaveData d;
    Err err;
    int rc = save_read(arg, &d, &err);
    if (rc == 0) {
        save_data_free(&d);
        return 1; /* a FIFO is not a save */
    }
    /* the message names the file */
    return strstr(err.msg, (const char *)arg) ? 0 : 2;
}

static void test_fifo_is_not_read(void **state)
{
    (void)state;
    /* Opening a FIFO for reading waits for a writer that never comes: a save, autosave or
     * results path that is a FIFO must be refused as "not a regular file", not hang. */
    char *dir = tmp_dir_new();
    char *path = xasprintf("%s/pipe.json", dir);
    assert_int_equal(mkfifo(path, 0644), 0);
    int rc = in_child(read_fifo_child, path, 5, "save_read of a FIFO");
    free(path);
    tmp_dir_remove(dir);
    free(dir);
    assert_int_equal(rc, 0);
}

/* ---- damaged autosaves ---- */

static Session *try_open(bool resume, Err *err)
{
    SessionOptions o = {.seed = 5, .seed_given = true, .player = "Ada", .resume = resume};
    return session_open(must_load(MINIMAL_STORY), &o, err);
}

/* The names in the save folder of story t that start with prefix, joined by ','. */
static char *names_with(const char *data, const char *prefix, size_t *n)
{
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *all = list_dir(folder);
    Buf b = {0};
    *n = 0;
    for (char *name = strtok(all, ","); name; name = strtok(NULL, ","))
        if (strncmp(name, prefix, strlen(prefix)) == 0) {
            buf_printf(&b, "%s%s", *n ? "," : "", name);
            (*n)++;
        }
    free(all);
    free(folder);
    return buf_take(&b);
}

/* Put bytes in place as the autosave of t, try to continue it, and check that it was set
 * aside: the continue fails with a message that says so and names the kept file, the autosave
 * is gone, and exactly one more autosave-damaged-* file holds exactly those bytes. */
#define expect_set_aside(data, bytes, len, what)                                                   \
    expect_set_aside_at((data), (bytes), (len), (what), __FILE__, __LINE__)
static void expect_set_aside_at(const char *data, const char *bytes, size_t len, const char *what,
                                const char *file, int line)
{
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *autosave = xasprintf("%s/autosave.json", folder);
    write_bytes(folder, "autosave.json", bytes, len);
    size_t before;
    free(names_with(data, "autosave-damaged-", &before));
    Err err;
    err.msg[0] = '\0';
    Session *ss = try_open(true, &err);
    if (ss) {
        print_error("%s: a damaged autosave was continued\n", what);
        session_free(ss);
        _fail(file, line);
    }
    size_t after;
    char *kept = names_with(data, "autosave-damaged-", &after);
    if (after != before + 1 || access(autosave, F_OK) == 0) {
        print_error("%s: the damaged autosave was not set aside (%zu kept before, %zu after: %s; "
                    "autosave.json %s)\n  message: %s\n",
                    what, before, after, kept,
                    access(autosave, F_OK) == 0 ? "still there" : "gone", err.msg);
        free(kept);
        _fail(file, line);
    }
    /* the newest kept file is the one the message names; it holds the same bytes */
    char *newest = NULL;
    for (char *name = strtok(kept, ","); name; name = strtok(NULL, ","))
        if (strstr(err.msg, name)) {
            free(newest);
            newest = xasprintf("%s/%s", folder, name);
        }
    if (!newest) {
        print_error("%s: the message does not name the kept file: %s\n", what, err.msg);
        free(kept);
        _fail(file, line);
    }
    support_assert_contains(err.msg, "damaged", file, line);
    if (len < (1u << 20)) {
        size_t got_len;
        char *got = slurp(newest, &got_len);
        if (got_len != len || memcmp(got, bytes, len) != 0) {
            print_error("%s: the kept file does not hold the damaged autosave's bytes\n", what);
            _fail(file, line);
        }
        free(got);
    }
    free(newest);
    free(kept);
    free(autosave);
    free(folder);
}

static void test_damaged_autosave_kinds(void **state)
{
    const char *data = *state;
    const char *kinds[][2] = {
        {"", "empty"},
        {"not json at all", "not JSON"},
        {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"},
        {"[1, 2, 3]", "an array"},
        {"{}", "an empty object"},
        {"null", "null"},
        {"{\"format\": \"ladder-save\"}", "no version"},
        {"{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\"}",
         "no decisions"},
        {"{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"x\", "
         "\"decisions\": []}",
         "a bad seed"},
        {"{\"format\": \"ladder-save\", \"version\": 1, \"story\": \"t\", \"seed\": \"1\","
         " \"decisions\": [{\"scene\": 3}]}",
         "a bad decision"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        /* each in a folder of its own, so no two are set aside in the same second */
        char *sub = xasprintf("%s/%zu", data, i);
        setenv("XDG_DATA_HOME", sub, 1);
        size_t len = i == 2 ? 16 : strlen(kinds[i][0]);
        expect_set_aside(sub, kinds[i][0], len, kinds[i][1]);
        free(sub);
    }
    setenv("XDG_DATA_HOME", data, 1);
}

static void test_damaged_autosave_truncated_at_every_length(void **state)
{
    const char *data = *state;
    char *text = a_save();
    size_t complete = support_save_list_start(text); /* after it, a torn end is read */
    for (size_t k = 0; k < complete; k++) {
        char *sub = xasprintf("%s/%zu", data, k);
        setenv("XDG_DATA_HOME", sub, 1);
        char what[64];
        snprintf(what, sizeof what, "the first %zu of %zu bytes", k, complete);
        expect_set_aside(sub, text, k, what);
        tmp_dir_remove(sub);
        free(sub);
    }
    setenv("XDG_DATA_HOME", data, 1);
    free(text);
}

static void test_huge_autosave_set_aside(void **state)
{
    const char *data = *state;
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *autosave = xasprintf("%s/autosave.json", folder);
    write_text(folder, "autosave.json", "");
    make_sparse(autosave, HUGE_BYTES);
    Err err;
    double t0 = util_now_seconds();
    assert_null(try_open(true, &err));
    assert_true(util_now_seconds() - t0 < 5.0);
    assert_contains(err.msg, "damaged");
    size_t n;
    char *kept = names_with(data, "autosave-damaged-", &n);
    assert_int_equal(n, 1);
    char *path = xasprintf("%s/%s", folder, kept);
    assert_true(size_of(path) == (off_t)HUGE_BYTES); /* moved whole, not copied or cut */
    assert_int_equal(access(autosave, F_OK), -1);
    free(path);
    free(kept);
    free(autosave);
    free(folder);
}

static void test_damaged_autosaves_never_clobbered(void **state)
{
    const char *data = *state;
    /* Two damaged autosaves in a row (within the same second, as a player who tries Continue
     * twice): each is kept under a name of its own; neither replaces the other. */
    expect_set_aside(data, "first damaged autosave", 22, "the first damaged autosave");
    expect_set_aside(data, "second damaged autosave", 23, "the second damaged autosave");
    expect_set_aside(data, "", 0, "a third, empty");
    size_t n;
    free(names_with(data, "autosave-damaged-", &n));
    assert_int_equal(n, 3);
}

static void test_after_the_set_aside(void **state)
{
    const char *data = *state;
    expect_set_aside(data, "{\"format\": \"ladder-save\", ", 26, "a truncated autosave");
    size_t n;
    char *kept = names_with(data, "autosave-damaged-", &n);
    char *kept_path = xasprintf("%s/ladder/saves/t/%s", data, kept);
    /* continuing again: there is no autosave now, and the message says so */
    Err err;
    assert_null(try_open(true, &err));
    assert_contains(err.msg, "no autosave");
    /* a new game plays and autosaves; the kept file is left alone */
    Session *ss = try_open(false, &err);
    assert_non_null(ss);
    assert_int_equal(session_choose_id(ss, "work", 1.0, &err), 0);
    session_free(ss);
    size_t len;
    char *bytes = slurp(kept_path, &len);
    assert_int_equal(len, 26);
    assert_memory_equal(bytes, "{\"format\": \"ladder-save\", ", 26);
    free(bytes);
    /* and that game continues */
    ss = try_open(true, &err);
    assert_non_null(ss);
    assert_int_equal(game_decision_count(session_game(ss)), 1);
    session_free(ss);
    free(kept_path);
    free(kept);
}

static void test_newer_autosave_left_alone(void **state) {
    const char *data = *state;
    /* a newer Ladder's autosave is not damaged: it stays where it is, untouched */
    const char *newer = "{\"format\": \"ladder-save\", \"version\": 9, \"story\": \"t\", \"seed\": \"1\","
                        " \"decisions\": [], \"shiny\": true}\n";
    char *folder = xasprintf("%s/ladder/saves/t", data);
    char *autosave = xasprintf("%s/autosave.json", folder);
    write_text(folder, "autosave.json", newer);
    Err err;
    assert_null(try_open(true, &err));
    assert_contains(err.msg, "newer");
    size_t len, n;
    char *bytes = slurp(autosave, &len);
    assert_string_equal(bytes, newer);
    free(bytes);
    char *kept = names_with(data, "autosave-damaged-", &n);
    assert_int_equal(n, 0);
    free(kept);
    free(autosave);
    free(folder);
}

static void test_damaged_slot_left_in_place(void **state)
{
    const char *data = *state;
    /* a damaged save the player names (--load, a slot) gives a message and stays where it is:
     * only Ladder's own autosave is ever moved */
    char *folder = xasprintf("%s/ladder/saves/t", data);
    write_text(folder, "slot1.json", "{\"format\": \"ladder-save\", \"vers");
    char *slot = xasprintf("%s/slot1.json", folder);
    SessionOptions o = {.load = "slot1"};
    Err err;
    assert_null(session_open(must_load(MINIMAL_STORY), &o, &err));
    assert_contains(err.msg, "slot1.json");
    assert_contains(err.msg, "broken");
    assert_int_equal(access(slot, F_OK), 0);
    /* and from inside a game */
    Session *ss = try_open(false, &err);
    assert_non_null(ss);
    assert_int_equal(session_load(ss, "slot1", &err), -1);
    assert_contains(err.msg, "slot1.json");
    assert_int_equal(access(slot, F_OK), 0);
    session_free(ss);
    free(slot);
    free(folder);
}

static void test_save_list_skips_damaged(void **state)
{
    const char *data = *state;
    /* the list of saves (the terminal's `load`, the window's Load) shows the good saves and
     * skips the damaged ones without failing */
    Err err;
    Session *ss = try_open(false, &err);
    assert_non_null(ss);
    assert_int_equal(session_choose_id(ss, "work", 1.0, &err), 0);
    char *path = NULL;
    assert_int_equal(session_save(ss, "good", &path, &err), 0);
    free(path);
    char *folder = xasprintf("%s/ladder/saves/t", data);
    write_text(folder, "empty.json", "");
    write_text(folder, "garbage.json", "\x01\x02\x03 not a save");
    write_text(folder, "array.json", "[]");
    write_text(folder, "newer.json", "{\"format\": \"ladder-save\", \"version\": 3}");
    char *sub = xasprintf("%s/folder.json", folder);
    assert_int_equal(mkdir(sub, 0755), 0);
    free(sub);
    char *huge = xasprintf("%s/huge.json", folder);
    make_sparse(huge, HUGE_BYTES);
    free(huge);
    double t0 = util_now_seconds();
    size_t n;
    SaveInfo *list = session_list_saves(ss, &n);
    assert_true(util_now_seconds() - t0 < 5.0);
    assert_int_equal(n, 2); /* autosave and good */
    session_free_saves(list, n);
    session_free(ss);
    free(folder);
}

static int list_saves_child(const void *arg)
{
    (void)arg;
    Err err;
    SessionOptions o = {.seed = 5, .seed_given = true};
    Session *ss = session_open(must_load(MINIMAL_STORY), &o, &err);
    if (!ss)
        return 1;
    size_t n;
    SaveInfo *list = session_list_saves(ss, &n);
    session_free_saves(list, n);
    session_free(ss);
    return 0;
}

static void test_save_list_with_fifo(void **state)
{
    const char *data = *state;
    /* a FIFO among the saves must not hang the list (it would hang the load menu) */
    char *folder = xasprintf("%s/ladder/saves/t", data);
    write_text(folder, "x.json", "");
    char *fifo = xasprintf("%s/pipe.json", folder);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    int rc = in_child(list_saves_child, NULL, 5, "listing saves beside a FIFO");
    free(fifo);
    free(folder);
    assert_int_equal(rc, 0);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results_truncated_at_every_length),
        cmocka_unit_test(test_results_wrong_shape_and_newer),
        cmocka_unit_test(test_huge_files),
        cmocka_unit_test(test_fifo_is_not_read),
        cmocka_unit_test_setup_teardown(test_damaged_autosave_kinds, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_autosave_truncated_at_every_length,
                                        support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_huge_autosave_set_aside, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_autosaves_never_clobbered, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_after_the_set_aside, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_newer_autosave_left_alone, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_slot_left_in_place, support_data_home_setup,
                                        support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_save_list_skips_damaged, support_data_home_setup, support_data_home_teardown),
        cmocka_unit_test_setup_teardown(test_save_list_with_fifo, support_data_home_setup, support_data_home_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
