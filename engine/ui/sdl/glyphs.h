/* glyphs.h: which installed fonts can draw which characters, asked of fontconfig: the window's
 * search for fonts that have what the bundled fonts lack (draw.c) and `ladder check`'s warning
 * about characters no font can show (tools/check_glyphs.c). No SDL here. */
#ifndef LADDER_GLYPHS_H
#define LADDER_GLYPHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Glyphs Glyphs;

/* A font file fontconfig found (index: the face in a collection such as a .ttc). */
typedef struct GlyphsFont {
    char *path;
    int index;
} GlyphsFont;

/* Load fontconfig's configuration and font list (FONTCONFIG_FILE when set, else the system's,
 * with its cache) and add the font files extra[0..n_extra) to it (the bundled fonts, for
 * glyphs_any_has). Returns NULL when fontconfig cannot load; free with glyphs_close. Costs a
 * few milliseconds with a cache: open once, not per frame. */
Glyphs *glyphs_open(const char *const *extra, size_t n_extra);
void glyphs_close(Glyphs *g); /* NULL is fine; the last close also ends fontconfig (FcFini) */

/* For the n code points cps, the fonts that can draw them: one fontconfig query (FcFontSort
 * with the FcCharSet of all of them, so the fonts that cover most come first, then the
 * config's preferences for a serif), then for each code point the first font in that order
 * that has it. pick[i] receives an index into *fonts (a list the caller keeps and frees with
 * glyphs_fonts_free; a font already in it is not added again), or -1 when no font has cps[i].
 * g NULL: every pick is -1. */
void glyphs_search(Glyphs *g, const uint32_t *cps, size_t n, GlyphsFont **fonts,
                   size_t *n_fonts, int *pick);
void glyphs_fonts_free(GlyphsFont *fonts, size_t n);

/* True when a font of g (installed or added by glyphs_open) has a glyph for cp. The union of
 * every font's characters is built on the first call (tens of milliseconds with many fonts). */
bool glyphs_any_has(Glyphs *g, uint32_t cp);

/* True for code points that are drawn as nothing and need no glyph: controls below U+0020 and
 * U+007F-U+009F, and Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt:
 * soft hyphen, zero-width joiners and spaces, bidi controls, variation selectors, tags). */
bool glyphs_ignorable(uint32_t cp);

#endif
