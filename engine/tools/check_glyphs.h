/* check_glyphs.h: `ladder check`'s warning about characters that no font can show. */
#ifndef LADDER_CHECK_GLYPHS_H
#define LADDER_CHECK_GLYPHS_H

#include <stddef.h>

#include "core/story.h"

/* Told once per source line that has such characters: the story's id, the file and line, and
 * the message naming them (borrowed for the call). */
typedef void (*CheckGlyphsSay)(void *ud, const char *story, const char *file, int line,
                               const char *message);

/* Scan the story's source files (s->files: its Lua, where every text is written) for
 * characters that neither the bundled fonts (draw_find_fonts) nor any font installed here
 * (fontconfig, glyphs.h) has: the window would draw a box for each. Each such character is
 * named once, at the first line that has it, as U+XXXX and itself. Text in Lua comments is
 * skipped (as check's scan of scene names does); characters written as escapes ("\u{E000}")
 * or built at run time are not seen. Characters drawn as nothing (glyphs_ignorable) need no
 * font. Returns how many characters were named; a file that cannot be read is skipped (load
 * already read it). */
size_t check_glyphs(const Story *s, CheckGlyphsSay say, void *ud);

#endif
