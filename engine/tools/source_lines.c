/* source_lines.c: a story's Lua source files line by line, comments left out. */
#include "tools/source_lines.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

void source_lines_each(const Story *s, SourceLine each, void *ud)
{
    for (size_t f = 0; f < s->n_files; f++) {
        Err err;
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
                each(ud, s->files[f], ln, line);
            }
            line = nl ? nl + 1 : NULL;
        }
        free(text);
    }
}
