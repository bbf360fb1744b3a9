/* explore.c: random and exhaustive exploration of a story.
 *
 * Random mode plays run i with the game seeded S+i and its choices drawn from a second
 * generator seeded from S+i, so any run can be replayed alone. With --jobs the runs are shared
 * out by i mod jobs among forked processes, whose tallies (counts, sums, minima, maxima, the
 * first errors by seed) merge to the same result as one process.
 *
 * Exhaustive mode walks every choice of every reachable state depth first, merging states with
 * the same scene, stats and flags (a 64-bit hash of them). Random draws inside a state follow
 * the generator as it stands when the state is first reached. Reads of what the key leaves out
 * (visit counts, g.decisions, random draws) are counted by the game: conditions that made them
 * are not judged, and a walk that made any (or was truncated) is checked by random play, so
 * nothing random play reaches is reported as never reached.
 *
 * A campaign plays whole careers through autoplay (one process), tallying each chapter in a
 * result of its own; exhaustive mode walks each chapter from its own start. */
#include "tools/explore.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/autoplay.h"
#include "core/catalog.h"
#include "core/game.h"
#include "core/text.h"

static void result_init(ExploreResult *r, const Story *s)
{
    memset(r, 0, sizeof *r);
    r->dmin = -1;
    size_t ns = s->n_scenes ? s->n_scenes : 1, nst = s->n_stats ? s->n_stats : 1;
    size_t nc = s->n_choices_total ? s->n_choices_total : 1;
    r->scene_hits = xcalloc(ns, sizeof *r->scene_hits);
    r->choice_taken = xcalloc(nc, sizeof *r->choice_taken);
    r->when = xcalloc(nc, sizeof *r->when);
    r->end_min = xcalloc(nst, sizeof *r->end_min);
    r->end_max = xcalloc(nst, sizeof *r->end_max);
    r->end_sum = xcalloc(nst, sizeof *r->end_sum);
    r->at_min = xcalloc(ns * nst, sizeof *r->at_min);
    r->at_max = xcalloc(ns * nst, sizeof *r->at_max);
    r->at_sum = xcalloc(ns * nst, sizeof *r->at_sum);
    r->when_outside = xcalloc(nc, sizeof *r->when_outside);
}

void explore_result_free(ExploreResult *r)
{
    free(r->scene_hits);
    free(r->choice_taken);
    free(r->when);
    free(r->end_min);
    free(r->end_max);
    free(r->end_sum);
    free(r->at_min);
    free(r->at_max);
    free(r->at_sum);
    free(r->when_outside);
    free(r->random_scene_hits);
    free(r->random_choice_taken);
    for (int i = 0; i < r->kept_errors; i++) {
        free(r->errors[i].message);
        free(r->errors[i].choices);
    }
    memset(r, 0, sizeof *r);
}

/* Words in the string literals of a Lua source that read as prose (20 characters or more,
 * with a space): scene, choice and ending texts, text functions' pieces, lessons. */
static long source_words(const char *p)
{
    long words = 0;
    while (*p) {
        if (p[0] == '-' && p[1] == '-') { /* comment, short or long */
            p += 2;
            if (*p == '[') {
                const char *q = p + 1;
                int eq = 0;
                while (*q == '=')
                    q++, eq++;
                if (*q == '[') {
                    char close[16] = "]";
                    for (int i = 0; i < eq && i < 12; i++)
                        strcat(close, "=");
                    strcat(close, "]");
                    const char *e = strstr(q + 1, close);
                    p = e ? e + strlen(close) : q + strlen(q);
                    continue;
                }
            }
            while (*p && *p != '\n')
                p++;
            continue;
        }
        const char *start = NULL, *end = NULL;
        if (*p == '"' || *p == '\'') {
            char qch = *p++;
            start = p;
            while (*p && *p != qch && *p != '\n')
                p += *p == '\\' && p[1] ? 2 : 1;
            end = p;
            if (*p)
                p++;
        } else if (*p == '[' && (p[1] == '[' || p[1] == '=')) {
            const char *q = p + 1;
            int eq = 0;
            while (*q == '=')
                q++, eq++;
            if (*q != '[') {
                p++;
                continue;
            }
            char close[16] = "]";
            for (int i = 0; i < eq && i < 12; i++)
                strcat(close, "=");
            strcat(close, "]");
            start = q + 1;
            const char *e = strstr(start, close);
            end = e ? e : start + strlen(start);
            p = e ? e + strlen(close) : end;
        } else {
            p++;
            continue;
        }
        if (end - start >= 20 && memchr(start, ' ', (size_t)(end - start))) {
            char *lit = xstrndup(start, (size_t)(end - start));
            words += (long)text_word_count(lit);
            free(lit);
        }
    }
    return words;
}

long explore_words(const Story *s)
{
    long w = 0;
    for (size_t i = 0; i < s->n_files; i++) {
        Err err;
        char *text = util_read_file(s->files[i], 8u << 20, NULL, &err);
        if (text)
            w += source_words(text);
        free(text);
    }
    return w;
}

/* Record arrival at the game's current scene. */
static void arrive(ExploreResult *r, const Story *s, const Game *g)
{
    int sc = game_scene_index(g);
    long n = r->scene_hits[sc]++;
    for (size_t k = 0; k < s->n_stats; k++) {
        size_t i = (size_t)sc * s->n_stats + k;
        int v = game_stat(g, k);
        if (n == 0 || v < r->at_min[i])
            r->at_min[i] = v;
        if (n == 0 || v > r->at_max[i])
            r->at_max[i] = v;
        r->at_sum[i] += v;
    }
}

/* Keep the error if it is among the first EXPLORE_KEEP by (seed, decision). */
static void keep_error(ExploreResult *r, uint64_t seed, long decision, const char *msg,
                       const char *choices)
{
    r->n_errors++;
    ExploreError e = {seed, decision, xstrdup(msg), choices ? xstrdup(choices) : NULL};
    int pos = r->kept_errors;
    while (pos > 0 && r->errors[pos - 1].seed > seed)
        pos--;
    if (pos >= EXPLORE_KEEP) {
        free(e.message);
        free(e.choices);
        return;
    }
    if (r->kept_errors == EXPLORE_KEEP) {
        free(r->errors[EXPLORE_KEEP - 1].message);
        free(r->errors[EXPLORE_KEEP - 1].choices);
        r->kept_errors--;
    }
    memmove(&r->errors[pos + 1], &r->errors[pos],
            (size_t)(r->kept_errors - pos) * sizeof *r->errors);
    r->errors[pos] = e;
    r->kept_errors++;
}

static void keep_stuck(ExploreResult *r, uint64_t seed)
{
    r->n_stuck++;
    int pos = r->kept_stuck;
    while (pos > 0 && r->stuck_seeds[pos - 1] > seed)
        pos--;
    if (pos >= EXPLORE_KEEP)
        return;
    if (r->kept_stuck == EXPLORE_KEEP)
        r->kept_stuck--;
    memmove(&r->stuck_seeds[pos + 1], &r->stuck_seeds[pos],
            (size_t)(r->kept_stuck - pos) * sizeof *r->stuck_seeds);
    r->stuck_seeds[pos] = seed;
    r->kept_stuck++;
}

static void finish_run(ExploreResult *r, const Story *s, const Game *g, long d)
{
    long n = r->completed++;
    r->dsum += d;
    if (r->dmin < 0 || d < r->dmin)
        r->dmin = d;
    if (d > r->dmax)
        r->dmax = d;
    for (size_t k = 0; k < s->n_stats; k++) {
        int v = game_stat(g, k);
        if (n == 0 || v < r->end_min[k])
            r->end_min[k] = v;
        if (n == 0 || v > r->end_max[k])
            r->end_max[k] = v;
        r->end_sum[k] += v;
    }
}

/* The start scene was described inside game_new, before counting began: count its conditions
 * from what it shows. */
static void count_start(ExploreResult *r, const Game *g)
{
    const Scene *sc = game_scene(g);
    for (size_t i = 0; i < sc->n_choices; i++) {
        if (!sc->choices[i].when)
            continue;
        bool shown = false;
        for (size_t k = 0; k < game_choice_count(g); k++)
            shown = shown || game_choice(g, k) == &sc->choices[i];
        r->when[sc->choice_base + i][shown]++;
    }
}

static AutoplayStrategy autoplay_strategy(const ExploreOptions *o)
{
    switch (o->strategy) {
    case STRATEGY_LEAST_USED: return AUTOPLAY_LEAST_USED;
    case STRATEGY_ADVICE: return AUTOPLAY_ADVICE;
    case STRATEGY_RANDOM: default: return AUTOPLAY_RANDOM;
    }
}

/* When the running exploration must stop (max_seconds; 0: never), in util_now_seconds() time. */
static double deadline;

/* Autoplay's hooks for one random-mode playthrough: tally each arrival and the ending. */
static void on_arrive(void *ctx, const Game *g)
{
    ExploreResult *r = ctx;
    if (game_decision_count(g) == 0)
        count_start(r, g);
    arrive(r, game_story(g), g);
}

static void on_finish(void *ctx, const Game *g, size_t chapter)
{
    (void)chapter;
    if (game_ended(g))
        finish_run(ctx, game_story(g), g, (long)game_decision_count(g));
}

static void play_one(const Story *s, const ExploreOptions *o, uint64_t seed, ExploreResult *r)
{
    AutoplayOptions ao = {.seed = seed,
                          .pick_seed = autoplay_pick_seed(seed),
                          .strategy = autoplay_strategy(o),
                          .advice_p = o->advice_p,
                          .max_decisions = o->cap,
                          .deadline = deadline,
                          .quiet = true,
                          .choice_counts = r->choice_taken,
                          .when_counts = r->when,
                          .arrived = on_arrive,
                          .finished = on_finish,
                          .ctx = r};
    AutoplayResult ar;
    r->runs++;
    switch (autoplay_play(s, &ao, &ar)) {
    case AUTOPLAY_ENDED: break;
    case AUTOPLAY_LIMIT: keep_stuck(r, seed); break;
    case AUTOPLAY_DEADLINE: r->timed_out = true; break;
    case AUTOPLAY_FAILED: keep_error(r, seed, ar.failed_at, ar.err.msg, NULL); break;
    case AUTOPLAY_STOPPED: break; /* no go_on hook is set */
    }
}

static void progress(const ExploreOptions *o, long done, long total)
{
    if (!o->progress)
        return;
    fprintf(stderr, "\rexplore: %ld of %ld playthroughs", done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* ---- merging the tallies of forked jobs ---- */

static void wr(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t w = write(fd, c, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(3);
        c += w;
        n -= (size_t)w;
    }
}

static bool rd(int fd, void *p, size_t n)
{
    char *c = p;
    while (n) {
        ssize_t got = read(fd, c, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        c += got;
        n -= (size_t)got;
    }
    return true;
}

static void send_result(int fd, const Story *s, const ExploreResult *r)
{
    size_t ns = s->n_scenes, nst = s->n_stats, nc = s->n_choices_total;
    wr(fd, r, sizeof *r);
    wr(fd, r->scene_hits, ns * sizeof *r->scene_hits);
    wr(fd, r->choice_taken, nc * sizeof *r->choice_taken);
    wr(fd, r->when, nc * sizeof *r->when);
    wr(fd, r->end_min, nst * sizeof *r->end_min);
    wr(fd, r->end_max, nst * sizeof *r->end_max);
    wr(fd, r->end_sum, nst * sizeof *r->end_sum);
    wr(fd, r->at_min, ns * nst * sizeof *r->at_min);
    wr(fd, r->at_max, ns * nst * sizeof *r->at_max);
    wr(fd, r->at_sum, ns * nst * sizeof *r->at_sum);
    for (int i = 0; i < r->kept_errors; i++) {
        size_t len = strlen(r->errors[i].message);
        wr(fd, &len, sizeof len);
        wr(fd, r->errors[i].message, len);
    }
}

/* Fold job result j (read from fd) into r. */
static bool merge_result(int fd, const Story *s, ExploreResult *r)
{
    size_t ns = s->n_scenes, nst = s->n_stats, nc = s->n_choices_total;
    ExploreResult j;
    if (!rd(fd, &j, sizeof j))
        return false;
    ExploreResult t;
    result_init(&t, s);
    bool ok = rd(fd, t.scene_hits, ns * sizeof *t.scene_hits) &&
              rd(fd, t.choice_taken, nc * sizeof *t.choice_taken) &&
              rd(fd, t.when, nc * sizeof *t.when) &&
              rd(fd, t.end_min, nst * sizeof *t.end_min) &&
              rd(fd, t.end_max, nst * sizeof *t.end_max) &&
              rd(fd, t.end_sum, nst * sizeof *t.end_sum) &&
              rd(fd, t.at_min, ns * nst * sizeof *t.at_min) &&
              rd(fd, t.at_max, ns * nst * sizeof *t.at_max) &&
              rd(fd, t.at_sum, ns * nst * sizeof *t.at_sum);
    for (int i = 0; ok && i < j.kept_errors; i++) {
        size_t len;
        ok = rd(fd, &len, sizeof len) && len < (1u << 20);
        char *m = ok ? xmalloc(len + 1) : NULL;
        ok = ok && rd(fd, m, len);
        if (ok) {
            m[len] = '\0';
            keep_error(r, j.errors[i].seed, j.errors[i].decision, m, NULL);
            r->n_errors--; /* counted from j.n_errors below */
        }
        free(m);
    }
    if (ok) {
        for (size_t i = 0; i < ns; i++) {
            for (size_t k = 0; k < nst; k++) {
                size_t x = i * nst + k;
                if (t.scene_hits[i] && (!r->scene_hits[i] || t.at_min[x] < r->at_min[x]))
                    r->at_min[x] = t.at_min[x];
                if (t.scene_hits[i] && (!r->scene_hits[i] || t.at_max[x] > r->at_max[x]))
                    r->at_max[x] = t.at_max[x];
                r->at_sum[x] += t.at_sum[x];
            }
            r->scene_hits[i] += t.scene_hits[i];
        }
        for (size_t i = 0; i < nc; i++) {
            r->choice_taken[i] += t.choice_taken[i];
            r->when[i][0] += t.when[i][0];
            r->when[i][1] += t.when[i][1];
        }
        for (size_t k = 0; k < nst; k++) {
            if (j.completed && (!r->completed || t.end_min[k] < r->end_min[k]))
                r->end_min[k] = t.end_min[k];
            if (j.completed && (!r->completed || t.end_max[k] > r->end_max[k]))
                r->end_max[k] = t.end_max[k];
            r->end_sum[k] += t.end_sum[k];
        }
        if (j.completed && (r->dmin < 0 || j.dmin < r->dmin))
            r->dmin = j.dmin;
        if (j.dmax > r->dmax)
            r->dmax = j.dmax;
        r->dsum += j.dsum;
        r->runs += j.runs;
        r->completed += j.completed;
        r->n_errors += j.n_errors;
        for (int i = 0; i < j.kept_stuck; i++) {
            keep_stuck(r, j.stuck_seeds[i]);
            r->n_stuck--;
        }
        r->n_stuck += j.n_stuck;
    }
    explore_result_free(&t);
    return ok;
}

static int run_random(const Story *s, const ExploreOptions *o, ExploreResult *r, Err *err)
{
    int jobs = o->jobs < 1 ? 1 : o->jobs;
    if (o->strategy == STRATEGY_LEAST_USED || o->runs < 2000 || o->max_errors || o->max_seconds)
        jobs = 1; /* least-used steers by the counts of all runs so far: one process */
    if (jobs == 1) {
        deadline = o->max_seconds > 0 ? util_now_seconds() + o->max_seconds : 0;
        for (long i = 0; i < o->runs; i++) {
            if (o->max_errors && r->n_errors + r->n_stuck >= o->max_errors)
                break;
            if (deadline > 0 && util_now_seconds() > deadline)
                r->timed_out = true;
            if (r->timed_out)
                break;
            play_one(s, o, o->seed + (uint64_t)i, r);
            if ((i + 1) % 1000 == 0 || i + 1 == o->runs)
                progress(o, i + 1, o->runs);
        }
        deadline = 0;
        return 0;
    }
    pid_t *pids = xcalloc((size_t)jobs, sizeof *pids);
    int *fds = xcalloc((size_t)jobs, sizeof *fds);
    fflush(NULL);
    for (int j = 0; j < jobs; j++) {
        int p[2];
        if (pipe(p) != 0) {
            err_set(err, "cannot start job %d: %s", j + 1, strerror(errno));
            return -1;
        }
        pid_t pid = fork();
        if (pid < 0) {
            err_set(err, "cannot start job %d: %s", j + 1, strerror(errno));
            return -1;
        }
        if (pid == 0) {
            close(p[0]);
            ExploreResult mine;
            result_init(&mine, s);
            ExploreOptions lo = *o;
            for (long i = j; i < o->runs; i += jobs) {
                play_one(s, &lo, o->seed + (uint64_t)i, &mine);
                if (j == 0 && (i / jobs + 1) % 1000 == 0)
                    progress(o, i + 1, o->runs);
            }
            send_result(p[1], s, &mine);
            close(p[1]);
            _exit(0);
        }
        close(p[1]);
        pids[j] = pid;
        fds[j] = p[0];
    }
    int rc = 0;
    for (int j = 0; j < jobs; j++) {
        if (!merge_result(fds[j], s, r) && rc == 0) {
            err_set(err, "job %d failed to report", j + 1);
            rc = -1;
        }
        close(fds[j]);
        int status;
        waitpid(pids[j], &status, 0);
    }
    progress(o, o->runs, o->runs);
    free(pids);
    free(fds);
    return rc;
}

/* ---- exhaustive ---- */

typedef struct Seen {
    unsigned long long *slot; /* 0 = empty */
    size_t cap, n;
} Seen;

/* Insert h; false if it was already there. */
static bool seen_add(Seen *t, unsigned long long h)
{
    if (h == 0)
        h = 1;
    if ((t->n + 1) * 2 > t->cap) {
        Seen big = {xcalloc(t->cap ? t->cap * 2 : 4096, sizeof *big.slot),
                    t->cap ? t->cap * 2 : 4096, 0};
        for (size_t i = 0; i < t->cap; i++)
            if (t->slot[i])
                seen_add(&big, t->slot[i]);
        free(t->slot);
        *t = big;
    }
    size_t i = (size_t)h & (t->cap - 1);
    while (t->slot[i]) {
        if (t->slot[i] == h)
            return false;
        i = (i + 1) & (t->cap - 1);
    }
    t->slot[i] = h;
    t->n++;
    return true;
}

static char *path_of(const Game *g)
{
    Buf b = {0};
    const Story *s = game_story(g);
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const Decision *d = game_decision(g, i);
        buf_printf(&b, "%s%s", i ? "," : "", s->scenes[d->scene].choices[d->choice].id);
    }
    return buf_take(&b);
}

/* Random play from the same seed over what an exhaustive walk left unreached: its coverage only
 * (random_scene_hits, random_choice_taken), the walk's own tallies are kept as they are. */
static void check_by_random(const Story *s, const ExploreOptions *o, ExploreResult *r)
{
    ExploreOptions ro = *o;
    ro.exhaustive = false;
    ro.runs = EXPLORE_CHECK_RUNS;
    ro.jobs = 1;
    ro.progress = false;
    ExploreResult rr;
    result_init(&rr, s);
    for (long i = 0; i < ro.runs; i++)
        play_one(s, &ro, o->seed + (uint64_t)i, &rr);
    r->random_runs = rr.runs;
    r->random_scene_hits = rr.scene_hits;
    r->random_choice_taken = rr.choice_taken;
    rr.scene_hits = NULL;
    rr.choice_taken = NULL;
    explore_result_free(&rr);
}

static int run_exhaustive(const Story *s, const ExploreOptions *o, ExploreResult *r, Err *err)
{
    Err gerr;
    Game *start = game_new(s, o->seed, NULL, &gerr);
    if (!start) {
        keep_error(r, o->seed, 0, gerr.msg, NULL);
        return 0;
    }
    game_set_quiet(start, true);
    game_set_when_counts(start, r->when);
    game_set_when_outside(start, r->when_outside);
    count_start(r, start);
    r->outside_reads = (long)game_outside_reads(start);
    if (r->outside_reads) { /* the start scene was described before the marks were set: its
                               conditions may have made those reads */
        const Scene *sc = game_scene(start);
        for (size_t i = 0; i < sc->n_choices; i++)
            if (sc->choices[i].when)
                r->when_outside[sc->choice_base + i] = true;
    }
    Seen seen = {0};
    seen_add(&seen, game_state_hash(start));
    arrive(r, s, start);
    r->states = 1;
    Game **stack = xmalloc(sizeof *stack);
    size_t n = 0, cap = 1;
    stack[n++] = start;
    while (n > 0) {
        Game *g = stack[--n];
        if (game_ended(g)) {
            finish_run(r, s, g, (long)game_decision_count(g));
            r->runs++;
            game_free(g);
            continue;
        }
        if ((long)game_decision_count(g) >= o->max_depth) {
            r->depth_cut++;
            game_free(g);
            continue;
        }
        for (size_t k = 0; k < game_choice_count(g); k++) {
            const Scene *sc = game_scene(g);
            size_t ci = (size_t)(game_choice(g, k) - sc->choices);
            Game *c = game_clone(g);
            if (game_choose(c, k, 0, &gerr) != 0) {
                char *p = path_of(g);
                Buf full = {0};
                buf_printf(&full, "%s%s%s", p, *p ? "," : "", sc->choices[ci].id);
                keep_error(r, o->seed, (long)game_decision_count(g) + 1, gerr.msg, buf_str(&full));
                buf_free(&full);
                free(p);
                game_free(c);
                continue;
            }
            r->choice_taken[sc->choice_base + ci]++;
            if ((long)game_outside_reads(c) > r->outside_reads)
                r->outside_reads = (long)game_outside_reads(c);
            bool fresh = seen_add(&seen, game_state_hash(c));
            if (fresh || game_ended(c)) /* endings count once per path that reaches them */
                arrive(r, s, c);
            if (!fresh && !game_ended(c)) {
                game_free(c);
                continue;
            }
            if (fresh)
                r->states++;
            if (r->states >= o->max_states) {
                r->truncated = true;
                game_free(c);
                break;
            }
            util_grow(&stack, &cap, n + 1, sizeof *stack);
            stack[n++] = c;
        }
        game_free(g);
        if (r->truncated)
            break;
        if (o->progress && r->states % 10000 == 0)
            fprintf(stderr, "\rexplore: %ld states", r->states);
    }
    while (n > 0)
        game_free(stack[--n]);
    free(stack);
    free(seen.slot);
    if (o->progress)
        fprintf(stderr, "\rexplore: %ld states\n", r->states);
    if (r->outside_reads || r->truncated || r->depth_cut)
        check_by_random(s, o, r);
    (void)err;
    return 0;
}

int explore_run(const Story *s, const ExploreOptions *o, ExploreResult *r, Err *err)
{
    result_init(r, s);
    return o->exhaustive ? run_exhaustive(s, o, r, err) : run_random(s, o, r, err);
}

/* ---- campaigns ---- */

typedef struct CampaignRun {
    ExploreCampaign *c;
    Buf verdicts; /* this career's chapter verdicts so far */
} CampaignRun;

static size_t chapter_of(const ExploreCampaign *c, const Game *g)
{
    for (size_t i = 0; i < c->n; i++)
        if (game_story(g) == c->chapters[i])
            return i;
    return 0;
}

static const Story *campaign_chapter(void *ctx, const Story *campaign, size_t i, Err *err)
{
    (void)campaign;
    (void)err;
    return ((CampaignRun *)ctx)->c->chapters[i];
}

static void campaign_arrive(void *ctx, const Game *g)
{
    ExploreCampaign *c = ((CampaignRun *)ctx)->c;
    size_t ch = chapter_of(c, g);
    if (game_decision_count(g) == 0) {
        c->reached[ch]++;
        count_start(&c->per[ch], g);
    }
    arrive(&c->per[ch], game_story(g), g);
}

static void campaign_finish(void *ctx, const Game *g, size_t chapter)
{
    CampaignRun *run = ctx;
    if (!game_ended(g))
        return;
    finish_run(&run->c->per[chapter], game_story(g), g, (long)game_decision_count(g));
    buf_printf(&run->verdicts, "%s%s", chapter ? "," : "",
               story_verdict_name(game_scene(g)->verdict));
}

static void campaign_tally(ExploreCampaign *c, const char *path)
{
    for (size_t i = 0; i < c->n_paths; i++)
        if (strcmp(c->paths[i], path) == 0) {
            c->path_counts[i]++;
            return;
        }
    c->paths = xrealloc(c->paths, (c->n_paths + 1) * sizeof *c->paths);
    c->path_counts = xrealloc(c->path_counts, (c->n_paths + 1) * sizeof *c->path_counts);
    c->paths[c->n_paths] = xstrdup(path);
    c->path_counts[c->n_paths++] = 1;
}

static void campaign_play(ExploreCampaign *c, const ExploreOptions *o, const Story *s,
                          uint64_t seed, long **counts, unsigned long (**whens)[2])
{
    CampaignRun run = {c, {0}};
    AutoplayOptions ao = {.seed = seed,
                          .pick_seed = autoplay_pick_seed(seed),
                          .strategy = autoplay_strategy(o),
                          .advice_p = o->advice_p,
                          .max_decisions = o->cap,
                          .deadline = deadline,
                          .quiet = true,
                          .chapter_choice_counts = counts,
                          .chapter_when_counts = whens,
                          .chapter = campaign_chapter,
                          .arrived = campaign_arrive,
                          .finished = campaign_finish,
                          .ctx = &run};
    AutoplayResult ar;
    c->runs++;
    AutoplayStop why = autoplay_play(s, &ao, &ar);
    ExploreResult *r = &c->per[ar.failed_chapter < c->n ? ar.failed_chapter : 0];
    switch (why) {
    case AUTOPLAY_ENDED:
        c->completed++;
        campaign_tally(c, buf_str(&run.verdicts));
        break;
    case AUTOPLAY_LIMIT: keep_stuck(r, seed); break;
    case AUTOPLAY_DEADLINE: r->timed_out = true; break;
    case AUTOPLAY_FAILED: keep_error(r, seed, ar.failed_at, ar.err.msg, NULL); break;
    case AUTOPLAY_STOPPED: break;
    }
    buf_free(&run.verdicts);
}

int explore_campaign_run(const Story *s, const ExploreOptions *o, ExploreCampaign *c, Err *err)
{
    memset(c, 0, sizeof *c);
    c->n = s->n_chapters;
    c->exhaustive = o->exhaustive;
    c->chapters = xcalloc(c->n, sizeof *c->chapters);
    c->per = xcalloc(c->n, sizeof *c->per);
    c->reached = xcalloc(c->n, sizeof *c->reached);
    for (size_t i = 0; i < c->n; i++) {
        c->chapters[i] = catalog_open_chapter(s, i, err);
        if (!c->chapters[i])
            return -1;
        result_init(&c->per[i], c->chapters[i]);
    }
    if (o->exhaustive) {
        for (size_t i = 0; i < c->n; i++) {
            explore_result_free(&c->per[i]);
            ExploreOptions co = *o;
            co.seed = o->seed + i; /* the seed chapter i plays in a career */
            if (explore_run(c->chapters[i], &co, &c->per[i], err) != 0)
                return -1;
        }
        return 0;
    }
    long **counts = xcalloc(c->n, sizeof *counts);
    unsigned long(**whens)[2] = xcalloc(c->n, sizeof *whens);
    for (size_t i = 0; i < c->n; i++) {
        counts[i] = c->per[i].choice_taken;
        whens[i] = c->per[i].when;
    }
    deadline = o->max_seconds > 0 ? util_now_seconds() + o->max_seconds : 0;
    for (long i = 0; i < o->runs; i++) {
        if (deadline > 0 && util_now_seconds() > deadline)
            break;
        campaign_play(c, o, s, o->seed + (uint64_t)i, counts, whens);
        if ((i + 1) % 1000 == 0 || i + 1 == o->runs)
            progress(o, i + 1, o->runs);
    }
    deadline = 0;
    for (size_t i = 0; i < c->n; i++)
        c->per[i].runs = c->reached[i];
    free(counts);
    free(whens);
    return 0;
}

void explore_campaign_free(ExploreCampaign *c)
{
    for (size_t i = 0; i < c->n; i++) {
        if (c->per[i].scene_hits)
            explore_result_free(&c->per[i]);
        story_free(c->chapters[i]);
    }
    for (size_t i = 0; i < c->n_paths; i++)
        free(c->paths[i]);
    free(c->paths);
    free(c->path_counts);
    free(c->chapters);
    free(c->per);
    free(c->reached);
    memset(c, 0, sizeof *c);
}
