/* test_bidi_render.c: right-to-left text in the window (issue 16, item 15), drawn with SDL's
 * dummy video driver and the software renderer. A line mixing English with Hebrew or Arabic
 * is laid out in visual order (UAX #9: the Hebrew words right to left with the comma between
 * them, an Arabic sentence's number to the left of the word before it), and the fonts for
 * characters the bundled Charis SIL lacks come from fontconfig's search (a test configuration
 * naming two DejaVu files, neither in the old fixed list), one font per character, looked up
 * once; a font of fixed bitmap sizes is scaled to the line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"
#include "ui/sdl/draw.h"

typedef struct Canvas {
    SDL_Window *w;
    SDL_Renderer *r;
    Draw d;
} Canvas;

static void canvas_open(Canvas *c, int body_px)
{
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    assert_int_equal(TTF_Init(), 0);
    c->w = SDL_CreateWindow("bidi", 0, 0, 1200, 200, 0);
    assert_non_null(c->w);
    c->r = SDL_CreateRenderer(c->w, -1, SDL_RENDERER_SOFTWARE);
    assert_non_null(c->r);
    Err err;
    assert_int_equal(draw_open(&c->d, c->r, body_px, 1.0f, &THEMES[0], &err), 0);
}

static void canvas_close(Canvas *c)
{
    draw_close(&c->d);
    SDL_DestroyRenderer(c->r);
    SDL_DestroyWindow(c->w);
    TTF_Quit();
    SDL_Quit();
}

/* The run holding the bytes of needle (the first place it occurs in text); the test fails
 * when no run holds them whole. */
static const DrawRun *run_of(const DrawRun *runs, size_t n, const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    int k = (int)(at - text);
    for (size_t i = 0; i < n; i++)
        if (k >= runs[i].start && k + (int)strlen(needle) <= runs[i].start + runs[i].len)
            return &runs[i];
    fail_msg("no run holds \"%s\" whole", needle);
    static const DrawRun none; /* not reached: fail_msg leaves the test */
    return &none;
}

/* The x where needle starts to be drawn, roughly: its run's left edge for a left-to-right run,
 * and for a right-to-left run the run's right edge less the width of what comes before
 * needle in the run (measured as a label). */
static void assert_left_of(const DrawRun *runs, size_t n, const char *text, const char *a,
                           const char *b)
{
    const DrawRun *ra = run_of(runs, n, text, a), *rb = run_of(runs, n, text, b);
    if (ra == rb)
        fail_msg("'%s' and '%s' are in one run: no order between them to check", a, b);
    if (!(ra->x + ra->w <= rb->x + 1))
        fail_msg("'%s' (x %d to %d) is not left of '%s' (x %d to %d)", a, ra->x, ra->x + ra->w,
                 b, rb->x, rb->x + rb->w);
}

/* "Dana wrote <shalom>, <olam> on the board, 42 times.": a left-to-right paragraph (its first
 * strong letter is D); the two Hebrew words and the comma between them are one right-to-left
 * stretch (W rules: a comma between two right-to-left letters takes their direction), so
 * <olam> is drawn left of the comma and the comma left of <shalom>; the English goes on to the
 * right. Drawn left to right in logical order (as before), <shalom> would come first. */
static void hebrew_in_english(void **state)
{
    (void)state;
    Canvas c;
    canvas_open(&c, 24);
    const char *text = "Dana wrote \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D, \xD7\xA2\xD7\x95\xD7\x9C"
                       "\xD7\x9D on the board, 42 times.";
    const char *shalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", *olam = "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D";
    Uint32 cp;
    if (!draw_has_glyphs(&c.d, text, &cp))
        fail_msg("no installed font has U+%04X (apt-get install fonts-dejavu-core)", (unsigned)cp);
    size_t n;
    DrawRun *runs = draw_text_runs(&c.d, ROLE_BODY, text, 1200, &n);
    assert_left_of(runs, n, text, "wrote", olam);
    assert_left_of(runs, n, text, olam, ","); /* the first comma: after shalom */
    assert_left_of(runs, n, text, ",", shalom);
    assert_left_of(runs, n, text, shalom, "on");
    assert_true(run_of(runs, n, text, shalom)->rtl);
    assert_true(run_of(runs, n, text, olam)->rtl);
    assert_false(run_of(runs, n, text, "42")->rtl);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(runs[i].line, 0);
    free(runs);
    /* wrapped narrow, each line is reordered alone: the line that holds both Hebrew words
     * still has olam on the left; no run is cut */
    runs = draw_text_runs(&c.d, ROLE_BODY, text, 260, &n);
    const DrawRun *rs = run_of(runs, n, text, shalom), *ro = run_of(runs, n, text, olam);
    if (rs->line == ro->line)
        assert_true(ro->x < rs->x);
    else
        assert_true(rs->line < ro->line); /* logical order across lines */
    free(runs);
    canvas_close(&c);
}

/* An Arabic sentence with a number: a right-to-left paragraph (its first strong letter is
 * Arabic) whose number reads left to right (level 2) between the words around it: "The
 * committee meets at 10 in the morning." The word before the number is right of it, the word
 * after it left of it, the full stop at the far left; the paragraph's one line ends at the
 * column's right edge. */
static void arabic_with_digits(void **state)
{
    (void)state;
    Canvas c;
    canvas_open(&c, 24);
    const char *sa_a = "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xB9\xD8\xA9"; /* al-sa'a */
    const char *sabahan = "\xD8\xB5\xD8\xA8\xD8\xA7\xD8\xAD\xD8\xA7";      /* sabahan */
    char *text = xasprintf("\xD8\xAA\xD8\xAC\xD8\xAA\xD9\x85\xD8\xB9 %s 10 %s.", sa_a, sabahan);
    Uint32 cp;
    if (!draw_has_glyphs(&c.d, text, &cp))
        fail_msg("no installed font has U+%04X (apt-get install fonts-dejavu-core)", (unsigned)cp);
    size_t n;
    DrawRun *runs = draw_text_runs(&c.d, ROLE_BODY, text, 1200, &n);
    assert_left_of(runs, n, text, ".", sabahan);
    assert_left_of(runs, n, text, sabahan, "10");
    assert_left_of(runs, n, text, "10", sa_a);
    assert_false(run_of(runs, n, text, "10")->rtl);
    assert_true(run_of(runs, n, text, sa_a)->rtl);
    int right = 0; /* the paragraph runs right to left: its line ends at the column's right */
    for (size_t i = 0; i < n; i++)
        if (runs[i].x + runs[i].w > right)
            right = runs[i].x + runs[i].w;
    assert_int_equal(right, 1200);
    free(runs);
    /* drawn, the text's ink is where the runs say: the number's pixels sit between the two
     * words' (checked on the rendered block, not only on the layout) */
    SDL_Color black = {0, 0, 0, 255};
    SDL_SetRenderDrawColor(c.r, 255, 255, 255, 255);
    SDL_RenderClear(c.r);
    int h = draw_text(&c.d, ROLE_BODY, text, 0, 0, 1200, black, true);
    assert_true(h > 0);
    runs = draw_text_runs(&c.d, ROLE_BODY, text, 1200, &n);
    const DrawRun *ten = run_of(runs, n, text, "10");
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, 1200, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_int_equal(SDL_RenderReadPixels(c.r, &(SDL_Rect){0, 0, 1200, h},
                                          SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch),
                     0);
    int ink_in = 0, ink_left = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < 1200; x++) {
            Uint32 px = ((Uint32 *)((Uint8 *)shot->pixels + (size_t)y * (size_t)shot->pitch))[x];
            if ((px & 0xFF) < 128) {
                if (x >= ten->x && x < ten->x + ten->w)
                    ink_in++;
                else if (x < ten->x)
                    ink_left++;
            }
        }
    assert_true(ink_in > 0);   /* the digits are drawn where the run is */
    assert_true(ink_left > 0); /* and something (sabahan, the stop) is drawn left of them */
    SDL_FreeSurface(shot);
    free(runs);
    free(text);
    canvas_close(&c);
}

/* English alone is laid out as before: no right-to-left run, one run per word. */
static void english_unchanged(void **state)
{
    (void)state;
    Canvas c;
    canvas_open(&c, 24);
    const char *text = "Plain *English* words, as before.";
    size_t n;
    DrawRun *runs = draw_text_runs(&c.d, ROLE_BODY, text, 1200, &n);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_false(runs[i].rtl);
        if (i)
            assert_true(runs[i].x > runs[i - 1].x);
    }
    free(runs);
    canvas_close(&c);
}

/* A fallback font of fixed bitmap sizes (a colour emoji font's one strike, about 109 px) is
 * scaled to the line: draw_fallback_scaled halves a render with its ink kept, and leaves it
 * alone at scale 1. */
static void bitmap_font_scaled(void **state)
{
    (void)state;
    SDL_Surface *t = SDL_CreateRGBSurfaceWithFormat(0, 40, 20, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(t);
    SDL_FillRect(t, NULL, SDL_MapRGBA(t->format, 0, 0, 0, 0));
    SDL_FillRect(t, &(SDL_Rect){10, 4, 20, 12}, SDL_MapRGBA(t->format, 200, 120, 0, 255));
    assert_ptr_equal(draw_fallback_scaled(t, 1.0f), t);
    SDL_Surface *half = draw_fallback_scaled(t, 0.5f); /* t is freed */
    assert_non_null(half);
    assert_int_equal(half->w, 20);
    assert_int_equal(half->h, 10);
    Uint32 mid = ((Uint32 *)((Uint8 *)half->pixels + 5 * (size_t)half->pitch))[10];
    Uint8 r, g, b, a;
    SDL_GetRGBA(mid, half->format, &r, &g, &b, &a);
    assert_true(a > 200 && r > 150); /* the colour survives (no text colour imposed) */
    SDL_FreeSurface(half);
}

static char fcdir[64];

/* A fontconfig configuration whose only fonts are DejaVu Serif (the degree Celsius sign, no
 * Hebrew, no Arabic) and DejaVu Sans Mono (Arabic, no degree Celsius, no Hebrew), linked from a folder of the
 * test's own: what the window finds must come from fontconfig, not a list of paths. */
static void fontconfig_setup(void)
{
    const char *dv = "/usr/share/fonts/truetype/dejavu";
    char *fonts = xasprintf("%s/fonts", fcdir), *conf = xasprintf("%s/fonts.conf", fcdir);
    Err err;
    assert_int_equal(util_make_dirs(fonts, &err), 0);
    const char *names[2] = {"DejaVuSerif.ttf", "DejaVuSansMono.ttf"};
    for (int i = 0; i < 2; i++) {
        char *from = xasprintf("%s/%s", dv, names[i]), *to = xasprintf("%s/%s", fonts, names[i]);
        if (access(from, R_OK) != 0)
            fail_msg("%s is missing (apt-get install fonts-dejavu-core)", from);
        unlink(to);
        assert_int_equal(symlink(from, to), 0);
        free(from);
        free(to);
    }
    FILE *f = fopen(conf, "w");
    assert_non_null(f);
    fprintf(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
               "<fontconfig><dir>%s</dir><cachedir>%s/cache</cachedir></fontconfig>\n",
            fonts, fcdir);
    fclose(f);
    setenv("FONTCONFIG_FILE", conf, 1);
    free(fonts);
    free(conf);
}

static const char *fallback_file(const Draw *d, Uint32 cp)
{
    int k = draw_fallback_of(d, cp);
    return k >= 0 ? d->fallback_files[k].path : "(none)";
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

/* The degree Celsius sign (Charis SIL lacks it) goes to DejaVu Serif and Arabic to DejaVu Sans Mono, each picked for its own
 * characters in one search; Hebrew, which neither has, is named missing. Drawing the text
 * again, at another width or after a resize, asks fontconfig nothing more, and the fonts are
 * open at each role's size. */
static void fontconfig_fallback(void **state)
{
    (void)state;
    fontconfig_setup();
    Canvas c;
    canvas_open(&c, 20);
    assert_int_equal(c.d.font_searches, 0); /* nothing asked before a character needs it */
    /* "At 40 C in Cairo (in Arabic) by train." */
    const char *text = "At 40 \xE2\x84\x83 in \xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD9\x87\xD8\xB1"
                       "\xD8\xA9 by train.";
    SDL_Color black = {0, 0, 0, 255};
    assert_true(draw_text(&c.d, ROLE_BODY, text, 0, 0, 1000, black, true) > 0);
    assert_int_equal(c.d.font_searches, 1);
    const char *celsius = fallback_file(&c.d, 0x2103), *arabic = fallback_file(&c.d, 0x0627);
    if (!ends_with(celsius, "/fonts/DejaVuSerif.ttf") || strncmp(celsius, fcdir, strlen(fcdir)))
        fail_msg("U+2103 from %s, not the test's DejaVu Serif", celsius);
    if (!ends_with(arabic, "/fonts/DejaVuSansMono.ttf") || strncmp(arabic, fcdir, strlen(fcdir)))
        fail_msg("Arabic from %s, not the test's DejaVu Sans Mono", arabic);
    assert_int_equal(c.d.n_fallback, 2);
    Uint32 cp = 0;
    assert_true(draw_has_glyphs(&c.d, text, &cp));
    assert_false(draw_has_glyphs(&c.d, "\xD7\x90", &cp)); /* Hebrew alef: neither font */
    assert_int_equal(cp, 0x05D0);
    assert_int_equal(c.d.font_searches, 2);
    /* cached: the same characters again, laid out anew, and the missing one again */
    assert_true(draw_text(&c.d, ROLE_BODY, text, 0, 0, 700, black, true) > 0);
    assert_false(draw_has_glyphs(&c.d, "\xD7\x90", &cp));
    assert_int_equal(c.d.font_searches, 2);
    int k = draw_fallback_of(&c.d, 0x0627);
    assert_true(TTF_FontHeight(c.d.fallback[k][ROLE_TITLE]) >
                TTF_FontHeight(c.d.fallback[k][ROLE_BODY]));
    int before = TTF_FontHeight(c.d.fallback[k][ROLE_BODY]);
    Err err;
    assert_int_equal(draw_resize(&c.d, 40, 1.0f, &err), 0);
    assert_true(TTF_FontHeight(c.d.fallback[k][ROLE_BODY]) > before); /* reopened larger */
    assert_true(draw_text(&c.d, ROLE_BODY, text, 0, 0, 1000, black, true) > 0);
    assert_int_equal(c.d.font_searches, 2);
    canvas_close(&c);
    unsetenv("FONTCONFIG_FILE");
}

int main(void)
{
    snprintf(fcdir, sizeof fcdir, "/tmp/ladder-bidi-XXXXXX");
    if (!mkdtemp(fcdir))
        return 1;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hebrew_in_english),
        cmocka_unit_test(arabic_with_digits),
        cmocka_unit_test(english_unchanged),
        cmocka_unit_test(bitmap_font_scaled),
        cmocka_unit_test(fontconfig_fallback),
    };
    int rc = cmocka_run_group_tests_name("render_bidi", tests, NULL, NULL);
    char *rm = xasprintf("rm -rf '%s'", fcdir);
    if (system(rm) != 0)
        rc = rc ? rc : 1;
    free(rm);
    return rc;
}
