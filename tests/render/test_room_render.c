/* test_room_render.c: the window's room mode on a projector-sized screen, drawn with SDL's
 * dummy video driver and the software renderer, keys pressed between frames (sdl_test.h):
 * the rewind timeline of a long session scrolls with the keyboard's focus and the wheel (the
 * focused decision and Cancel are always in view, and Return rewinds to the one in view); the
 * countdown's digits are large and high in contrast, and at zero it says "Time is up" on the
 * alert colour; stat labels in large type wrap at spaces, never inside a word; a campaign room
 * goes on to its next chapter from the ending's button, and the decisions shown in a later
 * chapter carry their own votes. */
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

#include "core/room.h"
#include "core/session.h"
#include "lua/lua_host.h"
#include "core/screen.h"
#include "ui/sdl/app.h" /* Button and A_NEXT: which of the frame's buttons goes on */
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"

static char tmpdir[64];
/* How the window runs: it keeps the pointer until the next call or shutdown, so it lives here */
static UiConfig cfg;

/* The window's size and text size for the next window (a new one: ui_sdl.shutdown first). */
static void set_window(int w, int h, int text_size)
{
    ui_sdl.shutdown();
    char path[256];
    snprintf(path, sizeof path, "%s/config/ladder", tmpdir);
    Err err;
    assert_int_equal(util_make_dirs(path, &err), 0);
    snprintf(path, sizeof path, "%s/config/ladder/settings.json", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\"text_size\": %d, \"window\": {\"w\": %d, \"h\": %d}}\n", text_size, w, h);
    fclose(f);
}

typedef struct Play {
    Story *story;
    Session *s;
    Room *r;
} Play;

/* A room on the fixture or story at path, after `decisions` picks of the first option. */
static Play open_room(const char *path, size_t decisions)
{
    Err err;
    Play p = {0};
    p.story = story_load(path, &err);
    if (!p.story)
        fail_msg("%s: %s", path, err.msg);
    SessionOptions so = {.seed = 1, .seed_given = true, .no_autosave = true};
    p.s = session_open(p.story, &so, &err);
    assert_non_null(p.s);
    p.r = room_new(p.s, "T", tmpdir);
    for (size_t i = 0; i < decisions; i++)
        assert_int_equal(room_decide(p.r, 0, NULL, false, &err), 0);
    return p;
}

static void close_room(Play *p)
{
    room_free(p->r);
    session_free(p->s);
}

static void press(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static bool inside(const int r[4], int x, int y, int w, int h)
{
    return r[0] >= x && r[1] >= y && r[0] + r[2] <= x + w && r[1] + r[3] <= y + h;
}

/* ---- the timeline ---- */

typedef struct Timeline {
    int decisions;  /* in the room */
    int full_h;     /* the height of a focused item's button, when seen whole */
    int checked;    /* focused items seen in view */
    int rewind_to;  /* the decision to press Return on (1-based) */
    int line_h;     /* a lower bound for a button's height */
} Timeline;

static void timeline_frame(int frame, void *ud)
{
    Timeline *t = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 1) { /* the room's screen: open the timeline */
        press(SDLK_r);
        return;
    }
    int n = t->decisions;
    if (frame - 2 > n + 2) { /* Return took the decision: the overlay closed */
        assert_int_equal(f.list_h, 0);
        return;
    }
    /* the overlay lists every decision and Cancel; the focus went down one item a frame */
    assert_int_equal(f.n_buttons, n + 1);
    assert_true(f.list_h > 0);
    assert_true(f.list_y >= 0 && f.list_y + f.list_h <= f.h);
    int cancel[4];
    ui_sdl_frame_button(&f, n, cancel);
    if (!inside(cancel, 0, 0, f.w, f.h) || cancel[3] < t->line_h)
        fail_msg("Cancel at %d,%d %dx%d is not on the %dx%d screen", cancel[0], cancel[1],
                 cancel[2], cancel[3], f.w, f.h);
    int want = frame - 2; /* opened with the first item focused, then one Down a frame */
    if (want <= n) {
        assert_int_equal(f.focus, want);
        int r[4];
        ui_sdl_frame_button(&f, f.focus, r);
        if (f.focus < n && !inside(r, f.list_x, f.list_y, f.list_w, f.list_h))
            fail_msg("decision %d has the focus but is at %d,%d %dx%d, outside the list in "
                     "view (%d,%d %dx%d)",
                     f.focus + 1, r[0], r[1], r[2], r[3], f.list_x, f.list_y, f.list_w, f.list_h);
        if (!inside(r, 0, 0, f.w, f.h) || r[3] < t->line_h)
            fail_msg("the focused item %d is not whole on screen (%d,%d %dx%d)", f.focus, r[0],
                     r[1], r[2], r[3]);
        t->checked++;
        press(SDLK_DOWN);
    } else if (want == n + 1) { /* past Cancel: back to the first decision */
        assert_int_equal(f.focus, 0);
        for (int i = 0; i < t->rewind_to - 1; i++)
            press(SDLK_DOWN);
    } else { /* the decision to rewind to, in view: take it */
        assert_int_equal(f.focus, t->rewind_to - 1);
        int r[4];
        ui_sdl_frame_button(&f, f.focus, r);
        assert_true(inside(r, f.list_x, f.list_y, f.list_w, f.list_h));
        press(SDLK_RETURN);
    }
}

static void timeline_scrolls(void **state)
{
    (void)state;
    set_window(1920, 1080, 20);
    Timeline t = {.decisions = 15, .rewind_to = 12, .line_h = 30};
    Play p = open_room(LADDER_TEST_FIXTURES "/good/endless", (size_t)t.decisions);
    cfg = (UiConfig){.window = {.frames = t.decisions + 6}};
    ui_sdl_on_frame(timeline_frame, &t);
    assert_int_equal(ui_sdl.room(p.r, &cfg), 0);
    ui_sdl_on_frame(NULL, NULL);
    assert_int_equal(t.checked, t.decisions + 1);
    /* Return rewound to the decision in view */
    assert_int_equal(room_roads_not_taken(p.r), 1);
    RoomRoad road;
    room_road_current(p.r, &road);
    assert_int_equal(road.n, (size_t)t.rewind_to - 1);
    room_road_free(&road);
    close_room(&p);
}

/* The wheel scrolls the timeline; the focus follows into view, and Return takes the focused
 * decision, which is on screen. */
typedef struct Wheel {
    int focused; /* the decision focused after the wheel (0-based) */
} Wheel;

static void wheel_frame(int frame, void *ud)
{
    Wheel *w = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame == 1) {
        press(SDLK_r);
    } else if (frame == 2) {
        assert_int_equal(f.focus, 0);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = -4; /* down */
        assert_int_equal(SDL_PushEvent(&e), 1);
    } else if (frame == 3) {
        assert_true(f.focus > 0 && f.focus < 15);
        int r[4];
        ui_sdl_frame_button(&f, f.focus, r);
        if (!inside(r, f.list_x, f.list_y, f.list_w, f.list_h) || r[3] == 0)
            fail_msg("after the wheel the focus is on decision %d at %d,%d %dx%d, not in view",
                     f.focus + 1, r[0], r[1], r[2], r[3]);
        int first[4]; /* the first decision scrolled out of view: it takes no click */
        ui_sdl_frame_button(&f, 0, first);
        assert_int_equal(first[3], 0);
        w->focused = f.focus;
        press(SDLK_RETURN);
    }
}

static void timeline_wheel(void **state)
{
    (void)state;
    set_window(1920, 1080, 20);
    Wheel w = {-1};
    Play p = open_room(LADDER_TEST_FIXTURES "/good/endless", 15);
    cfg = (UiConfig){.window = {.frames = 4}};
    ui_sdl_on_frame(wheel_frame, &w);
    assert_int_equal(ui_sdl.room(p.r, &cfg), 0);
    ui_sdl_on_frame(NULL, NULL);
    RoomRoad road;
    room_road_current(p.r, &road);
    assert_int_equal(road.n, (size_t)w.focused); /* back to before the decision focused */
    room_road_free(&road);
    close_room(&p);
}

/* ---- the countdown ---- */

static double luminance(const Uint8 *p)
{
    double c[3];
    for (int i = 0; i < 3; i++) {
        double v = p[i] / 255.0;
        c[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

typedef struct Ink {
    int top, bottom; /* the rows with ink, -1 when none */
    double contrast; /* of the ink most unlike the background, against it */
    Uint8 bg[3];
} Ink;

/* The ink in rectangle r of the frame s: pixels unlike the background at (bx, by). */
static Ink ink_in(SDL_Surface *s, const int r[4], int bx, int by)
{
    Ink k = {-1, -1, 1.0, {0, 0, 0}};
    const Uint8 *px = s->pixels;
    memcpy(k.bg, px + (size_t)by * (size_t)s->pitch + (size_t)bx * 3, 3);
    double lb = luminance(k.bg);
    for (int y = r[1]; y < r[1] + r[3] && y < s->h; y++)
        for (int x = r[0]; x < r[0] + r[2] && x < s->w; x++) {
            const Uint8 *q = px + (size_t)y * (size_t)s->pitch + (size_t)x * 3;
            int diff = abs(q[0] - k.bg[0]) + abs(q[1] - k.bg[1]) + abs(q[2] - k.bg[2]);
            if (diff < 200)
                continue;
            if (k.top < 0)
                k.top = y;
            k.bottom = y;
            double lq = luminance(q);
            double c = lb > lq ? (lb + 0.05) / (lq + 0.05) : (lq + 0.05) / (lb + 0.05);
            if (c > k.contrast)
                k.contrast = c;
        }
    return k;
}

typedef struct Clock {
    bool side;      /* the clock in the side panel (a wide window), else in the top bar */
    int min_digits; /* the least height of its digits, in pixels */
    const char *labels[3];
    int seen;
} Clock;

static void clock_frame(int frame, void *ud)
{
    Clock *c = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    if (frame > 3)
        return;
    if (!c->side && frame == 1) { /* the top bar shows the clock only while it runs */
        assert_null(f.clock_label);
        press(SDLK_t);
        return;
    }
    assert_non_null(f.clock_label);
    assert_string_equal(f.clock_label, c->labels[frame - 1]);
    int box[4] = {f.clock_x, f.clock_y, f.clock_w, f.clock_h};
    int dg[4] = {f.digits_x, f.digits_y, f.digits_w, f.digits_h};
    assert_true(inside(box, 0, 0, f.w, f.h));
    if (c->side) {
        assert_true(inside(dg, box[0], box[1], box[2], box[3]));
    } else { /* the line of a heading can be taller than the bar: its ink is inside */
        int y0 = dg[1] > box[1] ? dg[1] : box[1], y1 = dg[1] + dg[3];
        if (y1 > box[1] + box[3])
            y1 = box[1] + box[3];
        assert_true(y1 > y0);
        dg[1] = y0;
        dg[3] = y1 - y0;
    }
    SDL_Surface *s = ui_sdl_frame_pixels();
    assert_non_null(s);
    /* the box's own colour, just inside its frame */
    Ink k = ink_in(s, dg, box[0] + 5, box[1] + box[3] / 2);
    int height = k.bottom - k.top + 1;
    if (k.top < 0 || height < c->min_digits)
        fail_msg("'%s': the clock's digits are %d px tall (at least %d wanted)", f.clock_label,
                 k.top < 0 ? 0 : height, c->min_digits);
    bool up = strcmp(f.clock_label, "Time is up") == 0;
    if (!up && k.contrast < 7.0)
        fail_msg("'%s': the clock's contrast is %.1f:1 (7:1 wanted)", f.clock_label, k.contrast);
    bool red = k.bg[0] > 150 && k.bg[1] < 110 && k.bg[2] < 110;
    if (up != red)
        fail_msg("'%s' on a box of %d,%d,%d: the alert colour is for time up alone",
                 f.clock_label, k.bg[0], k.bg[1], k.bg[2]);
    if (up && k.contrast < 4.5)
        fail_msg("'Time is up' at %.1f:1 contrast", k.contrast);
    SDL_FreeSurface(s);
    c->seen++;
    if (frame == 1)
        press(SDLK_t);
    if (frame == 2)
        SDL_Delay(1100); /* a one-second timer runs out */
}

static void run_clock(int w, int h, Clock *c)
{
    set_window(w, h, 20);
    Play p = open_room(LADDER_TEST_FIXTURES "/good/office", 0);
    cfg = (UiConfig){.window = {.frames = 4}, .room = {.timer = 1}};
    ui_sdl_on_frame(clock_frame, c);
    assert_int_equal(ui_sdl.room(p.r, &cfg), 0);
    ui_sdl_on_frame(NULL, NULL);
    close_room(&p);
}

static void clock_large(void **state)
{
    (void)state;
    /* a projector: digits at least 48 px tall on 1920x1080 */
    Clock c = {true, 48, {"Press T to start", "Discussion", "Time is up"}, 0};
    run_clock(1920, 1080, &c);
    assert_int_equal(c.seen, 3);
}

static void clock_narrow(void **state)
{
    (void)state;
    /* a narrow window: the clock in the top bar, in heading type */
    Clock c = {false, 20, {NULL, "Discussion", "Time is up"}, 0};
    run_clock(800, 600, &c);
    assert_int_equal(c.seen, 2);
}

/* ---- stat labels in large type ---- */

static void no_split(int frame, void *ud)
{
    (void)frame;
    const char *what = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    for (int i = 0; i < f.n_splits; i++) {
        int r[4];
        ui_sdl_frame_split(&f, i, r);
        fail_msg("%s: text at %d,%d (%dx%d) cut a word inside", what, r[0], r[1], r[2], r[3]);
    }
    assert_true(f.n_texts > 5);
}

static void labels_wrap_at_spaces(void **state)
{
    (void)state;
    static const int sizes[][3] = {{1920, 1080, 40}, {1920, 1080, 34}, {1280, 720, 40},
                                   {1024, 768, 40},  {800, 600, 40},   {640, 480, 40}};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char what[64];
        snprintf(what, sizeof what, "%dx%d, text size %d", sizes[i][0], sizes[i][1],
                 sizes[i][2]);
        set_window(sizes[i][0], sizes[i][1], sizes[i][2]);
        /* derailed's labels: "Relationships", "Business acumen", "Technical skill" */
        Play p = open_room(LADDER_SCENARIOS_DIR "/derailed", 1);
        cfg = (UiConfig){.window = {.frames = 1}, .room = {.timer = 300}};
        ui_sdl_on_frame(no_split, what);
        assert_int_equal(ui_sdl.room(p.r, &cfg), 0);
        ui_sdl_on_frame(NULL, NULL);
        close_room(&p);
    }
}

/* A campaign room (office, then office_sequel) at chapter 1's end: the ending offers the next
 * chapter (issue 17's second review: the window had no way on); a click on it goes on through
 * room_advance. */
typedef struct Next {
    int found;     /* frames on which the ending showed the button */
    int chapter;   /* the session's chapter (0-based) on the last frame */
    Session *s;
} Next;

static void next_frame(int frame, void *ud)
{
    Next *n = ud;
    UiSdlFrame f;
    ui_sdl_frame(&f);
    n->chapter = (int)session_chapter(n->s);
    if (frame != 1)
        return;
    const Button *b = f.buttons;
    for (int i = 0; i < f.n_buttons; i++)
        if (b[i].action == A_NEXT) {
            n->found++;
            int r[4];
            ui_sdl_frame_button(&f, i, r);
            if (!inside(r, 0, 0, f.w, f.h))
                fail_msg("the next chapter's button is off the screen: %d,%d %dx%d", r[0], r[1],
                         r[2], r[3]);
            SDL_Event e;
            memset(&e, 0, sizeof e);
            e.button.button = SDL_BUTTON_LEFT;
            e.button.x = r[0] + r[2] / 2;
            e.button.y = r[1] + r[3] / 2;
            e.type = SDL_MOUSEBUTTONDOWN;
            e.button.state = SDL_PRESSED;
            assert_int_equal(SDL_PushEvent(&e), 1);
            e.type = SDL_MOUSEBUTTONUP;
            e.button.state = SDL_RELEASED;
            assert_int_equal(SDL_PushEvent(&e), 1);
        }
}

static void campaign_next(void **state)
{
    (void)state;
    set_window(1920, 1080, 20);
    Play p = open_room(LADDER_TEST_FIXTURES "/good/campaign", 0);
    Err err;
    int votes[2] = {7, 3};
    while (!game_ended(session_game(p.s)))
        assert_int_equal(room_decide(p.r, 0, votes, false, &err), 0);
    size_t chapter1 = room_decision_count(p.r);
    assert_true(chapter1 > 0);
    Next n = {.s = p.s};
    cfg = (UiConfig){.window = {.frames = 3}};
    ui_sdl_on_frame(next_frame, &n);
    assert_int_equal(ui_sdl.room(p.r, &cfg), 0);
    ui_sdl_on_frame(NULL, NULL);
    assert_int_equal(n.found, 1);
    assert_int_equal(n.chapter, 1); /* the click went on to chapter 2 */
    assert_false(game_ended(session_game(p.s)));
    /* chapter 2's first decision, voted 2 to 9: the Screen's decision 0 of this chapter shows
     * these votes, not chapter 1's first decision's 7 to 3 */
    size_t nc = game_choice_count(session_game(p.s));
    int *v2 = calloc(nc, sizeof *v2);
    assert_non_null(v2);
    v2[nc - 1] = 9;
    v2[0] = nc > 1 ? 2 : 9;
    assert_int_equal(room_decide(p.r, nc - 1, v2, false, &err), 0);
    assert_int_equal(room_decision_count(p.r), chapter1 + 1);
    Screen *sc = screen_of(p.s);
    int live[64] = {0};
    screen_add_room(sc, p.r, live, 0);
    assert_int_equal(sc->n_decisions, 1);
    assert_non_null(sc->decisions[0].tally);
    assert_non_null(sc->decisions[0].tally->counts);
    assert_int_equal(sc->decisions[0].tally->counts[nc - 1], 9);
    screen_free(sc);
    free(v2);
    close_room(&p);
}

/* A room on a story that asks the player's name (career asks it) opens on its first decision,
 * not the name entry: rooms have no player's name unless the facilitator gives one. */
static void room_asks_no_name(void **state)
{
    (void)state;
    Play p = open_room(LADDER_TEST_FIXTURES "/good/ask_name", 0);
    assert_true(session_wants_name(p.s)); /* the story asks, and no name was given */
    Screen *sc = screen_of(p.s);
    int live[64] = {0};
    screen_add_room(sc, p.r, live, -1);
    assert_false(sc->ask_name);
    screen_free(sc);
    close_room(&p);
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ladder-render-room-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    char config[128];
    snprintf(config, sizeof config, "%s/config", tmpdir);
    setenv("XDG_CONFIG_HOME", config, 1);
    setenv("XDG_DATA_HOME", tmpdir, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(timeline_scrolls),
        cmocka_unit_test(timeline_wheel),
        cmocka_unit_test(clock_large),
        cmocka_unit_test(clock_narrow),
        cmocka_unit_test(labels_wrap_at_spaces),
        cmocka_unit_test(campaign_next),
        cmocka_unit_test(room_asks_no_name),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ui_sdl.shutdown();
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf %s", tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
