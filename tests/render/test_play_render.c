/* test_play_render.c: the window as a player drives it, drawn with SDL's dummy video driver and
 * the software renderer, keys and clicks pushed between frames (play_support.h). Issue 16:
 * the focus of a closed overlay takes no choice (Esc, Down, Down, Esc, Space); Continue
 * resumes the game loaded last; saving starts on an empty slot and asks before overwriting;
 * quitting asks; the Menu button opens the menu, Tab reaches the choices first, a press and a
 * release on different places take nothing; every overlay fits at 480x360, 800x600 (text size
 * 40) and 1920x1080 with its focus in view; F1 shows the keys and Ctrl+C copies the scene; S
 * shows the stats explained and E (or the menu) the endings gallery, titles of endings not
 * found kept back. */
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
#include <time.h>

#include "core/catalog.h"
#include "core/game.h"
#include "core/session.h"
#include "play_support.h"
#include "ui/sdl/app.h" /* app_change_arrows, app_save_words */
#include "ui/sdl/draw.h"

/* ---- defect 3: the focus of a closed overlay does not take a choice ---- */

/* The keys after `before` decisions taken with choice 1; then `after` decisions must remain. */
static void focus_after_n(const SDL_Keycode *keys, size_t n, size_t before, size_t after)
{
    play_set_window(1280, 800, 20, NULL);
    Session *s = play_open_story("demo", false);
    Err err;
    for (size_t i = 0; i < before; i++)
        assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    Script sc = {keys, n, NULL, NULL};
    play_script(s, &sc);
    if (play_decisions(s) != after)
        fail_msg("%zu decisions, not %zu: a choice was taken though the player never moved the "
                 "focus in the story", play_decisions(s), after);
    session_free(s);
}

static void focus_after(const SDL_Keycode *keys, size_t n)
{
    focus_after_n(keys, n, 0, 0);
}

static void focus_menu_closed(void **state)
{
    (void)state;
    /* the review's steps: Esc, Down, Down, Esc, Space */
    static const SDL_Keycode k1[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_ESCAPE, SDLK_SPACE};
    focus_after(k1, sizeof k1 / sizeof *k1);
    /* the menu, Settings, the theme, Esc, Esc, Return */
    /* (at the first decision "Take back" has nothing to take back: Down passes it by) */
    static const SDL_Keycode k2[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN,
                                     SDLK_RETURN, SDLK_DOWN, SDLK_DOWN, SDLK_RETURN,
                                     SDLK_ESCAPE, SDLK_ESCAPE, SDLK_RETURN};
    focus_after(k2, sizeof k2 / sizeof *k2);
    /* after a decision: Take back from the menu, then Space */
    static const SDL_Keycode k3[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN,
                                     SDLK_RETURN, SDLK_SPACE};
    focus_after_n(k3, sizeof k3 / sizeof *k3, 1, 0);
}

/* On the title: Settings, Esc, then Return must not start a story. */
static void focus_title_closed(void **state)
{
    (void)state;
    play_set_window(1280, 800, 20, NULL);
    Catalog *c = catalog_scan(LADDER_SCENARIOS_DIR);
    static const SDL_Keycode keys[] = {SDLK_TAB,  SDLK_TAB,  SDLK_RETURN, SDLK_DOWN, SDLK_DOWN,
                                       SDLK_DOWN, SDLK_DOWN, SDLK_ESCAPE, SDLK_RETURN};
    Script sc = {keys, sizeof keys / sizeof *keys, NULL, NULL};
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = (int)sc.n + 2;
    ui_sdl_on_frame(play_script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &play_cfg, &pick);
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
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = 4;
    ui_sdl_on_frame(play_script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &play_cfg, &pick);
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
    Session *s = play_open_story("demo", true);
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
    play_set_window(1280, 800, 20, NULL);
    SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_RETURN, SDLK_1 + at};
    Script sc = {keys, sizeof keys / sizeof *keys, NULL, NULL};
    assert_int_equal(play_script(s, &sc), 0);
    assert_int_equal(play_decisions(s), 1);
    session_free(s);

    /* the title's Continue resumes the autosave, which the load wrote (session_load): slot1's
     * game, not the three decisions played before the load */
    MenuPick pick = title_continue();
    assert_null(pick.load);
    assert_true(pick.resume);
    SessionOptions so = {.seed = 7, .seed_given = true, .player = "Morgan", .resume = true};
    Story *st = story_load(pick.story_path, &err);
    assert_non_null(st);
    s = session_open(st, &so, &err);
    assert_non_null(s);
    if (play_decisions(s) != 1)
        fail_msg("Continue resumes a game of %zu decisions, not slot1's (1), the one loaded "
                 "last", play_decisions(s));
    free(pick.story_path);
    ui_sdl.shutdown(); /* a new window (frames count from its opening) on the same settings */
    SDL_Keycode one[] = {SDLK_1};
    Script sc2 = {one, 1, NULL, NULL};
    assert_int_equal(play_script(s, &sc2), 0);
    assert_int_equal(play_decisions(s), 2);
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
    size_t kept;       /* slot1's play_decisions after Cancel */
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
    Session *s = play_open_story("demo", true);
    assert_int_equal(session_save(s, "slot1", NULL, &err), 0); /* at decision 0 */
    assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    play_set_window(1280, 800, 20, NULL);
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
        fail_msg("slot 1 was overwritten without asking (it holds %zu play_decisions)", r.kept);
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
    play_set_window(1280, 800, 20, NULL);
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = 20;
    ui_sdl_on_frame(play_script_frame, &sc);
    MenuPick pick = {0};
    ui_sdl.menu(c, &play_cfg, &pick);
    ui_sdl_on_frame(NULL, NULL);
    if (fr.last != 5)
        fail_msg("the title closed after frame %d (Esc should ask; Quit after frame 5)",
                 fr.last);
    assert_null(pick.story_path);
    catalog_free(c);
    /* in a game: Esc, Up (Quit Ladder), Return asks; Return (Cancel) plays on */
    play_set_window(1280, 800, 20, NULL);
    Session *s = play_open_story("demo", false);
    static const SDL_Keycode k2[] = {SDLK_ESCAPE, SDLK_UP, SDLK_RETURN, SDLK_RETURN, 0, 0};
    Frames f2 = {0};
    Script sc2 = {k2, sizeof k2 / sizeof *k2, count_frame, &f2};
    play_script(s, &sc2);
    if (f2.last != 8)
        fail_msg("the game closed after frame %d without asking", f2.last);
    session_free(s);
}

/* ---- defects 1 and 6: a Menu button; a long title and many stats fit ---- */

typedef struct Bar {
    int menu[4];      /* the top bar's button in frame 1 */
    int list_h;       /* frame 2: the open overlay's list */
    int text_over;    /* top bar text reaching into the button (px), frame 1 */
    int panel[4];     /* the side panel's scrolling stats, frame 1 */
} Bar;

static void bar_frame(int frame, void *ud)
{
    Bar *b = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 1) {
        memcpy(b->panel, f.panel, sizeof f.panel);
        for (int i = 0; i < f.n_buttons; i++) {
            int r[4];
            ui_sdl_frame_button(&f, i, r);
            if (r[1] + r[3] <= 52 && r[0] > f.w / 2)
                memcpy(b->menu, r, sizeof r);
        }
        for (int i = 0; i < f.n_texts && b->menu[2] > 0; i++) {
            int r[4];
            ui_sdl_frame_text(&f, i, r);
            if (r[1] < 52 && r[0] < b->menu[0] && r[0] + r[2] > b->menu[0] - 4)
                b->text_over = r[0] + r[2] - b->menu[0];
        }
        if (b->menu[2] > 0)
            play_click(b->menu[0] + b->menu[2] / 2, b->menu[1] + b->menu[3] / 2);
    }
    if (frame == 2)
        b->list_h = f.list_h;
}

/* Tab goes to the first choice before the Menu button: Tab, Return takes choice 1. */
static void tab_order(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(1280, 800, 20, NULL);
    static const SDL_Keycode keys[] = {SDLK_TAB, SDLK_RETURN};
    Script sc = {keys, 2, NULL, NULL};
    play_script(s, &sc);
    if (play_decisions(s) != 1)
        fail_msg("Tab, Return took no choice (the focus went elsewhere first)");
    session_free(s);
}

/* A story with a long title and chapter and twelve stats, written into the test's folder. */
static char *stress_story(void)
{
    char *dir = xasprintf("%s/stress", play_tmpdir);
    Err err;
    assert_int_equal(util_make_dirs(dir, &err), 0);
    char *file = xasprintf("%s/story.lua", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("story {\n id = \"stress\", title = \"The Extraordinarily Long and Winding Title of "
          "the Quarterly Infrastructure Programme Review\", summary = \"A stress test.\",\n"
          " stats = {\n", f);
    for (int i = 1; i <= 12; i++)
        fprintf(f, "  { id = \"s%d\", start = 50, label = \"%s %d\" },\n", i,
                i == 12 ? "A stat with a label of forty-eight characters, or" : "Stat", i);
    fputs(" },\n start = \"a\",\n}\n"
          "scene \"a\" { chapter = \"A chapter name that is rather long too\", text = \"It "
          "begins.\",\n choice { \"Go on\", id = \"go\", effects = { s1 = 5 }, go = \"e\" } }\n"
          "ending \"e\" { title = \"Done\", verdict = \"good\", text = \"Done.\" }\n",
          f);
    fclose(f);
    free(file);
    return dir;
}

static void menu_button_and_fit(void **state)
{
    (void)state;
    /* the Menu button opens the menu with the mouse */
    Session *s = play_open_story("demo", false);
    play_set_window(1280, 800, 20, NULL);
    Bar b;
    memset(&b, 0, sizeof b);
    Script sc = {NULL, 0, bar_frame, &b};
    play_script(s, &sc);
    if (b.menu[2] <= 0)
        fail_msg("no button in the top bar: a mouse-only player cannot open the menu");
    if (b.list_h <= 0)
        fail_msg("clicking the top bar's button did not open the menu");
    session_free(s);
    /* a long title at 800x600 stops before the Menu button; 12 stats at 1280x640 scroll */
    char *dir = stress_story();
    Err err;
    Story *st = story_load(dir, &err);
    if (!st)
        fail_msg("%s", err.msg);
    free(dir);
    SessionOptions so = {.seed = 1, .seed_given = true, .no_autosave = true};
    s = session_open(st, &so, &err);
    assert_non_null(s);
    play_set_window(800, 600, 20, NULL);
    memset(&b, 0, sizeof b);
    play_script(s, &sc);
    if (b.text_over > 0)
        fail_msg("the title runs %d px into the Menu button at 800x600", b.text_over);
    play_set_window(1280, 640, 20, NULL);
    memset(&b, 0, sizeof b);
    play_script(s, &sc);
    if (b.panel[2] <= 0 || b.panel[1] + b.panel[3] > 640)
        fail_msg("twelve stats at 1280x640: the panel does not scroll (%d,%d %dx%d)", b.panel[0],
                 b.panel[1], b.panel[2], b.panel[3]);
    /* at 480x360 the stats along the top keep to a third of the height and scroll */
    play_set_window(480, 360, 20, NULL);
    memset(&b, 0, sizeof b);
    play_script(s, &sc);
    if (b.panel[2] <= 0 || b.panel[3] > 360 * 35 / 100)
        fail_msg("twelve stats at 480x360 take %d px of 360 and do not scroll", b.panel[3]);
    session_free(s);
}

/* ---- every overlay at 480x360, 800x600 with text size 40, and 1920x1080 ---- */

typedef struct Fit {
    const char *what;
    int size[3]; /* w, h, text size */
    int frames;  /* frames drawn */
    int overlays; /* of them, with the overlay open */
} Fit;

/* In every frame: each button that shows lies inside the window, and the focused one shows. */
static void fit_frame(int frame, void *ud)
{
    Fit *fi = ud;
    (void)frame;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    fi->frames++;
    if (!f.overlay)
        return; /* the story under it scrolls: its buttons may cross the pane's edge */
    fi->overlays++;
    for (int i = 0; i < f.n_buttons; i++) {
        int r[4];
        ui_sdl_frame_button(&f, i, r);
        if (r[2] <= 0 || r[3] <= 0)
            continue; /* scrolled out of a list's view: not drawn, takes no play_click */
        if (r[0] < 0 || r[1] < 0 || r[0] + r[2] > f.w || r[1] + r[3] > f.h)
            fail_msg("%s at %dx%d, size %d: button %d at %d,%d %dx%d leaves the window",
                     fi->what, fi->size[0], fi->size[1], fi->size[2], i, r[0], r[1], r[2], r[3]);
    }
    if (f.focus >= 0 && f.focus < f.n_buttons) {
        int r[4];
        ui_sdl_frame_button(&f, f.focus, r);
        if (r[3] <= 0 || r[1] < 0 || r[1] + r[3] > f.h)
            fail_msg("%s at %dx%d, size %d: the focused button %d (%d,%d %dx%d) is not in view",
                     fi->what, fi->size[0], fi->size[1], fi->size[2], f.focus, r[0], r[1], r[2],
                     r[3]);
    }
}

static void overlays_fit(void **state)
{
    (void)state;
    static const int sizes[3][3] = {{480, 360, 20}, {800, 600, 40}, {1920, 1080, 20}};
#define DOWNS SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN
    static const SDL_Keycode menu[] = {SDLK_ESCAPE, DOWNS, SDLK_UP};
    static const SDL_Keycode settings[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_DOWN,
                                           SDLK_RETURN, DOWNS};
    static const SDL_Keycode save[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_RETURN, DOWNS};
    static const SDL_Keycode load[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_DOWN, SDLK_RETURN, DOWNS};
    static const SDL_Keycode quit[] = {SDLK_ESCAPE, SDLK_UP, SDLK_RETURN, SDLK_DOWN, SDLK_DOWN};
    static const SDL_Keycode stats[] = {SDLK_s, SDLK_PAGEDOWN, SDLK_PAGEDOWN, SDLK_PAGEDOWN,
                                        SDLK_TAB};
    static const SDL_Keycode endings[] = {SDLK_e, SDLK_PAGEDOWN, SDLK_PAGEDOWN, SDLK_TAB};
    const struct {
        const char *what;
        const SDL_Keycode *keys;
        size_t n;
    } runs[] = {{"the menu", menu, sizeof menu / sizeof *menu},
                {"the settings", settings, sizeof settings / sizeof *settings},
                {"the save slots", save, sizeof save / sizeof *save},
                {"the load list", load, sizeof load / sizeof *load},
                {"the question before quitting", quit, sizeof quit / sizeof *quit},
                {"the stats explained", stats, sizeof stats / sizeof *stats},
                {"the endings", endings, sizeof endings / sizeof *endings}};
    Err err;
    Session *s = play_open_story("demo", true);
    for (int k = 0; k < 6; k++) { /* saves enough for the load list to scroll */
        char name[16];
        snprintf(name, sizeof name, "slot%d", k + 1);
        assert_int_equal(session_save(s, name, NULL, &err), 0);
    }
    for (int z = 0; z < 3; z++)
        for (size_t r = 0; r < sizeof runs / sizeof *runs; r++) {
            play_set_window(sizes[z][0], sizes[z][1], sizes[z][2], NULL);
            Fit fi = {runs[r].what, {sizes[z][0], sizes[z][1], sizes[z][2]}, 0, 0};
            Script sc = {runs[r].keys, runs[r].n, fit_frame, &fi};
            play_script(s, &sc);
            assert_int_equal(fi.frames, (int)runs[r].n + 2);
            assert_true(fi.overlays >= (int)runs[r].n - 2);
        }
    session_free(s);
}

/* ---- the stats explained (S) and the endings gallery (E, the menu) ---- */

typedef struct Explain {
    char *text[8];   /* each frame's overlay_text (frames 1..7), or NULL */
    int moved;       /* frame 5 (after Page Down): a text block of frame 4 moved up */
    int prev[64][4]; /* frame 4's text blocks */
    int n_prev;
    int menu_endings; /* the menu's Endings item clicked: the endings opened */
} Explain;

static void explain_frame(int frame, void *ud)
{
    Explain *x = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame >= 1 && frame < 8 && f.overlay_text)
        x->text[frame] = strdup(f.overlay_text);
    if (frame == 4) {
        x->n_prev = f.n_texts < 64 ? f.n_texts : 64;
        for (int i = 0; i < x->n_prev; i++)
            ui_sdl_frame_text(&f, i, x->prev[i]);
    }
    if (frame == 5)
        for (int i = 0; i < f.n_texts; i++) {
            int r[4];
            ui_sdl_frame_text(&f, i, r);
            for (int k = 0; k < x->n_prev; k++)
                if (r[0] == x->prev[k][0] && r[2] == x->prev[k][2] && r[3] == x->prev[k][3] &&
                    r[1] < x->prev[k][1])
                    x->moved = 1;
        }
}

/* After the good ending of the demo (autosaved: the gallery keeps it), at 800x600 with text
 * size 40: E shows the gallery, the ending found by title and verdict, the other two as "Not
 * found yet" with their titles kept back; S shows every stat (the hidden one too, at an
 * ending) with which way is good and the story's description, and scrolls with Page Down.
 * Then the menu's "Endings (E)" opens the gallery too. */
static void stats_and_endings(void **state)
{
    (void)state;
    Session *s = play_demo_at_ending(true);
    play_set_window(800, 600, 40, NULL);
    static const SDL_Keycode keys[] = {SDLK_e, SDLK_ESCAPE, SDLK_s, SDLK_PAGEDOWN, SDLK_s};
    Explain x = {0};
    Script sc = {keys, sizeof keys / sizeof *keys, explain_frame, &x};
    play_script(s, &sc);
    const char *e = x.text[2], *st = x.text[4];
    if (!e)
        fail_msg("E at the ending did not open the endings");
    if (!strstr(e, "1 of 3 endings found") || !strstr(e, "A Seat at the Table") ||
        !strstr(e, "a good ending") || !strstr(e, "(this game)"))
        fail_msg("the endings read \"%s\"", e);
    const char *nf = strstr(e, "Not found yet");
    if (!nf || !strstr(nf + 1, "Not found yet") || strstr(e, "Paid") || strstr(e, "Off the Rails"))
        fail_msg("the endings not found show their titles or are missing: \"%s\"", e);
    assert_null(x.text[3]); /* Esc closed it */
    if (!st)
        fail_msg("S did not open the stats explained");
    if (!strstr(st, "**Burnout**") || !strstr(st, "lower is better") ||
        !strstr(st, "How worn down you are tonight") || !strstr(st, "neither way is better") ||
        !strstr(st, "Dolores's faith in you") || !strstr(st, "How much Dolores in payroll"))
        fail_msg("the stats explained read \"%s\"", st);
    if (!x.moved)
        fail_msg("Page Down did not scroll the stats explained at 800x600, size 40");
    assert_null(x.text[6]); /* S again closed it */
    for (int i = 0; i < 8; i++)
        free(x.text[i]);
    session_free(s);
}

/* The menu's "Endings (E)" (its seventh item) opens the gallery, before any ending. */
static void menu_endings_frame(int frame, void *ud)
{
    Explain *x = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2) { /* the menu is open: click its seventh item */
        int r[4];
        assert_true(f.overlay && f.n_buttons > 6);
        ui_sdl_frame_button(&f, 6, r);
        assert_true(r[3] > 0);
        play_click(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }
    if (frame == 3 && f.overlay_text)
        x->menu_endings = strstr(f.overlay_text, "Not found yet") != NULL;
}

static void menu_endings(void **state)
{
    (void)state;
    Session *s = play_open_story("supervisor", false);
    play_set_window(1280, 800, 20, NULL);
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, 0};
    Explain x = {0};
    Script sc = {keys, 2, menu_endings_frame, &x};
    play_script(s, &sc);
    if (!x.menu_endings)
        fail_msg("the menu's Endings item did not open the endings");
    session_free(s);
}

/* At an ending, the page's "The endings: 1 of 3 found (E)" button, the first of its last four
 * (then Play again, Take back, Back to the title screen), opens the gallery. */
static void ending_button_frame(int frame, void *ud)
{
    Explain *x = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2) { /* scrolled to the end: click the fourth-lowest button of the column */
        int ys[MAX_BUTTONS], n = 0, r[4];
        for (int i = 0; i < f.n_buttons && n < MAX_BUTTONS; i++) {
            ui_sdl_frame_button(&f, i, r);
            if (r[0] == f.column_x && r[3] > 0)
                ys[n++] = i;
        }
        assert_true(n >= 4);
        ui_sdl_frame_button(&f, ys[n - 4], r);
        play_click(r[0] + r[2] / 2, r[1] + r[3] / 2);
    }
    if (frame == 3 && f.overlay_text)
        x->menu_endings = strstr(f.overlay_text, "endings found") != NULL;
}

static void ending_page_endings(void **state)
{
    (void)state;
    Session *s = play_demo_at_ending(true);
    play_set_window(1280, 800, 20, NULL);
    static const SDL_Keycode keys[] = {SDLK_END, 0};
    Explain x = {0};
    Script sc = {keys, 2, ending_button_frame, &x};
    play_script(s, &sc);
    if (!x.menu_endings)
        fail_msg("the ending page's endings button did not open the endings");
    session_free(s);
}

/* ---- the keys (F1) and copying the scene (Ctrl+C) ---- */

typedef struct Help {
    int open_at_2, closed_at_3;
} Help;

static void help_frame(int frame, void *ud)
{
    Help *h = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2)
        h->open_at_2 = f.overlay;
    if (frame == 3)
        h->closed_at_3 = !f.overlay;
}

static void keys_and_copy(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 30, NULL);
    SDL_SetClipboardText("");
    static const SDL_Keycode keys[] = {SDLK_F1, SDLK_ESCAPE, CTRL_KEY | SDLK_c};
    Help h = {0, 0};
    Script sc = {keys, 3, help_frame, &h};
    play_script(s, &sc);
    if (!h.open_at_2)
        fail_msg("F1 did not open the keys");
    assert_true(h.closed_at_3);
    char *clip = SDL_GetClipboardText();
    assert_non_null(clip);
    if (!strstr(clip, "Gulfline"))
        fail_msg("Ctrl+C put \"%.60s\" on the clipboard, not the scene", clip);
    assert_null(strchr(clip, '*')); /* plain text, no markup */
    SDL_free(clip);
    assert_int_equal(play_decisions(s), 0);
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(focus_menu_closed),
        cmocka_unit_test(focus_title_closed),
        cmocka_unit_test(continue_after_load),
        cmocka_unit_test(save_asks),
        cmocka_unit_test(title_quit_asks),
        cmocka_unit_test(menu_button_and_fit),
        cmocka_unit_test(tab_order),
        cmocka_unit_test(overlays_fit),
        cmocka_unit_test(keys_and_copy),
        cmocka_unit_test(stats_and_endings),
        cmocka_unit_test(menu_endings),
        cmocka_unit_test(ending_page_endings),
    };
    return play_main(tests, sizeof tests / sizeof *tests, "render_play");
}
