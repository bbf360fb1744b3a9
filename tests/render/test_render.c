/* test_render.c: the window's layout and rendering, drawn with SDL's dummy video driver and
 * the software renderer: text appears in the story pane, choices do not overlap, long words
 * and paragraphs wrap inside the column at 640x480 and 1920x1080, and every character of the
 * fixtures and bundled stories has a glyph in the bundled font (no replacement boxes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/catalog.h"
#include "core/session.h"
#include "ui/sdl/draw.h"
#include "ui/sdl/sdl_test.h"
#include "ui/ui.h"
#include "lua/lua_host.h"

static char tmpdir[64];

static void set_window_size(int w, int h)
{
    char path[256];
    snprintf(path, sizeof path, "%s/config/ladder", tmpdir);
    Err err;
    assert_int_equal(util_make_dirs(path, &err), 0);
    snprintf(path, sizeof path, "%s/config/ladder/settings.json", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\"text_size\": 20, \"window\": {\"w\": %d, \"h\": %d}}\n", w, h);
    fclose(f);
}

/* Open the typography fixture and draw one frame of it; the frame is written to shot. */
static Session *draw_fixture(int w, int h, const char *shot)
{
    set_window_size(w, h);
    Err err;
    Story *s = story_load(LADDER_TEST_FIXTURES "/good/typography", &err);
    assert_non_null(s);
    SessionOptions so = {.seed = 1, .seed_given = true, .no_autosave = true};
    Session *ss = session_open(s, &so, &err);
    assert_non_null(ss);
    UiConfig cfg = {.window = {.frames = 1, .screenshot = shot}};
    assert_int_equal(ui_sdl.play(ss, &cfg), 0);
    return ss;
}

static bool overlap(const int a[4], const int b[4])
{
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

/* Count pixels in the rectangle that differ from the background colour of its corner. */
static long ink(SDL_Surface *s, int x, int y, int w, int h)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGB24, 0);
    assert_non_null(c);
    const Uint8 *p = c->pixels;
    const Uint8 *bg = p + (size_t)y * (size_t)c->pitch + (size_t)x * 3;
    long n = 0;
    for (int yy = y; yy < y + h && yy < c->h; yy++)
        for (int xx = x; xx < x + w && xx < c->w; xx++) {
            const Uint8 *q = p + (size_t)yy * (size_t)c->pitch + (size_t)xx * 3;
            if (abs(q[0] - bg[0]) + abs(q[1] - bg[1]) + abs(q[2] - bg[2]) > 60)
                n++;
        }
    SDL_FreeSurface(c);
    return n;
}

static void check_layout(int w, int h)
{
    char shot[128];
    snprintf(shot, sizeof shot, "%s/frame-%dx%d.bmp", tmpdir, w, h);
    Session *ss = draw_fixture(w, h, shot);
    UiSdlFrame f;
    ui_sdl_frame(&f);
    assert_int_equal(f.w, w);
    assert_int_equal(f.h, h);
    assert_true(f.column_w > 200);

    /* the three choices are buttons that do not overlap and sit inside the column */
    int choices = 0;
    for (int i = 0; i < f.n_buttons; i++) {
        int a[4];
        ui_sdl_frame_button(&f, i, a);
        if (a[0] < f.column_x || a[0] + a[2] > f.column_x + f.column_w)
            continue;
        if (a[0] == f.cue[0] && a[1] == f.cue[1] && a[2] == f.cue[2]) /* "choices below" */
            continue;
        choices++;
        for (int j = 0; j < i; j++) {
            int b[4];
            ui_sdl_frame_button(&f, j, b);
            assert_false(overlap(a, b));
        }
    }
    assert_int_equal(choices, 3);

    /* every block of text that starts in the column ends inside it: long words and long
     * paragraphs wrap instead of running off the page */
    int in_column = 0;
    for (int i = 0; i < f.n_texts; i++) {
        int r[4];
        ui_sdl_frame_text(&f, i, r);
        if (r[0] < f.column_x || r[0] >= f.column_x + f.column_w)
            continue;
        in_column++;
        if (r[0] + r[2] > f.column_x + f.column_w + 2)
            fail_msg("text at %d,%d is %d wide and leaves the column [%d, %d] at %dx%d", r[0],
                     r[1], r[2], f.column_x, f.column_x + f.column_w, w, h);
    }
    assert_true(in_column >= 4);

    /* the story pane really shows text: a good share of its pixels are ink */
    SDL_Surface *img = SDL_LoadBMP(shot);
    assert_non_null(img);
    assert_int_equal(img->w, w);
    long text_ink = ink(img, f.column_x, f.column_y, f.column_w, f.column_h);
    assert_true(text_ink > (long)f.column_w * 20);
    SDL_FreeSurface(img);
    session_free(ss);
}

static void small_window(void **state)
{
    (void)state;
    check_layout(640, 480);
}

static void large_window(void **state)
{
    (void)state;
    ui_sdl.shutdown(); /* a new window at the new size */
    check_layout(1920, 1080);
}

/* Every code point used in a story's texts must have a glyph in the font. */
static void check_glyphs(Draw *d, const char *path)
{
    Err err;
    Story *s = story_load(path, &err);
    if (!s)
        fail_msg("%s: %s", path, err.msg);
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        Uint32 cp = 0;
        if (sc->text.str && !draw_font_has_glyphs(d, sc->text.str, &cp))
            fail_msg("%s: scene '%s' uses U+%04X, which the font lacks", path, sc->id, cp);
        if (sc->chapter && !draw_font_has_glyphs(d, sc->chapter, &cp))
            fail_msg("%s: chapter of '%s' uses U+%04X", path, sc->id, cp);
        for (size_t j = 0; j < sc->n_choices; j++)
            if (sc->choices[j].text.str && !draw_font_has_glyphs(d, sc->choices[j].text.str, &cp))
                fail_msg("%s: choice '%s' uses U+%04X", path, sc->choices[j].id, cp);
    }
    story_free(s);
}

static void every_glyph(void **state)
{
    (void)state;
    ui_sdl.shutdown();
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    assert_int_equal(TTF_Init(), 0);
    SDL_Window *w = SDL_CreateWindow("glyphs", 0, 0, 64, 64, 0);
    SDL_Renderer *r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
    Draw d;
    Err err;
    assert_int_equal(draw_open(&d, r, 20, 1.0f, &THEMES[0], &err), 0);
    /* the bundled font, not a system fallback */
    assert_non_null(strstr(d.font_path[0], "CharisSIL-Regular.ttf"));
    Uint32 cp = 0;
    assert_true(draw_font_has_glyphs(&d, "“Curly” ‘quotes’ — en – dash … é è ê ë ñ ø å ü ß", &cp));
    assert_false(draw_font_has_glyphs(&d, "\xF0\x9F\x82\xA1", &cp)); /* a playing card: absent */
    assert_int_equal(cp, 0x1F0A1);
    check_glyphs(&d, LADDER_TEST_FIXTURES "/good/typography");
    const char *dir = LADDER_SCENARIOS_DIR;
    Catalog *c = catalog_scan(dir);
    assert_null(c->problems);
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->v[i].id, "career") != 0)
            check_glyphs(&d, c->v[i].path);
    catalog_free(c);
    draw_close(&d);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    TTF_Quit();
    SDL_Quit();
}

int main(void)
{
    host_install(lua_host()); /* the scripting host behind story_load */
    snprintf(tmpdir, sizeof tmpdir, "/tmp/ladder-render-XXXXXX");
    if (!mkdtemp(tmpdir))
        return 1;
    char cfg[128];
    snprintf(cfg, sizeof cfg, "%s/config", tmpdir);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    setenv("XDG_DATA_HOME", tmpdir, 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(small_window),
        cmocka_unit_test(large_window),
        cmocka_unit_test(every_glyph),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf %s", tmpdir);
    if (system(rm) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    return rc;
}
