/* story.c: the story model's lookups and lifetime. Building it is the loader's job. */
#include "core/story.h"

#include <stdlib.h>
#include <string.h>

#include "core/host.h"
#include "core/story_build.h"

static void free_text(Text *t)
{
    free(t->str);
}

static void free_effects(Effects *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].stat);
    free(e->v);
}

static void free_sets(Sets *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].flag);
        story_value_free(&s->v[i].value);
    }
    free(s->v);
}

void story_free(Story *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_scenes; i++) {
        Scene *sc = &s->scenes[i];
        for (size_t j = 0; j < sc->n_choices; j++) {
            Choice *c = &sc->choices[j];
            free(c->id);
            free_text(&c->text);
            free_effects(&c->effects);
            free_sets(&c->set);
            free(c->go);
            free(c->lesson);
            free_text(&c->reply);
            for (size_t k = 0; k < c->n_requires; k++)
                free(c->requires[k].stat);
            free(c->requires);
            free(c->show_locked);
        }
        free(sc->choices);
        free(sc->id);
        free(sc->chapter);
        free_text(&sc->text);
        free_effects(&sc->effects);
        free_sets(&sc->set);
        free(sc->lesson);
        free(sc->discuss);
        free(sc->advice);
        free(sc->title);
    }
    free(s->scenes);
    for (size_t i = 0; i < s->n_stats; i++) {
        free(s->stats[i].id);
        free(s->stats[i].label);
        free(s->stats[i].description);
    }
    free(s->stats);
    for (size_t i = 0; i < s->n_flags; i++) {
        free(s->flags[i].id);
        story_value_free(&s->flags[i].initial);
    }
    free(s->flags);
    for (size_t i = 0; i < s->n_thresholds; i++)
        free(s->thresholds[i].go);
    free(s->thresholds);
    for (size_t i = 0; i < s->n_chapters; i++)
        free(s->chapters[i]);
    free(s->chapters);
    free_effects(&s->between);
    for (size_t i = 0; i < s->n_files; i++)
        free(s->files[i]);
    free(s->files);
    free(s->scene_slots);
    free(s->id);
    free(s->title);
    free(s->summary);
    free(s->author);
    free(s->content_note);
    free(s->start);
    free(s->path);
    if (s->host && s->host_ops)
        s->host_ops->free(s->host);
    free(s);
}

Story *story_load(const char *path, Err *err)
{
    return story_load_variant(path, 0, err);
}

Story *story_load_variant(const char *path, unsigned variant, Err *err)
{
    const HostOps *h = host_installed();
    if (!h) {
        err_set(err, "%s: no scripting host is installed to run the story (host_install)", path);
        return NULL;
    }
    return h->load(path, variant, err);
}

bool story_effect_parse(const char *text, Effect *e)
{
    const char *p = text;
    EffectKind kind;
    if (*p == '=')
        kind = EFFECT_SET, p++;
    else if (*p == '+' || *p == '-')
        kind = EFFECT_ADD;
    else
        return false;
    bool neg = false;
    if (kind == EFFECT_ADD || *p == '-' || *p == '+') {
        neg = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
    }
    if (*p < '0' || *p > '9')
        return false;
    long long n = 0;
    while (*p >= '0' && *p <= '9') {
        n = n * 10 + (*p++ - '0');
        if (n > 1000000)
            return false;
    }
    if (*p == '%' && kind == EFFECT_ADD && p[1] == '\0') {
        if (n > 100)
            return false;
        e->kind = neg ? EFFECT_FAIR_DOWN : EFFECT_FAIR_UP;
        e->delta = (int)n;
        return true;
    }
    if (*p != '\0')
        return false;
    e->kind = kind;
    e->delta = (int)(neg ? -n : n);
    return true;
}

void story_free_effects(Effect *v, size_t n)
{
    (void)n; /* the entries own nothing: their names are NULL, their index is resolved */
    free(v);
}

void story_free_sets(FlagSet *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        story_value_free(&v[i].value); /* the name is NULL, the index resolved */
    free(v);
}

Scene *story_add_scene(Story *s)
{
    util_grow(&s->scenes, &s->cap_scenes, s->n_scenes + 1, sizeof *s->scenes);
    Scene *sc = &s->scenes[s->n_scenes++];
    memset(sc, 0, sizeof *sc);
    return sc;
}

static size_t hash_str(const char *s)
{
    return (size_t)fnv1a64(FNV1A64_INIT, s, strlen(s));
}

void story_index_scenes(Story *s)
{
    free(s->scene_slots);
    s->n_slots = 16;
    while (s->n_slots < s->n_scenes * 2)
        s->n_slots *= 2;
    s->scene_slots = xmalloc(s->n_slots * sizeof *s->scene_slots);
    for (size_t i = 0; i < s->n_slots; i++)
        s->scene_slots[i] = -1;
    for (size_t i = 0; i < s->n_scenes; i++) {
        size_t h = hash_str(s->scenes[i].id) & (s->n_slots - 1);
        while (s->scene_slots[h] >= 0) {
            if (strcmp(s->scenes[s->scene_slots[h]].id, s->scenes[i].id) == 0)
                break; /* duplicate: the first declaration wins; the loader reports it */
            h = (h + 1) & (s->n_slots - 1);
        }
        if (s->scene_slots[h] < 0)
            s->scene_slots[h] = (int)i;
    }
}

int story_find_scene(const Story *s, const char *id)
{
    if (!s->scene_slots || !id)
        return -1;
    size_t h = hash_str(id) & (s->n_slots - 1);
    while (s->scene_slots[h] >= 0) {
        if (strcmp(s->scenes[s->scene_slots[h]].id, id) == 0)
            return s->scene_slots[h];
        h = (h + 1) & (s->n_slots - 1);
    }
    return -1;
}

int story_find_stat(const Story *s, const char *id)
{
    for (size_t i = 0; i < s->n_stats; i++)
        if (strcmp(s->stats[i].id, id) == 0)
            return (int)i;
    return -1;
}

int story_find_flag(const Story *s, const char *id)
{
    if (s->flags_sorted) { /* binary search: texts look flags up by name at every showing */
        size_t lo = 0, hi = s->n_flags;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(s->flags[mid].id, id);
            if (c == 0)
                return (int)mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return -1;
    }
    for (size_t i = 0; i < s->n_flags; i++)
        if (strcmp(s->flags[i].id, id) == 0)
            return (int)i;
    return -1;
}

int story_find_choice(const Scene *sc, const char *id)
{
    for (size_t i = 0; i < sc->n_choices; i++)
        if (strcmp(sc->choices[i].id, id) == 0)
            return (int)i;
    return -1;
}

const char *story_verdict_name(Verdict v)
{
    switch (v) {
    case VERDICT_GOOD: return "good";
    case VERDICT_MIXED: return "mixed";
    case VERDICT_BAD: return "bad";
    }
    return "mixed";
}

const char *story_stat_good_name(StatGood g)
{
    switch (g) {
    case GOOD_HIGH: return "high";
    case GOOD_LOW: return "low";
    case GOOD_NEUTRAL: return "neutral";
    }
    return "neutral";
}

void story_value_free(Value *v)
{
    if (v->type == VAL_STR)
        free(v->s);
    v->s = NULL;
}

Value story_value_copy(const Value *v)
{
    Value c = *v;
    if (v->type == VAL_STR)
        c.s = xstrdup(v->s);
    return c;
}

bool story_value_equal(const Value *a, const Value *b)
{
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case VAL_BOOL: return a->b == b->b;
    case VAL_INT: return a->i == b->i;
    case VAL_STR: return strcmp(a->s, b->s) == 0;
    }
    return false;
}

void story_value_format(const Value *v, Buf *out)
{
    switch (v->type) {
    case VAL_BOOL: buf_puts(out, v->b ? "yes" : "no"); break;
    case VAL_INT: buf_printf(out, "%lld", v->i); break;
    case VAL_STR: buf_puts(out, v->s); break;
    }
}
