/* test_history_render.c: the story column's history when only what is near the view is laid
 * out (issue 16, item 14; engine/ui/sdl/history.c). Scrolling up a page at a time from the
 * current scene shows every earlier scene in order, and the view moves by exactly the page:
 * the scene at its top does not jump when the scenes above it, counted by an estimate until
 * then, are laid out. Home reaches the first scene; a decision taken afterwards is added. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/game.h"
#include "core/session.h"
#include "core/story.h"
#include "core/util.h"
#include "play_support.h"

#define BEHIND 300

typedef struct Walk {
    size_t n;                 /* earlier scenes */
    bool seen[BEHIND];        /* in view in some frame */
    int last_first;           /* the first scene in view in the frame before (-1: none yet) */
    int top, top_y;           /* the scene at the view's top in the frame before, and its y */
    int pages, exact;         /* page moves looked at, and those that moved by the page */
    bool backwards;           /* a page up showed a later scene first than the frame before */
    int home_top, home_y, column_y;
    char jump[160];           /* the first jump seen */
} Walk;

static void walk_frame(int frame, void *ud)
{
    Walk *w = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    int view0 = f.column_y, view1 = f.column_y + f.column_h;
    int first = -1;
    for (size_t i = 0; i < w->n; i++) {
        int y = ui_sdl_history_y(i);
        int next = i + 1 < w->n ? ui_sdl_history_y(i + 1) : view1 + 1;
        if (y < view1 && next > view0) {
            w->seen[i] = true;
            if (first < 0)
                first = (int)i;
        }
    }
    if (first >= 0 && w->last_first >= 0 && first > w->last_first)
        w->backwards = true;
    if (first >= 0)
        w->last_first = first;
    /* the scene at the top before this page up: now a page lower, unless the top was hit */
    if (frame > 1 && w->top >= 0 && (size_t)w->top < w->n && f.top_block > 0) {
        int moved = ui_sdl_history_y((size_t)w->top) - w->top_y;
        w->pages++;
        if (moved == f.column_h * 9 / 10)
            w->exact++;
        else if (!w->jump[0])
            snprintf(w->jump, sizeof w->jump,
                     "frame %d: scene %d moved %d px on a page up of %d px", frame, w->top,
                     moved, f.column_h * 9 / 10);
    }
    w->top = f.top_block;
    w->top_y = f.top_block >= 0 && (size_t)f.top_block < w->n
                   ? ui_sdl_history_y((size_t)f.top_block)
                   : 0;
    w->home_top = f.top_block;
    w->home_y = ui_sdl_history_y(0);
    w->column_y = f.column_y;
}

/* An endless story whose scenes differ in length (1 to 3 paragraphs of 3 to 60 words, some
 * words long), so that a height estimated from the length is rarely the height laid out. */
static const char RAMBLING[] =
    "story { id = \"rambling\", title = \"Rambling\", start = \"desk\",\n"
    "  stats = { { id = \"trust\", start = 50 } }, flags = { n = 0 } }\n"
    "local function words(k)\n"
    "  local t = {}\n"
    "  for i = 1, 3 + (k * 37) % 58 do t[#t + 1] = (i % 7 == 0) and 'extraordinarily' or 'ok' end\n"
    "  return table.concat(t, ' ')\n"
    "end\n"
    "local function text(g)\n"
    "  local p = { 'Scene ' .. g.n .. '. ' .. words(g.n) }\n"
    "  for k = 1, g.n % 3 do p[#p + 1] = words(g.n + k) end\n"
    "  return table.concat(p, '\\n\\n')\n"
    "end\n"
    "scene \"desk\" { text = text,\n"
    "  choice { \"On\", id = \"on\", go = \"desk\",\n"
    "           set = function(g) return { n = g.n + 1 } end },\n"
    "  choice { \"Also on\", id = \"also\", effects = { trust = 1 }, go = \"desk\",\n"
    "           set = function(g) return { n = g.n + 1 } end } }\n";

static Session *rambling(int behind)
{
    Session *s = play_open_source("rambling", RAMBLING, 3);
    Err err;
    for (int i = 0; i < behind; i++)
        assert_int_equal(session_choose(s, (size_t)(i % 2), 1.0, &err), 0);
    return s;
}

static void page_up_through_history(void **state)
{
    (void)state;
    Session *s = rambling(BEHIND);
    play_set_window(800, 600, 20, NULL);
    static SDL_Keycode keys[400];
    size_t n = 0;
    while (n < 260)
        keys[n++] = SDLK_PAGEUP;
    Walk w;
    memset(&w, 0, sizeof w);
    w.n = BEHIND;
    w.last_first = w.top = -1;
    Script sc = {keys, n, walk_frame, &w};
    play_script(s, &sc);
    for (size_t i = 0; i < BEHIND; i++)
        if (!w.seen[i])
            fail_msg("earlier scene %zu of %d never showed on the way up", i, BEHIND);
    assert_false(w.backwards);
    if (w.jump[0])
        fail_msg("%s", w.jump);
    assert_true(w.pages >= 30); /* 300 scenes are many pages */
    assert_int_equal(w.exact, w.pages);
    assert_int_equal(w.home_top, 0);
    session_free(s);
}

typedef struct Home {
    int top, y0, column_y, n_after;
    const char *last; /* the history's last scene after the decision */
} Home;

static void home_frame(int frame, void *ud)
{
    Home *h = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2) { /* after Home */
        h->top = f.top_block;
        h->y0 = ui_sdl_history_y(0);
        h->column_y = f.column_y;
    }
    h->last = ui_sdl_history_text(BEHIND);
}

/* Home from the current scene goes straight to the first scene, past 300 never laid out;
 * End and a decision then add the scene just left to the history. */
static void home_and_decide(void **state)
{
    (void)state;
    Session *s = rambling(BEHIND);
    play_set_window(1280, 800, 20, NULL);
    char *now = xstrdup(game_text(session_game(s)));
    static const SDL_Keycode keys[] = {SDLK_HOME, SDLK_END, SDLK_1};
    Home h = {-1, 0, 0, 0, NULL};
    Script sc = {keys, 3, home_frame, &h};
    play_script(s, &sc);
    assert_int_equal(h.top, 0);
    assert_true(h.y0 >= h.column_y && h.y0 < h.column_y + 80);
    assert_int_equal(play_decisions(s), BEHIND + 1);
    assert_non_null(h.last);
    assert_string_equal(h.last, now);
    free(now);
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_up_through_history),
        cmocka_unit_test(home_and_decide),
    };
    return play_main(tests, sizeof tests / sizeof *tests, "render_history");
}
