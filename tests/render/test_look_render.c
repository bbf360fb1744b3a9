/* test_look_render.c: the window as a player sees it, drawn with SDL's dummy video driver and
 * the software renderer (play_support.h). Issue 16: every theme's text meets WCAG AA and its
 * good and bad colours stay apart under colour-blindness simulations; hide-numbers mode draws
 * arrows by size; messages show on top without moving the story; a campaign's chapter opens
 * on a card; saves are listed in words; choices below the fold have a cue and the scroll bar
 * drags; the reading position survives a text size change; long titles and many stats fit;
 * the title's cards keep their padding; characters no font has are named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
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

/* ---- defects 8, 10, 11: colours that read for everyone ---- */

static double channel(Uint8 c)
{
    double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/* WCAG 2.1's contrast ratio (1.4.3): (L1 + 0.05) / (L2 + 0.05), L1 the lighter. */
static double contrast(SDL_Color a, SDL_Color b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Every colour the window draws text in, against every surface it draws text on: at least
 * 4.5:1 (AA for normal text) in each theme. The review measured 4.0:1 for the chapter, hints
 * and "Where you stand" (dim on the panel) and 4.1:1 for green change figures. */
static void theme_contrast(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++) {
        const Theme *t = &THEMES[i];
        const SDL_Color inks[] = {t->text, t->dim, t->accent, t->good, t->bad, t->neutral,
                                  t->button_text};
        const char *ink_names[] = {"text", "dim", "accent", "good", "bad", "neutral",
                                   "button_text"};
        const SDL_Color grounds[] = {t->bg, t->panel, t->button};
        const char *ground_names[] = {"bg", "panel", "button"};
        for (size_t k = 0; k < sizeof inks / sizeof *inks; k++)
            for (size_t g = 0; g < 3; g++) {
                double r = contrast(inks[k], grounds[g]);
                if (r < 4.5)
                    fail_msg("theme %s: %s on %s is %.2f:1, under WCAG AA's 4.5:1", t->name,
                             ink_names[k], ground_names[g], r);
            }
        /* the alert ("Time is up") is the page's colour on bad */
        assert_true(contrast(t->bg, t->bad) >= 4.5);
    }
}

/* A colour as a viewer with deuteranopia (or protanopia) sees it: Machado, Oliveira and
 * Fernandes (2009), severity 1.0, applied to linear RGB; then CIELAB (D65). */
static void simulate_lab(SDL_Color c, const double m[3][3], double lab[3])
{
    double rgb[3] = {channel(c.r), channel(c.g), channel(c.b)}, s[3];
    for (int i = 0; i < 3; i++) {
        s[i] = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
        s[i] = s[i] < 0 ? 0 : s[i] > 1 ? 1 : s[i];
    }
    double x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
    double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    double z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
    double f[3], v[3] = {x, y, z};
    for (int i = 0; i < 3; i++)
        f[i] = v[i] > 0.008856 ? cbrt(v[i]) : 7.787 * v[i] + 16.0 / 116.0;
    lab[0] = 116 * f[1] - 16;
    lab[1] = 500 * (f[0] - f[1]);
    lab[2] = 200 * (f[1] - f[2]);
}

/* Good and bad stay far apart (CIE76 distance of 40 or more) for viewers with deuteranopia
 * and protanopia in every theme; the review found the good and bad pips the same olive. */
static void colour_blind_safe(void **state)
{
    (void)state;
    static const double deutan[3][3] = {{0.367322, 0.860646, -0.227968},
                                        {0.280085, 0.672501, 0.047413},
                                        {-0.011820, 0.042940, 0.968881}};
    static const double protan[3][3] = {{0.152286, 1.052583, -0.204868},
                                        {0.114503, 0.786281, 0.099216},
                                        {-0.003882, -0.048116, 1.051998}};
    const double(*sims[2])[3] = {deutan, protan};
    const char *names[2] = {"deuteranopia", "protanopia"};
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 2; k++) {
            double g[3], b[3];
            simulate_lab(THEMES[i].good, sims[k], g);
            simulate_lab(THEMES[i].bad, sims[k], b);
            double de = sqrt((g[0] - b[0]) * (g[0] - b[0]) + (g[1] - b[1]) * (g[1] - b[1]) +
                             (g[2] - b[2]) * (g[2] - b[2]));
            if (de < 40)
                fail_msg("theme %s under %s: good and bad are %.1f apart (CIE76), under 40",
                         THEMES[i].name, names[k], de);
        }
}

typedef struct Marks {
    long good, bad; /* pixels of the good and bad colours in the stat panel */
    int panel_x;
} Marks;

static void marks_frame(int frame, void *ud)
{
    Marks *m = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    m->panel_x = f.column_x + f.column_w;
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    const Theme *t = &THEMES[0];
    for (int y = 0; y < px->h; y++)
        for (int x = m->panel_x; x < px->w; x++) {
            const Uint8 *p = (const Uint8 *)px->pixels + (size_t)y * (size_t)px->pitch +
                             (size_t)x * 3;
            if (p[0] == t->good.r && p[1] == t->good.g && p[2] == t->good.b)
                m->good++;
            if (p[0] == t->bad.r && p[1] == t->bad.g && p[2] == t->bad.b)
                m->bad++;
        }
    SDL_FreeSurface(px);
}

/* With the numbers hidden, a change is one to three arrows by its size (+5 and +10 differ),
 * and the panel after a decision that raised Burnout (bad) and Relationships (good) shows
 * both colours, in arrows and in the bars' moved parts. */
static void hidden_number_marks(void **state)
{
    (void)state;
    assert_int_equal(app_change_arrows(0), 0);
    assert_int_equal(app_change_arrows(5), 1);
    assert_int_equal(app_change_arrows(-3), 1);
    assert_int_equal(app_change_arrows(10), 2);
    assert_int_equal(app_change_arrows(-15), 3);
    Err err;
    Session *s = play_open_story("downsized", false);
    for (int i = 0; i < 3; i++)
        assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    play_set_window(1280, 800, 20, "\"show_numbers\": false, ");
    Marks m = {0};
    Script sc = {NULL, 0, marks_frame, &m};
    play_script(s, &sc);
    if (m.good < 40 || m.bad < 40)
        fail_msg("the panel shows %ld good and %ld bad pixels (want both)", m.good, m.bad);
    session_free(s);
}

/* ---- defect 12: messages on top, the chapter card, saves in words ---- */

typedef struct Toast {
    int scene_y[2]; /* the scene's last paragraph: after Esc, and after saving */
    int box[4];     /* the message's box after saving */
    int w, h;
} Toast;

static void toast_frame(int frame, void *ud)
{
    Toast *t = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2)
        t->scene_y[0] = play_last_column_text(&f);
    if (frame == 5) {
        t->scene_y[1] = play_last_column_text(&f);
        t->box[0] = f.toast_x, t->box[1] = f.toast_y, t->box[2] = f.toast_w, t->box[3] = f.toast_h;
        t->w = f.w, t->h = f.h;
    }
}

/* "Saved to slot 1." shows on top and leaves the story where it was (the review: it was put
 * into the story above the scene, pushing the text and the choices down). */
static void toast_on_top(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", true);
    play_set_window(800, 600, 20, NULL);
    Toast t = {{-1, -1}, {0}, 0, 0};
    /* Esc, Save the game, Return on the first empty slot */
    static const SDL_Keycode keys[] = {SDLK_ESCAPE, SDLK_DOWN, SDLK_RETURN, SDLK_RETURN};
    Script sc = {keys, 4, toast_frame, &t};
    play_script(s, &sc);
    assert_true(t.scene_y[0] >= 0);
    if (t.scene_y[1] != t.scene_y[0])
        fail_msg("saving moved the story from y %d to %d", t.scene_y[0], t.scene_y[1]);
    if (t.box[2] <= 0 || t.box[0] < 0 || t.box[1] < 0 || t.box[0] + t.box[2] > t.w ||
        t.box[1] + t.box[3] > t.h)
        fail_msg("the message's box %d,%d %dx%d is not on the %dx%d window", t.box[0], t.box[1],
                 t.box[2], t.box[3], t.w, t.h);
    session_free(s);
}

typedef struct Card {
    SDL_Color at_card; /* the pixel where the card's accent edge is */
    int chapter_x, chapter_y;
} Card;

static void card_frame(int frame, void *ud)
{
    Card *c = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    c->chapter_x = f.column_x + 1;
    c->chapter_y = f.column_y + 40; /* under the pane's top margin (28 points) */
    const Uint8 *p = (const Uint8 *)px->pixels + (size_t)c->chapter_y * (size_t)px->pitch +
                     (size_t)c->chapter_x * 3;
    c->at_card = (SDL_Color){p[0], p[1], p[2], 255};
    SDL_FreeSurface(px);
}

/* A campaign's second chapter opens on a card (the review: it began with no heading). */
static void chapter_card(void **state)
{
    (void)state;
    Err err;
    Story *st = story_load(LADDER_TEST_FIXTURES "/good/campaign", &err);
    if (!st)
        fail_msg("%s", err.msg);
    SessionOptions so = {.seed = 1, .seed_given = true, .player = "Morgan", .no_autosave = true};
    Session *s = session_open(st, &so, &err);
    assert_non_null(s);
    for (int i = 0; i < 50 && !session_next_chapter(s); i++)
        assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    assert_non_null(session_next_chapter(s));
    assert_int_equal(session_advance(s, &err), 0);
    play_set_window(1280, 800, 20, NULL);
    Card c = {{0, 0, 0, 0}, 0, 0};
    Script sc = {NULL, 0, card_frame, &c};
    play_script(s, &sc);
    SDL_Color want = THEMES[0].accent;
    if (c.at_card.r != want.r || c.at_card.g != want.g || c.at_card.b != want.b)
        fail_msg("no chapter card at %d,%d: %d,%d,%d", c.chapter_x, c.chapter_y, c.at_card.r,
                 c.at_card.g, c.at_card.b);
    session_free(s);
}

/* The load list in words: no raw ids ("slot1", "autosave-2026...", an ending's id). */
static void saves_in_words(void **state)
{
    (void)state;
    time_t now = time(NULL);
    char iso[32];
    strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    char slot1[] = "slot1", friday[] = "Friday evening", prev_name[] = "autosave-20261129-111435",
         march[] = "2026-03-02T09:05:00Z", autosave[] = "autosave";
    SaveInfo slot = {.name = slot1, .updated = iso, .scene = friday, .decisions = 3};
    char *w = app_save_words(&slot, NULL, NULL, now);
    assert_non_null(strstr(w, "Slot 1"));
    assert_non_null(strstr(w, "today"));
    assert_non_null(strstr(w, "3 decisions"));
    assert_null(strstr(w, "slot1"));
    free(w);
    SaveInfo prev = {.name = prev_name, .updated = march, .scene = friday, .decisions = 0};
    w = app_save_words(&prev, "The Outage", NULL, now);
    assert_non_null(strstr(w, "The Outage"));
    assert_non_null(strstr(w, "Previous game"));
    assert_non_null(strstr(w, "at the start"));
    assert_null(strstr(w, "autosave-"));
    assert_null(strstr(w, "2026-03"));
    free(w);
    char *path = xasprintf("%s/demo", LADDER_SCENARIOS_DIR);
    Err err;
    Story *st = story_load(path, &err);
    free(path);
    assert_non_null(st);
    const Scene *end = NULL;
    for (size_t i = 0; i < st->n_scenes && !end; i++)
        if (st->scenes[i].ending && st->scenes[i].title)
            end = &st->scenes[i];
    if (!end)
        fail_msg("the demo has no ending with a title");
    else {
        SaveInfo ended = {.name = autosave, .updated = iso, .scene = end->id, .decisions = 5,
                          .ended = true};
        w = app_save_words(&ended, NULL, st, now);
        assert_non_null(strstr(w, "Autosave"));
        assert_non_null(strstr(w, end->title));
        assert_null(strstr(w, "ended:"));
        free(w);
    }
    story_free(st);
}

/* ---- defect 4: choices below the fold have a cue; the scroll bar takes the mouse ---- */

/* A press on one place and a release on another takes nothing (the review: a choice was taken
 * on mouse-up wherever the press began). */
static void drag_off(int frame, void *ud)
{
    (void)ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    int r[4] = {0, 0, 0, 0};
    for (int i = 0; i < f.n_buttons; i++) {
        ui_sdl_frame_button(&f, i, r);
        if (r[0] == f.column_x && r[1] > f.column_y)
            break; /* the first choice */
    }
    play_push_mouse(SDL_MOUSEBUTTONDOWN, 5, f.h - 5); /* on nothing */
    play_push_mouse(SDL_MOUSEBUTTONUP, r[0] + r[2] / 2, r[1] + r[3] / 2);
}

static void press_elsewhere(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(1280, 800, 20, NULL);
    Script sc = {NULL, 0, drag_off, NULL};
    play_script(s, &sc);
    assert_int_equal(play_decisions(s), 0);
    session_free(s);
}

typedef struct Fold {
    int cue[2][4];   /* the cue in frames 1 and 2 */
    bool choice_shown; /* frame 2: a choice button wholly in the window */
    int thumb[3][4]; /* the scroll bar's thumb in frames 1 to 3 */
    int text_y[3];   /* the scene's last paragraph */
} Fold;

static void fold_frame(int frame, void *ud)
{
    Fold *fo = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame > 3)
        return;
    memcpy(fo->thumb[frame - 1], f.thumb, sizeof f.thumb);
    fo->text_y[frame - 1] = play_last_column_text(&f);
    if (frame <= 2)
        memcpy(fo->cue[frame - 1], f.cue, sizeof f.cue);
    if (frame == 1 && f.cue[2] > 0) /* play_click the cue */
        play_click(f.cue[0] + f.cue[2] / 2, f.cue[1] + f.cue[3] / 2);
    if (frame == 2) {
        for (int i = 0; i < f.n_buttons; i++) {
            int r[4];
            ui_sdl_frame_button(&f, i, r);
            if (r[0] == f.column_x && r[1] >= f.column_y && r[1] + r[3] <= f.h)
                fo->choice_shown = true;
        }
        /* at the choices, the thumb is low: drag it 80 px up */
        int x = f.thumb[0] + f.thumb[2] / 2, y = f.thumb[1] + f.thumb[3] / 2;
        play_push_mouse(SDL_MOUSEBUTTONDOWN, x, y);
        play_push_mouse(SDL_MOUSEMOTION, x, y - 80);
        play_push_mouse(SDL_MOUSEBUTTONUP, x, y - 80);
    }
}

static void choices_below(void **state)
{
    (void)state;
    Session *s = play_open_story("undercover", false);
    play_set_window(800, 600, 30, NULL);
    Fold fo;
    memset(&fo, 0, sizeof fo);
    Script sc = {NULL, 0, fold_frame, &fo};
    memset(&play_cfg, 0, sizeof play_cfg);
    play_cfg.window.frames = 4;
    ui_sdl_on_frame(play_script_frame, &sc);
    ui_sdl.play(s, &play_cfg);
    ui_sdl_on_frame(NULL, NULL);
    if (fo.cue[0][2] <= 0)
        fail_msg("the choices are below the fold at 800x600, text size 30, with no cue");
    assert_int_equal(fo.cue[1][2], 0); /* clicked: gone */
    assert_true(fo.choice_shown);
    /* the thumb is wider than a hairline, and dragging it scrolled */
    assert_true(fo.thumb[1][2] >= 8);
    if (fo.thumb[1][1] - fo.thumb[2][1] < 60)
        fail_msg("dragging the thumb 80 px up moved it from %d to %d", fo.thumb[1][1],
                 fo.thumb[2][1]);
    assert_true(fo.text_y[2] > fo.text_y[1]); /* the story scrolled back */
    session_free(s);
}

/* ---- defect 5: the reading position survives a change of text or window size ---- */

typedef struct Anchor {
    int at_frame;    /* the frame to read the position at before the change */
    int before, after; /* the column's block (an earlier scene...) at the view's top */
    int last_bottom, h; /* the last frame: the lowest choice's bottom, the window's height */
} Anchor;

static void anchor_frame(int frame, void *ud)
{
    Anchor *an = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == an->at_frame)
        an->before = f.top_block;
    an->after = f.top_block;
    an->h = f.h;
    an->last_bottom = 0;
    for (int i = 0; i < f.n_buttons; i++) {
        int r[4];
        ui_sdl_frame_button(&f, i, r);
        if (r[0] == f.column_x && r[1] + r[3] > an->last_bottom)
            an->last_bottom = r[1] + r[3];
    }
}

static void reading_position(void **state)
{
    (void)state;
    Err err;
    /* in the middle of the history: Home, two pages down, then Ctrl+Plus three times */
    Session *s = play_open_story("undercover", false);
    for (int i = 0; i < 5; i++)
        assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    play_set_window(1280, 800, 20, NULL);
    static const SDL_Keycode mid[] = {SDLK_HOME, SDLK_PAGEDOWN, SDLK_PAGEDOWN,
                                      CTRL_KEY | SDLK_PLUS, CTRL_KEY | SDLK_PLUS,
                                      CTRL_KEY | SDLK_PLUS};
    Anchor an = {4, -1, -1, 0, 0};
    Script sc = {mid, sizeof mid / sizeof *mid, anchor_frame, &an};
    play_script(s, &sc);
    assert_true(an.before >= 0);
    if (an.after != an.before)
        fail_msg("the view's top was on paragraph %d; three Ctrl+Plus later it is on %d",
                 an.before, an.after);
    /* at the bottom (the choices): End, then Ctrl+Plus twice: the choices stay in view */
    play_set_window(1280, 800, 20, NULL);
    static const SDL_Keycode end[] = {SDLK_END, CTRL_KEY | SDLK_PLUS, CTRL_KEY | SDLK_PLUS};
    Anchor bottom = {0, -1, -1, 0, 0};
    Script sc2 = {end, sizeof end / sizeof *end, anchor_frame, &bottom};
    play_script(s, &sc2);
    if (bottom.last_bottom > bottom.h || bottom.last_bottom == 0)
        fail_msg("after Ctrl+Plus at the bottom the last choice ends at %d in a %d px window",
                 bottom.last_bottom, bottom.h);
    session_free(s);
}

/* ---- defect 16: the title's story cards keep their padding at 1000 px and more ---- */

typedef struct Cards {
    long ink;   /* pixels of ink in the 10 px inside a card's right border */
    int cards;  /* story cards looked at */
    int row_end, card_end; /* the right edges of the button row and of the cards */
} Cards;

static void cards_frame(int frame, void *ud)
{
    Cards *c = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    SDL_Color bg = THEMES[0].button;
    for (int i = 0; i < f.n_buttons; i++) {
        int r[4];
        ui_sdl_frame_button(&f, i, r);
        if (r[1] + r[3] > f.h)
            continue;
        if (r[3] < 80) { /* a button of the row above the cards */
            c->row_end = r[0] + r[2] > c->row_end ? r[0] + r[2] : c->row_end;
            continue;
        }
        c->cards++;
        c->card_end = r[0] + r[2];
        for (int y = r[1] + 2; y < r[1] + r[3] - 2; y++)
            for (int x = r[0] + r[2] - 12; x < r[0] + r[2] - 2; x++) {
                const Uint8 *p = (const Uint8 *)px->pixels + (size_t)y * (size_t)px->pitch +
                                 (size_t)x * 3;
                if (abs(p[0] - bg.r) + abs(p[1] - bg.g) + abs(p[2] - bg.b) > 60)
                    c->ink++;
            }
    }
    SDL_FreeSurface(px);
}

static void title_cards(void **state)
{
    (void)state;
    const int widths[] = {1100, 1920};
    for (int k = 0; k < 2; k++) {
        play_set_window(widths[k], 760, 20, NULL);
        Catalog *cat = catalog_scan(LADDER_SCENARIOS_DIR);
        Cards c = {0, 0, 0, 0};
        Script sc = {NULL, 0, cards_frame, &c};
        memset(&play_cfg, 0, sizeof play_cfg);
        play_cfg.window.frames = 1;
        ui_sdl_on_frame(play_script_frame, &sc);
        MenuPick pick = {0};
        ui_sdl.menu(cat, &play_cfg, &pick);
        ui_sdl_on_frame(NULL, NULL);
        catalog_free(cat);
        assert_true(c.cards >= 2);
        if (c.ink > 0)
            fail_msg("at %d px, %ld pixels of text in the 10 px inside the cards' right border",
                     widths[k], c.ink);
        if (c.row_end != c.card_end)
            fail_msg("at %d px the buttons end at %d, the cards at %d", widths[k], c.row_end,
                     c.card_end);
    }
}

/* ---- defect 15: a fallback font for what the bundled fonts lack, right-to-left runs read in
 * their order, and characters no font has are named, not left as silent boxes ---- */

/* Columns of ink (alpha over 100) of an ARGB surface, left to right, into ink[] (w long). */
static void ink_columns(SDL_Surface *s, int *ink)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    assert_non_null(c);
    for (int x = 0; x < c->w; x++) {
        ink[x] = 0;
        for (int y = 0; y < c->h; y++) {
            const Uint8 *row = (const Uint8 *)c->pixels + (size_t)y * (size_t)c->pitch;
            Uint32 px = ((const Uint32 *)row)[x];
            if ((px >> 24) > 100)
                ink[x]++;
        }
    }
    SDL_FreeSurface(c);
}

/* How far apart two ink profiles are: the summed difference over the summed ink. */
static double profile_distance(const int *a, int an, const int *b, int bn)
{
    int n = an > bn ? an : bn;
    long diff = 0, total = 0;
    for (int x = 0; x < n; x++) {
        int va = x < an ? a[x] : 0, vb = x < bn ? b[x] : 0;
        diff += labs((long)va - vb);
        total += va + vb;
    }
    return total ? (double)diff / (double)total : 1.0;
}

static void fallback_and_rtl(void **state)
{
    (void)state;
    ui_sdl.shutdown();
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    assert_int_equal(TTF_Init(), 0);
    SDL_Window *w = SDL_CreateWindow("rtl", 0, 0, 400, 100, 0);
    SDL_Renderer *r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
    Draw d;
    Err err;
    assert_int_equal(draw_open(&d, r, 40, 1.0f, &THEMES[0], &err), 0);
    TTF_Font *fallback = draw_fallback_font(&d, ROLE_BODY, 0x5D0);
    if (!fallback)
        fail_msg("no fallback font (apt-get install fonts-dejavu-core or fonts-noto-core)");
    Uint32 cp = 0;
    const char *hebrew = "\xD7\x90\xD7\x91"; /* alef, bet */
    assert_false(draw_font_has_glyphs(&d, hebrew, &cp)); /* not in Charis SIL */
    assert_true(draw_has_glyphs(&d, hebrew, &cp));      /* the fallback has them */
    assert_false(draw_has_glyphs(&d, "\xCD\xB8", &cp)); /* U+0378: unassigned, in no font */
    /* "alef bet" as drawn: alef on the right; the reference is the fallback font drawing
     * "bet alef" left to right */
    SDL_Color black = {0, 0, 0, 255};
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    int h = 0; /* as a label: a right-to-left paragraph in a 400 px column sits at its right */
    draw_label(&d, ROLE_BODY, STYLE_REGULAR, hebrew, 0, 0, black, true, &h);
    assert_true(h > 0);
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, 400, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_int_equal(SDL_RenderReadPixels(r, &(SDL_Rect){0, 0, 400, h}, SDL_PIXELFORMAT_ARGB8888,
                                          shot->pixels, shot->pitch),
                     0);
    /* white page, black ink: make ink the alpha */
    for (int y = 0; y < shot->h; y++)
        for (int x = 0; x < shot->w; x++) {
            Uint32 *px = (Uint32 *)((Uint8 *)shot->pixels + (size_t)y * (size_t)shot->pitch) + x;
            *px = ((255 - (*px & 0xFF)) << 24);
        }
    SDL_Surface *right = TTF_RenderUTF8_Blended(fallback, "\xD7\x91\xD7\x90", black);
    SDL_Surface *wrong = TTF_RenderUTF8_Blended(fallback, hebrew, black);
    assert_non_null(right);
    assert_non_null(wrong);
    int got[400], ok[400], bad[400];
    ink_columns(shot, got);
    ink_columns(right, ok);
    ink_columns(wrong, bad);
    int gn = 400;
    while (gn > 0 && got[gn - 1] == 0)
        gn--;
    double to_right = profile_distance(got, gn, ok, right->w < 400 ? right->w : 400);
    double to_wrong = profile_distance(got, gn, bad, wrong->w < 400 ? wrong->w : 400);
    if (!(to_right < to_wrong))
        fail_msg("Hebrew drawn left to right (distance %.2f to the right order, %.2f to the "
                 "reversed one)", to_right, to_wrong);
    SDL_FreeSurface(shot);
    SDL_FreeSurface(right);
    SDL_FreeSurface(wrong);
    draw_close(&d);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    TTF_Quit();
    SDL_Quit();
}


typedef struct Boxes {
    int toast_w;
} Boxes;

static void boxes_frame(int frame, void *ud)
{
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    ((Boxes *)ud)->toast_w = f.toast_w;
}

/* A story whose text has U+0378, a code point no font has. */
static const char HANGUL_STORY[] =
    "story { id = \"hangul\", title = \"Seoul\", summary = \"A test.\", start = \"a\" }\n"
    "scene \"a\" { text = \"The sign says \xCD\xB8.\",\n"
    " choice { \"Go in\", id = \"go\", go = \"e\" } }\n"
    "ending \"e\" { title = \"In\", verdict = \"good\", text = \"In.\" }\n";

static void missing_glyphs_said(void **state)
{
    (void)state;
    Session *s = play_open_source("hangul", HANGUL_STORY, 1);
    play_set_window(1280, 800, 20, NULL);
    Boxes b = {0};
    Script sc = {NULL, 0, boxes_frame, &b};
    play_script(s, &sc);
    if (b.toast_w <= 0)
        fail_msg("a scene with U+0378 (which no font has) showed with no word about it");
    session_free(s);
}

/* ---- defect 14 (in part): a long history costs what shows ---- */

typedef struct Drawn {
    const Session *s;
    int texts;    /* text blocks the first frame drew */
    int checked;  /* history items compared with a replay of their prefix */
    size_t wrong; /* the first that differs, plus one (0: none) */
} Drawn;

static void drawn_frame(int frame, void *ud)
{
    Drawn *dr = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    dr->texts = f.n_texts;
    /* the window's history against a replay of each prefix */
    const Game *g = session_game(dr->s);
    size_t n = game_decision_count(g);
    for (size_t i = 0; i < n && !dr->wrong; i += 37) {
        Err err;
        Game *gi = game_rewind(g, i, &err);
        assert_non_null(gi);
        const char *have = ui_sdl_history_text(i);
        if (!have || strcmp(have, game_text(gi)) != 0)
            dr->wrong = i + 1;
        dr->checked++;
        game_free(gi);
    }
}

/* The texts drawn with 10 and with 300 decisions behind: the same order of magnitude (every
 * earlier scene used to be drawn, out of view or not); and the history the window rebuilt in
 * one replay holds the same scenes as a replay of each prefix. */
static void long_history(void **state)
{
    (void)state;
    int drawn[2];
    const int behind[2] = {10, 300};
    for (int k = 0; k < 2; k++) {
        Err err;
        Story *st = story_load(LADDER_TEST_FIXTURES "/good/endless", &err);
        assert_non_null(st);
        SessionOptions so = {.seed = 3, .seed_given = true, .no_autosave = true};
        Session *s = session_open(st, &so, &err);
        assert_non_null(s);
        for (int i = 0; i < behind[k]; i++)
            assert_int_equal(session_choose(s, (size_t)(i % 2), 1.0, &err), 0);
        play_set_window(1280, 800, 20, NULL);
        Drawn d = {s, 0, 0, 0};
        Script sc = {NULL, 0, drawn_frame, &d};
        memset(&play_cfg, 0, sizeof play_cfg);
        play_cfg.window.frames = 1;
        ui_sdl_on_frame(play_script_frame, &sc);
        ui_sdl.play(s, &play_cfg);
        ui_sdl_on_frame(NULL, NULL);
        drawn[k] = d.texts;
        if (d.wrong)
            fail_msg("the window's history before decision %zu is not the scene then", d.wrong);
        assert_true(d.checked >= 1);
        session_free(s);
    }
    if (drawn[1] > drawn[0] + 40)
        fail_msg("with 300 decisions behind, the first frame drew %d texts (%d with 10)",
                 drawn[1], drawn[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(theme_contrast),
        cmocka_unit_test(colour_blind_safe),
        cmocka_unit_test(hidden_number_marks),
        cmocka_unit_test(toast_on_top),
        cmocka_unit_test(chapter_card),
        cmocka_unit_test(saves_in_words),
        cmocka_unit_test(choices_below),
        cmocka_unit_test(press_elsewhere),
        cmocka_unit_test(reading_position),
        cmocka_unit_test(title_cards),
        cmocka_unit_test(missing_glyphs_said),
        cmocka_unit_test(fallback_and_rtl),
        cmocka_unit_test(long_history),
    };
    return play_main(tests, sizeof tests / sizeof *tests, "render_look");
}
