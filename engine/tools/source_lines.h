/* source_lines.h: a story's Lua source files read line by line with the comments left out, the
 * one reading that `ladder check`'s text scans share (scene names written in the code, and
 * characters no font can show). */
#ifndef LADDER_SOURCE_LINES_H
#define LADDER_SOURCE_LINES_H

#include "core/story.h"

/* Called for each line of code: the file's path (s->files[i], borrowed), the line's number
 * from 1, and its text without the newline and without a trailing "--" comment (the callee
 * may change the text; it is freed after the file). */
typedef void (*SourceLine)(void *ud, const char *file, int line, char *code);

/* Calls each for every line of s->files that is not inside a long comment. A scan of the text,
 * not Lua's own parse (Lua 5.4 manual, section 3.1, "Lexical Conventions"): a long comment is
 * skipped only when --[[ or --[=[ opens its line, and a "--" after a quote on the same line is
 * kept as text. A file that cannot be read (64 MiB at most) is skipped: loading the story
 * already read it. */
void source_lines_each(const Story *s, SourceLine each, void *ud);

#endif
