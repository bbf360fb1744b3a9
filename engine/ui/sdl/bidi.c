/* bidi.c: UAX #9 through FriBidi (https://www.unicode.org/reports/tr9/; FriBidi's API in
 * fribidi-bidi.h: fribidi_get_par_embedding_levels_ex, fribidi_reorder_line). */
#include "ui/sdl/bidi.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"

bool bidi_analyse(BidiPara *p, const uint32_t *cps, size_t n)
{
    memset(p, 0, sizeof *p);
    if (n == 0 || n > (size_t)INT32_MAX / 2)
        return false;
    FriBidiCharType *types = xcalloc(n, sizeof *types);
    FriBidiBracketType *brackets = xcalloc(n, sizeof *brackets);
    FriBidiLevel *levels = xcalloc(n, sizeof *levels);
    const FriBidiChar *str = (const FriBidiChar *)cps;
    fribidi_get_bidi_types(str, (FriBidiStrIndex)n, types);
    /* N0: paired brackets take the direction of what they enclose */
    fribidi_get_bracket_types(str, (FriBidiStrIndex)n, types, brackets);
    FriBidiParType base = FRIBIDI_PAR_ON; /* P2-P3: the first strong character decides */
    FriBidiLevel max = fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n,
                                                           &base, levels);
    free(brackets);
    if (max <= 1 && !FRIBIDI_IS_RTL(base)) { /* 0: failure; 1: all at level 0 */
        free(types);
        free(levels);
        return false;
    }
    p->n = n;
    p->types = xcalloc(n, sizeof *p->types);
    p->levels = xcalloc(n, sizeof *p->levels);
    for (size_t i = 0; i < n; i++) {
        p->types[i] = types[i];
        p->levels[i] = (uint8_t)levels[i];
    }
    free(types);
    free(levels);
    p->map = xcalloc(n, sizeof *p->map);
    p->base = (int)base;
    p->rtl = FRIBIDI_IS_RTL(base);
    return true;
}

size_t bidi_line_runs(BidiPara *p, const int *group, size_t off, size_t len, BidiRun *out)
{
    if (len == 0 || off + len > p->n)
        return 0;
    FriBidiCharType *types = xcalloc(p->n, sizeof *types);
    FriBidiLevel *levels = xcalloc(p->n, sizeof *levels);
    FriBidiStrIndex *map = xcalloc(p->n, sizeof *map);
    for (size_t i = 0; i < p->n; i++) {
        types[i] = (FriBidiCharType)p->types[i];
        levels[i] = (FriBidiLevel)p->levels[i];
        map[i] = (FriBidiStrIndex)i; /* the map starts as the identity (fribidi-bidi.h) */
    }
    /* no FRIBIDI_FLAG_REORDER_NSM: a right-to-left run is shaped by HarfBuzz, which places
     * its marks itself; L2 reverses the line's stretches from the highest level down */
    if (!fribidi_reorder_line(0, types, (FriBidiStrIndex)len, (FriBidiStrIndex)off,
                              (FriBidiParType)p->base, levels, NULL, map)) {
        for (size_t i = off; i < off + len; i++) /* failure (memory): logical order */
            map[i] = (FriBidiStrIndex)i;
    }
    for (size_t i = 0; i < p->n; i++) {
        p->levels[i] = (uint8_t)levels[i];
        p->map[i] = (int)map[i];
    }
    free(types);
    free(levels);
    free(map);
    /* group the visual sequence: a run continues while the group and the level stay and the
     * logical index steps the run's way (up left to right, down right to left) */
    size_t n = 0;
    for (size_t v = off; v < off + len; v++) {
        int k = p->map[v];
        bool rtl = p->levels[k] & 1;
        if (group[k] < 0) {
            out[n++] = (BidiRun){k, k, rtl, true};
            continue;
        }
        if (n > 0 && !out[n - 1].gap && out[n - 1].rtl == rtl) {
            BidiRun *r = &out[n - 1];
            int last = p->map[v - 1];
            if (group[last] == group[k] && p->levels[last] == p->levels[k] &&
                k == last + (rtl ? -1 : 1)) {
                if (rtl)
                    r->from = k;
                else
                    r->to = k;
                continue;
            }
        }
        out[n++] = (BidiRun){k, k, rtl, false};
    }
    return n;
}

void bidi_free(BidiPara *p)
{
    free(p->types);
    free(p->levels);
    free(p->map);
    memset(p, 0, sizeof *p);
}

bool bidi_right_to_left_char(uint32_t cp)
{
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x202B || cp == 0x202E ||
           cp == 0x2067;
}

bool bidi_has_right_to_left(const char *text)
{
    size_t len = strlen(text);
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        bool high = (unsigned char)text[k] >= 0xD6; /* U+0590 and up start 0xD6 or higher */
        k += utf8_decode(text + k, len - k, &cp);
        if (high && bidi_right_to_left_char(cp))
            return true;
    }
    return false;
}
