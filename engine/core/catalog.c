/* catalog.c: finding the bundled stories, and the files that make up a story. */
#include "core/catalog.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/gallery.h"
#include "core/paths.h"

static int cmp_entry(const void *a, const void *b)
{
    const CatalogEntry *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

Catalog *catalog_scan(const char *dir)
{
    Catalog *c = xcalloc(1, sizeof *c);
    c->dir = xstrdup(dir);
    Buf problems = {0};
    DIR *d = opendir(dir);
    if (!d) {
        c->problems = xasprintf("%s: cannot read the scenarios folder", dir);
        return c;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *main = xasprintf("%s/%s/story.lua", dir, e->d_name);
        struct stat st;
        if (stat(main, &st) == 0 && S_ISREG(st.st_mode)) {
            util_grow(&names, &cap, n + 1, sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
        free(main);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_name);
    size_t ecap = 0;
    Err gerr;
    Gallery *gallery = gallery_open(NULL, &gerr); /* NULL: the counts stay 0 */
    for (size_t i = 0; i < n; i++) {
        char *path = xasprintf("%s/%s", dir, names[i]);
        Err err;
        Story *s = story_load(path, &err);
        if (!s) {
            buf_printf(&problems, "%s%s", problems.len ? "\n" : "", err.msg);
            free(path);
        } else {
            util_grow(&c->v, &ecap, c->n + 1, sizeof *c->v);
            CatalogEntry *ce = &c->v[c->n++];
            ce->id = xstrdup(s->id);
            ce->title = xstrdup(s->title);
            ce->summary = xstrdup(s->summary);
            ce->order = s->order;
            ce->path = path;
            ce->endings = 0;
            ce->endings_found = gallery ? gallery_found(gallery, s, &ce->endings) : 0;
            story_free(s);
        }
        free(names[i]);
    }
    free(names);
    gallery_free(gallery);
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, cmp_entry);
    c->problems = problems.len ? buf_take(&problems) : NULL;
    return c;
}

void catalog_free(Catalog *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].id);
        free(c->v[i].title);
        free(c->v[i].summary);
        free(c->v[i].path);
    }
    free(c->v);
    free(c->dir);
    free(c->problems);
    free(c);
}

Story *catalog_open(const char *ref, Err *err)
{
    struct stat st;
    if (strchr(ref, '/') || util_str_ends_with(ref, ".lua") || stat(ref, &st) == 0)
        return story_load(ref, err);
    return catalog_open_bundled(ref, err);
}

Story *catalog_open_bundled(const char *ref, Err *err)
{
    struct stat st;
    if (!util_is_identifier(ref)) {
        err_set(err, "'%.200s' is not the id of a bundled story", ref);
        return NULL;
    }
    char *dir = paths_scenarios_dir();
    /* the usual case: the folder is named after the story */
    char *guess = xasprintf("%s/%s", dir, ref);
    if (stat(guess, &st) == 0 && S_ISDIR(st.st_mode)) {
        Story *s = story_load(guess, err);
        free(guess);
        if (!s || strcmp(s->id, ref) == 0) {
            free(dir);
            return s;
        }
        story_free(s);
    } else {
        free(guess);
    }
    Catalog *c = catalog_scan(dir);
    Story *s = NULL;
    bool found = false;
    for (size_t i = 0; i < c->n && !found; i++)
        if (strcmp(c->v[i].id, ref) == 0) {
            found = true;
            s = story_load(c->v[i].path, err);
        }
    if (!found) {
        Buf ids = {0};
        for (size_t i = 0; i < c->n; i++)
            buf_printf(&ids, "%s%s", i ? ", " : "", c->v[i].id);
        err_set(err, "no story '%s' (bundled stories: %s; or give a path to a scenario file or "
                     "folder)",
                ref, ids.len ? buf_str(&ids) : "none found in the scenarios folder");
        buf_free(&ids);
    }
    catalog_free(c);
    free(dir);
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int catalog_story_files(const char *path, char ***files, size_t *n, Err *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        err_set(err, "%s: no such file or folder", path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        *files = xmalloc(sizeof **files);
        (*files)[0] = xstrdup(path);
        *n = 1;
        return 0;
    }
    DIR *d = opendir(path);
    if (!d) {
        err_set(err, "%s: cannot read folder", path);
        return -1;
    }
    size_t cap = 0;
    *n = 0;
    *files = NULL;
    bool has_main = false;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !util_str_ends_with(e->d_name, ".lua"))
            continue;
        if (strcmp(e->d_name, "story.lua") == 0) {
            has_main = true;
            continue;
        }
        util_grow(files, &cap, *n + 1, sizeof **files);
        (*files)[(*n)++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (!has_main) {
        for (size_t i = 0; i < *n; i++)
            free((*files)[i]);
        free(*files);
        *files = NULL;
        *n = 0;
        err_set(err, "%s: a story folder needs a story.lua", path);
        return -1;
    }
    if (*n > 1)
        qsort(*files, *n, sizeof **files, cmp_str);
    util_grow(files, &cap, *n + 1, sizeof **files);
    memmove(*files + 1, *files, *n * sizeof **files);
    (*files)[0] = xstrdup("story.lua");
    (*n)++;
    size_t plen = strlen(path);
    bool slash = plen && path[plen - 1] == '/';
    for (size_t i = 0; i < *n; i++) {
        char *full = xasprintf("%s%s%s", path, slash ? "" : "/", (*files)[i]);
        free((*files)[i]);
        (*files)[i] = full;
    }
    return 0;
}

Story *catalog_open_chapter(const Story *campaign, size_t i, Err *err)
{
    const char *id = campaign->chapters[i];
    char *dir = xstrdup(campaign->path);
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';
    char *slash = strrchr(dir, '/');
    char *sibling = slash ? xasprintf("%.*s/%s", (int)(slash - dir), dir, id) : xstrdup(id);
    free(dir);
    struct stat st;
    Story *story = stat(sibling, &st) == 0 ? story_load(sibling, err) : catalog_open(id, err);
    free(sibling);
    if (story && strcmp(story->id, id) != 0) {
        err_set(err, "campaign '%s': chapter %zu should be the story '%s' but its folder holds '%s'",
                campaign->id, i + 1, id, story->id);
        story_free(story);
        return NULL;
    }
    if (story && story->n_chapters) {
        err_set(err, "campaign '%s': chapter '%s' is itself a campaign", campaign->id, id);
        story_free(story);
        return NULL;
    }
    return story;
}
