/* autoplay.c: a playthrough with the choices picked by a program (see autoplay.h).
 *
 * The picks come from a PCG32 generator apart from the game's, seeded with the game seed mixed
 * with the golden-ratio constant below; random play draws a uniform index among the shown
 * choices, least-used takes the least counted one and breaks ties with the same generator
 * (reservoir-style: the j-th tie replaces the pick with probability 1/j), advice:P draws a coin
 * and then an index among the advised (or counter-advised) choices at a tagged decision. */
#include "core/autoplay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"

#define PICK_MIX 0x9e3779b97f4a7c15ULL /* 2^64 / golden ratio */

uint64_t autoplay_pick_seed_nth(uint64_t key, uint64_t n) { return key ^ (n * PICK_MIX); }

uint64_t autoplay_pick_seed(uint64_t seed) { return autoplay_pick_seed_nth(seed, 1); }

/* The least-counted of the choices shown now (ties broken by the generator). */
static size_t least_used(const long *counts, const Game *g, Rng *pick)
{
    const Scene *sc = game_scene(g);
    size_t n = game_choice_count(g), best = 0, ties = 0;
    long low = -1;
    for (size_t i = 0; i < n; i++) {
        size_t ci = (size_t)(game_choice(g, i) - sc->choices);
        long t = counts[sc->choice_base + ci];
        if (low < 0 || t < low) {
            low = t;
            best = i;
            ties = 1;
        } else if (t == low && rng_range(pick, 0, (int64_t)ties++) == 0) {
            best = i;
        }
    }
    return best;
}

bool autoplay_parse_strategy(const char *name, AutoplayStrategy *st, double *advice_p)
{
    *advice_p = 0;
    if (strcmp(name, "random") == 0)
        *st = AUTOPLAY_RANDOM;
    else if (strcmp(name, "least-used") == 0)
        *st = AUTOPLAY_LEAST_USED;
    else if (strncmp(name, "advice:", 7) == 0) {
        const char *p = name + 7;
        char *end;
        if (!((*p >= '0' && *p <= '9') || *p == '.'))
            return false;
        double v = strtod(p, &end);
        if (*end || !(v >= 0 && v <= 1))
            return false;
        *st = AUTOPLAY_ADVICE;
        *advice_p = v;
    } else
        return false;
    return true;
}

const char *autoplay_strategy_name(AutoplayStrategy st, double advice_p, char *buf, size_t size)
{
    switch (st) {
    case AUTOPLAY_LEAST_USED: snprintf(buf, size, "least-used"); break;
    case AUTOPLAY_ADVICE: snprintf(buf, size, "advice:%g", advice_p); break;
    case AUTOPLAY_RANDOM: default: snprintf(buf, size, "random"); break;
    }
    return buf;
}

size_t autoplay_pick_advised(const Game *g, double p, Rng *pick)
{
    size_t n = game_choice_count(g), tagged = 0;
    for (size_t i = 0; i < n; i++)
        tagged += game_choice(g, i)->advice != ADVICE_NONE;
    if (tagged == 0)
        return (size_t)rng_range(pick, 0, (int64_t)n - 1);
    bool follow = rng_unit(pick) < p;
    Advice want = follow ? ADVICE_FOLLOWS : ADVICE_AGAINST;
    Advice shun = follow ? ADVICE_AGAINST : ADVICE_FOLLOWS;
    size_t n_want = 0, n_ok = 0;
    for (size_t i = 0; i < n; i++) {
        Advice a = game_choice(g, i)->advice;
        n_want += a == want;
        n_ok += a != shun;
    }
    /* among the wanted; else among those not shunned; else (every choice shunned) any */
    size_t pool = n_want ? n_want : n_ok ? n_ok : n;
    size_t k = (size_t)rng_range(pick, 0, (int64_t)pool - 1);
    for (size_t i = 0; i < n; i++) {
        Advice a = game_choice(g, i)->advice;
        bool in = n_want ? a == want : n_ok ? a != shun : true;
        if (in && k-- == 0)
            return i;
    }
    return 0;
}

static AutoplayStop stop(AutoplayResult *r, AutoplayStop why) { return r->stop = why; }

/* Play one story or chapter's game g to its end or a stop; d counts its decisions. */
static AutoplayStop play_game(Game *g, const AutoplayOptions *o, long *counts, Rng *pick,
                              AutoplayResult *r)
{
    long d = 0;
    while (!game_ended(g)) {
        if (o->max_decisions > 0 && d >= o->max_decisions)
            return stop(r, AUTOPLAY_LIMIT);
        if (o->deadline > 0 &&
            util_now_seconds() > o->deadline) /* one playthrough can be long too */
            return stop(r, AUTOPLAY_DEADLINE);
        size_t n = game_choice_count(g);
        if (n == 0) { /* the game reports a dead end itself; kept as a guard */
            err_set(&r->err, "scene '%s' offers no choice (a dead end)", game_scene(g)->id);
            r->failed_at = r->decisions + 1;
            return stop(r, AUTOPLAY_FAILED);
        }
        size_t k = o->strategy == AUTOPLAY_LEAST_USED && counts ? least_used(counts, g, pick)
                   : o->strategy == AUTOPLAY_ADVICE         ? autoplay_pick_advised(g, o->advice_p, pick)
                                                            : (size_t)rng_range(pick, 0, (int64_t)n - 1);
        if (o->picked)
            o->picked(o->ctx, g, k);
        const Scene *sc = game_scene(g);
        size_t ci = (size_t)(game_choice(g, k) - sc->choices);
        if (game_choose(g, k, 0, &r->err) != 0) {
            r->failed_at = r->decisions + 1;
            return stop(r, AUTOPLAY_FAILED);
        }
        if (counts)
            counts[sc->choice_base + ci]++;
        d++;
        r->decisions++;
        if (o->arrived)
            o->arrived(o->ctx, g);
        if (o->go_on && !o->go_on(o->ctx, g))
            return stop(r, AUTOPLAY_STOPPED);
    }
    r->chapters++;
    return stop(r, AUTOPLAY_ENDED);
}

AutoplayStop autoplay_play(const Story *story, const AutoplayOptions *o, AutoplayResult *r)
{
    memset(r, 0, sizeof *r);
    Rng pick;
    rng_seed(&pick, o->pick_seed);
    const char *player = o->player; /* NULL: no name given ({player} reads "friend") */
    bool campaign = story->n_chapters > 0;
    size_t nch = campaign ? story->n_chapters : 1;
    Game *prev = NULL;
    Story *owned_prev = NULL; /* the story of prev, when loaded here */
    stop(r, AUTOPLAY_ENDED);
    for (size_t ch = 0; ch < nch; ch++) {
        r->failed_chapter = ch;
        const Story *s = story;
        Story *owned = NULL;
        if (campaign) {
            s = o->chapter ? o->chapter(o->ctx, story, ch, &r->err)
                           : (owned = catalog_open_chapter(story, ch, &r->err));
            if (!s) {
                stop(r, AUTOPLAY_FAILED);
                break;
            }
        }
        uint64_t seed = ch < o->n_chapter_seeds ? o->chapter_seeds[ch] : o->seed + ch;
        Game *g = prev ? game_new_after(s, seed, player, prev, &story->between, &r->err)
                       : game_new(s, seed, player, &r->err);
        game_free(prev);
        story_free(owned_prev);
        prev = NULL;
        owned_prev = NULL;
        if (!g) {
            story_free(owned);
            r->failed_at = 0;
            stop(r, AUTOPLAY_FAILED);
            break;
        }
        game_set_quiet(g, o->quiet);
        long *counts = !campaign ? o->choice_counts
                       : o->chapter_choice_counts ? o->chapter_choice_counts[ch] : NULL;
        unsigned long(*whens)[2] = !campaign ? o->when_counts
                                   : o->chapter_when_counts ? o->chapter_when_counts[ch] : NULL;
        if (whens)
            game_set_when_counts(g, whens);
        if (o->arrived)
            o->arrived(o->ctx, g);
        AutoplayStop why = o->go_on && !o->go_on(o->ctx, g)
                               ? stop(r, AUTOPLAY_STOPPED)
                               : play_game(g, o, counts, &pick, r);
        if (o->finished)
            o->finished(o->ctx, g, ch);
        prev = g;
        owned_prev = owned;
        if (why != AUTOPLAY_ENDED)
            break;
    }
    game_free(prev);
    story_free(owned_prev);
    return r->stop;
}
