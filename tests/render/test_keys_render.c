/* test_keys_render.c: the window review's keyboard and scrolling items (issue 16's second
 * review, /work/notes/tasks/window_review.md), at 800x600 with text size 30, under SDL's dummy
 * driver: Tab and Up reach an ending's buttons below the fold and show each whole, clear of
 * the stats above the story (items 1, 2); an ending below the fold has a cue (4); the cue
 * hides the words behind it (5); "Saved to slot 1." waits while a dialog is open and stays
 * off the stats (3); Home, End and Page Down in a dialog move the focus to the first, last
 * item or a page on (7); the title leaves most of a short window to the stories, its buttons
 * at the body's size (9); a locked choice has a dashed frame in every theme (10); the keys
 * panel of a solo game has no room's keys (11). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/session.h"
#include "core/story.h"
#include "play_support.h"
#include "ui/sdl/app.h" /* Button, A_STORY */

/* The demo at its ending (a bad one, after five decisions), in a window of 800x600, size 30. */
static Session *demo_at_ending(const char *extra)
{
    Session *s = play_demo_at_ending(false);
    play_set_window(800, 600, 30, extra);
    return s;
}

/* ---- items 1 and 2: the focus reaches the buttons below the fold, each shown whole ---- */

typedef struct Focus {
    int from, to;       /* the frames to check */
    int column_focus;   /* frames whose focus was a button of the story column */
    int hidden;         /* of those, frames where it was not wholly in the pane */
    int repeats;        /* frames whose focus was the last frame's */
    int last, column_y; /* the last focus; the pane's top (under the stats) */
    int seen[16];
} Focus;

static void focus_frame(int frame, void *ud)
{
    Focus *fo = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    fo->column_y = f.column_y;
    if (frame < fo->from || frame > fo->to)
        return;
    if (f.focus == fo->last)
        fo->repeats++;
    fo->last = f.focus;
    if (f.focus < 0)
        return;
    int r[4];
    ui_sdl_frame_button(&f, f.focus, r);
    if (r[0] != f.column_x)
        return; /* the top bar's Menu button */
    fo->column_focus++;
    if (r[3] <= 0 || r[1] < f.column_y || r[1] + r[3] > f.column_y + f.column_h) {
        fo->hidden++;
        print_message("frame %d: focus at y %d..%d, pane %d..%d\n", frame, r[1], r[1] + r[3],
                      f.column_y, f.column_y + f.column_h);
    }
}

static void focus_reaches_ending(void **state)
{
    (void)state;
    /* the view opens on the last scene, the ending's four buttons below the fold: Tab x4 */
    Session *s = demo_at_ending(NULL);
    static const SDL_Keycode tabs[] = {SDLK_TAB, SDLK_TAB, SDLK_TAB, SDLK_TAB};
    Focus fo = {.from = 2, .to = 5, .last = -1};
    Script sc = {tabs, 4, focus_frame, &fo};
    play_script(s, &sc);
    if (fo.column_focus != 4 || fo.hidden || fo.repeats)
        fail_msg("Tab x4 at the ending: %d of 4 on the ending's buttons, %d not wholly shown, "
                 "%d kept the focus where it was", fo.column_focus, fo.hidden, fo.repeats);
    /* End, then Up: the Menu button, then the four upwards, each below the stats */
    static const SDL_Keycode ups[] = {SDLK_END, SDLK_UP, SDLK_UP, SDLK_UP, SDLK_UP, SDLK_UP};
    play_set_window(800, 600, 30, NULL);
    Focus up = {.from = 4, .to = 7, .last = -1};
    Script su = {ups, 6, focus_frame, &up};
    play_script(s, &su);
    assert_true(up.column_y > 200); /* the stats stand above the pane at this size */
    if (up.column_focus != 4 || up.hidden)
        fail_msg("End, Up x5 at the ending: %d of 4 on the ending's buttons, %d not wholly "
                 "shown below the stats", up.column_focus, up.hidden);
    session_free(s);
}

/* ---- item 4: the ending below the fold has a cue that brings it into view ---- */

typedef struct Cue {
    int cue1[4], cue2[4];
} Cue;

static void cue_frame(int frame, void *ud)
{
    Cue *c = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 1) {
        memcpy(c->cue1, f.cue, sizeof f.cue);
        if (f.cue[2] > 0)
            play_click(f.cue[0] + f.cue[2] / 2, f.cue[1] + f.cue[3] / 2);
    }
    if (frame == 3)
        memcpy(c->cue2, f.cue, sizeof f.cue);
}

static void ending_cue(void **state)
{
    (void)state;
    Session *s = demo_at_ending(NULL);
    static const SDL_Keycode none[] = {0, 0};
    Cue c = {{0}, {0}};
    Script sc = {none, 2, cue_frame, &c};
    play_script(s, &sc);
    if (c.cue1[2] <= 0)
        fail_msg("the ending's heading is below the fold with no cue");
    if (c.cue2[2] > 0)
        fail_msg("the cue did not bring the ending into view");
    session_free(s);
}

/* ---- item 5: the cue hides the words behind it ---- */

typedef struct Band {
    int checked, inked; /* pixels beside the cue checked, and those not the page's colour */
} Band;

static void band_frame(int frame, void *ud)
{
    Band *b = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    assert_true(f.cue[2] > 0); /* the first scene's choices are below the fold at this size */
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    const Uint8 *p = px->pixels;
    for (int y = f.cue[1]; y < f.cue[1] + f.cue[3]; y++) {
        const Uint8 *bg = p + y * px->pitch + (f.column_x / 2) * 3; /* the margin */
        for (int x = f.column_x; x < f.column_x + f.column_w; x++) {
            if (x >= f.cue[0] - 4 && x < f.cue[0] + f.cue[2] + 4)
                continue;
            const Uint8 *q = p + y * px->pitch + x * 3;
            b->checked++;
            if (q[0] != bg[0] || q[1] != bg[1] || q[2] != bg[2])
                b->inked++;
        }
    }
    SDL_FreeSurface(px);
}

static void cue_hides_text(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 30, NULL);
    static const SDL_Keycode none[] = {0};
    Band b = {0, 0};
    Script sc = {none, 1, band_frame, &b};
    play_script(s, &sc);
    assert_true(b.checked > 1000);
    if (b.inked)
        fail_msg("%d of %d pixels beside the \"choices below\" cue are text, not the page",
                 b.inked, b.checked);
    session_free(s);
}

/* ---- item 3: "Saved to slot 1." is not drawn over a dialog or the stats ---- */

typedef struct Toast {
    int shown, below_stats, over_dialog;
} Toast;

static void toast_frame(int frame, void *ud)
{
    Toast *t = ud;
    (void)frame;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (f.toast_w <= 0)
        return;
    if (f.overlay) {
        t->over_dialog++;
        return;
    }
    t->shown++;
    if (f.toast_y >= f.column_y)
        t->below_stats++;
}

static void toast_under_dialogs(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", true);
    play_set_window(800, 600, 30, NULL);
    /* the review's keys: Esc, Down, Return, Return (saved); Esc, Down, Return (the save
     * list again), Up, Return (asked to overwrite) */
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_RETURN, SDLK_RETURN,
                                       0,           SDLK_ESCAPE, SDLK_DOWN, SDLK_RETURN,
                                       SDLK_UP,     SDLK_RETURN};
    Toast t = {0, 0, 0};
    Script sc = {keys, sizeof keys / sizeof *keys, toast_frame, &t};
    play_script(s, &sc);
    assert_true(t.shown > 0);
    if (t.over_dialog)
        fail_msg("the message was drawn over a dialog in %d frames", t.over_dialog);
    if (t.below_stats != t.shown)
        fail_msg("the message covered the stats in %d of %d frames", t.shown - t.below_stats,
                 t.shown);
    session_free(s);
}

/* ---- item 7: Home, End and Page Down in a dialog ---- */

typedef struct Jump {
    int end_focus, end_last, home_focus, page_focus;
} Jump;

static void jump_frame(int frame, void *ud)
{
    Jump *j = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 3) { /* after End in the menu */
        j->end_focus = f.focus;
        j->end_last = f.n_buttons - 1;
    }
    if (frame == 4)
        j->home_focus = f.focus;
    if (frame == 5)
        j->page_focus = f.focus;
}

static void dialog_home_end(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 30, NULL);
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_END, SDLK_HOME, SDLK_PAGEDOWN};
    Jump j = {-9, -9, -9, -9};
    Script sc = {keys, 4, jump_frame, &j};
    play_script(s, &sc);
    if (j.end_focus != j.end_last)
        fail_msg("End in the menu focused item %d, not the last (%d: Quit)", j.end_focus,
                 j.end_last);
    if (j.home_focus != 0)
        fail_msg("Home in the menu focused item %d, not the first", j.home_focus);
    if (j.page_focus < 2)
        fail_msg("Page Down in the menu moved the focus to item %d, not a page on",
                 j.page_focus);
    assert_int_equal(play_decisions(s), 0);
    session_free(s);
}

/* ---- item 9: the title in a short window ---- */

typedef struct Title {
    int first_story_y, load_h, h;
} Title;

static void title_frame(int frame, void *ud)
{
    Title *t = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    t->h = f.h;
    const Button *b = f.buttons;
    for (int i = 0; i < f.n_buttons; i++) {
        if (b[i].action == A_STORY && t->first_story_y < 0)
            t->first_story_y = b[i].r.y;
        if (b[i].action == A_LOAD_MENU)
            t->load_h = b[i].r.h;
    }
}

static void title_short_window(void **state)
{
    (void)state;
    Catalog *c = catalog_scan(LADDER_SCENARIOS_DIR);
    play_set_window(800, 600, 30, NULL);
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = 1;
    Title t = {-1, 0, 0};
    ui_sdl_on_frame(title_frame, &t);
    MenuPick pick = {0};
    ui_sdl.menu(c, &play_cfg, &pick);
    ui_sdl_on_frame(NULL, NULL);
    catalog_free(c);
    /* the header (title, actions) takes under a third of 600 px, not 350 */
    if (t.first_story_y < 0 || t.first_story_y > t.h / 3)
        fail_msg("the first story starts at y %d of %d", t.first_story_y, t.h);
    /* "Load a game" in body type: a line of 30 px type (49 px) and its padding */
    if (t.load_h < 30 * 3 / 2 + 16)
        fail_msg("\"Load a game\" is %d px tall: smaller than the body's type", t.load_h);
}

/* ---- item 10: a locked choice looks locked in every theme ---- */

static const char LOCKED_STORY[] =
    "story { id = \"locked\", title = \"Locked\", summary = \"A test.\",\n"
    " stats = { { id = \"acumen\", start = 30, label = \"Business acumen\" } },\n"
    " start = \"a\" }\n"
    "scene \"a\" { text = \"The CFO has ten minutes.\",\n"
    " choice { \"Wait\", id = \"wait\", go = \"e\" },\n"
    " choice { \"Ask for the budget\", id = \"ask\", requires = { acumen = 60 }, "
    "go = \"e\" } }\n"
    "ending \"e\" { title = \"Done\", verdict = \"good\", text = \"Done.\" }\n";

/* A story with one open choice and one that needs a stat of 60 (it starts at 30). */
static Session *locked_story(void)
{
    return play_open_source("locked", LOCKED_STORY, 1);
}

typedef struct Dashes {
    int changes; /* colour changes along the locked box's top edge */
} Dashes;

static void dashes_frame(int frame, void *ud)
{
    Dashes *ds = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    const Button *b = f.buttons;
    int below = -1; /* the foot of the last choice: the locked box starts 10 px under it */
    for (int i = 0; i < f.n_buttons; i++)
        if (b[i].action == A_CHOOSE && b[i].r.y + b[i].r.h > below)
            below = b[i].r.y + b[i].r.h;
    assert_true(below > 0);
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    const Uint8 *row = (const Uint8 *)px->pixels + (below + 10) * px->pitch;
    for (int x = f.column_x + 1; x < f.column_x + f.column_w - 1; x++)
        if (memcmp(row + x * 3, row + (x - 1) * 3, 3) != 0)
            ds->changes++;
    SDL_FreeSurface(px);
}

static void locked_looks_locked(void **state)
{
    (void)state;
    static const char *const themes[] = {"\"theme\": \"light\", ", "\"theme\": \"dark\", ",
                                         "\"theme\": \"contrast\", "};
    for (int k = 0; k < 3; k++) {
        Session *s = locked_story();
        play_set_window(1280, 800, 20, themes[k]);
        static const SDL_Keycode none[] = {0};
        Dashes ds = {0};
        Script sc = {none, 1, dashes_frame, &ds};
        play_script(s, &sc);
        if (ds.changes < 20)
            fail_msg("theme %d: the locked choice's frame is solid (%d changes along its top), "
                     "like an open choice's", k, ds.changes);
        session_free(s);
    }
}

/* ---- item 11: the keys of a solo game ---- */

typedef struct Keys {
    int room_words, seen;
} Keys;

static void keys_frame(int frame, void *ud)
{
    Keys *k = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2 && f.overlay_text) {
        k->seen = 1;
        k->room_words = strstr(f.overlay_text, "room") != NULL;
    }
}

static void keys_solo(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 30, NULL);
    static const SDL_Keycode keys[] = {SDLK_F1};
    Keys k = {0, 0};
    Script sc = {keys, 1, keys_frame, &k};
    play_script(s, &sc);
    assert_true(k.seen);
    if (k.room_words)
        fail_msg("the keys of a solo game speak of a room");
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(focus_reaches_ending), cmocka_unit_test(ending_cue),
        cmocka_unit_test(cue_hides_text),       cmocka_unit_test(toast_under_dialogs),
        cmocka_unit_test(dialog_home_end),      cmocka_unit_test(title_short_window),
        cmocka_unit_test(locked_looks_locked),  cmocka_unit_test(keys_solo),
    };
    return play_main(tests, sizeof tests / sizeof *tests, "render_keys");
}
