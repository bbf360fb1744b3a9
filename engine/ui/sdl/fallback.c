/* fallback.c: the window's fonts for characters the bundled fonts lack. Each such character is
 * looked up once (fontconfig, glyphs.h), in a batch with the others of the same text; the
 * fonts found stay open at every role's size until the size changes, and the answer for each
 * character stays in a table, so a frame never asks fontconfig anything. */
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "ui/sdl/draw.h"

/* Fonts found at most; characters after that show as boxes (no story needs more scripts). */
#define MAX_FALLBACKS 32

static size_t slot_of(const Draw *d, Uint32 cp)
{
    size_t h = (size_t)(cp * 2654435761u) & (d->cp_cap - 1);
    while (d->cp_keys[h] && d->cp_keys[h] != cp)
        h = (h + 1) & (d->cp_cap - 1);
    return h;
}

int draw_fallback_of(const Draw *d, Uint32 cp)
{
    if (!d->cp_cap || !cp)
        return -1;
    size_t h = slot_of(d, cp);
    return d->cp_keys[h] == cp ? d->cp_font[h] : -1;
}

static bool looked_up(const Draw *d, Uint32 cp)
{
    return d->cp_cap && d->cp_keys[slot_of(d, cp)] == cp;
}

static void remember(Draw *d, Uint32 cp, int font)
{
    if ((d->cp_n + 1) * 2 > d->cp_cap) { /* keep the table at most half full */
        size_t old_cap = d->cp_cap;
        Uint32 *old_keys = d->cp_keys;
        int *old_font = d->cp_font;
        d->cp_cap = old_cap ? old_cap * 2 : 256;
        d->cp_keys = xcalloc(d->cp_cap, sizeof *d->cp_keys);
        d->cp_font = xcalloc(d->cp_cap, sizeof *d->cp_font);
        for (size_t i = 0; i < old_cap; i++)
            if (old_keys[i]) {
                size_t h = slot_of(d, old_keys[i]);
                d->cp_keys[h] = old_keys[i];
                d->cp_font[h] = old_font[i];
            }
        free(old_keys);
        free(old_font);
    }
    size_t h = slot_of(d, cp);
    if (!d->cp_keys[h])
        d->cp_n++;
    d->cp_keys[h] = cp;
    d->cp_font[h] = font;
}

/* Open fallback k at every role's size (a font that does not open stays NULL: boxes). */
static void open_one(Draw *d, size_t k)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        TTF_Font *f = TTF_OpenFontIndex(d->fallback_files[k].path, draw_role_px(d, (TextRole)r),
                                        d->fallback_files[k].index);
        float scale = 1.0f;
        if (f) {
            TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
            /* a font of fixed bitmap sizes opens at one of them, whatever the size asked
             * (SDL_ttf takes the size as the strike's number): scale it to the line */
            int want = TTF_FontHeight(d->font[r][STYLE_REGULAR]), got = TTF_FontHeight(f);
            if (got > 2 * want && want > 0)
                scale = (float)want / (float)got;
        }
        d->fallback[k][r] = f;
        d->fallback_scale[k][r] = scale;
    }
}

void draw_fallback_open(Draw *d)
{
    for (size_t k = 0; k < d->n_fallback; k++)
        if (!d->fallback[k][ROLE_BODY])
            open_one(d, k);
}

void draw_fallback_close(Draw *d, bool keep_files)
{
    for (size_t k = 0; k < d->n_fallback; k++)
        for (int r = 0; r < ROLE_COUNT; r++) {
            if (d->fallback[k][r])
                TTF_CloseFont(d->fallback[k][r]);
            d->fallback[k][r] = NULL;
        }
    if (keep_files)
        return;
    free(d->fallback);
    free(d->fallback_scale);
    d->fallback_scale = NULL;
    glyphs_fonts_free(d->fallback_files, d->n_fallback);
    d->fallback = NULL;
    d->fallback_files = NULL;
    d->n_fallback = 0;
    free(d->cp_keys);
    free(d->cp_font);
    d->cp_keys = NULL;
    d->cp_font = NULL;
    d->cp_cap = d->cp_n = 0;
    glyphs_close(d->glyphs);
    d->glyphs = NULL;
}

/* True when one of the bundled fonts (regular, bold, italic) lacks cp. */
static bool bundled_lacks(const Draw *d, Uint32 cp)
{
    for (int s = 0; s < STYLE_COUNT; s++)
        if (!TTF_GlyphIsProvided32(d->font[ROLE_BODY][s], cp))
            return true;
    return false;
}

void draw_fallback_resolve(Draw *d, const char *text, size_t len)
{
    Uint32 *want = NULL;
    size_t n = 0, cap = 0;
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        k += utf8_decode(text + k, len - k, &cp);
        if (cp == UTF8_INVALID || cp < 0x80 || glyphs_ignorable(cp) || looked_up(d, cp) ||
            !bundled_lacks(d, cp))
            continue;
        bool dup = false;
        for (size_t i = 0; i < n && !dup; i++)
            dup = want[i] == cp;
        if (dup)
            continue;
        util_grow(&want, &cap, n + 1, sizeof *want);
        want[n++] = cp;
    }
    if (n == 0)
        return;
    if (!d->glyphs && d->font_searches == 0)
        d->glyphs = glyphs_open(NULL, 0); /* NULL: no fontconfig, every answer is none */
    d->font_searches++;
    int *pick = xcalloc(n, sizeof *pick);
    size_t before = d->n_fallback;
    glyphs_search(d->glyphs, want, n, &d->fallback_files, &d->n_fallback, pick);
    if (d->n_fallback > MAX_FALLBACKS) { /* forget the fonts past the cap */
        for (size_t i = 0; i < n; i++)
            if (pick[i] >= MAX_FALLBACKS)
                pick[i] = -1;
        for (size_t k = MAX_FALLBACKS; k < d->n_fallback; k++)
            free(d->fallback_files[k].path);
        d->n_fallback = MAX_FALLBACKS;
    }
    if (d->n_fallback > before) {
        d->fallback = xrealloc(d->fallback, d->n_fallback * sizeof *d->fallback);
        d->fallback_scale =
            xrealloc(d->fallback_scale, d->n_fallback * sizeof *d->fallback_scale);
        for (size_t k = before; k < d->n_fallback; k++)
            open_one(d, k);
    }
    for (size_t i = 0; i < n; i++) {
        int f = pick[i];
        /* fontconfig's character set and the font's own table should agree; trust the font */
        if (f >= 0 && !(d->fallback[f][ROLE_BODY] &&
                        TTF_GlyphIsProvided32(d->fallback[f][ROLE_BODY], want[i])))
            f = -1;
        remember(d, want[i], f);
    }
    free(pick);
    free(want);
}

TTF_Font *draw_fallback_font(Draw *d, TextRole role, Uint32 cp)
{
    char buf[4];
    int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1)
        buf[0] = (char)cp;
    else {
        for (int i = n - 1; i > 0; i--, cp >>= 6)
            buf[i] = (char)(0x80 | (cp & 0x3F));
        buf[0] = (char)((0xF00 >> n) | cp); /* 110xxxxx, 1110xxxx, 11110xxx */
    }
    uint32_t back;
    utf8_decode(buf, (size_t)n, &back);
    draw_fallback_resolve(d, buf, (size_t)n);
    int k = draw_fallback_of(d, back);
    return k >= 0 ? d->fallback[k][role] : NULL;
}

SDL_Surface *draw_fallback_scaled(SDL_Surface *t, float k)
{
    if (!t || k == 1.0f)
        return t;
    int w = (int)((float)t->w * k + 0.5f), h = (int)((float)t->h * k + 0.5f);
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, h > 0 ? h : 1, 32,
                                                      SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *src = out ? SDL_ConvertSurfaceFormat(t, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    if (!src || SDL_SoftStretchLinear(src, NULL, out, NULL) != 0) {
        SDL_FreeSurface(out);
        SDL_FreeSurface(src);
        return t; /* unscaled rather than nothing */
    }
    SDL_FreeSurface(src);
    SDL_FreeSurface(t);
    return out;
}

/* The walk of draw_has_glyphs and draw_font_has_glyphs: with_fallback counts the fallback
 * fonts (looked up first when needed). */
static bool has_glyphs(Draw *d, const char *text, Uint32 *missing, bool with_fallback)
{
    if (!text)
        return true;
    if (with_fallback)
        draw_fallback_resolve(d, text, strlen(text));
    size_t len = strlen(text);
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        k += utf8_decode(text + k, len - k, &cp);
        if (cp == UTF8_INVALID)
            continue; /* an ill-formed sequence: nothing to look up */
        if (!glyphs_ignorable(cp) && !TTF_GlyphIsProvided32(d->font[ROLE_BODY][STYLE_REGULAR], cp) &&
            !(with_fallback && draw_fallback_of(d, cp) >= 0)) {
            if (missing)
                *missing = cp;
            return false;
        }
    }
    return true;
}

bool draw_has_glyphs(Draw *d, const char *text, Uint32 *missing)
{
    return has_glyphs(d, text, missing, true);
}

bool draw_font_has_glyphs(Draw *d, const char *text, Uint32 *missing)
{
    return has_glyphs(d, text, missing, false);
}
