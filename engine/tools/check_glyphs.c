/* check_glyphs.c: characters in a story that no font can show (issue 16, item 15). */
#include "tools/check_glyphs.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"
#include "tools/source_lines.h"
#include "ui/sdl/draw.h"
#include "ui/sdl/glyphs.h"

/* Characters named on one line at most; the rest are counted. */
#define PER_LINE 6

/* The characters of one line not yet named that no font has, appended to msg; returns how
 * many. named holds those already named in the story; *g is opened at the first character
 * past ASCII (*tried then true). */
static size_t line_gaps(Glyphs **g, bool *tried, const char *const *fonts, const char *line, uint32_t **named,
                        size_t *n_named, size_t *cap, Buf *msg)
{
    size_t found = 0, len = strlen(line);
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        size_t at = k, n = utf8_decode(line + k, len - k, &cp);
        k += n;
        if (cp == UTF8_INVALID || cp < 0x80 || glyphs_ignorable(cp))
            continue;
        bool seen = false;
        for (size_t i = 0; i < *n_named && !seen; i++)
            seen = (*named)[i] == cp;
        if (seen)
            continue;
        if (!*tried) { /* fontconfig with the bundled fonts added, for a story that needs it */
            *tried = true;
            *g = glyphs_open(fonts, STYLE_COUNT);
        }
        if (!*g || glyphs_any_has(*g, cp)) /* no fontconfig: nothing known, nothing said */
            continue;
        util_grow(named, cap, *n_named + 1, sizeof **named);
        (*named)[(*n_named)++] = cp;
        if (found < PER_LINE) /* U+XXXX and the character itself, as written */
            buf_printf(msg, "%sU+%04X '%.*s'", found ? ", " : "", (unsigned)cp, (int)n,
                       line + at);
        found++;
    }
    if (found > PER_LINE)
        buf_printf(msg, " and %zu more", found - PER_LINE);
    return found;
}

/* check_glyphs' state across the story's lines. */
typedef struct GlyphScan {
    const Story *s;
    CheckGlyphsSay say;
    void *ud;
    char *fonts[STYLE_COUNT];
    Glyphs *g;
    bool tried;
    uint32_t *named;
    size_t n_named, cap, total;
} GlyphScan;

static void glyph_line(void *ud, const char *file, int line, char *code)
{
    GlyphScan *c = ud;
    Buf msg = {0};
    size_t found = line_gaps(&c->g, &c->tried, (const char *const *)c->fonts, code, &c->named,
                             &c->n_named, &c->cap, &msg);
    if (found) {
        buf_printf(&msg, " %s in no font here (not the bundled Charis SIL, nor "
                         "any installed font): the window draws %s as a box; "
                         "install a font that has %s (Debian: fonts-noto-core, "
                         "fonts-noto-cjk) or write %s another way",
                   found == 1 ? "is" : "are", found == 1 ? "it" : "each",
                   found == 1 ? "it" : "them", found == 1 ? "it" : "them");
        c->say(c->ud, c->s->id, file, line, buf_str(&msg));
        c->total += found;
    }
    buf_free(&msg);
}

size_t check_glyphs(const Story *s, CheckGlyphsSay say, void *ud)
{
    GlyphScan c = {.s = s, .say = say, .ud = ud};
    Err err;
    if (draw_find_fonts(c.fonts, &err) != 0) /* no bundled font: installed ones alone */
        memset(c.fonts, 0, sizeof c.fonts);
    source_lines_each(s, glyph_line, &c);
    glyphs_close(c.g);
    free(c.named);
    for (int i = 0; i < STYLE_COUNT; i++)
        free(c.fonts[i]);
    return c.total;
}
