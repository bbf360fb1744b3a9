/* jsonl.c: checks that a file is JSON Lines as Ladder writes them: every line (ended by a
 * newline) is valid UTF-8 (core/utf8.h, strictly: no overlong forms, surrogates or bytes that
 * are not UTF-8) and exactly one JSON value, with nothing after it, that is an object or, with
 * --any, any value. Prints the number of lines; exit status 1 naming the first bad line.
 * Usage: jsonl [--any] FILE... (for the shell tests, which cannot count on python3). */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

static int check_file(const char *path, int any)
{
    Err err;
    size_t len;
    char *text = util_read_file(path, (size_t)1 << 30, &len, &err);
    if (!text) {
        fprintf(stderr, "jsonl: %s\n", err.msg);
        return 1;
    }
    if (len && text[len - 1] != '\n') {
        fprintf(stderr, "jsonl: %s: the last line has no newline\n", path);
        free(text);
        return 1;
    }
    size_t lines = 0;
    int bad = 0;
    for (size_t i = 0; i < len && !bad;) {
        char *nl = memchr(text + i, '\n', len - i);
        size_t n = (size_t)(nl - (text + i));
        lines++;
        const char *end = NULL;
        cJSON *v = NULL;
        if (!utf8_valid(text + i, n) || memchr(text + i, '\0', n)) {
            fprintf(stderr, "jsonl: %s:%zu: not valid UTF-8\n", path, lines);
            bad = 1;
        } else if (!(v = cJSON_ParseWithLengthOpts(text + i, n, &end, 0)) ||
                   end != text + i + n || (!any && !cJSON_IsObject(v))) {
            fprintf(stderr, "jsonl: %s:%zu: not %s: %.200s\n", path, lines,
                    any ? "one JSON value" : "one JSON object", text + i);
            bad = 1;
        }
        cJSON_Delete(v);
        i += n + 1;
    }
    if (!bad)
        printf("%s: %zu lines of JSON, valid UTF-8\n", path, lines);
    free(text);
    return bad;
}

int main(int argc, char **argv)
{
    int any = argc > 1 && strcmp(argv[1], "--any") == 0;
    if (argc < 2 + any) {
        fprintf(stderr, "usage: jsonl [--any] FILE...\n");
        return 2;
    }
    int bad = 0;
    for (int i = 1 + any; i < argc; i++)
        bad |= check_file(argv[i], any);
    return bad;
}
