/* explore_report.c: `ladder explore`: its options, and the report of an exploration as text
 * or as one JSON object. */
#include <cJSON.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/autoplay.h"
#include "core/catalog.h"
#include "core/rng.h"
#include "core/utf8.h"
#include "tools/explore.h"
#include "tools/tools.h"

enum { EXIT_PROBLEMS = TOOLS_EXIT_FAILED, EXIT_USAGE = TOOLS_EXIT_USAGE };

static double mean(long long sum, long n)
{
    return n ? (double)sum / (double)n : 0.0;
}

/* Exhaustive: whether the random check reached scene i or took choice ci. */
static bool random_reached(const ExploreResult *r, size_t i)
{
    return r->random_scene_hits && r->random_scene_hits[i];
}

static bool random_took(const ExploreResult *r, size_t ci)
{
    return r->random_choice_taken && r->random_choice_taken[ci];
}

static char *choice_name(const Scene *sc, const Choice *c)
{
    return xasprintf("%s/%s", sc->id, c->id);
}

/* ---------------------------------------------------------------- explore */

const char tool_explore_usage[] =
    "Usage: ladder explore STORY --random N [--seed S] [--strategy NAME[,NAME...]]\n"
    "                            [--jobs J] [--cap D] [--json]\n"
    "       ladder explore STORY --exhaustive [--max-depth D] [--max-states N] [--json]\n"
    "\n"
    "Play STORY (a bundled id or a path) many times and report what was reached.\n"
    "A campaign is reported chapter by chapter and as a whole career.\n"
    "\n"
    "  --random N         N playthroughs (of a campaign: whole careers); run i is seeded S+i,\n"
    "                     so any run replays alone with 'ladder replay STORY --seed S+i --random'\n"
    "  --seed S           first seed (default 1)\n"
    "  --strategy NAME    random (default), least-used (prefer choices taken least so far) or\n"
    "                     advice:P (follow the story's advice tags with probability P);\n"
    "                     several, comma-separated, are compared on the same seeds\n"
    "  --jobs J           share the runs among J processes (default: the number of cores);\n"
    "                     the report is the same as with one (a campaign: one process)\n"
    "  --cap D            decisions before a playthrough counts as unfinished (default 500)\n"
    "  --exhaustive       every choice of every reachable state, merging states with the same\n"
    "                     scene, stats and flags (a campaign: each chapter from its own start);\n"
    "                     conditions reading visit counts, g.decisions or random draws are not\n"
    "                     judged, and random play checks what a cut or merged walk left out\n"
    "  --max-depth D      stop following a path after D decisions (default 200)\n"
    "  --max-states N     stop the walk after N distinct states (default 2000000)\n"
    "  --json             one JSON object instead of the report\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "Exit status: 0, or 1 when a playthrough hit a script error, a dead end, or did not end.\n";

/* The strategy of o by name ("advice:0.9"), in a static buffer valid until the next call. */
static const char *strategy_name(const ExploreOptions *o)
{
    static char name[40];
    AutoplayStrategy st = o->strategy == STRATEGY_LEAST_USED ? AUTOPLAY_LEAST_USED
                          : o->strategy == STRATEGY_ADVICE   ? AUTOPLAY_ADVICE
                                                             : AUTOPLAY_RANDOM;
    return autoplay_strategy_name(st, o->advice_p, name, sizeof name);
}

static cJSON *json_report(const Story *s, const ExploreOptions *o, const ExploreResult *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "story", s->id);
    cJSON_AddStringToObject(root, "title", s->title);
    cJSON_AddStringToObject(root, "mode", o->exhaustive ? "exhaustive" : "random");
    cJSON_AddNumberToObject(root, "runs", (double)r->runs);
    cJSON_AddNumberToObject(root, "seed", (double)o->seed);
    if (!o->exhaustive)
        cJSON_AddStringToObject(root, "strategy", strategy_name(o));
    else {
        cJSON_AddNumberToObject(root, "states", (double)r->states);
        cJSON_AddBoolToObject(root, "truncated", r->truncated);
        cJSON_AddNumberToObject(root, "depth_cut", (double)r->depth_cut);
    }

    cJSON *scenes = cJSON_AddObjectToObject(root, "scenes");
    cJSON_AddNumberToObject(scenes, "total", (double)s->n_scenes);
    cJSON *hits = cJSON_CreateObject(), *unreached = cJSON_CreateArray();
    long reached = 0;
    for (size_t i = 0; i < s->n_scenes; i++) {
        cJSON_AddNumberToObject(hits, s->scenes[i].id, (double)r->scene_hits[i]);
        if (r->scene_hits[i])
            reached++;
        else if (!random_reached(r, i))
            cJSON_AddItemToArray(unreached, cJSON_CreateString(s->scenes[i].id));
    }
    cJSON_AddNumberToObject(scenes, "reached", (double)reached);
    cJSON_AddItemToObject(scenes, "unreached", unreached);
    cJSON_AddItemToObject(scenes, "hits", hits);

    cJSON *choices = cJSON_AddObjectToObject(root, "choices");
    cJSON_AddNumberToObject(choices, "total", (double)s->n_choices_total);
    cJSON *chits = cJSON_CreateObject(), *untaken = cJSON_CreateArray();
    cJSON *always_true = cJSON_CreateArray(), *always_false = cJSON_CreateArray();
    cJSON *not_judged = cJSON_CreateArray();
    long taken = 0;
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        for (size_t j = 0; j < sc->n_choices; j++) {
            size_t ci = sc->choice_base + j;
            char *name = choice_name(sc, &sc->choices[j]);
            cJSON_AddNumberToObject(chits, name, (double)r->choice_taken[ci]);
            if (r->choice_taken[ci])
                taken++;
            else if (!random_took(r, ci))
                cJSON_AddItemToArray(untaken, cJSON_CreateString(name));
            bool judged = !(o->exhaustive && r->when_outside[ci]);
            if (sc->choices[j].when && !judged)
                cJSON_AddItemToArray(not_judged, cJSON_CreateString(name));
            if (sc->choices[j].when && judged && r->when[ci][1] && !r->when[ci][0])
                cJSON_AddItemToArray(always_true, cJSON_CreateString(name));
            if (sc->choices[j].when && judged && r->when[ci][0] && !r->when[ci][1])
                cJSON_AddItemToArray(always_false, cJSON_CreateString(name));
            free(name);
        }
    }
    cJSON_AddNumberToObject(choices, "taken", (double)taken);
    cJSON_AddItemToObject(choices, "untaken", untaken);
    cJSON_AddItemToObject(choices, "hits", chits);
    cJSON *conds = cJSON_AddObjectToObject(root, "conditions");
    cJSON_AddItemToObject(conds, "always_true", always_true);
    cJSON_AddItemToObject(conds, "always_false", always_false);
    if (o->exhaustive) {
        cJSON_AddItemToObject(conds, "not_judged", not_judged);
        cJSON *rc = cJSON_AddObjectToObject(root, "random_check");
        cJSON_AddNumberToObject(rc, "runs", (double)r->random_runs);
        cJSON *rs = cJSON_AddArrayToObject(rc, "scenes"), *rch = cJSON_AddArrayToObject(rc, "choices");
        for (size_t i = 0; i < s->n_scenes; i++) {
            const Scene *sc = &s->scenes[i];
            if (!r->scene_hits[i] && random_reached(r, i))
                cJSON_AddItemToArray(rs, cJSON_CreateString(sc->id));
            for (size_t j = 0; j < sc->n_choices; j++) {
                if (r->choice_taken[sc->choice_base + j] || !random_took(r, sc->choice_base + j))
                    continue;
                char *name = choice_name(sc, &sc->choices[j]);
                cJSON_AddItemToArray(rch, cJSON_CreateString(name));
                free(name);
            }
        }
    } else {
        cJSON_Delete(not_judged);
    }

    cJSON *endings = cJSON_AddObjectToObject(root, "endings");
    for (size_t i = 0; i < s->n_scenes; i++)
        if (s->scenes[i].ending)
            cJSON_AddNumberToObject(endings, s->scenes[i].id, (double)r->scene_hits[i]);

    cJSON *dec = cJSON_AddObjectToObject(root, "decisions");
    cJSON_AddNumberToObject(dec, "min", (double)(r->dmin < 0 ? 0 : r->dmin));
    cJSON_AddNumberToObject(dec, "mean", (double)(long long)(mean(r->dsum, r->completed) * 100 + 0.5) / 100);
    cJSON_AddNumberToObject(dec, "max", (double)r->dmax);

    cJSON *stats = cJSON_AddObjectToObject(root, "stats");
    for (size_t k = 0; k < s->n_stats; k++) {
        cJSON *st = cJSON_AddObjectToObject(stats, s->stats[k].id);
        cJSON_AddNumberToObject(st, "min", r->completed ? r->end_min[k] : 0);
        cJSON_AddNumberToObject(st, "mean",
                                (double)(long long)(mean(r->end_sum[k], r->completed) * 10 + 0.5) / 10);
        cJSON_AddNumberToObject(st, "max", r->completed ? r->end_max[k] : 0);
        cJSON *per = cJSON_AddObjectToObject(st, "scenes");
        for (size_t i = 0; i < s->n_scenes; i++) {
            if (!r->scene_hits[i])
                continue;
            size_t x = i * s->n_stats + k;
            cJSON *ps = cJSON_AddObjectToObject(per, s->scenes[i].id);
            cJSON_AddNumberToObject(ps, "min", r->at_min[x]);
            cJSON_AddNumberToObject(ps, "mean",
                                    (double)(long long)(mean(r->at_sum[x], r->scene_hits[i]) * 10 + 0.5) / 10);
            cJSON_AddNumberToObject(ps, "max", r->at_max[x]);
        }
    }

    cJSON *errors = cJSON_AddArrayToObject(root, "errors");
    for (int i = 0; i < r->kept_errors; i++) {
        cJSON *e = cJSON_CreateObject();
        if (!o->exhaustive)
            cJSON_AddNumberToObject(e, "seed", (double)r->errors[i].seed);
        cJSON_AddNumberToObject(e, "decision", (double)r->errors[i].decision);
        cJSON_AddStringToObject(e, "message", r->errors[i].message);
        if (r->errors[i].choices)
            cJSON_AddStringToObject(e, "choices", r->errors[i].choices);
        cJSON_AddItemToArray(errors, e);
    }
    cJSON_AddNumberToObject(root, "error_count", (double)r->n_errors);
    cJSON_AddNumberToObject(root, "stuck", (double)r->n_stuck);
    cJSON *ss = cJSON_AddArrayToObject(root, "stuck_seeds");
    for (int i = 0; i < r->kept_stuck; i++)
        cJSON_AddItemToArray(ss, cJSON_CreateNumber((double)r->stuck_seeds[i]));
    cJSON_AddNumberToObject(root, "words", (double)explore_words(s));
    return root;
}

/* printf with the text's control characters made visible (utf8_vfprintf): the report quotes the
 * story's titles, ids, labels and error messages. */
static void printv(const char *fmt, ...) LADDER_PRINTF(1, 2);
static void printv(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    utf8_vfprintf(stdout, fmt, ap);
    va_end(ap);
}

/* The note on an exhaustive walk's limits, or "". */
static const char *walk_limits(const ExploreResult *r)
{
    if (r->truncated)
        return " (stopped at the state limit: not every state was walked)";
    if (r->depth_cut)
        return " (some paths cut at --max-depth)";
    return "";
}

/* The report of one story (or one chapter of a campaign: then no header or words). given is
 * the STORY argument as typed, for the replay hints. */
static void text_body(const Story *s, const ExploreOptions *o, const ExploreResult *r,
                      const char *given)
{
    bool advice = o->strategy == STRATEGY_ADVICE; /* its replay hints name the strategy */
    printv("decisions per playthrough: min %ld, mean %.1f, max %ld\n", r->dmin < 0 ? 0 : r->dmin,
           mean(r->dsum, r->completed), r->dmax);
    printv("\nendings:\n");
    long total_end = 0;
    for (size_t i = 0; i < s->n_scenes; i++)
        if (s->scenes[i].ending)
            total_end += r->scene_hits[i];
    for (size_t i = 0; i < s->n_scenes; i++)
        if (s->scenes[i].ending)
            printv("  %-28s %-6s %8ld  %5.1f%%\n", s->scenes[i].id,
                   story_verdict_name(s->scenes[i].verdict), r->scene_hits[i],
                   total_end ? 100.0 * (double)r->scene_hits[i] / (double)total_end : 0.0);
    long reached = 0;
    for (size_t i = 0; i < s->n_scenes; i++)
        reached += r->scene_hits[i] > 0;
    printv("\nscenes reached: %ld of %zu\n", reached, s->n_scenes);
    for (size_t i = 0; i < s->n_scenes; i++) {
        if (r->scene_hits[i])
            continue;
        printv("  %s: %s:%d: %s '%s'\n",
               random_reached(r, i) ? "reached by random play only" : "never",
               s->scenes[i].pos.file, s->scenes[i].pos.line,
               s->scenes[i].ending ? "ending" : "scene", s->scenes[i].id);
    }
    long taken = 0;
    for (size_t i = 0; i < s->n_choices_total; i++)
        taken += r->choice_taken[i] > 0;
    printv("choices taken: %ld of %zu\n", taken, s->n_choices_total);
    for (size_t i = 0; i < s->n_scenes; i++) {
        const Scene *sc = &s->scenes[i];
        for (size_t j = 0; j < sc->n_choices; j++) {
            size_t ci = sc->choice_base + j;
            const Choice *c = &sc->choices[j];
            bool judged = !(o->exhaustive && r->when_outside[ci]);
            if (r->choice_taken[ci])
                continue;
            if (random_took(r, ci))
                printv("  reached by random play only: %s:%d: scene '%s', choice '%s'\n",
                       c->pos.file, c->pos.line, sc->id, c->id);
            else if (r->scene_hits[i])
                printv("  never: %s:%d: scene '%s', choice '%s'%s\n", c->pos.file, c->pos.line,
                       sc->id, c->id,
                       !c->when || !r->when[ci][0] || r->when[ci][1] ? ""
                       : judged ? " (its when was always false)"
                                : " (its when was false where walked; not judged: it reads "
                                  "visit counts, g.decisions or random draws)");
            else
                printv("  never: %s:%d: scene '%s', choice '%s' (the scene was never reached)\n",
                       c->pos.file, c->pos.line, sc->id, c->id);
        }
    }
    if (o->exhaustive) {
        for (size_t i = 0; i < s->n_scenes; i++) {
            const Scene *sc = &s->scenes[i];
            for (size_t j = 0; j < sc->n_choices; j++) {
                size_t ci = sc->choice_base + j;
                const Choice *c = &sc->choices[j];
                if (!c->when)
                    continue;
                if (r->when_outside[ci])
                    printv("  condition not judged: %s:%d: scene '%s', choice '%s' (it reads "
                           "visit counts, g.decisions or random draws, which merged states do "
                           "not keep apart)\n",
                           c->pos.file, c->pos.line, sc->id, c->id);
                else if (r->when[ci][1] && !r->when[ci][0])
                    printv("  condition always true: %s:%d: scene '%s', choice '%s'\n",
                           c->pos.file, c->pos.line, sc->id, c->id);
                else if (r->when[ci][0] && !r->when[ci][1])
                    printv("  condition always false: %s:%d: scene '%s', choice '%s'\n",
                           c->pos.file, c->pos.line, sc->id, c->id);
            }
        }
        if (r->random_runs) {
            bool cut = r->truncated || r->depth_cut;
            printv("  (checked by %ld random playthroughs from the same seed, as the walk %s%s%s)\n",
                   r->random_runs, cut ? "was cut short" : "",
                   cut && r->outside_reads ? " and " : "",
                   r->outside_reads ? "merged states that differ in what the story reads" : "");
        }
    }
    printv("\nstats at the end:\n");
    for (size_t k = 0; k < s->n_stats; k++)
        printv("  %-28s min %4d   mean %6.1f   max %4d\n", s->stats[k].label,
               r->completed ? r->end_min[k] : 0, mean(r->end_sum[k], r->completed),
               r->completed ? r->end_max[k] : 0);
    if (r->n_errors) {
        printv("\nscript errors: %ld\n", r->n_errors);
        for (int i = 0; i < r->kept_errors; i++) {
            if (o->exhaustive)
                printv("  after %s: %s\n", r->errors[i].choices, r->errors[i].message);
            else
                printv("  seed %llu, decision %ld: %s\n", (unsigned long long)r->errors[i].seed,
                       r->errors[i].decision, r->errors[i].message);
        }
        if (!o->exhaustive && r->kept_errors)
            printv("  replay one: ladder replay %s --seed %llu --random%s%s\n", given,
                   (unsigned long long)r->errors[0].seed, advice ? " --strategy " : "",
                   advice ? strategy_name(o) : "");
    }
    if (r->n_stuck) {
        printv("\nunfinished after %ld decision%s: %ld (seeds", o->cap, o->cap == 1 ? "" : "s",
               r->n_stuck);
        for (int i = 0; i < r->kept_stuck; i++)
            printv(" %llu", (unsigned long long)r->stuck_seeds[i]);
        printv("%s)\n", r->n_stuck > r->kept_stuck ? " ..." : "");
        printv("  replay one: ladder replay %s --seed %llu --random%s%s\n", given,
               (unsigned long long)r->stuck_seeds[0], advice ? " --strategy " : "",
               advice ? strategy_name(o) : "");
    }
}


static void text_report(const Story *s, const ExploreOptions *o, const ExploreResult *r,
                        double secs, const char *given)
{
    if (o->exhaustive)
        printv("%s (%s): exhaustive, %ld distinct states%s, %ld paths to an ending, %.2f s\n",
               s->id, s->title, r->states, walk_limits(r), r->runs, secs);
    else
        printv("%s (%s): %ld %s playthroughs from seed %llu, %.2f s\n", s->id, s->title, r->runs,
               strategy_name(o), (unsigned long long)o->seed, secs);
    text_body(s, o, r, given);
    printv("\nwords of prose: %ld\n", explore_words(s));
}

/* ---------------------------------------------------------------- campaigns */

/* Scenes reached and choices taken over all chapters (by the walk or its random check). */
static void career_coverage(const ExploreCampaign *c, long *sc_reached, long *sc_total,
                            long *ch_taken, long *ch_total)
{
    *sc_reached = *sc_total = *ch_taken = *ch_total = 0;
    for (size_t k = 0; k < c->n; k++) {
        const Story *s = c->chapters[k];
        const ExploreResult *r = &c->per[k];
        for (size_t i = 0; i < s->n_scenes; i++)
            *sc_reached += r->scene_hits[i] > 0 || random_reached(r, i);
        for (size_t i = 0; i < s->n_choices_total; i++)
            *ch_taken += r->choice_taken[i] > 0 || random_took(r, i);
        *sc_total += (long)s->n_scenes;
        *ch_total += (long)s->n_choices_total;
    }
}

/* The career paths' indices, most frequent first (ties in order of first appearance). */
static size_t *paths_by_count(const ExploreCampaign *c)
{
    size_t *ix = xcalloc(c->n_paths ? c->n_paths : 1, sizeof *ix);
    for (size_t i = 0; i < c->n_paths; i++) {
        size_t j = i;
        while (j > 0 && c->path_counts[ix[j - 1]] < c->path_counts[i]) {
            ix[j] = ix[j - 1];
            j--;
        }
        ix[j] = i;
    }
    return ix;
}

static cJSON *json_campaign(const Story *s, const ExploreOptions *o, const ExploreCampaign *c)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "story", s->id);
    cJSON_AddStringToObject(root, "title", s->title);
    cJSON_AddStringToObject(root, "mode", o->exhaustive ? "exhaustive" : "random");
    cJSON_AddBoolToObject(root, "campaign", true);
    cJSON_AddNumberToObject(root, "seed", (double)o->seed);
    if (!o->exhaustive) {
        cJSON_AddStringToObject(root, "strategy", strategy_name(o));
        cJSON_AddNumberToObject(root, "runs", (double)c->runs);
        cJSON_AddNumberToObject(root, "completed", (double)c->completed);
    }
    cJSON *chapters = cJSON_AddArrayToObject(root, "chapters");
    long errors = 0, stuck = 0;
    for (size_t k = 0; k < c->n; k++) {
        cJSON *ch = json_report(c->chapters[k], o, &c->per[k]);
        if (!o->exhaustive)
            cJSON_AddNumberToObject(ch, "reached", (double)c->reached[k]);
        cJSON_AddItemToArray(chapters, ch);
        errors += c->per[k].n_errors;
        stuck += c->per[k].n_stuck;
    }
    cJSON *career = cJSON_AddObjectToObject(root, "career");
    long sr, st, ct, cn;
    career_coverage(c, &sr, &st, &ct, &cn);
    cJSON *scenes = cJSON_AddObjectToObject(career, "scenes");
    cJSON_AddNumberToObject(scenes, "total", (double)st);
    cJSON_AddNumberToObject(scenes, "reached", (double)sr);
    cJSON *choices = cJSON_AddObjectToObject(career, "choices");
    cJSON_AddNumberToObject(choices, "total", (double)cn);
    cJSON_AddNumberToObject(choices, "taken", (double)ct);
    if (!o->exhaustive) {
        cJSON *endings = cJSON_AddObjectToObject(career, "endings");
        size_t *ix = paths_by_count(c);
        for (size_t i = 0; i < c->n_paths; i++)
            cJSON_AddNumberToObject(endings, c->paths[ix[i]], (double)c->path_counts[ix[i]]);
        free(ix);
    }
    cJSON_AddNumberToObject(root, "error_count", (double)errors);
    cJSON_AddNumberToObject(root, "stuck", (double)stuck);
    return root;
}

static void text_campaign(const Story *s, const ExploreOptions *o, const ExploreCampaign *c,
                          double secs, const char *given)
{
    if (o->exhaustive)
        printv("%s (%s): exhaustive, a campaign of %zu chapters, %.2f s\n"
               "each chapter is walked on its own from its own start: stats are not carried over\n"
               "from the chapter before (--random N plays whole careers)\n",
               s->id, s->title, c->n, secs);
    else {
        printv("%s (%s): %ld %s careers from seed %llu, %.2f s\n", s->id, s->title, c->runs,
               strategy_name(o), (unsigned long long)o->seed, secs);
        printv("\nchapters reached:\n");
        for (size_t k = 0; k < c->n; k++)
            printv("  %zu %-26s %8ld  %5.1f%%\n", k + 1, c->chapters[k]->id, c->reached[k],
                   c->runs ? 100.0 * (double)c->reached[k] / (double)c->runs : 0.0);
        printv("  every chapter ended: %ld\n", c->completed);
    }
    long words = 0;
    for (size_t k = 0; k < c->n; k++) {
        const ExploreResult *r = &c->per[k];
        printv("\n== chapter %zu: %s (%s)", k + 1, c->chapters[k]->id, c->chapters[k]->title);
        if (o->exhaustive)
            printv(": %ld distinct states%s, %ld paths to an ending", r->states, walk_limits(r),
                   r->runs);
        printv(" ==\n");
        text_body(c->chapters[k], o, r, given);
        words += explore_words(c->chapters[k]);
    }
    long sr, st, ct, cn;
    career_coverage(c, &sr, &st, &ct, &cn);
    printv("\n== the whole career ==\nscenes reached: %ld of %ld\nchoices taken: %ld of %ld\n", sr,
           st, ct, cn);
    if (!o->exhaustive && c->completed) {
        printv("\ncareers by their chapters' verdicts:\n");
        size_t *ix = paths_by_count(c);
        for (size_t i = 0; i < c->n_paths && i < 12; i++)
            printv("  %-32s %8ld  %5.1f%%\n", c->paths[ix[i]], c->path_counts[ix[i]],
                   100.0 * (double)c->path_counts[ix[i]] / (double)c->completed);
        if (c->n_paths > 12)
            printv("  ... %zu more\n", c->n_paths - 12);
        free(ix);
    }
    printv("\nwords of prose: %ld\n", words);
}

/* ---------------------------------------------------------------- strategies compared */

#define MAX_STRATEGIES 8

/* One strategy's outcome: {strategy, runs, completed, verdicts{good,mixed,bad}, endings{id:n}}
 * for a story; for a campaign the verdicts count every chapter's ending, endings are the
 * careers by their chapters' verdicts, and chapters[] has each chapter's endings. */
static void add_endings(cJSON *obj, const Story *s, const ExploreResult *r, long verdicts[3])
{
    cJSON *endings = cJSON_AddObjectToObject(obj, "endings");
    for (size_t i = 0; i < s->n_scenes; i++) {
        if (!s->scenes[i].ending)
            continue;
        cJSON_AddNumberToObject(endings, s->scenes[i].id, (double)r->scene_hits[i]);
        verdicts[s->scenes[i].verdict] += r->scene_hits[i];
    }
}

static void add_verdicts(cJSON *obj, const long verdicts[3])
{
    cJSON *v = cJSON_AddObjectToObject(obj, "verdicts");
    long total = verdicts[0] + verdicts[1] + verdicts[2];
    for (int k = 0; k < 3; k++)
        cJSON_AddNumberToObject(v, story_verdict_name((Verdict)k), (double)verdicts[k]);
    cJSON *sh = cJSON_AddObjectToObject(obj, "shares");
    for (int k = 0; k < 3; k++)
        cJSON_AddNumberToObject(sh, story_verdict_name((Verdict)k),
                                total ? (double)(long long)(1000.0 * (double)verdicts[k] / (double)total + 0.5) / 1000
                                      : 0);
}

static cJSON *summary_story(const Story *s, const ExploreOptions *o, const ExploreResult *r)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "strategy", strategy_name(o));
    cJSON_AddNumberToObject(obj, "runs", (double)r->runs);
    cJSON_AddNumberToObject(obj, "completed", (double)r->completed);
    long verdicts[3] = {0, 0, 0};
    add_endings(obj, s, r, verdicts);
    add_verdicts(obj, verdicts);
    return obj;
}

static cJSON *summary_campaign(const ExploreOptions *o, const ExploreCampaign *c)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "strategy", strategy_name(o));
    cJSON_AddNumberToObject(obj, "runs", (double)c->runs);
    cJSON_AddNumberToObject(obj, "completed", (double)c->completed);
    long verdicts[3] = {0, 0, 0};
    cJSON *chapters = cJSON_AddArrayToObject(obj, "chapters");
    for (size_t k = 0; k < c->n; k++) {
        cJSON *ch = cJSON_CreateObject();
        cJSON_AddStringToObject(ch, "story", c->chapters[k]->id);
        add_endings(ch, c->chapters[k], &c->per[k], verdicts);
        cJSON_AddItemToArray(chapters, ch);
    }
    cJSON *career = cJSON_AddObjectToObject(obj, "career");
    size_t *ix = paths_by_count(c);
    for (size_t i = 0; i < c->n_paths; i++)
        cJSON_AddNumberToObject(career, c->paths[ix[i]], (double)c->path_counts[ix[i]]);
    free(ix);
    add_verdicts(obj, verdicts);
    return obj;
}

/* Whether any choice of s (or of a campaign's chapters) carries an advice tag. */
static bool has_advice(const Story *s)
{
    for (size_t i = 0; i < s->n_scenes; i++)
        for (size_t j = 0; j < s->scenes[i].n_choices; j++)
            if (s->scenes[i].choices[j].advice != ADVICE_NONE)
                return true;
    return false;
}

/* The strategies compared, as text: verdict shares and each ending's share per strategy. */
static void text_strategies(const cJSON *list, bool advice_tags)
{
    printv("\nstrategies compared (the same seeds):\n");
    printv("  %-16s %8s %8s %8s   %s\n", "strategy", "good", "mixed", "bad", "of endings");
    const cJSON *it;
    cJSON_ArrayForEach(it, list) {
        const cJSON *sh = cJSON_GetObjectItemCaseSensitive(it, "shares");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "verdicts");
        long total = 0;
        const cJSON *x;
        cJSON_ArrayForEach(x, v) total += (long)x->valuedouble;
        printv("  %-16s %7.1f%% %7.1f%% %7.1f%%   %ld\n",
               cJSON_GetObjectItemCaseSensitive(it, "strategy")->valuestring,
               100 * cJSON_GetObjectItemCaseSensitive(sh, "good")->valuedouble,
               100 * cJSON_GetObjectItemCaseSensitive(sh, "mixed")->valuedouble,
               100 * cJSON_GetObjectItemCaseSensitive(sh, "bad")->valuedouble, total);
    }
    const cJSON *first = cJSON_GetArrayItem(list, 0);
    const cJSON *endings = cJSON_GetObjectItemCaseSensitive(first, "endings");
    if (cJSON_GetObjectItemCaseSensitive(first, "chapters") == NULL && endings) {
        printv("\n  %-28s", "ending");
        cJSON_ArrayForEach(it, list)
            printv(" %12.12s", cJSON_GetObjectItemCaseSensitive(it, "strategy")->valuestring);
        printv("\n");
        const cJSON *e;
        cJSON_ArrayForEach(e, endings) {
            printv("  %-28s", e->string);
            cJSON_ArrayForEach(it, list) {
                const cJSON *en = cJSON_GetObjectItemCaseSensitive(it, "endings");
                double n = cJSON_GetObjectItemCaseSensitive(en, e->string)->valuedouble, tot = 0;
                const cJSON *y;
                cJSON_ArrayForEach(y, en) tot += y->valuedouble;
                printv(" %11.1f%%", tot > 0 ? 100 * n / tot : 0.0);
            }
            printv("\n");
        }
    }
    if (!advice_tags)
        printv("  (no choice carries an advice tag: advice:P plays as random)\n");
}

/* Print JSON (one line, repaired to UTF-8) and free it. */
static void print_json(cJSON *root)
{
    char *text = cJSON_PrintUnformatted(root);
    utf8_write_repaired(stdout, text ? text : "{}", text ? strlen(text) : 2);
    putchar('\n');
    cJSON_free(text);
    cJSON_Delete(root);
}

/* The strategies --strategy named, in order (the first is the one reported in full). */
typedef struct StrategyList {
    size_t n;
    Strategy st[MAX_STRATEGIES];
    double p[MAX_STRATEGIES];
} StrategyList;

static ExploreOptions with_strategy(const ExploreOptions *o, const StrategyList *l, size_t i)
{
    ExploreOptions oi = *o;
    oi.strategy = l->st[i];
    oi.advice_p = l->p[i];
    return oi;
}

/* Whether a result or a campaign's chapters had errors or unfinished runs. */
static bool campaign_problems(const ExploreCampaign *c)
{
    for (size_t k = 0; k < c->n; k++)
        if (c->per[k].n_errors || c->per[k].n_stuck)
            return true;
    return false;
}

/* explore of a campaign; frees s. */
static int explore_campaign(Story *s, const ExploreOptions *o, const StrategyList *l, bool json,
                            const char *given)
{
    ExploreCampaign c;
    Err err;
    double t0 = util_now_seconds();
    if (explore_campaign_run(s, o, &c, &err) != 0) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        explore_campaign_free(&c);
        story_free(s);
        return EXIT_PROBLEMS;
    }
    double secs = util_now_seconds() - t0;
    int rc = campaign_problems(&c) ? EXIT_PROBLEMS : 0;
    cJSON *list = o->exhaustive ? NULL : cJSON_CreateArray();
    bool tags = false;
    for (size_t k = 0; k < c.n; k++)
        tags = tags || has_advice(c.chapters[k]);
    if (list) {
        cJSON_AddItemToArray(list, summary_campaign(o, &c));
        for (size_t i = 1; i < l->n; i++) {
            ExploreOptions oi = with_strategy(o, l, i);
            ExploreCampaign ci;
            if (explore_campaign_run(s, &oi, &ci, &err) != 0) {
                utf8_fprintf(stderr, "ladder: %s\n", err.msg);
                rc = EXIT_PROBLEMS;
            } else {
                cJSON_AddItemToArray(list, summary_campaign(&oi, &ci));
                if (campaign_problems(&ci))
                    rc = EXIT_PROBLEMS;
            }
            explore_campaign_free(&ci);
        }
    }
    if (json) {
        cJSON *root = json_campaign(s, o, &c);
        if (list)
            cJSON_AddItemToObject(root, "strategies", list);
        print_json(root);
    } else {
        text_campaign(s, o, &c, secs, given);
        if (list && (l->n > 1 || o->strategy == STRATEGY_ADVICE))
            text_strategies(list, tags);
        cJSON_Delete(list);
    }
    explore_campaign_free(&c);
    story_free(s);
    return rc;
}

int tool_explore(int argc, char **argv)
{
    static const struct option opts[] = {{"random", required_argument, NULL, 'r'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"strategy", required_argument, NULL, 'S'},
                                         {"jobs", required_argument, NULL, 'j'},
                                         {"cap", required_argument, NULL, 'c'},
                                         {"exhaustive", no_argument, NULL, 'e'},
                                         {"max-depth", required_argument, NULL, 'd'},
                                         {"max-states", required_argument, NULL, 'm'},
                                         {"json", no_argument, NULL, 'J'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    ExploreOptions o = {.seed = 1, .cap = 500, .jobs = ncpu > 0 ? (int)ncpu : 1,
                        .max_depth = 200, .max_states = 2000000};
    bool json = false;
    StrategyList strategies = {1, {STRATEGY_RANDOM}, {0}};
    long v;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'r':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &o.runs))
                return tools_usage_error("explore", "--random takes a count from 1, not '%s'", optarg);
            break;
        case 's':
            if (!rng_parse_seed(optarg, &o.seed))
                return tools_usage_error("explore", "--seed takes a non-negative integer, not '%s'", optarg);
            break;
        case 'S': {
            char *list = xstrdup(optarg), *save = NULL;
            strategies.n = 0;
            for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
                AutoplayStrategy as;
                double p;
                if (strategies.n == MAX_STRATEGIES || !autoplay_parse_strategy(t, &as, &p)) {
                    int rc = strategies.n == MAX_STRATEGIES
                                 ? tools_usage_error("explore", "at most %d strategies", MAX_STRATEGIES)
                                 : tools_usage_error("explore",
                                                     "unknown strategy '%s' (use random, least-used "
                                                     "or advice:P with P from 0 to 1)",
                                                     t);
                    free(list);
                    return rc;
                }
                strategies.st[strategies.n] = as == AUTOPLAY_LEAST_USED ? STRATEGY_LEAST_USED
                                              : as == AUTOPLAY_ADVICE   ? STRATEGY_ADVICE
                                                                        : STRATEGY_RANDOM;
                strategies.p[strategies.n++] = p;
            }
            free(list);
            if (strategies.n == 0)
                return tools_usage_error("explore", "%s", "--strategy needs a name");
            o.strategy = strategies.st[0];
            o.advice_p = strategies.p[0];
            break;
        }
        case 'j':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &v) || v > 64)
                return tools_usage_error("explore", "--jobs takes a count from 1 to 64, not '%s'", optarg);
            o.jobs = (int)v;
            break;
        case 'c':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &o.cap))
                return tools_usage_error("explore", "--cap takes a count from 1, not '%s'", optarg);
            break;
        case 'e': o.exhaustive = true; break;
        case 'd':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &o.max_depth))
                return tools_usage_error("explore", "--max-depth takes a count from 1, not '%s'", optarg);
            break;
        case 'm':
            if (!tools_parse_count(optarg, 1, LONG_MAX, &o.max_states))
                return tools_usage_error("explore", "--max-states takes a count from 1, not '%s'", optarg);
            break;
        case 'J': json = true; break;
        case 'h': tools_print_usage(tool_explore_usage); return 0;
        default: return tools_usage_error("explore", "%s", "invalid option");
        }
    }
    if (optind >= argc)
        return tools_usage_error("explore", "%s", "explore needs a STORY");
    if (optind + 1 < argc)
        return tools_usage_error("explore", "unexpected argument '%s'", argv[optind + 1]);
    if (o.exhaustive == (o.runs > 0))
        return tools_usage_error("explore", "%s", "give either --random N or --exhaustive");
    Err err;
    Story *s = catalog_open(argv[optind], &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", err.msg);
        return EXIT_PROBLEMS;
    }
    o.progress = isatty(STDERR_FILENO);
    if (s->n_chapters)
        return explore_campaign(s, &o, &strategies, json, argv[optind]);
    ExploreResult r;
    double t0 = util_now_seconds();
    if (explore_run(s, &o, &r, &err) != 0) {
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        story_free(s);
        return EXIT_PROBLEMS;
    }
    double secs = util_now_seconds() - t0;
    int rc = r.n_errors || r.n_stuck ? EXIT_PROBLEMS : 0;
    cJSON *list = o.exhaustive ? NULL : cJSON_CreateArray();
    if (list) { /* each strategy from the same seeds: the first is r */
        cJSON_AddItemToArray(list, summary_story(s, &o, &r));
        for (size_t i = 1; i < strategies.n; i++) {
            ExploreOptions oi = with_strategy(&o, &strategies, i);
            ExploreResult ri;
            if (explore_run(s, &oi, &ri, &err) != 0) {
                utf8_fprintf(stderr, "ladder: %s\n", err.msg);
                rc = EXIT_PROBLEMS;
            } else {
                cJSON_AddItemToArray(list, summary_story(s, &oi, &ri));
                if (ri.n_errors || ri.n_stuck)
                    rc = EXIT_PROBLEMS;
            }
            explore_result_free(&ri);
        }
    }
    if (json) {
        cJSON *root = json_report(s, &o, &r);
        if (list)
            cJSON_AddItemToObject(root, "strategies", list);
        print_json(root);
    } else {
        text_report(s, &o, &r, secs, argv[optind]);
        if (list && (strategies.n > 1 || o.strategy == STRATEGY_ADVICE))
            text_strategies(list, has_advice(s));
        cJSON_Delete(list);
    }
    explore_result_free(&r);
    story_free(s);
    return rc;
}
