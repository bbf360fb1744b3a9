/* game.c: the rules. A decision applies the choice's effects and flags, finds the target
 * (static or computed), lets a stat threshold force another target, enters the scene (its own
 * effects, then thresholds again), and describes the new scene once: its text and the choices
 * whose conditions hold. All randomness comes from the game's generator in that fixed order, so
 * replaying the same choices from the same seed rebuilds the same game. */
#include "core/game.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/game_int.h"
#include "core/host.h"
#include "core/text.h"

/* The host behind g's story: every function reference (HostFn) in a story belongs to it, so
 * a story with one has a host. */
#define HOST(g) ((g)->story->host_ops)


static void clear_screen(Game *g)
{
    for (size_t i = 0; i < g->n_avail; i++)
        free(g->avail_text[i]);
    g->n_avail = 0;
    for (size_t i = 0; i < g->n_locked; i++) {
        free(g->locked_text[i]);
        free(g->locked_reason[i]);
    }
    g->n_locked = 0;
    free(g->text);
    g->text = NULL;
}

void game_free(Game *g)
{
    if (!g)
        return;
    clear_screen(g);
    free(g->avail);
    free(g->avail_text);
    free(g->locked);
    free(g->locked_text);
    free(g->locked_reason);
    for (size_t i = 0; i < g->story->n_flags; i++)
        story_value_free(&g->flags[i]);
    free(g->flags);
    for (size_t i = 0; i < g->n_journal; i++) {
        free(g->journal[i].before);
        free(g->journal[i].after);
        free(g->journal[i].text);
        free(g->journal[i].reply);
        free(g->journal[i].not_taken);
        free(g->journal[i].scene_text);
    }
    free(g->journal);
    free(g->stats);
    free(g->change);
    free(g->change_choice);
    free(g->visits);
    free(g->fired);
    for (size_t i = 0; i < g->story->n_flags; i++)
        story_value_free(&g->init_flags[i]);
    free(g->init_flags);
    free(g->init_stats);
    game_int_free_carry(g->carry, g->n_carry);
    free(g->carried);
    free(g->carried_end);
    free(g->player);
    free(g);
}

static int clamp_stat(const StatDef *d, long long v)
{
    return v < d->min ? d->min : v > d->max ? d->max : (int)v;
}

/* p% of span, rounded to the nearest integer, halves away from zero (span >= 0, p in 0..100). */
static long long percent_of(long long span, int p)
{
    return (span * p + 50) / 100;
}

int game_effect_result(const StatDef *d, const Effect *e, int value)
{
    long long v = value;
    switch (e->kind) {
    case EFFECT_ADD: v += e->delta; break;
    case EFFECT_SET: v = e->delta; break;
    case EFFECT_FAIR_UP: v += percent_of(v < d->max ? (long long)d->max - v : 0, e->delta); break;
    case EFFECT_FAIR_DOWN: v -= percent_of(v > d->min ? v - (long long)d->min : 0, e->delta); break;
    }
    return clamp_stat(d, v);
}

static void add_stat(Game *g, const Effect *e)
{
    g->stats[e->index] = game_effect_result(&g->story->stats[e->index], e, g->stats[e->index]);
}

static int apply_effects(Game *g, const Effects *e, const HostCall *at, Err *err)
{
    for (size_t i = 0; i < e->n; i++)
        add_stat(g, &e->v[i]);
    if (e->fn) {
        Effect *v;
        size_t n;
        if (HOST(g)->call_effects(g->story->host, e->fn, g, at, &v, &n, err) != 0)
            return -1;
        for (size_t i = 0; i < n; i++)
            add_stat(g, &v[i]);
        story_free_effects(v, n);
    }
    return 0;
}

static void set_flag(Game *g, int i, const Value *v)
{
    story_value_free(&g->flags[i]);
    g->flags[i] = story_value_copy(v);
}

static int apply_sets(Game *g, const Sets *s, const HostCall *at, Err *err)
{
    for (size_t i = 0; i < s->n; i++)
        set_flag(g, s->v[i].index, &s->v[i].value);
    if (s->fn) {
        FlagSet *v;
        size_t n;
        if (HOST(g)->call_set(g->story->host, s->fn, g, at, &v, &n, err) != 0)
            return -1;
        for (size_t i = 0; i < n; i++)
            set_flag(g, v[i].index, &v[i].value);
        story_free_sets(v, n);
    }
    return 0;
}

/* ---- interpolation ---- */

static bool lookup(void *ud, const char *name, size_t len, Buf *out)
{
    const Game *g = ud;
    char key[128];
    if (len == 0 || len >= sizeof key)
        return false;
    memcpy(key, name, len);
    key[len] = '\0';
    if (strcmp(key, "player") == 0) {
        if (out)
            buf_puts(out, game_player_prose(g));
        return true;
    }
    int i = story_find_stat(g->story, key);
    if (i >= 0) {
        if (out)
            buf_printf(out, "%d", g->stats[i]);
        return true;
    }
    i = story_find_flag(g->story, key);
    if (i >= 0) {
        if (out)
            story_value_format(&g->flags[i], out);
        return true;
    }
    return false;
}

/* Evaluate a Text (function or literal), interpolate and lay it out. */
static char *render(Game *g, const Text *t, const Pos *pos, const HostCall *at, Err *err)
{
    if (g->quiet && !t->fn)
        return xstrdup("");
    char *raw = NULL;
    if (t->fn) {
        if (HOST(g)->call_string(g->story->host, t->fn, g, at, &raw, err) != 0)
            return NULL;
    }
    if (g->quiet) { /* only check the names it interpolates */
        int rc = text_interpolate(raw, lookup, g, NULL, err);
        free(raw);
        if (rc != 0) {
            err_prefix(err, "%s:%d: ", pos->file, pos->line);
            return NULL;
        }
        return xstrdup("");
    }
    Buf out = {0};
    if (text_interpolate(raw ? raw : t->str, lookup, g, &out, err) != 0) {
        err_prefix(err, "%s:%d: ", pos->file, pos->line);
        buf_free(&out);
        free(raw);
        return NULL;
    }
    free(raw);
    if (at && at->choice && out.len > TEXT_MAX_CHOICE) { /* a button, not a page */
        err_set(err, "%s:%d: the choice's %s is %zu bytes once its {names} are filled in (it "
                     "may be at most %u)",
                pos->file, pos->line, at->what, out.len, TEXT_MAX_CHOICE);
        buf_free(&out);
        return NULL;
    }
    char *laid = text_layout(buf_str(&out));
    buf_free(&out);
    return laid;
}

/* Whether choice ci of scene was taken in this playthrough: the journal, or the decision being
 * taken now (so once-only choices follow undo, replays and saves). */
static bool taken(const Game *g, int scene, size_t ci)
{
    if (g->pending_scene == scene && g->pending_choice == (int)ci)
        return true;
    for (size_t k = 0; k < g->n_journal; k++)
        if (g->journal[k].scene == scene && g->journal[k].choice == (int)ci)
            return true;
    return false;
}

/* Why choice c is locked now (malloc'd), or NULL when its requirements hold: its show_locked
 * text, else "Needs Business acumen 60, Trust 40" (the unmet ones, by label). */
static char *unmet(const Game *g, const Choice *c)
{
    Buf b = {0};
    for (size_t k = 0; k < c->n_requires; k++) {
        const Requirement *r = &c->requires[k];
        if (g->stats[r->index] >= r->min)
            continue;
        buf_puts(&b, b.len ? ", " : "Needs ");
        buf_printf(&b, "%s %d", g->story->stats[r->index].label, r->min);
    }
    if (!b.len)
        return NULL;
    if (c->show_locked) {
        buf_free(&b);
        return xstrdup(c->show_locked);
    }
    return buf_take(&b);
}

/* Work out what the current scene shows. */
static int describe(Game *g, Err *err)
{
    const Scene *sc = &g->story->scenes[g->scene];
    clear_screen(g);
    HostCall at = {sc, NULL, "text"};
    g->text = render(g, &sc->text, &sc->pos, &at, err);
    if (!g->text)
        return -1;
    for (size_t i = 0; i < sc->n_choices; i++) {
        const Choice *c = &sc->choices[i];
        if (c->once && taken(g, g->scene, i))
            continue;
        HostCall cat = {sc, c, "when"};
        bool shown = true;
        unsigned long reads = g->outside_reads;
        if (c->when && HOST(g)->call_bool(g->story->host, c->when, g, &cat, &shown, err) != 0)
            return -1;
        if (c->when && g->when_counts)
            g->when_counts[sc->choice_base + i][shown]++;
        if (c->when && g->when_outside && g->outside_reads != reads)
            g->when_outside[sc->choice_base + i] = true;
        if (!shown && !c->show_locked)
            continue;
        char *why = !shown ? xstrdup(c->show_locked) : unmet(g, c);
        if (why) { /* shown, locked: the reason is interpolated and laid out as texts are */
            Text reason = {why, 0};
            cat.what = "show_locked";
            char *r = render(g, &reason, &c->pos, &cat, err);
            free(why);
            if (!r)
                return -1;
            cat.what = "text";
            char *t = render(g, &c->text, &c->pos, &cat, err);
            if (!t) {
                free(r);
                return -1;
            }
            g->locked[g->n_locked] = i;
            g->locked_text[g->n_locked] = t;
            g->locked_reason[g->n_locked++] = r;
            continue;
        }
        cat.what = "text";
        char *t = render(g, &c->text, &c->pos, &cat, err);
        if (!t)
            return -1;
        g->avail[g->n_avail] = i;
        g->avail_text[g->n_avail++] = t;
    }
    if (!sc->ending && g->n_avail == 0) {
        err_set(err, "%s:%d: scene '%s' offers no choice here (every 'when' is false, or the "
                     "choices are locked or once-only and taken): a dead end",
                sc->pos.file, sc->pos.line, sc->id);
        return -1;
    }
    return 0;
}

/* The first threshold, in declaration order, that holds now but did not at the start of the
 * decision; -1 if none. Each fires at most once per decision. */
static int crossed(Game *g, const int *baseline)
{
    const Story *s = g->story;
    for (size_t i = 0; i < s->n_thresholds; i++) {
        const Threshold *t = &s->thresholds[i];
        if (g->fired[i] || t->go_index == g->scene)
            continue;
        int now = g->stats[t->stat], then = baseline[t->stat];
        bool holds = t->at_least ? now >= t->value : now <= t->value;
        bool held = t->at_least ? then >= t->value : then <= t->value;
        if (holds && !held) {
            g->fired[i] = 1;
            return (int)i;
        }
    }
    return -1;
}

/* Arrive at target: visits, chapter, arrival effects and flags, thresholds; then describe. */
static int enter(Game *g, int target, const int *baseline, int *forced, Err *err)
{
    const Story *s = g->story;
    for (;;) {
        g->scene = target;
        g->visits[target]++;
        const Scene *sc = &s->scenes[target];
        if (sc->chapter)
            g->chapter = sc->chapter;
        HostCall at = {sc, NULL, "effects"};
        if (apply_effects(g, &sc->effects, &at, err) != 0)
            return -1;
        at.what = "set";
        if (apply_sets(g, &sc->set, &at, err) != 0)
            return -1;
        if (sc->ending)
            break;
        int t = crossed(g, baseline);
        if (t < 0)
            break;
        *forced = t;
        target = s->thresholds[t].go_index;
    }
    return describe(g, err);
}

static atomic_ullong last_serial; /* game_serial: the last one given */

static Game *alloc_game(const Story *s, uint64_t seed, const char *player)
{
    Game *g = xcalloc(1, sizeof *g);
    g->serial = atomic_fetch_add(&last_serial, 1) + 1;
    g->story = s;
    g->seed = seed;
    rng_seed(&g->rng, seed);
    g->player = xstrdup(player ? player : ""); /* "": no name given */
    g->stats = xcalloc(s->n_stats, sizeof *g->stats);
    g->change = xcalloc(s->n_stats, sizeof *g->change);
    g->change_choice = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *g->change_choice);
    for (size_t i = 0; i < s->n_stats; i++)
        g->stats[i] = s->stats[i].start;
    g->flags = xcalloc(s->n_flags, sizeof *g->flags);
    for (size_t i = 0; i < s->n_flags; i++)
        g->flags[i] = story_value_copy(&s->flags[i].initial);
    g->visits = xcalloc(s->n_scenes, sizeof *g->visits);
    g->fired = xcalloc(s->n_thresholds, 1);
    size_t most = 1;
    for (size_t i = 0; i < s->n_scenes; i++)
        if (s->scenes[i].n_choices > most)
            most = s->scenes[i].n_choices;
    g->avail = xcalloc(most, sizeof *g->avail);
    g->avail_text = xcalloc(most, sizeof *g->avail_text);
    g->locked = xcalloc(most, sizeof *g->locked);
    g->locked_text = xcalloc(most, sizeof *g->locked_text);
    g->locked_reason = xcalloc(most, sizeof *g->locked_reason);
    g->pending_scene = -1;
    return g;
}

/* Enter the start scene from the game's initial values. */
static Game *begin(Game *g, Err *err)
{
    const Story *s = g->story;
    if (s->start_index < 0) {
        err_set(err, "'%s' is a campaign: its chapters are played through a session", s->id);
        game_free(g);
        return NULL;
    }
    g->init_stats = xmalloc((s->n_stats ? s->n_stats : 1) * sizeof *g->init_stats);
    memcpy(g->init_stats, g->stats, s->n_stats * sizeof *g->stats);
    g->init_flags = xcalloc(s->n_flags ? s->n_flags : 1, sizeof *g->init_flags);
    for (size_t i = 0; i < s->n_flags; i++)
        g->init_flags[i] = story_value_copy(&g->flags[i]);
    int forced = -1;
    if (s->host_ops)
        s->host_ops->step(s->host);
    if (enter(g, s->start_index, g->init_stats, &forced, err) != 0) {
        game_free(g);
        return NULL;
    }
    return g;
}

Game *game_new(const Story *s, uint64_t seed, const char *player, Err *err)
{
    return begin(alloc_game(s, seed, player), err);
}

/* A fresh game with the same initial values as g (for replays). */
static Game *restart(const Game *g, Err *err)
{
    const Story *s = g->story;
    Game *r = alloc_game(s, g->seed, g->player);
    memcpy(r->stats, g->init_stats, s->n_stats * sizeof *r->stats);
    for (size_t i = 0; i < s->n_flags; i++)
        set_flag(r, (int)i, &g->init_flags[i]);
    game_int_copy_carry(r, g);
    return begin(r, err);
}

int game_choose(Game *g, size_t i, double seconds, Err *err)
{
    const Story *s = g->story;
    if (i >= g->n_avail) {
        err_set(err, "no choice number %zu here", i + 1);
        return -1;
    }
    if (s->host_ops)
        s->host_ops->step(s->host);
    const Scene *from = &s->scenes[g->scene];
    size_t ci = g->avail[i];
    const Choice *c = &from->choices[ci];
    Decision d = {.scene = g->scene, .choice = (int)ci, .seconds = seconds, .forced = -1,
                  .text = xstrdup(g->avail_text[i]),
                  .scene_text = g->quiet ? NULL : xstrdup(game_text(g))};
    if (c->advice != ADVICE_NONE) { /* the road not taken, among the choices offered now */
        Advice other = c->advice == ADVICE_FOLLOWS ? ADVICE_AGAINST : ADVICE_FOLLOWS;
        for (size_t k = 0; k < g->n_avail && !d.not_taken; k++)
            if (k != i && from->choices[g->avail[k]].advice == other)
                d.not_taken = xstrdup(g->avail_text[k]);
    }
    size_t nb = (s->n_stats ? s->n_stats : 1) * sizeof(int);
    d.before = xmalloc(nb);
    memcpy(d.before, g->stats, s->n_stats * sizeof(int));
    memset(g->fired, 0, s->n_thresholds);

    HostCall at = {from, c, "effects"};
    if (apply_effects(g, &c->effects, &at, err) != 0)
        goto fail;
    for (size_t k = 0; k < s->n_stats; k++)
        g->change_choice[k] = g->stats[k] - d.before[k];
    at.what = "set";
    if (apply_sets(g, &c->set, &at, err) != 0)
        goto fail;
    if (c->reply.str || c->reply.fn) { /* after the choice's effects, before the next scene's */
        at.what = "reply";
        d.reply = render(g, &c->reply, &c->pos, &at, err);
        if (!d.reply)
            goto fail;
    }
    int target = c->go_index;
    if (c->go_fn) {
        at.what = "go";
        char *id;
        if (HOST(g)->call_string(s->host, c->go_fn, g, &at, &id, err) != 0)
            goto fail;
        target = story_find_scene(s, id);
        if (target < 0) {
            err_set(err, "%s:%d: go function returned unknown scene '%s' (scene '%s', choice '%s')",
                    c->pos.file, c->pos.line, id, from->id, c->id);
            free(id);
            goto fail;
        }
        free(id);
    }
    int t = crossed(g, d.before);
    if (t >= 0) {
        d.forced = t;
        target = s->thresholds[t].go_index;
    }
    g->pending_scene = d.scene, g->pending_choice = d.choice;
    int entered = enter(g, target, d.before, &d.forced, err);
    g->pending_scene = -1;
    if (entered != 0)
        goto fail;
    d.after = xmalloc(nb);
    memcpy(d.after, g->stats, s->n_stats * sizeof(int));
    for (size_t k = 0; k < s->n_stats; k++)
        g->change[k] = d.after[k] - d.before[k];
    util_grow(&g->journal, &g->cap_journal, g->n_journal + 1, sizeof *g->journal);
    g->journal[g->n_journal++] = d;
    return 0;
fail:
    free(d.before);
    free(d.text);
    free(d.scene_text);
    free(d.reply);
    free(d.not_taken);
    return -1;
}

int game_choose_id(Game *g, const char *id, double seconds, Err *err)
{
    const Scene *sc = &g->story->scenes[g->scene];
    for (size_t i = 0; i < g->n_avail; i++)
        if (strcmp(sc->choices[g->avail[i]].id, id) == 0)
            return game_choose(g, i, seconds, err);
    err_set(err, "scene '%s' offers no choice '%s' now", sc->id, id);
    return -1;
}

/* Take steps on g while they fit; returns g, or NULL (g freed) on a script error. */
static Game *replay_steps(Game *g, const Step *steps, size_t n, size_t *applied, Err *err)
{
    const Story *s = g->story;
    *applied = 0;
    for (size_t i = 0; i < n; i++) {
        if (g->n_avail == 0 || strcmp(s->scenes[g->scene].id, steps[i].scene) != 0)
            break;
        const Scene *sc = &s->scenes[g->scene];
        size_t k = 0;
        while (k < g->n_avail && strcmp(sc->choices[g->avail[k]].id, steps[i].choice) != 0)
            k++;
        if (k == g->n_avail)
            break;
        if (game_choose(g, k, steps[i].seconds, err) != 0) {
            game_free(g);
            return NULL;
        }
        *applied = i + 1;
    }
    return g;
}

Game *game_replay(const Story *s, uint64_t seed, const char *player, const Step *steps, size_t n,
                  size_t *applied, Err *err)
{
    return game_replay_after(s, seed, player, NULL, NULL, steps, n, applied, err);
}

Game *game_replay_after(const Story *s, uint64_t seed, const char *player, const Game *prev,
                        const Effects *between, const Step *steps, size_t n, size_t *applied,
                        Err *err)
{
    *applied = 0;
    Game *g = game_new_after(s, seed, player, prev, between, err);
    return g ? replay_steps(g, steps, n, applied, err) : NULL;
}

Game *game_rewind(const Game *g, size_t n, Err *err)
{
    if (n > g->n_journal)
        n = g->n_journal;
    Step *steps = xcalloc(n ? n : 1, sizeof *steps);
    for (size_t i = 0; i < n; i++) {
        const Decision *d = &g->journal[i];
        steps[i].scene = g->story->scenes[d->scene].id;
        steps[i].choice = g->story->scenes[d->scene].choices[d->choice].id;
        steps[i].seconds = d->seconds;
    }
    size_t applied = 0;
    Game *r = restart(g, err);
    if (r)
        r = replay_steps(r, steps, n, &applied, err);
    free(steps);
    if (!r)
        return NULL;
    /* The same story, seed and choices must give the same game; where they do not, a script
     * keeps state of its own or looks at something else (see game_diverged). */
    size_t at = applied;
    if (applied == n) {
        int scene = n < g->n_journal ? g->journal[n].scene : g->scene;
        const int *stats = n ? g->journal[n - 1].after : NULL;
        bool same = r->scene == scene;
        for (size_t k = 0; stats && same && k < g->story->n_stats; k++)
            same = r->stats[k] == stats[k];
        if (same || n == 0)
            return r;
        at = n ? n - 1 : 0;
    }
    const Decision *d = &g->journal[at < g->n_journal ? at : g->n_journal - 1];
    err_set(err, "%s: this story does not play the same way twice: replaying decision %zu "
                 "(scene '%s', choice '%s') led elsewhere. " GAME_DIVERGED_WHY,
            g->story->files ? g->story->files[0] : g->story->path, at + 1,
            g->story->scenes[d->scene].id, g->story->scenes[d->scene].choices[d->choice].id);
    game_free(r);
    return NULL;
}

const Story *game_story(const Game *g) { return g->story; }
uint64_t game_seed(const Game *g) { return g->seed; }
const char *game_player(const Game *g) { return g->player; }
const char *game_player_prose(const Game *g) { return *g->player ? g->player : GAME_NO_NAME; }
const Scene *game_scene(const Game *g) { return &g->story->scenes[g->scene]; }
int game_scene_index(const Game *g) { return g->scene; }
const char *game_text(const Game *g) { return g->text ? g->text : ""; }
unsigned long long game_serial(const Game *g) { return g->serial; }
const char *game_chapter(const Game *g) { return g->chapter; }
bool game_ended(const Game *g) { return g->story->scenes[g->scene].ending; }
size_t game_choice_count(const Game *g) { return g->n_avail; }
size_t game_locked_count(const Game *g) { return g->n_locked; }

const Choice *game_locked_choice(const Game *g, size_t i)
{
    return i < g->n_locked ? &g->story->scenes[g->scene].choices[g->locked[i]] : NULL;
}

const char *game_locked_text(const Game *g, size_t i)
{
    return i < g->n_locked ? g->locked_text[i] : NULL;
}

const char *game_locked_reason(const Game *g, size_t i)
{
    return i < g->n_locked ? g->locked_reason[i] : NULL;
}
int game_stat(const Game *g, size_t stat) { return g->stats[stat]; }
int game_stat_change(const Game *g, size_t stat) { return g->change[stat]; }
int game_stat_change_choice(const Game *g, size_t stat) { return g->change_choice[stat]; }


const Value *game_flag(const Game *g, size_t flag) { return &g->flags[flag]; }
int game_visits(const Game *g, int scene) { return g->visits[scene]; }
size_t game_decision_count(const Game *g) { return g->n_journal; }
Rng *game_rng(Game *g) { return &g->rng; }

const Choice *game_choice(const Game *g, size_t i)
{
    return i < g->n_avail ? &g->story->scenes[g->scene].choices[g->avail[i]] : NULL;
}

const char *game_choice_text(const Game *g, size_t i)
{
    return i < g->n_avail ? g->avail_text[i] : NULL;
}

const Decision *game_decision(const Game *g, size_t i)
{
    return i < g->n_journal ? &g->journal[i] : NULL;
}

void game_set_quiet(Game *g, bool quiet)
{
    g->quiet = quiet;
}

void game_set_when_counts(Game *g, unsigned long (*counts)[2])
{
    g->when_counts = counts;
}

void game_note_outside_read(Game *g) { g->outside_reads++; }

unsigned long game_outside_reads(const Game *g) { return g->outside_reads; }

void game_set_when_outside(Game *g, bool *marks) { g->when_outside = marks; }

static int *copy_ints(const int *v, size_t n)
{
    int *c = xmalloc((n ? n : 1) * sizeof *c);
    memcpy(c, v, n * sizeof *c);
    return c;
}

Game *game_clone(const Game *g)
{
    const Story *s = g->story;
    Game *c = alloc_game(s, g->seed, g->player);
    game_int_copy_carry(c, g);
    c->rng = g->rng;
    memcpy(c->stats, g->stats, s->n_stats * sizeof *c->stats);
    memcpy(c->change, g->change, s->n_stats * sizeof *c->change);
    memcpy(c->change_choice, g->change_choice, s->n_stats * sizeof *c->change_choice);
    for (size_t i = 0; i < s->n_flags; i++)
        set_flag(c, (int)i, &g->flags[i]);
    memcpy(c->visits, g->visits, s->n_scenes * sizeof *c->visits);
    c->scene = g->scene;
    c->chapter = g->chapter;
    c->text = xstrdup(g->text);
    for (size_t i = 0; i < g->n_avail; i++) {
        c->avail[i] = g->avail[i];
        c->avail_text[i] = xstrdup(g->avail_text[i]);
    }
    c->n_avail = g->n_avail;
    for (size_t i = 0; i < g->n_locked; i++) {
        c->locked[i] = g->locked[i];
        c->locked_text[i] = xstrdup(g->locked_text[i]);
        c->locked_reason[i] = xstrdup(g->locked_reason[i]);
    }
    c->n_locked = g->n_locked;
    c->journal = xcalloc(g->n_journal ? g->n_journal : 1, sizeof *c->journal);
    c->cap_journal = g->n_journal ? g->n_journal : 1;
    for (size_t i = 0; i < g->n_journal; i++) {
        c->journal[i] = g->journal[i];
        c->journal[i].before = copy_ints(g->journal[i].before, s->n_stats);
        c->journal[i].after = copy_ints(g->journal[i].after, s->n_stats);
        c->journal[i].text = xstrdup(g->journal[i].text);
        c->journal[i].reply = g->journal[i].reply ? xstrdup(g->journal[i].reply) : NULL;
        c->journal[i].not_taken = g->journal[i].not_taken ? xstrdup(g->journal[i].not_taken)
                                                          : NULL;
        c->journal[i].scene_text =
            g->journal[i].scene_text ? xstrdup(g->journal[i].scene_text) : NULL;
    }
    c->n_journal = g->n_journal;
    c->init_stats = copy_ints(g->init_stats, s->n_stats);
    c->init_flags = xcalloc(s->n_flags ? s->n_flags : 1, sizeof *c->init_flags);
    for (size_t i = 0; i < s->n_flags; i++)
        c->init_flags[i] = story_value_copy(&g->init_flags[i]);
    c->quiet = g->quiet;
    c->when_counts = g->when_counts;
    c->outside_reads = g->outside_reads;
    c->when_outside = g->when_outside;
    return c;
}

/* Whether the game has taken each once-only choice, as a hash (what those choices' offers depend
 * on besides scene, stats and flags). */
static unsigned long long once_hash(const Game *g, unsigned long long h)
{
    const Story *s = g->story;
    for (size_t i = 0; i < s->n_scenes; i++)
        for (size_t j = 0; j < s->scenes[i].n_choices; j++)
            if (s->scenes[i].choices[j].once) {
                unsigned char t = taken(g, (int)i, j);
                h = fnv1a64(h, &t, 1);
            }
    return h;
}

unsigned long long game_state_hash(const Game *g)
{
    const Story *s = g->story;
    unsigned long long h = once_hash(g, FNV1A64_INIT);
    h = fnv1a64(h, &g->scene, sizeof g->scene);
    h = fnv1a64(h, g->stats, s->n_stats * sizeof *g->stats);
    for (size_t i = 0; i < s->n_flags; i++) {
        const Value *v = &g->flags[i];
        h = fnv1a64(h, &v->type, sizeof v->type);
        if (v->type == VAL_STR)
            h = fnv1a64(h, v->s, strlen(v->s));
        else if (v->type == VAL_INT)
            h = fnv1a64(h, &v->i, sizeof v->i);
        else
            h = fnv1a64(h, &v->b, sizeof v->b);
    }
    return h;
}

bool game_same_state(const Game *a, const Game *b)
{
    const Story *s = a->story;
    if (a->scene != b->scene || memcmp(a->stats, b->stats, s->n_stats * sizeof *a->stats) != 0)
        return false;
    if (once_hash(a, FNV1A64_INIT) != once_hash(b, FNV1A64_INIT))
        return false;
    for (size_t i = 0; i < s->n_flags; i++)
        if (!story_value_equal(&a->flags[i], &b->flags[i]))
            return false;
    return true;
}

const char *game_decision_lesson(const Game *g, size_t i)
{
    const Decision *d = game_decision(g, i);
    if (!d)
        return NULL;
    const Scene *sc = &g->story->scenes[d->scene];
    const Choice *c = &sc->choices[d->choice];
    return c->lesson ? c->lesson : sc->lesson;
}

/* ---- for core/carry.c (game_int.h) ---- */

int game_int_clamp(const StatDef *d, long long v) { return clamp_stat(d, v); }
void game_int_set_flag(Game *g, int i, const Value *v) { set_flag(g, i, v); }
Game *game_int_alloc(const Story *s, uint64_t seed, const char *player)
{
    return alloc_game(s, seed, player);
}
Game *game_int_begin(Game *g, Err *err) { return begin(g, err); }
