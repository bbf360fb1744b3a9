/* glyphs.c: fontconfig's answers about characters (fontconfig's API:
 * https://www.freedesktop.org/software/fontconfig/fontconfig-devel/). */
#include "ui/sdl/glyphs.h"

#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

struct Glyphs {
    FcConfig *config;
    FcCharSet *all; /* every font's characters, built by glyphs_any_has */
};

/* Open configurations: fontconfig's process-wide caches end with the last (FcFini). */
static int open_count;

Glyphs *glyphs_open(const char *const *extra, size_t n_extra)
{
    FcConfig *config = FcInitLoadConfigAndFonts();
    if (!config)
        return NULL;
    for (size_t i = 0; i < n_extra; i++)
        if (extra[i])
            FcConfigAppFontAddFile(config, (const FcChar8 *)extra[i]);
    Glyphs *g = xcalloc(1, sizeof *g);
    g->config = config;
    open_count++;
    return g;
}

void glyphs_close(Glyphs *g)
{
    if (!g)
        return;
    if (g->all)
        FcCharSetDestroy(g->all);
    FcConfigDestroy(g->config);
    free(g);
    if (--open_count == 0)
        FcFini();
}

void glyphs_search(Glyphs *g, const uint32_t *cps, size_t n, GlyphsFont **fonts,
                   size_t *n_fonts, int *pick)
{
    for (size_t i = 0; i < n; i++)
        pick[i] = -1;
    if (!g || n == 0)
        return;
    FcCharSet *want = FcCharSetCreate();
    for (size_t i = 0; i < n; i++)
        FcCharSetAddChar(want, cps[i]);
    FcPattern *pat = FcPatternCreate();
    FcPatternAddCharSet(pat, FC_CHARSET, want);
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"serif"); /* the bundled Charis SIL */
    FcConfigSubstitute(g->config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    /* trim: fonts that add no character to those before them are left out */
    FcFontSet *set = FcFontSort(g->config, pat, FcTrue, NULL, &res);
    size_t left = n;
    for (int f = 0; set && f < set->nfont && left > 0; f++) {
        FcCharSet *cs;
        FcChar8 *file;
        int index = 0;
        if (FcPatternGetCharSet(set->fonts[f], FC_CHARSET, 0, &cs) != FcResultMatch ||
            FcPatternGetString(set->fonts[f], FC_FILE, 0, &file) != FcResultMatch)
            continue;
        FcPatternGetInteger(set->fonts[f], FC_INDEX, 0, &index);
        int at = -1;
        for (size_t i = 0; i < n; i++) {
            if (pick[i] >= 0 || !FcCharSetHasChar(cs, cps[i]))
                continue;
            if (at < 0) {
                for (size_t k = 0; k < *n_fonts && at < 0; k++)
                    if ((*fonts)[k].index == index && strcmp((*fonts)[k].path, (char *)file) == 0)
                        at = (int)k;
                if (at < 0) {
                    *fonts = xrealloc(*fonts, (*n_fonts + 1) * sizeof **fonts);
                    (*fonts)[*n_fonts] = (GlyphsFont){xstrdup((char *)file), index};
                    at = (int)(*n_fonts)++;
                }
            }
            pick[i] = at;
            left--;
        }
    }
    if (set)
        FcFontSetDestroy(set);
    FcPatternDestroy(pat);
    FcCharSetDestroy(want);
}

void glyphs_fonts_free(GlyphsFont *fonts, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(fonts[i].path);
    free(fonts);
}

bool glyphs_any_has(Glyphs *g, uint32_t cp)
{
    if (!g)
        return false;
    if (!g->all) {
        g->all = FcCharSetCreate();
        FcPattern *pat = FcPatternCreate();
        FcObjectSet *os = FcObjectSetBuild(FC_CHARSET, (char *)NULL);
        FcFontSet *set = FcFontList(g->config, pat, os);
        for (int f = 0; set && f < set->nfont; f++) {
            FcCharSet *cs;
            if (FcPatternGetCharSet(set->fonts[f], FC_CHARSET, 0, &cs) == FcResultMatch)
                FcCharSetMerge(g->all, cs, NULL);
        }
        if (set)
            FcFontSetDestroy(set);
        FcObjectSetDestroy(os);
        FcPatternDestroy(pat);
    }
    return FcCharSetHasChar(g->all, cp);
}

bool glyphs_ignorable(uint32_t cp)
{
    /* Default_Ignorable_Code_Point, Unicode 15 DerivedCoreProperties.txt */
    static const uint32_t ranges[][2] = {
        {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C},   {0x115F, 0x1160},
        {0x17B4, 0x17B5},   {0x180B, 0x180F},   {0x200B, 0x200F},   {0x202A, 0x202E},
        {0x2060, 0x206F},   {0x3164, 0x3164},   {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},
        {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFF8},   {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
        {0xE0000, 0xE0FFF},
    };
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return true;
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return true;
    return false;
}
