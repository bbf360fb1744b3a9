/* check_glyphs.c: characters in a story that no font can show (issue 16, item 15). */
#include "tools/check_glyphs.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/util.h"
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

size_t check_glyphs(const Story *s, CheckGlyphsSay say, void *ud)
{
    char *fonts[STYLE_COUNT] = {0};
    Err err;
    if (draw_find_fonts(fonts, &err) != 0) /* no bundled font: installed ones alone */
        memset(fonts, 0, sizeof fonts);
    Glyphs *g = NULL;
    bool tried = false;
    uint32_t *named = NULL;
    size_t n_named = 0, cap = 0, total = 0;
    for (size_t f = 0; f < s->n_files; f++) {
        char *text = util_read_file(s->files[f], 64u << 20, NULL, &err);
        if (!text)
            continue;
        int ln = 0;
        bool long_comment = false;
        for (char *line = text; line;) {
            char *nl = strchr(line, '\n');
            if (nl)
                *nl = '\0';
            ln++;
            char *start = line + strspn(line, " \t");
            if (long_comment) {
                long_comment = !strstr(line, "]]");
            } else if (strncmp(start, "--[[", 4) == 0 || strncmp(start, "--[=[", 5) == 0) {
                long_comment = !strstr(start, "]]") && !strstr(start, "]=]");
            } else {
                char *dash = strstr(line, "--");
                if (dash && !memchr(line, '"', (size_t)(dash - line)) &&
                    !memchr(line, '\'', (size_t)(dash - line)))
                    *dash = '\0';
                Buf msg = {0};
                size_t found = line_gaps(&g, &tried, (const char *const *)fonts, line, &named, &n_named,
                                         &cap, &msg);
                if (found) {
                    buf_printf(&msg, " %s in no font here (not the bundled Charis SIL, nor "
                                     "any installed font): the window draws %s as a box; "
                                     "install a font that has %s (Debian: fonts-noto-core, "
                                     "fonts-noto-cjk) or write %s another way",
                               found == 1 ? "is" : "are", found == 1 ? "it" : "each",
                               found == 1 ? "it" : "them", found == 1 ? "it" : "them");
                    say(ud, s->id, s->files[f], ln, buf_str(&msg));
                    total += found;
                }
                buf_free(&msg);
            }
            line = nl ? nl + 1 : NULL;
        }
        free(text);
    }
    glyphs_close(g);
    free(named);
    for (int i = 0; i < STYLE_COUNT; i++)
        free(fonts[i]);
    return total;
}
