/* draw.h: the window's drawing layer: fonts, themes, rich text laid out into cached textures,
 * and a few primitives. Works in drawable pixels (HiDPI aware through `scale`). */
#ifndef LADDER_DRAW_H
#define LADDER_DRAW_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#include "core/util.h"
#include "ui/sdl/glyphs.h"

typedef enum FontStyle { STYLE_REGULAR, STYLE_BOLD, STYLE_ITALIC, STYLE_COUNT } FontStyle;
/* Text roles map to sizes relative to the body size (ROLE_CLOCK: the room's countdown, three
 * times the body size, for the back of a room). */
typedef enum TextRole {
    ROLE_BODY,
    ROLE_SMALL,
    ROLE_HEADING,
    ROLE_TITLE,
    ROLE_CLOCK,
    ROLE_COUNT
} TextRole;

typedef struct Theme {
    const char *name;
    SDL_Color bg, panel, text, dim, accent, button, button_hover, button_border, button_text, good,
        bad, neutral, bar_bg, shade;
} Theme;

extern const Theme THEMES[3]; /* light, dark, high contrast */

typedef struct TextBlock {
    unsigned long long key;
    SDL_Texture *tex; /* NULL for empty text */
    int w, h;
    bool split; /* a word wider than the width was cut inside */
    unsigned long last_used;
} TextBlock;

#define TEXT_CACHE 512

typedef struct Draw {
    SDL_Renderer *r;
    TTF_Font *font[ROLE_COUNT][STYLE_COUNT];
    char *font_path[STYLE_COUNT];
    /* installed fonts for characters the story's fonts lack (Hebrew in DejaVu Sans, Korean in
     * Noto Sans CJK when installed...), found by fontconfig (glyphs.h) the first time such a
     * character is laid out and kept, each open at every role's size (fallback.c) */
    Glyphs *glyphs; /* fontconfig, opened at the first search; NULL before */
    GlyphsFont *fallback_files;
    TTF_Font *(*fallback)[ROLE_COUNT]; /* fallback[k][role]: fallback_files[k] at role's size */
    /* what fallback[k][role]'s renders are scaled by: 1, or less for a font of fixed bitmap
     * sizes (a colour emoji font has one, about 109 px) so it matches the line */
    float (*fallback_scale)[ROLE_COUNT];
    size_t n_fallback;
    /* code points already looked up: the fallback font that draws each (index), or -1 for
     * none; an open-addressed table (0 marks a free slot: U+0000 is never looked up) */
    Uint32 *cp_keys;
    int *cp_font;
    size_t cp_cap, cp_n;
    unsigned long font_searches; /* fontconfig queries made, for tests */
    int body_px;  /* body text size in window points */
    float scale;  /* drawable pixels per window point */
    const Theme *theme;
    TextBlock cache[TEXT_CACHE];
    unsigned long tick;
    /* where text was drawn this frame, for layout tests, and the blocks among them that cut a
     * word inside (draw_text_splits) */
    SDL_Rect *drawn, *split;
    size_t n_drawn, cap_drawn, n_split, cap_split;
} Draw;

/* Find the fonts: assets/fonts under the data folder, next to the binary, or the source tree;
 * else a system serif. Returns 0 or -1 with err naming what was looked for. */
int draw_find_fonts(char *paths[STYLE_COUNT], Err *err);
/* Set up d to draw on r (borrowed: it must outlive d) with body text of body_px window points,
 * scale drawable pixels per point, and theme (static). Returns 0, or -1 with err when no font
 * is found or one does not open. Release with draw_close. */
int draw_open(Draw *d, SDL_Renderer *r, int body_px, float scale, const Theme *theme, Err *err);
/* Change body size (window points) or scale: reopens the fonts and empties the cache. Returns 0
 * or -1 with err when a font does not open. */
int draw_resize(Draw *d, int body_px, float scale, Err *err);
void draw_set_theme(Draw *d, const Theme *theme); /* theme is static (THEMES) */
void draw_close(Draw *d); /* free the fonts, cached textures and paths; not d, nor the renderer */

/* Lay out text with *emphasis* / **strong** markup (read by text_markup, core/text.h),
 * paragraphs split by blank lines and kept line breaks, wrapped to width w (drawable px).
 * Renders at (x, y) when render is true. Returns the height used, in drawable pixels. Results
 * are cached by (text, role, width, colour). */
int draw_text(Draw *d, TextRole role, const char *text, int x, int y, int w, SDL_Color color,
              bool render);
/* True when draw_text would cut a word of text inside to wrap it to width w (a word wider than
 * the line): the caller can give it more room or lay it out otherwise. Measures only (cached). */
bool draw_text_splits(Draw *d, TextRole role, const char *text, int w);
/* One run of text as draw_text lays it out, for tests: on line `line` (0 first), from x
 * drawable pixels, w wide; the bytes start..start+len of the text (markup included when it
 * falls inside); drawn right to left when rtl. */
typedef struct DrawRun {
    int line, x, w;
    int start, len;
    bool rtl;
} DrawRun;
/* The runs draw_text(d, role, text, .., w, ..) draws, left to right on each line (visual
 * order), in a malloc'd array of *n (the caller frees it; NULL when there are none). */
DrawRun *draw_text_runs(Draw *d, TextRole role, const char *text, int w, size_t *n);
/* One line of plain text, no wrapping; returns its width (and height in *h if given), in
 * drawable pixels. */
int draw_label(Draw *d, TextRole role, FontStyle style, const char *text, int x, int y,
               SDL_Color color, bool render, int *h);
/* text cut at a character boundary and ended with an ellipsis so that its one line in role
 * and style is at most w drawable px wide (text itself when it fits; "" when not even the
 * ellipsis fits). malloc'd. */
char *draw_ellipsize(Draw *d, TextRole role, FontStyle style, const char *text, int w);
/* The distance between two lines of role's regular font, in drawable pixels. */
int draw_line_height(Draw *d, TextRole role);
/* The size of role's fonts in drawable pixels (the body size times the role's factor). */
int draw_role_px(const Draw *d, TextRole role);
/* Scaled length: n window points in drawable pixels. */
int draw_px(const Draw *d, int n);

/* Fill rectangle r (drawable pixels) with c; draw its border, thickness pixels wide, inside r. */
void draw_fill(Draw *d, SDL_Rect r, SDL_Color c);
void draw_frame(Draw *d, SDL_Rect r, SDL_Color c, int thickness);
/* The same border in dashes of 8 points with 6-point gaps: what cannot be used now (a locked
 * choice, an inactive button), told by shape as well as colour. */
void draw_dashed_frame(Draw *d, SDL_Rect r, SDL_Color c, int thickness);
/* True if every code point of the UTF-8 text (NULL: none) has a glyph in the body fonts or an
 * installed font fontconfig finds (searched for now if not yet: not per frame); else false
 * with the first missing code point in *missing. Characters drawn as nothing (glyphs_ignorable)
 * need none. */
bool draw_has_glyphs(Draw *d, const char *text, Uint32 *missing);
/* The same for the story's own fonts alone (the bundled Charis SIL), without the fallback. */
bool draw_font_has_glyphs(Draw *d, const char *text, Uint32 *missing);

/* ---- fallback fonts (fallback.c) ---- */
/* Look up, in one fontconfig query, every code point of the UTF-8 text (len bytes) that the
 * bundled regular, bold or italic font lacks and that was not looked up before; open the fonts
 * found at every role's size. Cheap when nothing is new (a table lookup per such character). */
void draw_fallback_resolve(Draw *d, const char *text, size_t len);
/* The fallback font drawing cp (index into d->fallback), or -1: none has it, or not looked
 * up yet (draw_fallback_resolve first). */
int draw_fallback_of(const Draw *d, Uint32 cp);
/* The font drawing cp at role's size when the bundled fonts lack it, or NULL (borrowed: valid
 * until draw_resize or draw_close). Looks cp up first when needed. */
TTF_Font *draw_fallback_font(Draw *d, TextRole role, Uint32 cp);
/* Open the fallback fonts found so far at the roles' sizes (after a resize); close them all
 * (sizes only: keep_files) or forget them and fontconfig too (!keep_files, at draw_close). */
void draw_fallback_open(Draw *d);
/* t scaled by k with linear filtering (a fallback font of fixed bitmap sizes: its
 * fallback_scale), as a new surface that replaces t (t is freed); t itself when k is 1 or
 * scaling fails; NULL for NULL. */
SDL_Surface *draw_fallback_scaled(SDL_Surface *t, float k);
void draw_fallback_close(Draw *d, bool keep_files);

#endif
