/* road_replay.c: the road not taken at one decision, played on by the engine (road_replay.h). */
#include "core/road_replay.h"

#include <stdlib.h>
#include <string.h>

#include "core/autoplay.h"
#include "core/rng.h"

void road_replay_free(RoadReplay *r)
{
    free(r->error);
    free(r->choice);
    free(r->ending_title);
    free(r->stats);
    memset(r, 0, sizeof *r);
}

static int fail(RoadReplay *out, Game *g, const char *msg)
{
    out->error = xstrdup(msg);
    game_free(g);
    return -1;
}

/* The index among the choices shown now of the choice with this id, or -1. */
static long shown_index(const Game *g, const char *id)
{
    for (size_t i = 0; i < game_choice_count(g); i++)
        if (strcmp(game_choice(g, i)->id, id) == 0)
            return (long)i;
    return -1;
}

/* The other choice at a decision where the road took `mine` (see RoadOther). */
static size_t other_choice(const Game *g, size_t mine, const int *counts, size_t n_counts,
                           RoadOther *how)
{
    size_t n = game_choice_count(g), best = mine == 0 ? 1 : 0;
    if (counts && n_counts == n) {
        for (size_t i = 0; i < n; i++)
            if (i != mine && counts[i] > counts[best])
                best = i;
        *how = ROAD_OTHER_RUNNER_UP;
        return best;
    }
    Advice a = game_choice(g, mine)->advice;
    if (a != ADVICE_NONE) {
        Advice want = a == ADVICE_FOLLOWS ? ADVICE_AGAINST : ADVICE_FOLLOWS;
        for (size_t i = 0; i < n; i++)
            if (game_choice(g, i)->advice == want) {
                *how = ROAD_OTHER_ADVICE;
                return i;
            }
    }
    *how = ROAD_OTHER_FIRST;
    return best;
}

/* AUTOPLAY_ADVICE's pick with advice_p 1 (autoplay_pick_advised), so the draws match advice:1
 * play. *any: was any choice tagged. */
static size_t advised(const Game *g, Rng *pick, bool *any)
{
    size_t n = game_choice_count(g), tagged = 0;
    for (size_t i = 0; i < n; i++)
        tagged += game_choice(g, i)->advice != ADVICE_NONE;
    *any = tagged > 0;
    return autoplay_pick_advised(g, 1.0, pick);
}

int road_replay_other(const Game *like, const Step *steps, size_t n, size_t k, const int *counts,
                      size_t n_counts, long max_decisions, RoadReplay *out)
{
    memset(out, 0, sizeof *out);
    Err err = {{0}};
    if (k < 1 || k > n)
        return fail(out, NULL, "there is no such decision on the road");
    for (size_t i = 0; i < k; i++)
        if (!steps[i].scene || !steps[i].choice)
            return fail(out, NULL, "the decision was taken in an earlier chapter");
    Game *g = game_rewind(like, 0, &err);
    if (!g)
        return fail(out, NULL, err.msg);
    for (size_t i = 0; i + 1 < k; i++) {
        if (game_ended(g) || strcmp(game_scene(g)->id, steps[i].scene) != 0) {
            err_set(&err, "decision %zu no longer comes at scene '%s'", i + 1, steps[i].scene);
            return fail(out, g, err.msg);
        }
        if (game_choose_id(g, steps[i].choice, 0, &err) != 0)
            return fail(out, g, err.msg);
    }
    long mine = game_ended(g) || strcmp(game_scene(g)->id, steps[k - 1].scene) != 0
                    ? -1
                    : shown_index(g, steps[k - 1].choice);
    if (mine < 0) {
        err_set(&err, "decision %zu no longer offers '%s'", k, steps[k - 1].choice);
        return fail(out, g, err.msg);
    }
    if (game_choice_count(g) < 2) {
        err_set(&err, "decision %zu offered a single choice", k);
        return fail(out, g, err.msg);
    }
    out->other = other_choice(g, (size_t)mine, counts, n_counts, &out->how);
    out->choice = xstrdup(game_choice_text(g, out->other));
    if (game_choose(g, out->other, 0, &err) != 0)
        return fail(out, g, err.msg);
    game_set_quiet(g, true); /* the texts are not read from here on; the draws stay the same */
    Rng pick;
    rng_seed(&pick, autoplay_pick_seed(game_seed(like)));
    bool *used = xcalloc(n ? n : 1, sizeof *used);
    long cap = max_decisions > 0 ? max_decisions : ROAD_REPLAY_MAX_DECISIONS, later = 0;
    int rc = 0;
    while (!game_ended(g) && later < cap) {
        if (game_choice_count(g) == 0) {
            err_set(&err, "scene '%s' offers no choice (a dead end)", game_scene(g)->id);
            rc = -1;
            break;
        }
        long pickd = -1;
        const char *here = game_scene(g)->id;
        for (size_t j = k; j < n && pickd < 0; j++)
            if (!used[j] && steps[j].scene && strcmp(steps[j].scene, here) == 0 &&
                (pickd = shown_index(g, steps[j].choice)) >= 0)
                used[j] = true;
        if (pickd >= 0)
            out->kept++;
        else {
            bool tagged;
            pickd = (long)advised(g, &pick, &tagged);
            *(tagged ? &out->advised : &out->chance) += 1;
        }
        if (game_choose(g, (size_t)pickd, 0, &err) != 0) {
            rc = -1;
            break;
        }
        later++;
    }
    free(used);
    if (rc != 0)
        return fail(out, g, err.msg);
    const Story *s = game_story(g);
    out->ended = game_ended(g);
    if (out->ended) {
        const Scene *end = game_scene(g);
        out->ending_title = xstrdup(end->title ? end->title : end->id);
        out->verdict = end->verdict;
    }
    out->n_stats = s->n_stats;
    out->stats = xcalloc(s->n_stats ? s->n_stats : 1, sizeof *out->stats);
    for (size_t j = 0; j < s->n_stats; j++)
        out->stats[j] = game_stat(g, j);
    out->decisions = game_decision_count(g);
    game_free(g);
    return 0;
}
