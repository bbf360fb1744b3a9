/* test_play_render.c: the window as a player meets it, drawn with SDL's dummy video driver and
 * the software renderer, keys pressed between frames (sdl_test.h). Each test is one defect of
 * issue 16 that a player hit: the focus of a closed overlay must not take a choice (Esc, Down,
 * Down, Esc, Space); Continue resumes the game loaded last; saving asks before overwriting a
 * slot; the title asks before quitting; hide-numbers mode and the stat bars read without
 * colour; every theme's secondary text meets WCAG AA. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/game.h"
#include "core/session.h"
#include "lua/lua_host.h"
#include "ui/sdl/draw.h"
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"

static char tmpdir[64];
static UiConfig cfg; /* the window keeps the pointer until its next call */

/* The next window's size and text size (a new window: ui_sdl.shutdown first). */
static void set_window(int w, int h, int text_size, const char *extra)
{
    ui_sdl.shutdown();
    char path[256];
    snprintf(path, sizeof path, "%s/config/ladder", tmpdir);
    Err err;
    assert_int_equal(util_make_dirs(path, &err), 0);
    snprintf(path, sizeof path, "%s/config/ladder/settings.json", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\"text_size\": %d, %s\"window\": {\"w\": %d, \"h\": %d}}\n", text_size,
            extra ? extra : "", w, h);
    fclose(f);
}

static void push_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

/* A key script: keys[i] is pressed after frame i + 1 (0: none that frame); check, when given,
 * runs on every frame. */
typedef struct Script {
    const SDL_Keycode *keys;
    size_t n;
    void (*check)(int frame, void *ud);
    void *ud;
} Script;

static void script_frame(int frame, void *ud)
{
    Script *sc = ud;
    if (sc->check)
        sc->check(frame, sc->ud);
    if ((size_t)frame <= sc->n && sc->keys[frame - 1])
        push_key(sc->keys[frame - 1]);
}

/* Play s in the window through the key script, two frames past its last key. */
static int play_script(Session *s, Script *sc)
{
    memset(&cfg, 0, sizeof cfg);
    cfg.window.frames = (int)sc->n + 2;
    ui_sdl_on_frame(script_frame, sc);
    int rc = ui_sdl.play(s, &cfg);
    ui_sdl_on_frame(NULL, NULL);
    return rc;
}

/* A session on a bundled story (autosaving into the test's data folder unless told not to). */
static Session *open_story(const char *id, bool autosave)
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

static size_t decisions(const Session *s)
{
    return game_decision_count(session_game(s));
}

/* ---- defect 3: the focus of a closed overlay does not take a choice ---- */

static void focus_after(const SDL_Keycode *keys, size_t n)
{
    set_window(1280, 800, 20, NULL);
    Session *s = open_story("demo", false);
    Script sc = {keys, n, NULL, NULL};
    play_script(s, &sc);
    if (decisions(s) != 0)
        fail_msg("a choice was taken though the player never moved the focus in the story");
    session_free(s);
}

static void focus_menu_closed(void **state)
{
    (void)state;
    /* the review's steps: Esc, Down, Down, Esc, Space */
    static const SDL_Keycode k1[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_ESCAPE, SDLK_SPACE};
    focus_after(k1, sizeof k1 / sizeof *k1);
    /* the menu, Settings, the theme, Esc, Esc, Return */
    static const SDL_Keycode k2[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN,
                                     SDLK_RETURN, SDLK_DOWN, SDLK_DOWN, SDLK_RETURN,
                                     SDLK_ESCAPE, SDLK_ESCAPE, SDLK_RETURN};
    focus_after(k2, sizeof k2 / sizeof *k2);
    /* Take back from the menu at the first decision (nothing to take back), then Space */
    static const SDL_Keycode k3[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN,
                                     SDLK_RETURN, SDLK_SPACE};
    focus_after(k3, sizeof k3 / sizeof *k3);
}

/* On the title: Settings, Esc, then Return must not start a story. */
static void focus_title_closed(void **state)
{
    (void)state;
    set_window(1280, 800, 20, NULL);
    Catalog *c = catalog_scan(LADDER_SCENARIOS_DIR);
    static const SDL_Keycode keys[] = {SDLK_TAB,  SDLK_TAB,  SDLK_RETURN, SDLK_DOWN, SDLK_DOWN,
                                       SDLK_DOWN, SDLK_DOWN, SDLK_ESCAPE, SDLK_RETURN};
    Script sc = {keys, sizeof keys / sizeof *keys, NULL, NULL};
    memset(&cfg, 0, sizeof cfg);
    cfg.window.frames = (int)sc.n + 2;
    ui_sdl_on_frame(script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &cfg, &pick);
    ui_sdl_on_frame(NULL, NULL);
    if (pick.story_path)
        fail_msg("Return after closing Settings started %s", pick.story_path);
    free(pick.story_path);
    free(pick.load);
    catalog_free(c);
}

/* ---- defect 7: Continue resumes the game played last, whichever file it came from ---- */

/* The title's Continue (the first button) taken with Tab, Return: what it picks. */
static MenuPick title_continue(void)
{
    ui_sdl.shutdown(); /* a new window, reading the settings file as a relaunch does */
    Catalog *c = catalog_scan(LADDER_SCENARIOS_DIR);
    static const SDL_Keycode keys[] = {SDLK_TAB, SDLK_RETURN};
    Script sc = {keys, 2, NULL, NULL};
    memset(&cfg, 0, sizeof cfg);
    cfg.window.frames = 4;
    ui_sdl_on_frame(script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &cfg, &pick);
    ui_sdl_on_frame(NULL, NULL);
    catalog_free(c);
    assert_non_null(pick.story_path);
    assert_non_null(strstr(pick.story_path, "demo"));
    return pick;
}

static void continue_after_load(void **state)
{
    (void)state;
    Err err;
    /* slot1 at decision 1; the autosave at decision 3 */
    Session *s = open_story("demo", true);
    assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    assert_int_equal(session_save(s, "slot1", NULL, &err), 0);
    assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    size_t n;
    SaveInfo *v = session_list_saves(s, &n);
    int at = -1; /* slot1's place in the load list (the window lists session_list_saves) */
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].name, "slot1") == 0)
            at = (int)i;
    session_free_saves(v, n);
    assert_true(at >= 0 && at < 9);
    /* in the window: Esc, Load a game, slot1; then quit without deciding */
    set_window(1280, 800, 20, NULL);
    SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_RETURN, SDLK_1 + at};
    Script sc = {keys, sizeof keys / sizeof *keys, NULL, NULL};
    assert_int_equal(play_script(s, &sc), 0);
    assert_int_equal(decisions(s), 1);
    session_free(s);

    MenuPick pick = title_continue();
    if (!pick.load || !strstr(pick.load, "slot1"))
        fail_msg("Continue resumes %s, not the game loaded last (slot1)",
                 pick.load ? pick.load : "the autosave");
    assert_false(pick.resume);
    /* that game goes on: one decision, and Continue is its autosave again */
    SessionOptions so = {.seed = 7, .seed_given = true, .player = "Morgan", .load = pick.load};
    Story *st = story_load(pick.story_path, &err);
    assert_non_null(st);
    s = session_open(st, &so, &err);
    assert_non_null(s);
    assert_int_equal(decisions(s), 1);
    free(pick.story_path);
    free(pick.load);
    ui_sdl.shutdown(); /* a new window (frames count from its opening) on the same settings */
    SDL_Keycode one[] = {SDLK_1};
    Script sc2 = {one, 1, NULL, NULL};
    assert_int_equal(play_script(s, &sc2), 0);
    assert_int_equal(decisions(s), 2);
    session_free(s);
    pick = title_continue();
    assert_null(pick.load);
    assert_true(pick.resume);
    free(pick.story_path);
}

/* ---- defect 9: saving starts on an empty slot and asks before overwriting; quitting asks ---- */

static size_t slot_decisions(const Session *s, const char *name)
{
    size_t n, d = (size_t)-1;
    SaveInfo *v = session_list_saves(s, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].name, name) == 0)
            d = v[i].decisions;
    session_free_saves(v, n);
    return d;
}

typedef struct SaveRun {
    Session *s;
    int focus_at_open; /* the focus when the slot list opened */
    size_t kept;       /* slot1's decisions after Cancel */
} SaveRun;

static void save_check(int frame, void *ud)
{
    SaveRun *r = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 4)
        r->focus_at_open = f.focus;
    if (frame == 7)
        r->kept = slot_decisions(r->s, "slot1");
}

static void save_asks(void **state)
{
    (void)state;
    Err err;
    Session *s = open_story("demo", true);
    assert_int_equal(session_save(s, "slot1", NULL, &err), 0); /* at decision 0 */
    assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    set_window(1280, 800, 20, NULL);
    SaveRun r = {s, -9, 99};
    /* Esc, Save the game: the focus on slot 2 (the first empty one); Up to slot 1, Return:
     * asked, with Cancel focused; Return (Cancel): slot1 unchanged; Return, Up (Overwrite it),
     * Return: saved */
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_RETURN, SDLK_UP,
                                       SDLK_RETURN, SDLK_RETURN, SDLK_RETURN, SDLK_UP,
                                       SDLK_RETURN};
    Script sc = {keys, sizeof keys / sizeof *keys, save_check, &r};
    assert_int_equal(play_script(s, &sc), 0);
    if (r.focus_at_open != 1)
        fail_msg("the save list opened with the focus on item %d, not the first empty slot (1)",
                 r.focus_at_open);
    if (r.kept != 0)
        fail_msg("slot 1 was overwritten without asking (it holds %zu decisions)", r.kept);
    assert_int_equal(slot_decisions(s, "slot1"), 1); /* overwritten once confirmed */
    session_free(s);
}

typedef struct Frames {
    int last;
} Frames;

static void count_frame(int frame, void *ud)
{
    ((Frames *)ud)->last = frame;
}

/* The title: Esc asks; Return (Cancel) keeps the window; Esc, Up (Quit), Return quits. */
static void title_quit_asks(void **state)
{
    (void)state;
    Catalog *c = catalog_scan(LADDER_SCENARIOS_DIR);
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_RETURN, SDLK_ESCAPE, SDLK_UP,
                                       SDLK_RETURN, 0, 0};
    Frames fr = {0};
    Script sc = {keys, sizeof keys / sizeof *keys, count_frame, &fr};
    set_window(1280, 800, 20, NULL);
    memset(&cfg, 0, sizeof cfg);
    cfg.window.frames = 20;
    ui_sdl_on_frame(script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &cfg, &pick);
    ui_sdl_on_frame(NULL, NULL);
    if (fr.last != 5)
        fail_msg("the title closed after frame %d (Esc should ask; Quit after frame 5)",
                 fr.last);
    assert_null(pick.story_path);
    catalog_free(c);
    /* in a game: Esc, Up (Quit Ladder), Return asks; Return (Cancel) plays on */
    set_window(1280, 800, 20, NULL);
    Session *s = open_story("demo", false);
    static const SDL_Keycode k2[] = {SDLK_ESCAPE, SDLK_UP, SDLK_RETURN, SDLK_RETURN, 0, 0};
    Frames f2 = {0};
    Script sc2 = {k2, sizeof k2 / sizeof *k2, count_frame, &f2};
    play_script(s, &sc2);
    if (f2.last != 8)
        fail_msg("the game closed after frame %d without asking", f2.last);
    session_free(s);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ladder-play-render-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/config", tmpdir);
    setenv("XDG_CONFIG_HOME", dir, 1);
    setenv("XDG_DATA_HOME", tmpdir, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(focus_menu_closed),
        cmocka_unit_test(focus_title_closed),
        cmocka_unit_test(continue_after_load),
        cmocka_unit_test(save_asks),
        cmocka_unit_test(title_quit_asks),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ui_sdl.shutdown();
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf %s", tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
