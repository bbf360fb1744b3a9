/* transcript.c: runs one transcript test. A transcript is a text file:
 *   # args: play demo --seed 7     the ladder command line (words split on spaces)
 *   # status: 0                    the expected exit status (default 0)
 *   # env: NAME=VALUE              an extra environment variable (repeatable)
 *   # other comments are ignored
 *   > 2                            a line of input, in order
 *   text                           text the output (stdout and stderr) must contain, after the
 *                                  previous expected text
 *   !text                          text the output must not contain anywhere
 * A file may hold several runs, each starting at its own "# args:" line; they share one fresh
 * XDG_DATA_HOME (so a later run can continue an earlier one's autosave). Each run happens in the
 * source tree under a 20 s time limit, and its expectations are checked against its own output.
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

typedef struct Run {
    char *args;
    int status;
    char *input;   /* lines to feed */
    char *expect;  /* expectation lines, with their line numbers encoded as "N\tline" */
} Run;

static char *append(char *s, const char *line)
{
    size_t a = s ? strlen(s) : 0, b = strlen(line);
    s = realloc(s, a + b + 2);
    memcpy(s + a, line, b);
    s[a + b] = '\n';
    s[a + b + 1] = '\0';
    return s;
}

static int check(const char *file, const Run *r, const char *out)
{
    int failures = 0;
    const char *cursor = out;
    char *copy = r->expect ? strdup(r->expect) : NULL;
    for (char *line = copy; line && *line;) {
        char *nl = strchr(line, '\n');
        *nl = '\0';
        char *tab = strchr(line, '\t');
        int lineno = atoi(line);
        const char *e = tab + 1;
        if (e[0] == '!') {
            if (strstr(out, e + 1)) {
                fprintf(stderr, "%s:%d: output contains \"%s\"\n", file, lineno, e + 1);
                failures++;
            }
        } else {
            const char *hit = strstr(cursor, e);
            if (!hit) {
                fprintf(stderr, "%s:%d: expected \"%s\"%s\n", file, lineno, e,
                        strstr(out, e) ? " (found, but before the previous match)" : "");
                failures++;
            } else {
                cursor = hit + strlen(e);
            }
        }
        line = nl + 1;
    }
    free(copy);
    return failures;
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
    Run runs[32];
    int n = 0;
    char *env = NULL;
    int lineno = 0;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (strncmp(line, "# args:", 7) == 0) {
            if (n == 32) {
                fprintf(stderr, "%s: too many runs\n", file);
                return 2;
            }
            runs[n++] = (Run){.args = line + 7};
        } else if (strncmp(line, "# env:", 6) == 0) {
            env = append(env, line + 6);
        } else if (line[0] == '#' || line[0] == '\0') {
            /* comment */
        } else if (n == 0) {
            fprintf(stderr, "%s:%d: input or expectation before the first '# args:'\n", file,
                    lineno);
            return 2;
        } else if (strncmp(line, "# status:", 9) == 0) {
        } else if (line[0] == '>') {
            runs[n - 1].input = append(runs[n - 1].input, line[1] == ' ' ? line + 2 : line + 1);
        } else {
            char buf[4096];
            snprintf(buf, sizeof buf, "%d\t%s", lineno, line);
            runs[n - 1].expect = append(runs[n - 1].expect, buf);
        }
        if (n && strncmp(line, "# status:", 9) == 0)
            runs[n - 1].status = atoi(line + 9);
        line = nl ? nl + 1 : NULL;
    }
    if (n == 0) {
        fprintf(stderr, "%s: no '# args:' line\n", file);
        return 2;
    }
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char in_path[512], out_path[512], cmd_path[512];
        snprintf(in_path, sizeof in_path, "%s/input", dir);
        snprintf(out_path, sizeof out_path, "%s/output", dir);
        snprintf(cmd_path, sizeof cmd_path, "%s/cmd.sh", dir);
        FILE *in = fopen(in_path, "w"), *cmd = fopen(cmd_path, "w");
        if (runs[i].input)
            fputs(runs[i].input, in);
        fclose(in);
        fprintf(cmd, "cd ");
        shell_quote(cmd, src);
        fprintf(cmd, " || exit 99\nexport XDG_DATA_HOME=%s/data XDG_CONFIG_HOME=%s/config "
                     "HOME=%s NO_COLOR=1 COLUMNS=80\n",
                dir, dir, dir);
        char *envc = env ? strdup(env) : NULL;
        for (char *kv = envc; kv && *kv;) {
            char *enl = strchr(kv, '\n');
            *enl = '\0';
            while (*kv == ' ')
                kv++;
            char *eq = strchr(kv, '=');
            if (eq) {
                fprintf(cmd, "export %.*s=", (int)(eq - kv), kv);
                shell_quote(cmd, eq + 1);
                fputc('\n', cmd);
            }
            kv = enl + 1;
        }
        free(envc);
        fprintf(cmd, "exec timeout 20 ");
        shell_quote(cmd, ladder);
        fprintf(cmd, " %s < %s > %s 2>&1\n", runs[i].args, in_path, out_path);
        fclose(cmd);
        char run[600];
        snprintf(run, sizeof run, "sh %s", cmd_path);
        int st = system(run);
        int status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        char *out = slurp(out_path, NULL);
        if (!out)
            out = strdup("");
        int f = 0;
        if (status != runs[i].status) {
            fprintf(stderr, "%s: run %d: exit status %d, expected %d%s\n", file, i + 1, status,
                    runs[i].status, status == 124 ? " (timed out)" : "");
            f++;
        }
        f += check(file, &runs[i], out);
        if (f)
            fprintf(stderr, "---- output of run %d: ladder%s ----\n%s---- end of output ----\n",
                    i + 1, runs[i].args, out);
        failures += f;
        free(out);
        free(runs[i].input);
        free(runs[i].expect);
    }
    free(env);
    free(text);
    if (!failures) {
        char rm[600];
        snprintf(rm, sizeof rm, "rm -rf %s", dir);
        if (system(rm) != 0)
            fprintf(stderr, "could not remove %s\n", dir);
    } else {
        fprintf(stderr, "(files kept in %s)\n", dir);
    }
    return failures ? 1 : 0;
}
