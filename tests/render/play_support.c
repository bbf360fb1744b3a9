/* play_support.c: the window play tests' harness (play_support.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "lua/lua_host.h"
#include "play_support.h"

char play_tmpdir[64];
UiConfig play_cfg; /* the window keeps the pointer until its next call */

/* The next window's size and text size (a new window: ui_sdl.shutdown first). */
void play_set_window(int w, int h, int text_size, const char *extra)
{
    ui_sdl.shutdown();
    char path[256];
    snprintf(path, sizeof path, "%s/config/ladder", play_tmpdir);
    Err err;
    assert_int_equal(util_make_dirs(path, &err), 0);
    snprintf(path, sizeof path, "%s/config/ladder/settings.json", play_tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\"text_size\": %d, %s\"window\": {\"w\": %d, \"h\": %d}}\n", text_size,
            extra ? extra : "", w, h);
    fclose(f);
}

void play_push_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k & ~CTRL_KEY;
    e.key.keysym.mod = (k & CTRL_KEY) ? KMOD_LCTRL : KMOD_NONE;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

void play_script_frame(int frame, void *ud)
{
    Script *sc = ud;
    if (sc->check)
        sc->check(frame, sc->ud);
    if ((size_t)frame <= sc->n && sc->keys[frame - 1])
        play_push_key(sc->keys[frame - 1]);
}

/* Play s in the window through the key script, two frames past its last key. */
int play_script(Session *s, Script *sc)
{
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = (int)sc->n + 2;
    ui_sdl_on_frame(play_script_frame, sc);
    int rc = ui_sdl.play(s, &play_cfg);
    ui_sdl_on_frame(NULL, NULL);
    return rc;
}

/* A session on a bundled story (autosaving into the test's data folder unless told not to). */
Session *play_open_story(const char *id, bool autosave)
{
    char *path = xasprintf("%s/%s", LADDER_SCENARIOS_DIR, id);
    Err err;
    Story *st = story_load(path, &err);
    if (!st)
        fail_msg("%s: %s", path, err.msg);
    free(path);
    SessionOptions so = {.seed = 7, .seed_given = true, .player = "Morgan",
                         .no_autosave = !autosave};
    Session *s = session_open(st, &so, &err);
    if (!s)
        fail_msg("%s: %s", id, err.msg);
    return s;
}

Session *play_demo_at_ending(bool autosave)
{
    Session *s = play_open_story("demo", autosave);
    static const char *const road[] = {"call_team", "let_priya_lead", "promise_0200",
                                       "spot_check", "business_plan"};
    Err err;
    for (size_t i = 0; i < sizeof road / sizeof *road; i++)
        if (session_choose_id(s, road[i], 1.0, &err) != 0)
            fail_msg("demo, choosing %s: %s", road[i], err.msg);
    return s;
}

Session *play_open_source(const char *name, const char *source, uint64_t seed)
{
    Err err;
    char *dir = xasprintf("%s/%s", play_tmpdir, name);
    char *file = xasprintf("%s/story.lua", dir);
    if (util_make_dirs(dir, &err) != 0 ||
        write_file_atomic(file, source, strlen(source), &err) != 0)
        fail_msg("%s: %s", file, err.msg);
    free(file);
    Story *st = story_load(dir, &err);
    if (!st)
        fail_msg("%s: %s", dir, err.msg);
    free(dir);
    SessionOptions so = {.seed = seed, .seed_given = true, .no_autosave = true};
    Session *s = session_open(st, &so, &err);
    if (!s)
        fail_msg("%s: %s", name, err.msg);
    return s;
}

size_t play_decisions(const Session *s)
{
    return game_decision_count(session_game(s));
}

void play_push_mouse(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.x = x;
        e.button.y = y;
    }
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* A click: the left button down and up at x, y. */
void play_click(int x, int y)
{
    play_push_mouse(SDL_MOUSEBUTTONDOWN, x, y);
    play_push_mouse(SDL_MOUSEBUTTONUP, x, y);
}

/* The top of the last block of text that starts at the column's left edge (the scene's last
 * paragraph), or -1. */
int play_last_column_text(const UiSdlFrame *f)
{
    int y = -1;
    for (int i = 0; i < f->n_texts; i++) {
        int r[4];
        ui_sdl_frame_text(f, i, r);
        if (r[0] == f->column_x)
            y = r[1];
    }
    return y;
}

int play_main(const struct CMUnitTest *tests, size_t n, const char *name)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    snprintf(play_tmpdir, sizeof play_tmpdir, "/tmp/ladder-%s-XXXXXX", name);
    if (!mkdtemp(play_tmpdir))
        return 1;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/config", play_tmpdir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_DATA_HOME", play_tmpdir, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    int rc = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
    ui_sdl.shutdown();
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf %s", play_tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", play_tmpdir);
    return rc;
}
