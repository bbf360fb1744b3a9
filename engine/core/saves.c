/* saves.c: the saves of every story in a catalog (saves.h). */
#include "core/saves.h"

#include <stdlib.h>
#include <string.h>

#include "core/autosave.h"
#include "core/paths.h"

static int cmp_entry(const void *a, const void *b)
{
    const SaveEntry *x = a, *y = b;
    int c = strcmp(y->info.updated, x->info.updated);
    if (c)
        return c;
    if (x->story != y->story)
        return x->story < y->story ? -1 : 1;
    return strcmp(x->info.name, y->info.name);
}

SaveEntry *saves_list_all(const Catalog *c, size_t *n)
{
    *n = 0;
    SaveEntry *v = NULL;
    for (size_t i = 0; i < c->n; i++) {
        Err err;
        char *dir = paths_save_dir(c->v[i].id, &err);
        if (!dir)
            break;
        size_t k;
        SaveInfo *in = save_list(dir, &k);
        if (k) {
            v = xrealloc(v, (*n + k) * sizeof *v);
            for (size_t j = 0; j < k; j++) /* the strings move over; the array is freed */
                v[(*n)++] = (SaveEntry){in[j], i, xasprintf("%s/%s.json", dir, in[j].name)};
        }
        free(in);
        free(dir);
    }
    if (*n > 1)
        qsort(v, *n, sizeof *v, cmp_entry);
    return v;
}

void saves_free(SaveEntry *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        save_info_clear(&v[i].info);
        free(v[i].path);
    }
    free(v);
}

bool saves_is_autosave(const char *name)
{
    if (strcmp(name, "autosave") == 0)
        return true;
    if (strncmp(name, "autosave-", 9) != 0)
        return false;
    /* autosave-2 ... autosave-AUTOSAVE_MAX_SLOTS, as autosave_slot_path names them */
    char *end;
    long k = strtol(name + 9, &end, 10);
    return name[9] >= '1' && name[9] <= '9' && *end == '\0' && k >= 2 && k <= AUTOSAVE_MAX_SLOTS;
}

bool saves_latest_autosave(const Catalog *c, size_t *story, char **updated)
{
    size_t n;
    SaveEntry *v = saves_list_all(c, &n);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++) {
        if (!saves_is_autosave(v[i].info.name) || !v[i].info.updated[0])
            continue;
        *story = v[i].story;
        *updated = xstrdup(v[i].info.updated);
        found = true;
    }
    saves_free(v, n);
    return found;
}

static bool same_steps(const Step *a, size_t na, const Step *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (strcmp(a[i].scene, b[i].scene) != 0 || strcmp(a[i].choice, b[i].choice) != 0)
            return false;
    return true;
}

bool saves_same_game(const SaveData *a, const SaveData *b)
{
    bool same = strcmp(a->story_id, b->story_id) == 0 && a->seed == b->seed &&
                strcmp(a->player ? a->player : "", b->player ? b->player : "") == 0 &&
                a->n_chapters == b->n_chapters &&
                same_steps(a->steps, a->n_steps, b->steps, b->n_steps);
    for (size_t i = 0; same && i < a->n_chapters; i++) {
        const SaveChapter *x = &a->chapters[i], *y = &b->chapters[i];
        same = strcmp(x->story_id, y->story_id) == 0 && x->seed == y->seed &&
               same_steps(x->steps, x->n_steps, y->steps, y->n_steps);
    }
    return same;
}
