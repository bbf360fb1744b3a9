/* test_polish_render.c: the window review's items 6, 8, 11 and 12 (issue 16), drawn with SDL's
 * dummy video driver and the software renderer (play_support.h): the stats strip of a narrow
 * window ends at a row's boundary, uses its columns and takes less height; the name entry
 * shows Begin before anything is typed (inactive: a dashed border), in the same place after,
 * with a line of space under it; the save list's ending reads "The end:" and Stats explained says which way is good once;
 * the chart's figures and the chapter card's "You carry into it" are not in small type at
 * text size 20. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/session.h"
#include "core/story.h"
#include "core/util.h"
#include "play_support.h"
#include "ui/sdl/app.h" /* app_save_words */

#define BAR_H 52 /* the top bar's height at scale 1 (screens.c) */

/* ---- item 6: the stats strip ---- */

typedef struct Strip {
    int frames;      /* frames checked */
    int top[8];      /* each frame's story pane top (the strip's bottom edge), frames 1..7 */
    int cut[8];      /* the x of the first pixel in the strip's last row that is not its
                        background (a bar or a label cut by the edge), or -1 */
    int panel[8][4]; /* the strip's scroll area (0 when it fits) */
} Strip;

static void strip_frame(int frame, void *ud)
{
    Strip *s = ud;
    if (frame < 1 || frame > 7)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    s->frames = frame;
    s->top[frame] = f.column_y;
    memcpy(s->panel[frame], f.panel, sizeof f.panel);
    s->cut[frame] = -1;
    int y = f.column_y - 1;
    const Uint8 *row = (const Uint8 *)px->pixels + (size_t)y * (size_t)px->pitch;
    /* the last row of the strip, left of the scroll bar (its 6 px and 2 px margin) */
    for (int x = 1; x < f.w - 12 && s->cut[frame] < 0; x++)
        if (memcmp(row + 3 * x, row, 3) != 0)
            s->cut[frame] = x;
    SDL_FreeSurface(px);
}

/* A story with twelve stats, one with a long label, written into the test's folder. */
static Session *twelve_stats(void)
{
    Buf src = {0};
    buf_puts(&src, "story {\n id = \"twelve\", title = \"Twelve\", summary = \"Many stats.\",\n"
                   " stats = {\n");
    for (int i = 1; i <= 12; i++)
        buf_printf(&src, "  { id = \"s%d\", start = 50, label = \"%s %d\" },\n", i,
                   i == 5 ? "Standing with the business" : "Stat", i);
    buf_puts(&src, " },\n start = \"a\",\n}\n"
                   "scene \"a\" { text = \"It begins.\",\n choice { \"Go on\", id = \"go\", "
                   "effects = { s1 = 5, s12 = -5 }, go = \"e\" } }\n"
                   "ending \"e\" { title = \"Done\", verdict = \"good\", text = \"Done.\" }\n");
    Session *s = play_open_source("twelve", buf_str(&src), 1);
    buf_free(&src);
    return s;
}

/* At 800x600 with text size 30 the demo's four stats took 210 px of 600 in two of three
 * columns, labels wrapped, and the strip's edge cut the last row's bar in half (the review,
 * a-01-first.png, a-02-mid.png); after a decision (a change marker on a bar) the same. Twelve
 * stats keep to 35% of the height, scroll, and the edge falls between rows. */
static void stats_strip(void **state)
{
    (void)state;
    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 30, NULL);
    static const SDL_Keycode keys[] = {0, SDLK_1};
    Strip st;
    memset(&st, 0, sizeof st);
    Script sc = {keys, 2, strip_frame, &st};
    play_script(s, &sc);
    assert_int_equal(play_decisions(s), 1);
    for (int fr = 1; fr <= 4; fr += 3) {
        int h = st.top[fr] - BAR_H;
        if (h <= 0 || h > 170)
            fail_msg("frame %d: four stats take %d px of 600 at 800x600, size 30", fr, h);
        if (st.cut[fr] >= 0)
            fail_msg("frame %d: the strip's edge (y %d) cuts a stat at x %d", fr, st.top[fr] - 1,
                     st.cut[fr]);
    }
    session_free(s);
    s = twelve_stats();
    int sizes[][4] = {{800, 600, 30, 1}, {800, 600, 20, 0}, {480, 360, 20, 1}}; /* 1: scrolls */
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        play_set_window(sizes[k][0], sizes[k][1], sizes[k][2], NULL);
        memset(&st, 0, sizeof st);
        Script sc2 = {NULL, 0, strip_frame, &st};
        play_script(s, &sc2);
        int h = st.top[1] - BAR_H;
        printf("twelve stats at %dx%d, size %d: %d px\n", sizes[k][0], sizes[k][1], sizes[k][2],
               h);
        if (h <= 0 || h > sizes[k][1] * 35 / 100)
            fail_msg("twelve stats at %dx%d, size %d: the strip is %d px", sizes[k][0],
                     sizes[k][1], sizes[k][2], h);
        if (sizes[k][3] && st.panel[1][3] <= 0)
            fail_msg("twelve stats at %dx%d, size %d do not scroll", sizes[k][0], sizes[k][1],
                     sizes[k][2]);
        if (st.cut[1] >= 0)
            fail_msg("twelve stats at %dx%d, size %d: the edge cuts a stat at x %d", sizes[k][0],
                     sizes[k][1], sizes[k][2], st.cut[1]);
    }
    session_free(s);
}

/* ---- item 8: the name entry ---- */

typedef struct Name {
    int begin[3][4]; /* the Begin button: frame 1 (nothing typed), frame 3 (typed) */
    int n_buttons[3];
    int note_gap[3]; /* from Begin's bottom to the top of the next text under it, or -1 */
    int gaps[3];     /* pixels of Begin's top border unlike its first: a dashed border */
} Name;

static void push_text(const char *text)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void name_frame(int frame, void *ud)
{
    Name *n = ud;
    if (frame != 1 && frame != 3)
        return;
    int k = frame == 1 ? 1 : 2;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    n->n_buttons[k] = f.n_buttons;
    int low = -1; /* the lowest button: Begin */
    for (int i = 0; i < f.n_buttons; i++) {
        int r[4];
        ui_sdl_frame_button(&f, i, r);
        if (r[1] > BAR_H && r[1] > low) {
            low = r[1];
            memcpy(n->begin[k], r, sizeof r);
        }
    }
    SDL_Surface *px = ui_sdl_frame_pixels();
    assert_non_null(px);
    if (low >= 0) {
        const Uint8 *row = (const Uint8 *)px->pixels + (size_t)low * (size_t)px->pitch;
        for (int x = n->begin[k][0]; x < n->begin[k][0] + n->begin[k][2]; x++)
            n->gaps[k] += memcmp(row + 3 * x, row + 3 * n->begin[k][0], 3) != 0;
    }
    SDL_FreeSurface(px);
    n->note_gap[k] = -1;
    int bottom = n->begin[k][1] + n->begin[k][3];
    for (int i = 0; i < f.n_texts && low >= 0; i++) {
        int r[4];
        ui_sdl_frame_text(&f, i, r);
        bool inside = r[0] >= n->begin[k][0] && r[1] >= n->begin[k][1] &&
                      r[1] + r[3] <= bottom; /* Begin's own label */
        if (!inside && r[1] > n->begin[k][1] &&
            (n->note_gap[k] < 0 || r[1] - bottom < n->note_gap[k]))
            n->note_gap[k] = r[1] - bottom;
    }
    if (frame == 1)
        push_text("Alexandra Montgomery-Okonkwo");
}

/* The supervisor story asks for a name and has a content note: at 800x600, size 30, Begin is
 * there before typing (it appeared only after, moving the note), its border dashed until a
 * name is typed, stays put after, and the note is a line (at least 20 px) under it (it was
 * about 5 px). */
static void name_entry(void **state)
{
    (void)state;
    Err err;
    Story *st = story_load(LADDER_SCENARIOS_DIR "/supervisor", &err);
    if (!st)
        fail_msg("%s", err.msg);
    SessionOptions so = {.seed = 1, .seed_given = true, .no_autosave = true};
    Session *s = session_open(st, &so, &err);
    assert_non_null(s);
    assert_true(session_wants_name(s));
    play_set_window(800, 600, 30, NULL);
    Name n;
    memset(&n, 0, sizeof n);
    Script sc = {NULL, 0, name_frame, &n};
    sc.n = 2;
    static const SDL_Keycode none[] = {0, 0};
    sc.keys = none;
    play_script(s, &sc);
    if (n.begin[1][2] <= 0)
        fail_msg("no Begin button before a name is typed (%d buttons)", n.n_buttons[1]);
    if (memcmp(n.begin[1], n.begin[2], sizeof n.begin[1]) != 0)
        fail_msg("typing moved Begin from %d,%d %dx%d to %d,%d %dx%d", n.begin[1][0],
                 n.begin[1][1], n.begin[1][2], n.begin[1][3], n.begin[2][0], n.begin[2][1],
                 n.begin[2][2], n.begin[2][3]);
    /* inactive while the box is empty, by shape as well as colour: a dashed border, solid
     * once a name is typed */
    if (n.gaps[1] == 0 || n.gaps[2] != 0)
        fail_msg("Begin's border: %d gaps empty, %d typed (dashed, then solid)", n.gaps[1],
                 n.gaps[2]);
    for (int k = 1; k <= 2; k++)
        if (n.note_gap[k] < 20)
            fail_msg("frame %d: the content note is %d px under Begin", k == 1 ? 1 : 3,
                     n.note_gap[k]);
    session_free(s);
}

/* ---- item 11: wording ---- */

/* How often words occur in text, in either case. */
static int count_words(const char *text, const char *words)
{
    int c = 0;
    size_t n = strlen(words);
    for (; *text; text++) {
        size_t i = 0;
        while (i < n && text[i] && tolower((unsigned char)text[i]) == words[i])
            i++;
        c += i == n;
    }
    return c;
}

typedef struct Explained {
    char *text;
} Explained;

static void explained_frame(int frame, void *ud)
{
    Explained *x = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 2 && f.overlay_text)
        x->text = strdup(f.overlay_text);
}

/* A save at an ending reads "The end: <title>" (it read "— the end: Paid, at a Price"); Stats
 * explained says "lower is better" once for Burnout, whose description says it, and keeps
 * the words for a stat whose description does not (Hours to the bank cutoff). */
static void wording(void **state)
{
    (void)state;
    Err err;
    Story *story = story_load(LADDER_SCENARIOS_DIR "/demo", &err);
    assert_non_null(story);
    const Scene *end = NULL;
    for (size_t i = 0; i < story->n_scenes && !end; i++)
        if (story->scenes[i].ending && story->scenes[i].title)
            end = &story->scenes[i];
    if (!end) {
        fail_msg("the demo has no ending with a title");
        return;
    }
    char autosave[] = "autosave", iso[] = "2026-03-02T09:05:00Z";
    SaveInfo ended = {.name = autosave, .updated = iso, .scene = end->id, .decisions = 5,
                      .ended = true};
    char *w = app_save_words(&ended, "The Outage", story, time(NULL));
    char *want = xasprintf("The end: %s", end->title);
    if (!strstr(w, want) || strstr(w, "the end:"))
        fail_msg("a save at an ending reads \"%s\"", w);
    free(want);
    free(w);
    story_free(story);

    Session *s = play_open_story("demo", false);
    play_set_window(800, 600, 20, NULL);
    static const SDL_Keycode keys[] = {SDLK_s};
    Explained x = {NULL};
    Script sc = {keys, 1, explained_frame, &x};
    play_script(s, &sc);
    if (!x.text)
        fail_msg("S did not open Stats explained");
    const char *burnout = strstr(x.text, "**Burnout**"), *trust = strstr(x.text, "**Team trust**");
    const char *hours = strstr(x.text, "**Hours");
    if (!burnout || !trust || !hours)
        fail_msg("Stats explained reads \"%s\"", x.text);
    char *one = strndup(burnout, (size_t)(trust - burnout));
    if (count_words(one, "lower is better") != 1)
        fail_msg("Burnout's entry says \"lower is better\" %d times: \"%s\"",
                 count_words(one, "lower is better"), one);
    free(one);
    if (!strstr(hours, "neither way is better"))
        fail_msg("Hours to the bank cutoff lost which way is good: \"%s\"", hours);
    free(x.text);
    session_free(s);
}

/* ---- item 12: the chart's figures and the chapter card at text size 20 ---- */

typedef struct Small {
    int value_h;  /* the smallest height of the chart's figures ("40 -> 60"), or 0 */
    int head_h;   /* the chapter card: its head line (body type) */
    int carry_h;  /* its last line ("You carry into it: ...") */
    int x, w;     /* the column */
} Small;

static void chart_frame(int frame, void *ud)
{
    Small *m = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    int vx = f.column_x + f.column_w - f.column_w * 22 / 100;
    for (int i = 0; i < f.n_texts; i++) {
        int r[4];
        ui_sdl_frame_text(&f, i, r);
        if (r[0] >= vx - 1 && r[0] <= vx + 1 && r[1] >= 0 && r[1] < f.h &&
            (!m->value_h || r[3] < m->value_h))
            m->value_h = r[3];
    }
}

static void card_frame(int frame, void *ud)
{
    Small *m = ud;
    if (frame != 1)
        return;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    int n = 0;
    for (int i = 0; i < f.n_texts; i++) {
        int r[4];
        ui_sdl_frame_text(&f, i, r);
        if (r[0] != f.column_x + 18) /* the card's text, 18 px in */
            continue;
        if (n++ == 0)
            m->head_h = r[3];
        m->carry_h = r[3];
    }
    if (n < 3)
        m->carry_h = 0; /* no third line: no "You carry into it" */
}

/* At 1920x1080 with text size 20, the ending chart's figures and "You carry into it" were in
 * the small type (a line of 26 px, letters about 14 px high): they are as tall as a line of
 * the body's type now. */
static void small_text(void **state)
{
    (void)state;
    Session *s = play_demo_at_ending(false);
    play_set_window(1920, 1080, 20, NULL);
    Small m;
    memset(&m, 0, sizeof m);
    Script sc = {NULL, 0, chart_frame, &m};
    play_script(s, &sc);
    session_free(s);

    Err err;
    Story *st = story_load(LADDER_TEST_FIXTURES "/good/campaign", &err);
    if (!st)
        fail_msg("%s", err.msg);
    SessionOptions so = {.seed = 1, .seed_given = true, .player = "Morgan", .no_autosave = true};
    s = session_open(st, &so, &err);
    assert_non_null(s);
    for (int i = 0; i < 50 && !session_next_chapter(s); i++)
        assert_int_equal(session_choose(s, 0, 1.0, &err), 0);
    assert_int_equal(session_advance(s, &err), 0);
    play_set_window(1920, 1080, 20, NULL);
    Script sc2 = {NULL, 0, card_frame, &m};
    play_script(s, &sc2);
    session_free(s);
    if (m.head_h <= 0 || m.carry_h <= 0)
        fail_msg("no chapter card with what carries over (%d, %d)", m.head_h, m.carry_h);
    if (m.carry_h < m.head_h)
        fail_msg("\"You carry into it\" is %d px a line, the body %d px", m.carry_h, m.head_h);
    if (m.value_h < m.head_h)
        fail_msg("the chart's figures are %d px a line, the body %d px", m.value_h, m.head_h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stats_strip),
        cmocka_unit_test(name_entry),
        cmocka_unit_test(wording),
        cmocka_unit_test(small_text),
    };
    return play_main(tests, sizeof tests / sizeof *tests, "render_polish");
}
