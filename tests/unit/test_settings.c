/* test_settings.c: the window's settings file ($XDG_CONFIG_HOME/ladder/settings.json) when it
 * is damaged: empty, truncated at every byte, not JSON, JSON of the wrong shape, fields of the
 * wrong type, from a newer Ladder, huge, a folder, a FIFO. Loading never crashes or hangs, keeps
 * the defaults for whatever it cannot use, and returns a message for the window to show when
 * the file as a whole cannot be used. (This test links the front ends' library, for
 * ui/sdl/settings.c; it opens no window.)
 *
 * Loads that could hang (a FIFO) run in a child process killed after a few seconds. */
#include "support.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ui/sdl/settings.h"
#include "lua/lua_host.h"

static char *config;   /* XDG_CONFIG_HOME */
static char *settings; /* its ladder/settings.json */

static int config_setup(void **state)
{
    (void)state;
    config = tmp_dir_new();
    setenv("XDG_CONFIG_HOME", config, 1);
    settings = xasprintf("%s/ladder/settings.json", config);
    return 0;
}

static int config_teardown(void **state)
{
    (void)state;
    tmp_dir_remove(config);
    free(config);
    free(settings);
    unsetenv("XDG_CONFIG_HOME");
    return 0;
}

static void put(const char *bytes, size_t len)
{
    unlink(settings);
    write_bytes(config, "ladder/settings.json", bytes, len);
}

static bool same_settings(const Settings *a, const Settings *b)
{
    return a->text_size == b->text_size && a->theme == b->theme &&
           a->fullscreen == b->fullscreen && a->show_numbers == b->show_numbers &&
           a->w == b->w && a->h == b->h && a->has_pos == b->has_pos &&
           (!a->has_pos || (a->x == b->x && a->y == b->y));
}

/* Load; the settings must be the defaults, and a message naming the file must come back. */
#define expect_damaged(what) expect_damaged_at((what), __FILE__, __LINE__)
static void expect_damaged_at(const char *what, const char *file, int line)
{
    Settings s, d;
    settings_default(&s);
    settings_default(&d);
    char *msg = settings_load(&s);
    if (!msg) {
        print_error("%s: no message for the window to show\n", what);
        _fail(file, line);
    }
    support_assert_contains(msg, settings, file, line);
    free(msg);
    if (!same_settings(&s, &d)) {
        print_error("%s: the settings are not the defaults\n", what);
        _fail(file, line);
    }
}

static Settings custom(void)
{
    Settings s;
    settings_default(&s);
    s.text_size = 31;
    s.theme = 2;
    s.fullscreen = true;
    s.show_numbers = false;
    s.w = 1500;
    s.h = 900;
    s.x = -20;
    s.y = 40;
    s.has_pos = true;
    return s;
}

static void test_round_trip_and_missing(void **state)
{
    (void)state;
    Settings s, d;
    settings_default(&d);
    settings_default(&s);
    assert_null(settings_load(&s)); /* no file yet: the defaults, nothing to say */
    assert_true(same_settings(&s, &d));
    Settings c = custom();
    Err err;
    assert_int_equal(settings_save(&c, &err), 0);
    settings_default(&s);
    assert_null(settings_load(&s));
    assert_true(same_settings(&s, &c));
}

static void test_truncated_at_every_length(void **state)
{
    (void)state;
    Settings c = custom();
    Err err;
    assert_int_equal(settings_save(&c, &err), 0);
    size_t len;
    char *text = util_read_file(settings, 1 << 20, &len, &err);
    assert_non_null(text);
    size_t complete = (size_t)(strrchr(text, '}') - text) + 1;
    for (size_t k = 0; k < complete; k++) {
        put(text, k);
        char what[64];
        snprintf(what, sizeof what, "the first %zu of %zu bytes", k, len);
        expect_damaged(what);
    }
    put(text, len);
    Settings s;
    settings_default(&s);
    assert_null(settings_load(&s));
    assert_true(same_settings(&s, &c));
    free(text);
}

static void test_not_json_and_wrong_shape(void **state)
{
    (void)state;
    const char *bad[] = {"", "   \n", "not json", "{\"text_size\": 20,}", "\xef\xbb\xbf\x00\x01",
                         "[]", "[{\"text_size\": 30}]", "null", "42", "\"settings\"", "true"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        put(bad[i], i == 4 ? 5 : strlen(bad[i]));
        expect_damaged(bad[i]);
    }
}

static void test_wrong_fields_keep_defaults(void **state)
{
    (void)state;
    /* an object whose fields are of the wrong type or out of range: each such field keeps its
     * default; the rest is used; nothing crashes */
    put("{\"text_size\": \"big\", \"theme\": 7, \"fullscreen\": \"yes\", \"show_numbers\": 0,"
        " \"window\": [1, 2]}",
        strlen(
            "{\"text_size\": \"big\", \"theme\": 7, \"fullscreen\": \"yes\", \"show_numbers\": 0,"
            " \"window\": [1, 2]}"));
    Settings s, d;
    settings_default(&s);
    settings_default(&d);
    free(settings_load(&s));
    assert_true(same_settings(&s, &d));
    const char *extreme = "{\"text_size\": 1e308, \"window\": {\"w\": -1e308, \"h\": 1e999,"
                          " \"x\": 99999999999, \"y\": 5}, \"theme\": null}";
    put(extreme, strlen(extreme));
    settings_default(&s);
    free(settings_load(&s));
    assert_true(same_settings(&s, &d));
    const char *partly = "{\"text_size\": 26, \"theme\": \"dark\", \"window\": {\"w\": 10, \"h\": 800}}";
    put(partly, strlen(partly));
    settings_default(&s);
    free(settings_load(&s));
    assert_int_equal(s.text_size, 26);
    assert_int_equal(s.theme, 1);
    assert_int_equal(s.w, d.w); /* 10 is too narrow */
    assert_int_equal(s.h, 800);
    assert_false(s.has_pos);
}

static void test_newer_version(void **state)
{
    (void)state;
    /* a newer Ladder's settings: what this one knows is used, the rest ignored */
    const char *newer =
        "{\"version\": 7, \"text_size\": 24, \"theme\": \"solarized\","
        " \"fullscreen\": false, \"voice\": {\"rate\": 1.5}, \"show_numbers\": false}";
    put(newer, strlen(newer));
    Settings s;
    settings_default(&s);
    free(settings_load(&s));
    assert_int_equal(s.text_size, 24);
    assert_int_equal(s.theme, 0);
    assert_false(s.show_numbers);
}

static void test_huge_file(void **state)
{
    (void)state;
    /* 100 MB: refused without reading it all, and the player is told, like any damaged file */
    put("{", 1);
    int fd = open(settings, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, 100 << 20), 0);
    close(fd);
    double t0 = util_now_seconds();
    expect_damaged("a settings file of 100 MB");
    assert_true(util_now_seconds() - t0 < 5.0);
}

static void test_folder(void **state)
{
    (void)state;
    /* settings.json is a folder: the defaults, and a message (it cannot be replaced either) */
    char *dir = xasprintf("%s/ladder", config);
    Err err;
    assert_int_equal(util_make_dirs(dir, &err), 0);
    unlink(settings);
    assert_int_equal(mkdir(settings, 0755), 0);
    expect_damaged("settings.json is a folder");
    rmdir(settings);
    free(dir);
}

static void test_fifo(void **state)
{
    (void)state;
    /* settings.json is a FIFO: loading must neither hang (the window would never open) nor
     * read it as settings */
    char *dir = xasprintf("%s/ladder", config);
    Err err;
    assert_int_equal(util_make_dirs(dir, &err), 0);
    unlink(settings);
    assert_int_equal(mkfifo(settings, 0644), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        alarm(5);
        Settings s;
        settings_default(&s);
        char *msg = settings_load(&s);
        _exit(msg && strstr(msg, settings) ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    unlink(settings);
    free(dir);
    if (WIFSIGNALED(status)) {
        print_error("loading a settings.json that is a FIFO %s\n",
                    WTERMSIG(status) == SIGALRM ? "hangs" : "crashes");
        fail();
    }
    if (WEXITSTATUS(status) != 0) {
        print_error("no message naming the settings file for a FIFO\n");
        fail();
    }
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip_and_missing, config_setup, config_teardown),
        cmocka_unit_test_setup_teardown(test_truncated_at_every_length, config_setup,
                                        config_teardown),
        cmocka_unit_test_setup_teardown(test_not_json_and_wrong_shape, config_setup,
                                        config_teardown),
        cmocka_unit_test_setup_teardown(test_wrong_fields_keep_defaults, config_setup,
                                        config_teardown),
        cmocka_unit_test_setup_teardown(test_newer_version, config_setup, config_teardown),
        cmocka_unit_test_setup_teardown(test_huge_file, config_setup, config_teardown),
        cmocka_unit_test_setup_teardown(test_folder, config_setup, config_teardown),
        cmocka_unit_test_setup_teardown(test_fifo, config_setup, config_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
