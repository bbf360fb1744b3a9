/* support.c: helpers shared by the unit tests. */
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/save.h"

const char MINIMAL_STORY[] =
    "story { id = \"t\", title = \"T\", summary = \"s\", start = \"a\",\n"
    "  stats = { { id = \"burnout\", start = 30, label = \"Burnout\", good = \"low\" },"
    " { id = \"savings\", start = 20, label = \"Savings\" } },\n"
    "  when_stat = { burnout = { at_least = 100, go = \"flameout\" } } }\n"
    "scene \"a\" { text = \"Savings {savings}.\","
    " choice { \"Work\", id = \"work\", effects = { burnout = 50 }, go = \"a\" },\n"
    "            choice { \"Rest\", id = \"rest\", when = function(g) return g.burnout > 40 end,"
    " effects = { burnout = -200 }, go = \"a\" },\n"
    "            choice { \"Gamble\", id = \"gamble\","
    " go = function(g) return g:chance(0.5) and \"a\" or \"flameout\" end } }\n"
    "ending \"flameout\" { title = \"Flamed out\", verdict = \"bad\", text = \"Done.\" }\n";

/* ---- files ---- */

char *tmp_dir_new(void)
{
    char *dir = xstrdup("/tmp/ladder-unit-XXXXXX");
    if (!mkdtemp(dir)) {
        print_error("mkdtemp failed: %s\n", strerror(errno));
        free(dir);
        fail();
    }
    return dir;
}

void tmp_dir_remove(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *p = xasprintf("%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                tmp_dir_remove(p);
            else
                unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

void write_bytes(const char *dir, const char *name, const char *data, size_t len)
{
    char *path = xasprintf("%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    Err err;
    if (util_make_dirs(path, &err) != 0) {
        print_error("%s\n", err.msg);
        free(path);
        fail();
    }
    *slash = '/';
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        print_error("cannot write %s: %s\n", path, strerror(errno));
        if (f)
            fclose(f);
        free(path);
        fail();
    }
    fclose(f);
    free(path);
}

void write_text(const char *dir, const char *name, const char *text)
{
    write_bytes(dir, name, text, strlen(text));
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *list_dir(const char *dir)
{
    char **names = NULL;
    size_t n = 0, cap = 0;
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            util_grow(&names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
        closedir(d);
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_name);
    Buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_putc(&b, ',');
        buf_puts(&b, names[i]);
        free(names[i]);
    }
    free(names);
    return buf_take(&b);
}

/* ---- stories ---- */

/* Run story_load(rel) with the working directory set to dir. */
static Story *load_in(const char *dir, const char *rel, Err *err)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd) || chdir(dir) != 0) {
        print_error("cannot change into %s: %s\n", dir, strerror(errno));
        fail();
    }
    memset(err->msg, 0, sizeof err->msg);
    Story *s = story_load(rel, err);
    if (chdir(cwd) != 0) {
        print_error("cannot change back into %s: %s\n", cwd, strerror(errno));
        fail();
    }
    return s;
}

Story *load_story_bytes(const char *data, size_t len, Err *err)
{
    char *dir = tmp_dir_new();
    write_bytes(dir, "story.lua", data, len);
    Story *s = load_in(dir, "story.lua", err);
    tmp_dir_remove(dir);
    free(dir);
    return s;
}

Story *load_story_src(const char *src, Err *err)
{
    return load_story_bytes(src, strlen(src), err);
}

Story *load_story_files(const char *const *names, const char *const *srcs, size_t n, Err *err)
{
    char *dir = tmp_dir_new();
    for (size_t i = 0; i < n; i++) {
        char *name = xasprintf("story/%s", names[i]);
        write_text(dir, name, srcs[i]);
        free(name);
    }
    Story *s = load_in(dir, "story", err);
    tmp_dir_remove(dir);
    free(dir);
    return s;
}

int support_data_home_setup(void **state)
{
    char *dir = tmp_dir_new();
    setenv("XDG_DATA_HOME", dir, 1);
    *state = dir;
    return 0;
}

int support_data_home_teardown(void **state)
{
    tmp_dir_remove(*state);
    free(*state);
    unsetenv("XDG_DATA_HOME");
    return 0;
}

char *support_saved_steps(const char *path, bool with_scenes, uint64_t *seed)
{
    SaveData d;
    Err err;
    if (save_read(path, &d, &err) != 0) {
        print_error("%s\n", err.msg);
        fail();
    }
    Buf b = {0};
    for (size_t i = 0; i < d.n_steps; i++)
        buf_printf(&b, "%s%s%s%s", i ? "," : "", with_scenes ? d.steps[i].scene : "",
                   with_scenes ? "/" : "", d.steps[i].choice);
    if (seed)
        *seed = d.seed;
    save_data_free(&d);
    return b.len ? buf_take(&b) : xstrdup("");
}

Session *support_must_open_session(const char *src, uint64_t seed, bool resume,
                                   const char *load, const char *file, int line)
{
    SessionOptions o = {.seed = seed, .seed_given = true, .player = "Ada", .resume = resume,
                        .load = load};
    Err err;
    Session *ss = session_open(support_must_load(src, file, line), &o, &err);
    if (!ss) {
        print_error("session_open: %s\n", err.msg);
        _fail(file, line);
    }
    return ss;
}

void support_must_session_choose(Session *ss, const char *id, const char *file, int line)
{
    Err err;
    if (session_choose_id(ss, id, 1.0, &err) != 0) {
        print_error("choosing %s: %s\n", id, err.msg);
        _fail(file, line);
    }
}

Story *support_must_load(const char *src, const char *file, int line)
{
    Err err;
    Story *s = load_story_src(src, &err);
    if (!s) {
        print_error("the story does not load:\n%s\n", err.msg);
        _fail(file, line);
    }
    return s;
}

char *support_load_error(const char *src, const char *file, int line)
{
    Err err;
    Story *s = load_story_src(src, &err);
    if (s) {
        story_free(s);
        print_error("the story loads, but an error was expected\n");
        _fail(file, line);
    }
    return xstrdup(err.msg);
}

/* ---- games ---- */

Game *support_must_start(const Story *s, uint64_t seed, const char *file, int line)
{
    Err err;
    Game *g = game_new(s, seed, "Sam", &err);
    if (!g) {
        print_error("the game does not start: %s\n", err.msg);
        _fail(file, line);
    }
    return g;
}

void support_must_choose(Game *g, const char *id, const char *file, int line)
{
    Err err;
    if (game_choose_id(g, id, 1.0, &err) != 0) {
        print_error("choosing '%s' failed: %s\n", id, err.msg);
        _fail(file, line);
    }
}

int stat_of(const Game *g, const char *id)
{
    int i = story_find_stat(game_story(g), id);
    if (i < 0) {
        print_error("no stat '%s'\n", id);
        fail();
    }
    return game_stat(g, (size_t)i);
}

const char *scene_of(const Game *g)
{
    return game_scene(g)->id;
}

char *shown_choices(const Game *g)
{
    Buf b = {0};
    for (size_t i = 0; i < game_choice_count(g); i++) {
        if (i)
            buf_putc(&b, ',');
        buf_puts(&b, game_choice(g, i)->id);
    }
    return buf_take(&b);
}

/* ---- isolated runs ---- */

/* In the child: load, play, describe the outcome into out. Returns true on success. */
static bool child_run(const char *play, Buf *out)
{
    Err err;
    Story *s = story_load("story.lua", &err);
    if (!s) {
        buf_puts(out, err.msg);
        return false;
    }
    buf_puts(out, s->title);
    bool ok = true;
    if (play) {
        Game *g = game_new(s, 1, "Sam", &err);
        char *ids = xstrdup(play);
        for (char *id = strtok(ids, ","); g && ok && id; id = strtok(NULL, ","))
            ok = game_choose_id(g, id, 1.0, &err) == 0;
        free(ids);
        if (!g || !ok) {
            out->len = 0;
            buf_puts(out, err.msg);
            ok = false;
        } else {
            buf_printf(out, "|%s", game_text(g));
            for (size_t i = 0; i < game_choice_count(g); i++)
                buf_printf(out, "|%s", game_choice_text(g, i));
        }
        game_free(g);
    }
    story_free(s);
    return ok;
}

Outcome run_isolated(const char *src, const char *play, double timeout)
{
    Outcome o = {0};
    char *dir = tmp_dir_new();
    write_text(dir, "story.lua", src);
    int fds[2];
    if (pipe(fds) != 0) {
        print_error("pipe: %s\n", strerror(errno));
        fail();
    }
    double t0 = util_now_seconds();
    pid_t pid = fork();
    if (pid < 0) {
        print_error("fork: %s\n", strerror(errno));
        fail();
    }
    if (pid == 0) {
        close(fds[0]);
        Buf out = {0};
        bool ok = chdir(dir) == 0 && child_run(play, &out);
        /* first byte: the verdict; then the text */
        if (write(fds[1], ok ? "+" : "-", 1) != 1 ||
            write(fds[1], buf_str(&out), out.len) != (ssize_t)out.len)
            _exit(3);
        _exit(0);
    }
    close(fds[1]);
    /* read while waiting, so a long message cannot block the child */
    Buf got = {0};
    int status = 0;
    bool exited = false, killed = false;
    for (;;) {
        char chunk[4096];
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(fds[0], &rd);
        struct timeval tv = {0, 20000};
        if (select(fds[0] + 1, &rd, NULL, NULL, &tv) > 0) {
            ssize_t n = read(fds[0], chunk, sizeof chunk);
            if (n > 0) {
                buf_add(&got, chunk, (size_t)n);
                continue;
            }
        }
        if (!exited && waitpid(pid, &status, WNOHANG) == pid)
            exited = true;
        if (exited) {
            ssize_t n;
            while ((n = read(fds[0], chunk, sizeof chunk)) > 0)
                buf_add(&got, chunk, (size_t)n);
            break;
        }
        if (util_now_seconds() - t0 > timeout) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            killed = true;
            break;
        }
    }
    o.seconds = util_now_seconds() - t0;
    close(fds[0]);
    tmp_dir_remove(dir);
    free(dir);
    if (killed) {
        o.text = xasprintf("(the child was killed after %.1f s: it hung)", o.seconds);
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got.len == 0) {
        o.text = xasprintf("(the child crashed: %s %d)",
                           WIFSIGNALED(status) ? "signal" : "exit status",
                           WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    } else {
        o.finished = true;
        o.ok = got.s[0] == '+';
        o.text = xstrdup(got.s + 1);
    }
    buf_free(&got);
    return o;
}

void outcome_free(Outcome *o)
{
    free(o->text);
    o->text = NULL;
}

/* ---- assertions ---- */

void support_assert_contains(const char *haystack, const char *needle, const char *file, int line)
{
    if (haystack && strstr(haystack, needle))
        return;
    print_error("\"%s\"\n  does not contain\n\"%s\"\n", haystack ? haystack : "(null)", needle);
    _fail(file, line);
}

void support_assert_starts_with(const char *s, const char *prefix, const char *file, int line)
{
    if (s && strncmp(s, prefix, strlen(prefix)) == 0)
        return;
    print_error("\"%s\"\n  does not start with\n\"%s\"\n", s ? s : "(null)", prefix);
    _fail(file, line);
}

size_t support_save_list_start(const char *text)
{
    const char *nl = strchr(text, '\n');
    nl = nl ? strchr(nl + 1, '\n') : NULL;
    return nl ? (size_t)(nl - text) : strlen(text);
}

size_t support_save_records_within(const char *text, size_t k)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        if (strncmp(p, "{\"n\":", 5) == 0) {
            size_t end = len && p[len - 1] == ',' ? len - 1 : len; /* up to its '}' */
            if ((size_t)(p - text) + end <= k)
                n++;
        }
        p += len + (nl ? 1 : 0);
    }
    return n;
}

Outcome support_run_hostile(const char *src, const char *play, const char *file, int line)
{
    Outcome o = run_isolated(src, play, HOSTILE_KILL_AFTER);
    if (!o.finished || o.seconds > HOSTILE_PROMPT) {
        print_error("%s after %.1f s: %s\n", o.finished ? "finished" : "killed", o.seconds,
                    o.text);
        outcome_free(&o);
        _fail(file, line);
    }
    if (getenv("LADDER_TEST_TIMES"))
        fprintf(stderr, "%s:%d: %.2f s\n", file, line, o.seconds);
    return o;
}

void support_expect_failure(const char *src, const char *play, const char *want,
                            const char *file, int line)
{
    Outcome o = support_run_hostile(src, play, file, line);
    if (o.ok) {
        print_error("the script was not stopped: %s\n", o.text);
        outcome_free(&o);
        _fail(file, line);
    }
    support_assert_contains(o.text, want, file, line);
    outcome_free(&o);
}

void support_expect_outcome(const char *src, const char *play, const char *want,
                            const char *file, int line)
{
    Outcome o = support_run_hostile(src, play, file, line);
    if (!o.ok || strcmp(o.text, want) != 0) {
        print_error("%s: \"%s\"\n  expected \"%s\"\n", o.ok ? "outcome" : "error", o.text, want);
        outcome_free(&o);
        _fail(file, line);
    }
    outcome_free(&o);
}
