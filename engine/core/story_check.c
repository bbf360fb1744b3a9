/* story_check.c: the checks and name resolution of a story once its files have run (see
 * story_check.h). Pure C over the story model: no scripting host. */
#include "core/story_check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/story_build.h"
#include "core/suggest.h"
#include "core/text.h"

const char *const story_reserved_names[STORY_N_RESERVED] = {
    "player", "scene", "decisions", "chance", "roll", "visited", "named"};

bool story_is_reserved_name(const char *name)
{
    for (size_t i = 0; i < STORY_N_RESERVED; i++)
        if (strcmp(name, story_reserved_names[i]) == 0)
            return true;
    return false;
}

void story_problem(StoryProblems *p, Pos pos, const char *fmt, ...)
{
    if (++p->n > STORY_MAX_PROBLEMS)
        return;
    if (p->text.len)
        buf_putc(&p->text, '\n');
    buf_printf(&p->text, "%s:%d: ", pos.file ? pos.file : "?", pos.line);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&p->text, fmt, ap);
    va_end(ap);
    if (pos.from_line > 0)
        buf_printf(&p->text, " (called from %s:%d)", pos.from_file, pos.from_line);
}

void story_problems_to_err(StoryProblems *p, Err *err)
{
    if (p->n > STORY_MAX_PROBLEMS)
        buf_printf(&p->text, "\n... and %d more problems", p->n - STORY_MAX_PROBLEMS);
    err_set(err, "%s", buf_str(&p->text));
    buf_free(&p->text);
}

/* The story being checked and its problems. */
typedef struct Check {
    Story *s;
    StoryProblems *p;
} Check;

#define problem(c, ...) story_problem((c)->p, __VA_ARGS__)

const char *story_suggest_name(const Story *s, const char *name, unsigned kinds)
{
    Suggest sg;
    suggest_init(&sg, name);
    if (kinds & STORY_NAME_STAT)
        for (size_t i = 0; i < s->n_stats; i++)
            suggest_offer(&sg, s->stats[i].id);
    if (kinds & STORY_NAME_FLAG)
        for (size_t i = 0; i < s->n_flags; i++)
            suggest_offer(&sg, s->flags[i].id);
    if (kinds & STORY_NAME_SCENE)
        for (size_t i = 0; i < s->n_scenes; i++)
            suggest_offer(&sg, s->scenes[i].id);
    if (kinds & STORY_NAME_BUILTIN)
        for (size_t i = 0; i < STORY_N_RESERVED; i++)
            suggest_offer(&sg, story_reserved_names[i]);
    return suggest_best(&sg);
}

/* A text's names looked up, the first unknown one kept for a suggestion. */
typedef struct NameCheck {
    const Story *s;
    char missing[128];
} NameCheck;

static bool check_name(void *ud, const char *name, size_t len, Buf *out)
{
    NameCheck *nc = ud;
    (void)out;
    char key[128];
    if (len == 0 || len >= sizeof key)
        return false;
    memcpy(key, name, len);
    key[len] = '\0';
    bool known = strcmp(key, "player") == 0 || story_find_stat(nc->s, key) >= 0 ||
                 story_find_flag(nc->s, key) >= 0;
    if (!known && !nc->missing[0])
        memcpy(nc->missing, key, len + 1);
    return known;
}

static void check_text(Check *c, const Text *t, Pos pos, const char *what)
{
    Err err;
    NameCheck nc = {c->s, ""};
    if (t->str && text_interpolate(t->str, check_name, &nc, NULL, &err) != 0) {
        const char *best = nc.missing[0] ? story_suggest_name(c->s, nc.missing,
                                                              STORY_NAME_STAT | STORY_NAME_FLAG)
                                         : NULL;
        if (!best && nc.missing[0] && suggest_distance(nc.missing, "player") <= 2)
            best = "player";
        if (best)
            problem(c, pos, "%s: %s; did you mean {%s}?", what, err.msg, best);
        else
            problem(c, pos, "%s: %s", what, err.msg);
    }
}

static void resolve_effects(Check *c, Effects *e, Pos pos, const char *what)
{
    for (size_t i = 0; i < e->n; i++) {
        e->v[i].index = story_find_stat(c->s, e->v[i].stat);
        const char *best = e->v[i].index < 0
                               ? story_suggest_name(c->s, e->v[i].stat, STORY_NAME_STAT)
                               : NULL;
        if (e->v[i].index < 0)
            problem(c, pos, "%s: effect on unknown stat '%s'%s%s%s", what, e->v[i].stat,
                    best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
    }
}

static void collect_flags(Story *s, const Sets *set, size_t *cap)
{
    for (size_t i = 0; i < set->n; i++) {
        if (story_find_flag(s, set->v[i].flag) >= 0)
            continue;
        util_grow(&s->flags, cap, s->n_flags + 1, sizeof *s->flags);
        s->flags[s->n_flags].id = xstrdup(set->v[i].flag);
        s->flags[s->n_flags].initial = (Value){.type = VAL_BOOL};
        s->flags[s->n_flags].implicit = true;
        s->n_flags++;
    }
}

static void resolve_sets(Story *s, Sets *set)
{
    for (size_t i = 0; i < set->n; i++)
        set->v[i].index = story_find_flag(s, set->v[i].flag);
}

static void resolve_target(Check *c, const char *go, int *index, Pos pos, const char *what)
{
    *index = story_find_scene(c->s, go);
    const char *best = *index < 0 ? story_suggest_name(c->s, go, STORY_NAME_SCENE) : NULL;
    if (*index < 0)
        problem(c, pos, "%s goes to unknown scene '%s'%s%s%s", what, go,
                best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
}

static int cmp_flag(const void *a, const void *b)
{
    return strcmp(((const FlagDef *)a)->id, ((const FlagDef *)b)->id);
}

void story_resolve(Story *s, StoryProblems *p)
{
    Check check = {s, p}, *c = &check;
    story_index_scenes(s);
    if (s->n_chapters) {
        if (s->n_scenes)
            problem(c, s->scenes[0].pos, "a campaign has no scenes of its own; its chapters do");
        return;
    }
    if (s->n_scenes == 0)
        problem(c, s->pos, "the story has no scenes");
    /* flags: declared ones, then every name a static set uses */
    size_t cap = s->n_flags;
    for (size_t i = 0; i < s->n_scenes; i++) {
        collect_flags(s, &s->scenes[i].set, &cap);
        for (size_t j = 0; j < s->scenes[i].n_choices; j++)
            collect_flags(s, &s->scenes[i].choices[j].set, &cap);
    }
    if (s->n_flags > STORY_MAX_FLAGS) {
        problem(c, s->pos, "the story sets %zu flags (at most %d)", s->n_flags, STORY_MAX_FLAGS);
        return;
    }
    if (s->n_flags > 1)
        qsort(s->flags, s->n_flags, sizeof *s->flags, cmp_flag);
    s->flags_sorted = true;
    for (size_t i = 0; i < s->n_flags; i++) {
        if (story_find_stat(s, s->flags[i].id) >= 0)
            problem(c, s->pos, "'%s' is both a stat and a flag", s->flags[i].id);
        if (story_is_reserved_name(s->flags[i].id))
            problem(c, s->pos, "'%s' is a reserved name and cannot be a flag", s->flags[i].id);
    }
    s->start_index = story_find_scene(s, s->start);
    if (s->start_index < 0)
        problem(c, s->pos, "story: start scene '%s' does not exist", s->start);
    for (size_t i = 0; i < s->n_thresholds; i++) {
        Threshold *t = &s->thresholds[i];
        resolve_target(c, t->go, &t->go_index, t->pos, "when_stat");
    }
    for (size_t i = 0; i < s->n_scenes; i++) {
        Scene *sc_ = &s->scenes[i];
        char what[200];
        snprintf(what, sizeof what, "%s '%s'", sc_->ending ? "ending" : "scene", sc_->id);
        int first = story_find_scene(s, sc_->id);
        if (first != (int)i)
            problem(c, sc_->pos, "%s is declared twice (first at %s:%d)", what,
                    s->scenes[first].pos.file, s->scenes[first].pos.line);
        if (!sc_->ending && sc_->n_choices == 0)
            problem(c, sc_->pos, "%s has no choices and is not an ending (a dead end)", what);
        check_text(c, &sc_->text, sc_->pos, what);
        resolve_effects(c, &sc_->effects, sc_->pos, what);
        resolve_sets(s, &sc_->set);
        for (size_t j = 0; j < sc_->n_choices; j++) {
            Choice *ch = &sc_->choices[j];
            char cwhat[300];
            snprintf(cwhat, sizeof cwhat, "scene '%s', choice '%s'", sc_->id, ch->id);
            for (size_t k = 0; k < j; k++)
                if (strcmp(sc_->choices[k].id, ch->id) == 0)
                    problem(c, ch->pos, "%s: two choices have this id", cwhat);
            check_text(c, &ch->text, ch->pos, cwhat);
            resolve_effects(c, &ch->effects, ch->pos, cwhat);
            resolve_sets(s, &ch->set);
            check_text(c, &ch->reply, ch->pos, cwhat);
            for (size_t k = 0; k < ch->n_requires; k++) {
                Requirement *r = &ch->requires[k];
                r->index = story_find_stat(s, r->stat);
                const char *best =
                    r->index < 0 ? story_suggest_name(s, r->stat, STORY_NAME_STAT) : NULL;
                if (r->index < 0)
                    problem(c, ch->pos, "%s: requires unknown stat '%s'%s%s%s", cwhat, r->stat,
                            best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
            }
            if (ch->go)
                resolve_target(c, ch->go, &ch->go_index, ch->pos, cwhat);
        }
    }
}
