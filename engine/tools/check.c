/* check.c: `ladder check`, the story linter. Loading reports what can be seen in the text
 * (Lua errors, unknown targets, stats, flags and names, duplicate ids, dead-end scenes); then
 * the story is played (random and least-used strategies) to find what only play shows: scenes
 * and endings nothing reaches, stats nothing changes, script errors in conditions and dead
 * ends with no choice available. Every problem is reported as file:line: message. */
#include <cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/autoplay.h"
#include "core/catalog.h"
#include "core/game.h"
#include "core/paths.h"
#include "core/story_check.h"
#include "core/suggest.h"
#include "core/text.h"
#include "core/usage.h"
#include "core/utf8.h"
#include "tools/check_glyphs.h"
#include "tools/source_lines.h"
#include "tools/explore.h"
#include "tools/tools.h"

#define CHECK_RUNS 2000
/* The two explorations together stop after this long, and the determinism replays after as
 * long again: a story whose functions make every step slow would otherwise keep check busy
 * for hours. Seconds: 2, and longer under AddressSanitizer (core/util.h), where the bundled
 * stories' 2,000 playthroughs take most of 2 s. */
#define CHECK_SECONDS (2.0 * LADDER_WALL_SCALE)

typedef struct Problems {
    cJSON *list; /* for --json */
    long n, warnings;
    bool json;
    bool warning; /* the next problem is a warning (a likely slip, not a certain one) */
} Problems;

static void problem(Problems *p, const char *story, const char *file, int line, const char *fmt,
                    ...) LADDER_PRINTF(5, 6);
static void problem(Problems *p, const char *story, const char *file, int line, const char *fmt,
                    ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    bool warning = p->warning;
    p->warning = false;
    if (warning)
        p->warnings++;
    else
        p->n++;
    if (p->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "story", story ? story : "");
        cJSON_AddStringToObject(o, "file", file ? file : "");
        cJSON_AddNumberToObject(o, "line", line);
        cJSON_AddStringToObject(o, "severity", warning ? "warning" : "error");
        cJSON_AddStringToObject(o, "message", buf_str(&b));
        cJSON_AddItemToArray(p->list, o);
    } else {
        utf8_fprintf(stdout, "%s:%d: %s%s\n", file ? file : "?", line,
                     warning ? "warning: " : "", buf_str(&b));
    }
    buf_free(&b);
}

#define warning(p, ...) ((p)->warning = true, problem(p, __VA_ARGS__))

/* check_glyphs' findings, told as warnings. */
static void glyph_warning(void *ud, const char *story, const char *file, int line, const char *m)
{
    warning((Problems *)ud, story, file, line, "%s", m);
}

/* A load error message holds one "file:line: message" per line. */
static void load_problems(Problems *p, const char *path, const char *msg)
{
    const char *s = msg;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        char *line = xstrndup(s, len);
        char *c1 = strchr(line, ':');
        char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        long ln = c1 && c2 ? strtol(c1 + 1, NULL, 10) : 0;
        if (c1 && c2 && ln > 0) {
            *c1 = '\0';
            problem(p, NULL, line, (int)ln, "%s", c2 + 2 <= line + len ? c2 + 2 : "");
        } else {
            problem(p, NULL, path, 0, "%s", line);
        }
        free(line);
        s = nl ? nl + 1 : s + len;
    }
}

/* Is scene i the target of a literal go, a threshold, or the start? */
static bool statically_targeted(const Story *s, int i)
{
    if (s->start_index == i)
        return true;
    for (size_t t = 0; t < s->n_thresholds; t++)
        if (s->thresholds[t].go_index == i)
            return true;
    for (size_t k = 0; k < s->n_scenes; k++)
        for (size_t j = 0; j < s->scenes[k].n_choices; j++)
            if (s->scenes[k].choices[j].go_index == i && !s->scenes[k].choices[j].go_fn)
                return true;
    return false;
}

static bool has_go_functions(const Story *s)
{
    for (size_t k = 0; k < s->n_scenes; k++)
        for (size_t j = 0; j < s->scenes[k].n_choices; j++)
            if (s->scenes[k].choices[j].go_fn)
                return true;
    return false;
}

/* Playthroughs replayed by check_determinism, and the fresh copies of the story each is
 * replayed in. The copies' hash seeds come from their addresses (see script_new_variant), and
 * those of one process are alike, so a story whose path hangs on pairs() order can play the same
 * in all of them: with 4 copies check missed tests/fixtures/check/nondeterministic.lua in about
 * 1 run in 15, with 8 in about 1 in 150. */
#define DETERMINISM_SAMPLES 20
#define DETERMINISM_COPIES 8

/* The same words on screen: the scene's text and every choice's. */
static bool same_screen(const Game *a, const Game *b)
{
    if (strcmp(game_text(a), game_text(b)) != 0 || game_choice_count(a) != game_choice_count(b))
        return false;
    for (size_t i = 0; i < game_choice_count(a); i++)
        if (strcmp(game_choice_text(a, i), game_choice_text(b, i)) != 0)
            return false;
    return true;
}

/* A playthrough followed, decision by decision, in fresh copies of its story. */
typedef struct Follow {
    Story *const *copies;
    Game *c[DETERMINISM_COPIES];
    uint64_t seed;
    bool same;
    long d;                   /* decisions taken */
    const char *where, *chose; /* the last decision's scene and choice (into the story) */
    Err *err;
} Follow;

static void follow_picked(void *ctx, const Game *g, size_t k)
{
    Follow *f = ctx;
    f->where = game_scene(g)->id;
    f->chose = game_choice(g, k)->id;
}

static void follow_arrived(void *ctx, const Game *g)
{
    Follow *f = ctx;
    if (game_decision_count(g) == 0) { /* the start: the copies begin their games */
        for (int k = 0; f->same && k < DETERMINISM_COPIES; k++) {
            f->c[k] = game_new(f->copies[k], f->seed, game_player(g), f->err);
            f->same = f->c[k] && game_scene_index(f->c[k]) == game_scene_index(g) &&
                      same_screen(g, f->c[k]);
        }
        return;
    }
    f->d++;
    for (int k = 0; f->same && k < DETERMINISM_COPIES; k++)
        f->same = game_choose_id(f->c[k], f->chose, 0, f->err) == 0 &&
                  game_same_state(g, f->c[k]) && same_screen(g, f->c[k]);
}

static bool follow_go_on(void *ctx, const Game *g)
{
    (void)g;
    return ((Follow *)ctx)->same;
}

/* One random playthrough (seed, picked as explore and `ladder replay --random` pick: autoplay)
 * of s, played again with the same seed and choices in fresh copies of the story: a new Lua
 * state each, with new addresses and a new seed for the hashes of its strings (and so a new
 * order for pairs()). Returns false with a description of the first difference in *why
 * (malloc'd), true when every copy played the same way (or the playthrough itself failed: the
 * other checks report that). */
static bool same_every_time(const Story *s, Story *const *copies, uint64_t seed, long cap,
                            double deadline, char **why, Err *err)
{
    Follow f = {.copies = copies, .seed = seed, .same = true, .err = err};
    AutoplayOptions o = {.seed = seed, .pick_seed = autoplay_pick_seed(seed),
                         .max_decisions = cap, .deadline = deadline, .picked = follow_picked,
                         .arrived = follow_arrived, .go_on = follow_go_on, .ctx = &f};
    AutoplayResult r;
    autoplay_play(s, &o, &r);
    if (!f.same)
        *why = f.d == 0 ? xasprintf("the game starts differently")
                        : xasprintf("after decision %ld (scene '%s', choice '%s') a replay went "
                                    "elsewhere or showed other words",
                                    f.d, f.where, f.chose);
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        game_free(f.c[k]);
    return f.same;
}

/* Saves, undo and workshop rewinds replay a game from its seed and choices, so a story must
 * play the same way every time. The sandbox hides what differs from run to run (addresses,
 * memory use, clocks), but not everything: pairs() visits string keys in an order that
 * depends on a per-state hash seed, and a script can keep state of its own in Lua variables.
 * So a sample of playthroughs is replayed in fresh copies of the story, and the first
 * difference is reported with its scene. */
static void check_determinism(Problems *p, const Story *s, const char *path, long cap)
{
    Err err;
    Story *copies[DETERMINISM_COPIES] = {0};
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        if (!(copies[k] = story_load_variant(path, (unsigned)k + 1, &err))) {
            problem(p, s->id, s->pos.file, s->pos.line, "the story loads once but not twice: %s",
                    err.msg);
            for (int j = 0; j < k; j++)
                story_free(copies[j]);
            return;
        }
    double deadline = util_now_seconds() + CHECK_SECONDS;
    for (uint64_t seed = 1; seed <= DETERMINISM_SAMPLES; seed++) {
        char *why = NULL;
        if (util_now_seconds() >= deadline) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story is too slow to check: replaying %llu playthroughs to see that "
                    "it plays the same way twice took over %.0f s",
                    (unsigned long long)seed - 1, CHECK_SECONDS);
            break;
        }
        if (!same_every_time(s, copies, seed, cap, deadline, &why, &err)) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story does not play the same way twice: with seed %llu, %s (replay "
                    "it: ladder replay %s --seed %llu --random). " GAME_DIVERGED_WHY,
                    (unsigned long long)seed, why, path, (unsigned long long)seed);
            free(why);
            break;
        }
    }
    for (int k = 0; k < DETERMINISM_COPIES; k++)
        story_free(copies[k]);
}

/* ---- names: flags set but never read, read but never set; stats nothing reads ---- */

/* A literal text's {names} count as reads (marked in the story's usage record). */
typedef struct Marking {
    Story *s;
    Pos pos;
} Marking;

static bool mark_name(void *ud, const char *name, size_t len, Buf *out)
{
    Marking *m = ud;
    StoryUsage *u = m->s->usage;
    char key[TEXT_MAX_NAME + 1];
    (void)out;
    if (len >= sizeof key)
        return true;
    memcpy(key, name, len);
    key[len] = '\0';
    int i = story_find_stat(m->s, key);
    if (i >= 0)
        u->stat_read[i] = 1;
    i = story_find_flag(m->s, key);
    if (i >= 0 && !u->flag_read[i]) {
        u->flag_read[i] = 1;
        u->flag_read_at[i] = m->pos;
    }
    return true;
}

static void mark_text(Story *s, const char *str, Pos pos)
{
    Err err;
    Marking m = {s, pos};
    if (str)
        text_interpolate(str, mark_name, &m, NULL, &err);
}

/* What a story reads without running code: literal texts, requirements, thresholds. */
static void mark_static_reads(Story *s)
{
    for (size_t t = 0; t < s->n_thresholds; t++)
        if (s->thresholds[t].stat >= 0)
            s->usage->stat_read[s->thresholds[t].stat] = 1;
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        mark_text(s, sc->text.str, sc->pos);
        for (size_t j = 0; j < sc->n_choices; j++) {
            const Choice *c = &sc->choices[j];
            mark_text(s, c->text.str, c->pos);
            mark_text(s, c->reply.str, c->pos);
            mark_text(s, c->show_locked, c->pos);
            for (size_t r = 0; r < c->n_requires; r++)
                if (c->requires[r].index >= 0)
                    s->usage->stat_read[c->requires[r].index] = 1;
        }
    }
}

/* ---- scene names and {names} written literally in the story's code ---- */

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

/* At q: optional spaces and a quoted name, copied into out (up to n bytes); its length, or 0. */
static size_t quoted_name(const char *q, char *out, size_t n)
{
    while (*q == ' ' || *q == '\t')
        q++;
    char quote = *q;
    if (quote != '"' && quote != '\'')
        return 0;
    size_t len = 0;
    for (q++; name_char(q[len]); len++)
        ;
    if (q[len] != quote || len == 0 || len >= n)
        return 0;
    memcpy(out, q, len);
    out[len] = '\0';
    return len;
}

static void unknown_scene(Problems *p, const Story *s, const char *file, int line,
                          const char *what, const char *id)
{
    if (!p || story_find_scene(s, id) >= 0)
        return;
    const char *best = story_suggest_name(s, id, STORY_NAME_SCENE);
    problem(p, s->id, file, line, "%s unknown scene '%s'%s%s%s", what, id,
            best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
}

/* True if line uses the player's name: {player} in a string, or g.player in code. */
static bool uses_player(const char *line)
{
    for (const char *q = line; (q = strstr(q, "player")); q += 6) {
        const char *a = q + 6, *b = q;
        while (*a == ' ' || *a == '\t')
            a++;
        while (b > line && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        bool braces = b > line && b[-1] == '{' && *a == '}' && !(b - 1 > line && b[-2] == '{');
        bool view = q >= line + 2 && q[-1] == '.' && q[-2] == 'g' && !name_char(q[6]) &&
                    !(q >= line + 3 && name_char(q[-3]));
        if (braces || view)
            return true;
    }
    return false;
}

/* One line of code, its comment cut off (a "--" outside a string: a close guess). *told: the
 * story's use of the player's name without asking for it was reported. */
static void scan_line(Problems *p, Story *s, const char *file, int ln, const char *line,
                      bool *told)
{
    char id[TEXT_MAX_NAME + 1];
    if (p && !*told && !s->ask_name && uses_player(line)) {
        *told = true;
        warning(p, s->id, file, ln,
                "the story uses the player's name ({player} or g.player) but never asks for it: "
                "add ask_name = true to story { } (without a name it reads 'friend')");
    }
    for (const char *q = line; (q = strstr(q, "visited")); q += 7) {
        const char *a = q + 7;
        while (*a == ' ' || *a == '\t')
            a++;
        if (*a == '(')
            a++;
        if ((q == line || !name_char(q[-1])) && quoted_name(a, id, sizeof id))
            unknown_scene(p, s, file, ln, "g:visited:", id);
    }
    for (const char *q = line; (q = strstr(q, "scene")); q += 5) {
        const char *a = q + 5;
        while (*a == ' ' || *a == '\t')
            a++;
        if (q > line && q[-1] == '.' && (a[0] == '=' || a[0] == '~') && a[1] == '=' &&
            quoted_name(a + 2, id, sizeof id))
            unknown_scene(p, s, file, ln, "g.scene is compared with", id);
    }
    if (!s->usage)
        return;
    for (const char *q = line; (q = strchr(q, '{')); q++) { /* {name} in any string */
        size_t len = 0;
        while (name_char(q[1 + len]) && q[1 + len] != '-')
            len++;
        if (len && q[1 + len] == '}' && q > line && q[-1] != '{') {
            Marking m = {s, {.file = file, .line = ln}};
            mark_name(&m, q + 1, len, NULL);
        }
    }
}

/* Scene names that the code writes literally (g:visited("x"), g.scene == "x") are checked
 * here, before play, with their lines: a typo is found whether or not play reaches it. And
 * {name} anywhere in the code (a string a text function returns, say) counts as a read when
 * s->usage is set. A scan of the text, not of Lua's own parse: names built at run time are
 * not seen, and long comments are skipped only when --[[ opens a line. p NULL: report
 * nothing. */
/* scan_sources' state for each line. */
typedef struct ScanCtx {
    Problems *p;
    Story *s;
    bool told;
} ScanCtx;

static void scan_source_line(void *ud, const char *file, int line, char *code)
{
    ScanCtx *c = ud;
    scan_line(c->p, c->s, file, line, code, &c->told);
}

static void scan_sources(Problems *p, Story *s)
{
    ScanCtx c = {p, s, false};
    source_lines_each(s, scan_source_line, &c);
}

/* Where flag f is first set by a static set, or NULL. */
static const Pos *static_set_at(const Story *s, size_t f)
{
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        for (size_t k = 0; k < sc->set.n; k++)
            if (sc->set.v[k].index == (int)f)
                return &sc->pos;
        for (size_t j = 0; j < sc->n_choices; j++)
            for (size_t k = 0; k < sc->choices[j].set.n; k++)
                if (sc->choices[j].set.v[k].index == (int)f)
                    return &sc->choices[j].pos;
    }
    return NULL;
}

/* The flag or stat closest to name among those play reads (want_read) or sets. */
static const char *near_name(const Story *s, const char *name, bool want_read)
{
    const StoryUsage *u = s->usage;
    Suggest sg;
    suggest_init(&sg, name);
    for (size_t i = 0; i < s->n_flags; i++)
        if (want_read ? u->flag_read[i] : u->flag_set[i] || static_set_at(s, i))
            suggest_offer(&sg, s->flags[i].id);
    if (want_read)
        for (size_t i = 0; i < s->n_stats; i++)
            suggest_offer(&sg, s->stats[i].id);
    return suggest_best(&sg);
}

/* false, 0 or "": a flag that starts so and is never set tells nothing (one that starts
 * with a value and keeps it is a constant, and fine). */
static bool empty_value(const Value *v)
{
    return (v->type == VAL_BOOL && !v->b) || (v->type == VAL_INT && v->i == 0) ||
           (v->type == VAL_STR && !v->s[0]);
}

/* After play (every scene reached, so that every read had its chance): the warnings on
 * names. still[k] is true for a stat already reported as never changing. */
static void check_names(Problems *p, Story *s, const bool *still)
{
    const StoryUsage *u = s->usage;
    for (size_t i = 0; i < s->n_flags; i++) {
        const char *id = s->flags[i].id;
        const Pos *at = static_set_at(s, i);
        /* the campaign sets previous_verdict and previous_ending (game_new_after) */
        bool set = at || u->flag_set[i] || (s->flags[i].initial.type == VAL_STR &&
                                             (strcmp(id, "previous_verdict") == 0 ||
                                              strcmp(id, "previous_ending") == 0));
        const char *near = NULL;
        if (set && !u->flag_read[i] && s->flags[i].implicit)
            near = near_name(s, id, true);
        /* a declared flag that is only set records the player's path on purpose; one that a
         * static set made up is likely a slip */
        if (set && !u->flag_read[i] && s->flags[i].implicit) {
            warning(p, s->id, at ? at->file : s->pos.file, at ? at->line : s->pos.line,
                    "flag '%s' is set but nothing reads it in %d playthroughs%s%s%s", id,
                    2 * CHECK_RUNS, near ? "; did you mean '" : "", near ? near : "",
                    near ? "'?" : "");
        } else if (!set && u->flag_read[i] && empty_value(&s->flags[i].initial)) {
            Buf v = {0};
            const Value *init = &s->flags[i].initial;
            if (init->type == VAL_STR)
                buf_printf(&v, "\"%s\"", init->s);
            else
                story_value_format(init, &v);
            near = near_name(s, id, false);
            const Pos *r = &u->flag_read_at[i];
            warning(p, s->id, r->file ? r->file : s->pos.file, r->file ? r->line : s->pos.line,
                    "flag '%s' is read but nothing sets it (it is always %s)%s%s%s", id,
                    buf_str(&v), near ? "; did you mean '" : "", near ? near : "",
                    near ? "'?" : "");
            buf_free(&v);
        }
    }
    /* a stat shown with a better direction is a score the player watches: reading it is not
     * needed; a hidden one, or a neutral one, that nothing reads does nothing */
    for (size_t k = 0; k < s->n_stats; k++)
        if (!u->stat_read[k] && !still[k] &&
            (s->stats[k].hidden || s->stats[k].good == GOOD_NEUTRAL))
            warning(p, s->id, s->stats[k].pos.file, s->stats[k].pos.line,
                    "stat '%s' is never read by a condition, a text or a threshold in %d "
                    "playthroughs, and it is %s: it changes, but nothing depends on it",
                    s->stats[k].id, 2 * CHECK_RUNS,
                    s->stats[k].hidden ? "hidden" : "neutral (no better direction)");
}

/* ---- campaigns: whole careers, stats carried from chapter to chapter ---- */

#define CAMPAIGN_RUNS 1000

typedef struct Chapters {
    Story **v; /* loaded once, for every career */
    size_t n;
} Chapters;

static const Story *loaded_chapter(void *ctx, const Story *campaign, size_t i, Err *err)
{
    const Chapters *c = ctx;
    (void)campaign;
    if (i >= c->n || !c->v[i]) {
        err_set(err, "chapter %zu cannot be loaded", i + 1);
        return NULL;
    }
    return c->v[i];
}

/* Each chapter checked alone starts from its own stats; in a career it starts from where the
 * chapter before left them, with previous_verdict set: play whole careers (as `ladder play`
 * and `ladder explore` do) and report what fails only there. */
static void check_careers(Problems *p, const Story *s, const char *path, Chapters *ch)
{
    enum { KEPT = 5 };
    char *msgs[KEPT] = {0};
    uint64_t seeds[KEPT] = {0};
    long counts[KEPT] = {0}, stuck = 0, runs = 0;
    uint64_t stuck_seed = 0;
    size_t stuck_chapter = 0;
    int kept = 0;
    double deadline = util_now_seconds() + CHECK_SECONDS;
    for (uint64_t seed = 1; seed <= CAMPAIGN_RUNS && kept < KEPT; seed++) {
        AutoplayOptions o = {.seed = seed, .pick_seed = autoplay_pick_seed(seed),
                             .max_decisions = 500, .deadline = deadline, .quiet = true,
                             .chapter = loaded_chapter, .ctx = ch};
        AutoplayResult r;
        AutoplayStop why = autoplay_play(s, &o, &r);
        if (why == AUTOPLAY_DEADLINE)
            break;
        runs++;
        if (why == AUTOPLAY_LIMIT && stuck++ == 0) {
            stuck_seed = seed;
            stuck_chapter = r.chapters;
        }
        if (why != AUTOPLAY_FAILED)
            continue;
        int k = 0;
        while (k < kept && strcmp(msgs[k], r.err.msg) != 0)
            k++;
        if (k == kept) {
            msgs[kept] = xstrdup(r.err.msg);
            seeds[kept++] = seed;
        }
        counts[k]++;
    }
    for (int k = 0; k < kept; k++) {
        const char *m = msgs[k];
        const char *c1 = strchr(m, ':');
        long ln = c1 ? strtol(c1 + 1, NULL, 10) : 0;
        const char *rest = c1 && ln > 0 ? strchr(c1 + 1, ':') : NULL;
        char *file = rest ? xstrndup(m, (size_t)(c1 - m)) : xstrdup(s->pos.file);
        problem(p, s->id, file, rest ? (int)ln : s->pos.line,
                "%s (in %ld of %ld careers of the campaign '%s', each chapter starting where "
                "the one before left off; replay one: ladder replay %s --seed %llu --random)",
                rest ? rest + 2 : m, counts[k], runs, s->id, path,
                (unsigned long long)seeds[k]);
        free(file);
        free(msgs[k]);
    }
    if (stuck)
        problem(p, s->id, s->pos.file, s->pos.line,
                "%ld careers did not end: chapter %zu ran past 500 decisions (replay one: "
                "ladder replay %s --seed %llu --random)",
                stuck, stuck_chapter + 1, path, (unsigned long long)stuck_seed);
}

/* Advice tags without the scene's advice text: the end-of-run recap could show the choice
 * taken against the advice but not what the source advises (scenarios/README.md, "Advice"). */
static void check_advice(Problems *p, const Story *s)
{
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (sc->ending || sc->advice)
            continue;
        for (size_t k = 0; k < sc->n_choices; k++) {
            if (sc->choices[k].advice != ADVICE_NONE) {
                warning(p, s->id, sc->pos.file, sc->pos.line,
                        "scene '%s' tags choices with advice but has no advice text: add "
                        "advice = \"...\" (what the source advises here) for the end-of-run "
                        "recap", sc->id);
                break;
            }
        }
    }
}

/* A campaign's between names stats: each must be one a chapter declares. */
static void check_between(Problems *p, const Story *s, const Chapters *ch)
{
    for (size_t k = 0; k < s->between.n; k++) {
        const char *id = s->between.v[k].stat;
        bool found = false;
        for (size_t i = 0; i < ch->n && !found; i++)
            found = ch->v[i] && story_find_stat(ch->v[i], id) >= 0;
        if (!found)
            warning(p, s->id, s->pos.file, s->pos.line,
                    "between names the stat '%s', which no chapter declares", id);
    }
}

static void check_story(Problems *p, const char *path)
{
    Err err;
    Story *s = story_load(path, &err);
    if (!s) {
        load_problems(p, path, err.msg);
        return;
    }
    check_glyphs(s, glyph_warning, p); /* characters no font can show */
    if (s->n_chapters) { /* a campaign: check each chapter, found as play finds it */
        long before = p->n;
        Chapters ch = {xcalloc(s->n_chapters, sizeof *ch.v), s->n_chapters};
        for (size_t i = 0; i < s->n_chapters; i++) {
            Story *c = catalog_open_chapter(s, i, &err);
            if (!c) {
                problem(p, s->id, s->pos.file, s->pos.line, "chapter '%s' cannot be loaded: %s",
                        s->chapters[i], err.msg);
                continue;
            }
            char *chapter_path = xstrdup(c->path);
            ch.v[i] = c;
            check_story(p, chapter_path);
            free(chapter_path);
        }
        check_between(p, s, &ch);
        if (p->n == before) /* then whole careers, once every chapter is sound alone */
            check_careers(p, s, path, &ch);
        else if (!p->json)
            printf("%s: fix the errors above first; whole careers were not played\n", s->id);
        for (size_t i = 0; i < ch.n; i++)
            story_free(ch.v[i]);
        free(ch.v);
        story_free(s);
        return;
    }
    scan_sources(p, s); /* scene names in code: no record kept yet, so no {name} marks */
    check_advice(p, s);
    ExploreResult a, b;
    StoryUsage *usage = usage_new(s);
    /* stop at the first few failures: a looping callback spends its whole budget every game */
    double t0 = util_now_seconds();
    ExploreOptions o = {.runs = CHECK_RUNS, .seed = 1, .cap = 500, .jobs = 1, .max_errors = 5,
                        .max_seconds = CHECK_SECONDS};
    if (explore_run(s, &o, &a, &err) != 0) {
        problem(p, s->id, s->pos.file, s->pos.line, "%s", err.msg);
        usage_free(s, usage);
        story_free(s);
        return;
    }
    o.strategy = STRATEGY_LEAST_USED; /* both explorations share CHECK_SECONDS */
    o.max_seconds = CHECK_SECONDS - (util_now_seconds() - t0);
    if (o.max_seconds < 0.05)
        o.max_seconds = 0.05;
    if (explore_run(s, &o, &b, &err) != 0) {
        explore_result_free(&a);
        problem(p, s->id, s->pos.file, s->pos.line, "%s", err.msg);
        usage_free(s, usage);
        story_free(s);
        return;
    }
    /* errors first: they hide everything after them in a playthrough */
    ExploreResult *rs[2] = {&a, &b};
    bool failed = false;
    for (int w = 0; w < 2 && !failed; w++) {
        const ExploreResult *r = rs[w];
        for (int i = 0; i < r->kept_errors; i++) {
            const char *m = r->errors[i].message;
            bool seen = false;
            int count = 0;
            for (int j = 0; j < r->kept_errors; j++) {
                if (strcmp(r->errors[j].message, m) == 0) {
                    seen = seen || j < i;
                    count++;
                }
            }
            if (seen)
                continue;
            /* the message starts with file:line when the script said where */
            const char *c1 = strchr(m, ':');
            long ln = c1 ? strtol(c1 + 1, NULL, 10) : 0;
            const char *rest = c1 && ln > 0 ? strchr(c1 + 1, ':') : NULL;
            char *file = rest ? xstrndup(m, (size_t)(c1 - m)) : xstrdup(s->pos.file);
            problem(p, s->id, file, rest ? (int)ln : s->pos.line,
                    "%s (in %s playthroughs; replay one: ladder replay %s --seed %llu --random)",
                    rest ? rest + 2 : m,
                    count == r->kept_errors && r->n_errors > count ? "many" : count > 1 ? "several" : "one",
                    path, (unsigned long long)r->errors[i].seed);
            free(file);
            failed = true;
        }
        if (r->timed_out) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "the story is too slow to check: after %.0f s it was still in playthrough "
                    "%ld of %d (a bundled story plays 2,000 in about 0.1 s): its functions do "
                    "too much work at every step",
                    CHECK_SECONDS, r->runs, CHECK_RUNS);
            failed = true;
        }
        if (r->n_stuck) {
            problem(p, s->id, s->pos.file, s->pos.line,
                    "%ld playthroughs did not end within %ld decisions (replay one: ladder replay "
                    "%s --seed %llu --random)",
                    r->n_stuck, o.cap, path, (unsigned long long)r->stuck_seeds[0]);
            failed = true;
        }
    }
    if (failed) {
        if (!p->json)
            printf("%s: fix the errors above first; coverage and stats were not checked\n", s->id);
        explore_result_free(&a);
        explore_result_free(&b);
        usage_free(s, usage);
        story_free(s);
        return;
    }
    s->usage = NULL; /* the record is complete: determinism's replays play as in a game */
    check_determinism(p, s, path, o.cap);
    bool dynamic = has_go_functions(s), all_reached = true;
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        if (a.scene_hits[i] || b.scene_hits[i])
            continue;
        all_reached = false;
        const char *kind = sc->ending ? "ending" : "scene";
        if (!statically_targeted(s, (int)i) && !dynamic)
            problem(p, s->id, sc->pos.file, sc->pos.line, "%s '%s': no choice leads here", kind,
                    sc->id);
        else if (!statically_targeted(s, (int)i))
            problem(p, s->id, sc->pos.file, sc->pos.line,
                    "%s '%s': no choice names it, and no go function reached it in %d "
                    "playthroughs",
                    kind, sc->id, 2 * CHECK_RUNS);
        else
            problem(p, s->id, sc->pos.file, sc->pos.line,
                    "%s '%s' is never reached in %d playthroughs (are the conditions on the way "
                    "ever true?)",
                    kind, sc->id, 2 * CHECK_RUNS);
    }
    bool *still = xcalloc(s->n_stats + 1, sizeof *still);
    for (size_t k = 0; k < s->n_stats; k++) {
        bool moves = false;
        for (size_t i = 0; i < s->n_scenes && !moves; i++) {
            size_t x = i * s->n_stats + k;
            if ((a.scene_hits[i] && (a.at_min[x] != s->stats[k].start ||
                                     a.at_max[x] != s->stats[k].start)) ||
                (b.scene_hits[i] && (b.at_min[x] != s->stats[k].start ||
                                     b.at_max[x] != s->stats[k].start)))
                moves = true;
        }
        still[k] = !moves;
        if (!moves)
            problem(p, s->id, s->stats[k].pos.file, s->stats[k].pos.line,
                    "stat '%s' never changes in %d playthroughs", s->stats[k].id, 2 * CHECK_RUNS);
    }
    if (all_reached) {
        s->usage = usage;
        mark_static_reads(s);
        scan_sources(NULL, s); /* the scene names were reported before play */
        check_names(p, s, still);
    }
    free(still);
    explore_result_free(&a);
    explore_result_free(&b);
    usage_free(s, usage);
    story_free(s);
}

const char tool_check_usage[] =
    "Usage: ladder check [--json] [PATH]...\n"
    "\n"
    "Check stories (files, folders or bundled story ids; default: every bundled story) and\n"
    "report each problem as file:line: message. A campaign is checked chapter by chapter,\n"
    "then played as 1,000 whole careers. Loading finds Lua errors, choices to scenes that do\n"
    "not exist, unknown stats, flags and names, duplicate ids and scenes with no way on;\n"
    "playing each story 4,000 times finds scenes and endings nothing reaches, stats nothing\n"
    "changes, script errors and dead ends in play, and (replaying a sample in fresh copies of\n"
    "the story) scripts that do not play the same way twice. Warnings name likely slips:\n"
    "flags set but never read or read but never set, hidden or neutral stats nothing reads;\n"
    "misspelt names get the nearest known one (\"did you mean 'west_tunnel'?\").\n"
    "\n"
    "  --json      a JSON array of {story, file, line, severity, message}\n"
    "  -h, --help  show this help and exit\n"
    "\n"
    "Exit status: 0 when clean, 1 when problems or warnings were found, 2 on a usage error.\n";

int tool_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"json", no_argument, NULL, 'j'}, {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    Problems p = {0};
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'j': p.json = true; break;
        case 'h': tools_print_usage(tool_check_usage); return TOOLS_EXIT_OK;
        default: return tools_usage_error("check", "%s", "invalid option");
        }
    }
    if (p.json)
        p.list = cJSON_CreateArray();
    if (optind < argc) {
        for (int i = optind; i < argc; i++) {
            char *bundled = NULL; /* a bundled story's id: its folder */
            if (access(argv[i], F_OK) != 0 && util_is_identifier(argv[i])) {
                char *dir = paths_scenarios_dir();
                bundled = xasprintf("%s/%s", dir, argv[i]);
                free(dir);
                if (access(bundled, F_OK) != 0) {
                    free(bundled);
                    bundled = NULL;
                }
            }
            if (!bundled && access(argv[i], F_OK) != 0) {
                fprintf(stderr, "ladder: %s: no such file or folder, nor a bundled story (ladder "
                        "list shows them)\n", argv[i]);
                cJSON_Delete(p.list);
                return 2;
            }
            check_story(&p, bundled ? bundled : argv[i]);
            free(bundled);
        }
    } else {
        char *dir = paths_scenarios_dir();
        Catalog *cat = catalog_scan(dir);
        free(dir);
        if (cat->problems)
            load_problems(&p, cat->dir, cat->problems);
        for (size_t i = 0; i < cat->n; i++)
            check_story(&p, cat->v[i].path);
        catalog_free(cat);
    }
    if (p.json) {
        char *text = cJSON_PrintUnformatted(p.list);
        utf8_write_repaired(stdout, text ? text : "[]", text ? strlen(text) : 2);
        putchar('\n');
        cJSON_free(text);
        cJSON_Delete(p.list);
    } else if (p.n == 0 && p.warnings == 0) {
        fflush(stdout);
        fprintf(stderr, "ladder check: no problems found\n");
    } else if (p.warnings == 0) {
        fflush(stdout);
        fprintf(stderr, "ladder check: %ld problem%s\n", p.n, p.n == 1 ? "" : "s");
    } else {
        fflush(stdout);
        fprintf(stderr, "ladder check: %ld problem%s, %ld warning%s\n", p.n, p.n == 1 ? "" : "s",
                p.warnings, p.warnings == 1 ? "" : "s");
    }
    return p.n || p.warnings ? 1 : 0;
}
