/* transcript.c: runs one transcript test. A transcript is a text file:
 *   # args: play demo --seed 7     the ladder command line (words split on spaces)
 *   # status: 0                    the expected exit status (default 0)
 *   # env: NAME=VALUE              an extra environment variable (repeatable)
 *   # other comments are ignored
 *   > 2                            a line of input, in order
 *   text                           text the output (stdout and stderr) must contain, after the
 *                                  previous expected text
 *   !text                          text the output must not contain anywhere
 * The game runs in the source tree with a fresh XDG_DATA_HOME, under a 20 s time limit.
 * Usage: transcript LADDER SOURCE_DIR FILE */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    if (len)
        *len = got;
    return s;
}

static void shell_quote(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    }
    fputc('\'', f);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: transcript LADDER SOURCE_DIR FILE\n");
        return 2;
    }
    const char *ladder = argv[1], *src = argv[2], *file = argv[3];
    char *text = slurp(file, NULL);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", file);
        return 2;
    }
    char tmpl[] = "/tmp/ladder-transcript-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir) {
        perror("mkdtemp");
        return 2;
    }
    char in_path[512], out_path[512], cmd_path[512];
    snprintf(in_path, sizeof in_path, "%s/input", dir);
    snprintf(out_path, sizeof out_path, "%s/output", dir);
    snprintf(cmd_path, sizeof cmd_path, "%s/cmd.sh", dir);
    FILE *in = fopen(in_path, "w"), *cmd = fopen(cmd_path, "w");
    int want_status = 0;
    fprintf(cmd, "cd ");
    shell_quote(cmd, src);
    fprintf(cmd, " || exit 99\nexport XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/config "
                 "HOME=%s NO_COLOR=1 COLUMNS=80\n",
            dir, dir, dir);
    char *args = NULL;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "# args:", 7) == 0)
            args = line + 7;
        else if (strncmp(line, "# status:", 9) == 0)
            want_status = atoi(line + 9);
        else if (strncmp(line, "# env:", 6) == 0) {
            fprintf(cmd, "export ");
            const char *kv = line + 6;
            while (*kv == ' ')
                kv++;
            const char *eq = strchr(kv, '=');
            if (eq) {
                fprintf(cmd, "%.*s=", (int)(eq - kv), kv);
                shell_quote(cmd, eq + 1);
            }
            fputc('\n', cmd);
        } else if (line[0] == '>') {
            fprintf(in, "%s\n", line[1] == ' ' ? line + 2 : line + 1);
        }
    }
    fclose(in);
    if (!args) {
        fprintf(stderr, "%s: no '# args:' line\n", file);
        return 2;
    }
    fprintf(cmd, "exec timeout 20 ");
    shell_quote(cmd, ladder);
    fprintf(cmd, " %s < %s > %s 2>&1\n", args, in_path, out_path);
    fclose(cmd);
    char run[600];
    snprintf(run, sizeof run, "sh %s", cmd_path);
    int st = system(run);
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    size_t out_len;
    char *out = slurp(out_path, &out_len);
    if (!out)
        out = strdup("");
    int failures = 0;
    if (status != want_status) {
        fprintf(stderr, "%s: exit status %d, expected %d%s\n", file, status, want_status,
                status == 124 ? " (timed out)" : "");
        failures++;
    }
    /* re-read: strtok_r consumed the text */
    free(text);
    text = slurp(file, NULL);
    const char *cursor = out;
    int lineno = 0;
    save = NULL;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (line[0] == '#' || line[0] == '>' || line[0] == '\0') {
            /* not an expectation */
        } else if (line[0] == '!') {
            if (strstr(out, line + 1)) {
                fprintf(stderr, "%s:%d: output contains \"%s\"\n", file, lineno, line + 1);
                failures++;
            }
        } else {
            const char *hit = strstr(cursor, line);
            if (!hit) {
                fprintf(stderr, "%s:%d: expected \"%s\"%s\n", file, lineno, line,
                        strstr(out, line) ? " (found, but earlier than the previous match)"
                                          : "");
                failures++;
            } else {
                cursor = hit + strlen(line);
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    if (failures) {
        fprintf(stderr, "---- output of ladder %s ----\n%s---- end of output ----\n", args, out);
    } else {
        char rm[600];
        snprintf(rm, sizeof rm, "rm -rf %s", dir);
        if (system(rm) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    }
    free(out);
    free(text);
    return failures ? 1 : 0;
}
